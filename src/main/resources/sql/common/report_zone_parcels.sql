-- A zone's parcels with their outlines, for the annual report's map and the low-efficiency list's
-- centre points. Parameter: the zone code (parcels.zone).
SELECT id, geom FROM parcels WHERE zone = ? ORDER BY id
