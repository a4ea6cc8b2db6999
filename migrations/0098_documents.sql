-- Issue 12 §2, R-DOC-1: the enterprise's document library — written rules (制度), operating procedures (操作规程) and
-- post safety procedures (岗位安全操作规程) — with their versions (approved by the principal's signature, published
-- with an effective date), the read-and-acknowledge receipts of the people on the covered posts, and the principal's
-- yearly review of the rules (R-RESP-5, "1 revision of rules and operating procedures").
create table documents (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('rule', 'procedure', 'post_procedure')),
  title text not null check (char_length(title) between 1 and 200),
  -- The codes of the rule-set `required-rules` that this rule satisfies (only for kind 'rule').
  required_codes text[] not null default '{}',
  processes text not null default '' check (char_length(processes) <= 2000),
  archived boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  check (kind = 'rule' or cardinality(required_codes) = 0)
);
create index documents_by_kind on documents (enterprise_id, kind, title);

-- The roster's posts a document covers: publishing a version asks every active person on them to acknowledge it.
create table document_posts (
  enterprise_id uuid not null,
  document_id uuid not null,
  post_id uuid not null,
  primary key (enterprise_id, document_id, post_id),
  foreign key (enterprise_id, document_id) references documents (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade
);
create index document_posts_by_post on document_posts (enterprise_id, post_id);

-- A version: draft → approved (the principal's signature over its content) → published (acknowledgements asked).
create table document_versions (
  enterprise_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  number integer not null check (number >= 1),
  status text not null default 'draft' check (status in ('draft', 'approved', 'published')),
  effective_on date not null,
  body text not null default '' check (char_length(body) <= 20000),
  change_note text not null default '' check (char_length(change_note) <= 1000),
  signature_id uuid,
  content_sha256 text,
  approved_by uuid references users(id),
  approved_at timestamptz,
  published_by uuid references users(id),
  published_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  row_version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, document_id, number),
  foreign key (enterprise_id, document_id) references documents (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((status = 'draft') = (signature_id is null)),
  check ((status = 'published') = (published_at is not null))
);
-- Only one draft (or approved, unpublished) version per document at a time.
create unique index document_versions_one_open on document_versions (enterprise_id, document_id) where status <> 'published';

-- One row per (version, person) asked to read it, written by the publish in one INSERT … SELECT.
create table document_acks (
  enterprise_id uuid not null,
  version_id uuid not null,
  employee_id uuid not null,
  document_id uuid not null,
  asked_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  signature_id uuid,
  primary key (enterprise_id, version_id, employee_id),
  foreign key (enterprise_id, version_id) references document_versions (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((acknowledged_by is null and signature_id is null) or acknowledged_at is not null)
);
create index document_acks_pending on document_acks (enterprise_id, employee_id) where acknowledged_at is null;

-- R-RESP-5: the yearly review of the rules and procedures, changed or not (with the reason), signed by the principal.
create table document_reviews (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  reviewed_on date not null,
  changed boolean not null,
  reason text not null check (char_length(reason) between 1 and 2000),
  signature_id uuid not null,
  content_sha256 text not null,
  signed_by uuid not null references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, year),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id)
);

-- Issue 12 §2: the register of applicable laws, regulations and standards, kept by the district admin for the
-- district, adopted per enterprise and linked to the enterprise's rule documents that implement each.
create table laws (
  id uuid primary key default gen_random_uuid(),
  district_id uuid not null references districts(id),
  level text not null check (level in ('national', 'provincial', 'city', 'district')),
  kind text not null check (kind in ('law', 'regulation', 'rule', 'standard', 'normative')),
  title text not null check (char_length(title) between 1 and 300),
  doc_number text not null default '' check (char_length(doc_number) <= 100),
  issuer text not null default '' check (char_length(issuer) <= 200),
  effective_on date,
  repealed boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1
);
create index laws_by_district on laws (district_id, level, title);

create table enterprise_laws (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  law_id uuid not null references laws(id),
  adopted_by uuid references users(id),
  adopted_at timestamptz not null,
  primary key (enterprise_id, law_id)
);

create table enterprise_law_documents (
  enterprise_id uuid not null,
  law_id uuid not null,
  document_id uuid not null,
  primary key (enterprise_id, law_id, document_id),
  foreign key (enterprise_id, law_id) references enterprise_laws (enterprise_id, law_id) on delete cascade,
  foreign key (enterprise_id, document_id) references documents (enterprise_id, id) on delete cascade
);
