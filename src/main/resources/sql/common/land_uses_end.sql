-- Ends a link: copies it unaltered into the history, closed at valid_to by a change; the caller
-- then deletes the live row. Parameters: valid_to, ended_by, enterprise_id, parcel_id, role.
INSERT INTO land_uses_history (enterprise_id, parcel_id, role, share, since_year, valid_from, change_id, valid_to, ended_by)
SELECT enterprise_id, parcel_id, role, share, since_year, valid_from, change_id, ?, ?
FROM land_uses WHERE enterprise_id = ? AND parcel_id = ? AND role = ?
