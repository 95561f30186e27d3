-- A parcel's zone, park and shape, to place an enterprise linked to it. Parameter: parcel id.
SELECT id, zone, park, geom FROM parcels WHERE id = ?
