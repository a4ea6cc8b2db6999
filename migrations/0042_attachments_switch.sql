-- Issue 8 §3: the old file tables go once their rows live in the attachments store (0041). A hazard's photos are its
-- links (owner type `hazard`, role = stage); a floor plan keeps its record (name) and links to its image.
drop table hazard_photos;
drop table photos;
alter table floor_plans drop column mime, drop column width, drop column height, drop column size, drop column data;
