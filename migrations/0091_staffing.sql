-- Issue 12 §1, R-TEAM-1/2: the enterprise's safety organisation. The safety department (安全生产管理机构, at most one),
-- the named safety management staff (安全生产管理人员, full-time 专职 or part-time 兼职, each an employee of the roster),
-- the registered safety engineers (注册安全工程师) and the outsourced safety-management engagements (委托安全生产技术、
-- 管理服务机构), which are shown but never count as the department or the staff (R-TEAM-1). Whether an enterprise is
-- compliant is computed on read from these rows and the roster (src/modules/management/staffing/staffing.rules.ts).

create table safety_departments (
  enterprise_id uuid not null references enterprises(id) on delete cascade primary key,
  name text not null check (char_length(name) between 1 and 100),
  -- The set-up document (设立文件): its number and date.
  document_no text not null default '' check (char_length(document_no) <= 100),
  established_on date,
  note text not null default '' check (char_length(note) <= 500),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table safety_staff (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  kind text not null check (kind in ('full_time', 'part_time')),
  -- The appointment document (任命文件): its number and date.
  appointment_no text not null default '' check (char_length(appointment_no) <= 100),
  appointed_on date,
  duties text not null default '' check (char_length(duties) <= 500),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, employee_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);

create table safety_engineers (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  certificate_no text not null check (char_length(certificate_no) between 1 and 50),
  -- 专业类别 of 注册安全工程师分类管理办法 (2017): coal mine, metal/non-metal mine, chemical, metal smelting,
  -- construction, road transport, other (excluding fire safety).
  specialty text not null check (specialty in ('coal_mine', 'metal_nonmetal_mine', 'chemical', 'metal_smelting', 'construction', 'road_transport', 'other')),
  valid_until date not null,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, employee_id),
  unique (enterprise_id, certificate_no),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);

create table safety_service_engagements (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  institution_name text not null check (char_length(institution_name) between 1 and 200),
  services text not null default '' check (char_length(services) <= 500),
  contract_no text not null default '' check (char_length(contract_no) <= 100),
  starts_on date not null,
  ends_on date,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  check (ends_on is null or ends_on >= starts_on)
);

-- The regulators' list (GET /staffing) reads the whole district at once: it must not count 10k rosters per request.
-- Each enterprise's active headcount (every employment form, R-TEAM-1) is kept here, and whether each named officer or
-- engineer is still an active employee is kept on their rows, by statement-level triggers on employees.
create table staffing_headcounts (
  enterprise_id uuid primary key references enterprises(id) on delete cascade,
  active integer not null default 0 check (active >= 0)
);
alter table safety_staff add column employee_active boolean not null default true;
alter table safety_engineers add column employee_active boolean not null default true;

create function staffing_employees_inserted() returns trigger language plpgsql as $$
begin
  insert into staffing_headcounts (enterprise_id, active)
    select n.enterprise_id, count(*) from new_rows n where n.status = 'active' group by n.enterprise_id
    on conflict (enterprise_id) do update set active = staffing_headcounts.active + excluded.active;
  return null;
end $$;

create function staffing_employees_deleted() returns trigger language plpgsql as $$
begin
  update staffing_headcounts h set active = greatest(0, h.active - d.n)
    from (select o.enterprise_id, count(*)::int as n from old_rows o where o.status = 'active' group by o.enterprise_id) d
    where h.enterprise_id = d.enterprise_id;
  return null;
end $$;

-- A status change (active ⇄ left) moves the headcount and the officer's or engineer's "still employed" flag.
create function staffing_employees_updated() returns trigger language plpgsql as $$
begin
  insert into staffing_headcounts (enterprise_id, active)
    select n.enterprise_id, 0 from new_rows n join old_rows o on o.enterprise_id = n.enterprise_id and o.id = n.id
    where o.status is distinct from n.status group by n.enterprise_id
    on conflict (enterprise_id) do nothing;
  update staffing_headcounts h set active = greatest(0, h.active + d.delta)
    from (select n.enterprise_id, sum(case when n.status = 'active' then 1 else -1 end)::int as delta
          from new_rows n join old_rows o on o.enterprise_id = n.enterprise_id and o.id = n.id
          where o.status is distinct from n.status group by n.enterprise_id) d
    where h.enterprise_id = d.enterprise_id;
  update safety_staff s set employee_active = (n.status = 'active')
    from new_rows n join old_rows o on o.enterprise_id = n.enterprise_id and o.id = n.id
    where o.status is distinct from n.status and s.enterprise_id = n.enterprise_id and s.employee_id = n.id;
  update safety_engineers g set employee_active = (n.status = 'active')
    from new_rows n join old_rows o on o.enterprise_id = n.enterprise_id and o.id = n.id
    where o.status is distinct from n.status and g.enterprise_id = n.enterprise_id and g.employee_id = n.id;
  return null;
end $$;

create trigger employees_staffing_insert after insert on employees referencing new table as new_rows
  for each statement execute function staffing_employees_inserted();
create trigger employees_staffing_delete after delete on employees referencing old table as old_rows
  for each statement execute function staffing_employees_deleted();
create trigger employees_staffing_update after update on employees referencing old table as old_rows new table as new_rows
  for each statement execute function staffing_employees_updated();

-- Backfill, after the DDL: the headcounts of the rosters loaded before this migration.
insert into staffing_headcounts (enterprise_id, active)
  select enterprise_id, count(*) from employees where status = 'active' group by enterprise_id;
