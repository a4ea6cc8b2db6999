-- Issue 12 §1, data backfill for databases loaded before it (DDL-free): the industries' R-TEAM categories corrected
-- against RULES.md, as src/seed/reference-data.ts now ships them. R-TEAM-1 (team_required): every transport unit
-- (urban rail, warehousing and logistics with its loading units) besides those already listed. R-TEAM-2
-- (engineer_required): the seed's set plus the law's; engineer_mandatory marks the law's subset (Art 27).
update industries set categories = categories || array['team_required']
  where code in ('urban_rail', 'warehousing') and not ('team_required' = any(categories));
update industries set categories = categories || array['engineer_required']
  where code in ('fireworks', 'civil_explosives', 'road_transport', 'gas') and not ('engineer_required' = any(categories));
update industries set categories = categories || array['engineer_mandatory']
  where code in ('hazardous_chemicals', 'non_coal_mining', 'metal_smelting', 'fireworks', 'civil_explosives') and not ('engineer_mandatory' = any(categories));
