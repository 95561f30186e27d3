INSERT INTO plan_features (id, layer, name_zh, name_en, zone, kind, board, park, planned_area_km2, area_m2, area_mu,
  length_km, positioning, lead_industries, investment_yi, status, period, source_doc, source_lines, schematic,
  placement_note, placement_note_zh, geom)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
