-- Every plan feature's names and extent, for the in-memory search index (a few hundred rows).
SELECT id, layer, name_zh, name_en, kind, zone, park,
       ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)
FROM plan_features
