-- A industrial park's parcels by land-use class and status: the parcels attributed to it
-- (parcels.park). Parameter: the feature id.
SELECT land_use_code, land_use_name, status, COUNT(*), SUM(area_m2)
FROM parcels
WHERE park = ?
GROUP BY land_use_code, land_use_name, status
