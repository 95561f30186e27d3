package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import zoneatlas.auth.ConfidentialityTable.Access;
import zoneatlas.auth.ConfidentialityTable.Output;
import zoneatlas.auth.ConfidentialityTable.Secret;
import zoneatlas.efficiency.Indicator;
import zoneatlas.efficiency.Level;
import zoneatlas.efficiency.Targets;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.tiles.WebMercatorQuad;

/**
 * The confidentiality matrix (issue 15): every output of {@link ConfidentialityTable} × each
 * format it writes × every role, through the real app. The store is first given an industrial
 * park left with one reporting enterprise whose figures are unmistakable numbers, so the park, its
 * trend and its target must be withheld from roles below land officer (fewer than 3 enterprises)
 * and must show for land officers and administrators: each cell can fail both ways. A GET route
 * the table does not name, or a format value a route accepts that the table does not run, fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConfidentialityMatrixContract {
  /** A store of the test's own holding the demo data: the fixture writes to it. */
  abstract SqlStore newStore();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory GF = new GeometryFactory();
  /**
   * The fixture enterprise's yearly figures (万元, 吨标准煤): below 10^7 so that Java writes them
   * without an exponent, large enough that every ratio on the park's or parcel's land keeps five
   * digits before the point, which no other figure of the demo data reaches by chance.
   */
  static final double TAX = 9753186, REVENUE = 8642097, VALUE_ADDED = 6420975, ENERGY = 7531864;
  /** The figure fields whose names lower roles never see in an output without figures. */
  static final List<String> CONFIDENTIAL_FIELDS = List.of("tax_wan", "revenue_wan", "value_added_wan", "energy_tce");
  private static final Role[] ROLES = Role.values();

  SqlStore store;
  TestServer server;
  final Map<Role, String> tokens = new TreeMap<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Placeholder values of the samples. */
  final Map<String, String> fixture = new LinkedHashMap<>();
  /** Numbers only the fixture's withheld cells hold, as they may be written (see {@link #numberForms}). */
  final Set<String> figureNeedles = new TreeSet<>();
  Pattern figurePattern;
  Pattern enterprisePattern;
  Pattern lowClassPattern;
  Pattern fieldPattern;

  @BeforeAll
  void start() throws Exception {
    store = newStore();
    prepareFixture();
    server = new TestServer(store, Map.of());
    for (Role r : ROLES) {
      tokens.put(r, r == Role.anonymous ? null : server.token(r.name()));
    }
    collectNeedles();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the fixture: a park of one reporting enterprise

  /**
   * The industrial park with the fewest reporting enterprises (at least 3, so it was published)
   * holding an industrial parcel of an enterprise with all its land in the park: every other
   * enterprise on the park's land loses its figures, that one gets {@link #TAX} etc.
   */
  private void prepareFixture() throws Exception {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      // a park of a zone whose plans set its parks a target per mu, so the target's actual rests on it too
      Set<String> targetZones = new TreeSet<>();
      for (Targets.Target t : Targets.load().all()) {
        if (t.indicator() != null && t.levels().contains(Level.industrial_park)
            && t.indicator().key(Indicator.Unit.mu).matches("(tax|revenue|value_added)_per_mu")) {
          targetZones.addAll(t.zones());
        }
      }
      List<String[]> parks = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT p.zone, p.park, COUNT(DISTINCT lu.enterprise_id) AS n FROM parcels p"
              + " JOIN land_uses lu ON lu.parcel_id = p.id"
              + " WHERE p.park IS NOT NULL AND EXISTS (SELECT 1 FROM enterprise_figures f WHERE f.enterprise_id = lu.enterprise_id)"
              + " GROUP BY p.zone, p.park HAVING COUNT(DISTINCT lu.enterprise_id) >= 3 ORDER BY n, p.park");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (targetZones.contains(rs.getString(1))) {
            parks.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      String zone = null, park = null, ent = null, parcel = null;
      for (String[] zp : parks) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT lu.enterprise_id, lu.parcel_id FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id"
                + " JOIN enterprises e ON e.id = lu.enterprise_id"
                + " WHERE p.park = ? AND p.land_use_code LIKE '1001%' AND p.status = 'in_use' AND lu.role = 'owner'"
                + " AND e.founded_year < 2018"
                + " AND EXISTS (SELECT 1 FROM enterprise_figures f WHERE f.enterprise_id = lu.enterprise_id)"
                + " AND NOT EXISTS (SELECT 1 FROM land_uses l2 JOIN parcels p2 ON p2.id = l2.parcel_id"
                + "   WHERE l2.enterprise_id = lu.enterprise_id AND (p2.park IS NULL OR p2.park <> ?))"
                + " ORDER BY p.area_mu * lu.share DESC, lu.enterprise_id LIMIT 1")) {
          ps.setString(1, zp[1]);
          ps.setString(2, zp[1]);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              zone = zp[0];
              park = zp[1];
              ent = rs.getString(1);
              parcel = rs.getString(2);
              break;
            }
          }
        }
      }
      assertNotNull(park, "no park with a fixture enterprise");
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM enterprise_figures WHERE enterprise_id <> ? AND enterprise_id IN"
          + " (SELECT lu.enterprise_id FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id WHERE p.park = ?)")) {
        ps.setString(1, ent);
        ps.setString(2, park);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE enterprise_figures SET tax_wan = ?, revenue_wan = ?, value_added_wan = ?, energy_tce = ? WHERE enterprise_id = ?")) {
        ps.setDouble(1, TAX);
        ps.setDouble(2, REVENUE);
        ps.setDouble(3, VALUE_ADDED);
        ps.setDouble(4, ENERGY);
        ps.setString(5, ent);
        assertTrue(ps.executeUpdate() > 0);
      }
      String uscc;
      try (PreparedStatement ps = c.prepareStatement("SELECT uscc FROM enterprises WHERE id = ?")) {
        ps.setString(1, ent);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          uscc = rs.getString(1);
        }
      }
      double lon, lat;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM parcels WHERE id = ?")) {
        ps.setString(1, parcel);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          lon = rs.getDouble(1);
          lat = rs.getDouble(2);
        }
      }
      String other;
      try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM parcels WHERE park = ? AND id <> ?")) {
        ps.setString(1, park);
        ps.setString(2, parcel);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          other = rs.getString(1);
        }
      }
      c.commit();
      int z = 14;
      long n = 1L << z;
      double fx = (WebMercatorQuad.x(lon) + WebMercatorQuad.HALF) / (2 * WebMercatorQuad.HALF);
      double fy = (WebMercatorQuad.HALF - WebMercatorQuad.y(lat)) / (2 * WebMercatorQuad.HALF);
      fixture.put("{Z}", zone);
      fixture.put("{P}", park);
      fixture.put("{K}", ent);
      fixture.put("{USCC}", uscc);
      fixture.put("{KP}", parcel);
      fixture.put("{KP2}", other);
      fixture.put("{LON}", BigDecimal.valueOf(lon).setScale(7, java.math.RoundingMode.HALF_UP).toPlainString());
      fixture.put("{LAT}", BigDecimal.valueOf(lat).setScale(7, java.math.RoundingMode.HALF_UP).toPlainString());
      fixture.put("{TZ}", String.valueOf(z));
      fixture.put("{TY}", String.valueOf((long) Math.floor(fy * n)));
      fixture.put("{TX}", String.valueOf((long) Math.floor(fx * n)));
      fixture.put("{INF}", "xxetdz-inf-jingliu-lu");
      fixture.put("{DOC}", "000_8e3b18d49bf5da6c.txt");
      System.out.println("confidentiality matrix fixture: " + fixture);
    }
  }

  /**
   * What only the fixture's withheld cells hold, read as an administrator: the enterprise's own
   * figures, and the park's, the parcel's and the enterprise's roll-ups and ratios, trends and
   * target actuals.
   */
  private void collectNeedles() throws Exception {
    String admin = tokens.get(Role.admin);
    List<Double> values = new ArrayList<>(List.of(TAX, REVENUE, VALUE_ADDED, ENERGY));
    String z = fixture.get("{Z}");
    String p = fixture.get("{P}");
    collectRow(values, "/api/efficiency/indicators?level=industrial-park&zone=" + z, p, admin, true);
    collectRow(values, "/api/efficiency/indicators?level=parcel&zone=" + z, fixture.get("{KP}"), admin, true);
    collectRow(values, "/api/efficiency/indicators?level=enterprise&zone=" + z, fixture.get("{K}"), admin, true);
    collectRow(values, "/api/efficiency/trend?level=industrial-park&zone=" + z, p, admin, true);
    collectRow(values, "/api/efficiency/trend?level=industrial-park&indicator=revenue_per_mu&zone=" + z, p, admin, true);
    JsonNode targets = json("/api/efficiency/targets", admin);
    int withTarget = values.size();
    for (JsonNode r : targets.get("rows")) {
      if (p.equals(r.path("id").asText()) && r.path("actual").isNumber() && Math.abs(r.get("actual").asDouble()) >= 10_000) {
        values.add(r.get("actual").asDouble());
      }
    }
    assertTrue(values.size() > withTarget, "the park's target actual, for an administrator");
    for (double v : values) {
      figureNeedles.addAll(numberForms(v));
    }
    assertFalse(figureNeedles.isEmpty());
    figurePattern = Pattern.compile(figureNeedles.stream().map(ConfidentialityMatrixContract::numberRegex)
        .reduce((a, b) -> a + "|" + b).orElseThrow());
    enterprisePattern = Pattern.compile(Pattern.quote(fixture.get("{K}")) + "(?!\\d)|" + Pattern.quote(fixture.get("{USCC}")));
    lowClassPattern = Pattern.compile("low_class|低效企业用地|Occupied by a low-class enterprise");
    List<String> names = new ArrayList<>(CONFIDENTIAL_FIELDS);
    for (Layer l : LayerCatalog.load().all()) {
      for (Column c : l.columns()) {
        if (c.confidential()) {
          names.add(c.name());
        }
      }
    }
    fieldPattern = Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", names) + ")(?![A-Za-z0-9_])");
    System.out.println("confidentiality matrix needles: " + figureNeedles);
  }

  /** Adds the figures of one row (by id) of a table the administrator reads; fails when the row has none. */
  private void collectRow(List<Double> out, String path, String id, String token, boolean required) throws Exception {
    JsonNode t = json(path, token);
    int before = out.size();
    for (JsonNode r : t.get("rows")) {
      if (!id.equals(r.path("id").asText())) {
        continue;
      }
      r.properties().forEach(e -> {
        String k = e.getKey();
        boolean figure = k.contains("tax") || k.contains("revenue") || k.contains("value_added") || k.contains("energy")
            || k.matches("y\\d{4}");
        if (figure && e.getValue().isNumber() && Math.abs(e.getValue().asDouble()) >= 10_000) {
          out.add(e.getValue().asDouble());
        }
      });
    }
    if (required) {
      assertTrue(out.size() > before, "no figure of " + id + " in " + path + " for an administrator");
    }
  }

  /** A number as the outputs may write it: the integer part (floor and rounded), plain and grouped. */
  static Set<String> numberForms(double v) {
    Set<String> s = new LinkedHashSet<>();
    double a = Math.abs(v);
    if (a < 10_000) {
      return s;
    }
    DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    for (long i : new long[] {(long) Math.floor(a), Math.round(a)}) {
      s.add(Long.toString(i));
      s.add(grouped.format(i));
    }
    return s;
  }

  /** The number not inside another one: no digit or decimal point before it, no digit after. */
  private static String numberRegex(String n) {
    return "(?<![0-9.])" + Pattern.quote(n) + "(?![0-9])" + (n.contains(",") ? "(?!,[0-9])" : "");
  }

  // ---------------------------------------------------------------------------------------------
  // the cells

  record MatrixCell(Output output, String format, Role role) {
    @Override
    public String toString() {
      return output.name() + " [" + format + "] as " + role;
    }
  }

  static Stream<MatrixCell> cells() {
    List<MatrixCell> out = new ArrayList<>();
    for (Output o : ConfidentialityTable.OUTPUTS) {
      for (String f : o.formats()) {
        for (Role r : ROLES) {
          out.add(new MatrixCell(o, f, r));
        }
      }
    }
    return out.stream();
  }

  String fill(String s) {
    for (Map.Entry<String, String> e : fixture.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    assertFalse(s.matches(".*\\{[A-Z0-9]+\\}.*"), "placeholder left in " + s);
    return s;
  }

  String request(Output o, String format) {
    String path = fill(o.sample());
    if (o.formatParam() != null) {
      path += (path.contains("?") ? "&" : "?") + o.formatParam() + "=" + format;
    }
    return path;
  }

  HttpResponse<byte[]> send(String method, String path, String body, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(120));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type",
          "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  JsonNode json(String path, String token) throws Exception {
    HttpResponse<byte[]> r = send("GET", path, null, token);
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
    return JSON.readTree(r.body());
  }

  /** The text a reader of the body sees: cells of a workbook, text of a PDF, properties of a tile. */
  static String text(String format, byte[] body) throws Exception {
    switch (format) {
      case "xlsx": {
        StringBuilder sb = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(body))) {
          for (Sheet sh : wb) {
            sb.append(sh.getSheetName()).append('\n');
            for (Row row : sh) {
              for (Cell c : row) {
                CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
                if (t == CellType.NUMERIC) {
                  sb.append(BigDecimal.valueOf(c.getNumericCellValue()).toPlainString());
                } else if (t == CellType.STRING) {
                  sb.append(c.getStringCellValue());
                } else if (t == CellType.BOOLEAN) {
                  sb.append(c.getBooleanCellValue());
                }
                sb.append('\t');
              }
              sb.append('\n');
            }
          }
        }
        return sb.toString();
      }
      case "pdf": {
        try (PDDocument d = Loader.loadPDF(body)) {
          return new PDFTextStripper().getText(d);
        }
      }
      case "mvt": {
        StringBuilder sb = new StringBuilder();
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(body), GF, new TagKeyValueMapConverter(false, "$mvt_id"),
            MvtReader.RING_CLASSIFIER_V2_1);
        for (JtsLayer l : mvt.getLayers()) {
          sb.append(l.getName()).append('\n');
          for (Geometry g : l.getGeometries()) {
            sb.append(g.getUserData()).append('\n');
          }
        }
        return sb.toString();
      }
      default:
        return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final Map<String, String> TYPES = Map.of("json", "json", "geojson", "json", "html", "text/html", "csv",
      "text/csv", "xlsx", "spreadsheetml", "pdf", "application/pdf", "mvt", "mapbox-vector-tile", "svg", "image/svg+xml");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cell(MatrixCell cell) throws Exception {
    Output o = cell.output();
    Role role = cell.role();
    String path = request(o, cell.format());
    String where = cell + ": " + o.method() + " " + path;
    boolean allowed = allowed(o.access(), role);
    HttpResponse<byte[]> r = send(o.method(), path, o.body() == null ? null : fill(o.body()), tokens.get(role));
    if (!allowed) {
      assertTrue(r.statusCode() == 401 || r.statusCode() == 403,
          where + ": wanted 401/403, got " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      return;
    }
    if (o.name().equals("backup") && r.statusCode() == 501) {
      return; // on PostGIS the backup is pg_dump's, and the route says so
    }
    assertEquals(200, r.statusCode(), where + ": " + new String(r.body(), StandardCharsets.UTF_8));
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (TYPES.containsKey(cell.format())) {
      assertTrue(type.contains(TYPES.get(cell.format())), where + ": Content-Type " + type);
    }
    if (o.name().equals("backup")) {
      return; // the whole database, for administrators: its access is all this table says of it
    }
    String text = text(cell.format(), r.body());
    if (role.seesConfidential()) {
      for (Secret s : o.shown()) {
        if (o.shownIn() == null || o.shownIn().contains(cell.format())) {
          assertTrue(pattern(s).matcher(text).find(), where + ": " + s + " not shown to " + role);
        }
      }
    } else {
      for (Secret s : o.hidden()) {
        Matcher m = pattern(s).matcher(text);
        if (m.find()) {
          int from = Math.max(0, m.start() - 120);
          fail(where + ": " + s + " '" + m.group() + "' shown to " + role + " in …"
              + text.substring(from, Math.min(text.length(), m.end() + 60)).replace('\n', ' ') + "…");
        }
      }
    }
  }

  private Pattern pattern(Secret s) {
    return switch (s) {
      case figures -> figurePattern;
      case enterprise -> enterprisePattern;
      case low_class -> lowClassPattern;
      case field_names -> fieldPattern;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // the table is complete

  /**
   * Every route the app registers, whatever its method, is a row of the table, a write of it, or an
   * exempt GET with a reason; no row names a route that is gone. OPTIONS and HEAD answer headers only.
   */
  @Test
  void everyRouteIsInTheTable() {
    Set<String> registered = new TreeSet<>();
    server.app.unsafe.internalRouter.allHttpHandlers().forEach(e -> {
      HandlerType m = e.endpoint.method;
      // the landing page is a before-handler on "/" (the map page answers browsers there)
      if (m == HandlerType.BEFORE && !e.endpoint.path.contains("*")) {
        registered.add("GET " + e.endpoint.path);
      } else if (m.isHttpMethod() && m != HandlerType.OPTIONS && m != HandlerType.HEAD) {
        registered.add(m.name() + " " + e.endpoint.path);
      }
    });
    assertTrue(registered.size() > 50, "routes read from the router: " + registered);
    assertTrue(registered.stream().anyMatch(r -> r.startsWith("PATCH ")), "writes read from the router: " + registered);
    Set<String> table = new TreeSet<>();
    ConfidentialityTable.EXEMPT.keySet().forEach(k -> table.add("GET " + k));
    ConfidentialityTable.OUTPUTS.forEach(o -> table.add(o.method() + " " + o.template()));
    ConfidentialityTable.WRITES.forEach(w -> table.add(w.method() + " " + w.template()));
    Set<String> missing = new TreeSet<>(registered);
    missing.removeAll(table);
    assertEquals(Set.of(), missing,
        "routes not in ConfidentialityTable (add an output, a write with who may call it, or an exemption with its reason)");
    Set<String> gone = new TreeSet<>(table);
    gone.removeAll(registered);
    assertEquals(Set.of(), gone, "ConfidentialityTable names routes the app no longer has");
  }

  static Stream<ConfidentialityTable.Write> writes() {
    return ConfidentialityTable.WRITES.stream();
  }

  /**
   * Every role below a write's is refused (401 without a login, 403 with one) and nothing is
   * written: no data version moves, no change is recorded, no row appears.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void aWriteRefusesTheRolesBelowIt(ConfidentialityTable.Write w) throws Exception {
    String before = writtenState();
    int refused = 0;
    for (Role role : ROLES) {
      if (allowed(w.access(), role)) {
        continue;
      }
      HttpResponse<byte[]> r = send(w.method(), fill(w.sample()), "{}", tokens.get(role));
      int want = role == Role.anonymous ? 401 : 403;
      assertEquals(want, r.statusCode(), w + " as " + role + ": " + new String(r.body(), StandardCharsets.UTF_8));
      assertTrue(JSON.readTree(r.body()).isObject(), w + " as " + role + ": the refusal is a JSON document");
      refused++;
    }
    assertEquals(w.access() == Access.everyone ? 0 : Role.valueOf(w.access().name()).ordinal(), refused, w + ": roles refused");
    assertEquals(before, writtenState(), w + ": a refused write changed the database");
  }

  /** Whether a role may call a route of this access at all. */
  static boolean allowed(Access access, Role role) {
    return switch (access) {
      case everyone -> true;
      case planner -> role.atLeast(Role.planner);
      case land_officer -> role.seesConfidential();
      case admin -> role == Role.admin;
    };
  }

  /** What a write leaves behind: the meta rows (data versions among them) and the rows of every table a write adds to. */
  private String writtenState() throws Exception {
    StringBuilder b = new StringBuilder();
    try (Connection c = store.connection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM meta ORDER BY 1");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          b.append(rs.getString(1)).append('=').append(rs.getString(2)).append('\n');
        }
      }
      for (String t : List.of("changes", "feature_changes", "parcels", "parcels_history", "enterprises",
          "enterprises_history", "plan_features", "plan_features_history", "enterprise_figures", "evaluation_lists",
          "evaluation_objections", "evaluation_decisions", "enterprise_items")) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t);
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          b.append(t).append(' ').append(rs.getLong(1)).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static final Pattern ALLOWED = Pattern.compile("must be (?:one of )?(.+?)(?:, got '|$)");
  /** "the form schema is JSON only (f=json)" */
  private static final Pattern ONLY = Pattern.compile("only \\((?:f|format)=(\\w+)\\)");

  /**
   * The formats a route accepts, asked of the route itself (an unknown value names the ones it
   * takes), equal the formats the table runs for that route; a route without a format parameter in
   * the table takes neither {@code format} nor {@code f}.
   */
  @Test
  void everyFormatARouteAcceptsIsInTheTable() throws Exception {
    Map<String, Set<String>> declared = new TreeMap<>();
    Map<String, Output> sample = new LinkedHashMap<>();
    for (Output o : ConfidentialityTable.OUTPUTS) {
      for (String param : new String[] {"format", "f"}) {
        String key = o.method() + " " + o.template() + " " + param;
        declared.computeIfAbsent(key, k -> new TreeSet<>());
        if (param.equals(o.formatParam())) {
          declared.get(key).addAll(o.formats());
        }
        sample.putIfAbsent(key, o);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Output> e : sample.entrySet()) {
      Output o = e.getValue();
      String param = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
      String path = fill(o.sample());
      path += (path.contains("?") ? "&" : "?") + param + "=" + URLEncoder.encode("no-such-format", StandardCharsets.UTF_8);
      HttpResponse<byte[]> r = send(o.method(), path, o.body() == null ? null : fill(o.body()), tokens.get(Role.admin));
      Set<String> accepted = new TreeSet<>();
      if (r.statusCode() == 400) {
        JsonNode err = JSON.readTree(r.body());
        if (param.equals(err.path("parameter").asText()) && !err.path("code").asText().equals("UnknownParameter")) {
          String d = err.path("description").asText();
          Matcher only = ONLY.matcher(d);
          Matcher m = ALLOWED.matcher(d);
          if (only.find()) {
            accepted.add(only.group(1));
          } else {
            assertTrue(m.find(), e.getKey() + ": " + err);
            for (String v : m.group(1).split(", | or ")) {
              accepted.add(v.trim());
            }
          }
          accepted.remove("text/html"); // f=text/html is the same HTML as f=html
        }
      }
      Set<String> want = declared.get(e.getKey());
      if (!accepted.equals(want)) {
        problems.add(e.getKey() + ": the route takes " + accepted + ", the table runs " + want);
      }
    }
    assertEquals(List.of(), problems);
  }

  // ---------------------------------------------------------------------------------------------
  // the fixture is what the cells assume

  /** The park is listed for everyone, its figures withheld below land officer and shown above. */
  @Test
  void theFixtureParkIsWithheldForLowerRolesAndShownToOfficers() throws Exception {
    String path = "/api/efficiency/indicators?level=industrial-park&zone=" + fixture.get("{Z}");
    for (Role role : ROLES) {
      JsonNode row = null;
      for (JsonNode r : json(path, tokens.get(role)).get("rows")) {
        if (fixture.get("{P}").equals(r.path("id").asText())) {
          row = r;
        }
      }
      assertNotNull(row, role + " sees the park listed");
      if (role.seesConfidential()) {
        assertTrue(row.path("tax_wan").isNumber(), role + ": " + row);
      } else {
        assertTrue(row.path("suppressed").asBoolean(), role + ": " + row);
        assertTrue(row.path("tax_wan").isNull() && row.path("tax_per_mu").isNull(), role + ": " + row);
      }
    }
  }

  @Test
  void needlesAreNumbersNoPublicOutputHoldsByChance() {
    assertTrue(numberForms(TAX).contains("9753186") && numberForms(TAX).contains("9,753,186"));
    assertTrue(figurePattern.matcher("\"tax_wan\":9753186.0,").find());
    assertTrue(figurePattern.matcher(",9,753,186.00\n").find());
    assertFalse(figurePattern.matcher("114.9753186").find(), "a coordinate's digits are not a figure");
    assertFalse(figurePattern.matcher("19753186").find());
    assertTrue(Arrays.stream(ROLES).anyMatch(r -> !r.seesConfidential()));
  }
}
