package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Year;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import zoneatlas.geo.Geodesy;
import zoneatlas.history.Versions;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.ogc.Crs;

/**
 * The checks a feature must pass before it is written, and the values the server works out itself
 * (areas, names of codes, placement). One subclass per kind of layer; each collects every problem
 * it finds rather than stopping at the first, so a form shows them all. Thread-safe (no state).
 */
abstract class FeatureRules {
  /** An overlap or an area outside its container below this (m²) is drawing noise along a shared edge. */
  static final double TOLERANCE_M2 = 1.0;
  static final GeometryFactory GF = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490);

  /** Why a feature is being written: some rules hold only for what a user asks, not for what is restored. */
  enum Mode {
    /** A new feature (POST, or the parts of a split). */
    CREATE,
    /** A changed feature (PUT, PATCH, a merge). */
    UPDATE,
    /** An earlier version made current again: the land cycle does not apply to undoing a mistake. */
    REVERT
  }

  /** The new version's column values (by catalog name) and geometry. */
  record Built(Map<String, Object> values, Geometry geom) {}

  /** What a write would make of {@code current} (null for a new feature), with every problem in {@code p}. */
  abstract Built build(Layer l, Versions.Row current, Target t, Mode mode, Lookup lk, Problems p) throws SQLException;

  /** Properties the server works out and a client cannot set: they are ignored in requests. */
  abstract Set<String> computed();

  static FeatureRules of(Layer l) {
    return switch (l.table()) {
      case "parcels" -> new ParcelRules();
      case "enterprises" -> new EnterpriseRules();
      case "plan_features" -> new PlanRules();
      default -> throw new IllegalArgumentException("no editing rules for table " + l.table());
    };
  }

  // ---- values ---------------------------------------------------------------------------------

  /** The current values, or all empty for a new feature. */
  static Map<String, Object> start(Layer l, Versions.Row current) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : l.columns()) {
      m.put(c.name(), current == null ? null : current.get(c.name()));
    }
    return m;
  }

  static String text(Target t, String name, int max, Problems p) {
    JsonNode v = t.get(name);
    if (v == null) {
      return null;
    }
    if (!v.isValueNode()) {
      p.add(name, "必须是文字", "must be text");
      return null;
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.length() > max) {
      p.add(name, "不能超过 " + max + " 个字", "must be at most " + max + " characters");
      return null;
    }
    if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')) {
      p.add(name, "含有不可见的控制字符", "holds control characters");
      return null;
    }
    return s;
  }

  static String required(Target t, String name, String labelZh, int max, Problems p) {
    String s = text(t, name, max, p);
    if (s == null && !p.has(name)) {
      p.add(name, labelZh + "为必填项", "is required");
    }
    return s;
  }

  static Double number(Target t, String name, double min, double max, Problems p) {
    JsonNode v = t.get(name);
    if (v == null) {
      return null;
    }
    double d;
    if (v.isNumber()) {
      d = v.asDouble();
    } else if (v.isTextual() && !v.asText().isBlank()) {
      try {
        d = Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        p.add(name, "必须是数字，收到“" + v.asText() + "”", "must be a number, got '" + v.asText() + "'");
        return null;
      }
    } else if (v.isTextual()) {
      return null;
    } else {
      p.add(name, "必须是数字", "must be a number");
      return null;
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      p.add(name, "应在 " + fmt(min) + " 到 " + fmt(max) + " 之间，收到 " + fmt(d),
          "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(d));
      return null;
    }
    return d;
  }

  static Long year(Target t, String name, Problems p) {
    Double d = number(t, name, 1949, Year.now().getValue() + 10, p);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d)) {
      p.add(name, "必须是年份（整数）", "must be a whole year");
      return null;
    }
    return d.longValue();
  }

  static Boolean bool(Target t, String name, Problems p) {
    JsonNode v = t.get(name);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    p.add(name, "必须是 true 或 false", "must be true or false");
    return null;
  }

  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format("%.2f", d);
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  // ---- geometry -------------------------------------------------------------------------------

  /**
   * The geometry of the new version: the request's when it gives one that is not the current one
   * (QGIS sends the stored geometry back with every attribute change), else the current one.
   */
  static Geometry chosenGeometry(Versions.Row current, Target t) {
    if (!t.geometryGiven()) {
      return current == null ? null : current.geom();
    }
    if (t.geom() != null && current != null && current.geom() != null && sameShape(t.geom(), current.geom())) {
      return current.geom();
    }
    return t.geom();
  }

  /** Equal within a tenth of a millimetre: a geometry sent back after a round trip through another CRS. */
  static boolean sameShape(Geometry a, Geometry b) {
    return a.getGeometryType().equals(b.getGeometryType()) && a.equalsExact(b, 1e-9);
  }

  static boolean geometryChanged(Versions.Row current, Geometry g) {
    return current == null || current.geom() == null ? g != null : g == null || !sameShape(g, current.geom());
  }

  /** A single polygon, or null with the problem recorded. A one-part multipolygon counts as its part. */
  static Polygon onePolygon(Geometry g, Problems p, String what) {
    if (g instanceof GeometryCollection gc && gc.getNumGeometries() == 1) {
      g = gc.getGeometryN(0);
    }
    if (g instanceof MultiPolygon mp) {
      p.add("geometry", what + "必须是一个多边形，收到 " + mp.getNumGeometries() + " 个部分；请分成多个要素或合并为一块",
          "must be one polygon, got " + mp.getNumGeometries() + " parts; make one feature per part or dissolve them");
      return null;
    }
    if (!(g instanceof Polygon poly)) {
      p.add("geometry", what + "必须是多边形，收到 " + g.getGeometryType(), "must be a polygon, got " + g.getGeometryType());
      return null;
    }
    return poly;
  }

  /**
   * Checks validity, naming the vertex (as the client numbered it) and the place of the first fault,
   * and explains what a repair would do without doing it: a sliver that a repair would drop is
   * reported with its area and a repaired shape the client may choose to send.
   */
  static boolean valid(Geometry g, Target t, Problems p) {
    Geometry sent = t.sent() != null && t.geom() == g ? t.sent() : g;
    TopologyValidationError err = new IsValidOp(sent).getValidationError();
    boolean inStorage = false;
    if (err == null) {
      err = new IsValidOp(g).getValidationError();
      inStorage = true;
    }
    if (err == null) {
      return true;
    }
    Coordinate c = err.getCoordinate();
    Integer vertex = c == null ? null : nearestVertex(inStorage ? g : sent, c);
    double[] at = null;
    if (c != null) {
      Coordinate ll = inStorage || t.crs() == null ? c : Crs.toStorage(GF.createPoint(c), t.crs()).getCoordinate();
      at = new double[] {round(ll.x, 7), round(ll.y, 7)};
    }
    String[] kind = kind(err.getErrorType());
    String where = vertex == null ? "" : String.format("（第 %d 个顶点附近，经度 %.6f，纬度 %.6f）", vertex, at[0], at[1]);
    String whereEn = vertex == null ? "" : String.format(" near vertex %d (lon %.6f, lat %.6f)", vertex, at[0], at[1]);
    Geometry fixed = GeometryFixer.fix(g);
    String fixZh;
    String fixEn;
    Object suggestion = null;
    if (fixed.isEmpty()) {
      fixZh = "无法自动修复，请重画";
      fixEn = "it cannot be repaired automatically; redraw it";
    } else {
      double whole = Geodesy.areaM2(fixed);
      Geometry largest = largestPart(fixed);
      double rest = whole - Geodesy.areaM2(largest);
      if (fixed.getNumGeometries() > 1 && rest < Math.max(10, whole * 0.01)) {
        fixZh = String.format("修复时将去掉 %.1f m² 的狭长碎片，剩余 %.2f 亩；可采用修复后的图形，或自行修改后重新提交", rest,
            (whole - rest) / Geodesy.M2_PER_MU);
        fixEn = String.format("a repair would drop a sliver of %.1f m², leaving %.2f mu; send the repaired shape or fix it yourself",
            rest, (whole - rest) / Geodesy.M2_PER_MU);
        suggestion = GeoJson.node(largest);
      } else if (fixed.getNumGeometries() > 1) {
        fixZh = String.format("修复后会分成 %d 块（共 %.2f 亩），请检查边界后重画", fixed.getNumGeometries(), whole / Geodesy.M2_PER_MU);
        fixEn = String.format("a repair would give %d separate parts (%.2f mu in all); check the outline and redraw it",
            fixed.getNumGeometries(), whole / Geodesy.M2_PER_MU);
      } else {
        fixZh = String.format("修复后面积为 %.2f 亩；可采用修复后的图形，或自行修改后重新提交", whole / Geodesy.M2_PER_MU);
        fixEn = String.format("the repaired shape has %.2f mu; send it or fix the outline yourself", whole / Geodesy.M2_PER_MU);
        suggestion = GeoJson.node(fixed);
      }
    }
    p.add(new Problems.Problem("geometry", "图形无效：" + kind[0] + where + "。" + fixZh,
        "invalid geometry: " + kind[1] + whereEn + "; " + fixEn, vertex, at, suggestion));
    return false;
  }

  private static Geometry largestPart(Geometry g) {
    Geometry best = g.getGeometryN(0);
    for (int i = 1; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i).getArea() > best.getArea()) {
        best = g.getGeometryN(i);
      }
    }
    return best;
  }

  private static String[] kind(int type) {
    return switch (type) {
      case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
          new String[] {"边界自相交", "the outline crosses itself"};
      case TopologyValidationError.HOLE_OUTSIDE_SHELL -> new String[] {"内环位于外环之外", "a hole lies outside the shell"};
      case TopologyValidationError.NESTED_HOLES -> new String[] {"内环相互嵌套", "holes are nested"};
      case TopologyValidationError.DISCONNECTED_INTERIOR -> new String[] {"内部被分割成不相连的部分",
          "the interior is split into disconnected parts"};
      case TopologyValidationError.NESTED_SHELLS -> new String[] {"外环相互嵌套", "shells are nested"};
      case TopologyValidationError.DUPLICATE_RINGS -> new String[] {"环重复", "a ring is repeated"};
      case TopologyValidationError.TOO_FEW_POINTS -> new String[] {"顶点太少", "too few vertices"};
      case TopologyValidationError.INVALID_COORDINATE -> new String[] {"坐标无效", "a coordinate is not a number"};
      case TopologyValidationError.RING_NOT_CLOSED -> new String[] {"环未闭合", "a ring is not closed"};
      default -> new String[] {"拓扑错误", "topology error"};
    };
  }

  /** 1-based number of the vertex nearest to {@code c}, counted over the geometry's coordinates in order. */
  static int nearestVertex(Geometry g, Coordinate c) {
    Coordinate[] cs = g.getCoordinates();
    int best = 0;
    double d = Double.MAX_VALUE;
    for (int i = 0; i < cs.length; i++) {
      double di = cs[i].distance(c);
      if (di < d) {
        d = di;
        best = i;
      }
    }
    return best + 1;
  }

  /** China's lon/lat box (with its islands): a point outside is an axis swap or a wrong CRS. */
  static boolean inChina(Geometry g, Problems p) {
    var e = g.getEnvelopeInternal();
    if (e.getMinX() < 73 || e.getMaxX() > 136 || e.getMinY() < 3 || e.getMaxY() > 54) {
      Coordinate c = g.getCoordinate();
      p.add("geometry", String.format("图形不在中国境内（经度 %.5f，纬度 %.5f）；请检查坐标系（Content-Crs）和坐标顺序", c.x, c.y),
          String.format("lies outside China (lon %.5f, lat %.5f); check the coordinate system (Content-Crs) and the axis"
              + " order", c.x, c.y));
      return false;
    }
    return true;
  }

  /** Geodesic area (m²) of {@code g} outside {@code container}. */
  static double outsideM2(Geometry g, Geometry container) {
    if (container.covers(g)) {
      return 0;
    }
    return Geodesy.areaM2(OverlayNGRobust.overlay(g, container, OverlayNG.DIFFERENCE));
  }

  /** Geodesic area (m²) where two shapes overlap, with a point inside the overlap. */
  static Overlap overlap(Geometry a, Geometry b) {
    if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) || !a.intersects(b)) {
      return new Overlap(0, null);
    }
    Geometry x = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    if (x.isEmpty() || x.getDimension() < 2) {
      return new Overlap(0, null);
    }
    Coordinate in = x.getInteriorPoint().getCoordinate();
    return new Overlap(Geodesy.areaM2(x), in == null ? null : new double[] {round(in.x, 7), round(in.y, 7)});
  }

  record Overlap(double m2, double[] at) {}

  /** Sorts problems' neighbours so a message lists the largest overlaps first. */
  static final Comparator<Map.Entry<String, Overlap>> LARGEST_FIRST =
      Comparator.comparingDouble((Map.Entry<String, Overlap> e) -> e.getValue().m2()).reversed();

  static List<String> sortedKeys(Map<String, ?> m) {
    return m.keySet().stream().sorted().toList();
  }
}
