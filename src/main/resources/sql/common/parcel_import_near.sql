-- Parcels whose box meets a box (an imported parcel's), for overlap warnings; Java measures the
-- overlap geodesically. Parameter: the box.
SELECT id, zone, geom
FROM parcels
WHERE geom && ?
