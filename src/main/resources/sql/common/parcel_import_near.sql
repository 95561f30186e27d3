-- Parcels whose box meets a box (an imported parcel's), for overlap warnings; Java measures the
-- overlap geodesically. Parameter: the box as WKB.
SELECT id, zone, ST_AsBinary(geom)
FROM parcels
WHERE geom && ST_GeomFromWKB(?, 4490)
