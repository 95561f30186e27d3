package zoneatlas.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Parsing of query parameters into checked values; every failure is an {@link ApiError} naming the parameter. */
public final class Params {
  private Params() {}

  /** Rejects any parameter not in {@code allowed} (plus any accepted by {@code extra}). */
  public static void onlyKnown(Context ctx, Set<String> allowed, java.util.function.Predicate<String> extra) {
    for (String k : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(k) && !extra.test(k)) {
        throw ApiError.unknownParam(k, String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** A single-valued parameter or null. */
  public static String one(Context ctx, String name) {
    List<String> v = ctx.queryParams(name);
    if (v.isEmpty()) {
      return null;
    }
    if (v.size() > 1) {
      throw ApiError.badParam(name, "given more than once");
    }
    return v.get(0);
  }

  public static int integer(Context ctx, String name, int dflt, int min, int max, boolean capAtMax) {
    String s = one(ctx, name);
    if (s == null) {
      return dflt;
    }
    long v;
    try {
      v = Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badParam(name, "must be a whole number, got '" + s + "'");
    }
    if (v < min) {
      throw ApiError.badParam(name, "must be at least " + min + ", got " + v);
    }
    if (v > max) {
      if (capAtMax) {
        return max;
      }
      throw ApiError.badParam(name, "must be at most " + max + ", got " + v);
    }
    return (int) v;
  }

  public static Double number(Context ctx, String name, double min, double max) {
    String s = one(ctx, name);
    if (s == null || s.isBlank()) {
      return null;
    }
    double v = parseNumber(name, s);
    if (v < min || v > max) {
      throw ApiError.badParam(name, "must be between " + min + " and " + max + ", got " + s);
    }
    return v;
  }

  public static double parseNumber(String name, String s) {
    try {
      double v = Double.parseDouble(s.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badParam(name, "must be a number, got '" + s + "'");
    }
  }

  /**
   * A bbox "minx,miny,maxx,maxy" (or 6 numbers with heights, which are ignored). Checked for
   * order; lon/lat ranges are checked when {@code geographic}.
   */
  public static double[] bbox(String name, String s, boolean geographic) {
    return bbox(name, s, geographic, -1);
  }

  /**
   * As above; {@code wrapAxis} (0 or 1, -1 for none) is the longitude axis, whose minimum may exceed
   * its maximum: a box across the antimeridian (OGC API - Features Part 1, 7.15.3).
   */
  public static double[] bbox(String name, String s, boolean geographic, int wrapAxis) {
    if (s == null) {
      return null;
    }
    String[] parts = s.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw ApiError.badParam(name, "needs 4 numbers minx,miny,maxx,maxy (or 6 with heights), got " + parts.length);
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = parseNumber(name, parts[i]);
    }
    double[] b = parts.length == 4 ? v : new double[] {v[0], v[1], v[3], v[4]};
    if ((b[0] > b[2] && wrapAxis != 0) || (b[1] > b[3] && wrapAxis != 1)) {
      throw ApiError.badParam(name, "minimum must not exceed maximum (minx,miny,maxx,maxy)");
    }
    if (geographic && (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)) {
      throw ApiError.badParam(name, "longitude must be within -180..180 and latitude within -90..90");
    }
    return b;
  }
}
