package zoneatlas.ogc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import zoneatlas.http.ApiError;
import zoneatlas.layers.Column;
import zoneatlas.layers.SqlFragment;

/**
 * Turns a parsed CQL2 filter into a WHERE fragment for one layer, as the caller's role sees it.
 * Property names resolve only to the layer's visible catalog columns (plus {@code id} and the
 * geometry), so identifiers in the SQL come from the catalog and every value is a bound
 * parameter. Spatial predicates put {@code geom && g} before the exact test so both databases
 * pick candidates from the spatial index; literal geometries are moved to the storage CRS in
 * Java, never the column.
 */
public final class Cql2Sql {
  /** A geometry literal, bound as a geometry in the storage CRS (see FeatureService.bind). */
  private static final String GEOM_PARAM = "?";
  private static final String ENVELOPE_PARAM = "ST_MakeEnvelope(?, ?, ?, ?, " + Crs.STORAGE_SRID + ")";
  private static final Map<String, String> ST = Map.of(
      "S_INTERSECTS", "ST_Intersects", "S_EQUALS", "ST_Equals", "S_DISJOINT", "ST_Disjoint",
      "S_TOUCHES", "ST_Touches", "S_WITHIN", "ST_Within", "S_OVERLAPS", "ST_Overlaps",
      "S_CROSSES", "ST_Crosses", "S_CONTAINS", "ST_Contains");

  private enum Type { TEXT, NUMBER, BOOLEAN, GEOMETRY }

  private final LayerView view;
  private final Crs.Def filterCrs;
  private final Function<String, String> column;
  private final List<Object> params = new ArrayList<>();

  private Cql2Sql(LayerView view, Crs.Def filterCrs, Function<String, String> column) {
    this.view = view;
    this.filterCrs = filterCrs;
    this.column = column;
  }

  /**
   * @param filterCrs CRS of the geometry literals (filter-crs; CRS84 when absent)
   * @param column renders a catalog column name as an SQL identifier
   */
  public static SqlFragment translate(Cql2.Node n, LayerView view, Crs.Def filterCrs, Function<String, String> column) {
    Cql2Sql t = new Cql2Sql(view, filterCrs == null ? Crs.Def.CRS84 : filterCrs, column);
    String sql = t.node(n);
    return new SqlFragment(sql, List.copyOf(t.params));
  }

  /** Parses and translates in one step. */
  public static SqlFragment translate(String text, LayerView view, Crs.Def filterCrs, Function<String, String> column) {
    return translate(Cql2.parse(text), view, filterCrs, column);
  }

  private static ApiError bad(String message) {
    return ApiError.badParam("filter", message);
  }

  private String node(Cql2.Node n) {
    if (n instanceof Cql2.And a) {
      List<String> parts = new ArrayList<>();
      for (Cql2.Node p : a.parts()) {
        parts.add(node(p));
      }
      return "(" + String.join(" AND ", parts) + ")";
    }
    if (n instanceof Cql2.Or o) {
      List<String> parts = new ArrayList<>();
      for (Cql2.Node p : o.parts()) {
        parts.add(node(p));
      }
      return "(" + String.join(" OR ", parts) + ")";
    }
    if (n instanceof Cql2.Not x) {
      return "NOT (" + node(x.node()) + ")";
    }
    if (n instanceof Cql2.BoolLit b) {
      return b.value() ? "1 = 1" : "1 = 0";
    }
    if (n instanceof Cql2.Compare c) {
      return compare(c);
    }
    if (n instanceof Cql2.Like l) {
      return like(l);
    }
    if (n instanceof Cql2.Between b) {
      return between(b);
    }
    if (n instanceof Cql2.In in) {
      return in(in);
    }
    if (n instanceof Cql2.IsNull x) {
      if (!(x.value() instanceof Cql2.Prop p)) {
        throw bad("IS NULL applies to a property");
      }
      type(p);
      return propSql(p) + (x.not() ? " IS NOT NULL" : " IS NULL");
    }
    if (n instanceof Cql2.Spatial s) {
      return spatial(s);
    }
    throw bad("unsupported expression");
  }

  private String compare(Cql2.Compare c) {
    Type l = type(c.left());
    Type r = type(c.right());
    if (!hasProperty(c.left()) && !hasProperty(c.right())) {
      throw bad("a comparison needs a property on one side");
    }
    if (l == Type.GEOMETRY || r == Type.GEOMETRY) {
      throw bad("geometries are compared with the spatial functions (S_EQUALS, S_INTERSECTS, ...), not '" + c.op() + "'");
    }
    if (l != r) {
      throw bad(describe(c.left()) + " is " + name(l) + " and " + describe(c.right()) + " is " + name(r) + "; they cannot be compared");
    }
    if (l == Type.BOOLEAN && !c.op().equals("=") && !c.op().equals("<>")) {
      throw bad("booleans are compared with = or <> only");
    }
    Column hint = columnOf(c.left()) != null ? columnOf(c.left()) : columnOf(c.right());
    return value(c.left(), hint) + " " + c.op() + " " + value(c.right(), hint);
  }

  private String like(Cql2.Like l) {
    if (type(l.value()) != Type.TEXT || !hasProperty(l.value())) {
      throw bad("LIKE applies to a text property, not " + describe(l.value()));
    }
    Cql2.Operand p = l.pattern();
    boolean literal = p instanceof Cql2.Text || (p instanceof Cql2.Casei ci && ci.inner() instanceof Cql2.Text);
    if (!literal) {
      throw bad("the LIKE pattern must be a quoted string");
    }
    String v = value(l.value(), null);
    String pat = value(p, null);
    if (l.caseInsensitive()) {
      v = l.value() instanceof Cql2.Casei ? v : "LOWER(" + v + ")";
      pat = p instanceof Cql2.Casei ? pat : "LOWER(" + pat + ")";
    }
    String s = v + " LIKE " + pat + " ESCAPE '\\'";
    return l.not() ? "NOT (" + s + ")" : s;
  }

  private String between(Cql2.Between b) {
    if (!(b.value() instanceof Cql2.Prop) || type(b.value()) != Type.NUMBER) {
      throw bad("BETWEEN applies to a numeric property, not " + describe(b.value()));
    }
    if (!(b.low() instanceof Cql2.Num) || !(b.high() instanceof Cql2.Num)) {
      throw bad("BETWEEN bounds must be numbers");
    }
    Column hint = columnOf(b.value());
    String s = value(b.value(), hint) + " BETWEEN " + value(b.low(), hint) + " AND " + value(b.high(), hint);
    return b.not() ? "NOT (" + s + ")" : s;
  }

  private String in(Cql2.In in) {
    if (!hasProperty(in.value())) {
      throw bad("IN applies to a property");
    }
    Type t = type(in.value());
    if (t == Type.GEOMETRY) {
      throw bad("IN does not apply to geometries");
    }
    Column hint = columnOf(in.value());
    List<String> items = new ArrayList<>();
    String v = value(in.value(), hint);
    for (Cql2.Operand o : in.list()) {
      if (hasProperty(o) || o instanceof Cql2.Geom) {
        throw bad("the IN list holds values only");
      }
      if (type(o) != t) {
        throw bad(describe(in.value()) + " is " + name(t) + " but the IN list holds " + describe(o));
      }
      items.add(value(o, hint));
    }
    String s = v + " IN (" + String.join(", ", items) + ")";
    return in.not() ? "NOT (" + s + ")" : s;
  }

  private String spatial(Cql2.Spatial s) {
    Cql2.Operand a = s.a();
    Cql2.Operand b = s.b();
    String fn = s.fn();
    if (a instanceof Cql2.Geom && b instanceof Cql2.Prop) {
      Cql2.Operand t = a;
      a = b;
      b = t;
      fn = fn.equals("S_WITHIN") ? "S_CONTAINS" : fn.equals("S_CONTAINS") ? "S_WITHIN" : fn;
    }
    if (!(a instanceof Cql2.Prop p) || type(p) != Type.GEOMETRY) {
      throw bad(s.fn() + " needs the geometry property '" + LayerView.GEOMETRY + "' and a geometry literal");
    }
    if (!(b instanceof Cql2.Geom g)) {
      throw bad(s.fn() + " compares '" + LayerView.GEOMETRY + "' with a geometry literal (WKT or BBOX), not " + describe(b));
    }
    Geometry stored = Crs.toStorage(g.geometry(), filterCrs);
    if (!filterCrs.projected) {
      org.locationtech.jts.geom.Envelope e = stored.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw bad("geometry coordinates are outside longitude -180..180 / latitude -90..90 (axis order of "
            + filterCrs.uri + ")");
      }
    }
    TopologyValidationError err = new IsValidOp(stored).getValidationError();
    if (err != null) {
      throw bad("the geometry literal is not valid: " + err.getMessage() + " near " + err.getCoordinate());
    }
    String st = ST.get(fn);
    if (fn.equals("S_DISJOINT")) {
      params.add(stored);
      return st + "(geom, " + GEOM_PARAM + ")";
    }
    // the literal's envelope for the index, the literal itself for the exact test: H2 would
    // otherwise test a many-vertex literal against every candidate twice
    org.locationtech.jts.geom.Envelope e = stored.getEnvelopeInternal();
    params.add(e.getMinX());
    params.add(e.getMinY());
    params.add(e.getMaxX());
    params.add(e.getMaxY());
    params.add(stored);
    return "(geom && " + ENVELOPE_PARAM + " AND " + st + "(geom, " + GEOM_PARAM + "))";
  }

  private boolean hasProperty(Cql2.Operand o) {
    return o instanceof Cql2.Prop || (o instanceof Cql2.Casei c && hasProperty(c.inner()));
  }

  private Column columnOf(Cql2.Operand o) {
    if (o instanceof Cql2.Prop p) {
      return view.column(p.name()).orElse(null);
    }
    return null;
  }

  private Type type(Cql2.Operand o) {
    if (o instanceof Cql2.Prop p) {
      if (p.name().equals(LayerView.ID)) {
        return Type.TEXT;
      }
      if (p.name().equals(LayerView.GEOMETRY) || p.name().equals("geometry")) {
        return Type.GEOMETRY;
      }
      Column c = view.column(p.name()).orElseThrow(() -> bad("unknown property '" + p.name() + "' in collection '"
          + view.layer().id() + "' (see /collections/" + view.layer().id() + "/queryables)"));
      return switch (c.type()) {
        case "number", "integer" -> Type.NUMBER;
        case "boolean" -> Type.BOOLEAN;
        default -> Type.TEXT;
      };
    }
    if (o instanceof Cql2.Text) {
      return Type.TEXT;
    }
    if (o instanceof Cql2.Num) {
      return Type.NUMBER;
    }
    if (o instanceof Cql2.BoolLit) {
      return Type.BOOLEAN;
    }
    if (o instanceof Cql2.Geom) {
      return Type.GEOMETRY;
    }
    if (o instanceof Cql2.Casei c) {
      if (type(c.inner()) != Type.TEXT) {
        throw bad("CASEI applies to text, not " + describe(c.inner()));
      }
      return Type.TEXT;
    }
    throw bad("unsupported operand");
  }

  private String propSql(Cql2.Prop p) {
    if (p.name().equals(LayerView.ID)) {
      return "id";
    }
    if (p.name().equals(LayerView.GEOMETRY) || p.name().equals("geometry")) {
      return "geom";
    }
    return column.apply(p.name());
  }

  /** SQL for an operand; literals become bound parameters typed for the column they meet. */
  private String value(Cql2.Operand o, Column hint) {
    if (o instanceof Cql2.Prop p) {
      return propSql(p);
    }
    if (o instanceof Cql2.Casei c) {
      return "LOWER(" + value(c.inner(), hint) + ")";
    }
    if (o instanceof Cql2.Text t) {
      params.add(t.value());
      return "?";
    }
    if (o instanceof Cql2.BoolLit b) {
      params.add(b.value());
      return "?";
    }
    if (o instanceof Cql2.Num n) {
      params.add(number(n.value(), hint));
      return "?";
    }
    throw bad("unsupported value " + describe(o));
  }

  static Object number(BigDecimal v, Column hint) {
    if (hint != null && hint.type().equals("integer")) {
      try {
        return v.longValueExact();
      } catch (ArithmeticException e) {
        return v.doubleValue();
      }
    }
    return v.doubleValue();
  }

  private static String name(Type t) {
    return switch (t) {
      case TEXT -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case GEOMETRY -> "a geometry";
    };
  }

  private static String describe(Cql2.Operand o) {
    if (o instanceof Cql2.Prop p) {
      return "property '" + p.name() + "'";
    }
    if (o instanceof Cql2.Text t) {
      return "'" + t.value() + "'";
    }
    if (o instanceof Cql2.Num n) {
      return n.value().toPlainString();
    }
    if (o instanceof Cql2.BoolLit b) {
      return b.value() ? "TRUE" : "FALSE";
    }
    if (o instanceof Cql2.Geom g) {
      return g.geometry().getGeometryType() + " literal";
    }
    if (o instanceof Cql2.Casei c) {
      return "CASEI(" + describe(c.inner()) + ")";
    }
    return "value";
  }
}
