-- Issue 13 §1, R-TRN-1 (and R-TRN-2's "trained before posting"): the yearly training plan, training sessions with their
-- attendance (QR check-in on a phone, or a drawn signature on a shared device), re-training events, "trained before
-- joining" records, and the principal's quarterly signed check of the plan (R-RESP-5). Minimum hours are the rule-set
-- `training` [cfg]; nothing here holds a number of hours required.

-- The yearly plan (年度安全培训计划), one per enterprise and year, with its items.
create table training_plans (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  note text not null default '' check (char_length(note) <= 2000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, year)
);

create table training_plan_items (
  enterprise_id uuid not null,
  plan_id uuid not null,
  line_no integer not null check (line_no between 1 and 300),
  course_type text not null check (course_type in ('legal_education', 'induction_company', 'induction_workshop', 'induction_team', 'special', 'regular', 'emergency', 'retraining', 'other')),
  title text not null check (char_length(title) between 1 and 200),
  target text not null default '' check (char_length(target) <= 500),
  planned_hours numeric(6,1) not null check (planned_hours > 0 and planned_hours <= 1000),
  month integer not null check (month between 1 and 12),
  primary key (enterprise_id, plan_id, line_no),
  foreign key (enterprise_id, plan_id) references training_plans (enterprise_id, id) on delete cascade
);

-- A session (培训课次): course type, hours, trainer, day; materials are attachments (owner `training_session`). The QR
-- check-in link is a short-lived secret kept as its SHA-256 with its expiry.
create table training_sessions (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  course_type text not null check (course_type in ('legal_education', 'induction_company', 'induction_workshop', 'induction_team', 'special', 'regular', 'emergency', 'retraining', 'other')),
  title text not null check (char_length(title) between 1 and 200),
  trainer text not null default '' check (char_length(trainer) <= 100),
  held_on date not null,
  hours numeric(6,1) not null check (hours > 0 and hours <= 200),
  exam_held boolean not null default false,
  note text not null default '' check (char_length(note) <= 2000),
  checkin_token_sha256 char(64),
  checkin_expires_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  check ((checkin_token_sha256 is null) = (checkin_expires_at is null))
);
create index training_sessions_day on training_sessions (enterprise_id, held_on);
create unique index training_sessions_checkin on training_sessions (checkin_token_sha256) where checkin_token_sha256 is not null;

-- Attendance: one row per person and session. The session's day, hours and type are copied here (kept in step by the
-- service when the session changes) so a person's hours and the shortfall list read one table by (enterprise, person).
-- `passed` is null where no exam was held; false means attended but failed the exam.
create table training_attendance (
  enterprise_id uuid not null,
  session_id uuid not null,
  employee_id uuid not null,
  held_on date not null,
  hours numeric(6,1) not null,
  course_type text not null,
  method text not null check (method in ('qr', 'proxy_pad', 'import', 'manager')),
  score numeric(5,1) check (score >= 0 and score <= 1000),
  passed boolean,
  signature_id uuid,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  primary key (enterprise_id, session_id, employee_id),
  foreign key (enterprise_id, session_id) references training_sessions (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id)
);
create index training_attendance_person on training_attendance (enterprise_id, employee_id, held_on);

-- R-TRN-1: re-training is due after a change of post, a return after a long absence [cfg], or a new process or
-- equipment. The event is a shortfall until the person attends a `retraining` session held on or after it.
create table training_retraining_events (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  reason text not null check (reason in ('post_change', 'return', 'new_process', 'new_equipment')),
  occurred_on date not null,
  away_since date,
  note text not null default '' check (char_length(note) <= 500),
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);
create index training_retraining_person on training_retraining_events (enterprise_id, employee_id);

-- R-TRN-2: a person trained before joining (a new enterprise's roster), with the evidence, counts as having passed the
-- pre-post training.
create table training_prior (
  enterprise_id uuid not null,
  employee_id uuid not null,
  attachment_id uuid,
  note text not null default '' check (char_length(note) <= 500),
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  primary key (enterprise_id, employee_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);

-- R-RESP-5: the principal's quarterly check of the training plan's execution: the plan-versus-actual report as it
-- stood when signed, his comments and his own signature. One per quarter; immutable once written.
create table training_plan_reviews (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  quarter integer not null check (quarter between 1 and 4),
  comments text not null check (char_length(comments) between 1 and 2000),
  report jsonb not null,
  content_sha256 char(64) not null,
  signature_id uuid not null,
  signed_by uuid not null references users(id),
  signed_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, year, quarter),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id)
);
