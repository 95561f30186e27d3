INSERT INTO land_uses (enterprise_id, parcel_id, role, share, since_year) VALUES (?, ?, ?, ?, ?)
