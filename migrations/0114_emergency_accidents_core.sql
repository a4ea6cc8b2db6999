-- Issue 14: the two records the emergency and accident sub-modules share, created here so that each sub-module can
-- build on them in its own migration: plans and their versions, filings, reviews (0115, emergency/plans), drills
-- (0116, emergency/drills), rescue organisation and resources (0117, emergency/rescue), accident reports and their
-- supplements (0118, accidents/reports), investigation and interviews (0119, accidents/followup).

-- R-EMG-1: an emergency plan (综合预案 / 专项预案 / 现场处置方案). Its content is versioned (0115); this row is the plan
-- itself and its place in the life cycle draft → review (评审/论证) → signed → issued → filed.
create table emergency_plans (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('comprehensive', 'special', 'onsite')),
  title text not null check (char_length(title) between 2 and 200),
  status text not null default 'draft'
    check (status in ('draft', 'reviewing', 'reviewed', 'signed', 'issued', 'filed', 'withdrawn')),
  -- The version the plan is at (the draft being edited, or the one issued).
  current_version integer not null default 1 check (current_version >= 1),
  issued_at timestamptz,
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id)
);
create index emergency_plans_kind on emergency_plans (enterprise_id, kind, status);

-- R-ACC-1…3: an accident or a near miss (未遂事件), from its quick report (快报) on. Its figures are the latest known
-- (each supplementary report, 0118, records what changed and when); the grade is computed from them, never typed;
-- a near miss is never graded. Never deleted: corrections are supplementary reports.
create table accidents (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('accident', 'near_miss')),
  occurred_at timestamptz not null,
  place text not null default '' check (char_length(place) <= 200),
  summary text not null check (char_length(summary) between 1 and 4000),
  deaths integer not null default 0 check (deaths >= 0),
  missing integer not null default 0 check (missing >= 0),
  serious_injuries integer not null default 0 check (serious_injuries >= 0),
  minor_injuries integer not null default 0 check (minor_injuries >= 0),
  -- Direct economic loss in yuan, exact.
  direct_loss numeric(16, 2) not null default 0 check (direct_loss >= 0),
  grade text check (grade in ('general', 'larger', 'major', 'especially_major')),
  -- When the unit head was informed (default: the quick report's arrival; changed only with a reason) and when the
  -- regulators received the report (null until the enterprise reports up). R-ACC-2 counts the hour between them.
  unit_head_informed_at timestamptz not null,
  regulators_received_at timestamptz,
  reported_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  check (kind = 'accident' or grade is null)
);
create index accidents_occurred on accidents (occurred_at, enterprise_id);
create index accidents_enterprise on accidents (enterprise_id, occurred_at desc);
