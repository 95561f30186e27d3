-- The parcels of a zone outline that is not a development zone (the city layer's districts) by
-- land-use class and status: they carry no zone code of their own, so a parcel belongs to the
-- outline that holds its point-on-surface. Parameters: the outline, twice.
SELECT land_use_code, land_use_name, status, COUNT(*), SUM(area_m2)
FROM parcels
WHERE geom && ?
  AND ST_Contains(?, ST_PointOnSurface(geom))
GROUP BY land_use_code, land_use_name, status
