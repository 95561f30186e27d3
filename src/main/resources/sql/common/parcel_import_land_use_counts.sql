-- Enterprise land uses per parcel of one zone: what a replace-zone import would unlink. Parameter: zone.
SELECT l.parcel_id, COUNT(*)
FROM land_uses l JOIN parcels p ON p.id = l.parcel_id
WHERE p.zone = ?
GROUP BY l.parcel_id
