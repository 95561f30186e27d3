package zoneatlas.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The confidentiality matrix's table: every output of the app (route, sample request, the formats
 * it writes), who may use it, and what it must hold for roles that see confidential figures and
 * must never hold for the others. {@link ConfidentialityMatrixContract} runs every row × format ×
 * role through the real app and fails on a GET route or format the table does not name.
 *
 * <p>Samples name the fixture by placeholder, filled in per store: {P} the industrial park left
 * with one reporting enterprise, {Z} its zone, {K} that enterprise, {KP} its parcel, {LON}/{LAT} a
 * point on that parcel, {TZ}/{TY}/{TX} the tile holding it, {DOC} a cited plan document.
 */
final class ConfidentialityTable {
  private ConfidentialityTable() {}

  /** Who may call a route at all; a role below answers 401 or 403. */
  enum Access {
    everyone,
    planner,
    land_officer,
    admin
  }

  /** Kinds of secret a body can hold (see the contract for how each is recognised). */
  enum Secret {
    /** The fixture's figures: the enterprise's tax, revenue, value added, energy, and every roll-up or ratio resting on it alone. */
    figures,
    /** The per-enterprise class list naming the fixture's enterprise (its id or credit code). */
    enterprise,
    /** A parcel listed because its enterprise is class D (per-enterprise classes are confidential). */
    low_class,
    /** The names of the confidential figure fields (tax_wan, ...) and of catalog columns flagged confidential. */
    field_names
  }

  /**
   * One output.
   *
   * @param template the route as registered (Javalin's path)
   * @param sample the request, with placeholders
   * @param formatParam the query parameter choosing the format ("format" or "f"), null when the route writes one format
   * @param formats the formats the table runs; with a format parameter, exactly the values the route accepts
   * @param shown what must appear for land officers and administrators (so each cell could fail)
   * @param hidden what must not appear for anonymous callers, prospects and planners
   * @param body a JSON body for a POST, else null
   * @param shownIn the formats that hold what {@code shown} says (a download may leave out a list's notes), null for all
   */
  record Output(String name, String method, String template, String sample, String formatParam, List<String> formats,
      Access access, Set<Secret> shown, Set<Secret> hidden, String body, Set<String> shownIn) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Set<Secret> NOTHING = EnumSet.noneOf(Secret.class);
  /** An output with no figures at all: no figure, no class, not even the name of a confidential field. */
  private static final Set<Secret> NO_FIGURES = EnumSet.of(Secret.figures, Secret.low_class, Secret.field_names);
  /** An output of published roll-ups: figures of withheld cells and per-enterprise classes stay out. */
  private static final Set<Secret> ROLL_UPS = EnumSet.of(Secret.figures, Secret.low_class);

  private static Output get(String name, String template, String sample, String formatParam, List<String> formats,
      Access access, Set<Secret> shown, Set<Secret> hidden) {
    return new Output(name, "GET", template, sample, formatParam, formats, access, shown, hidden, null, null);
  }

  private static Output shownIn(Output o, String... formats) {
    return new Output(o.name(), o.method(), o.template(), o.sample(), o.formatParam(), o.formats(), o.access(), o.shown(),
        o.hidden(), o.body(), Set.of(formats));
  }

  private static final List<String> OGC = List.of("json", "html");
  private static final List<String> TABLE = List.of("json", "csv", "xlsx");
  private static final Set<Secret> FIG = EnumSet.of(Secret.figures);

  static final List<Output> OUTPUTS = List.of(
      // OGC API - Features: the catalog has no figure column; confidential columns (none yet) are the layer view's
      get("landing", "/", "/", "f", OGC, Access.everyone, NOTHING, NO_FIGURES),
      get("conformance", "/conformance", "/conformance", "f", OGC, Access.everyone, NOTHING, NO_FIGURES),
      get("api definition", "/api", "/api", "f", OGC, Access.everyone, NOTHING, NO_FIGURES),
      get("collections", "/collections", "/collections", "f", OGC, Access.everyone, NOTHING, NO_FIGURES),
      get("collection", "/collections/{id}", "/collections/enterprises", "f", OGC, Access.everyone, NOTHING, NO_FIGURES),
      get("queryables", "/collections/{id}/queryables", "/collections/enterprises/queryables", "f", OGC, Access.everyone,
          NOTHING, NO_FIGURES),
      get("items enterprises", "/collections/{id}/items", "/collections/enterprises/items?park={P}&limit=50", "f", OGC,
          Access.everyone, NOTHING, NO_FIGURES),
      get("items parcels", "/collections/{id}/items", "/collections/parcels/items?park={P}&limit=100", "f", OGC,
          Access.everyone, NOTHING, NO_FIGURES),
      get("items parks", "/collections/{id}/items", "/collections/industrial-parks/items?limit=200", "f", OGC,
          Access.everyone, NOTHING, NO_FIGURES),
      get("item enterprise", "/collections/{id}/items/{fid}", "/collections/enterprises/items/{K}", "f", OGC,
          Access.everyone, NOTHING, NO_FIGURES),
      get("item parcel", "/collections/{id}/items/{fid}", "/collections/parcels/items/{KP}", "f", OGC, Access.everyone,
          NOTHING, NO_FIGURES),
      get("item park", "/collections/{id}/items/{fid}", "/collections/industrial-parks/items/{P}", "f", OGC,
          Access.everyone, NOTHING, NO_FIGURES),
      get("item history", "/collections/{id}/items/{fid}/history", "/collections/enterprises/items/{K}/history", null,
          List.of("json"), Access.planner, NOTHING, NO_FIGURES),
      get("schema", "/collections/{id}/schema", "/collections/enterprises/schema", "f", List.of("json"), Access.everyone,
          NOTHING, NO_FIGURES),
      // vector tiles: the same bytes for every role (TileCatalog refuses a confidential column or a figure)
      get("tile parcels", "/collections/{id}/tiles/{tms}/{tileMatrix}/{tileRow}/{tileCol}",
          "/collections/parcels/tiles/WebMercatorQuad/{TZ}/{TY}/{TX}", null, List.of("mvt"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("tile plan", "/tiles/{tms}/{tileMatrix}/{tileRow}/{tileCol}", "/tiles/WebMercatorQuad/{TZ}/{TY}/{TX}", null,
          List.of("mvt"), Access.everyone, NOTHING, NO_FIGURES),
      get("tilesets of a collection", "/collections/{id}/tiles", "/collections/parcels/tiles", null, List.of("json"),
          Access.everyone, NOTHING, NO_FIGURES),
      get("tileset of a collection", "/collections/{id}/tiles/{tms}", "/collections/parcels/tiles/WebMercatorQuad", null,
          List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("tilejson of a collection", "/collections/{id}/tiles/{tms}/tilejson.json",
          "/collections/parcels/tiles/WebMercatorQuad/tilejson.json", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("tilesets", "/tiles", "/tiles", null, List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("tileset", "/tiles/{tms}", "/tiles/WebMercatorQuad", null, List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("tilejson", "/tiles/{tms}/tilejson.json", "/tiles/WebMercatorQuad/tilejson.json", null, List.of("json"),
          Access.everyone, NOTHING, NO_FIGURES),
      get("tile matrix sets", "/tileMatrixSets", "/tileMatrixSets", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("tile matrix set", "/tileMatrixSets/{tms}", "/tileMatrixSets/WebMercatorQuad", null, List.of("json"),
          Access.everyone, NOTHING, NO_FIGURES),
      // search, summary, plan sources, spatial queries and site cards: land and plans, no figures
      get("search by id", "/api/search", "/api/search?q={K}", null, List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("summary", "/api/summary/{collection}/{id}", "/api/summary/industrial-parks/{P}", null, List.of("json"),
          Access.everyone, NOTHING, NO_FIGURES),
      get("sources", "/api/sources", "/api/sources", null, List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("source", "/api/sources/{doc}", "/api/sources/{DOC}?lines=1", null, List.of("json"), Access.everyone, NOTHING, NO_FIGURES),
      get("here", "/api/here", "/api/here?lon={LON}&lat={LAT}", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("near", "/api/near", "/api/near?lon={LON}&lat={LAT}", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("corridor", "/api/corridor/{id}", "/api/corridor/{INF}", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      // the finder echoes the investor's own planned tax (tax_wan), so only figures are looked for
      get("site finder", "/api/sites/find", "/api/sites/find?zone={Z}", null, List.of("json"), Access.everyone, NOTHING,
          ROLL_UPS),
      get("site categories", "/api/sites/categories", "/api/sites/categories", null, List.of("json"), Access.everyone,
          NOTHING, NO_FIGURES),
      get("site compare", "/api/sites/compare", "/api/sites/compare?ids={KP},{KP2}", null, List.of("json"),
          Access.everyone, NOTHING, NO_FIGURES),
      get("site card", "/api/sites/{id}/card", "/api/sites/{KP}/card", null, List.of("json"), Access.everyone, NOTHING,
          NO_FIGURES),
      get("site map", "/api/sites/{id}/map.svg", "/api/sites/{KP}/map.svg", null, List.of("svg"), Access.everyone,
          NOTHING, NO_FIGURES),
      // the drawn area's figures are in its JSON answer; its GeoJSON and CSV list the parcels
      new Output("inside", "POST", "/api/inside", "/api/inside", "format", List.of("json", "geojson", "csv"),
          Access.everyone, FIG, ROLL_UPS, "{\"center\":[{LON},{LAT}],\"radius_m\":80}", Set.of("json")),
      // 亩均: roll-ups through Disclosure for everyone, per-enterprise figures for land officers
      // meta names the low-efficiency reasons, low_class among them: a vocabulary, not a parcel's class
      get("efficiency meta", "/api/efficiency/meta", "/api/efficiency/meta", null, List.of("json"), Access.everyone,
          NOTHING, EnumSet.of(Secret.figures, Secret.field_names)),
      get("indicators parks", "/api/efficiency/indicators", "/api/efficiency/indicators?level=industrial-park", "format",
          TABLE, Access.everyone, FIG, ROLL_UPS),
      get("indicators parks of the zone", "/api/efficiency/indicators",
          "/api/efficiency/indicators?level=industrial-park&zone={Z}&unit=ha", "format", TABLE, Access.everyone, FIG,
          ROLL_UPS),
      get("indicators parcels", "/api/efficiency/indicators", "/api/efficiency/indicators?level=parcel&zone={Z}", "format",
          TABLE, Access.everyone, EnumSet.of(Secret.figures, Secret.low_class), ROLL_UPS),
      get("indicators boards", "/api/efficiency/indicators", "/api/efficiency/indicators?level=core-board", "format",
          TABLE, Access.everyone, NOTHING, ROLL_UPS),
      get("indicators enterprises", "/api/efficiency/indicators", "/api/efficiency/indicators?level=enterprise&zone={Z}",
          "format", TABLE, Access.land_officer, FIG, ROLL_UPS),
      get("classes", "/api/efficiency/classes", "/api/efficiency/classes?zone={Z}", "format", TABLE, Access.everyone,
          EnumSet.of(Secret.enterprise), EnumSet.of(Secret.figures, Secret.low_class, Secret.enterprise)),
      get("low-efficiency", "/api/efficiency/low-efficiency", "/api/efficiency/low-efficiency?zone={Z}", "format",
          List.of("json", "geojson", "csv", "xlsx"), Access.everyone, EnumSet.of(Secret.low_class), ROLL_UPS),
      get("targets", "/api/efficiency/targets", "/api/efficiency/targets", "format", TABLE, Access.everyone, FIG, ROLL_UPS),
      get("trend parks", "/api/efficiency/trend", "/api/efficiency/trend?level=industrial-park", "format", TABLE,
          Access.everyone, FIG, ROLL_UPS),
      get("trend parks revenue", "/api/efficiency/trend",
          "/api/efficiency/trend?level=industrial-park&indicator=revenue_per_mu&zone={Z}", "format", TABLE,
          Access.everyone, FIG, ROLL_UPS),
      get("card enterprise", "/api/efficiency/card/{level}/{id}", "/api/efficiency/card/enterprise/{K}", null,
          List.of("json"), Access.everyone, FIG, EnumSet.of(Secret.figures, Secret.low_class, Secret.field_names)),
      get("card parcel", "/api/efficiency/card/{level}/{id}", "/api/efficiency/card/parcel/{KP}", null, List.of("json"),
          Access.everyone, FIG, ROLL_UPS),
      get("evaluation state", "/api/efficiency/evaluation", "/api/efficiency/evaluation?zone={Z}", null, List.of("json"),
          Access.everyone, NOTHING, ROLL_UPS),
      get("evaluation items", "/api/efficiency/items", "/api/efficiency/items?enterprise={K}", null, List.of("json"),
          Access.land_officer, NOTHING, ROLL_UPS),
      // the lists and the report a zone sends out: land officers only
      get("policy power", "/api/efficiency/policy/{kind}", "/api/efficiency/policy/power?zone={Z}", "format",
          List.of("json", "xlsx", "csv"), Access.land_officer, EnumSet.of(Secret.enterprise), ROLL_UPS),
      get("policy leaders", "/api/efficiency/policy/{kind}", "/api/efficiency/policy/leaders?zone={Z}", "format",
          List.of("json", "xlsx", "csv"), Access.land_officer, EnumSet.of(Secret.figures, Secret.enterprise), ROLL_UPS),
      shownIn(get("policy low land", "/api/efficiency/policy/{kind}", "/api/efficiency/policy/low-land?zone={Z}", "format",
          List.of("json", "xlsx", "csv"), Access.land_officer, EnumSet.of(Secret.low_class), ROLL_UPS), "json", "xlsx"),
      get("annual report", "/api/efficiency/report", "/api/efficiency/report?zone={Z}", "format", List.of("pdf", "xlsx"),
          Access.land_officer, EnumSet.of(Secret.figures, Secret.enterprise, Secret.low_class), ROLL_UPS),
      // administrators only
      // a what-if scores every enterprise of the zone again: land officers only, like the per-enterprise classes
      new Output("what-if", "POST", "/api/efficiency/whatif", "/api/efficiency/whatif", null, List.of("json"),
          Access.land_officer, EnumSet.of(Secret.enterprise), ROLL_UPS, "{\"zone\":\"{Z}\",\"weights\":{\"tax_per_mu\":60}}",
          null),
      new Output("site finder (form)", "POST", "/api/sites/find", "/api/sites/find", null, List.of("json"), Access.everyone,
          NOTHING, ROLL_UPS, "{\"zone\":\"{Z}\"}", null),
      get("audit", "/api/audit", "/api/audit", "format", TABLE, Access.admin, NOTHING, ROLL_UPS),
      get("backup", "/api/admin/backup", "/api/admin/backup", null, List.of("binary"), Access.admin, NOTHING, ROLL_UPS));

  /**
   * A route that changes data: who may call it (every role below is refused with 401 or 403 before
   * anything is written) and why its answer holds nothing the caller may not see. Writes are not run
   * as cells: they would change the fixture; the editing, evaluation and import tests run them.
   */
  record Write(String method, String template, String sample, Access access, String why) {
    @Override
    public String toString() {
      return method + " " + sample;
    }
  }

  private static final String FEATURE = "answers the feature as written: the layer catalog holds no figure column";

  static final List<Write> WRITES = List.of(
      new Write("POST", "/api/login", "/api/login", Access.everyone, "answers the caller's own token and role"),
      new Write("POST", "/api/logout", "/api/logout", Access.everyone, "ends the caller's own session"),
      new Write("POST", "/collections/{id}/items", "/collections/parcels/items", Access.land_officer, FEATURE),
      new Write("POST", "/collections/{id}/items", "/collections/industrial-parks/items", Access.planner, FEATURE),
      new Write("PUT", "/collections/{id}/items/{fid}", "/collections/parcels/items/{KP}", Access.land_officer, FEATURE),
      new Write("PATCH", "/collections/{id}/items/{fid}", "/collections/parcels/items/{KP}", Access.land_officer, FEATURE),
      new Write("PATCH", "/collections/{id}/items/{fid}", "/collections/enterprises/items/{K}", Access.land_officer, FEATURE),
      new Write("PATCH", "/collections/{id}/items/{fid}", "/collections/industrial-parks/items/{P}", Access.planner, FEATURE),
      new Write("DELETE", "/collections/{id}/items/{fid}", "/collections/parcels/items/{KP}", Access.land_officer,
          "answers nothing (204)"),
      new Write("POST", "/collections/{id}/items/{fid}/revert", "/collections/parcels/items/{KP}/revert",
          Access.land_officer, FEATURE),
      new Write("POST", "/collections/{id}/items/{fid}/split", "/collections/parcels/items/{KP}/split",
          Access.land_officer, FEATURE),
      new Write("POST", "/collections/{id}/items/{fid}/merge", "/collections/parcels/items/{KP}/merge",
          Access.land_officer, FEATURE),
      new Write("POST", "/api/efficiency/evaluation/notice", "/api/efficiency/evaluation/notice", Access.land_officer,
          "answers the evaluation's state, which officers read in full anyway"),
      new Write("POST", "/api/efficiency/evaluation/objections", "/api/efficiency/evaluation/objections",
          Access.land_officer, "answers the objection recorded"),
      new Write("POST", "/api/efficiency/evaluation/objections/{id}/decision",
          "/api/efficiency/evaluation/objections/1/decision", Access.land_officer, "answers the decision recorded"),
      new Write("POST", "/api/efficiency/evaluation/publish", "/api/efficiency/evaluation/publish", Access.land_officer,
          "answers the published list's revision"),
      new Write("POST", "/api/efficiency/evaluation/revisions", "/api/efficiency/evaluation/revisions",
          Access.land_officer, "answers the revision recorded"),
      new Write("POST", "/api/efficiency/items", "/api/efficiency/items", Access.land_officer, "answers the item recorded"),
      new Write("DELETE", "/api/efficiency/items", "/api/efficiency/items?enterprise={K}&year=2024&code=x",
          Access.land_officer, "answers the item removed"),
      new Write("POST", "/api/imports/figures", "/api/imports/figures", Access.land_officer,
          "answers the import's report: row counts and the rows refused, to the officer who sent them"),
      new Write("POST", "/api/imports/parcels", "/api/imports/parcels", Access.admin,
          "answers the import's report: counts and the features refused, to the administrator who sent them"));

  /** GET routes with no output of data a role could see more or less of, each with the reason. */
  static final Map<String, String> EXEMPT = Map.of(
      "/health", "liveness: a fixed word",
      "/ready", "readiness: database and index state",
      "/metrics", "request counts and timings (Prometheus), no data",
      "/api/me", "the caller's own name and role",
      "/api/client-config", "basemap keys and the 审图号, the same for everyone",
      "/basemap/demo.geojson", "the schematic demo basemap, a static file",
      "/basemap/tiles.json", "the offline basemap package's TileJSON",
      "/basemap/tiles/{z}/{x}/{y}", "the offline basemap package's tiles");
}
