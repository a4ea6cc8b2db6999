-- The enterprise directory pages by name within a subdistrict or an industry; with the id as tie-breaker the index
-- yields a page without reading every enterprise in scope.
drop index enterprises_subdistrict;
drop index enterprises_industry;
create index enterprises_subdistrict on enterprises (subdistrict_id, name, id);
create index enterprises_industry on enterprises (industry_code, name, id);
create index enterprises_district on enterprises (district_id, name, id);
