-- Backfill of training_person_years (0111) from the attendance recorded before it.
insert into training_person_years (enterprise_id, year, employee_id, hours, sessions, legal_sessions)
select a.enterprise_id, extract(year from a.held_on)::int, a.employee_id, sum(a.hours), count(*), count(*) filter (where a.course_type = 'legal_education')
  from training_attendance a group by 1, 2, 3
on conflict (enterprise_id, year, employee_id) do update
  set hours = excluded.hours, sessions = excluded.sessions, legal_sessions = excluded.legal_sessions;
