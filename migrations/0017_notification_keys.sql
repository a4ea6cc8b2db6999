-- Issue 10: a notification is rendered in the reader's language when read. The outbox's message keys and parameters
-- are kept with the notification; title and body stay as rendered at delivery, for rows written before this.
alter table notifications add column title_key text;
alter table notifications add column body_key text;
alter table notifications add column params jsonb not null default '{}'::jsonb;
