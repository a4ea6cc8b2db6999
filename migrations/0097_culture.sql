-- Issue 12 §6: safety culture and incentives. A log of safety-culture activities (班前会, 安全生产月, 安全活动日 …) with
-- their participants, who sign in on a shared device (platform signatures, sign-for-another with the last four of the
-- ID number) or are listed by the organiser; and the reward-and-penalty ledger (安全奖惩台账), money as exact decimal,
-- optionally linked to the hidden-hazard report it rewards or the hazard it penalises.
create table culture_activities (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('pre_shift', 'safety_month', 'activity_day', 'knowledge_contest', 'drill', 'other')),
  held_on date not null,
  topic text not null check (char_length(topic) between 1 and 200),
  org_unit_id uuid,
  host text not null default '' check (char_length(host) <= 100),
  content text not null default '' check (char_length(content) <= 4000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id)
);
create index culture_activities_by_day on culture_activities (enterprise_id, held_on desc);

-- Who took part: listed by the organiser (signature_id null) or signed in on the shared device (signature_id set).
create table culture_participants (
  enterprise_id uuid not null,
  activity_id uuid not null,
  employee_id uuid not null,
  signature_id uuid,
  signed_at timestamptz,
  added_at timestamptz not null,
  primary key (enterprise_id, activity_id, employee_id),
  foreign key (enterprise_id, activity_id) references culture_activities (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((signature_id is null) = (signed_at is null))
);

create table reward_penalties (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('reward', 'penalty')),
  employee_id uuid not null,
  decided_on date not null,
  reason text not null check (char_length(reason) between 1 and 1000),
  -- Yuan, exact; or a measure (通报表扬, 警告, 停岗培训 …); at least one of them.
  amount numeric(12, 2) check (amount >= 0),
  measure text not null default '' check (char_length(measure) <= 200),
  hazard_id uuid,
  -- The hazard's code as it was when linked (YH-2026-0001), for the ledger to show without reading the hazards.
  hazard_code text,
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id),
  check (amount is not null or measure <> '')
);
create index reward_penalties_by_day on reward_penalties (enterprise_id, decided_on desc);
