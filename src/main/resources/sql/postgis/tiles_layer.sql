-- One layer of a Mapbox vector tile, encoded by PostGIS (TileService). {table}, {columns} (", t.col"
-- for each tile property of catalog/tiles.json) and {layer_filter} come from the layer catalog;
-- every value is bound: z, x, y; z, x, y, the search margin; [the plan layer]; the layer name.
-- ST_TileEnvelope takes the column (x) before the row (y): OGC paths are z/y/x.
-- The index sees the tile (widened by the buffer) in the storage CRS; the geometries go to 3857.
-- ST_AsMVTGeom snaps to the tile grid and drops detail under half a tile unit (per zoom); an area
-- that collapses under that still shows, as a 2 x 2 unit square at a point on its surface.
-- mvt_id: a stable integer feature id (52 bits of md5(id), exact in JavaScript); id stays a property.
-- A row whose geometry is still NULL is left out by ST_AsMVT itself: a "WHERE mvt_geom IS NOT NULL"
-- on the outer query would be pushed into the inlined CTE and clip every geometry twice (1.4x the time).
-- env is MATERIALIZED: once the driver's prepared statement runs PostgreSQL's generic plan (from
-- its sixth use), an inlined env puts ST_Transform(ST_TileEnvelope(...)) into the row filter and
-- transforms the tile once per row; materialized, it is computed once and bound to the index scan.
WITH env AS MATERIALIZED (
  SELECT ST_TileEnvelope(?, ?, ?) AS tile,
         ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), {srid}) AS q
),
rows AS (
  SELECT t.id{columns},
         ('x' || substr(md5(t.id), 1, 13))::bit(52)::bigint AS mvt_id,
         COALESCE(
           ST_AsMVTGeom(ST_Transform(t.geom, 3857), env.tile, 4096, 64, true),
           CASE WHEN ST_Dimension(t.geom) = 2 THEN ST_AsMVTGeom(
             ST_Expand(ST_Transform(ST_PointOnSurface(t.geom), 3857), (ST_XMax(env.tile) - ST_XMin(env.tile)) / 4096),
             env.tile, 4096, 64, true) END) AS mvt_geom
  FROM {table} t, env
  WHERE t.geom && env.q AND ST_Intersects(t.geom, env.q){layer_filter}
  ORDER BY t.id
)
SELECT ST_AsMVT(rows, ?, 4096, 'mvt_geom', 'mvt_id') FROM rows
