-- One plan feature by id (any layer), with its geometry as WKB.
SELECT id, layer, name_zh, name_en, zone, kind, board, park, status, ST_AsBinary(geom)
FROM plan_features
WHERE id = ?
