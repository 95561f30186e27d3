-- A core board's parcels by land-use class and status: the parcels attributed to it
-- (parcels.board). Parameter: the feature id.
SELECT land_use_code, land_use_name, status, COUNT(*), SUM(area_m2)
FROM parcels
WHERE board = ?
GROUP BY land_use_code, land_use_name, status
