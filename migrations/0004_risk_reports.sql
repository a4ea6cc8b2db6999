-- R-RISK-9: every transition of an enterprise's annual risk report (who, when, from, to). The report row keeps only
-- the current confirmation; when an edit after confirmation sends it back to draft, this history still says who
-- had confirmed it and when.
create table risk_annual_report_events (
  enterprise_id uuid not null,
  year integer not null,
  seq integer not null check (seq > 0),
  action text not null check (action in ('create', 'confirm', 'reopen', 'submit')),
  from_status text check (from_status in ('draft', 'confirmed', 'submitted')),
  to_status text not null check (to_status in ('draft', 'confirmed', 'submitted')),
  actor_id uuid references users(id),
  at timestamptz not null,
  primary key (enterprise_id, year, seq),
  foreign key (enterprise_id, year) references risk_annual_reports (enterprise_id, year) on delete cascade
);
