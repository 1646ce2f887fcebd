-- dim PARK_CAT: the categories within a park, key = park name || U+001F || category (ALL, INDUSTRIAL, ...), so a
-- park's 技改 and 工业 investment is read like a district's. A park name has up to 100 characters.
-- Figures applied before this migration have no PARK_CAT rows until POST /api/admin/rebuild.
alter table investment_total alter column key type varchar(120);
