-- Issue 13 §5: the training hours of the year (all active people, up to the day) join the stored competence
-- indicators, so the regulators' training list can rank a district's enterprises by any of its figures from the stored
-- rows instead of grading every person of the district per request. Stored rows are marked stale (their rule-set key
-- cleared), so each is computed again, with its hours, the next time it is read or by the quarter-hourly job.
alter table management_indicators add column training_hours numeric(12, 1) not null default 0;
update management_indicators set rules_key = '';
