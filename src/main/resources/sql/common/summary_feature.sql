-- The plan feature a summary is for (parameters: layer, id), with its geometry for the
-- spatial match of a zone's parcels.
SELECT id, name_zh, name_en, zone, kind, planned_area_km2, area_m2, area_mu, geom
FROM plan_features
WHERE layer = ? AND id = ?
