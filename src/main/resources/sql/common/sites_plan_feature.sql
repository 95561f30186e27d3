-- One plan feature by id (any layer), with its geometry.
SELECT id, layer, name_zh, name_en, zone, kind, board, park, status, geom
FROM plan_features
WHERE id = ?
