-- Issue 14 review (§4–5): the follow-up keeps its own history. The investigation's events (opened, entrusted, edited
-- — team, causes, findings —, actions added and done, concluded, a concluded responsibility finding corrected with its
-- reason) are shown to the enterprise and the regulators in the accident's detail; an interview's corrections keep
-- the reason and what it was before. Append-only.

create table accident_investigation_events (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The order the events were written in (several may share an instant).
  seq bigint generated always as identity,
  accident_id uuid not null,
  op text not null check (op in ('open', 'entrust', 'update', 'action_add', 'action_done', 'conclude', 'correct')),
  at timestamptz not null,
  actor_id uuid references users(id),
  -- The reason of a correction, the entrusting note.
  note text not null default '' check (char_length(note) <= 2000),
  -- What changed: the parts edited, the responsibility finding before and after, the action's content and owner.
  detail jsonb not null default '{}',
  primary key (enterprise_id, id),
  foreign key (enterprise_id, accident_id) references accidents (enterprise_id, id) on delete cascade
);
create index accident_investigation_events_accident on accident_investigation_events (enterprise_id, accident_id, seq);

-- A correction of a recorded interview: the version it made, its reason (required), and the fields before and after.
create table accident_interview_corrections (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  interview_id uuid not null,
  version integer not null,
  at timestamptz not null,
  actor_id uuid references users(id),
  reason text not null check (char_length(reason) between 1 and 1000),
  before jsonb not null,
  after jsonb not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, interview_id, version),
  foreign key (enterprise_id, interview_id) references accident_interviews (enterprise_id, id) on delete cascade
);
