-- Plan features of every layer whose bounding box meets a lon/lat window. Parameters: minx,
-- miny, maxx, maxy, limit. Callers test the geometry in Java.
SELECT id, layer, name_zh, name_en, zone, kind, board, park, status, geom
FROM plan_features
WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)
ORDER BY id
LIMIT ?
