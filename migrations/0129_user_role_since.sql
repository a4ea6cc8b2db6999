-- R-TRN-2: a principal's or safety manager's months to obtain the safety qualification run from the day the account
-- took that role, not from the day the account was made (an employee's account made safety manager a year later owes
-- it from then). The accounts module sets it when an account is created, and again when its role or the person it
-- stands for changes. Existing accounts took their role when they were made.
alter table users add column role_since timestamptz;
update users set role_since = created_at;
alter table users alter column role_since set not null;
alter table users alter column role_since set default now();
