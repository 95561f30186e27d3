-- Enterprises that own or rent land on a development zone's parcels (parcels.zone). Parameter: the zone code.
SELECT COUNT(DISTINCT lu.enterprise_id)
FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id
WHERE p.zone = ?
