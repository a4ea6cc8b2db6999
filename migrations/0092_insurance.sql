-- Issue 12 §4, R-INS-1: the district's safety-liability insurance (安全生产责任保险, 安责险) information platform, and
-- each employee's work-injury insurance (工伤保险) coverage.
--
-- A policy is entered by the insurer's staff (institutions of kind 'insurer') for an enterprise found by its unified
-- social credit code, with the insured people chosen from the enterprise's roster and each person's cover; the
-- enterprise (principal or safety manager) confirms it, after which it never changes. Money is numeric (exact).
create table liability_policies (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  institution_id uuid not null references institutions(id),
  policy_number text not null check (char_length(policy_number) between 1 and 64),
  starts_on date not null,
  ends_on date not null,
  premium numeric(14, 2) not null check (premium >= 0),
  -- R-INS-1: the unit pays the premium, never the staff; 'staff' is recorded as entered and fails the check.
  premium_paid_by text not null check (premium_paid_by in ('unit', 'staff')),
  status text not null default 'pending' check (status in ('pending', 'confirmed')),
  -- Whether the policy opens the enterprise to the insurer's staff now (src/platform/db/scope.ts): confirmed and its
  -- period holds the platform's today. Set on confirmation and refreshed by the job `insurance.scope` on the clock.
  in_force boolean not null default false,
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (enterprise_id, id),
  unique (institution_id, policy_number),
  check (ends_on >= starts_on),
  -- Confirmed on the platform by a manager (confirmed_by), or recorded as confirmed on paper before the enterprise
  -- joined the platform (the demo's other enterprises; no one to name).
  check ((status = 'confirmed') = (confirmed_at is not null)),
  check (not in_force or status = 'confirmed')
);
-- The insurer staff's scope reads the institution's policies in force; their own list reads all of the institution's.
create index liability_policies_institution on liability_policies (institution_id, enterprise_id) where in_force;
create index liability_policies_institution_list on liability_policies (institution_id, created_at);
-- The enterprise's current policy and the regulators' coverage list read confirmed policies by period.
create index liability_policies_current on liability_policies (enterprise_id, starts_on, ends_on) where status = 'confirmed';

-- The insured people of a policy, each with the per-person cover for death or disability (R-INS-1: the same for all).
create table liability_policy_people (
  enterprise_id uuid not null,
  policy_id uuid not null,
  employee_id uuid not null,
  cover numeric(14, 2) not null check (cover > 0),
  primary key (enterprise_id, policy_id, employee_id),
  foreign key (enterprise_id, policy_id) references liability_policies (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);
create index liability_policy_people_employee on liability_policy_people (enterprise_id, employee_id);

-- A confirmed policy never changes (only its in-force flag, which follows the clock) nor disappears, and neither do its
-- people, except with the whole enterprise.
create function liability_policies_guard() returns trigger language plpgsql as $$
begin
  if old.status = 'pending' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'in_force') = (to_jsonb(old) - 'in_force') then return new; end if;
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception 'liability policy % is confirmed', old.id using errcode = 'check_violation', constraint = 'liability_policies_confirmed';
end $$;
create trigger liability_policies_confirmed before update or delete on liability_policies
  for each row execute function liability_policies_guard();

create function liability_policy_people_guard() returns trigger language plpgsql as $$
declare
  p record;
begin
  select status into p from liability_policies
    where enterprise_id = coalesce(new.enterprise_id, old.enterprise_id) and id = coalesce(new.policy_id, old.policy_id);
  -- The policy is gone (deleted as pending, or with its enterprise): its people follow.
  if not found or p.status = 'pending' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'DELETE' and not exists (select 1 from enterprises e where e.id = old.enterprise_id) then return old; end if;
  raise exception 'liability policy % is confirmed', coalesce(new.policy_id, old.policy_id) using errcode = 'check_violation', constraint = 'liability_policies_confirmed';
end $$;
create trigger liability_policy_people_confirmed before insert or update or delete on liability_policy_people
  for each row execute function liability_policy_people_guard();

-- R-INS-1: work-injury insurance per employee, kept by the safety manager. No row = not recorded as covered.
create table work_injury_coverage (
  enterprise_id uuid not null,
  employee_id uuid not null,
  covered boolean not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  primary key (enterprise_id, employee_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);
