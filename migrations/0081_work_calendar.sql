-- China's official working-day calendar (issue 11 §1): the State Council's holidays and adjusted working weekends,
-- one row per day that differs from "Monday to Friday", and the years whose calendar is published and loaded. A year
-- without a row in work_calendar_years counts weekdays only, and a date computed in it is provisional.

-- 'holiday': a day off (a weekday off makes the difference; a holiday on a weekend only names the day);
-- 'workday': an adjusted working Saturday or Sunday (调休上班).
create table work_calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default ''
);

-- A year is loaded as a whole (an admin's save or the packaged official calendar), and when and by whom it was.
create table work_calendar_years (
  year integer primary key,
  source text not null,
  loaded_at timestamptz not null,
  loaded_by uuid null references users(id) on delete set null
);
