-- The rows of one layer of a vector tile; H2GIS has no ST_AsMVT, so TileService (JavaTiles) clips,
-- snaps and encodes them as PostGIS's sql/postgis/tiles_layer.sql does. {table}, {columns} and
-- {layer_filter} come from the layer catalog; bound: the tile widened by the buffer, in the storage
-- CRS (minx, miny, maxx, maxy, twice), [the plan layer].
SELECT t.id{columns}, t.geom
FROM {table} t
WHERE t.geom && ST_MakeEnvelope(?, ?, ?, ?, {srid}) AND ST_Intersects(t.geom, ST_MakeEnvelope(?, ?, ?, ?, {srid})){layer_filter}
ORDER BY t.id
