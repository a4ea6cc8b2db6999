-- Risk grading and control (风险分级管控), RULES.md §3.

-- Versioned rule-sets for [cfg] values. The newest version of a kind is in force; records keep the version they used.
create table rule_sets (
  district_id uuid not null references districts(id),
  kind text not null,
  version integer not null check (version > 0),
  rules jsonb not null,
  note text not null default '',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  primary key (district_id, kind, version)
);

-- Floor plans for the four-colour map, stored in the database so a backup holds them.
create table floor_plans (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  mime text not null check (mime in ('image/png', 'image/jpeg', 'image/svg+xml')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  size integer not null,
  data bytea not null,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, id)
);

create table risk_points (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  kind text not null check (kind in ('equipment', 'operation', 'place')),
  org_unit_id uuid not null,
  location text not null default '',
  -- {people: [...], things: [...], environment: [...], management: [...]}
  hazard_factors jsonb not null default '{}',
  accident_types text[] not null default '{}',
  major_hazard_source boolean not null default false,
  emergency_measures text not null default '',
  -- Current grade = residual if assessed, else inherent. Null until the first assessment.
  grade smallint check (grade between 1 and 4),
  inherent_grade smallint check (inherent_grade between 1 and 4),
  residual_grade smallint check (residual_grade between 1 and 4),
  control_level text check (control_level in ('company', 'department', 'workshop', 'team')),
  last_assessed_at timestamptz,
  reassess_due date,
  -- R-RISK-8 items for grade 1–2 places and posts.
  has_warning_signs boolean not null default false,
  has_monitoring boolean not null default false,
  has_emergency_equipment boolean not null default false,
  has_escape_routes boolean not null default false,
  floor_plan_id uuid,
  -- {type: 'marker', x, y} or {type: 'polygon', points: [[x, y], ...]}, coordinates 0..1 of the plan.
  shape jsonb,
  -- Set by hidden-hazard investigation: an open hazard or missed checks at the point ask for re-assessment.
  control_failing boolean not null default false,
  status text not null default 'active' check (status in ('active', 'archived')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, id),
  unique (enterprise_id, code),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id),
  foreign key (enterprise_id, floor_plan_id) references floor_plans (enterprise_id, id)
);
create index risk_points_grade on risk_points (enterprise_id, grade) where status = 'active';
create index risk_points_grade1 on risk_points (enterprise_id) where grade = 1 and status = 'active';
create index risk_points_due on risk_points (reassess_due) where status = 'active';

create table risk_point_posts (
  enterprise_id uuid not null,
  risk_point_id uuid not null,
  post_id uuid not null,
  primary key (enterprise_id, risk_point_id, post_id),
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade
);
create index risk_point_posts_post on risk_point_posts (enterprise_id, post_id);

-- Assessment history (R-RISK-6): every grading with its methods, inputs, rule-set version and reason.
create table risk_assessments (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  risk_point_id uuid not null,
  stage text not null check (stage in ('inherent', 'residual')),
  methods jsonb not null,
  grade smallint not null check (grade between 1 and 4),
  rule_set_version integer not null,
  reason text not null,
  assessed_by uuid references users(id),
  assessed_at timestamptz not null,
  -- Insertion order, for assessments recorded within the same instant.
  seq bigint generated always as identity,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade
);
create index risk_assessments_point on risk_assessments (enterprise_id, risk_point_id, seq desc);

-- R-RISK-4: the responsible person at each control level of a point.
create table risk_controllers (
  enterprise_id uuid not null,
  risk_point_id uuid not null,
  level text not null check (level in ('company', 'department', 'workshop', 'team')),
  employee_id uuid not null,
  primary key (enterprise_id, risk_point_id, level),
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id)
);
create index risk_controllers_employee on risk_controllers (enterprise_id, employee_id);

-- R-RISK-5: control measures in seven categories; each yields check items for hazard investigation.
create table control_measures (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  risk_point_id uuid not null,
  category text not null check (category in ('engineering', 'monitoring', 'isolation', 'ppe', 'management', 'training', 'emergency')),
  content text not null,
  owner_employee_id uuid,
  sort integer not null default 0,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, owner_employee_id) references employees (enterprise_id, id)
);
create index control_measures_point on control_measures (enterprise_id, risk_point_id);

create table risk_check_items (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  risk_point_id uuid not null,
  measure_id uuid not null,
  content text not null,
  method text not null default '',
  cycle text not null check (cycle in ('shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  post_id uuid,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, measure_id) references control_measures (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id)
);
create index risk_check_items_post on risk_check_items (enterprise_id, post_id);

-- R-RISK-7: each post's risk-notice card has a QR token for a public read-only page; revoking issues a new one.
create table post_card_tokens (
  token text primary key,
  enterprise_id uuid not null,
  post_id uuid not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade
);
create unique index post_card_tokens_live on post_card_tokens (enterprise_id, post_id) where revoked_at is null;

-- R-RISK-9: the enterprise's annual risk report (locked snapshot once submitted) and the subdistrict's aggregate.
create table risk_annual_reports (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  year integer not null,
  status text not null default 'draft' check (status in ('draft', 'confirmed', 'submitted')),
  narrative text not null default '',
  snapshot jsonb,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  submitted_by uuid references users(id),
  submitted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, year)
);
create index risk_annual_reports_year on risk_annual_reports (year, status);

create table subdistrict_risk_reports (
  subdistrict_id uuid not null references subdistricts(id),
  year integer not null,
  snapshot jsonb not null,
  forwarded_by uuid references users(id),
  forwarded_at timestamptz not null,
  primary key (subdistrict_id, year)
);
