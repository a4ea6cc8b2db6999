-- Issue 14 §4, R-ACC-1…3: accident reports past the quick report (快报): where the report came from (a signed-in
-- user or a post's QR code), the accident type (GB 6441-86), reporting up to the regulators and each office's inbox
-- row, the district's upward forward, supplementary reports (续报) and the history of every change. The regulators'
-- duty phones, and the alerts that leave the browser (platform/alerts).

-- GB 6441-86's twenty accident types; a near miss may name one too (what it nearly was).
alter table accidents
  add column accident_type text check (accident_type in ('object_strike', 'vehicle', 'machinery', 'lifting', 'electrocution',
    'drowning', 'scald', 'fire', 'fall_from_height', 'collapse', 'roof_fall', 'water_inrush', 'blasting', 'explosive',
    'gas_explosion', 'boiler_explosion', 'vessel_explosion', 'other_explosion', 'poisoning_asphyxia', 'other_injury')),
  -- The post whose QR code was scanned, or the reporter's unit: the unit head is the leader over it.
  add column post_id uuid,
  add column org_unit_id uuid,
  add column source text not null default 'app' check (source in ('app', 'qr')),
  -- A report without an account (QR code) names the reporter as typed.
  add column reporter_name text not null default '' check (char_length(reporter_name) <= 50),
  add column reporter_phone text not null default '' check (char_length(reporter_phone) <= 30),
  add column reported_up_by uuid references users(id),
  -- R-ACC-2: the district forwards upward to the level the grade requires, within two hours of receipt.
  add column forward_level text check (forward_level in ('city', 'province', 'state_council')),
  add column forwarded_at timestamptz,
  add column forwarded_by uuid references users(id),
  -- The version of the 'accidents' rule-set the grade was last computed with (RULES.md conventions).
  add column rules_version integer,
  add check (kind = 'accident' or regulators_received_at is null);
create index accidents_received on accidents (regulators_received_at) where regulators_received_at is not null;

-- R-ACC-3: a supplementary report: the figures as now known, and the grade before and after.
create table accident_supplements (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  accident_id uuid not null,
  reported_at timestamptz not null,
  deaths integer not null check (deaths >= 0),
  missing integer not null check (missing >= 0),
  serious_injuries integer not null check (serious_injuries >= 0),
  minor_injuries integer not null check (minor_injuries >= 0),
  direct_loss numeric(16, 2) not null check (direct_loss >= 0),
  note text not null default '' check (char_length(note) <= 2000),
  grade_before text,
  grade_after text,
  recorded_by uuid references users(id),
  primary key (enterprise_id, id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_supplements_accident on accident_supplements (enterprise_id, accident_id, reported_at);

-- The history of an accident report: quick report, reporting up, the unit head's time corrected (with its reason),
-- supplements, the district's forward. Append-only.
create table accident_events (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  accident_id uuid not null,
  op text not null check (op in ('quick_report', 'report_up', 'unit_head_time', 'supplement', 'forward')),
  at timestamptz not null,
  actor_id uuid references users(id),
  note text not null default '' check (char_length(note) <= 2000),
  detail jsonb not null default '{}',
  primary key (enterprise_id, id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_events_accident on accident_events (enterprise_id, accident_id, at);

-- R-ACC-2: each office that received the report (the district emergency management department, the departments
-- supervising the industry, the subdistrict): its inbox row and whether someone there has read it.
create table accident_recipients (
  enterprise_id uuid not null,
  accident_id uuid not null,
  office_kind text not null check (office_kind in ('department', 'subdistrict')),
  office_id uuid not null,
  received_at timestamptz not null,
  read_at timestamptz,
  read_by uuid references users(id),
  primary key (enterprise_id, accident_id, office_kind, office_id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_recipients_office on accident_recipients (office_kind, office_id, received_at desc);

-- The duty phone (值班电话) of a department or subdistrict, alerted when an accident is reported to it. Kept by the
-- district admin.
create table regulator_duty_phones (
  district_id uuid not null references districts(id) on delete cascade,
  office_kind text not null check (office_kind in ('department', 'subdistrict')),
  office_id uuid not null,
  phone text not null check (phone ~ '^[0-9+\- ]{5,30}$'),
  contact text not null default '' check (char_length(contact) <= 50),
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  primary key (office_kind, office_id)
);

-- platform/alerts: a message that leaves the browser (SMS / 企业微信 / 钉钉), written in the business transaction and
-- delivered by the `alert.send` job through the configured driver; every attempt is recorded.
create table alert_messages (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid references enterprises(id) on delete cascade,
  kind text not null,
  recipient_user_id uuid references users(id) on delete set null,
  recipient_phone text not null default '',
  recipient_label text not null default '',
  text text not null check (char_length(text) <= 1000),
  link text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index alert_messages_pending on alert_messages (created_at) where status = 'pending';
create index alert_messages_enterprise on alert_messages (enterprise_id, created_at desc);

create table alert_attempts (
  id bigserial primary key,
  alert_id uuid not null references alert_messages(id) on delete cascade,
  driver text not null,
  at timestamptz not null,
  ok boolean not null,
  error text
);
create index alert_attempts_alert on alert_attempts (alert_id, at);
