-- Issue 11 §4–§5: the full-staff responsibility system (R-RESP-1, R-RESP-2, R-RESP-5 "梳理完善").
-- The built-in templates are code (src/modules/responsibility/duty-lists/duty-templates.ts); these tables hold an
-- enterprise's own lists, their versions, what they are attached to, the yearly reviews and the yearly assessments.

-- A duty list (岗位安全生产责任清单): a post's, a department's, or one person's where a duty is personal.
create table duty_lists (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  level text not null check (level in ('post', 'department', 'person')),
  -- The built-in template it was copied from, if any.
  template_key text,
  created_by uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id)
);
create index duty_lists_name on duty_lists (enterprise_id, name);

-- Its versions: at most one draft being edited and one current; a published version is never changed again.
create table duty_list_versions (
  enterprise_id uuid not null,
  list_id uuid not null,
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'current', 'superseded')),
  -- [{ content, scope, criterion, points, source }] in list order.
  items jsonb not null,
  note text not null default '',
  effective_on date,
  made_by uuid,
  made_at timestamptz not null,
  published_by uuid,
  published_at timestamptz,
  superseded_at timestamptz,
  primary key (enterprise_id, list_id, version),
  foreign key (enterprise_id, list_id) references duty_lists (enterprise_id, id) on delete cascade,
  check (status = 'draft' or (published_at is not null and effective_on is not null)),
  check (status <> 'superseded' or superseded_at is not null)
);
create unique index duty_list_versions_current on duty_list_versions (enterprise_id, list_id) where status = 'current';
create unique index duty_list_versions_draft on duty_list_versions (enterprise_id, list_id) where status = 'draft';

-- A published (current or superseded) version is what people were held to and signed for: its content never changes,
-- it only moves from current to superseded, and it is never deleted. Drafts are free.
create function duty_list_versions_locked() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'duty list % v% is published and kept', old.list_id, old.version using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.status <> 'draft' and (
    (new.enterprise_id, new.list_id, new.version, new.items, new.note, new.effective_on, new.made_by, new.made_at, new.published_by, new.published_at)
    is distinct from
    (old.enterprise_id, old.list_id, old.version, old.items, old.note, old.effective_on, old.made_by, old.made_at, old.published_by, old.published_at)
    or (old.status = 'superseded' and (new.status <> 'superseded' or new.superseded_at is distinct from old.superseded_at))
    or (old.status = 'current' and new.status not in ('current', 'superseded'))
  ) then
    raise exception 'duty list % v% is published and locked', old.list_id, old.version using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger duty_list_versions_locked before update or delete on duty_list_versions
  for each row execute function duty_list_versions_locked();

-- What a list is attached to: posts (one list per post), a person (one personal list each), an org unit (one
-- department list each). People inherit the lists of their posts.
create table duty_list_assignments (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  list_id uuid not null,
  post_id uuid,
  employee_id uuid,
  org_unit_id uuid,
  assigned_by uuid,
  assigned_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, list_id) references duty_lists (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, org_unit_id) references org_units (enterprise_id, id) on delete cascade,
  check (num_nonnulls(post_id, employee_id, org_unit_id) = 1),
  unique (enterprise_id, post_id),
  unique (enterprise_id, employee_id),
  unique (enterprise_id, org_unit_id)
);
create index duty_list_assignments_list on duty_list_assignments (enterprise_id, list_id);

-- R-RESP-5 "每年至少梳理完善一次本单位安全生产责任制": the yearly review record. It fulfils the duty once the
-- principal has signed it; the versions made in the review are its evidence.
create table duty_reviews (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  reviewer_user_id uuid,
  reviewer_name text not null,
  reviewed_on date not null,
  changed boolean not null,
  reason text not null default '',
  created_by uuid,
  created_at timestamptz not null,
  signed_by uuid,
  signed_at timestamptz,
  -- The platform's e-signature record, where one was made (src/platform/signatures).
  signature_id uuid,
  primary key (enterprise_id, id),
  check (changed or reason <> ''),
  check ((signed_by is null) = (signed_at is null))
);
create index duty_reviews_year on duty_reviews (enterprise_id, year);

-- The new versions made in a review (its evidence).
create table duty_review_versions (
  enterprise_id uuid not null,
  review_id uuid not null,
  list_id uuid not null,
  version integer not null,
  primary key (enterprise_id, review_id, list_id, version),
  foreign key (enterprise_id, review_id) references duty_reviews (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, list_id, version) references duty_list_versions (enterprise_id, list_id, version)
);

-- A signed review is the principal's act: it is neither changed nor deleted.
create function duty_reviews_locked() returns trigger language plpgsql as $$
begin
  if old.signed_at is not null then
    raise exception 'duty review % is signed and locked', old.id using errcode = 'P0001';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger duty_reviews_locked before update or delete on duty_reviews
  for each row execute function duty_reviews_locked();

-- R-RESP-2: the yearly assessment campaign and, once published, its notice (公示) with the period it is posted for.
create table duty_assessments (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  name text not null,
  status text not null default 'open' check (status in ('open', 'published')),
  rule_set_version integer not null,
  principal_assessed_by text not null check (principal_assessed_by in ('board', 'self')),
  created_by uuid,
  created_at timestamptz not null,
  publish_from date,
  publish_to date,
  published_by uuid,
  published_at timestamptz,
  primary key (enterprise_id, id),
  unique (enterprise_id, year),
  check (status = 'open' or (publish_from is not null and publish_to is not null and published_at is not null)),
  check (publish_to is null or publish_to >= publish_from)
);

-- One row per person active when the campaign opened: who assesses them, and once scored the items, total and grade.
create table duty_assessment_scores (
  enterprise_id uuid not null,
  assessment_id uuid not null,
  employee_id uuid not null,
  -- The person's unit when the campaign opened: a unit leader sees and scores the rows of his subtree. Not a foreign
  -- key: the record outlives a reorganisation.
  org_unit_id uuid not null,
  is_principal boolean not null default false,
  assessor_kind text not null check (assessor_kind in ('leader', 'managers', 'board', 'self')),
  assessor_user_id uuid,
  -- [{ listId, version, index, content, criterion, points, score }]
  items jsonb,
  max_points numeric(8, 2),
  total numeric(8, 2),
  percent numeric(5, 1),
  grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
  comment text not null default '',
  scored_by uuid,
  scored_at timestamptz,
  primary key (enterprise_id, assessment_id, employee_id),
  foreign key (enterprise_id, assessment_id) references duty_assessments (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  check ((scored_at is null) = (grade is null) and (grade is null) = (total is null))
);
create index duty_assessment_scores_assessor on duty_assessment_scores (enterprise_id, assessment_id, assessor_user_id);
