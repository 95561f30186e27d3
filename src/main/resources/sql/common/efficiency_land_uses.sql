SELECT enterprise_id, parcel_id, role, share, since_year
FROM land_uses
