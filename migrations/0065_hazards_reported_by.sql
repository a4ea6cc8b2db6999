-- "我上报的": anyone who reports a hazard (an insurer, a service institution, a worker) lists their own reports
-- across enterprises, newest first.
create index if not exists hazards_reported_by on hazards (reported_by, reported_at desc) where reported_by is not null;
