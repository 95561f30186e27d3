package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import zoneatlas.http.ApiError;

/** GeoJSON geometries in and out of requests: RFC 7946 objects (no crs member), 7 decimals. */
final class GeoJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJson() {}

  static JsonNode node(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter(7);
    w.setEncodeCRS(false);
    try {
      return JSON.readTree(w.write(g));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request's GeoJSON geometry object, as given (no CRS applied); 400 naming {@code field} when it is not one. */
  static Geometry read(JsonNode n, String field) {
    if (n == null || !n.isObject() || !n.path("type").isTextual()) {
      throw ApiError.badParam(field, "must be a GeoJSON geometry object with a type and coordinates");
    }
    String type = n.path("type").asText();
    if (!java.util.Set.of("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon")
        .contains(type)) {
      throw ApiError.badParam(field, "unsupported GeoJSON geometry type '" + type + "'");
    }
    try {
      Geometry g = new GeoJsonReader().read(n.toString());
      if (g == null) {
        throw new ParseException("no geometry");
      }
      return g;
    } catch (ParseException | RuntimeException e) {
      throw ApiError.badParam(field, "is not a readable GeoJSON " + type + ": " + e.getMessage());
    }
  }
}
