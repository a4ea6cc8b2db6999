-- Local time: every calendar date, month and year the platform computes is the district's local date, China Standard
-- Time (UTC+8, no daylight saving; src/platform/time.ts, LOCAL_UTC_OFFSET_MINUTES). The monthly hazard figures of
-- 0007 bucketed by UTC month and judged "closed on time" by the UTC date of closing: a hazard reported at 07:00 on
-- 1 December (Beijing) counted in November. Here they move to local months and dates, and are rebuilt.
--
-- The offset is written as an interval: `ts at time zone interval '+08:00'` is the wall-clock time at UTC+8, whereas
-- the text '+08' is read as a POSIX zone, whose sign is the other way round (UTC−8). A district elsewhere changes
-- this interval together with LOCAL_UTC_OFFSET_MINUTES.

-- No hazard is written while the figures are rebuilt (SHARE blocks inserts, updates and deletes, not reads), so no
-- statement's trigger applies a difference computed with one month rule to figures counted with the other.
lock table hazards in share mode;

create or replace function hazard_month_rows(h hazards) returns table (
  enterprise_id uuid, month date, found integer, found_major integer, confirmed integer, closed_of_found integer,
  voided integer, closed integer, closed_on_time integer
) language sql stable as $$
  select v.* from (values
    (h.enterprise_id, date_trunc('month', h.reported_at at time zone interval '+08:00')::date,
      (h.status <> 'voided')::int, (h.status <> 'voided' and h.level = 'major')::int,
      (h.status in ('confirmed', 'rectifying', 'submitted', 'closed'))::int, (h.status = 'closed')::int,
      (h.status = 'voided')::int, 0, 0),
    (h.enterprise_id, case when h.status = 'closed' then date_trunc('month', h.closed_at at time zone interval '+08:00')::date end,
      0, 0, 0, 0, 0, 1, (h.deadline is null or (h.closed_at at time zone interval '+08:00')::date <= h.deadline)::int)
  ) v (enterprise_id, month, found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
  where v.month is not null
$$;

-- Rebuild both tables from the hazards. The per-group table is emptied first, so the delete trigger on the monthly
-- table has nothing left to subtract from; re-inserting the monthly rows then refills the per-group table through
-- its insert trigger (hazard_group_month_stats_insert), exactly as ordinary reports do.
delete from hazard_group_month_stats;
delete from hazard_month_stats;

insert into hazard_month_stats (enterprise_id, month, district_id, subdistrict_id, industry_code,
  found, found_major, confirmed, closed_of_found, voided, closed, closed_on_time)
select r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code, sum(r.found), sum(r.found_major), sum(r.confirmed),
  sum(r.closed_of_found), sum(r.voided), sum(r.closed), sum(r.closed_on_time)
from hazards h cross join lateral hazard_month_rows(h) r
join enterprises e on e.id = r.enterprise_id
group by r.enterprise_id, r.month, e.district_id, e.subdistrict_id, e.industry_code
order by r.enterprise_id, r.month;
