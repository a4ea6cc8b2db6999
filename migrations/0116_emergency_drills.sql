-- Issue 14 §3, R-EMG-2: emergency drills (应急演练). A drill is recorded for one plan of the enterprise (any kind) as
-- tabletop or practical; recording it fulfils the drill duties of the obligations engine in the same transaction
-- (the yearly comprehensive/special drill, the principal's "ten ones" drill when the principal organised it, the
-- on-site plan's half-year); the evaluation (what worked, problems, whether the plan needs revising) completes it, and
-- the sectors that must report drills report it to the regulators. Photos and video are attachments of owner type
-- `drill`. Voiding reverts what it fulfilled.
create table drills (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  -- The plan's kind when the drill was recorded (the duties it fulfils follow it), and the form of the drill.
  plan_kind text not null check (plan_kind in ('comprehensive', 'special', 'onsite')),
  form text not null check (form in ('tabletop', 'practical')),
  scenario text not null check (char_length(scenario) between 2 and 2000),
  started_at timestamptz not null,
  ended_at timestamptz not null,
  place text not null default '' check (char_length(place) <= 200),
  organiser_employee_id uuid not null,
  -- R-RESP-5: set only from the principal's own account (recording or confirming as organiser), never typed.
  by_principal boolean not null default false,
  principal_confirmed_at timestamptz,
  status text not null default 'recorded' check (status in ('recorded', 'evaluated', 'reported', 'voided')),
  went_well text not null default '',
  problems text not null default '',
  plan_needs_revision boolean,
  evaluated_by uuid references users(id),
  evaluated_at timestamptz,
  reported_by uuid references users(id),
  reported_at timestamptz,
  void_reason text,
  voided_by uuid references users(id),
  voided_at timestamptz,
  recorded_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id),
  foreign key (enterprise_id, organiser_employee_id) references employees (enterprise_id, id),
  check (ended_at >= started_at),
  check (status <> 'voided' or void_reason is not null),
  check (status <> 'reported' or reported_at is not null)
);
create index drills_enterprise_started on drills (enterprise_id, started_at desc);
-- The regulators' list of reported drills, newest first.
create index drills_reported on drills (reported_at desc, enterprise_id) where status = 'reported';

-- Who took part, from the employee list, and how they signed in.
create table drill_participants (
  enterprise_id uuid not null,
  drill_id uuid not null,
  employee_id uuid not null,
  sign_in text not null default 'manual' check (sign_in in ('manual', 'signature', 'qr')),
  signed_at timestamptz,
  primary key (enterprise_id, drill_id, employee_id),
  foreign key (enterprise_id, drill_id) references drills (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id)
);

-- Follow-up actions from the evaluation, with an owner and a deadline, tracked to closure; a problem may have opened
-- a hidden hazard (hazard_id).
create table drill_actions (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  drill_id uuid not null,
  sort integer not null default 0,
  content text not null check (char_length(content) between 1 and 1000),
  owner_employee_id uuid not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  done_note text,
  done_by uuid references users(id),
  done_at timestamptz,
  hazard_id uuid,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, drill_id) references drills (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, owner_employee_id) references employees (enterprise_id, id),
  check (status = 'open' or done_at is not null)
);
create index drill_actions_drill on drill_actions (enterprise_id, drill_id, sort);
create index drill_actions_open_due on drill_actions (enterprise_id, due_on) where status = 'open';

-- A drill's history: recorded, edited, confirmed by the principal, evaluated, reported, voided.
create table drill_events (
  enterprise_id uuid not null,
  drill_id uuid not null,
  seq bigint generated always as identity,
  op text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  at timestamptz not null,
  note text not null default '',
  primary key (enterprise_id, drill_id, seq),
  foreign key (enterprise_id, drill_id) references drills (enterprise_id, id) on delete cascade
);
