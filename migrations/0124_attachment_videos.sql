-- Issue 14 §3: a drill record keeps videos besides its photos. A video (MP4, MOV or WebM, judged by its header) is a
-- file of the attachments store like any other, of its own kind.
alter table attachments drop constraint attachments_kind_check;
alter table attachments add constraint attachments_kind_check
  check (kind in ('photo', 'floor_plan', 'document', 'spreadsheet', 'signature', 'video'));
