-- R-TRN-1: each person's training hours per calendar year, kept as state by the attendance table's own triggers, so
-- the shortfall list of a large enterprise reads one row per person instead of grouping years of attendance each time
-- (issue 13's figure: 5,000 people with 3 years of records). A new hire's initial hours (a window across years) are
-- still summed from the attendance, for the new hires only. `legal_sessions` counts the legal-education (学法培训)
-- sessions attended, so full-staff coverage is a comparison, and a removed attendance row takes its own count away.
create table training_person_years (
  enterprise_id uuid not null,
  year int not null,
  employee_id uuid not null,
  hours numeric(10,1) not null default 0,
  sessions int not null default 0,
  legal_sessions int not null default 0,
  primary key (enterprise_id, year, employee_id),
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade
);

-- One statement-level trigger per event (PostgreSQL takes transition tables only on single-event triggers); each adds
-- the rows it saw, signed, in one upsert per statement, people in key order so concurrent statements lock alike.
create function training_person_years_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into training_person_years as t (enterprise_id, year, employee_id, hours, sessions, legal_sessions)
    select n.enterprise_id, extract(year from n.held_on)::int, n.employee_id, sum(n.hours), count(*), count(*) filter (where n.course_type = 'legal_education')
      from training_attendance_new n group by 1, 2, 3 order by 1, 2, 3
    on conflict (enterprise_id, year, employee_id) do update
      set hours = t.hours + excluded.hours, sessions = t.sessions + excluded.sessions, legal_sessions = t.legal_sessions + excluded.legal_sessions;
  elsif tg_op = 'DELETE' then
    update training_person_years t set hours = t.hours - d.hours, sessions = t.sessions - d.sessions, legal_sessions = t.legal_sessions - d.legal_sessions
      from (select o.enterprise_id, extract(year from o.held_on)::int as year, o.employee_id, sum(o.hours) as hours, count(*) as sessions,
                   count(*) filter (where o.course_type = 'legal_education') as legal_sessions
              from training_attendance_old o group by 1, 2, 3) d
     where t.enterprise_id = d.enterprise_id and t.year = d.year and t.employee_id = d.employee_id;
  else
    insert into training_person_years as t (enterprise_id, year, employee_id, hours, sessions, legal_sessions)
    select x.enterprise_id, x.year, x.employee_id, sum(x.hours), sum(x.sessions), sum(x.legal_sessions)
      from (select n.enterprise_id, extract(year from n.held_on)::int as year, n.employee_id, n.hours, 1 as sessions,
                   (n.course_type = 'legal_education')::int as legal_sessions from training_attendance_new n
            union all
            select o.enterprise_id, extract(year from o.held_on)::int, o.employee_id, -o.hours, -1, -(o.course_type = 'legal_education')::int
              from training_attendance_old o) x
     group by 1, 2, 3 order by 1, 2, 3
    on conflict (enterprise_id, year, employee_id) do update
      set hours = t.hours + excluded.hours, sessions = t.sessions + excluded.sessions, legal_sessions = t.legal_sessions + excluded.legal_sessions;
  end if;
  return null;
end $$;

create trigger training_person_years_insert after insert on training_attendance
  referencing new table as training_attendance_new for each statement execute function training_person_years_apply();
create trigger training_person_years_update after update on training_attendance
  referencing old table as training_attendance_old new table as training_attendance_new for each statement execute function training_person_years_apply();
create trigger training_person_years_delete after delete on training_attendance
  referencing old table as training_attendance_old for each statement execute function training_person_years_apply();

-- Attendance by day within an enterprise: the rare correction for sessions dated after the day asked about.
create index training_attendance_day on training_attendance (enterprise_id, held_on);
