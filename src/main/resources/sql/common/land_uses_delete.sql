-- Removes a live link after land_uses_end kept it. Parameters: enterprise_id, parcel_id, role.
DELETE FROM land_uses WHERE enterprise_id = ? AND parcel_id = ? AND role = ?
