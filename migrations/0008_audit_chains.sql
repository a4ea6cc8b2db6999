-- The audit log as one hash chain per enterprise (plus one for platform-level writes), so that writes in different
-- enterprises no longer queue behind one lock. `seq` stays the global order (now drawn from a sequence, so it can
-- have gaps after a rollback); `chain` + `chain_seq` are the per-chain position, gap-free within a chain.
-- Rows written before this migration form the chain 'global' with chain_seq = seq and keep their original hash
-- format (hash_version 1); new rows use hash_version 2, whose hash also covers chain and chain_seq.
alter table audit_log add column chain text not null default 'global';
alter table audit_log add column chain_seq bigint;
alter table audit_log add column hash_version smallint not null default 1;
update audit_log set chain_seq = seq;
alter table audit_log alter column chain_seq set not null;
alter table audit_log alter column chain drop default;
alter table audit_log alter column hash_version set default 2;
create unique index audit_chain_position on audit_log (chain, chain_seq);

create sequence audit_log_seq_seq owned by audit_log.seq;
select setval('audit_log_seq_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
alter table audit_log alter column seq set default nextval('audit_log_seq_seq');

-- The head of each chain: its last position and hash. Appending takes the head row's lock with one upsert (which
-- also returns the previous hash), so an append is two statements; verification compares each head with the last
-- row of its chain, which finds rows cut off the end of a chain.
create table audit_chain_heads (
  chain text primary key,
  chain_seq bigint not null,
  hash text not null
);
insert into audit_chain_heads (chain, chain_seq, hash)
select distinct on (chain) chain, chain_seq, hash from audit_log order by chain, chain_seq desc;
