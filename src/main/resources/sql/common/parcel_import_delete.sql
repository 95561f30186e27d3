-- Removes a parcel a replace-zone import does not bring back. Parameter: parcel id.
DELETE FROM parcels WHERE id = ?
