-- The site finder's attribute filters; distances and the standard-land test follow in Java.
-- Parameters: 8 statuses (unused ones NULL), then each optional filter as (value, value):
-- area_mu min, area_mu max, land-use code LIKE pattern, zone, core board, park (matched as park
-- or small-micro park, so three times); then the limit.
SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,
       floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu,
       supply_year, build_start_year, synthetic, geom
FROM parcels
WHERE status IN (?, ?, ?, ?, ?, ?, ?, ?)
  AND (CAST(? AS DOUBLE PRECISION) IS NULL OR area_mu >= ?)
  AND (CAST(? AS DOUBLE PRECISION) IS NULL OR area_mu <= ?)
  AND (CAST(? AS VARCHAR) IS NULL OR land_use_code LIKE ?)
  AND (CAST(? AS VARCHAR) IS NULL OR zone = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR board = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR park = ? OR small_micro_park = ?)
ORDER BY id
LIMIT ?
