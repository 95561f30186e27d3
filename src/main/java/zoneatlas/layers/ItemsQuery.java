package zoneatlas.layers;

import java.util.List;
import java.util.Map;

/**
 * A validated request for a layer's features. The HTTP layer parses and checks the parameters;
 * everything here is already safe to turn into SQL.
 *
 * @param bbox minx, miny, maxx, maxy in storage lon/lat (EPSG:4490), or null; minx &gt; maxx is a box
 *     across the antimeridian (OGC API - Features Part 1, 7.15.3): minx..180 and -180..maxx
 * @param equals property equality filters (column name from the catalog -> typed value)
 * @param filter an extra WHERE fragment (e.g. a translated CQL2 filter), or null
 * @param sortBy columns to order by, each "name" or "-name"; the feature id is always last
 * @param outSrid SRID to write geometry in; 4490 (lon/lat, the storage CRS) unless asked. 4326
 *     is written from the stored coordinates as they are (EPSG relates CGCS2000 and WGS 84 by a
 *     null transformation); other SRIDs are transformed by the database
 * @param latLon swap the axes: the CRS's first axis is latitude or northing (EPSG:4326,
 *     EPSG:4490, EPSG:4547 as the EPSG registry defines them)
 * @param withCount compute numberMatched
 * @param asOf the features as they stood at this instant (from the history), or null for now
 * @param afterId keyset paging: only features whose id sorts after this one (the page is ordered by
 *     id alone, so {@code id > ?} finds where the page starts through the primary key instead of
 *     reading and dropping {@code offset} rows), or null; numberMatched does not depend on it
 */
public record ItemsQuery(
    double[] bbox,
    int limit,
    int offset,
    Map<String, Object> equals,
    SqlFragment filter,
    List<String> sortBy,
    int outSrid,
    boolean latLon,
    boolean withCount,
    java.time.Instant asOf,
    String afterId) {

  public ItemsQuery(double[] bbox, int limit, int offset, Map<String, Object> equals, SqlFragment filter,
      List<String> sortBy, int outSrid, boolean latLon, boolean withCount) {
    this(bbox, limit, offset, equals, filter, sortBy, outSrid, latLon, withCount, null);
  }

  public ItemsQuery(double[] bbox, int limit, int offset, Map<String, Object> equals, SqlFragment filter,
      List<String> sortBy, int outSrid, boolean latLon, boolean withCount, java.time.Instant asOf) {
    this(bbox, limit, offset, equals, filter, sortBy, outSrid, latLon, withCount, asOf, null);
  }

  public static ItemsQuery all(int limit) {
    return new ItemsQuery(null, limit, 0, Map.of(), null, List.of(), 4490, false, true);
  }

  public ItemsQuery withBbox(double[] b) {
    return new ItemsQuery(b, limit, offset, equals, filter, sortBy, outSrid, latLon, withCount, asOf, afterId);
  }

  public ItemsQuery withFilter(SqlFragment f) {
    return new ItemsQuery(bbox, limit, offset, equals, f, sortBy, outSrid, latLon, withCount, asOf, afterId);
  }

  /** Starting after the feature {@code id} (keyset paging), from the first of those. */
  public ItemsQuery withAfter(String id) {
    return new ItemsQuery(bbox, limit, 0, equals, filter, sortBy, outSrid, latLon, withCount, asOf, id);
  }

  public ItemsQuery withAsOf(java.time.Instant t) {
    return new ItemsQuery(bbox, limit, offset, equals, filter, sortBy, outSrid, latLon, withCount, t, afterId);
  }
}
