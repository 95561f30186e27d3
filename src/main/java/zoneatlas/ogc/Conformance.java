package zoneatlas.ogc;

import java.util.List;

/**
 * The conformance classes the API declares, exactly what it implements. Clients act on this
 * list: QGIS and GDAL push filters down to the server only for the CQL2 classes declared here,
 * so a class listed but not implemented would turn into wrong answers, not errors.
 */
public final class Conformance {
  private static final String F1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
  private static final String F3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
  private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
  private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

  public static final List<String> CLASSES = List.of(
      F1 + "core",
      F1 + "oas30",
      F1 + "html",
      F1 + "geojson",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      F3 + "queryables",
      F3 + "queryables-query-parameters",
      F3 + "filter",
      F3 + "features-filter",
      CQL2 + "cql2-text",
      CQL2 + "basic-cql2",
      CQL2 + "advanced-comparison-operators",
      CQL2 + "case-insensitive-comparison",
      CQL2 + "basic-spatial-functions",
      CQL2 + "basic-spatial-functions-plus",
      CQL2 + "spatial-functions",
      // Part 4 (draft 20-002): POST, PUT, DELETE; PATCH as JSON merge patch; GeoJSON features; strong ETags
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
      // sortby as OGC API - Records defines it (Features has no approved sorting part yet)
      "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
      // OGC API - Tiles Part 1: vector tiles of each collection and of the plan layers (zoneatlas.tiles)
      TILES + "core",
      TILES + "tileset",
      TILES + "tilesets-list",
      TILES + "geodata-tilesets",
      TILES + "dataset-tilesets",
      TILES + "mvt");

  private Conformance() {}
}
