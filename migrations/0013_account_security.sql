-- Account security (security review D2, D13).
--
-- One-time sign-in codes (D2): a password reset or a new account gets a random code instead of a password that
-- someone else has seen. Only its SHA-256 is stored, with an expiry; the user signs in with it once and must choose a
-- password, which consumes it. A newer code replaces any older one of the same user.
create table one_time_codes (
  user_id uuid primary key references users(id) on delete cascade,
  code_hash text not null,
  issued_by uuid references users(id) on delete set null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);

-- Failed sign-ins per (user name, source) (D13): the source is a device that signed in before (its signed cookie)
-- or else the client address. A lock therefore holds one attacker's network, not the account's owner; user names
-- that do not exist are counted the same way, so the answers do not tell them apart.
create table login_throttle (
  username text not null,
  source text not null,
  failures integer not null default 0,
  lockouts integer not null default 0,
  locked_until timestamptz,
  last_failure_at timestamptz not null,
  primary key (username, source)
);
create index login_throttle_last_failure on login_throttle (last_failure_at);
