-- Issue 14 §1, R-EMG-1: an enterprise withdraws (废止) an emergency plan it no longer uses. The plan's filings still
-- waiting for an office (pending) or for the enterprise's correction (returned) are withdrawn with it; accepted ones
-- stay accepted, as the record of what was filed.
alter table emergency_plan_filings drop constraint emergency_plan_filings_status_check;
alter table emergency_plan_filings add constraint emergency_plan_filings_status_check
  check (status in ('pending', 'accepted', 'returned', 'withdrawn'));
