-- Hidden-hazard investigation and closed-loop remediation (隐患排查治理), RULES.md §4.

-- Photos and other evidence, stored in the database so a backup holds them. sha256 spots reused photos.
create table photos (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  mime text not null check (mime in ('image/png', 'image/jpeg', 'image/webp')),
  size integer not null check (size > 0),
  sha256 text not null,
  data bytea not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id)
);
create index photos_sha on photos (enterprise_id, sha256);

-- R-HAZ-1: the built-in check standard library (district-wide) and each enterprise's own items.
create table check_standard_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  category text not null,
  content text not null,
  method text not null default '',
  basis text not null default '',
  -- R-HAZ-2: items whose failure is a major hazard by the 2023 industry-and-trade criteria [cfg].
  major_criterion boolean not null default false,
  sort integer not null default 0
);
create table enterprise_check_items (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  category text not null,
  content text not null,
  method text not null default '',
  basis text not null default '',
  major_criterion boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id)
);

-- Checklists at three levels: enterprise list, workshop table, post check card.
create table checklists (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  level text not null check (level in ('enterprise', 'workshop', 'post')),
  name text not null,
  org_unit_id uuid,
  post_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id),
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id),
  check (level <> 'post' or post_id is not null),
  check (level <> 'workshop' or org_unit_id is not null)
);
create table checklist_items (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  checklist_id uuid not null,
  source text not null check (source in ('standard', 'enterprise', 'risk')),
  source_id uuid,
  risk_point_id uuid,
  content text not null,
  method text not null default '',
  major_criterion boolean not null default false,
  sort integer not null default 0,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, checklist_id) references checklists (enterprise_id, id) on delete cascade
);
create index checklist_items_list on checklist_items (enterprise_id, checklist_id, sort);

-- Check plans and the task instances the job runner creates from them.
create table check_plans (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  type text not null check (type in ('daily', 'comprehensive', 'special', 'seasonal', 'holiday', 'resumption')),
  cycle text not null check (cycle in ('shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  checklist_id uuid not null,
  assignee_post_id uuid,
  assignee_user_id uuid references users(id),
  starts_on date not null,
  ends_on date,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, checklist_id) references checklists (enterprise_id, id),
  foreign key (enterprise_id, assignee_post_id) references posts (enterprise_id, id),
  check (assignee_post_id is not null or assignee_user_id is not null)
);
create table check_tasks (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  checklist_id uuid not null,
  period_key text not null,
  due_at timestamptz not null,
  assignee_post_id uuid,
  assignee_user_id uuid,
  status text not null default 'open' check (status in ('open', 'done', 'missed')),
  done_by uuid references users(id),
  done_at timestamptz,
  pass_count integer not null default 0,
  fail_count integer not null default 0,
  na_count integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  unique (enterprise_id, plan_id, period_key),
  foreign key (enterprise_id, plan_id) references check_plans (enterprise_id, id) on delete cascade
);
create index check_tasks_open on check_tasks (enterprise_id, status, due_at);
create table check_task_results (
  enterprise_id uuid not null,
  task_id uuid not null,
  checklist_item_id uuid not null,
  result text not null check (result in ('pass', 'fail', 'na')),
  note text not null default '',
  photo_ids uuid[] not null default '{}',
  hazard_id uuid,
  primary key (enterprise_id, task_id, checklist_item_id),
  foreign key (enterprise_id, task_id) references check_tasks (enterprise_id, id) on delete cascade
);

-- Hazard records and the closed loop (R-HAZ-2, R-HAZ-3).
create table hazards (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code text not null,
  title text not null,
  description text not null default '',
  source text not null check (source in ('self_check', 'employee_report', 'regulator', 'tip_off', 'insurer', 'service')),
  hazard_class text check (hazard_class in ('thing', 'behaviour', 'management')),
  level text not null default 'general' check (level in ('general', 'major')),
  major_criterion text,
  risk_point_id uuid,
  org_unit_id uuid not null,
  location text not null default '',
  status text not null default 'reported' check (status in ('reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'voided')),
  reported_by uuid references users(id),
  reported_at timestamptz not null,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  rectifier_id uuid references users(id),
  measures text not null default '',
  deadline date,
  funds numeric(14, 2),
  submitted_by uuid references users(id),
  submitted_at timestamptz,
  accepted_by uuid references users(id),
  closed_at timestamptz,
  acceptance_note text not null default '',
  void_reason text,
  on_spot boolean not null default false,
  escalation_level smallint not null default 0,
  check_task_id uuid,
  checklist_item_id uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  unique (enterprise_id, code),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id),
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id)
);
create index hazards_status on hazards (enterprise_id, status, deadline);
create index hazards_open_major on hazards (enterprise_id) where level = 'major' and status not in ('closed', 'voided');
create index hazards_risk_point on hazards (enterprise_id, risk_point_id) where risk_point_id is not null;
create index hazards_reported on hazards (enterprise_id, reported_at);

create table hazard_photos (
  enterprise_id uuid not null,
  hazard_id uuid not null,
  photo_id uuid not null,
  stage text not null check (stage in ('before', 'after', 'evidence')),
  primary key (enterprise_id, hazard_id, photo_id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, photo_id) references photos (enterprise_id, id)
);

-- Every transition: who, when, from, to, note, photos.
create table hazard_events (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  hazard_id uuid not null,
  op text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  at timestamptz not null,
  note text not null default '',
  photo_ids uuid[] not null default '{}',
  -- Insertion order, for events recorded within the same instant.
  seq bigint generated always as identity,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);
create index hazard_events_hazard on hazard_events (enterprise_id, hazard_id, seq);

create table hazard_extensions (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  hazard_id uuid not null,
  requested_by uuid references users(id),
  requested_at timestamptz not null,
  old_deadline date not null,
  new_deadline date not null,
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_note text not null default '',
  primary key (enterprise_id, id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);
create unique index hazard_extensions_pending on hazard_extensions (enterprise_id, hazard_id) where status = 'pending';

-- R-HAZ-4: the major hazard's five-in-place plan and regulators' listed supervision (挂牌督办).
create table hazard_plans (
  enterprise_id uuid not null,
  hazard_id uuid not null,
  responsible_person text not null,
  measures text not null,
  funds numeric(14, 2) not null,
  time_limit date not null,
  contingency_plan text not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, hazard_id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);
create table hazard_supervisions (
  enterprise_id uuid not null,
  hazard_id uuid not null,
  listed_by uuid references users(id),
  listed_at timestamptz not null,
  deadline date not null,
  note text not null default '',
  status text not null default 'listed' check (status in ('listed', 'delisted')),
  delisted_by uuid references users(id),
  delisted_at timestamptz,
  primary key (enterprise_id, hazard_id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);

-- R-HAZ-6: points for employees whose reports are confirmed.
create table hazard_points (
  enterprise_id uuid not null,
  hazard_id uuid not null,
  user_id uuid not null references users(id),
  points integer not null,
  awarded_at timestamptz not null,
  primary key (enterprise_id, hazard_id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);
create index hazard_points_user on hazard_points (enterprise_id, user_id);

-- R-HAZ-5: monthly, quarterly and yearly double reports, locked once submitted.
create table hazard_reports (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  period_type text not null check (period_type in ('month', 'quarter', 'year')),
  period_key text not null,
  status text not null default 'draft' check (status in ('draft', 'confirmed', 'submitted')),
  snapshot jsonb,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  submitted_by uuid references users(id),
  submitted_at timestamptz,
  primary key (enterprise_id, period_type, period_key)
);

-- Per-enterprise, per-year hazard numbers (YH-2026-0001), taken atomically under concurrency.
create table hazard_counters (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  year integer not null,
  n integer not null,
  primary key (enterprise_id, year)
);
