-- Issue 14 §4: deferred processing in the attachments store. A file may be accepted on its cheap checks alone (type
-- by its bytes, size, pixel count read from its header) and stored `pending`: its upload waits in quarantine, served to
-- nobody, until the processing job decodes and re-encodes it (metadata stripped, D16) and marks it `ready`, or marks
-- it `rejected` when it does not decode. Every file stored before this migration was processed in its request: ready.
alter table attachments add column state text not null default 'ready' check (state in ('pending', 'ready', 'rejected'));

-- The raw uploads of pending files, apart from the served bytes (`attachments.data` stays empty until the file is
-- ready), so nothing that reads a file's bytes can hand an unprocessed upload to anyone.
create table attachment_quarantine (
  enterprise_id uuid not null,
  attachment_id uuid not null,
  data bytea not null,
  created_at timestamptz not null,
  primary key (enterprise_id, attachment_id),
  foreign key (enterprise_id, attachment_id) references attachments (enterprise_id, id) on delete cascade
);

-- A locked file keeps its bytes, except once: a pending file (locked with the record it was sent with) receives its
-- processed bytes, or its rejection, from the processing job. Otherwise as in 0040, and the state cannot change either.
create or replace function attachments_locked_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.locked and exists (select 1 from enterprises e where e.id = old.enterprise_id) then
      raise exception 'attachment % is locked', old.id using errcode = 'check_violation', constraint = 'attachments_locked';
    end if;
    return old;
  end if;
  if old.locked and old.state = 'pending' and new.state in ('ready', 'rejected') and new.locked
      and new.kind = old.kind and new.enterprise_id = old.enterprise_id and new.id = old.id then
    return new;
  end if;
  if old.locked and (not new.locked or new.data is distinct from old.data or new.sha256 is distinct from old.sha256
      or new.mime is distinct from old.mime or new.size is distinct from old.size or new.kind is distinct from old.kind
      or new.state is distinct from old.state or new.enterprise_id is distinct from old.enterprise_id or new.id is distinct from old.id) then
    raise exception 'attachment % is locked', old.id using errcode = 'check_violation', constraint = 'attachments_locked';
  end if;
  return new;
end $$;
