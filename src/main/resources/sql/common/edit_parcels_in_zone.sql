-- Parcels of a zone: a development zone's outline cannot be deleted while it has any. Parameter: zone code.
SELECT COUNT(*) FROM parcels WHERE zone = ?
