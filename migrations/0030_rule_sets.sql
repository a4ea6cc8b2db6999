-- Rule-sets for every [cfg] value (issue 8 §3): versions are appended, never changed, and decided records name the
-- version that decided them.

-- A saved version is history: records graded or decided by it keep its number, so it may not change or vanish.
create function rule_sets_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'rule_sets is append-only: save a new version instead' using errcode = '55000';
end;
$$;
create trigger rule_sets_append_only before update or delete on rule_sets
  for each row execute function rule_sets_append_only();

-- R-HAZ-6: the report-points rule-set version that set a confirmed report's points (0 = the defaults).
alter table hazard_points add column rule_set_version integer not null default 0;

-- R-HAZ-3: the escalation rule-set version that last raised the hazard's escalation level (null: never escalated).
alter table hazards add column escalation_rule_version integer;
