-- R-RISK-7, issue 12 §2: each person on a post acknowledges the current content of the post's risk-notice card
-- (岗位风险告知卡), on his phone or, without an account, on a shared device with a drawn signature. One row per
-- (enterprise, post, person): the SHA-256 of the card content he acknowledged last. The card is built from the post's
-- risk points and measures; when they change, its hash changes and the stored one no longer counts for it (compared
-- when read, no job). `acks` counts his acknowledgements of this post's card: the shared device's signature is
-- version `acks` of the card for him, so a card that changes back to an earlier content can be signed again.
create table risk_card_acks (
  enterprise_id uuid not null,
  post_id uuid not null,
  employee_id uuid not null,
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  acknowledged_at timestamptz not null,
  -- The account that recorded it: the person himself, or the operator of the shared device.
  acknowledged_by uuid not null references users(id),
  signature_id uuid,
  acks integer not null default 1 check (acks >= 1),
  primary key (enterprise_id, post_id, employee_id),
  foreign key (enterprise_id, post_id) references posts (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, employee_id) references employees (enterprise_id, id) on delete cascade,
  foreign key (enterprise_id, signature_id) references signatures (enterprise_id, id)
);
create index risk_card_acks_employee on risk_card_acks (enterprise_id, employee_id);
