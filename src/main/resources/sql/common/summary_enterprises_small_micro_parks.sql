-- Enterprises that own or rent land on a small-micro park's parcels (parcels.small_micro_park). Parameter: the feature id.
SELECT COUNT(DISTINCT lu.enterprise_id)
FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id
WHERE p.small_micro_park = ?
