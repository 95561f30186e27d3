-- Infrastructure features whose bounding box meets a lon/lat window: the candidates of a
-- nearest-of-each-category search. Parameters: minx, miny, maxx, maxy, limit.
SELECT id, layer, name_zh, name_en, zone, kind, board, park, status, geom
FROM plan_features
WHERE layer = 'infrastructure'
  AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)
ORDER BY id
LIMIT ?
