-- Issue 13 §4, R-STD-1: the standardisation self-assessment to GB/T 33000-2016 (rule-set `standardisation`) and the
-- external reviews. The self-assessment itself is a locked submission (platform/submissions, kind
-- `standardisation.self`, subject = the year): its versions, snapshots, signatures and PDF live there and are locked by
-- that mechanism's trigger. These tables hold what the lists read and what the draft is made of.

-- One row per enterprise and year: the state of the working version and, once submitted, the figures of the latest
-- submitted version (what the regulators' list, the facts and the duty read without opening the snapshots).
create table standardisation_assessments (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  id uuid not null default gen_random_uuid(),
  status text not null default 'draft' check (status in ('draft', 'confirmed', 'submitted')),
  submitted_version integer,
  score numeric(6, 2) check (score between 0 and 100),
  assessed_max numeric(6, 2),
  intended_grade text check (intended_grade in ('1', '2', '3', 'none')),
  signature_id uuid,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, year),
  unique (enterprise_id, id),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((submitted_version is null) = (submitted_at is null))
);
create index standardisation_assessments_year on standardisation_assessments (year, enterprise_id);

-- The enterprise's adjustments of the working version: a score other than the prefilled one needs a reason and
-- evidence (attachments of owner `standardisation_adjustment`, owner id = the assessment's id, role = element code).
-- A confirmed or submitted version carries them in its snapshot; a correction starts from them.
create table standardisation_adjustments (
  enterprise_id uuid not null,
  year integer not null,
  element_code text not null check (element_code ~ '^5\.[1-8]\.[0-9]{1,2}$'),
  score numeric(5, 2) not null check (score >= 0),
  reason text not null check (char_length(reason) between 2 and 1000),
  evidence_ids uuid[] not null check (cardinality(evidence_ids) between 1 and 10),
  adjusted_by uuid references users(id),
  adjusted_at timestamptz not null,
  primary key (enterprise_id, year, element_code),
  foreign key (enterprise_id, year) references standardisation_assessments (enterprise_id, year) on delete cascade
);

-- External reviews (评审) by a review body: result, grade awarded, certificate valid for [cfg] 3 years. A recorded
-- review is a record of someone else's decision, so it never changes (a later review supersedes it).
create table standardisation_reviews (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  review_body text not null check (char_length(review_body) between 2 and 200),
  reviewers text not null default '' check (char_length(reviewers) <= 500),
  reviewed_on date not null,
  passed boolean not null,
  grade text check (grade in ('1', '2', '3')),
  certificate_no text not null default '' check (char_length(certificate_no) <= 100),
  valid_until date,
  note text not null default '' check (char_length(note) <= 2000),
  recorded_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  check (passed = (grade is not null)),
  check ((grade is null) = (valid_until is null)),
  check (valid_until is null or valid_until > reviewed_on)
);
create index standardisation_reviews_valid on standardisation_reviews (enterprise_id, valid_until desc);

create function standardisation_review_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception 'standardisation reviews are never changed' using errcode = 'check_violation', constraint = 'standardisation_review_recorded';
end $$;
create trigger standardisation_reviews_recorded before update or delete on standardisation_reviews
  for each row execute function standardisation_review_guard();
