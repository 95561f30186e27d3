-- Parcels whose bounding box meets a lon/lat window: the index prefilter of what-is-here and
-- the site map. Parameters: minx, miny, maxx, maxy, limit. Callers test the geometry in Java.
SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,
       floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu,
       supply_year, build_start_year, synthetic, geom
FROM parcels
WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)
ORDER BY id
LIMIT ?
