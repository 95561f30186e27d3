-- A parcel's links as they stood at an instant, with the enterprise's current name.
-- Parameters: parcel id, t, parcel id, t, t.
SELECT l.enterprise_id, l.parcel_id, l.role, l.share, l.since_year, e.name_zh, e.name_en
FROM (SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses WHERE parcel_id = ? AND valid_from <= ?
      UNION ALL
      SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses_history
      WHERE parcel_id = ? AND valid_from <= ? AND valid_to > ?) l
LEFT JOIN enterprises e ON e.id = l.enterprise_id
ORDER BY l.role, l.enterprise_id
