-- Issue 14 §4: the sweep of pending files (platform/files/deferred.ts). A file whose processing job was lost or gave up
-- is processed again by the periodic job `attachments.sweep`; each try of its processing is counted here, before the
-- decoder runs, so an upload that keeps crashing it (or the process) is rejected after a few tries, not tried forever.
alter table attachment_quarantine add column attempts integer not null default 0;

-- The sweep's query: the pending files uploaded before a moment, oldest first. Pending files are few (most are
-- processed within seconds), so a partial index stays small whatever the size of the store.
create index attachments_pending_created on attachments (created_at, enterprise_id, id) where state = 'pending';
