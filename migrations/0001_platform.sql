-- Platform foundation: organisations, people, accounts, sessions, audit chain, jobs, outbox, notifications.
-- Stays within PostgreSQL 15 (the embedded engine is newer and accepts more).

create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table districts (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table subdistricts (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts(id),
  code text not null,
  name text not null,
  created_at timestamptz not null default now(),
  unique (district_id, code)
);

-- Industries (行业领域). `categories` carries the lists RULES.md refers to:
-- team_required (R-TEAM-1), engineer_required (R-TEAM-2), liability_insurance (R-INS-1),
-- rescue_org (R-EMG-3), drill_half_year (R-EMG-2), training_strict (R-TRN-1).
create table industries (
  code text primary key,
  name text not null,
  name_en text not null,
  high_risk boolean not null default false,
  categories text[] not null default '{}',
  sort integer not null default 0
);

create table departments (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts(id),
  code text not null,
  name text not null,
  created_at timestamptz not null default now(),
  unique (district_id, code)
);

-- "三个必须": the industries each department supervises.
create table department_industries (
  department_id uuid not null references departments(id) on delete cascade,
  industry_code text not null references industries(code),
  primary key (department_id, industry_code)
);
create index department_industries_industry on department_industries (industry_code);

create table enterprises (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts(id),
  credit_code char(18) not null unique,
  name text not null,
  address text not null default '',
  subdistrict_id uuid not null references subdistricts(id),
  industry_code text not null references industries(code),
  legal_representative text not null default '',
  principal_name text not null default '',
  principal_phone text not null default '',
  employee_count integer not null default 0 check (employee_count >= 0),
  above_scale boolean not null default false,
  central_provincial boolean not null default false,
  state_owned boolean not null default false,
  crowded_venue boolean not null default false,
  high_risk boolean not null default false,
  status text not null default 'active' check (status in ('active', 'suspended', 'closed')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprises_subdistrict on enterprises (subdistrict_id, name);
create index enterprises_industry on enterprises (industry_code, name);
create index enterprises_name on enterprises (name);

-- Insurers and technical-service institutions, and the enterprises each one serves.
create table institutions (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('insurer', 'service')),
  name text not null,
  credit_code char(18) unique,
  created_at timestamptz not null default now()
);
create table institution_enterprises (
  institution_id uuid not null references institutions(id) on delete cascade,
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  primary key (institution_id, enterprise_id)
);
create index institution_enterprises_enterprise on institution_enterprises (enterprise_id);

-- The enterprise's own tree: company → departments → workshops/production units → teams.
-- `path` is the chain of ids from the root ('/a/b/c/') so "a unit and its descendants" is a prefix match.
create table org_units (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  parent_id uuid,
  kind text not null check (kind in ('company', 'department', 'workshop', 'team')),
  name text not null,
  path text not null,
  sort integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, parent_id) references org_units (enterprise_id, id)
);
create index org_units_path on org_units (enterprise_id, path text_pattern_ops);

create table posts (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  org_unit_id uuid not null,
  name text not null,
  key_post boolean not null default false,
  special_operation boolean not null default false,
  certificate_type text,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id),
  check (not special_operation or certificate_type is not null)
);
create index posts_unit on posts (enterprise_id, org_unit_id);

-- Employees. The full ID-card number is never stored: only a masked form and a keyed hash for uniqueness.
create table employees (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  id_number_masked text not null,
  id_number_hash text not null,
  phone text not null default '',
  employment_form text not null check (employment_form in ('regular', 'dispatched', 'temporary', 'migrant', 'intern')),
  org_unit_id uuid not null,
  hire_date date,
  status text not null default 'active' check (status in ('active', 'left')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  unique (enterprise_id, id_number_hash),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id)
);
create index employees_unit on employees (enterprise_id, org_unit_id);
create index employees_name on employees (enterprise_id, name);

create table employee_posts (
  enterprise_id uuid not null,
  employee_id uuid not null,
  post_id uuid not null,
  primary key (enterprise_id, employee_id, post_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade
);
create index employee_posts_post on employee_posts (enterprise_id, post_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('district_admin', 'department_officer', 'subdistrict_officer',
    'enterprise_principal', 'safety_manager', 'unit_leader', 'employee', 'insurer_staff', 'service_staff')),
  district_id uuid references districts(id),
  department_id uuid references departments(id),
  subdistrict_id uuid references subdistricts(id),
  enterprise_id uuid references enterprises(id),
  org_unit_id uuid,
  employee_id uuid,
  institution_id uuid references institutions(id),
  locale text not null default 'zh-CN',
  must_change_password boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (role <> 'department_officer' or department_id is not null),
  check (role <> 'subdistrict_officer' or subdistrict_id is not null),
  check (role not in ('enterprise_principal', 'safety_manager', 'unit_leader', 'employee') or enterprise_id is not null),
  check (role <> 'unit_leader' or org_unit_id is not null),
  check (role not in ('insurer_staff', 'service_staff') or institution_id is not null)
);
create index users_enterprise on users (enterprise_id);

-- Server-side sessions. Only a SHA-256 of the session token is stored.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

-- Tamper-evident audit trail: each row carries the previous row's hash and its own.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_role text,
  actor_scope text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  enterprise_id uuid,
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_entity on audit_log (entity_type, entity_id, seq);
create index audit_enterprise on audit_log (enterprise_id, seq);
create index audit_at on audit_log (at);

-- Background jobs (claimed with FOR UPDATE SKIP LOCKED) and the record of scheduled slots
-- (a slot's row can be inserted once, so only one instance runs a scheduled job per slot).
create table jobs (
  id bigserial primary key,
  name text not null,
  payload jsonb not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  last_error text,
  locked_by text,
  locked_at timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_pending on jobs (run_at) where state = 'pending';

create table job_schedule_runs (
  name text not null,
  slot text not null,
  created_at timestamptz not null default now(),
  primary key (name, slot)
);

-- Side effects recorded in the business transaction, dispatched by the job runner.
create table outbox (
  id bigserial primary key,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_pending on outbox (id) where processed_at is null;

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_unread on notifications (user_id) where read_at is null;
