-- Issue 12 §5: the equipment register (设备设施台账) of an enterprise, its special equipment (特种设备) with registration
-- and periodic inspection, the flag against the [cfg] catalogue of obsolete processes and equipment to be phased out
-- (淘汰落后工艺设备目录), and the renovation projects of 机械化换人、自动化减人. The types of special equipment, their
-- inspection intervals and the catalogue are the rule-set `equipment`; the rows keep the codes they were given.
create table equipment (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  code text not null check (char_length(code) between 1 and 50),
  name text not null check (char_length(name) between 1 and 100),
  -- What it is, in the enterprise's words (反应釜, 离心泵, 叉车) and its model.
  type text not null default '' check (char_length(type) <= 100),
  model text not null default '' check (char_length(model) <= 100),
  org_unit_id uuid not null,
  location text not null default '' check (char_length(location) <= 200),
  -- Optionally a point on one of the enterprise's floor plans (as risk points are drawn): {type: 'marker', x, y}, 0..1.
  floor_plan_id uuid,
  position jsonb,
  -- The monitoring and interlock measures (监测监控、联锁) on the equipment, as text.
  monitoring_measures text not null default '' check (char_length(monitoring_measures) <= 2000),
  -- Special equipment: its type code in the rule-set (boiler, pressure_vessel, lift, crane, field_vehicle, pressure_piping).
  special_type text check (char_length(special_type) <= 50),
  registration_no text not null default '' check (char_length(registration_no) <= 100),
  registration_cert_no text not null default '' check (char_length(registration_cert_no) <= 100),
  last_inspected_on date,
  next_inspection_due date,
  inspection_cert_no text not null default '' check (char_length(inspection_cert_no) <= 100),
  -- The catalogue item (rule-set `equipment`, obsolete[].code) this equipment matches: flagged for phasing out.
  obsolete_item text check (char_length(obsolete_item) <= 50),
  status text not null default 'in_use' check (status in ('in_use', 'idle', 'retired')),
  -- The hidden hazard opened when the inspection due on `overdue_hazard_due` passed: one per overdue inspection.
  overdue_hazard_id uuid,
  overdue_hazard_due date,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, code),
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id),
  foreign key (enterprise_id, floor_plan_id) references floor_plans (enterprise_id, id),
  check (special_type is not null or next_inspection_due is null),
  check (floor_plan_id is not null or position is null)
);
-- The daily job and the regulators read special equipment in use by its due inspection.
create index equipment_inspection_due on equipment (next_inspection_due, enterprise_id) where special_type is not null and status <> 'retired';
create index equipment_by_unit on equipment (enterprise_id, org_unit_id);

-- The risk points an equipment is linked to (read through the risk module's visibility rule).
create table equipment_risk_points (
  enterprise_id uuid not null,
  equipment_id uuid not null,
  risk_point_id uuid not null,
  primary key (enterprise_id, equipment_id, risk_point_id),
  foreign key (enterprise_id, equipment_id) references equipment (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id) on delete cascade
);

-- Each periodic inspection recorded on a special equipment: the history behind last/next on the equipment row.
create table equipment_inspections (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  equipment_id uuid not null,
  inspected_on date not null,
  next_due date not null,
  result text not null check (result in ('pass', 'conditional', 'fail')),
  inspector text not null default '' check (char_length(inspector) <= 100),
  certificate_no text not null default '' check (char_length(certificate_no) <= 100),
  note text not null default '' check (char_length(note) <= 1000),
  recorded_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, equipment_id) references equipment (enterprise_id, id) on delete cascade,
  check (next_due > inspected_on)
);
create index equipment_inspections_of on equipment_inspections (enterprise_id, equipment_id, inspected_on desc);

-- 机械化换人、自动化减人: renovation projects, money as exact decimal (yuan).
create table renovation_projects (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('mechanisation', 'automation')),
  investment numeric(14, 2) not null check (investment >= 0),
  people_reduced integer not null check (people_reduced between 0 and 100000),
  status text not null check (status in ('planned', 'in_progress', 'completed')),
  note text not null default '' check (char_length(note) <= 1000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id)
);
create index renovation_projects_by_year on renovation_projects (enterprise_id, year);
