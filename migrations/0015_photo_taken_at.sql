-- D16/D21: photos keep no metadata (GPS is personal data). The capture time is read from the Exif before it is
-- stripped and kept here; null when the photo carried none (or an impossible one).
alter table photos add column taken_at timestamptz null;
