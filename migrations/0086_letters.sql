-- Issue 11, R-RESP-3, R-COM-1: responsibility letters (责任书), employee commitments (承诺书), their yearly signing
-- campaigns, and the principal's public safety commitment.

-- An enterprise's own wording of a letter, one row per version: an edit is a new version, never a change.
create table letter_templates (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('responsibility', 'commitment')),
  version integer not null check (version >= 1),
  title text not null check (char_length(title) between 1 and 100),
  body text not null check (char_length(body) between 1 and 20000),
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, kind, version)
);

-- A yearly signing campaign: the wording it sends (a snapshot of the template version), its start date and the roster
-- of that date (a letter per person). Completed when every person on the roster has signed or left.
create table letter_campaigns (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('responsibility', 'commitment')),
  -- 0 = the platform's built-in wording.
  template_version integer not null check (template_version >= 0),
  title text not null,
  body text not null,
  starts_on date not null,
  status text not null default 'open' check (status in ('open', 'completed')),
  completed_at timestamptz,
  -- R-RESP-3 [cfg]: days a person hired after the start has to sign, and the rule-set version that said so.
  late_hire_days integer not null check (late_hire_days >= 1),
  rule_set_version integer not null,
  last_reminded_on date,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, year, kind),
  check ((status = 'completed') = (completed_at is not null))
);

-- One letter per person of a campaign. The unit is the person's unit when the letter was made (progress by unit).
create table letters (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  employee_id uuid not null,
  employee_name text not null,
  org_unit_id uuid not null,
  -- Hired after the campaign started: owes a personal signature by `due_on`, outside the roster's completion.
  late_hire boolean not null default false,
  due_on date,
  status text not null default 'pending' check (status in ('pending', 'signed', 'paper', 'left')),
  content_sha256 char(64) not null,
  signature_id uuid,
  signed_at timestamptz,
  method text check (method in ('pad', 'password', 'proxy_pad', 'paper')),
  left_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, campaign_id, employee_id),
  foreign key (enterprise_id, campaign_id) references letter_campaigns (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((status in ('signed', 'paper')) = (signature_id is not null and signed_at is not null and method is not null)),
  check (late_hire = (due_on is not null))
);
create index letters_campaign_unit on letters (enterprise_id, campaign_id, org_unit_id, status);
create index letters_employee on letters (enterprise_id, employee_id);

-- Versions never change; a signed letter never changes nor disappears (only with its whole enterprise).
create function letter_templates_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception 'letter template % is a kept version', old.id using errcode = 'check_violation', constraint = 'letter_templates_kept';
end $$;
create trigger letter_templates_kept before update or delete on letter_templates
  for each row execute function letter_templates_guard();

create function letters_signed_guard() returns trigger language plpgsql as $$
begin
  if old.status in ('signed', 'paper') then
    if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
    raise exception 'letter % is signed', old.id using errcode = 'check_violation', constraint = 'letters_signed';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
create trigger letters_signed before update or delete on letters
  for each row execute function letters_signed_guard();

-- R-COM-1: the principal's public safety commitment, drafted from the enterprise's figures, signed by the principal and
-- then posted (a public page behind an unguessable token) and reported to the subdistrict every quarter. A signed
-- commitment never changes; the next one supersedes it.
create table safety_commitments (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  seq integer not null check (seq >= 1),
  year integer not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'signed', 'superseded')),
  -- The figures and the five aspects' texts, as signed (canonical JSON is hashed by the signature).
  content jsonb not null,
  content_sha256 char(64),
  principal_name text not null default '',
  signature_id uuid,
  signed_by uuid references users(id),
  signed_at timestamptz,
  public_token text unique,
  superseded_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, seq),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((status = 'draft') = (signature_id is null)),
  check (status = 'draft' or (content_sha256 is not null and signed_at is not null and public_token is not null))
);
-- At most one draft and one current (signed) commitment per enterprise.
create unique index safety_commitments_one_draft on safety_commitments (enterprise_id) where status = 'draft';
create unique index safety_commitments_one_current on safety_commitments (enterprise_id) where status = 'signed';

create function safety_commitments_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'draft' or not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
    raise exception 'commitment % is signed', old.id using errcode = 'check_violation', constraint = 'safety_commitments_signed';
  end if;
  if old.status = 'draft' then return new; end if;
  -- A signed commitment is only ever superseded by the next one, once.
  if old.status = 'signed' and new.status = 'superseded' and new.superseded_at is not null
      and (to_jsonb(new) - 'status' - 'superseded_at' - 'updated_at' - 'version') = (to_jsonb(old) - 'status' - 'superseded_at' - 'updated_at' - 'version') then
    return new;
  end if;
  raise exception 'commitment % is signed', old.id using errcode = 'check_violation', constraint = 'safety_commitments_signed';
end $$;
create trigger safety_commitments_signed before update or delete on safety_commitments
  for each row execute function safety_commitments_guard();

-- R-COM-1: each quarter's report of the current commitment to the subdistrict.
create table commitment_reports (
  enterprise_id uuid not null,
  commitment_id uuid not null,
  period_key text not null,
  reported_by uuid references users(id),
  reported_at timestamptz not null,
  primary key (enterprise_id, commitment_id, period_key),
  foreign key (enterprise_id, commitment_id) references safety_commitments (enterprise_id, id) on delete cascade
);
create index commitment_reports_latest on commitment_reports (enterprise_id, reported_at desc);
