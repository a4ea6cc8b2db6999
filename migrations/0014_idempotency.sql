-- D18: idempotency keys. A phone that repeats a write (a double tap, a retry after a lost answer) sends the same
-- Idempotency-Key; the first request claims the key (the primary key serialises concurrent duplicates) and its answer
-- is stored, so a repeat gets that answer instead of a second record. Kept at least 14 days, then purged by a job.
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  request_hash text not null,
  status integer,
  content_type text,
  response_body text,
  created_at timestamptz not null,
  primary key (user_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
