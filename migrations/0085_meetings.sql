-- Issue 11 §8, R-RESP-5: safety meetings (安全生产会议). A meeting is recorded as a draft by the safety manager or the
-- principal, its minutes confirmed by the chair's own account (then locked: a correction is a void with its reason and
-- a new record), and its decisions become tracked actions with an owner and a due date. Files (the minutes PDF, the
-- safety work report presented to the 职代会, photos) are attachments linked with owner type `meeting`.
create table meetings (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  type text not null check (type in ('safety_topic', 'safety_committee', 'regular', 'congress', 'staff_assembly', 'other')),
  title text not null,
  held_at timestamptz not null,
  place text not null default '',
  chair_employee_id uuid not null,
  -- The chair's account when the meeting was recorded (notified to confirm), and the account that confirmed as chair.
  chair_user_id uuid references users(id),
  agenda text not null default '',
  minutes text not null default '',
  status text not null default 'draft' check (status in ('draft', 'confirmed', 'voided')),
  recorded_by uuid references users(id),
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  void_reason text,
  voided_by uuid references users(id),
  voided_at timestamptz,
  -- A correction names the voided meeting it replaces.
  replaces_id uuid,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, chair_employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, replaces_id) references meetings (enterprise_id, id),
  check (status <> 'confirmed' or confirmed_at is not null),
  check (status <> 'voided' or void_reason is not null)
);
create index meetings_enterprise_held on meetings (enterprise_id, held_at desc);
-- The chair's workbench: drafts waiting for his confirmation.
create index meetings_chair_draft on meetings (enterprise_id, chair_employee_id) where status = 'draft';

-- Who attended, from the employee list. The sign-in method (a signature, a QR scan) is left for later.
create table meeting_attendees (
  enterprise_id uuid not null,
  meeting_id uuid not null,
  employee_id uuid not null,
  sign_in text check (sign_in in ('manual', 'signature', 'qr')),
  signed_at timestamptz,
  primary key (enterprise_id, meeting_id, employee_id),
  foreign key (enterprise_id, meeting_id) references meetings (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id)
);
-- "The meetings I attended" (an employee's and a unit leader's view).
create index meeting_attendees_employee on meeting_attendees (enterprise_id, employee_id);

-- Decisions with an owner and a due date: tracked actions once the minutes are confirmed.
create table meeting_decisions (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  sort integer not null default 0,
  content text not null,
  owner_employee_id uuid not null,
  due_on date,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  done_note text,
  done_by uuid references users(id),
  done_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, meeting_id) references meetings (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, owner_employee_id) references employees (enterprise_id, id),
  check (status = 'open' or done_at is not null)
);
create index meeting_decisions_meeting on meeting_decisions (enterprise_id, meeting_id, sort);
-- Open actions by owner ("my actions") and by due date (overdue).
create index meeting_decisions_owner_open on meeting_decisions (enterprise_id, owner_employee_id) where status = 'open';
create index meeting_decisions_due_open on meeting_decisions (enterprise_id, due_on) where status = 'open';

-- A meeting's history: recorded, edited, confirmed, voided.
create table meeting_events (
  enterprise_id uuid not null,
  meeting_id uuid not null,
  seq bigint generated always as identity,
  op text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  at timestamptz not null,
  note text not null default '',
  primary key (enterprise_id, meeting_id, seq),
  foreign key (enterprise_id, meeting_id) references meetings (enterprise_id, id) on delete cascade
);
