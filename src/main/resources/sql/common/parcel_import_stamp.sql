-- Marks a parcel an import wrote as the version its change made. Parameters: version, valid_from,
-- change_id, id.
UPDATE parcels SET version = ?, valid_from = ?, change_id = ? WHERE id = ?
