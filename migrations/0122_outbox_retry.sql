-- Issue 14: the outbox delivers topics other than in-app notifications (an accident's alerts to SMS, 企业微信, 钉钉)
-- through a handler per topic. A handler that fails is tried again later, with backoff: the message waits until
-- `run_at`; null means at once.
alter table outbox add column run_at timestamptz;
