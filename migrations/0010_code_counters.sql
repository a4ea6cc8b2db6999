-- D12: one code generator for every numbered series of an enterprise (src/platform/db/codes.ts, nextCode): hazard
-- codes YH-yyyy-nnnn restart each year, risk-point codes FX-nnn run on (year 0). A series moves on by an upsert of its
-- row, which also locks it until commit, so concurrent creates get consecutive codes instead of one code and a
-- unique violation. It replaces hazard_counters (0005), whose counts carry over.
create table code_counters (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  series text not null,
  year integer not null default 0,
  n integer not null,
  primary key (enterprise_id, series, year)
);

insert into code_counters (enterprise_id, series, year, n)
select enterprise_id, 'hazard', year, n from hazard_counters;

-- Risk-point codes were the highest FX- number plus one: the series continues after the highest one in use.
insert into code_counters (enterprise_id, series, year, n)
select enterprise_id, 'risk_point', 0, max(substr(code, 4)::integer)
from risk_points
where code ~ '^FX-[0-9]{1,9}$'
group by enterprise_id;

drop table hazard_counters;
