-- Issue 10, R-RISK-9: the subdistrict's annual aggregate is a locked submission too (kind `risk.subdistrict`). Each
-- forward is a version; a forwarded version is locked by the trigger of migration 0050, and a later forward is a new
-- version beside it. Its owner is a subdistrict, not an enterprise: `owner_type` says which, the owner's id stays in
-- `enterprise_id` (the key every version row and query uses), and each kind of owner keeps a real foreign key
-- through a generated column.
alter table submissions add column owner_type text not null default 'enterprise' check (owner_type in ('enterprise', 'subdistrict'));
alter table submissions drop constraint submissions_enterprise_id_fkey;
alter table submissions add column owner_enterprise_id uuid
  generated always as (case when owner_type = 'enterprise' then enterprise_id end) stored references enterprises (id);
alter table submissions add column owner_subdistrict_id uuid
  generated always as (case when owner_type = 'subdistrict' then enterprise_id end) stored references subdistricts (id);

-- The forwarded aggregate the lists read stays in subdistrict_risk_reports: the latest forwarded version, and its number.
alter table subdistrict_risk_reports add column version integer not null default 1 check (version > 0);
