-- Parcel outlines for the low-efficiency map layer; the ids are bound as one array.
SELECT id, ST_AsGeoJSON(ST_PrecisionReducer(geom, 7)) AS geojson FROM parcels WHERE ARRAY_CONTAINS(?, id)
