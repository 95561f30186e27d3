-- A new live link made by a change. Parameters: enterprise_id, parcel_id, role, share, since_year,
-- valid_from, change_id.
INSERT INTO land_uses (enterprise_id, parcel_id, role, share, since_year, valid_from, change_id) VALUES (?, ?, ?, ?, ?, ?, ?)
