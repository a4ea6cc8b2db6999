-- R-ACC-3: supplementary reports (续报) and the accident's history are shown in the order they were recorded. Two
-- recorded at the same instant (the same request clock, or two people at once) were ordered by their random ids; the
-- sequence keeps the recording order. Existing rows are numbered in the table's physical order, which for these
-- append-only tables (never updated) is the order they were inserted in; rows with different times keep ordering by
-- time first anyway.
alter table accident_supplements add column seq bigserial not null;
alter table accident_events add column seq bigserial not null;
