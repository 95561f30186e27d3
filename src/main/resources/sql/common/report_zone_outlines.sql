-- The outlines drawn around a zone's parcels on the annual report's map: its development-zone
-- feature and its industrial parks. Parameter: the zone code.
SELECT layer, geom FROM plan_features
WHERE zone = ? AND ((layer = 'zones' AND kind = 'development_zone') OR layer = 'industrial-parks')
ORDER BY layer, id
