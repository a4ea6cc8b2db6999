-- Issue 8 §3: one attachments store, the one owner of file rules. Every file (hazard and check photos, floor plans,
-- documents) is a row here, in the database so a backup holds it; `kind` names the rules it was accepted under.
create table attachments (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('photo', 'floor_plan', 'document', 'spreadsheet')),
  mime text not null,
  size integer not null check (size > 0),
  sha256 text not null,
  data bytea not null,
  -- The name a person gave the file (a floor plan's title) or its uploaded file name; '' for a phone photo.
  name text not null default '',
  width integer check (width > 0),
  height integer check (height > 0),
  -- D16/D21: a photo's capture time read from its Exif before the metadata was stripped.
  taken_at timestamptz,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now(),
  -- Set by the owner once the file belongs to a submitted or fulfilled record: from then on it is never deleted.
  locked boolean not null default false,
  primary key (enterprise_id, id)
);
create index attachments_sha on attachments (enterprise_id, sha256);

-- What each file is attached to: any record, named by its owner type (`hazard`, `check_task`, `floor_plan`…) and
-- id; `role` is the owner's own label (a hazard photo's stage: before, after, evidence).
create table attachment_links (
  enterprise_id uuid not null,
  attachment_id uuid not null,
  owner_type text not null,
  owner_id uuid not null,
  role text not null default '',
  created_at timestamptz not null default now(),
  primary key (enterprise_id, owner_type, owner_id, attachment_id),
  foreign key (enterprise_id, attachment_id) references attachments (enterprise_id, id) on delete cascade
);
create index attachment_links_attachment on attachment_links (enterprise_id, attachment_id);

-- A locked file keeps its bytes and stays locked; it is never deleted, nor taken off its records. Only the deletion
-- of its whole enterprise (the cascade, after the enterprise row is gone) removes it.
create function attachments_locked_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.locked and exists (select 1 from enterprises e where e.id = old.enterprise_id) then
      raise exception 'attachment % is locked', old.id using errcode = 'check_violation', constraint = 'attachments_locked';
    end if;
    return old;
  end if;
  if old.locked and (not new.locked or new.data is distinct from old.data or new.sha256 is distinct from old.sha256
      or new.mime is distinct from old.mime or new.size is distinct from old.size or new.kind is distinct from old.kind
      or new.enterprise_id is distinct from old.enterprise_id or new.id is distinct from old.id) then
    raise exception 'attachment % is locked', old.id using errcode = 'check_violation', constraint = 'attachments_locked';
  end if;
  return new;
end $$;
create trigger attachments_locked before update or delete on attachments
  for each row execute function attachments_locked_guard();

create function attachment_links_locked_guard() returns trigger language plpgsql as $$
begin
  if exists (select 1 from attachments a where a.enterprise_id = old.enterprise_id and a.id = old.attachment_id and a.locked) then
    raise exception 'attachment % is locked', old.attachment_id using errcode = 'check_violation', constraint = 'attachments_locked';
  end if;
  return coalesce(new, old);
end $$;
create trigger attachment_links_locked before update or delete on attachment_links
  for each row execute function attachment_links_locked_guard();
