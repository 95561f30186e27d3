-- The plan areas an imported parcel is placed in by largest overlap (parcel import).
SELECT id, layer, zone, board, park, geom
FROM plan_features
WHERE layer IN ('zones', 'core-boards', 'industrial-parks', 'small-micro-parks')
ORDER BY layer, id
