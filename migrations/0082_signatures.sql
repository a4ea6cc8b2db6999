-- Issue 11: electronic signatures. A person signs one version of one document (named by its type, id and version):
-- the SHA-256 of the exact content signed, the method, the drawn image (an attachment of kind `signature`), the time,
-- the account and the address. Once written a signature never changes; a later edit of the document is a new version
-- that needs new signatures.

-- The drawn signature: a PNG kept in the attachments store like every other file.
alter table attachments drop constraint attachments_kind_check;
alter table attachments add constraint attachments_kind_check
  check (kind in ('photo', 'floor_plan', 'document', 'spreadsheet', 'signature'));

-- Someone without an account signs on a leader's or a kiosk device and confirms with the last four characters of
-- their ID number: a keyed hash of (enterprise, employee, last four), filled by the employee service and, for rows
-- registered before, at platform start from the masked number (src/platform/signatures).
alter table employees add column id_last4_hash text;

create table signatures (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  document_type text not null check (document_type ~ '^[a-z][a-z0-9_.]{0,39}$'),
  document_id text not null check (char_length(document_id) between 1 and 100),
  document_version integer not null check (document_version >= 1),
  content_sha256 char(64) not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  signer_user_id uuid references users(id),
  signer_employee_id uuid,
  signer_name text not null check (char_length(signer_name) <= 100),
  -- pad: drawn by the signer; password: typed confirmation with the signer's password; proxy_pad: drawn by a person
  -- without an account on someone else's device, confirmed with the last four of their ID number; paper: a row of a
  -- scanned paper list, counted only once a manager confirms the list.
  method text not null check (method in ('pad', 'password', 'proxy_pad', 'paper')),
  -- The drawn PNG (pad, proxy_pad), or the scanned list (paper).
  image_attachment_id uuid,
  operator_user_id uuid references users(id),
  device text not null default '' check (char_length(device) <= 200),
  ip text,
  signed_at timestamptz not null,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  primary key (enterprise_id, id),
  unique (enterprise_id, document_type, document_id, document_version, signer_employee_id),
  foreign key (enterprise_id, signer_employee_id) references employees (enterprise_id, id),
  foreign key (enterprise_id, image_attachment_id) references attachments (enterprise_id, id),
  check (signer_user_id is not null or signer_employee_id is not null),
  check (method <> 'proxy_pad' or (signer_employee_id is not null and operator_user_id is not null and image_attachment_id is not null)),
  check (method <> 'pad' or image_attachment_id is not null),
  check (method <> 'paper' or (signer_employee_id is not null and image_attachment_id is not null)),
  check (method = 'paper' or confirmed_at is null),
  check ((confirmed_by is null) = (confirmed_at is null))
);
create unique index signatures_user_once on signatures (enterprise_id, document_type, document_id, document_version, signer_user_id)
  where signer_user_id is not null;
create index signatures_document on signatures (enterprise_id, document_type, document_id, document_version);
create index signatures_paper_pending on signatures (enterprise_id, image_attachment_id) where method = 'paper' and confirmed_at is null;

-- A signature is never changed nor deleted. The one write allowed later is a manager confirming a paper row, once.
-- Only the deletion of its whole enterprise (the cascade, after the enterprise row is gone) removes it.
create function signatures_immutable_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if exists (select 1 from enterprises e where e.id = old.enterprise_id) then
      raise exception 'signature % is immutable', old.id using errcode = 'check_violation', constraint = 'signatures_immutable';
    end if;
    return old;
  end if;
  if old.method = 'paper' and old.confirmed_at is null and new.confirmed_at is not null and new.confirmed_by is not null
      and (to_jsonb(new) - 'confirmed_by' - 'confirmed_at') = (to_jsonb(old) - 'confirmed_by' - 'confirmed_at') then
    return new;
  end if;
  raise exception 'signature % is immutable', old.id using errcode = 'check_violation', constraint = 'signatures_immutable';
end $$;
create trigger signatures_immutable before update or delete on signatures
  for each row execute function signatures_immutable_guard();

-- Wrong last-four confirmations and wrong passwords, counted to stop guessing (at most 5 per person per hour).
create table signature_failures (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id bigint generated always as identity,
  employee_id uuid,
  user_id uuid,
  operator_user_id uuid,
  method text not null,
  at timestamptz not null,
  primary key (enterprise_id, id),
  check (employee_id is not null or user_id is not null)
);
create index signature_failures_employee on signature_failures (enterprise_id, employee_id, at) where employee_id is not null;
create index signature_failures_user on signature_failures (enterprise_id, user_id, at) where user_id is not null;
