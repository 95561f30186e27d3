-- Enterprises that own or rent land on a industrial park's parcels (parcels.park). Parameter: the feature id.
SELECT COUNT(DISTINCT lu.enterprise_id)
FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id
WHERE p.park = ?
