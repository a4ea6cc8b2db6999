-- Issue 14 §2, R-EMG-3: rescue organisation and resources of an enterprise — its rescue teams and their members (or,
-- for small and micro units, named part-time rescuers), its rescue agreements with nearby professional teams, its
-- emergency equipment and materials with their inspections, and its emergency contacts.

-- Data backfill for databases loaded before it: the industries' R-EMG-2/3 categories corrected against RULES.md, as
-- src/seed/reference-data.ts now ships them (安全生产法 Art 82, 预案管理办法 Art 33: fireworks, civil explosives and
-- town gas are hazardous-goods producers/traders/storers).
update industries set categories = categories || array['rescue_org']
  where code in ('fireworks', 'civil_explosives', 'gas') and not ('rescue_org' = any(categories));
update industries set categories = categories || array['drill_half_year']
  where code in ('fireworks', 'civil_explosives', 'gas') and not ('drill_half_year' = any(categories));

-- A rescue team: the enterprise's own (专职/兼职救援队伍) or its named part-time rescuers (兼职救援人员, small/micro).
create table rescue_teams (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 100),
  kind text not null check (kind in ('team', 'parttime')),
  duties text not null default '' check (char_length(duties) <= 2000),
  note text not null default '' check (char_length(note) <= 1000),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id)
);

-- A member: a person of the roster (employee_id) or a named outsider (employee_id null).
create table rescue_team_members (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  team_id uuid not null,
  sort integer not null default 0,
  employee_id uuid,
  name text not null check (char_length(name) between 1 and 50),
  role text not null default '' check (char_length(role) <= 50),
  phone text not null default '' check (char_length(phone) <= 30),
  certificates text not null default '' check (char_length(certificates) <= 500),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, team_id) references rescue_teams (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id)
);
create index rescue_team_members_team on rescue_team_members (enterprise_id, team_id, sort);

-- A rescue agreement (救援协议) with a nearby professional rescue team, its file in the attachments store (owner
-- type 'rescue_agreement').
create table rescue_agreements (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  counterpart text not null check (char_length(counterpart) between 1 and 200),
  contact_name text not null default '' check (char_length(contact_name) <= 50),
  contact_phone text not null default '' check (char_length(contact_phone) <= 30),
  valid_from date not null,
  valid_to date not null,
  note text not null default '' check (char_length(note) <= 1000),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  check (valid_to >= valid_from)
);
create index rescue_agreements_valid_to on rescue_agreements (valid_to, enterprise_id);

-- Emergency equipment and materials (应急物资装备): where it is (text, and optionally a point on a floor plan, as
-- risk points and equipment are drawn: {type: 'marker', x, y}, 0..1), its inspection cycle and last inspection, expiry.
create table rescue_equipment (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 100),
  category text not null check (category in ('protection', 'firefighting', 'detection', 'rescue', 'medical', 'communication', 'lighting', 'spill', 'power', 'vehicle', 'other')),
  quantity numeric(12, 2) not null check (quantity >= 0),
  unit text not null default '' check (char_length(unit) <= 20),
  location text not null default '' check (char_length(location) <= 200),
  floor_plan_id uuid,
  position jsonb,
  keeper text not null default '' check (char_length(keeper) <= 50),
  inspection_cycle_days integer check (inspection_cycle_days between 1 and 3650),
  last_inspected_on date,
  -- last inspection + cycle (null without a cycle), kept by the service with the two it derives from.
  next_inspection_due date,
  expires_on date,
  note text not null default '' check (char_length(note) <= 1000),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, floor_plan_id) references floor_plans (enterprise_id, id),
  check (floor_plan_id is not null or position is null)
);
create index rescue_equipment_due on rescue_equipment (next_inspection_due, enterprise_id);
create index rescue_equipment_expiry on rescue_equipment (expires_on, enterprise_id);

-- An inspection of an item: who, when, the result; the item's last inspection follows the latest.
create table rescue_equipment_inspections (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  equipment_id uuid not null,
  inspected_on date not null,
  result text not null check (result in ('ok', 'fixed', 'faulty')),
  note text not null default '' check (char_length(note) <= 1000),
  inspected_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, equipment_id) references rescue_equipment (enterprise_id, id) on delete cascade
);
create index rescue_equipment_inspections_item on rescue_equipment_inspections (enterprise_id, equipment_id, inspected_on desc);

-- Emergency contacts (应急联络), printable as a card.
create table emergency_contacts (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('internal', 'rescue_team', 'hospital', 'fire', 'police', 'regulator', 'supplier', 'other')),
  name text not null check (char_length(name) between 1 and 100),
  organisation text not null default '' check (char_length(organisation) <= 100),
  role text not null default '' check (char_length(role) <= 50),
  phone text not null check (char_length(phone) between 3 and 30),
  note text not null default '' check (char_length(note) <= 500),
  sort integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id)
);
create index emergency_contacts_sort on emergency_contacts (enterprise_id, sort);
