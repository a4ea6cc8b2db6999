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
