-- Issue 12 §7: the regulators' management-system view reads each enterprise's indicators from here. A row is the
-- indicators as the modules decide them (overview.repository.ts), with what it was decided on: the day and the
-- rule-sets (`rules_key`) and the enterprise's audit-chain position (`chain_seq`). Every write to an enterprise appends
-- to its chain, so a row whose position or key is not the current one is computed again before it is read; nothing
-- here is ever the only record of anything.
create table management_indicators (
  enterprise_id uuid primary key references enterprises(id) on delete cascade,
  rules_key text not null,
  chain_seq bigint not null,
  headcount int not null,
  staffing_ok boolean not null,
  missing_rules text[] not null,
  asked int not null,
  acknowledged int not null,
  ack_rate int,
  fee_applies boolean not null,
  fee_required numeric(16, 2),
  fee_accrued numeric(16, 2),
  fee_used numeric(16, 2) not null,
  fee_ineligible numeric(16, 2) not null,
  fee_shortfall numeric(16, 2) not null,
  insurance_applies boolean not null,
  policy_missing boolean not null,
  uninsured int not null,
  overdue int not null,
  p_staffing boolean not null,
  p_rules boolean not null,
  p_fee boolean not null,
  p_insurance boolean not null,
  p_equipment boolean not null,
  problems int not null,
  computed_at timestamptz not null
);
