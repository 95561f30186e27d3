-- A small-micro park's parcels by land-use class and status: the parcels attributed to it
-- (parcels.small_micro_park). Parameter: the feature id.
SELECT land_use_code, land_use_name, status, COUNT(*), SUM(area_m2)
FROM parcels
WHERE small_micro_park = ?
GROUP BY land_use_code, land_use_name, status
