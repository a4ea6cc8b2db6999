-- Issue 11 (data): the last four characters of an ID number prove who signs on a shared device, so the masked number
-- shown with the roster keeps the region (first six) only. Rows already hashed (id_last4_hash) are masked here; the
-- rest are hashed from their masked number and masked at the next start (startSignatures).
update employees set id_number_masked = left(id_number_masked, 6) || repeat('*', greatest(length(id_number_masked) - 6, 0))
  where id_last4_hash is not null and id_number_masked !~ '^.{6}\*+$';
