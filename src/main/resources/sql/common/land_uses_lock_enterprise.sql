-- An enterprise's parcel links, locked for a write that changes them. Parameter: enterprise id.
SELECT enterprise_id, parcel_id, role, share, since_year FROM land_uses WHERE enterprise_id = ? ORDER BY parcel_id, role FOR UPDATE
