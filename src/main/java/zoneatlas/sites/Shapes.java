package zoneatlas.sites;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;

/**
 * Checks the places a user gives (points, radii, drawn polygons and circles) and turns them into
 * geometry, or refuses them with a 400 that names the parameter and the problem. GeoJSON is read
 * here rather than with a general reader so that each fault (an open ring, a position out of
 * range, too many vertices, a self-intersection) gets its own message and position.
 */
final class Shapes {
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);
  /** Latitudes accepted: China lies within them. */
  static final double MIN_LAT = 0;
  static final double MAX_LAT = 56;
  static final double MIN_RADIUS_M = 1;
  static final double MAX_RADIUS_M = 50_000;
  static final double MAX_AREA_KM2 = 10_000;
  /** Vertices of the polygon that stands for a circle when clipping; see {@link Circle}. */
  static final int CIRCLE_VERTICES = 256;

  private Shapes() {}

  /** A drawn area: a polygon, or a circle kept exact for selection. */
  sealed interface Shape permits Area, Circle {
    /** A polygon the database prefilters with; it covers the shape. */
    Geometry prefilter();

    /** The polygon used to clip parcels and to state the shape's area. */
    Geometry polygon();

    /** Longitude the metric plane is chosen by. */
    double refLon();
  }

  /**
   * Above this many vertices the database filters by the shape's bounding box instead of the shape:
   * it tests each row against the shape without an index of the shape's edges (and sorts, so it
   * tests them all before the first row comes back), which for a 5,000-vertex comb cost more than
   * the rest of the request. Java then decides with the prepared shape, as it does anyway.
   */
  static final int PREFILTER_MAX_VERTICES = 256;

  record Area(Geometry geom, PreparedGeometry prepared) implements Shape {
    @Override
    public Geometry prefilter() {
      return geom.getNumPoints() <= PREFILTER_MAX_VERTICES ? geom : geom.getEnvelope();
    }

    @Override
    public Geometry polygon() {
      return geom;
    }

    @Override
    public double refLon() {
      return geom.getEnvelopeInternal().centre().x;
    }
  }

  /**
   * A geodesic circle. Selection uses exact geodesic distances from the centre; clipping and the
   * stated area use an inscribed {@value #CIRCLE_VERTICES}-gon of geodesic destinations, whose area
   * falls short of the circle's by 0.01% (its edges cut inside the circle by at most
   * r·(1-cos(π/256)), 3.8 m at 50 km).
   */
  record Circle(double lon, double lat, double radiusM, Point centre, Geometry polygon, Geometry outer) implements Shape {
    @Override
    public Geometry prefilter() {
      return outer;
    }

    @Override
    public double refLon() {
      return lon;
    }
  }

  static Circle circle(double lon, double lat, double radiusM) {
    return new Circle(lon, lat, radiusM, GF.createPoint(new Coordinate(lon, lat)), ring(lon, lat, radiusM),
        ring(lon, lat, radiusM / Math.cos(Math.PI / CIRCLE_VERTICES) + 1));
  }

  private static Polygon ring(double lon, double lat, double r) {
    Coordinate[] c = new Coordinate[CIRCLE_VERTICES + 1];
    for (int i = 0; i < CIRCLE_VERTICES; i++) {
      double[] d = Geodesy.destination(lon, lat, 360.0 * i / CIRCLE_VERTICES, r);
      c[i] = new Coordinate(d[0], d[1]);
    }
    c[CIRCLE_VERTICES] = c[0].copy();
    return GF.createPolygon(c);
  }

  // -------------------------------------------------------------------------------------------
  // scalars

  static double number(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiError.badParam(name, "is required");
    }
    try {
      double v = Double.parseDouble(raw.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badParam(name, "must be a number, got '" + abbreviate(raw) + "'");
    }
  }

  static double lon(String name, double v) {
    if (v < -180 || v > 180) {
      throw ApiError.badParam(name, "longitude must be within -180..180, got " + v);
    }
    if (v < Plane.MIN_LON || v > Plane.MAX_LON) {
      throw ApiError.badParam(name, "longitude " + v + " is outside the area served (" + Plane.MIN_LON + ".." + Plane.MAX_LON
          + "°E, China's CGCS2000 zones)");
    }
    return v;
  }

  static double lat(String name, double v) {
    if (v < -90 || v > 90) {
      throw ApiError.badParam(name, "latitude must be within -90..90, got " + v);
    }
    if (v < MIN_LAT || v > MAX_LAT) {
      throw ApiError.badParam(name, "latitude " + v + " is outside the area served (" + MIN_LAT + ".." + MAX_LAT + "°N)");
    }
    return v;
  }

  static double radius(String name, double v) {
    if (v < MIN_RADIUS_M || v > MAX_RADIUS_M) {
      throw ApiError.badParam(name, "must be between " + (int) MIN_RADIUS_M + " and " + (int) MAX_RADIUS_M + " metres, got " + v);
    }
    return v;
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  // -------------------------------------------------------------------------------------------
  // GeoJSON polygons

  /** A GeoJSON Polygon or MultiPolygon (or a Feature holding one), fully checked. */
  static Area polygon(String name, JsonNode node, int maxVertices) {
    if (node == null || !node.isObject()) {
      throw ApiError.badParam(name, "must be a GeoJSON Polygon object");
    }
    String type = node.path("type").asText("");
    if (type.equals("Feature")) {
      return polygon(name, node.get("geometry"), maxVertices);
    }
    JsonNode coords = node.get("coordinates");
    if (coords == null || !coords.isArray()) {
      throw ApiError.badParam(name, "has no 'coordinates' array");
    }
    int[] vertices = {0};
    Geometry g;
    switch (type) {
      case "Polygon" -> g = polygon(name, coords, vertices, maxVertices, "");
      case "MultiPolygon" -> {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < coords.size(); i++) {
          parts.add(polygon(name, coords.get(i), vertices, maxVertices, "polygon " + (i + 1) + ", "));
        }
        if (parts.isEmpty()) {
          throw ApiError.badParam(name, "MultiPolygon has no polygons");
        }
        g = GF.createMultiPolygon(parts.toArray(new Polygon[0]));
      }
      default -> throw ApiError.badParam(name, "type must be Polygon or MultiPolygon, got '" + abbreviate(type) + "'");
    }
    TopologyValidationError err = new IsValidOp(g).getValidationError();
    if (err != null) {
      Coordinate at = err.getCoordinate();
      throw ApiError.badParam(name, err.getMessage().toLowerCase(Locale.ROOT)
          + (at == null ? "" : String.format(Locale.ROOT, " at %.7f,%.7f", at.x, at.y)));
    }
    double area = Geodesy.areaM2(g);
    if (area <= 0) {
      throw ApiError.badParam(name, "encloses no area");
    }
    if (area > MAX_AREA_KM2 * 1e6) {
      throw ApiError.badParam(name, String.format(Locale.ROOT, "encloses %.0f km²; at most %.0f km² may be queried at once",
          area / 1e6, MAX_AREA_KM2));
    }
    return new Area(g, PreparedGeometryFactory.prepare(g));
  }

  private static Polygon polygon(String name, JsonNode rings, int[] vertices, int max, String where) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw ApiError.badParam(name, where + "a polygon needs at least one ring");
    }
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (int r = 0; r < rings.size(); r++) {
      JsonNode ring = rings.get(r);
      String at = where + "ring " + (r + 1);
      if (!ring.isArray()) {
        throw ApiError.badParam(name, at + " is not an array of positions");
      }
      vertices[0] += ring.size();
      if (vertices[0] > max) {
        throw ApiError.badParam(name, "has more than " + max + " vertices; simplify the shape");
      }
      if (ring.size() < 4) {
        throw ApiError.badParam(name, at + " has " + ring.size() + " positions; a closed ring needs at least 4");
      }
      Coordinate[] c = new Coordinate[ring.size()];
      for (int i = 0; i < ring.size(); i++) {
        c[i] = position(name, ring.get(i), at + ", position " + (i + 1));
      }
      if (!c[0].equals2D(c[c.length - 1])) {
        throw ApiError.badParam(name, at + " is not closed: the first and last positions differ");
      }
      LinearRing lr = GF.createLinearRing(c);
      if (shell == null) {
        shell = lr;
      } else {
        holes.add(lr);
      }
    }
    return GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
  }

  private static Coordinate position(String name, JsonNode p, String at) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw ApiError.badParam(name, at + " must be [longitude, latitude] numbers");
    }
    double x = p.get(0).asDouble();
    double y = p.get(1).asDouble();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw ApiError.badParam(name, at + " is not a finite number");
    }
    if (x < Plane.MIN_LON || x > Plane.MAX_LON || y < MIN_LAT || y > MAX_LAT) {
      throw ApiError.badParam(name, String.format(Locale.ROOT,
          "%s [%s, %s] is outside the area served (longitude %.1f..%.1f, latitude %.0f..%.0f)", at, num(x), num(y),
          Plane.MIN_LON, Plane.MAX_LON, MIN_LAT, MAX_LAT));
    }
    return new Coordinate(x, y);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }
}
