-- Issue 13 §5: the regulators' competence view (training, certificates and "no certificate, no post", PPE, the
-- standardisation self-assessment) reads its indicators from the same stored rows as the management-system view
-- (0101): decided by the modules' own facts, recorded with the day, the rule-sets and the enterprise's audit-chain
-- position, and computed again when any of them moves. Existing rows get the defaults and are recomputed at once
-- (the rule-set key now covers the issue 13 rule-sets too).
alter table management_indicators
  add column training_people int not null default 0,
  add column training_shortfall int not null default 0,
  add column legal_covered int not null default 0,
  add column unqualified_on_post int not null default 0,
  add column certs_expiring int not null default 0,
  add column certs_expired int not null default 0,
  add column certs_review_due int not null default 0,
  add column minors_on_hazardous int not null default 0,
  add column ppe_missing int not null default 0,
  add column ppe_overdue int not null default 0,
  add column std_required boolean not null default false,
  add column std_status text not null default 'none',
  add column std_score numeric(6, 2),
  add column std_intended text,
  add column std_awarded text,
  add column std_valid_until date,
  add column p_training boolean not null default false,
  add column p_certificates boolean not null default false,
  add column p_ppe boolean not null default false,
  add column p_standardisation boolean not null default false,
  add column competence_problems int not null default 0;
