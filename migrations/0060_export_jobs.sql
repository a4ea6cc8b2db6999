-- Exports too large to answer in one request run as jobs (platform/files/exports.ts): the file is kept here for a
-- limited time, for the account that asked only.
create table export_jobs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null,
  params jsonb not null,
  locale text not null default 'zh-CN',
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'failed')),
  rows_done integer not null default 0,
  rows_total integer not null default 0,
  filename text,
  fallback_name text,
  content bytea,
  error text,
  created_at timestamptz not null,
  finished_at timestamptz,
  expires_at timestamptz not null
);
create index export_jobs_user on export_jobs (user_id, created_at desc);
create index export_jobs_expiry on export_jobs (expires_at);
