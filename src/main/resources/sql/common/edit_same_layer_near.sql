-- Features of one plan layer near a box, for the check that industrial parks do not overlap.
-- Parameters: layer, the box as a geometry.
SELECT id, geom FROM plan_features WHERE layer = ? AND geom && ?
