-- Parcels that may meet a shape (a drawn area, a circle's covering polygon, a corridor): index
-- prefilter on its box, then the store's own intersection test to keep the transfer small.
-- Java decides the final answer with JTS, so both stores agree. Parameters: the shape twice, limit.
SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,
       floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu,
       supply_year, build_start_year, synthetic, geom
FROM parcels
WHERE geom && ?
  AND ST_Intersects(geom, ?)
ORDER BY id
LIMIT ?
