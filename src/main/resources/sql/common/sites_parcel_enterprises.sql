-- Enterprises that own or rent a parcel: names only, never figures. Parameter: parcel id.
SELECT e.id, e.name_zh, e.name_en, e.industry, lu.role, lu.share, lu.since_year
FROM land_uses lu
JOIN enterprises e ON e.id = lu.enterprise_id
WHERE lu.parcel_id = ?
ORDER BY lu.role, lu.share DESC, e.id
