-- RULES.md §8: the enterprise attributes the rules read, beside those of 0001 (above_scale, central_provincial,
-- state_owned, crowded_venue, high_risk). Key industry and size class are not stored: they are derived from these
-- columns with the district's `enterprise-attributes` rule-set (src/modules/org/enterprise-attributes.ts).
alter table enterprises
  -- 营业收入 in 万元 (10,000 CNY), the size class's revenue indicator; null while the enterprise has not declared it.
  add column annual_revenue_wan numeric(14, 2) check (annual_revenue_wan >= 0),
  add column hazardous_goods_carrier boolean not null default false,
  -- 职代会: the enterprise has a workers' congress (else the 职工大会 receives what RULES.md sends to it).
  add column has_workers_congress boolean not null default false,
  -- 实际控制人.
  add column actual_controller text not null default '' check (char_length(actual_controller) <= 100),
  -- The China-local date the enterprise joined the platform: no obligation starts before it.
  add column onboarded_on date;

-- Backfill, after the DDL: an enterprise registered before this migration joined on the local date it was created
-- (interval '+08:00' is UTC+8; the text form '+08' would be POSIX, UTC−8).
update enterprises set onboarded_on = (created_at at time zone interval '+08:00')::date where onboarded_on is null;
