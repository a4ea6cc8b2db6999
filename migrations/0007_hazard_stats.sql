-- Hidden-hazard statistics, reminders and escalation (R-HAZ-3, R-HAZ-5, R-HAZ-7).

-- R-HAZ-7: per enterprise and calendar month (UTC, like every "today" on the platform), the figures the regulator
-- dashboards sum over thousands of enterprises. Two kinds of column:
--   - the month's cohort, i.e. hazards *reported* in the month, counted by their current state, so the rectification
--     rate of a period (closed ÷ confirmed and beyond, not voided) is a sum over its months;
--   - hazards *closed* in the month, and how many of them on or before their deadline.
-- It is maintained by the statement-level triggers below from the rows each statement changed, so it is exact at
-- every commit, whichever code path (service, check task, seeder, SQL console) writes hazards. Current-state figures
-- (open, overdue, open major) are not stored: they come live from the partial index on open hazards.
-- Each row carries its enterprise's district, subdistrict and industry (a trigger on enterprises keeps them in step),
-- from which the per-group table below is kept. One row per enterprise and month: concurrent reports from different
-- enterprises never wait on the same row here.
create table hazard_month_stats (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  district_id uuid not null,
  subdistrict_id uuid not null,
  industry_code text not null,
  found integer not null default 0,
  found_major integer not null default 0,
  confirmed integer not null default 0,
  closed_of_found integer not null default 0,
  voided integer not null default 0,
  closed integer not null default 0,
  closed_on_time integer not null default 0,
  primary key (enterprise_id, month)
);

-- What one hazard row contributes to the monthly figures: one row for its report month and, once closed, one for
-- its closing month. (A VALUES list rather than a UNION: PostgreSQL inlines it, and a UNION over a whole-row argument
-- fails to plan.)
create function hazard_month_rows(h hazards) returns table (
  enterprise_id uuid, month date, found integer, found_major integer, confirmed integer, closed_of_found integer,
  voided integer, closed integer, closed_on_time integer
) language sql stable as $$
  select v.* from (values
    (h.enterprise_id, date_trunc('month', h.reported_at at time zone 'UTC')::date,
      (h.status <> 'voided')::int, (h.status <> 'voided' and h.level = 'major')::int,
      (h.status in ('confirmed', 'rectifying', 'submitted', 'closed'))::int, (h.status = 'closed')::int,
      (h.status = 'voided')::int, 0, 0),
    (h.enterprise_id, case when h.status = 'closed' then date_trunc('month', h.closed_at at time zone 'UTC')::date end,
      0, 0, 0, 0, 0, 1, (h.deadline is null or (h.closed_at at time zone 'UTC')::date <= h.deadline)::int)
  ) v (enterprise_id, month, found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  where v.month is not null
$$;

-- One upsert per statement with the difference between the rows after and before it; statements that change no
-- counted column (most workflow updates) add nothing. Rows are written in key order, so two transactions touching
-- the same months lock them in the same order.
create function hazard_month_stats_apply() returns trigger language plpgsql as $$
begin
  insert into hazard_month_stats as s (enterprise_id, month, district_id, subdistrict_id, industry_code,
    found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  select d.enterprise_id, d.month, e.district_id, e.subdistrict_id, e.industry_code, sum(d.found), sum(d.found_major), sum(d.confirmed),
    sum(d.closed_of_found), sum(d.voided), sum(d.closed), sum(d.closed_on_time)
  from (
    select r.* from new_rows n cross join lateral hazard_month_rows(n) r
    union all
    select r.enterprise_id, r.month, -r.found, -r.found_major, -r.confirmed, -r.closed_of_found, -r.voided, -r.closed,
      -r.closed_on_time from old_rows o cross join lateral hazard_month_rows(o) r
  ) d
  join enterprises e on e.id = d.enterprise_id
  group by d.enterprise_id, d.month, e.district_id, e.subdistrict_id, e.industry_code
  having sum(d.found) <> 0 or sum(d.found_major) <> 0 or sum(d.confirmed) <> 0 or sum(d.closed_of_found) <> 0
    or sum(d.voided) <> 0 or sum(d.closed) <> 0 or sum(d.closed_on_time) <> 0
  order by d.enterprise_id, d.month
  on conflict (enterprise_id, month) do update set
    found = s.found + excluded.found, found_major = s.found_major + excluded.found_major,
    confirmed = s.confirmed + excluded.confirmed, closed_of_found = s.closed_of_found + excluded.closed_of_found,
    voided = s.voided + excluded.voided, closed = s.closed + excluded.closed, closed_on_time = s.closed_on_time + excluded.closed_on_time;
  return null;
end $$;

-- An insert has no old rows: an empty transition table stands in for them.
create function hazard_month_stats_insert() returns trigger language plpgsql as $$
begin
  insert into hazard_month_stats as s (enterprise_id, month, district_id, subdistrict_id, industry_code,
    found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  select r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code, sum(r.found), sum(r.found_major), sum(r.confirmed),
    sum(r.closed_of_found), sum(r.voided), sum(r.closed), sum(r.closed_on_time)
  from new_rows n cross join lateral hazard_month_rows(n) r
  join enterprises e on e.id = r.enterprise_id
  group by r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code
  order by r.enterprise_id, r.month
  on conflict (enterprise_id, month) do update set
    found = s.found + excluded.found, found_major = s.found_major + excluded.found_major,
    confirmed = s.confirmed + excluded.confirmed, closed_of_found = s.closed_of_found + excluded.closed_of_found,
    voided = s.voided + excluded.voided, closed = s.closed + excluded.closed, closed_on_time = s.closed_on_time + excluded.closed_on_time;
  return null;
end $$;

-- Hazards are not deleted by the application; a deletion (a whole enterprise, a clean-up) takes its rows out of the
-- months it counted in. An update only: months already gone with their enterprise stay gone.
create function hazard_month_stats_delete() returns trigger language plpgsql as $$
begin
  update hazard_month_stats s set
    found = s.found - d.found, found_major = s.found_major - d.found_major, confirmed = s.confirmed - d.confirmed,
    closed_of_found = s.closed_of_found - d.closed_of_found, voided = s.voided - d.voided, closed = s.closed - d.closed,
    closed_on_time = s.closed_on_time - d.closed_on_time
  from (
    select r.enterprise_id, r.month, sum(r.found) as found, sum(r.found_major) as found_major, sum(r.confirmed) as confirmed,
      sum(r.closed_of_found) as closed_of_found, sum(r.voided) as voided, sum(r.closed) as closed, sum(r.closed_on_time) as closed_on_time
    from old_rows o cross join lateral hazard_month_rows(o) r group by r.enterprise_id, r.month
  ) d
  where s.enterprise_id = d.enterprise_id and s.month = d.month;
  return null;
end $$;

create trigger hazards_month_stats_insert after insert on hazards
  referencing new table as new_rows for each statement execute function hazard_month_stats_insert();
create trigger hazards_month_stats_update after update on hazards
  referencing old table as old_rows new table as new_rows for each statement execute function hazard_month_stats_apply();
create trigger hazards_month_stats_delete after delete on hazards
  referencing old table as old_rows for each statement execute function hazard_month_stats_delete();

-- The same months summed per subdistrict × industry: the regulator dashboards read a few hundred rows per month here
-- instead of one per enterprise. Kept by statement triggers on hazard_month_stats from each statement's difference,
-- so an enterprise that moves takes its figures from one group to the other. A report waits on its group's row for
-- the rest of its transaction only behind another report of the same subdistrict, industry and month.
create table hazard_group_month_stats (
  subdistrict_id uuid not null,
  industry_code text not null,
  month date not null,
  district_id uuid not null,
  found integer not null default 0,
  found_major integer not null default 0,
  confirmed integer not null default 0,
  closed_of_found integer not null default 0,
  voided integer not null default 0,
  closed integer not null default 0,
  closed_on_time integer not null default 0,
  primary key (subdistrict_id, industry_code, month)
);

create function hazard_group_month_stats_apply() returns trigger language plpgsql as $$
begin
  insert into hazard_group_month_stats as g (subdistrict_id, industry_code, month, district_id,
    found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  select d.subdistrict_id, d.industry_code, d.month, d.district_id, sum(d.found), sum(d.found_major), sum(d.confirmed),
    sum(d.closed_of_found), sum(d.voided), sum(d.closed), sum(d.closed_on_time)
  from (
    select n.subdistrict_id, n.industry_code, n.month, n.district_id, n.found, n.found_major, n.confirmed, n.closed_of_found,
      n.voided, n.closed, n.closed_on_time from new_rows n
    union all
    select o.subdistrict_id, o.industry_code, o.month, o.district_id, -o.found, -o.found_major, -o.confirmed, -o.closed_of_found,
      -o.voided, -o.closed, -o.closed_on_time from old_rows o
  ) d
  group by d.subdistrict_id, d.industry_code, d.month, d.district_id
  having sum(d.found) <> 0 or sum(d.found_major) <> 0 or sum(d.confirmed) <> 0 or sum(d.closed_of_found) <> 0
    or sum(d.voided) <> 0 or sum(d.closed) <> 0 or sum(d.closed_on_time) <> 0
  order by d.subdistrict_id, d.industry_code, d.month
  on conflict (subdistrict_id, industry_code, month) do update set
    found = g.found + excluded.found, found_major = g.found_major + excluded.found_major,
    confirmed = g.confirmed + excluded.confirmed, closed_of_found = g.closed_of_found + excluded.closed_of_found,
    voided = g.voided + excluded.voided, closed = g.closed + excluded.closed, closed_on_time = g.closed_on_time + excluded.closed_on_time;
  return null;
end $$;

create function hazard_group_month_stats_insert() returns trigger language plpgsql as $$
begin
  insert into hazard_group_month_stats as g (subdistrict_id, industry_code, month, district_id,
    found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  select n.subdistrict_id, n.industry_code, n.month, n.district_id, sum(n.found), sum(n.found_major), sum(n.confirmed),
    sum(n.closed_of_found), sum(n.voided), sum(n.closed), sum(n.closed_on_time)
  from new_rows n
  group by n.subdistrict_id, n.industry_code, n.month, n.district_id
  order by n.subdistrict_id, n.industry_code, n.month
  on conflict (subdistrict_id, industry_code, month) do update set
    found = g.found + excluded.found, found_major = g.found_major + excluded.found_major,
    confirmed = g.confirmed + excluded.confirmed, closed_of_found = g.closed_of_found + excluded.closed_of_found,
    voided = g.voided + excluded.voided, closed = g.closed + excluded.closed, closed_on_time = g.closed_on_time + excluded.closed_on_time;
  return null;
end $$;

-- An enterprise deleted with its months takes them out of its group.
create function hazard_group_month_stats_delete() returns trigger language plpgsql as $$
begin
  update hazard_group_month_stats g set
    found = g.found - d.found, found_major = g.found_major - d.found_major, confirmed = g.confirmed - d.confirmed,
    closed_of_found = g.closed_of_found - d.closed_of_found, voided = g.voided - d.voided, closed = g.closed - d.closed,
    closed_on_time = g.closed_on_time - d.closed_on_time
  from (
    select o.subdistrict_id, o.industry_code, o.month, sum(o.found) as found, sum(o.found_major) as found_major, sum(o.confirmed) as confirmed,
      sum(o.closed_of_found) as closed_of_found, sum(o.voided) as voided, sum(o.closed) as closed, sum(o.closed_on_time) as closed_on_time
    from old_rows o group by o.subdistrict_id, o.industry_code, o.month
  ) d
  where g.subdistrict_id = d.subdistrict_id and g.industry_code = d.industry_code and g.month = d.month;
  return null;
end $$;

create trigger hazard_month_stats_group_insert after insert on hazard_month_stats
  referencing new table as new_rows for each statement execute function hazard_group_month_stats_insert();
create trigger hazard_month_stats_group_update after update on hazard_month_stats
  referencing old table as old_rows new table as new_rows for each statement execute function hazard_group_month_stats_apply();
create trigger hazard_month_stats_group_delete after delete on hazard_month_stats
  referencing old table as old_rows for each statement execute function hazard_group_month_stats_delete();

-- An enterprise that moves to another subdistrict or industry takes its months along.
create function hazard_month_stats_enterprise() returns trigger language plpgsql as $$
begin
  update hazard_month_stats set district_id = new.district_id, subdistrict_id = new.subdistrict_id, industry_code = new.industry_code
  where enterprise_id = new.id;
  return null;
end $$;
create trigger enterprises_hazard_month_stats after update of district_id, subdistrict_id, industry_code on enterprises
  for each row when (old.district_id is distinct from new.district_id or old.subdistrict_id is distinct from new.subdistrict_id
    or old.industry_code is distinct from new.industry_code)
  execute function hazard_month_stats_enterprise();

-- Hazards already recorded before this migration.
insert into hazard_month_stats (enterprise_id, month, district_id, subdistrict_id, industry_code,
  found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
select r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code, sum(r.found), sum(r.found_major), sum(r.confirmed),
  sum(r.closed_of_found), sum(r.voided), sum(r.closed), sum(r.closed_on_time)
from hazards h cross join lateral hazard_month_rows(h) r
join enterprises e on e.id = r.enterprise_id
group by r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code;

-- Open hazards are a few per cent of all: the regulator dashboards count them (open, overdue, open major, by
-- enterprise) across the whole scope from this small index alone, and the daily escalation job finds its work here.
create index hazards_open on hazards (enterprise_id, level, deadline) include (id, escalation_level)
  where status in ('reported', 'confirmed', 'rectifying', 'submitted');
-- The cross-enterprise hazard list stops after one page instead of sorting the scope's hazards: newest first, or
-- open (and overdue) ones by deadline.
create index hazards_reported_at on hazards (reported_at desc);
create index hazards_open_deadline on hazards (deadline, enterprise_id)
  where status in ('reported', 'confirmed', 'rectifying', 'submitted');
create index hazard_supervisions_listed on hazard_supervisions (enterprise_id) where status = 'listed';

-- R-HAZ-3: one reminder before the deadline per hazard per day, whatever the number of job runs.
create table hazard_reminders (
  enterprise_id uuid not null,
  hazard_id uuid not null,
  day date not null,
  primary key (enterprise_id, hazard_id, day),
  foreign key (enterprise_id, hazard_id) references hazards (enterprise_id, id) on delete cascade
);
