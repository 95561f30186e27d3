-- A development zone's parcels by land-use class and status: the parcels carrying its zone code
-- (parcels.zone). Parameter: the zone code (zzetdz, zzhitech, xxetdz).
SELECT land_use_code, land_use_name, status, COUNT(*), SUM(area_m2)
FROM parcels
WHERE zone = ?
GROUP BY land_use_code, land_use_name, status
