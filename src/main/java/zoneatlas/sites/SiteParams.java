package zoneatlas.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import zoneatlas.http.ApiError;
import zoneatlas.http.JsonBody;
import zoneatlas.layers.FeatureIds;
import zoneatlas.model.ParcelStatus;
import zoneatlas.sites.StandardLand.Investor;

/**
 * Request parsing for the site routes, so handlers stay one call long. Query strings and JSON
 * bodies are both read as flat name/value maps; every failure is a 400 naming the parameter.
 */
final class SiteParams {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LAND_USE = Pattern.compile("[0-9]{2,6}");
  static final double MAX_WAN = 1e8;
  static final Set<String> INVESTOR = Set.of("invest_wan", "invest_wan_per_mu", "tax_wan", "tax_wan_per_mu");
  static final Set<String> FIND = union(INVESTOR,
      Set.of("status", "area_mu_min", "area_mu_max", "land_use", "zone", "board", "park", "limit"));
  static final String MAX_M = "max_m.";

  private SiteParams() {}

  /** Single-valued query parameters; unknown names (and repeated ones) are refused. */
  static Map<String, String> query(Context ctx, Set<String> allowed, String allowedPrefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : ctx.queryParamMap().entrySet()) {
      String k = e.getKey();
      if (!allowed.contains(k) && (allowedPrefix == null || !k.startsWith(allowedPrefix))) {
        throw ApiError.unknownParam(k, String.join(", ", new TreeSet<>(allowed))
            + (allowedPrefix == null ? "" : ", " + allowedPrefix + "CATEGORY"));
      }
      if (e.getValue().size() > 1) {
        throw ApiError.badParam(k, "given more than once");
      }
      out.put(k, e.getValue().get(0));
    }
    return out;
  }

  /** A JSON object body. */
  static JsonNode body(Context ctx) {
    return JsonBody.object(ctx, JsonBody.PLAIN);
  }

  /** A JSON body as flat name/value pairs: nested {@code max_m} becomes {@code max_m.KIND}, arrays join with commas. */
  static Map<String, String> flatten(JsonNode body, Set<String> allowed, String nestedPrefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (nestedPrefix != null && k.equals(nestedPrefix.substring(0, nestedPrefix.length() - 1)) && v.isObject()) {
        v.properties().forEach(n -> out.put(nestedPrefix + n.getKey(), scalar(nestedPrefix + n.getKey(), n.getValue())));
        continue;
      }
      if (!allowed.contains(k) && (nestedPrefix == null || !k.startsWith(nestedPrefix))) {
        throw ApiError.unknownParam(k, String.join(", ", new TreeSet<>(allowed))
            + (nestedPrefix == null ? "" : ", " + nestedPrefix.substring(0, nestedPrefix.length() - 1)));
      }
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(scalar(k, x)));
        out.put(k, String.join(",", parts));
      } else if (!v.isNull()) {
        out.put(k, scalar(k, v));
      }
    }
    return out;
  }

  private static String scalar(String name, JsonNode v) {
    if (v.isObject() || v.isArray()) {
      throw ApiError.badParam(name, "must be a number or text");
    }
    return v.asText();
  }

  static Double optional(Map<String, String> p, String name, double min, double max) {
    String raw = p.get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    double v = Shapes.number(name, raw);
    if (v < min || v > max) {
      throw ApiError.badParam(name, "must be between " + StandardLand.fmt(min) + " and " + StandardLand.fmt(max) + ", got " + raw.trim());
    }
    return v;
  }

  static int limit(Map<String, String> p, int dflt, int max) {
    Double v = optional(p, "limit", 1, max);
    if (v != null && v != Math.rint(v)) {
      throw ApiError.badParam("limit", "must be a whole number");
    }
    return v == null ? dflt : v.intValue();
  }

  static double lon(Map<String, String> p, String name) {
    return Shapes.lon(name, Shapes.number(name, p.get(name)));
  }

  static double lat(Map<String, String> p, String name) {
    return Shapes.lat(name, Shapes.number(name, p.get(name)));
  }

  static String id(String name, String raw) {
    if (!FeatureIds.valid(raw)) {
      throw ApiError.badParam(name, FeatureIds.RULE_EN + ", got '" + Shapes.abbreviate(String.valueOf(raw)) + "'");
    }
    return raw;
  }

  /** Infrastructure categories, comma-separated; the default list when absent. */
  static List<String> categories(String raw) {
    if (raw == null || raw.isBlank()) {
      return Labels.DEFAULT_NEAR;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String s : raw.split(",")) {
      out.add(category("categories", s.strip()));
    }
    return List.copyOf(out);
  }

  static String category(String name, String k) {
    if (!Labels.KIND.containsKey(k)) {
      throw ApiError.badParam(name, "unknown infrastructure category '" + Shapes.abbreviate(k) + "'; known: "
          + String.join(", ", Labels.KIND.keySet()));
    }
    return k;
  }

  static Investor investor(Map<String, String> p) {
    Double inv = optional(p, "invest_wan", 0.01, MAX_WAN);
    Double invMu = optional(p, "invest_wan_per_mu", 0.01, MAX_WAN);
    Double tax = optional(p, "tax_wan", 0.01, MAX_WAN);
    Double taxMu = optional(p, "tax_wan_per_mu", 0.01, MAX_WAN);
    if (inv != null && invMu != null) {
      throw ApiError.badParam("invest_wan_per_mu", "give invest_wan (total) or invest_wan_per_mu, not both");
    }
    if (tax != null && taxMu != null) {
      throw ApiError.badParam("tax_wan_per_mu", "give tax_wan (annual total) or tax_wan_per_mu, not both");
    }
    return new Investor(inv, invMu, tax, taxMu);
  }

  static SiteFinder.Query findQuery(Map<String, String> p, double maxDistanceM) {
    List<String> statuses = SiteFinder.DEFAULT_STATUSES;
    if (p.get("status") != null && !p.get("status").isBlank()) {
      Set<String> s = new LinkedHashSet<>();
      for (String v : p.get("status").split(",")) {
        String t = v.strip();
        try {
          s.add(ParcelStatus.valueOf(t).name());
        } catch (IllegalArgumentException e) {
          throw ApiError.badParam("status", "unknown status '" + Shapes.abbreviate(t) + "'; known: "
              + String.join(", ", Labels.STATUS.keySet()));
        }
      }
      statuses = List.copyOf(s);
    }
    Double min = optional(p, "area_mu_min", 0, 1e6);
    Double max = optional(p, "area_mu_max", 0, 1e6);
    if (min != null && max != null && min > max) {
      throw ApiError.badParam("area_mu_min", "must not exceed area_mu_max");
    }
    String landUse = p.get("land_use");
    if (landUse != null && !LAND_USE.matcher(landUse).matches()) {
      throw ApiError.badParam("land_use", "must be 2 to 6 digits of the land-use code (a class prefix such as 1001), got '"
          + Shapes.abbreviate(landUse) + "'");
    }
    String zone = p.get("zone") == null ? null : id("zone", p.get("zone"));
    String board = p.get("board") == null ? null : id("board", p.get("board"));
    String park = p.get("park") == null ? null : id("park", p.get("park"));
    Map<String, Double> maxM = new LinkedHashMap<>();
    for (var e : p.entrySet()) {
      if (e.getKey().startsWith(MAX_M)) {
        String k = category(e.getKey(), e.getKey().substring(MAX_M.length()));
        maxM.put(k, optional(p, e.getKey(), 1, maxDistanceM));
      }
    }
    maxM.values().removeIf(v -> v == null);
    return new SiteFinder.Query(statuses, min, max, landUse, zone, board, park, maxM, investor(p),
        limit(p, SiteFinder.DEFAULT_LIMIT, SiteFinder.MAX_LIMIT));
  }

  static List<String> ids(String raw, int max) {
    if (raw == null || raw.isBlank()) {
      throw ApiError.badParam("ids", "is required: 1 to " + max + " parcel ids, comma-separated");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String s : raw.split(",", -1)) {
      out.add(id("ids", s.strip()));
    }
    if (out.size() > max) {
      throw ApiError.badParam("ids", "at most " + max + " sites can be compared, got " + out.size());
    }
    return List.copyOf(out);
  }

  /** A checked what-is-inside request. */
  record Inside(Shapes.Shape shape, InsideService.Mode mode, int limit) {}

  static final Set<String> INSIDE = Set.of("geometry", "center", "radius_m", "mode", "limit");

  static Inside inside(JsonNode b, SitesService.Limits limits) {
    for (Map.Entry<String, JsonNode> e : b.properties()) {
      String k = e.getKey();
      if (!INSIDE.contains(k)) {
        throw ApiError.unknownParam(k, String.join(", ", new TreeSet<>(INSIDE)));
      }
    }
    InsideService.Mode mode = InsideService.Mode.intersects;
    if (b.hasNonNull("mode")) {
      try {
        mode = InsideService.Mode.valueOf(b.get("mode").asText());
      } catch (IllegalArgumentException e) {
        throw ApiError.badParam("mode", "must be intersects or within, got '" + Shapes.abbreviate(b.get("mode").asText()) + "'");
      }
    }
    int limit = limits.results();
    if (b.hasNonNull("limit")) {
      JsonNode l = b.get("limit");
      if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > limits.results()) {
        throw ApiError.badParam("limit", "must be a whole number from 1 to " + limits.results());
      }
      limit = l.asInt();
    }
    boolean poly = b.hasNonNull("geometry");
    boolean circle = b.hasNonNull("center") || b.hasNonNull("radius_m");
    if (poly && circle) {
      throw ApiError.badParam("geometry", "give either a polygon 'geometry' or a circle ('center' and 'radius_m'), not both");
    }
    if (poly) {
      return new Inside(Shapes.polygon("geometry", b.get("geometry"), limits.maxVertices()), mode, limit);
    }
    if (!circle) {
      throw ApiError.badParam("geometry", "is required: a GeoJSON Polygon, or 'center' [lon, lat] with 'radius_m'");
    }
    JsonNode c = b.get("center");
    if (c == null || !c.isArray() || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
      throw ApiError.badParam("center", "must be [longitude, latitude] numbers");
    }
    JsonNode r = b.get("radius_m");
    if (r == null || !r.isNumber()) {
      throw ApiError.badParam("radius_m", "is required with center: a number of metres");
    }
    double lon = Shapes.lon("center", c.get(0).asDouble());
    double lat = Shapes.lat("center", c.get(1).asDouble());
    return new Inside(Shapes.circle(lon, lat, Shapes.radius("radius_m", r.asDouble())), mode, limit);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
