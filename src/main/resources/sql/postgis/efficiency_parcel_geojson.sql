-- Parcel outlines for the low-efficiency map layer; the ids are bound as one array.
SELECT id, ST_AsGeoJSON(geom, 7, 0) AS geojson FROM parcels WHERE id = ANY (?)
