INSERT INTO parcels (id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,
  floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu, supply_year,
  build_start_year, synthetic, geom)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
