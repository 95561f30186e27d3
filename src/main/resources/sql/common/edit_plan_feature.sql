-- One live plan feature by id, to check a reference to it. Parameter: id.
SELECT id, layer, zone, board, park, geom FROM plan_features WHERE id = ?
