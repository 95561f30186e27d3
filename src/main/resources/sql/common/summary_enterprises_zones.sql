-- Enterprises that own or rent land on the parcels of a district outline (as summary_parcels_zones).
SELECT COUNT(DISTINCT lu.enterprise_id)
FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id
WHERE p.geom && ?
  AND ST_Contains(?, ST_PointOnSurface(p.geom))
