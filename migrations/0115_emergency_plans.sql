-- Issue 14 §1, R-EMG-1: an emergency plan's versions (the structure of the plan-writing guide GB/T 29639-2020 as
-- metadata, its review 评审/论证 and the principal's signature), its history, the read receipts of the staff it is
-- issued to, its filings (备案) with each receiving office, and the yearly reviews and 3-year evaluations of it.

-- The version the plan was last filed with (null until every office accepted one).
alter table emergency_plans add column filed_version integer;

-- One version of a plan's content. Editable while its plan is a draft at this version; locked once submitted for
-- review, and for good once signed (the signature's hash covers it). A revision is a new version.
create table emergency_plan_versions (
  enterprise_id uuid not null,
  plan_id uuid not null,
  number integer not null check (number >= 1),
  scope text not null default '' check (char_length(scope) <= 4000),
  organisation text not null default '' check (char_length(organisation) <= 8000),
  response_levels text not null default '' check (char_length(response_levels) <= 8000),
  procedures text not null default '' check (char_length(procedures) <= 20000),
  resources text not null default '' check (char_length(resources) <= 8000),
  body text not null default '' check (char_length(body) <= 100000),
  -- Risk points and posts it covers (ids checked in the enterprise), its rescue organisation and contacts.
  risk_point_ids jsonb not null default '[]',
  post_ids jsonb not null default '[]',
  rescue_organisation text not null default '' check (char_length(rescue_organisation) <= 2000),
  contacts text not null default '' check (char_length(contacts) <= 4000),
  -- Why this version was made (null for the first): R-EMG-1 revision triggers.
  revision_cause text check (revision_cause in ('law', 'organisation', 'risks', 'resources', 'drill', 'other')),
  revision_note text not null default '' check (char_length(revision_note) <= 2000),
  -- The review (评审) or demonstration (论证): the mode is fixed when it is submitted.
  review_mode text check (review_mode in ('review', 'demonstration')),
  reviewers jsonb not null default '[]',
  reviewed_on date,
  review_conclusion text check (review_conclusion in ('passed', 'passed_with_changes', 'failed')),
  review_opinions text not null default '' check (char_length(review_opinions) <= 8000),
  -- The principal's signature of this exact version.
  content_sha256 text,
  signature_id uuid,
  signed_by uuid references users(id),
  signed_at timestamptz,
  -- Issue: the units and rescue teams it is distributed to.
  distribution jsonb not null default '[]',
  issued_at timestamptz,
  issued_by uuid references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, plan_id, number),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id) on delete cascade
);

-- The plan's history: every operation, who, when, from and to.
create table emergency_plan_events (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  version_no integer not null,
  op text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  at timestamptz not null,
  note text not null default '',
  -- The order of the steps (several may share one instant).
  seq bigserial not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id) on delete cascade
);
create index emergency_plan_events_plan on emergency_plan_events (enterprise_id, plan_id, seq);

-- Who an issued version was published to, and when each read it.
create table emergency_plan_receipts (
  enterprise_id uuid not null,
  plan_id uuid not null,
  version_no integer not null,
  user_id uuid not null references users(id),
  read_at timestamptz,
  created_at timestamptz not null,
  primary key (enterprise_id, plan_id, version_no, user_id),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id) on delete cascade
);
create index emergency_plan_receipts_user on emergency_plan_receipts (user_id, enterprise_id);

-- R-EMG-1: one filing (备案) of an issued version per receiving office: the district emergency management department
-- and the departments supervising the enterprise's industry. Each accepts with its receipt number or returns it.
create table emergency_plan_filings (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  version_no integer not null,
  department_id uuid not null references departments(id),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'returned')),
  submitted_at timestamptz not null,
  submitted_by uuid references users(id),
  -- How many times it was submitted (a returned filing is corrected and submitted again).
  rounds integer not null default 1 check (rounds >= 1),
  receipt_no text check (char_length(receipt_no) between 1 and 64),
  return_reason text check (char_length(return_reason) between 1 and 2000),
  decided_by uuid references users(id),
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, plan_id, version_no, department_id),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id) on delete cascade,
  check (status <> 'accepted' or receipt_no is not null),
  check (status <> 'returned' or return_reason is not null)
);
create index emergency_plan_filings_office on emergency_plan_filings (department_id, status, submitted_at);

-- The yearly review of a plan (changed or not, and why) and its 3-year evaluation (评估), each signed by the principal.
create table emergency_plan_assessments (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  version_no integer not null,
  kind text not null check (kind in ('yearly_review', 'evaluation')),
  reviewer text not null check (char_length(reviewer) between 1 and 200),
  reviewed_on date not null,
  changed boolean not null,
  reason text not null check (char_length(reason) between 1 and 4000),
  content_sha256 text,
  signature_id uuid,
  signed_by uuid references users(id),
  signed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, plan_id) references emergency_plans (enterprise_id, id) on delete cascade
);
create index emergency_plan_assessments_plan on emergency_plan_assessments (enterprise_id, plan_id, reviewed_on desc);
