-- Issue 8 §3: the photos and floor plans move into the attachments store, under their own ids, so every id a
-- record holds (hazard events, check results, risk points) still names the same file.
insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, taken_at, uploaded_by, created_at)
select enterprise_id, id, 'photo', mime, size, sha256, data, taken_at, uploaded_by, created_at from photos;

-- A floor plan's file keeps the plan's id; the plan record (its name, the points drawn on it) links to it.
insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, name, width, height, created_at)
select enterprise_id, id, 'floor_plan', mime, size, encode(sha256(data), 'hex'), data, name, width, height, created_at from floor_plans;
insert into attachment_links (enterprise_id, attachment_id, owner_type, owner_id, role, created_at)
select enterprise_id, id, 'floor_plan', id, 'image', created_at from floor_plans;

insert into attachment_links (enterprise_id, attachment_id, owner_type, owner_id, role)
select enterprise_id, photo_id, 'hazard', hazard_id, stage from hazard_photos;

insert into attachment_links (enterprise_id, attachment_id, owner_type, owner_id, role)
select distinct r.enterprise_id, p.photo_id, 'check_task', r.task_id, 'result'
from check_task_results r cross join lateral unnest(r.photo_ids) as p(photo_id)
where exists (select 1 from attachments a where a.enterprise_id = r.enterprise_id and a.id = p.photo_id);

-- A photo on a hazard report, a rectification or a check run is evidence of a submitted record: locked.
update attachments a set locked = true
where a.kind = 'photo' and exists (select 1 from attachment_links l where l.enterprise_id = a.enterprise_id and l.attachment_id = a.id);
