-- Issue 11 §1: the obligations engine. An occurrence is one duty that comes due: a definition (declared by a module,
-- its parameters in the rule-set `obligations`), an enterprise, a period or an event, and a subject ('' when the
-- duty is the enterprise's own; a person, a plan… otherwise).
create table obligation_occurrences (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  definition_key text not null,
  rule_id text not null,
  rule_set_version integer not null,
  period_key text not null,
  subject_key text not null default '',
  subject_label text not null default '',
  owner text not null check (owner in ('enterprise', 'principal', 'safety_manager', 'person', 'regulator')),
  owner_employee_id uuid,
  owner_user_id uuid,
  reported_to text not null check (reported_to in ('internal', 'subdistrict', 'department', 'regulators', 'congress')),
  starts_on date not null,
  due_on date not null,
  due_provisional boolean not null default false,
  status text not null check (status in ('upcoming', 'due', 'fulfilled', 'late_fulfilled', 'overdue', 'waived')),
  fulfilled_at timestamptz,
  fulfilled_by uuid,
  fulfilment text check (fulfilment in ('record', 'evidence')),
  record_type text,
  record_id text,
  evidence_note text,
  awaiting_principal boolean not null default false,
  waived_reason text,
  waived_by uuid,
  waived_at timestamptz,
  reminded integer[] not null default '{}',
  escalated integer[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (enterprise_id, id),
  unique (enterprise_id, definition_key, period_key, subject_key),
  check (due_on >= starts_on),
  check (status not in ('fulfilled', 'late_fulfilled') or fulfilled_at is not null),
  check (status <> 'waived' or waived_reason is not null)
);
-- The daily job walks open occurrences by date; screens read an enterprise's by due date; a record finds what it
-- fulfilled; a person finds what they owe.
create index obligation_occurrences_open on obligation_occurrences (due_on) where status in ('upcoming', 'due', 'overdue');
create index obligation_occurrences_enterprise_due on obligation_occurrences (enterprise_id, due_on);
create index obligation_occurrences_record on obligation_occurrences (enterprise_id, record_type, record_id) where record_id is not null;
create index obligation_occurrences_person on obligation_occurrences (enterprise_id, owner_employee_id) where owner_employee_id is not null;

create table obligation_history (
  enterprise_id uuid not null,
  occurrence_id uuid not null,
  id bigint generated always as identity,
  at timestamptz not null,
  actor_user_id uuid,
  action text not null,
  from_status text,
  to_status text not null,
  note text,
  record_type text,
  record_id text,
  primary key (enterprise_id, occurrence_id, id),
  foreign key (enterprise_id, occurrence_id) references obligation_occurrences (enterprise_id, id) on delete cascade
);

-- The engine's own figures for the regulators' board (issue 11: per-group counts kept as state, never a GROUP BY over
-- a million rows): occurrences by district, subdistrict, industry, definition, year of the due date and status.
-- Statement-level triggers with transition tables keep it exact under set-based inserts and updates.
create table obligation_counts (
  district_id uuid not null,
  subdistrict_id uuid not null,
  industry_code text not null,
  definition_key text not null,
  due_year integer not null,
  status text not null,
  n integer not null,
  primary key (district_id, subdistrict_id, industry_code, definition_key, due_year, status)
);

create function obligation_counts_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into obligation_counts as c (district_id, subdistrict_id, industry_code, definition_key, due_year, status, n)
    select e.district_id, e.subdistrict_id, e.industry_code, o.definition_key, extract(year from o.due_on)::integer, o.status, count(*)
      from new_rows o join enterprises e on e.id = o.enterprise_id
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (district_id, subdistrict_id, industry_code, definition_key, due_year, status) do update set n = c.n + excluded.n;
  elsif tg_op = 'UPDATE' then
    insert into obligation_counts as c (district_id, subdistrict_id, industry_code, definition_key, due_year, status, n)
    select e.district_id, e.subdistrict_id, e.industry_code, d.definition_key, d.due_year, d.status, sum(d.n)
      from (select enterprise_id, definition_key, extract(year from due_on)::integer as due_year, status, 1 as n from new_rows
            union all
            select enterprise_id, definition_key, extract(year from due_on)::integer, status, -1 from old_rows) d
      join enterprises e on e.id = d.enterprise_id
     group by 1, 2, 3, 4, 5, 6 having sum(d.n) <> 0 order by 1, 2, 3, 4, 5, 6
    on conflict (district_id, subdistrict_id, industry_code, definition_key, due_year, status) do update set n = c.n + excluded.n;
  else
    insert into obligation_counts as c (district_id, subdistrict_id, industry_code, definition_key, due_year, status, n)
    select e.district_id, e.subdistrict_id, e.industry_code, o.definition_key, extract(year from o.due_on)::integer, o.status, -count(*)
      from old_rows o join enterprises e on e.id = o.enterprise_id
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (district_id, subdistrict_id, industry_code, definition_key, due_year, status) do update set n = c.n + excluded.n;
  end if;
  return null;
end $$;
create trigger obligation_counts_ins after insert on obligation_occurrences
  referencing new table as new_rows for each statement execute function obligation_counts_apply();
create trigger obligation_counts_upd after update on obligation_occurrences
  referencing old table as old_rows new table as new_rows for each statement execute function obligation_counts_apply();
create trigger obligation_counts_del after delete on obligation_occurrences
  referencing old table as old_rows for each statement execute function obligation_counts_apply();

-- An enterprise that moves to another subdistrict or industry moves its figures with it.
create function obligation_counts_move() returns trigger language plpgsql as $$
begin
  insert into obligation_counts as c (district_id, subdistrict_id, industry_code, definition_key, due_year, status, n)
  select d.district_id, d.subdistrict_id, d.industry_code, o.definition_key, extract(year from o.due_on)::integer, o.status, sum(d.sign)
    from obligation_occurrences o
    cross join (values (old.district_id, old.subdistrict_id, old.industry_code, -1), (new.district_id, new.subdistrict_id, new.industry_code, 1))
      as d (district_id, subdistrict_id, industry_code, sign)
   where o.enterprise_id = new.id
   group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
  on conflict (district_id, subdistrict_id, industry_code, definition_key, due_year, status) do update set n = c.n + excluded.n;
  return null;
end $$;
create trigger obligation_counts_enterprise_move after update of subdistrict_id, industry_code, district_id on enterprises
  for each row when (old.subdistrict_id is distinct from new.subdistrict_id or old.industry_code is distinct from new.industry_code
    or old.district_id is distinct from new.district_id)
  execute function obligation_counts_move();
