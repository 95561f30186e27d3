-- The plan areas an edited parcel or plan feature may lie in, near a box. Parameter: the box as a geometry.
SELECT id, layer, zone, board, park, geom FROM plan_features
WHERE layer IN ('zones', 'core-boards', 'industrial-parks', 'small-micro-parks') AND geom && ?
