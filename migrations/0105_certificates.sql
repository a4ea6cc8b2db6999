-- Issue 13 §2, R-TRN-2, R-HAZ-2: the certificates people hold (特种作业操作证, 特种设备作业人员证, 安全生产知识和管理能力考核
--合格证), their validity and reviews; the day a minor comes of age, so "no minor on a hazardous post" holds on every later
-- assignment (the full ID number is not stored); and the hidden hazard opened for a special-operation worker on a post
-- without a valid certificate, one per person, post and lapse. The catalogue of types and the periods are the rule-set
-- `certificates`; a row keeps the type code it was given.
create table certificates (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  kind text not null check (kind in ('special_operation', 'special_equipment', 'safety_qualification')),
  -- The catalogue code (rule-set `certificates`, types[].code): 'so-electrical', 'se-N1', 'sq-principal'.
  type_code text not null check (char_length(type_code) between 1 and 50),
  number text not null check (char_length(number) between 1 and 100),
  issuer text not null default '' check (char_length(issuer) <= 200),
  issued_on date not null,
  valid_until date not null,
  -- The next review (复审) due, null when the kind has none before renewal; moved by each review recorded.
  next_review_on date,
  -- The start of continuous compliant work (a failed review restarts it): 10 years of it allow the longer review cycle.
  compliant_since date not null,
  -- Reviewed every 6 years instead of 3 (the issuer agreed, after 10 years' continuous compliant work) [cfg].
  extended_review boolean not null default false,
  attachment_id uuid,
  note text not null default '' check (char_length(note) <= 1000),
  status text not null default 'active' check (status in ('active', 'revoked')),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, kind, number),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id),
  check (valid_until > issued_on)
);
create index certificates_by_employee on certificates (enterprise_id, employee_id, type_code);
create index certificates_valid_until on certificates (valid_until, enterprise_id) where status = 'active';

-- Each review (复审) or renewal (延期换证) recorded on a certificate: the history behind its dates.
create table certificate_reviews (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  certificate_id uuid not null,
  kind text not null check (kind in ('review', 'renewal')),
  reviewed_on date not null,
  result text not null check (result in ('pass', 'fail')),
  -- The certificate's dates before and after the record.
  before_valid_until date not null,
  before_next_review date,
  after_valid_until date not null,
  after_next_review date,
  number text not null default '' check (char_length(number) <= 100),
  note text not null default '' check (char_length(note) <= 1000),
  recorded_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, certificate_id) references certificates (enterprise_id, id) on delete cascade
);
create index certificate_reviews_by_certificate on certificate_reviews (enterprise_id, certificate_id, reviewed_on);

-- R-TRN-2: the day a person registered under 18 turns 18 (the full ID number is not kept, so neither is the birth
-- date: only minors have a row). People registered before this migration have none.
create table minor_employees (
  enterprise_id uuid not null,
  employee_id uuid not null,
  adult_on date not null,
  primary key (enterprise_id, employee_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);

-- R-HAZ-2: the hazard opened for a special-operation worker on a post without a valid certificate. `lapse` names the
-- occasion (the day the last matching certificate stopped being valid, or 'none'): one hazard per person, post and lapse.
create table certificate_post_hazards (
  enterprise_id uuid not null,
  employee_id uuid not null,
  post_id uuid not null,
  lapse text not null check (char_length(lapse) <= 20),
  hazard_id uuid not null,
  opened_at timestamptz not null,
  primary key (enterprise_id, employee_id, post_id, lapse),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);
