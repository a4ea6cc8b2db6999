-- Issue 8 §3, locked submissions: one mechanism for the documents an enterprise confirms, signs and submits (the
-- annual risk report, the double report, later emergency-plan filing and accident reports). A document is
-- (enterprise, kind, subject): `risk.annual` 2026, `hazard.double` month:2026-11. Each correction is a new version;
-- a submitted version is locked for good, by the database itself.
create table submissions (
  enterprise_id uuid not null references enterprises(id),
  kind text not null,
  subject_key text not null,
  -- The version being worked on (or the last one, when it is submitted).
  current_version integer not null default 1 check (current_version > 0),
  -- The latest submitted version, null until the first submission; what the regulator reads.
  submitted_version integer check (submitted_version > 0),
  first_submitted_at timestamptz,
  created_at timestamptz not null,
  primary key (enterprise_id, kind, subject_key)
);
create index submissions_kind on submissions (kind, subject_key);

create table submission_versions (
  enterprise_id uuid not null,
  kind text not null,
  subject_key text not null,
  version integer not null check (version > 0),
  status text not null default 'draft' check (status in ('draft', 'confirmed', 'submitted')),
  -- The document's own editable input while a draft (the annual report's narrative); null for computed-only ones.
  input jsonb,
  -- Bumped by every change: a caller names the revision it saw, so nobody signs a text they have not read.
  revision integer not null default 1,
  snapshot jsonb,
  -- SHA-256 (hex) of the canonical JSON of the snapshot, set at submission; the audit row carries the same value.
  snapshot_sha256 text,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  submitted_by uuid references users(id),
  submitted_at timestamptz,
  -- The PDF rendered at submission (or on first download when no CJK font was found then) and its SHA-256.
  pdf bytea,
  pdf_sha256 text,
  pdf_rendered_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, kind, subject_key, version),
  foreign key (enterprise_id, kind, subject_key) references submissions (enterprise_id, kind, subject_key),
  check (status <> 'submitted' or (snapshot is not null and snapshot_sha256 is not null and submitted_at is not null))
);
create index submission_versions_submitted on submission_versions (kind, subject_key, status);

-- A submitted version is what was signed and filed: its content never changes and it is never deleted. The one write
-- allowed afterwards is archiving its PDF once, when none was rendered at submission.
create function submission_versions_locked() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'submitted' then
      raise exception 'submission % % v% is submitted and locked', old.kind, old.subject_key, old.version using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.status = 'submitted' and (
    (new.enterprise_id, new.kind, new.subject_key, new.version, new.status, new.input, new.revision, new.snapshot, new.snapshot_sha256,
     new.confirmed_by, new.confirmed_at, new.submitted_by, new.submitted_at, new.created_by, new.created_at)
    is distinct from
    (old.enterprise_id, old.kind, old.subject_key, old.version, old.status, old.input, old.revision, old.snapshot, old.snapshot_sha256,
     old.confirmed_by, old.confirmed_at, old.submitted_by, old.submitted_at, old.created_by, old.created_at)
    or (old.pdf is not null and (new.pdf, new.pdf_sha256, new.pdf_rendered_at) is distinct from (old.pdf, old.pdf_sha256, old.pdf_rendered_at))
  ) then
    raise exception 'submission % % v% is submitted and locked', old.kind, old.subject_key, old.version using errcode = 'P0001';
  end if;
  return new;
end $$;

create trigger submission_versions_locked before update or delete on submission_versions
  for each row execute function submission_versions_locked();

-- The annual report's history names a correction too.
alter table risk_annual_report_events drop constraint risk_annual_report_events_action_check;
alter table risk_annual_report_events add constraint risk_annual_report_events_action_check check (action in ('create', 'confirm', 'reopen', 'submit', 'correct'));
