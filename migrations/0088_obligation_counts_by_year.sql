-- Issue 11 benchmark: the board reads one year's counts of a district, a subdistrict or a department's industries; the
-- primary key starts with the district, so a year's rows were found by scanning the table.
create index obligation_counts_year_district on obligation_counts (due_year, district_id);
create index obligation_counts_year_subdistrict on obligation_counts (due_year, subdistrict_id);
create index obligation_counts_year_industry on obligation_counts (due_year, industry_code);
