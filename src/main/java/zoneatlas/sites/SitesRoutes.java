package zoneatlas.sites;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Point;
import zoneatlas.Services;
import zoneatlas.efficiency.TableExport;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;

/**
 * Spatial queries and the investment site finder. Handlers parse ({@link SiteParams}), make one
 * {@link SitesService} call and write. Every answer is JSON unless stated; bad input is a 400
 * naming the parameter.
 *
 * <pre>
 * GET  /api/here?lon=&amp;lat=[&amp;tolerance_m=25]
 *      What is here: features at the point, parcel → small-micro park → park → board → zone,
 *      then infrastructure within tolerance_m (0..500 m), nearest first.
 * POST /api/inside[?format=json|geojson|csv]
 *      body {"geometry": GeoJSON Polygon|MultiPolygon|Feature} or {"center": [lon, lat], "radius_m": 1..50000},
 *      optional "mode": "intersects" (default) | "within", "limit".
 *      Parcels inside, totals in mu/ha (whole and clipped), by land use and status, simple
 *      per-mu tax/revenue sums by role (anonymous/prospect: counts; planner: the sum of the
 *      published cells wholly inside, see efficiency.Disclosure; land_officer/admin: exact, also
 *      per enterprise). geojson/csv export the parcels.
 * GET  /api/near?lon=&amp;lat= | ?parcel=ID  [&amp;radius_m=1..50000][&amp;categories=k1,k2]
 *      Nearest infrastructure of each category (default: stations, interchanges, freight yards,
 *      land ports, airport, substations, water and sewage plants) and, with radius_m, every
 *      plan feature within it; geodesic distances.
 * GET  /api/corridor/{infrastructureId}[?width_m=1..500]
 *      Parcels a line's red-line corridor takes, with take areas in mu (default widths by kind).
 * GET  /api/sites/find?…   POST /api/sites/find {…}
 *      Site finder: status (default available,idle), area_mu_min/max, land_use (code prefix),
 *      zone, park, max_m.CATEGORY=metres (POST: "max_m": {CATEGORY: metres}), investor figures
 *      invest_wan | invest_wan_per_mu and tax_wan | tax_wan_per_mu (standard-land test), limit.
 *      Only qualifying sites, ranked, with reasons and counts of the excluded.
 * GET  /api/sites/categories          infrastructure categories and statuses with names
 * GET  /api/sites/compare?ids=a,b,c[&amp;investor figures]   up to three cards side by side
 * GET  /api/sites/{parcelId}/card[?investor figures]       the site card (public data only)
 * GET  /api/sites/{parcelId}/map.svg                       the card's map, drawn from the data
 * </pre>
 */
public final class SitesRoutes implements RouteModule {
  private static final JsonFactory JSON = new JsonFactory();
  private final Services s;
  private final SitesService sites;

  public SitesRoutes(Services s) {
    this.s = s;
    this.sites = s.sites;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/here", this::here);
    r.post("/api/inside", this::inside);
    r.get("/api/near", this::near);
    r.get("/api/corridor/{id}", this::corridor);
    r.get("/api/sites/find", ctx -> find(ctx, SiteParams.query(ctx, SiteParams.FIND, SiteParams.MAX_M)));
    r.post("/api/sites/find", ctx -> {
      SiteParams.query(ctx, Set.of(), null);
      find(ctx, SiteParams.flatten(SiteParams.body(ctx), SiteParams.FIND, SiteParams.MAX_M));
    });
    r.get("/api/sites/categories", this::categories);
    r.get("/api/sites/compare", this::compare);
    r.get("/api/sites/{id}/card", this::card);
    r.get("/api/sites/{id}/map.svg", this::mapSvg);
  }

  void here(Context ctx) throws Exception {
    Map<String, String> p = SiteParams.query(ctx, Set.of("lon", "lat", "tolerance_m"), null);
    Double tol = SiteParams.optional(p, "tolerance_m", 0, HereService.MAX_TOLERANCE_M);
    ctx.json(sites.here(SiteParams.lon(p, "lon"), SiteParams.lat(p, "lat"), tol == null ? HereService.DEFAULT_TOLERANCE_M : tol));
  }

  void inside(Context ctx) throws Exception {
    Map<String, String> q = SiteParams.query(ctx, Set.of("format"), null);
    String format = q.getOrDefault("format", "json");
    if (!List.of("json", "geojson", "csv").contains(format)) {
      throw ApiError.badParam("format", "must be json, geojson or csv, got '" + Shapes.abbreviate(format) + "'");
    }
    SiteParams.Inside in = SiteParams.inside(SiteParams.body(ctx), sites.limits());
    InsideService.Result r = sites.inside(in.shape(), in.mode(), s.auth.principal(ctx).role(), in.limit());
    switch (format) {
      case "geojson" -> writeGeoJson(ctx, r);
      case "csv" -> writeCsv(ctx, r);
      default -> ctx.json(r);
    }
  }

  void near(Context ctx) throws Exception {
    Map<String, String> p = SiteParams.query(ctx, Set.of("lon", "lat", "parcel", "radius_m", "categories"), null);
    Double radius = p.containsKey("radius_m") ? Shapes.radius("radius_m", Shapes.number("radius_m", p.get("radius_m"))) : null;
    List<String> cats = SiteParams.categories(p.get("categories"));
    boolean point = p.containsKey("lon") || p.containsKey("lat");
    if (point == p.containsKey("parcel")) {
      throw ApiError.badParam(point ? "parcel" : "lon", "give either lon and lat, or parcel (an id), not both or neither");
    }
    ctx.json(point
        ? sites.nearPoint(SiteParams.lon(p, "lon"), SiteParams.lat(p, "lat"), cats, radius)
        : sites.nearParcel(SiteParams.id("parcel", p.get("parcel")), cats, radius));
  }

  void corridor(Context ctx) throws Exception {
    Map<String, String> p = SiteParams.query(ctx, Set.of("width_m"), null);
    Double width = SiteParams.optional(p, "width_m", CorridorService.MIN_WIDTH_M, CorridorService.MAX_WIDTH_M);
    ctx.json(sites.corridor(SiteParams.id("id", ctx.pathParam("id")), width));
  }

  void find(Context ctx, Map<String, String> p) throws Exception {
    ctx.json(sites.find(SiteParams.findQuery(p, sites.limits().nearestMaxM())));
  }

  void categories(Context ctx) {
    SiteParams.query(ctx, Set.of(), null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("categories", Labels.KIND.entrySet().stream().map(e -> Map.of("code", e.getKey(), "zh", e.getValue().zh(),
        "en", e.getValue().en(), "near_default", Labels.DEFAULT_NEAR.contains(e.getKey()))).toList());
    m.put("statuses", Labels.STATUS.entrySet().stream().map(e -> Map.of("code", e.getKey(), "zh", e.getValue().zh(),
        "en", e.getValue().en(), "find_default", SiteFinder.DEFAULT_STATUSES.contains(e.getKey()))).toList());
    m.put("corridor_default_width_m", CorridorService.DEFAULT_WIDTH_M);
    m.put("limits", sites.limits());
    ctx.json(m);
  }

  void compare(Context ctx) throws Exception {
    Map<String, String> p = SiteParams.query(ctx, SiteParams.union(SiteParams.INVESTOR, Set.of("ids")), null);
    ctx.json(sites.compare(SiteParams.ids(p.get("ids"), SiteCards.MAX_COMPARE), SiteParams.investor(p)));
  }

  void card(Context ctx) throws Exception {
    Map<String, String> p = SiteParams.query(ctx, SiteParams.INVESTOR, null);
    ctx.json(sites.card(SiteParams.id("id", ctx.pathParam("id")), SiteParams.investor(p)));
  }

  void mapSvg(Context ctx) throws Exception {
    SiteParams.query(ctx, Set.of(), null);
    String svg = sites.mapSvg(SiteParams.id("id", ctx.pathParam("id")));
    ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
  }

  // -------------------------------------------------------------------------------------------
  // exports

  private static void writeGeoJson(Context ctx, InsideService.Result r) throws Exception {
    ctx.contentType("application/geo+json; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"inside.geojson\"");
    try (JsonGenerator g = JSON.createGenerator(ctx.outputStream())) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", r.numberMatched());
      g.writeNumberField("numberReturned", r.numberReturned());
      g.writeBooleanField("truncated", r.truncated());
      g.writeBooleanField("synthetic", true);
      g.writeArrayFieldStart("features");
      for (InsideService.Parcel p : r.parcels()) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", p.id());
        g.writeFieldName("geometry");
        g.writeRawValue(Out.geojson(p.geom()));
        g.writeObjectFieldStart("properties");
        for (var e : row(p).entrySet()) {
          g.writeObjectField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeCsv(Context ctx, InsideService.Result r) throws Exception {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"inside.csv\"");
    ctx.header("X-Number-Matched", Long.toString(r.numberMatched()));
    ctx.header("X-Truncated", Boolean.toString(r.truncated()));
    Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    w.write('\uFEFF'); // lets spreadsheet programs read the Chinese names as UTF-8
    List<String> header = List.copyOf(row(null).keySet());
    try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).get())) {
      for (InsideService.Parcel p : r.parcels()) {
        csv.printRecord(row(p).values().stream().map(v -> v instanceof String t ? TableExport.neutralised(t) : v).toList());
      }
    }
  }

  /** Export columns of one parcel (header names when {@code p} is null). */
  private static Map<String, Object> row(InsideService.Parcel p) {
    Map<String, Object> m = new LinkedHashMap<>();
    Point ip = p == null ? null : p.geom().getInteriorPoint();
    m.put("id", p == null ? null : p.id());
    m.put("zone", p == null ? null : p.zone());
    m.put("park", p == null ? null : p.park());
    m.put("small_micro_park", p == null ? null : p.small_micro_park());
    m.put("land_use_code", p == null ? null : p.land_use_code());
    m.put("land_use_name", p == null ? null : p.land_use_name());
    m.put("status", p == null ? null : p.status());
    m.put("status_zh", p == null ? null : p.status_zh());
    m.put("area_mu", p == null ? null : p.area_mu());
    m.put("area_ha", p == null ? null : p.area_ha());
    m.put("inside_mu", p == null ? null : p.inside_mu());
    m.put("inside_ha", p == null ? null : p.inside_ha());
    m.put("inside_share", p == null ? null : p.inside_share());
    m.put("within", p == null ? null : p.within());
    m.put("lon", ip == null ? null : Out.round(ip.getX(), 7));
    m.put("lat", ip == null ? null : Out.round(ip.getY(), 7));
    m.put("synthetic", p == null ? null : true);
    return m;
  }
}
