-- Issue 12 §3, R-INV-1: safety investment and the safety production fee (安全生产费用, 财资〔2022〕136号 [cfg], rule-set
-- `safety-fee`). Money is numeric(18,2) throughout (read as strings, computed in integer fen).

-- The yearly safety-investment budget (安全生产投入预算) with its lines by category of use; the principal's signature
-- approves it, and an approved budget never changes.
create table safety_budgets (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'approved')),
  note text not null default '' check (char_length(note) <= 2000),
  total numeric(18,2) not null default 0 check (total >= 0),
  content_sha256 char(64),
  signature_id uuid,
  approved_by uuid references users(id),
  approved_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, year),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((status = 'approved') = (signature_id is not null and approved_at is not null and approved_by is not null and content_sha256 is not null))
);

create table safety_budget_lines (
  enterprise_id uuid not null,
  budget_id uuid not null,
  line_no integer not null check (line_no between 1 and 200),
  category text not null check (char_length(category) between 1 and 40),
  amount numeric(18,2) not null check (amount >= 0),
  purpose text not null default '' check (char_length(purpose) <= 500),
  primary key (enterprise_id, budget_id, line_no),
  foreign key (enterprise_id, budget_id) references safety_budgets (enterprise_id, id) on delete cascade
);

-- The safety fee's year: the required accrual computed by the rule-set (its inputs, lines and version kept), the
-- accrual the enterprise booked, and an opening balance for the first year the platform holds (else the prior year's
-- closing balance is carried in).
create table safety_fee_years (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  required_accrual numeric(18,2) check (required_accrual >= 0),
  accrual_inputs jsonb,
  accrual_lines jsonb,
  rule_set_version integer,
  computed_by uuid references users(id),
  computed_at timestamptz,
  accrued numeric(18,2) not null default 0 check (accrued >= 0),
  opening_balance numeric(18,2),
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, year),
  check ((required_accrual is null) = (computed_at is null))
);

-- The usage ledger (安全生产费用使用台账): one spending per row, its category of use (or `outside` the eligible ones),
-- the voucher in the attachments store (owner `safety_fee_use`). `year` is the year of `used_on`.
create table safety_fee_uses (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  used_on date not null,
  category text not null check (char_length(category) between 1 and 40),
  amount numeric(18,2) not null check (amount > 0),
  purpose text not null check (char_length(purpose) between 1 and 500),
  voucher_no text not null default '' check (char_length(voucher_no) <= 50),
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  check (year = extract(year from used_on))
);
-- The ledger of a year, by date; and the sums per year the regulators' list reads.
create index safety_fee_uses_by_year on safety_fee_uses (enterprise_id, year, used_on);

-- Internal and external audits of the fee (date, auditor, findings, rectification).
create table safety_fee_audits (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('internal', 'external')),
  audited_on date not null,
  auditor text not null check (char_length(auditor) between 1 and 100),
  findings text not null default '' check (char_length(findings) <= 4000),
  rectification text not null default '' check (char_length(rectification) <= 4000),
  rectified boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id)
);
create index safety_fee_audits_by_year on safety_fee_audits (enterprise_id, year, audited_on);

-- R-RESP-5 "1 check of safety investment a year": the principal's signed review of the year's ledger, with comments.
-- Once signed it fulfils the ten-ones duty and never changes; the year's ledger is then closed.
create table safety_investment_checks (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  checked_on date not null,
  comments text not null check (char_length(comments) between 1 and 4000),
  -- The figures the principal saw (accrued, used, balance, flags), as signed.
  figures jsonb not null,
  content_sha256 char(64),
  signature_id uuid,
  signed_by uuid references users(id),
  signed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  primary key (enterprise_id, id),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((signed_at is null) = (signature_id is null))
);
create unique index safety_investment_checks_signed_year on safety_investment_checks (enterprise_id, year) where signed_at is not null;

-- An approved budget (and its lines) and a signed check never change nor disappear, except with their enterprise.
create function safety_investment_guard() returns trigger language plpgsql as $$
declare
  locked boolean;
begin
  if tg_table_name = 'safety_budgets' then
    locked := old.status = 'approved';
  elsif tg_table_name = 'safety_budget_lines' then
    locked := exists (select 1 from safety_budgets b where b.enterprise_id = old.enterprise_id and b.id = old.budget_id and b.status = 'approved');
  else
    locked := old.signed_at is not null;
  end if;
  if not locked then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception '% row is signed', tg_table_name using errcode = 'check_violation', constraint = 'safety_investment_signed';
end $$;
create trigger safety_budgets_signed before update or delete on safety_budgets
  for each row execute function safety_investment_guard();
create trigger safety_budget_lines_signed before update or delete on safety_budget_lines
  for each row execute function safety_investment_guard();
create trigger safety_investment_checks_signed before update or delete on safety_investment_checks
  for each row execute function safety_investment_guard();
