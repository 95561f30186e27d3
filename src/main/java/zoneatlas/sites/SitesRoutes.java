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
 *      zone, board (core board id), park (industrial or small-micro park id), max_m.CATEGORY=metres (POST: "max_m": {CATEGORY: metres}), investor figures
 *      invest_wan | invest_wan_per_mu and tax_wan | tax_wan_per_mu (standard-land test), limit.
 *      Only qualifying sites, ranked, with reasons and counts of the excluded.
 * GET  /api/sites/categories          infrastructure categories and statuses with names
 * GET  /api/sites/compare?ids=a,b,c[&amp;investor figures]   up to three cards side by side
 * GET  /api/sites/{parcelId}/card[?investor figures]       the site card (public data only)
 * GET  /api/sites/{parcelId}/map.svg[?lang=zh|en]         the card's map, drawn from the data
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
    Map<String, String> q = SiteParams.query(ctx, Set.of("format", "lang"), null);
    String format = q.getOrDefault("format", "json");
    if (!List.of("json", "geojson", "csv").contains(format)) {
      throw ApiError.badParam("format", "must be json, geojson or csv, got '" + Shapes.abbreviate(format) + "'");
    }
    String lang = q.getOrDefault("lang", "zh");
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw ApiError.badParam("lang", "must be zh or en, got '" + Shapes.abbreviate(lang) + "'");
    }
    SiteParams.Inside in = SiteParams.inside(SiteParams.body(ctx), sites.limits());
    InsideService.Result r = sites.inside(in.shape(), in.mode(), s.auth.principal(ctx).role(), in.limit());
    switch (format) {
      case "geojson" -> InsideExport.geoJson(ctx, r, lang, placeNames(), java.time.Instant.now());
      case "csv" -> InsideExport.csv(ctx, r, lang, placeNames(), java.time.Instant.now());
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
    Map<String, String> p = SiteParams.query(ctx, Set.of("lang"), null);
    String lang = p.getOrDefault("lang", "zh");
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw ApiError.badParam("lang", "must be zh or en, got '" + Shapes.abbreviate(lang) + "'");
    }
    String svg = sites.mapSvg(SiteParams.id("id", ctx.pathParam("id")), lang.equals("en"));
    ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
  }

  /** Zone, board and park id -> {Chinese name, English name}, for the exports. */
  private java.util.function.Function<String, String[]> placeNames() throws Exception {
    Map<String, zoneatlas.efficiency.EfficiencyData.GroupName> g = s.efficiency.data().groups;
    return id -> {
      zoneatlas.efficiency.EfficiencyData.GroupName n = g.get(id);
      return n == null ? null : new String[] {n.nameZh(), n.nameEn()};
    };
  }

  // -------------------------------------------------------------------------------------------
  // exports (the drawn area's are in InsideExport)
}
