-- Issue 14 §4–5: what follows an accident report. R-RESP-8: the supervising department interviews (约谈) the
-- principal; one interview may cover several accidents of the same enterprise (an explicit merge). The investigation
-- (team, causes, the responsibility finding citing the duty-list versions in force at the time, actions tracked to
-- closure, lessons), the regulators' findings of 漏报/谎报/瞒报, the risk points an accident is linked to (R-RISK-3/6:
-- applied through the risk module) and the notice to the enterprise's 安责险 insurer. Near misses have none of these.

create table accident_interviews (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  held_at timestamptz not null,
  place text not null default '' check (char_length(place) <= 200),
  principal_name text not null check (char_length(principal_name) between 1 and 100),
  -- Everyone present: [{ name, role, organisation }] (officials and the enterprise's people).
  participants jsonb not null default '[]',
  record text not null check (char_length(record) between 1 and 20000),
  commitments text not null default '' check (char_length(commitments) <= 4000),
  follow_up text not null default '' check (char_length(follow_up) <= 4000),
  follow_up_due date,
  follow_up_done_at timestamptz,
  follow_up_note text not null default '' check (char_length(follow_up_note) <= 2000),
  -- The interviewing office (null: the district's own administration).
  department_id uuid references departments(id),
  recorded_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id)
);

-- The accidents an interview covers (more than one: an explicit merge). Each fulfils that accident's duty.
create table accident_interview_accidents (
  enterprise_id uuid not null,
  interview_id uuid not null,
  accident_id uuid not null,
  primary key (enterprise_id, interview_id, accident_id),
  foreign key (enterprise_id, interview_id) references accident_interviews (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_interview_accidents_accident on accident_interview_accidents (enterprise_id, accident_id);

-- The investigation of one accident: who conducts it (the district for 一般, the enterprise when entrusted with one
-- without casualties, the higher level for 较大 and above, whose report is recorded), its findings and lessons.
create table accident_investigations (
  enterprise_id uuid not null,
  accident_id uuid not null,
  conducted_by text not null check (conducted_by in ('district', 'enterprise', 'higher')),
  entrusted_at timestamptz,
  entrusted_by uuid references users(id),
  -- [{ name, role, organisation }]
  team jsonb not null default '[]',
  cause_direct text not null default '' check (char_length(cause_direct) <= 4000),
  cause_indirect text not null default '' check (char_length(cause_indirect) <= 4000),
  cause_management text not null default '' check (char_length(cause_management) <= 4000),
  -- The 5-why chain, in order.
  five_whys jsonb not null default '[]',
  -- 责任事故 or not; null until the finding is made.
  responsibility_accident boolean,
  -- [{ name, employeeId, role, finding, duties: [{ listId, listName, version, items: [index…] }] }]
  person_findings jsonb not null default '[]',
  higher_report text not null default '' check (char_length(higher_report) <= 20000),
  lessons text not null default '' check (char_length(lessons) <= 20000),
  lessons_published_at timestamptz,
  status text not null default 'open' check (status in ('open', 'concluded')),
  concluded_at timestamptz,
  concluded_by uuid references users(id),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, accident_id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade,
  check ((status = 'concluded') = (concluded_at is not null))
);
-- R-CRD-1: the responsibility accidents offered to the credit list.
create index accident_investigations_responsibility on accident_investigations (concluded_at) where responsibility_accident;

-- Corrective and preventive actions, owned by an employee of the enterprise, tracked to closure.
create table accident_actions (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  accident_id uuid not null,
  kind text not null check (kind in ('corrective', 'preventive')),
  content text not null check (char_length(content) between 1 and 1000),
  owner_employee_id uuid not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done')),
  done_note text not null default '' check (char_length(done_note) <= 1000),
  done_at timestamptz,
  done_by uuid references users(id),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, owner_employee_id) references employees (enterprise_id, id)
);
create index accident_actions_accident on accident_actions (enterprise_id, accident_id);
create index accident_actions_owner on accident_actions (enterprise_id, owner_employee_id) where status = 'open';

-- R-ACC-2: 漏报 (items left out), 谎报 (untrue), 瞒报 (hidden), found by a regulator with evidence (attachments).
-- Kept queryable: the credit list of a later issue reads them.
create table accident_reporting_findings (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  accident_id uuid not null,
  kind text not null check (kind in ('omitted', 'false', 'concealed')),
  description text not null check (char_length(description) between 1 and 4000),
  found_on date not null,
  department_id uuid references departments(id),
  subdistrict_id uuid references subdistricts(id),
  recorded_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_reporting_findings_found on accident_reporting_findings (found_on, enterprise_id);
create index accident_reporting_findings_accident on accident_reporting_findings (enterprise_id, accident_id);

-- R-RISK-3/6: the risk points an accident happened at (the risk module marks and grades them).
create table accident_risk_links (
  enterprise_id uuid not null,
  accident_id uuid not null,
  risk_point_id uuid not null,
  linked_by uuid references users(id),
  linked_at timestamptz not null,
  primary key (enterprise_id, accident_id, risk_point_id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, risk_point_id) references risk_points (enterprise_id, id)
);

-- 安责险: the notice of an accident to the insurer of the enterprise's liability policy in force on its day.
create table accident_insurance_notices (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  accident_id uuid not null,
  policy_id uuid not null,
  institution_id uuid not null references institutions(id),
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, accident_id, policy_id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, policy_id) references liability_policies (enterprise_id, id)
);
create index accident_insurance_notices_institution on accident_insurance_notices (institution_id, created_at);
