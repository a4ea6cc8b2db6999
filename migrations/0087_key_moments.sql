-- Issue 11 §9, R-RESP-6: key moments (关键时段) — statutory holidays from the official calendar, resumption after a
-- shutdown (a declared one, or the enterprise leaving 'suspended'), maintenance windows the safety manager declares.
-- Every day of a moment needs an on-duty check-in by the principal or the leader named for it (default the principal).
create table key_moments (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('holiday', 'resumption', 'maintenance')),
  name text not null,
  starts_on date not null,
  ends_on date not null,
  -- 'calendar': a holiday period of the official calendar; 'suspension': the enterprise left 'suspended';
  -- 'declared': a maintenance window or a resumption after a shutdown the enterprise declared.
  source text not null check (source in ('calendar', 'suspension', 'declared')),
  -- A declared resumption: the shutdown it ends (its first and last day).
  shutdown_from date,
  shutdown_to date,
  -- The on-duty leader named by a manager; null = the principal.
  leader_employee_id uuid,
  leader_user_id uuid references users(id),
  note text not null default '',
  -- The `key-moments` rule-set version that decided it (how long a resumption lasts, how long a shutdown must be).
  rule_set_version integer not null,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, leader_employee_id) references employees (enterprise_id, id),
  check (ends_on >= starts_on and ends_on - starts_on <= 60),
  check ((shutdown_from is null) = (shutdown_to is null)),
  check (shutdown_to is null or (shutdown_to >= shutdown_from and shutdown_to < starts_on))
);
-- The daily job inserts each holiday period once per enterprise.
create unique index key_moments_calendar on key_moments (enterprise_id, starts_on, name) where source = 'calendar';
-- Screens read an enterprise's moments by year; the gaps list walks past days.
create index key_moments_enterprise_days on key_moments (enterprise_id, starts_on, ends_on);

-- One on-duty check-in: who, when (the server's time; the day is its local date), a photo (an attachment linked with
-- owner type `duty_checkin`, locked), a note and a location. The location is what the person typed, plus coordinates
-- only when they ticked consent and the phone's geolocation filled them: never read from the photo (its metadata is
-- stripped on upload).
create table duty_checkins (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  moment_id uuid not null,
  day date not null,
  user_id uuid not null references users(id),
  employee_id uuid,
  at timestamptz not null,
  note text not null default '',
  location_text text not null,
  location_consent boolean not null default false,
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  photo_id uuid not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, moment_id, day, user_id),
  foreign key (enterprise_id, moment_id) references key_moments (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, photo_id) references attachments (enterprise_id, id),
  check ((latitude is null) = (longitude is null)),
  check (latitude is null or (location_consent and latitude between -90 and 90 and longitude between -180 and 180))
);
create index duty_checkins_moment_day on duty_checkins (enterprise_id, moment_id, day);

-- R-RESP-7: a state-owned enterprise records, once a year, how its leaders' pay is linked to safety performance, with
-- evidence (attachments linked with owner type `pay_link`, locked on link).
create table pay_links (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  description text not null,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, year)
);

-- R-RESP-9: mentoring (以师带徒) of new hires in key industries: mentor, apprentice, post, period, skills signed off.
create table mentorships (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  mentor_employee_id uuid not null,
  apprentice_employee_id uuid not null,
  post_id uuid,
  starts_on date not null,
  ends_on date not null,
  status text not null default 'active' check (status in ('active', 'completed', 'cancelled')),
  note text not null default '',
  cancel_reason text,
  completed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, mentor_employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, apprentice_employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete set null (post_id),
  check (mentor_employee_id <> apprentice_employee_id),
  check (ends_on >= starts_on),
  check (status <> 'completed' or completed_at is not null),
  check (status <> 'cancelled' or cancel_reason is not null)
);
-- One active mentorship per apprentice; "new hires without a mentor" reads it by apprentice.
create unique index mentorships_one_active on mentorships (enterprise_id, apprentice_employee_id) where status = 'active';
create index mentorships_apprentice on mentorships (enterprise_id, apprentice_employee_id);
create index mentorships_mentor on mentorships (enterprise_id, mentor_employee_id);

-- The skills a mentorship teaches: the post's operating procedures, its risk-notice card (a risk point on it), others;
-- each signed off by the mentor (the account that recorded it beside).
create table mentorship_skills (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  mentorship_id uuid not null,
  sort integer not null default 0,
  kind text not null check (kind in ('procedure', 'risk_card', 'other')),
  title text not null,
  risk_point_id uuid,
  signed_by_employee_id uuid,
  signed_by_user_id uuid references users(id),
  signed_at timestamptz,
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, mentorship_id) references mentorships (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, signed_by_employee_id) references employees (enterprise_id, id),
  check ((signed_at is null) = (signed_by_employee_id is null))
);
create index mentorship_skills_mentorship on mentorship_skills (enterprise_id, mentorship_id, sort);

-- A mentorship's history: started, edited, completed, cancelled.
create table mentorship_events (
  enterprise_id uuid not null,
  mentorship_id uuid not null,
  seq bigint generated always as identity,
  op text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  at timestamptz not null,
  note text not null default '',
  primary key (enterprise_id, mentorship_id, seq),
  foreign key (enterprise_id, mentorship_id) references mentorships (enterprise_id, id) on delete cascade
);
