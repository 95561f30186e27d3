-- An enterprise's links as they stood at an instant. Parameters: enterprise id, t, enterprise id, t, t.
SELECT l.enterprise_id, l.parcel_id, l.role, l.share, l.since_year, NULL AS name_zh, NULL AS name_en
FROM (SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses WHERE enterprise_id = ? AND valid_from <= ?
      UNION ALL
      SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses_history
      WHERE enterprise_id = ? AND valid_from <= ? AND valid_to > ?) l
ORDER BY l.parcel_id, l.role
