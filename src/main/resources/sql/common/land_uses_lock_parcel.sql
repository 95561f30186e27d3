-- A parcel's enterprise links, locked for a write that changes them. Parameter: parcel id.
SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses WHERE parcel_id = ? ORDER BY enterprise_id, role FOR UPDATE
