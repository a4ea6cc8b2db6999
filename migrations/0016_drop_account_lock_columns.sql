-- D13: failed sign-ins are counted per (user name, source) in login_throttle since 0013; the per-account counters
-- on users were left unused and could mislead a reader into thinking an account locks as a whole.
alter table users drop column failed_logins;
alter table users drop column locked_until;
