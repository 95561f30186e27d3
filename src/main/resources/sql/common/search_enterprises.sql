-- Every enterprise's names, credit code and location, for the in-memory search index.
SELECT id, name_zh, name_en, uscc, zone, park, ST_X(geom), ST_Y(geom)
FROM enterprises
