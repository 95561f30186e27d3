-- Parcels whose id contains the query (parameters: contains-pattern, exact id, prefix-pattern,
-- limit; patterns escaped with backslash). Exact ids first, then prefixes, then the rest.
SELECT id, zone, park, land_use_code, land_use_name,
       ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)
FROM parcels
WHERE LOWER(id) LIKE ? ESCAPE '\'
ORDER BY CASE WHEN LOWER(id) = ? THEN 0 WHEN LOWER(id) LIKE ? ESCAPE '\' THEN 1 ELSE 2 END, id
LIMIT ?
