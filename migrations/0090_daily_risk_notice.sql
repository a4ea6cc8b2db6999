-- Issue 11 §6, R-COM-1 [cfg]: the daily safety-risk assessment and commitment notice (安全风险研判与承诺公告) of the
-- hazardous-chemical enterprises the district configures (rule-set `daily-risk-notice`). Each day the unit heads, the
-- technical lead and the principal assess the day's risks; the principal commits and posts the notice at the gate and
-- on the platform. One notice per enterprise and China local day; the safety manager may draft it, the principal's
-- signature posts it, and a posted notice never changes.
create table daily_risk_notices (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- The China local day the notice is for (platform/time.ts localDay of the clock when it was drafted).
  day date not null,
  status text not null default 'draft' check (status in ('draft', 'posted')),
  -- Production installations (装置): running, stopped, under maintenance.
  units_running integer not null check (units_running between 0 and 10000),
  units_stopped integer not null check (units_stopped between 0 and 10000),
  units_maintenance integer not null check (units_maintenance between 0 and 10000),
  -- Major hazard sources (重大危险源): how many, and whether every one is in a safe state.
  major_hazards integer not null check (major_hazards between 0 and 10000),
  major_hazards_safe boolean not null,
  -- Special operations of the day by kind (动火, 受限空间, 盲板抽堵, 高处, 吊装, 临时用电, 动土, 断路): {"hot_work": 2, …}.
  special_work jsonb not null,
  trial_production boolean not null,
  start_stop boolean not null,
  maintenance_work boolean not null,
  note text not null default '' check (char_length(note) <= 1000),
  commitment text not null check (char_length(commitment) between 1 and 1000),
  principal_name text not null default '',
  -- The rule-set version under which the enterprise owed the notice.
  rule_set_version integer not null,
  content_sha256 char(64),
  signature_id uuid,
  signed_by uuid references users(id),
  posted_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (enterprise_id, day),
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id),
  check ((status = 'posted') = (signature_id is not null and posted_at is not null and content_sha256 is not null and signed_by is not null))
);
-- The regulators' "who has posted today" and the month's compliance read posted notices by day.
create index daily_risk_notices_by_day on daily_risk_notices (day, enterprise_id) where status = 'posted';

-- A posted notice never changes nor disappears (only with its whole enterprise); a draft may be edited or deleted.
create function daily_risk_notices_guard() returns trigger language plpgsql as $$
begin
  if old.status = 'draft' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception 'daily risk notice % is posted', old.id using errcode = 'check_violation', constraint = 'daily_risk_notices_posted';
end $$;
create trigger daily_risk_notices_posted before update or delete on daily_risk_notices
  for each row execute function daily_risk_notices_guard();
