-- Unlinks enterprises from a parcel a replace-zone import removes. Parameter: parcel id.
DELETE FROM land_uses WHERE parcel_id = ?
