package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import zoneatlas.testing.FaultyStore;
import zoneatlas.testing.TestServer;

/**
 * Issue 15, part 3: a write that breaks half-way leaves the database exactly as it was, whatever
 * breaks and wherever. Table-driven: every write path of the HTTP API (the editing of features,
 * both parcel imports, the figure import, the annual evaluation and its items) × every kind of
 * fault (a failing statement, a connection reported lost with SQLState 08006, a connection really
 * closed under the write, an Error) × where it hits (the write's first statement that changes
 * something, one in the middle, the last before the commit, the commit itself). Each case compares
 * every row of every table ({@link DatabaseContents}) before and after, and wants a JSON 5xx that
 * tells no internals, no new change record in the audit trail and the same data version.
 *
 * <p>Each path prepares its state once (a parcel deleted to make room, a list put on notice...) and
 * then sends the same request for every fault: since a failed write leaves nothing, the request is
 * valid again each time. {@link #eachWriteSucceedsWhenNothingBreaks} runs last and proves each
 * request was a valid write, so the 5xx came from the fault, not from the request; it prints the
 * statements each write runs, which is where the patterns below were read from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RollbackContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MERGE = "application/merge-patch+json";
  static final String GEOJSON = "application/geo+json";

  SqlStore store;
  FaultyStore faulty;
  TestServer server;
  final MovableClock clock = new MovableClock(Instant.now());
  String officer;
  String admin;
  private final Map<String, Req> prepared = new LinkedHashMap<>();
  /** Zones of the parcels other paths' requests name: the replace-zone import keeps out of them. */
  private final java.util.Set<String> usedZones = new java.util.TreeSet<>();
  /** What the last case that passed left, or null. */
  private DatabaseContents lastContents;
  private final AtomicInteger nextParcel = new AtomicInteger();

  /** A store of this class's own, loaded with the demo data. */
  abstract SqlStore writableStore();

  /** The faults this store can meet. */
  List<Fault> faults() {
    return List.of(Fault.values());
  }

  @BeforeAll
  void start() {
    store = writableStore();
    faulty = new FaultyStore(store);
    server = new TestServer(faulty, Map.of(), clock);
    officer = server.token("land_officer");
    admin = server.token("admin");
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

  // ---- the table ---------------------------------------------------------------------------------

  /** What breaks. */
  enum Fault {
    STATEMENT("a failing statement"),
    LOST("a lost connection (SQLState 08006)"),
    CLOSED("the connection closed under the write"),
    ERROR("an Error");

    final String words;

    Fault(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /** Where it breaks. */
  enum Point {
    FIRST("at its first change"),
    MIDDLE("half-way"),
    LAST("at its last statement"),
    COMMIT("at the commit");

    final String words;

    Point(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /** A statement chosen by its SQL: the {@code nth} one matching {@code regex}. */
  record At(String regex, int nth) {
    static At of(String regex) {
      return new At(regex, 1);
    }

    Predicate<String> predicate() {
      Pattern p = Pattern.compile(regex);
      AtomicInteger seen = new AtomicInteger();
      return sql -> p.matcher(sql).find() && seen.incrementAndGet() == nth;
    }
  }

  /** A request as sent; {@code ok} the status it gets when nothing breaks. */
  record Req(String method, String path, String body, String token, int ok, String... headers) {}

  @FunctionalInterface
  interface Prep {
    Req make(RollbackContract t) throws Exception;
  }

  /** One write path: how to make its request, and its first, middle and last statements. */
  record Write(String name, Prep prep, At first, At middle, At last) {
    At at(Point p) {
      return switch (p) {
        case FIRST -> first;
        case MIDDLE -> middle;
        case LAST -> last;
        case COMMIT -> new At("^" + FaultyStore.COMMIT + "$", 1);
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  // Statements every recorded write runs: its change record first, the data version last.
  static final At CHANGE = At.of("INSERT INTO changes");
  static final At FEATURE_CHANGE = At.of("INSERT INTO feature_changes");
  static final At VERSION = At.of("(?i)(MERGE INTO|INSERT INTO) meta\\b");
  /** The parcel imports and the figure import set two meta keys: the data version, then when they ran. */
  static final At SECOND_META = new At("(?i)(MERGE INTO|INSERT INTO) meta\\b", 2);

  static final List<Write> WRITES = List.of(
      new Write("create a parcel", RollbackContract::createParcel, CHANGE, At.of("INSERT INTO parcels \\("), VERSION),
      new Write("replace a parcel (PUT)", RollbackContract::replaceParcel, CHANGE, At.of("INSERT INTO parcels_history"),
          VERSION),
      new Write("patch a parcel", RollbackContract::patchParcel, CHANGE, At.of("UPDATE parcels SET"), VERSION),
      new Write("delete a parcel with land uses", RollbackContract::deleteParcel, CHANGE, At.of("DELETE FROM parcels"),
          VERSION),
      new Write("revert a parcel", RollbackContract::revertParcel, CHANGE, At.of("INSERT INTO parcels_history"), VERSION),
      new Write("split a parcel", RollbackContract::splitParcel, CHANGE, new At("INSERT INTO parcels \\(", 2), VERSION),
      new Write("merge two parcels", RollbackContract::mergeParcels, CHANGE, At.of("DELETE FROM parcels"), VERSION),
      new Write("create an enterprise", RollbackContract::createEnterprise, CHANGE, At.of("INSERT INTO land_uses"),
          VERSION),
      new Write("patch an enterprise", RollbackContract::patchEnterprise, CHANGE, At.of("UPDATE enterprises SET"),
          VERSION),
      new Write("patch a plan feature", RollbackContract::patchPlanFeature, CHANGE, At.of("UPDATE plan_features SET"),
          VERSION),
      new Write("replace an enterprise (PUT)", RollbackContract::replaceEnterprise, CHANGE,
          At.of("INSERT INTO enterprises_history"), VERSION),
      new Write("delete an enterprise with land uses", RollbackContract::deleteEnterprise, CHANGE,
          At.of("DELETE FROM enterprises"), VERSION),
      new Write("replace a plan feature (PUT)", RollbackContract::replacePlanFeature, CHANGE,
          At.of("INSERT INTO plan_features_history"), VERSION),
      new Write("delete a plan feature", RollbackContract::deletePlanFeature, CHANGE, At.of("DELETE FROM plan_features"),
          VERSION),
      new Write("import parcels (append)", RollbackContract::importAppend, CHANGE, At.of("INSERT INTO parcels \\("),
          SECOND_META),
      new Write("import parcels (replace-zone)", RollbackContract::importReplaceZone, CHANGE,
          At.of("DELETE FROM parcels"), SECOND_META),
      new Write("import figures", RollbackContract::importFigures, At.of("UPDATE enterprise_figures"),
          At.of("INSERT INTO enterprise_figures"), SECOND_META),
      new Write("put a list on notice", RollbackContract::notice, CHANGE, At.of("INSERT INTO evaluation_entries"),
          VERSION),
      new Write("record an objection", RollbackContract::objection, CHANGE, At.of("INSERT INTO evaluation_objections"),
          VERSION),
      new Write("decide an objection", RollbackContract::decision, CHANGE, At.of("INSERT INTO evaluation_decisions"),
          VERSION),
      new Write("publish a list", RollbackContract::publish, CHANGE, At.of("INSERT INTO evaluation_entries"), VERSION),
      new Write("revise a published list", RollbackContract::revise, CHANGE, At.of("INSERT INTO evaluation_lists"),
          VERSION),
      new Write("add an evaluation item", RollbackContract::addItem, CHANGE, At.of("INSERT INTO enterprise_items"),
          VERSION),
      new Write("remove an evaluation item", RollbackContract::removeItem, CHANGE, At.of("DELETE FROM enterprise_items"),
          VERSION));

  /**
   * Every path × fault, each at one point, the points taken in turn so every fault meets every point
   * over the paths (the suite's run: a full snapshot of every table per case makes the whole
   * product of path × fault × point take longer than the rest of the suite); {@code -Drollback.all=true}
   * runs every path × fault × point. {@code -Drollback.only=REGEX} keeps the cases whose name it
   * finds (to rerun a few).
   */
  Stream<Arguments> cases() {
    Pattern only = Pattern.compile(System.getProperty("rollback.only", ""));
    boolean all = Boolean.getBoolean("rollback.all");
    List<Arguments> out = new ArrayList<>();
    Point[] points = Point.values();
    for (int wi = 0; wi < WRITES.size(); wi++) {
      Write w = WRITES.get(wi);
      for (Fault f : faults()) {
        for (Point p : points) {
          boolean taken = all || p == points[(wi + f.ordinal()) % points.length];
          if (taken && only.matcher(w + ": " + f + " " + p).find()) {
            out.add(Arguments.of(w, f, p));
          }
        }
      }
    }
    return out.stream();
  }

  // ---- the tests ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("cases")
  @Order(1)
  void aWriteThatBreaksLeavesTheDatabaseExactlyAsItWas(Write w, Fault fault, Point point) throws Exception {
    boolean fresh = !prepared.containsKey(w.name());
    Req r = request(w);
    // reading every table is most of a case's time: the previous case of the same path left the
    // database as its own snapshot showed it, so that snapshot is this case's "before"
    DatabaseContents before = fresh || lastContents == null ? contents() : lastContents;
    lastContents = null;
    String version = dataVersion();
    long changes = changeCount();
    Predicate<String> at = w.at(point).predicate();
    switch (fault) {
      case STATEMENT -> faulty.failOnce(at, () -> new SQLException("injected: statement failed", "XX000"));
      case LOST -> faulty.failOnce(at, () -> new SQLException("injected: connection reset by peer", "08006"));
      case CLOSED -> faulty.dropConnectionOnce(at);
      case ERROR -> faulty.failOnce(at, () -> new OutOfMemoryError("injected: Java heap space"));
    }
    HttpResponse<String> got;
    try {
      got = send(r);
    } finally {
      boolean reached = !faulty.armed();
      faulty.disarm();
      assertTrue(reached, w + ": the write never ran " + w.at(point) + " (the pattern is stale?)");
    }
    String what = w + ", " + fault + " " + point;
    // the data first: what a broken write leaves matters more than how it is answered
    assertEquals(version, dataVersion(), what + ": the data version did not move");
    assertEquals(changes, changeCount(), what + ": no change record in the audit trail");
    DatabaseContents after = contents();
    after.assertSameAs(before, what);
    lastContents = after;
    assertTrue(got.statusCode() >= 500 && got.statusCode() < 600, what + ": a 5xx, got " + got.statusCode() + " " + got.body());
    assertTrue(got.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        what + ": a JSON answer, got " + got.headers().firstValue("Content-Type") + " " + got.body());
    JsonNode body = JSON.readTree(got.body());
    assertFalse(body.path("code").asText().isEmpty(), what + ": the error has a code: " + got.body());
    for (String leak : List.of("injected", "Exception", "Error:", "\tat ", "zoneatlas.", "java.")) {
      assertFalse(got.body().contains(leak), what + ": the answer tells internals (" + leak + "): " + got.body());
    }
  }

  /** Runs last: each request was a valid write (so the 5xx above came from the fault). */
  @Test
  @Order(2)
  void eachWriteSucceedsWhenNothingBreaks() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Write w : WRITES) {
      Req r = request(w);
      String version = dataVersion();
      long changes = changeCount();
      List<String> trace = new ArrayList<>();
      faulty.trace(sql -> trace.add(firstLine(sql)));
      HttpResponse<String> got;
      try {
        got = send(r);
      } finally {
        faulty.trace(null);
      }
      List<String> shown = trace.size() <= 40 ? trace : new ArrayList<>(trace.subList(0, 30));
      if (shown != trace) {
        shown.add("… " + (trace.size() - 40) + " more …");
        shown.addAll(trace.subList(trace.size() - 10, trace.size()));
      }
      System.out.println("[rollback] " + w + " -> " + got.statusCode() + "; statements:\n  " + String.join("\n  ", shown));
      if (got.statusCode() != r.ok()) {
        failures.add(w + ": " + got.statusCode() + " " + got.body());
        continue;
      }
      if (!w.name().startsWith("import figures") && changeCount() != changes + 1) {
        failures.add(w + ": " + (changeCount() - changes) + " change records, not 1");
      }
      if (version.equals(dataVersion())) {
        failures.add(w + ": the data version did not move");
      }
      for (Point p : List.of(Point.FIRST, Point.MIDDLE, Point.LAST)) {
        Predicate<String> at = w.at(p).predicate();
        if (trace.stream().noneMatch(at)) {
          failures.add(w + ": no statement " + w.at(p) + " (" + p + ")");
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  // ---- the write paths' requests -----------------------------------------------------------------

  Req request(Write w) throws Exception {
    Req r = prepared.get(w.name());
    if (r == null) {
      r = w.prep().make(this);
      prepared.put(w.name(), r);
    }
    return r;
  }

  Req createParcel() throws Exception {
    Polygon room = makeRoom();
    return new Req("POST", "/collections/parcels/items", newParcelBody(shrunk(room, 0.8)), officer, 201,
        "Content-Type", GEOJSON, "X-Change-Reason", enc("新增地块"));
  }

  Req replaceParcel() throws Exception {
    String id = parcel("status = 'in_use'");
    JsonNode f = item("parcels", id);
    ((com.fasterxml.jackson.databind.node.ObjectNode) f.get("properties")).put("far", 2.25);
    ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("links");
    return new Req("PUT", "/collections/parcels/items/" + enc(id), f.toString(), officer, 200, "Content-Type", GEOJSON,
        "If-Match", etag("parcels", id));
  }

  Req patchParcel() throws Exception {
    String id = parcel("status = 'in_use'");
    return new Req("PATCH", "/collections/parcels/items/" + enc(id), "{\"properties\":{\"far\":4.4}}", officer, 200,
        "Content-Type", MERGE);
  }

  Req deleteParcel() throws Exception {
    String id = parcel("status = 'in_use' AND id IN (SELECT parcel_id FROM land_uses)");
    return new Req("DELETE", "/collections/parcels/items/" + enc(id), null, officer, 204, "X-Change-Reason", enc("收回"));
  }

  Req revertParcel() throws Exception {
    String id = parcel("status = 'in_use'");
    HttpResponse<String> p = send(new Req("PATCH", "/collections/parcels/items/" + enc(id), "{\"properties\":{\"far\":3.3}}",
        officer, 200, "Content-Type", MERGE));
    assertEquals(200, p.statusCode(), p.body());
    return new Req("POST", "/collections/parcels/items/" + enc(id) + "/revert", "{\"version\":1}", officer, 200,
        "Content-Type", "application/json", "X-Change-Reason", enc("录入错误，恢复"));
  }

  Req splitParcel() throws Exception {
    String id = parcel("status = 'in_use'");
    var env = geometry(item("parcels", id)).getEnvelopeInternal();
    double x = (env.getMinX() + env.getMaxX()) / 2;
    return new Req("POST", "/collections/parcels/items/" + enc(id) + "/split", "{\"line\":{\"type\":\"LineString\","
        + "\"coordinates\":[[" + x + "," + (env.getMinY() - 0.001) + "],[" + x + "," + (env.getMaxY() + 0.001) + "]]}}",
        officer, 200, "Content-Type", "application/json");
  }

  Req mergeParcels() throws Exception {
    String[] pair = adjacentPair();
    return new Req("POST", "/collections/parcels/items/" + enc(pair[0]) + "/merge", "{\"with\":[\"" + pair[1] + "\"]}",
        officer, 200, "Content-Type", "application/json");
  }

  Req createEnterprise() throws Exception {
    String p = parcel("status = 'available' AND id NOT IN (SELECT parcel_id FROM land_uses)");
    String uscc = "91410100MA9RBK123" + zoneatlas.demo.SynthUscc.checkChar("91410100MA9RBK123");
    return new Req("POST", "/collections/enterprises/items", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{"
        + "\"uscc\":\"" + uscc + "\",\"name_zh\":\"合成示例回滚企业\",\"land_uses\":[{\"parcel_id\":\"" + p
        + "\",\"role\":\"owner\",\"share\":1}]}}", officer, 201, "Content-Type", GEOJSON, "X-Change-Reason", enc("新入驻"));
  }

  Req patchEnterprise() throws Exception {
    String id = one("SELECT enterprise_id FROM land_uses ORDER BY enterprise_id LIMIT 1");
    return new Req("PATCH", "/collections/enterprises/items/" + enc(id), "{\"properties\":{\"name_en\":\"Renamed Co\"}}",
        officer, 200, "Content-Type", MERGE);
  }

  Req patchPlanFeature() throws Exception {
    String id = one("SELECT id FROM plan_features WHERE layer = 'industrial-parks' ORDER BY id LIMIT 1");
    return new Req("PATCH", "/collections/industrial-parks/items/" + enc(id), "{\"properties\":{\"name_en\":\"Renamed Park\"}}",
        admin, 200, "Content-Type", MERGE);
  }

  Req replaceEnterprise() throws Exception {
    // through a parcel of its own, so no other path (the replace-zone import) changes it first
    String p = parcel("status = 'in_use' AND id IN (SELECT parcel_id FROM land_uses)");
    String id = one("SELECT enterprise_id FROM land_uses WHERE parcel_id = '" + p.replace("'", "''")
        + "' ORDER BY enterprise_id LIMIT 1");
    return replaced("enterprises", id, "name_en", "Replaced Co", officer);
  }

  Req deleteEnterprise() throws Exception {
    // a firm of its own (demo firms have figures, which keep them): created, linked to free land
    String land = parcel("status = 'available' AND id NOT IN (SELECT parcel_id FROM land_uses)");
    HttpResponse<String> c = ok(createEnterpriseOn(land, "91410100MA9RBK456"));
    String id = JSON.readTree(c.body()).path("id").asText();
    return new Req("DELETE", "/collections/enterprises/items/" + enc(id), null, officer, 204, "If-Match",
        etag("enterprises", id), "X-Change-Reason", enc("迁出"));
  }

  Req replacePlanFeature() throws Exception {
    String id = one("SELECT id FROM plan_features WHERE layer = 'infrastructure' ORDER BY id LIMIT 1");
    return replaced("infrastructure", id, "name_en", "Replaced Project", admin);
  }

  Req deletePlanFeature() throws Exception {
    String id = one("SELECT id FROM plan_features WHERE layer = 'infrastructure' ORDER BY id DESC LIMIT 1");
    return new Req("DELETE", "/collections/infrastructure/items/" + enc(id), null, admin, 204, "If-Match",
        etag("infrastructure", id), "X-Change-Reason", enc("项目取消"));
  }

  /** A PUT of the feature as it is but one property, conditional on its ETag. */
  Req replaced(String collection, String id, String property, String value, String token) throws Exception {
    JsonNode f = item(collection, id);
    ((com.fasterxml.jackson.databind.node.ObjectNode) f.get("properties")).put(property, value);
    ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("links");
    return new Req("PUT", "/collections/" + collection + "/items/" + enc(id), f.toString(), token, 200, "Content-Type",
        GEOJSON, "If-Match", etag(collection, id));
  }

  Req createEnterpriseOn(String parcel, String usccStem) {
    String uscc = usccStem + zoneatlas.demo.SynthUscc.checkChar(usccStem);
    return new Req("POST", "/collections/enterprises/items", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{"
        + "\"uscc\":\"" + uscc + "\",\"name_zh\":\"合成示例回滚企业\",\"land_uses\":[{\"parcel_id\":\"" + parcel
        + "\",\"role\":\"owner\",\"share\":1}]}}", officer, 201, "Content-Type", GEOJSON, "X-Change-Reason", enc("新入驻"));
  }

  Req importAppend() throws Exception {
    Polygon a = makeRoom();
    Polygon b = makeRoom();
    String file = "{\"type\":\"FeatureCollection\",\"features\":[" + importFeature("RB-IMP-1", shrunk(a, 0.9)) + ","
        + importFeature("RB-IMP-2", shrunk(b, 0.9)) + "]}";
    return new Req("POST", "/api/imports/parcels?format=geojson", file, admin, 200, "Content-Type", GEOJSON,
        "X-Change-Reason", enc("2025年第3批供地台账"));
  }

  Req importReplaceZone() throws Exception {
    // a whole demo zone is thousands of parcels: a first replace-zone (which succeeds) leaves three,
    // two of them with land uses; the request under test brings back two, one changed, adds a new one
    // where a removed parcel was, and removes the third with its land uses (its enterprises change too)
    String zone = null;
    for (String z : list("SELECT zone FROM parcels GROUP BY zone ORDER BY COUNT(*), zone")) {
      if (!usedZones.contains(z) && zone == null) {
        zone = z;
      }
    }
    assertTrue(zone != null, "a zone no other path uses: " + usedZones);
    List<String> linked = list("SELECT id FROM parcels WHERE zone = '" + zone + "' AND id IN (SELECT parcel_id FROM land_uses)"
        + " ORDER BY id LIMIT 2");
    List<String> free = list("SELECT id FROM parcels WHERE zone = '" + zone + "' AND status = 'available'"
        + " AND id NOT IN (SELECT parcel_id FROM land_uses) ORDER BY id LIMIT 2");
    assertEquals(2, linked.size(), "two parcels with land uses in " + zone);
    assertEquals(2, free.size(), "two free parcels in " + zone);
    Polygon room = geometry(item("parcels", free.get(1)));
    String path = "/api/imports/parcels?format=geojson&mode=replace-zone&target_zone=" + enc(zone);
    String keep = "{\"type\":\"FeatureCollection\",\"features\":[" + importFeature(free.get(0), item("parcels", free.get(0)))
        + "," + importFeature(linked.get(0), item("parcels", linked.get(0))) + ","
        + importFeature(linked.get(1), item("parcels", linked.get(1))) + "]}";
    ok(new Req("POST", path, keep, admin, 200, "Content-Type", GEOJSON));
    String file = "{\"type\":\"FeatureCollection\",\"features\":[" + importFeature(free.get(0), item("parcels", free.get(0)))
        .replace("\"available\"", "\"supplied_not_used\"") + "," + importFeature(linked.get(0), item("parcels", linked.get(0))) + ","
        + importFeature("RB-NEW-1", shrunk(room, 0.9)) + "]}";
    return new Req("POST", path, file, admin, 200, "Content-Type", GEOJSON, "X-Change-Reason", enc("整区重测"));
  }

  Req importFigures() throws Exception {
    List<String> uscc = list("SELECT uscc FROM enterprises WHERE uscc IS NOT NULL ORDER BY id LIMIT 3");
    int year = Integer.parseInt(one("SELECT MAX(year) FROM enterprise_figures"));
    String csv = "uscc,year,tax_wan,revenue_wan\n" + uscc.get(0) + "," + year + ",12.5,300\n" + uscc.get(1) + "," + year
        + ",7,150\n" + uscc.get(2) + ",2099,1,10\n";
    return new Req("POST", "/api/imports/figures", csv, officer, 200, "Content-Type", "text/csv");
  }

  Req notice() throws Exception {
    Evaluation e = evaluation();
    return post("/api/efficiency/evaluation/notice", e.body(e.notice) + "}", 201);
  }

  Req objection() throws Exception {
    Evaluation e = evaluation();
    return post("/api/efficiency/evaluation/objections", e.body(e.objection) + ",\"enterprise\":\"" + e.firm(e.objection)
        + "\",\"ground\":\"营业收入漏报\"}", 201);
  }

  Req decision() throws Exception {
    Evaluation e = evaluation();
    return post("/api/efficiency/evaluation/objections/" + e.objectionId + "/decision",
        "{\"decision\":\"rejected\",\"note\":\"核实无误\"}", 200);
  }

  Req publish() throws Exception {
    Evaluation e = evaluation();
    return post("/api/efficiency/evaluation/publish", e.body(e.publish) + "}", 201);
  }

  Req revise() throws Exception {
    Evaluation e = evaluation();
    return post("/api/efficiency/evaluation/revisions", e.body(e.revise) + ",\"reason\":\"统计口径更正\",\"changes\":"
        + "[{\"enterprise\":\"" + e.firm(e.revise) + "\",\"class\":null}]}", 201);
  }

  Req addItem() throws Exception {
    String uscc = one("SELECT uscc FROM enterprises WHERE uscc IS NOT NULL ORDER BY id LIMIT 1");
    return post("/api/efficiency/items", "{\"enterprise\":\"" + uscc + "\",\"year\":2024,\"code\":\"high_tech\"}", 201);
  }

  Req removeItem() throws Exception {
    String uscc = one("SELECT uscc FROM enterprises WHERE uscc IS NOT NULL ORDER BY id LIMIT 1 OFFSET 1");
    HttpResponse<String> a = send(post("/api/efficiency/items", "{\"enterprise\":\"" + uscc
        + "\",\"year\":2023,\"code\":\"high_tech\"}", 201));
    assertEquals(201, a.statusCode(), a.body());
    return new Req("DELETE", "/api/efficiency/items?enterprise=" + enc(uscc) + "&year=2023&code=high_tech", null, officer,
        200);
  }

  // ---- the evaluation's states, made once ----------------------------------------------------------

  /** A zone and year of the evaluation. */
  record Year(String zone, int year) {}

  /**
   * Four years of the evaluation in four states: one still a draft (to put on notice), one on
   * notice with an undecided objection (to object to and decide), one on notice whose period is
   * over (to publish), one published (to revise).
   */
  final class Evaluation {
    Year notice;
    Year objection;
    Year publish;
    Year revise;
    long objectionId;
    final Map<Year, String> firms = new LinkedHashMap<>();

    String body(Year y) {
      return "{\"zone\":\"" + y.zone() + "\",\"year\":" + y.year();
    }

    String firm(Year y) throws Exception {
      String f = firms.get(y);
      if (f == null) {
        JsonNode c = json(server.get("/api/efficiency/classes?zone=" + enc(y.zone()) + "&year=" + y.year(), officer));
        for (JsonNode e : c.path("enterprises")) {
          if (!e.path("class").isNull() && !e.path("class").asText().isEmpty() && !e.path("uscc").asText().isEmpty()) {
            f = e.path("uscc").asText();
            break;
          }
        }
        assertTrue(f != null, "a classed firm in " + y + ": " + c.toString().substring(0, Math.min(500, c.toString().length())));
        firms.put(y, f);
      }
      return f;
    }
  }

  private Evaluation evaluation;

  Evaluation evaluation() throws Exception {
    if (evaluation != null) {
      return evaluation;
    }
    JsonNode meta = json(server.get("/api/efficiency/meta"));
    List<Year> years = new ArrayList<>();
    for (JsonNode z : meta.path("zones")) {
      for (JsonNode y : meta.path("years")) {
        if (y.asInt() > 2090) {
          continue; // the figure import's made-up year: no firm is classed in it
        }
        years.add(new Year(z.path("id").asText(), y.asInt()));
      }
    }
    years.sort((a, b) -> Integer.compare(b.year(), a.year()));
    assertTrue(years.size() >= 4, "four zone-years to evaluate: " + years);
    Evaluation e = new Evaluation();
    e.notice = years.get(0);
    e.objection = years.get(1);
    e.publish = years.get(2);
    e.revise = years.get(3);
    ok(post("/api/efficiency/evaluation/notice", e.body(e.publish) + "}", 201));
    ok(post("/api/efficiency/evaluation/notice", e.body(e.revise) + "}", 201));
    int days = meta.path("schemes").get(0).path("notice_days").asInt(0);
    clock.advance(Duration.ofDays(Math.max(days, 60) + 1L));
    ok(post("/api/efficiency/evaluation/publish", e.body(e.revise) + "}", 201));
    ok(post("/api/efficiency/evaluation/notice", e.body(e.objection) + "}", 201));
    e.firm(e.revise);
    HttpResponse<String> o = ok(post("/api/efficiency/evaluation/objections", e.body(e.objection) + ",\"enterprise\":\""
        + e.firm(e.objection) + "\",\"ground\":\"税收漏计\"}", 201));
    e.objectionId = JSON.readTree(o.body()).path("objection").asLong();
    evaluation = e;
    return e;
  }

  /** A clock the test moves forward (the evaluation's notice periods). */
  static final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    MovableClock(Instant start) {
      this(start, ZoneOffset.UTC);
    }

    private MovableClock(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      MovableClock outer = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return z;
        }

        @Override
        public Clock withZone(ZoneId zz) {
          return outer.withZone(zz);
        }

        @Override
        public Instant instant() {
          return outer.instant();
        }
      };
    }

    @Override
    public Instant instant() {
      // never behind the real clock: the demo data's versions start at the real now
      Instant real = Instant.now();
      return now.isAfter(real) ? now : real;
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  Req post(String path, String json, int ok) {
    return new Req("POST", path, json, officer, ok, "Content-Type", "application/json");
  }

  HttpResponse<String> send(Req r) {
    return server.request(r.method(), r.path(), r.body(), r.token(), r.headers());
  }

  HttpResponse<String> ok(Req r) {
    HttpResponse<String> got = send(r);
    assertEquals(r.ok(), got.statusCode(), r.method() + " " + r.path() + ": " + got.body());
    return got;
  }

  DatabaseContents contents() throws SQLException {
    try (Connection c = store.connection()) {
      return DatabaseContents.read(c);
    }
  }

  String dataVersion() throws SQLException {
    return one("SELECT val FROM meta WHERE name = 'data_version'");
  }

  long changeCount() throws SQLException {
    return Long.parseLong(one("SELECT COUNT(*) FROM changes"));
  }

  String one(String sql) throws SQLException {
    List<String> l = list(sql);
    assertFalse(l.isEmpty(), "no row: " + sql);
    return l.get(0);
  }

  List<String> list(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = store.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** A parcel no other path of this class uses, matching a condition on the parcels table. */
  String parcel(String where) throws SQLException {
    int n = nextParcel.getAndIncrement();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM parcels WHERE " + where + " ORDER BY id LIMIT 1 OFFSET ?")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no parcel number " + n + " where " + where);
        String id = rs.getString(1);
        usedZones.add(one("SELECT zone FROM parcels WHERE id = '" + id.replace("'", "''") + "'"));
        return id;
      }
    }
  }

  /** Deletes an available parcel without land uses and gives back its footprint: room for a new one. */
  Polygon makeRoom() throws Exception {
    String old = parcel("status = 'available' AND id NOT IN (SELECT parcel_id FROM land_uses)");
    Polygon footprint = geometry(item("parcels", old));
    ok(new Req("DELETE", "/collections/parcels/items/" + enc(old), null, officer, 204));
    return footprint;
  }

  JsonNode item(String coll, String id) throws Exception {
    HttpResponse<String> r = server.request("GET", "/collections/" + coll + "/items/" + enc(id), null, null);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  String etag(String coll, String id) {
    HttpResponse<String> r = server.request("GET", "/collections/" + coll + "/items/" + enc(id), null, null);
    assertEquals(200, r.statusCode(), r.body());
    return r.headers().firstValue("ETag").orElseThrow();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static Polygon geometry(JsonNode feature) throws Exception {
    return (Polygon) new GeoJsonReader().read(feature.get("geometry").toString());
  }

  static String geojson(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter(9);
    w.setEncodeCRS(false);
    return w.write(g);
  }

  static Polygon shrunk(Polygon p, double factor) {
    Coordinate c = p.getCentroid().getCoordinate();
    Polygon q = (Polygon) p.copy();
    q.apply((org.locationtech.jts.geom.CoordinateFilter) x -> {
      x.x = c.x + (x.x - c.x) * factor;
      x.y = c.y + (x.y - c.y) * factor;
    });
    q.geometryChanged();
    return q;
  }

  static String newParcelBody(Polygon g) {
    return "{\"type\":\"Feature\",\"geometry\":" + geojson(g) + ",\"properties\":{\"land_use_code\":\"100101\","
        + "\"status\":\"available\",\"area_m2\":1,\"area_mu\":1}}";
  }

  static String importFeature(String id, Polygon g) {
    return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"land_use_code\":\"100101\",\"status\":\"可供应\"},"
        + "\"geometry\":" + geojson(g) + "}";
  }

  /** A stored parcel as an import file's feature: its id, land use, status and outline. */
  static String importFeature(String id, JsonNode parcel) throws Exception {
    return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"land_use_code\":\""
        + parcel.at("/properties/land_use_code").asText() + "\",\"status\":\"" + parcel.at("/properties/status").asText()
        + "\"},\"geometry\":" + geojson(geometry(parcel)) + "}";
  }

  /** Two parcels of one park sharing an edge, found with JTS over the park's parcels. */
  String[] adjacentPair() throws Exception {
    String start = parcel("status = 'in_use' AND park IS NOT NULL");
    String park = item("parcels", start).at("/properties/park").asText();
    JsonNode fc = json(server.request("GET", "/collections/parcels/items?park=" + enc(park) + "&limit=10000", null, null));
    List<String> ids = new ArrayList<>();
    List<Geometry> gs = new ArrayList<>();
    for (JsonNode f : fc.path("features")) {
      ids.add(f.path("id").asText());
      gs.add(new GeoJsonReader().read(f.path("geometry").toString()));
    }
    for (int i = 0; i < gs.size(); i++) {
      for (int j = i + 1; j < gs.size(); j++) {
        Geometry x = gs.get(i).intersection(gs.get(j));
        if (x.getDimension() == 1 && x.getLength() > 1e-4 && gs.get(i).union(gs.get(j)) instanceof Polygon) {
          return new String[] {ids.get(i), ids.get(j)};
        }
      }
    }
    throw new AssertionError("no adjacent parcels in park " + park);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String firstLine(String sql) {
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("--")) {
        return t.length() > 110 ? t.substring(0, 110) + "…" : t;
      }
    }
    return sql;
  }
}
