-- Issue 11: the employees whose keyed hash of the last four ID characters is still to be written (startSignatures).
-- Without this index each batch walked the roster from its beginning (500k employees took minutes on the first start);
-- with it, the check on a filled roster is one empty index probe.
create index employees_last4_pending on employees (enterprise_id, id) where id_last4_hash is null;
