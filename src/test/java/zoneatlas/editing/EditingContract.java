package zoneatlas.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.FaultyStore;
import zoneatlas.testing.TestServer;

/**
 * Editing through OGC API - Features Part 4, run against both stores on a database of its own: who
 * may do what, preconditions, the checks, history, reverts, split and merge, the map as it stood,
 * and that a failed write of any kind leaves the data and the history exactly as they were. Each
 * test works on parcels no other test touches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EditingContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GEOJSON = "application/geo+json";
  static final String MERGE = "application/merge-patch+json";
  static final double MU = 10000.0 / 15.0;
  SqlStore store;
  FaultyStore faulty;
  TestServer server;
  String officer;
  String planner;
  String admin;
  String prospect;
  private final AtomicInteger nextParcel = new AtomicInteger();

  /** A store of this class's own, loaded with the demo data. */
  abstract SqlStore writableStore();

  @BeforeAll
  void start() {
    store = writableStore();
    faulty = new FaultyStore(store);
    server = new TestServer(faulty, Map.of());
    officer = server.token("land_officer");
    planner = server.token("planner");
    admin = server.token("admin");
    prospect = server.token("prospect");
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  HttpResponse<String> req(String method, String path, String body, String token, String... headers) {
    return server.request(method, path, body, token, headers);
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  JsonNode item(String coll, String id) throws Exception {
    HttpResponse<String> r = req("GET", "/collections/" + coll + "/items/" + enc(id), null, null);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  String etag(String coll, String id) {
    return etag(coll, id, null);
  }

  /** The ETag of a GET as the holder of {@code token} (a role that sees more gets another representation). */
  String etag(String coll, String id, String token) {
    HttpResponse<String> r = req("GET", "/collections/" + coll + "/items/" + enc(id), null, token);
    assertEquals(200, r.statusCode(), r.body());
    return r.headers().firstValue("ETag").orElseThrow();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String reason(String s) {
    return enc(s);
  }

  /** A parcel no other test uses, matching a condition on the parcels table. */
  String parcel(String where) throws SQLException {
    int n = nextParcel.getAndIncrement();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM parcels WHERE " + where + " ORDER BY id LIMIT 1 OFFSET ?")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no parcel number " + n + " where " + where);
        return rs.getString(1);
      }
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = store.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Everything a failed write must leave as it was: row counts of every table and a parcel's row. */
  String snapshot(String parcelId) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (String t : List.of("parcels", "parcels_history", "enterprises", "enterprises_history", "land_uses",
        "land_uses_history", "plan_features", "plan_features_history", "changes", "feature_changes")) {
      b.append(t).append('=').append(count("SELECT COUNT(*) FROM " + t)).append(' ');
    }
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT status, version, far, area_m2 FROM parcels WHERE id = ?")) {
      ps.setString(1, parcelId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          b.append(rs.getString(1)).append('/').append(rs.getInt(2)).append('/').append(rs.getString(3)).append('/')
              .append(rs.getString(4));
        }
      }
    }
    try (Connection c = store.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT val FROM meta WHERE name = 'data_version'")) {
      b.append(" dv=").append(rs.next() ? rs.getString(1) : "");
    }
    return b.toString();
  }

  Polygon geometry(JsonNode feature) throws Exception {
    return (Polygon) new GeoJsonReader().read(feature.get("geometry").toString());
  }

  static String geojson(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter(9);
    w.setEncodeCRS(false);
    return w.write(g);
  }

  /** The parcel shrunk towards its centre: inside its footprint, so inside its park and overlapping nobody. */
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

  /** An independent area: the polygon projected to CGCS2000 / 3-degree Gauss-Kruger CM 114E by GeoTools, planar. */
  static double gaussKrugerM2(Geometry lonLat) throws Exception {
    MathTransform mt = CRS.findMathTransform(CRS.decode("EPSG:4490", true), CRS.decode("EPSG:4547", true), true);
    return JTS.transform(lonLat, mt).getArea();
  }

  String newParcelBody(Polygon g, String status, String code) {
    return "{\"type\":\"Feature\",\"geometry\":" + geojson(g) + ",\"properties\":{\"land_use_code\":\"" + code
        + "\",\"status\":\"" + status + "\",\"area_m2\":1,\"area_mu\":1}}";
  }

  // ---- who may do what --------------------------------------------------------------------------

  @Test
  void optionsListsTheMethodsTheCallersRoleMayUseEvenForAnUnknownId() throws Exception {
    record Case(String token, String coll, boolean edits) {}
    for (Case c : List.of(new Case(null, "parcels", false), new Case(prospect, "parcels", false),
        new Case(planner, "parcels", false), new Case(officer, "parcels", true), new Case(officer, "enterprises", true),
        new Case(officer, "industrial-parks", false), new Case(planner, "industrial-parks", true),
        new Case(planner, "infrastructure", true), new Case(admin, "zones", true), new Case(admin, "parcels", true))) {
      HttpResponse<String> items = req("OPTIONS", "/collections/" + c.coll() + "/items", null, c.token());
      assertEquals(200, items.statusCode());
      List<String> allow = List.of(items.headers().firstValue("Allow").orElseThrow().split(",\\s*"));
      assertEquals(c.edits(), allow.contains("POST"), c + " " + allow);
      assertTrue(allow.contains("GET"));
      HttpResponse<String> one = req("OPTIONS", "/collections/" + c.coll() + "/items/unknown_id", null, c.token());
      assertEquals(200, one.statusCode());
      List<String> allowOne = List.of(one.headers().firstValue("Allow").orElseThrow().split(",\\s*"));
      for (String m : List.of("PUT", "PATCH", "DELETE")) {
        assertEquals(c.edits(), allowOne.contains(m), c + " " + m + " " + allowOne);
      }
    }
    assertEquals(404, req("OPTIONS", "/collections/nope/items", null, admin).statusCode());
    String any = json(req("GET", "/collections/parcels/items?limit=1", null, null)).at("/features/0/id").asText();
    HttpResponse<String> head = req("HEAD", "/collections/parcels/items/" + any, null, null);
    assertEquals(200, head.statusCode(), "HEAD, which Allow lists");
    assertTrue(head.headers().firstValue("ETag").isPresent());
  }

  @Test
  void eachRoleIsAllowedAndRefusedForEachMethod() throws Exception {
    String id = parcel("status = 'in_use'");
    String patch = "{\"properties\":{\"far\":1.5}}";
    Map<String, Integer> expect = Map.of("anon", 401, "prospect", 403, "planner", 403);
    Map<String, String> tokens = new java.util.HashMap<>();
    tokens.put("prospect", prospect);
    tokens.put("planner", planner);
    for (var e : expect.entrySet()) {
      String t = tokens.get(e.getKey());
      assertEquals(e.getValue(), req("PATCH", "/collections/parcels/items/" + id, patch, t, "Content-Type", MERGE)
          .statusCode(), e.getKey() + " PATCH");
      assertEquals(e.getValue(), req("PUT", "/collections/parcels/items/" + id, "{\"type\":\"Feature\"}", t,
          "Content-Type", GEOJSON).statusCode(), e.getKey() + " PUT");
      assertEquals(e.getValue(), req("DELETE", "/collections/parcels/items/" + id, null, t).statusCode(), e.getKey());
      assertEquals(e.getValue(), req("POST", "/collections/parcels/items", "{\"type\":\"Feature\"}", t,
          "Content-Type", GEOJSON).statusCode(), e.getKey() + " POST");
    }
    String park = json(req("GET", "/collections/industrial-parks/items?limit=1", null, null)).at("/features/0/id").asText();
    assertEquals(403, req("PATCH", "/collections/industrial-parks/items/" + park, "{\"properties\":{\"status\":\"在建\"}}",
        officer, "Content-Type", MERGE).statusCode(), "a land officer does not edit the plan");
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, patch, officer, "Content-Type", MERGE).statusCode());
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":1.6}}", admin,
        "Content-Type", MERGE).statusCode(), "an administrator edits everything");
    assertEquals(200, req("PATCH", "/collections/industrial-parks/items/" + park,
        "{\"properties\":{\"status\":\"在建\"}}", planner, "Content-Type", MERGE).statusCode());
    assertEquals("under_construction", item("industrial-parks", park).at("/properties/status").asText());
  }

  // ---- create, as QGIS does it ----------------------------------------------------------------

  @Test
  void qgisCreatesWithoutAnIdReadsItFromLocationAndEditsWithoutIfMatchInLatitudeFirstCgcs2000() throws Exception {
    String old = parcel("status = 'available'");
    JsonNode f = item("parcels", old);
    Polygon footprint = geometry(f);
    assertEquals(204, req("DELETE", "/collections/parcels/items/" + old, null, officer, "If-Match", etag("parcels", old))
        .statusCode());
    // QGIS: OPTIONS on items, then on the first id (or "unknown_id"), then POST without id
    assertTrue(req("OPTIONS", "/collections/parcels/items", null, officer).headers().firstValue("Allow").orElseThrow()
        .contains("POST"));
    Polygon drawn = shrunk(footprint, 0.8);
    Polygon latLon = (Polygon) drawn.copy();
    latLon.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
      double x = c.x;
      c.x = c.y;
      c.y = x;
    });
    latLon.geometryChanged();
    HttpResponse<String> created = req("POST", "/collections/parcels/items", newParcelBody(latLon, "available", "100101"),
        officer, "Content-Type", GEOJSON, "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4490",
        "User-Agent", "QGIS/33400/Ubuntu");
    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.contains("/collections/parcels/items/"), location);
    String id = java.net.URLDecoder.decode(location.substring(location.lastIndexOf("/items/") + 7), StandardCharsets.UTF_8);
    assertTrue(created.headers().firstValue("ETag").orElseThrow().matches("\"[^\"]+\""), "a strong ETag");
    JsonNode got = item("parcels", id);
    Polygon stored = geometry(got);
    assertTrue(stored.norm().equalsExact(drawn.norm(), 1e-7), "latitude-first CGCS2000 was stored as lon/lat: " + stored
        + " vs " + drawn);
    double m2 = got.at("/properties/area_m2").asDouble();
    assertNotEquals(1.0, m2, "the client's area is never taken");
    assertEquals(gaussKrugerM2(drawn), m2, m2 * 1e-3, "area computed geodesically");
    assertEquals(m2 / MU, got.at("/properties/area_mu").asDouble(), 1e-3);
    assertEquals(got.at("/properties/park").asText(), f.at("/properties/park").asText(), "placed in the same park");
    // QGIS then PATCHes without If-Match, Content-Crs a bare URI
    HttpResponse<String> p = req("PATCH", "/collections/parcels/items/" + enc(id), "{\"properties\":{\"far\":0.8}}", officer,
        "Content-Type", MERGE, "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4490", "User-Agent", "QGIS/33400");
    assertEquals(200, p.statusCode(), p.body());
    JsonNode h = json(req("GET", "/collections/parcels/items/" + enc(id) + "/history", null, officer));
    assertEquals(2, h.path("versions").size());
    JsonNode last = h.at("/versions/0/made_by");
    assertFalse(last.path("if_match").asBoolean(), "the record says the write was not conditional");
    assertTrue(last.path("client").asText().startsWith("QGIS"));
    assertEquals("land_officer", last.path("username").asText());
  }

  @Test
  void contentCrsIsReadWithOrWithoutAngleBracketsAndAnUnknownOneIsRefused() throws Exception {
    String id = parcel("status = 'in_use'");
    Polygon g = geometry(item("parcels", id));
    String body = "{\"geometry\":" + geojson(g) + "}";
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, body, officer, "Content-Type", MERGE,
        "Content-Crs", "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>").statusCode());
    HttpResponse<String> bad = req("PATCH", "/collections/parcels/items/" + id, body, officer, "Content-Type", MERGE,
        "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/32650");
    assertEquals(400, bad.statusCode());
    assertEquals("Content-Crs", json(bad).path("parameter").asText());
    assertEquals(415, req("PATCH", "/collections/parcels/items/" + id, body, officer, "Content-Type", "text/plain")
        .statusCode());
  }

  @Test
  void aGaussKrugerGeometryIsStoredInCgcs2000() throws Exception {
    String id = parcel("status = 'in_use'");
    Polygon g = geometry(item("parcels", id));
    MathTransform mt = CRS.findMathTransform(CRS.decode("EPSG:4490", true), CRS.decode("EPSG:4547"), true);
    Geometry gk = JTS.transform(shrunk(g, 0.9), mt); // northing, easting as EPSG defines 4547
    HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id, "{\"geometry\":" + geojson(gk) + "}",
        officer, "Content-Type", MERGE, "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4547");
    assertEquals(200, r.statusCode(), r.body());
    Polygon stored = geometry(item("parcels", id));
    assertEquals(gaussKrugerM2(shrunk(g, 0.9)), item("parcels", id).at("/properties/area_m2").asDouble(), 1.0);
    assertTrue(stored.getEnvelopeInternal().getMinX() > 110 && stored.getEnvelopeInternal().getMaxY() < 40, "lon/lat");
  }

  // ---- preconditions ----------------------------------------------------------------------------

  @Test
  void aStaleIfMatchGets412AndACurrentOneWins() throws Exception {
    String id = parcel("status = 'in_use'");
    String e1 = etag("parcels", id);
    HttpResponse<String> ok = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":2.1}}", officer,
        "Content-Type", MERGE, "If-Match", e1);
    assertEquals(200, ok.statusCode(), ok.body());
    String e2 = ok.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(e1, e2);
    assertEquals(e2, etag("parcels", id, officer), "the write answers with the ETag a GET gives");
    String before = snapshot(id);
    HttpResponse<String> stale = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":2.2}}",
        officer, "Content-Type", MERGE, "If-Match", e1);
    assertEquals(412, stale.statusCode(), stale.body());
    assertTrue(json(stale).path("description_zh").asText().contains("已被他人修改"));
    assertEquals(before, snapshot(id));
    assertEquals(412, req("DELETE", "/collections/parcels/items/" + id, null, officer, "If-Match", e1).statusCode());
    assertEquals(412, req("PUT", "/collections/parcels/items/no-such-parcel", "{\"type\":\"Feature\"}", officer,
        "Content-Type", GEOJSON, "If-Match", e1).statusCode(), "a conditional PUT never creates");
    assertEquals(304, req("GET", "/collections/parcels/items/" + id, null, officer, "If-None-Match", e2).statusCode());
    assertEquals(200, req("GET", "/collections/parcels/items/" + id, null, null, "If-None-Match", e2).statusCode(),
        "a guest's representation differs from the officer's");
    String other = req("GET", "/collections/parcels/items/" + id + "?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4547"),
        null, null).headers().firstValue("ETag").orElseThrow();
    assertNotEquals(e2, other, "another representation, another strong tag");
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":2.3}}", officer,
        "Content-Type", MERGE, "If-Match", other).statusCode(), "a tag of any representation of the version holds");
  }

  @Test
  void ofTwoConcurrentPatchesWithTheSameIfMatchExactlyOneWins() throws Exception {
    String id = parcel("status = 'in_use'");
    String tag = etag("parcels", id);
    long changesBefore = count("SELECT COUNT(*) FROM changes");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> out = new ArrayList<>();
    for (double far : new double[] {3.1, 3.2}) {
      Callable<HttpResponse<String>> call = () -> {
        go.await();
        return req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":" + far + "}}", officer,
            "Content-Type", MERGE, "If-Match", tag);
      };
      out.add(pool.submit(call));
    }
    go.countDown();
    List<Integer> codes = new ArrayList<>();
    for (Future<HttpResponse<String>> f : out) {
      codes.add(f.get(60, TimeUnit.SECONDS).statusCode());
    }
    pool.shutdown();
    codes.sort(null);
    assertEquals(List.of(200, 412), codes);
    assertEquals(changesBefore + 1, count("SELECT COUNT(*) FROM changes"));
    JsonNode h = json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer));
    assertEquals(2, h.path("versions").size(), "one new version");
  }

  // ---- checks before anything is written --------------------------------------------------------

  @Test
  void aStatusJumpTheLandCycleDoesNotAllowIsRefusedWithTheAllowedNextStates() throws Exception {
    String id = parcel("status = 'in_use'");
    String before = snapshot(id);
    HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"status\":\"批而未供\"}}",
        officer, "Content-Type", MERGE);
    assertEquals(422, r.statusCode(), r.body());
    JsonNode e = json(r);
    assertEquals("status", e.at("/errors/0/field").asText());
    String zh = e.at("/errors/0/message_zh").asText();
    assertTrue(zh.contains("用而未尽") && zh.contains("建而未投"), zh);
    assertTrue(e.at("/errors/0/message").asText().contains("partly_used"));
    assertEquals(before, snapshot(id));
    String supplied = parcel("status = 'supplied_not_used'");
    HttpResponse<String> next = req("PATCH", "/collections/parcels/items/" + supplied,
        "{\"properties\":{\"status\":\"在建\",\"build_start_year\":2025}}", officer, "Content-Type", MERGE,
        "X-Change-Reason", reason("郑经开规〔2025〕7号 开工"));
    assertEquals(200, next.statusCode(), next.body());
    assertEquals("under_construction", json(next).at("/properties/status").asText());
    JsonNode h = json(req("GET", "/collections/parcels/items/" + supplied + "/history", null, officer));
    assertEquals("郑经开规〔2025〕7号 开工", h.at("/versions/0/made_by/reason").asText());
  }

  @Test
  void everyProblemOfAFormIsNamedAndNothingIsWritten() throws Exception {
    String id = parcel("status = 'in_use'");
    String before = snapshot(id);
    HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id,
        "{\"properties\":{\"land_use_code\":\"9999\",\"far\":99,\"coverage\":-1,\"supply_year\":2020,"
            + "\"build_start_year\":2010}}", officer, "Content-Type", MERGE);
    assertEquals(422, r.statusCode(), r.body());
    Set<String> fields = new HashSet<>();
    json(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(Set.of("land_use_code", "far", "coverage", "build_start_year"), fields);
    assertEquals(before, snapshot(id));
    HttpResponse<String> unknown = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"colour\":\"red\"}}",
        officer, "Content-Type", MERGE);
    assertEquals(400, unknown.statusCode());
    assertEquals("colour", json(unknown).path("parameter").asText());
    HttpResponse<String> missing = req("POST", "/collections/parcels/items", "{\"type\":\"Feature\",\"geometry\":"
        + geojson(shrunk(geometry(item("parcels", id)), 0.1)) + ",\"properties\":{}}", officer, "Content-Type", GEOJSON);
    assertEquals(422, missing.statusCode());
    Set<String> required = new HashSet<>();
    json(missing).path("errors").forEach(e -> required.add(e.path("field").asText()));
    assertTrue(required.containsAll(Set.of("land_use_code", "status")), required.toString());
    assertEquals(before.replaceAll("dv=.*", ""), snapshot(id).replaceAll("dv=.*", ""));
  }

  @Test
  void aSelfIntersectingOutlineNamesTheVertexAndExplainsTheRepairWithoutMakingIt() throws Exception {
    String id = parcel("status = 'in_use'");
    Polygon g = geometry(item("parcels", id));
    Coordinate[] cs = g.getExteriorRing().getCoordinates();
    // swap the second and third vertices: the outline crosses itself (a bow tie)
    Coordinate[] bow = cs.clone();
    bow[1] = cs[2];
    bow[2] = cs[1];
    Polygon bad = g.getFactory().createPolygon(bow);
    String before = snapshot(id);
    HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id, "{\"geometry\":" + geojson(bad) + "}",
        officer, "Content-Type", MERGE);
    assertEquals(422, r.statusCode(), r.body());
    JsonNode e = json(r).at("/errors/0");
    assertEquals("geometry", e.path("field").asText());
    int v = e.path("vertex").asInt();
    assertTrue(v >= 1 && v <= bow.length, "names a vertex: " + e);
    assertEquals(2, e.path("at").size());
    assertTrue(e.path("message_zh").asText().contains("自相交"), e.toString());
    assertEquals(before, snapshot(id), "not silently fixed");
  }

  @Test
  void anOverlapWithANeighbourAndAPlaceOutsideTheParkAreRefused() throws Exception {
    String a = parcel("status = 'in_use' AND park IS NOT NULL");
    JsonNode fa = item("parcels", a);
    Polygon big = shrunk(geometry(fa), 3.0);
    String before = snapshot(a);
    HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + a, "{\"geometry\":" + geojson(big) + "}", officer,
        "Content-Type", MERGE);
    assertEquals(422, r.statusCode(), r.body());
    boolean overlap = false;
    for (JsonNode e : json(r).path("errors")) {
      overlap |= e.path("message_zh").asText().contains("重叠") && e.path("at").size() == 2;
    }
    assertTrue(overlap, r.body());
    assertEquals(before, snapshot(a));
    String otherPark = json(req("GET", "/collections/industrial-parks/items?limit=100", null, null)).findValues("id")
        .stream().map(JsonNode::asText).filter(p -> !p.equals(fa.at("/properties/park").asText())).findFirst().orElseThrow();
    HttpResponse<String> moved = req("PATCH", "/collections/parcels/items/" + a, "{\"properties\":{\"park\":\"" + otherPark
        + "\"}}", officer, "Content-Type", MERGE);
    assertEquals(422, moved.statusCode(), moved.body());
    assertEquals("park", json(moved).at("/errors/0/field").asText());
  }

  // ---- history, delete, revert, the map as it stood ----------------------------------------------

  @Test
  void theHistoryListsEveryVersionNewestFirstAndARevertIsANewVersionWithAReason() throws Exception {
    String id = parcel("status = 'supplied_not_used'");
    String s0 = item("parcels", id).at("/properties/status").asText();
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"status\":\"under_construction\"}}",
        officer, "Content-Type", MERGE, "X-Change-Reason", reason("开工")).statusCode());
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"status\":\"in_use\"}}",
        officer, "Content-Type", MERGE, "X-Change-Reason", reason("投产")).statusCode());
    JsonNode h = json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer));
    assertEquals(List.of(3, 2, 1), versions(h));
    assertEquals("in_use", h.at("/versions/0/properties/status").asText());
    assertEquals(s0, h.at("/versions/2/properties/status").asText());
    assertEquals("load", h.at("/versions/2/made_by/op").asText(), "the history starts with the data's load");
    assertEquals("开工", h.at("/versions/2/ended_by/reason").asText());
    assertEquals(401, req("GET", "/collections/parcels/items/" + id + "/history", null, null).statusCode());
    assertEquals(400, req("POST", "/collections/parcels/items/" + id + "/revert", "{\"version\":1}", officer,
        "Content-Type", "application/json").statusCode(), "a revert needs a reason");
    HttpResponse<String> rv = req("POST", "/collections/parcels/items/" + id + "/revert", "{\"version\":1}", officer,
        "Content-Type", "application/json", "X-Change-Reason", reason("录入错误，恢复"));
    assertEquals(200, rv.statusCode(), rv.body());
    assertEquals(s0, json(rv).at("/properties/status").asText(), "a revert may go back in the cycle");
    JsonNode h2 = json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer));
    assertEquals(List.of(4, 3, 2, 1), versions(h2));
    assertEquals("revert", h2.at("/versions/0/made_by/op").asText());
    assertEquals("录入错误，恢复", h2.at("/versions/0/made_by/reason").asText());
  }

  static List<Integer> versions(JsonNode h) {
    List<Integer> v = new ArrayList<>();
    h.path("versions").forEach(x -> v.add(x.path("version").asInt()));
    return v;
  }

  @Test
  void aDeletedParcelIsGoneNowStillInTheMapAsItStoodAndCanBeBroughtBack() throws Exception {
    String id = parcel("status = 'idle'");
    JsonNode f = item("parcels", id);
    Polygon g = geometry(f);
    String bbox = g.getEnvelopeInternal().getMinX() + "," + g.getEnvelopeInternal().getMinY() + ","
        + g.getEnvelopeInternal().getMaxX() + "," + g.getEnvelopeInternal().getMaxY();
    Thread.sleep(5);
    Instant beforeDelete = Instant.now();
    Thread.sleep(5);
    assertEquals(204, req("DELETE", "/collections/parcels/items/" + id, null, officer, "X-Change-Reason",
        reason("收回")).statusCode());
    Thread.sleep(5);
    Instant afterDelete = Instant.now();
    assertEquals(404, req("GET", "/collections/parcels/items/" + id, null, null).statusCode());
    assertFalse(ids("/collections/parcels/items?bbox=" + bbox).contains(id));
    assertTrue(ids("/collections/parcels/items?bbox=" + bbox + "&datetime=" + beforeDelete).contains(id));
    assertFalse(ids("/collections/parcels/items?bbox=" + bbox + "&datetime=" + afterDelete).contains(id));
    assertEquals(200, req("GET", "/collections/parcels/items/" + id + "?datetime=" + beforeDelete, null, null).statusCode());
    JsonNode h = json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer));
    assertTrue(h.path("deleted").asBoolean());
    assertEquals("delete", h.at("/versions/0/ended_by/op").asText());
    HttpResponse<String> back = req("POST", "/collections/parcels/items/" + id + "/revert", "{\"version\":1}", officer,
        "Content-Type", "application/json", "X-Change-Reason", reason("误删"));
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(2, json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer)).path("versions").size());
    assertTrue(ids("/collections/parcels/items?bbox=" + bbox).contains(id));
  }

  Set<String> ids(String path) throws Exception {
    HttpResponse<String> r = req("GET", path + "&limit=10000", null, null);
    assertEquals(200, r.statusCode(), r.body());
    Set<String> out = new HashSet<>();
    json(r).path("features").forEach(x -> out.add(x.path("id").asText()));
    assertEquals(out.size(), json(r).path("numberReturned").asInt(), "each feature once");
    return out;
  }

  /**
   * The test keeps its own log of what it wrote and when the server acknowledged it; asked as of any
   * instant between two writes, the server must give back the state of the earlier one.
   */
  @Test
  void datetimeAnswersMatchAReplayOfWhatWasWritten() throws Exception {
    String id = parcel("status = 'approved_not_supplied'");
    List<Instant> between = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    List<Double> expectedFar = new ArrayList<>();
    String[] steps = {"available", "supplied_not_used", "under_construction", "built_not_producing", "in_use"};
    Thread.sleep(3);
    between.add(Instant.now());
    expected.add("approved_not_supplied");
    expectedFar.add(item("parcels", id).at("/properties/far").isNull() ? null : item("parcels", id).at("/properties/far")
        .asDouble());
    for (int i = 0; i < steps.length; i++) {
      Thread.sleep(3);
      double far = 0.5 + i * 0.3;
      HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"status\":\"" + steps[i]
          + "\",\"far\":" + far + "}}", officer, "Content-Type", MERGE);
      assertEquals(200, r.statusCode(), r.body());
      Thread.sleep(3);
      between.add(Instant.now());
      expected.add(steps[i]);
      expectedFar.add(far);
    }
    for (int i = 0; i < between.size(); i++) {
      JsonNode f = json(req("GET", "/collections/parcels/items/" + id + "?datetime=" + between.get(i), null, null));
      assertEquals(expected.get(i), f.at("/properties/status").asText(), "as of " + between.get(i));
      if (expectedFar.get(i) != null) {
        assertEquals(expectedFar.get(i), f.at("/properties/far").asDouble(), 1e-9);
      }
      Set<String> inItems = new HashSet<>();
      json(req("GET", "/collections/parcels/items?status=" + expected.get(i) + "&datetime=" + between.get(i)
          + "&limit=10000", null, null)).path("features").forEach(x -> inItems.add(x.path("id").asText()));
      assertTrue(inItems.contains(id), "items as of " + between.get(i) + " has it with status " + expected.get(i));
    }
    assertEquals(400, req("GET", "/collections/parcels/items?datetime=yesterday", null, null).statusCode());
  }

  // ---- split and merge --------------------------------------------------------------------------

  @Test
  void aSplitKeepsTheAttributesAndTheSharesAndTheAreaToAHundredthOfAMu() throws Exception {
    String id = parcel("status = 'in_use' AND id IN (SELECT parcel_id FROM land_uses)");
    JsonNode f = item("parcels", id);
    Polygon g = geometry(f);
    var env = g.getEnvelopeInternal();
    double midX = (env.getMinX() + env.getMaxX()) / 2;
    String line = "{\"type\":\"LineString\",\"coordinates\":[[" + midX + "," + (env.getMinY() - 0.001) + "],[" + midX + ","
        + (env.getMaxY() + 0.001) + "]]}";
    HttpResponse<String> r = req("POST", "/collections/parcels/items/" + id + "/split", "{\"line\":" + line + "}", officer,
        "Content-Type", "application/json", "If-Match", etag("parcels", id), "X-Change-Reason", reason("分割出让"));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode parts = json(r).path("features");
    assertEquals(2, parts.size());
    double sumMu = 0;
    double sumFloor = 0;
    for (JsonNode p : parts) {
      String pid = p.path("id").asText();
      assertTrue(pid.startsWith(id + "-"), pid);
      assertEquals(f.at("/properties/land_uses").size(), p.at("/properties/land_uses").size(), "the answer has the links");
      JsonNode stored = item("parcels", pid);
      sumMu += stored.at("/properties/area_mu").asDouble();
      sumFloor += stored.at("/properties/floor_area_m2").asDouble();
      for (String k : List.of("land_use_code", "status", "zone", "park", "far", "synthetic")) {
        assertEquals(f.at("/properties/" + k).toString(), stored.at("/properties/" + k).toString(), k);
      }
      assertEquals(f.at("/properties/land_uses").size(), stored.at("/properties/land_uses").size());
      for (int i = 0; i < stored.at("/properties/land_uses").size(); i++) {
        assertEquals(f.at("/properties/land_uses/" + i + "/share").asDouble(),
            stored.at("/properties/land_uses/" + i + "/share").asDouble(), 1e-12);
      }
    }
    assertEquals(f.at("/properties/area_mu").asDouble(), sumMu, 0.01);
    assertEquals(f.at("/properties/floor_area_m2").asDouble(), sumFloor, 0.5, "the floor area is shared, not copied");
    assertEquals(404, req("GET", "/collections/parcels/items/" + id, null, null).statusCode());
    JsonNode h = json(req("GET", "/collections/parcels/items/" + id + "/history", null, officer));
    assertEquals("split", h.at("/versions/0/ended_by/op").asText());
    assertEquals("分割出让", h.at("/versions/0/ended_by/reason").asText());
    HttpResponse<String> notAcross = req("POST", "/collections/parcels/items/" + parts.get(0).path("id").asText() + "/split",
        "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[" + midX + "," + (env.getMinY() - 0.001) + "],[" + midX
            + "," + (env.getMinY() + env.getMaxY()) / 2 + "]]}}", officer, "Content-Type", "application/json");
    assertEquals(422, notAcross.statusCode(), notAcross.body());
  }

  @Test
  void mergingAdjacentParcelsKeepsTheFirstIdTheTotalAreaAndEveryEnterprisesLand() throws Exception {
    String[] pair = adjacentPair();
    JsonNode a = item("parcels", pair[0]);
    JsonNode b = item("parcels", pair[1]);
    double mu = a.at("/properties/area_mu").asDouble() + b.at("/properties/area_mu").asDouble();
    Map<String, Double> landBefore = enterpriseLand(a);
    enterpriseLand(b).forEach((k, v) -> landBefore.merge(k, v, Double::sum));
    HttpResponse<String> r = req("POST", "/collections/parcels/items/" + pair[0] + "/merge", "{\"with\":[\"" + pair[1] + "\"]}",
        officer, "Content-Type", "application/json", "If-Match", etag("parcels", pair[0]) + ", " + etag("parcels", pair[1]));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode m = json(r);
    assertEquals(pair[0], m.path("id").asText());
    assertEquals(mu, m.at("/properties/area_mu").asDouble(), 0.01);
    assertEquals(404, req("GET", "/collections/parcels/items/" + pair[1], null, null).statusCode());
    Map<String, Double> landAfter = enterpriseLand(m);
    assertEquals(landBefore.keySet(), landAfter.keySet());
    landBefore.forEach((k, v) -> assertEquals(v, landAfter.get(k), 1.0, "land of " + k + " in m²"));
  }

  /** Square metres each enterprise holds on a parcel, by enterprise and role. */
  static Map<String, Double> enterpriseLand(JsonNode parcel) {
    Map<String, Double> m = new java.util.TreeMap<>();
    double area = parcel.at("/properties/area_m2").asDouble();
    parcel.at("/properties/land_uses").forEach(l -> m.merge(l.path("enterprise_id").asText() + "/" + l.path("role").asText(),
        l.path("share").asDouble() * area, Double::sum));
    return m;
  }

  String[] adjacentPair() throws Exception {
    // two parcels of one park sharing an edge: found by the test with JTS over the park's parcels
    String start = parcel("status = 'in_use' AND park IS NOT NULL");
    String park = item("parcels", start).at("/properties/park").asText();
    JsonNode fc = json(req("GET", "/collections/parcels/items?park=" + enc(park) + "&limit=10000", null, null));
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

  // ---- failures leave nothing behind ------------------------------------------------------------

  @Test
  void aWriteThatFailsHalfWayOfAnyKindLeavesTheDataAndTheHistoryAsTheyWere() throws Exception {
    record Fault(String name, java.util.function.Predicate<String> sql, java.util.function.Supplier<Throwable> what) {}
    List<Fault> faults = List.of(
        new Fault("a failing statement after the history copy", s -> s.startsWith("UPDATE parcels SET"),
            () -> new SQLException("injected: statement failed", "XX000")),
        new Fault("a dropped connection while recording the change", s -> s.contains("INSERT INTO feature_changes"),
            () -> new SQLException("injected: connection reset", "08006")),
        new Fault("an Error while moving the data version", s -> s.contains("meta"),
            () -> new AssertionError("injected Error mid-write")),
        new Fault("an Error while copying the version into the history", s -> s.startsWith("INSERT INTO parcels_history"),
            () -> new OutOfMemoryError("injected")));
    for (Fault fault : faults) {
      String id = parcel("status = 'in_use'");
      String before = snapshot(id);
      faulty.failOnce(fault.sql(), fault.what());
      HttpResponse<String> r = req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":4.4}}", officer,
          "Content-Type", MERGE);
      assertFalse(faulty.armed(), fault.name() + ": the fault was never reached");
      assertTrue(r.statusCode() >= 500, fault.name() + " -> " + r.statusCode());
      assertEquals(before, snapshot(id), fault.name());
      assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":4.5}}", officer,
          "Content-Type", MERGE).statusCode(), "the store works again after " + fault.name());
    }
    String id = parcel("status = 'in_use'");
    String before = snapshot(id);
    faulty.failOnce(s -> s.startsWith("INSERT INTO parcels ("), () -> new SQLException("injected", "XX000"));
    var env = geometry(item("parcels", id)).getEnvelopeInternal();
    HttpResponse<String> split = req("POST", "/collections/parcels/items/" + id + "/split", "{\"line\":{\"type\":\"LineString\","
        + "\"coordinates\":[[" + (env.getMinX() + env.getMaxX()) / 2 + "," + (env.getMinY() - 0.001) + "],["
        + (env.getMinX() + env.getMaxX()) / 2 + "," + (env.getMaxY() + 0.001) + "]]}}", officer, "Content-Type",
        "application/json");
    assertTrue(split.statusCode() >= 500, split.body());
    assertEquals(before, snapshot(id), "a split that fails on its second part leaves nothing");
  }

  @Test
  void anImportIsOneChangeOfTheHistoryAndAFailedOneLeavesNothing() throws Exception {
    String old = parcel("status = 'available' AND id NOT IN (SELECT parcel_id FROM land_uses)");
    Polygon footprint = geometry(item("parcels", old));
    assertEquals(204, req("DELETE", "/collections/parcels/items/" + old, null, officer).statusCode());
    String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"IMP-"
        + old + "\",\"land_use_code\":\"100101\",\"status\":\"可供应\"},\"geometry\":" + geojson(shrunk(footprint, 0.9))
        + "}]}";
    String before = snapshot(old);
    faulty.failOnce(s -> s.contains("UPDATE parcels SET version"),
        () -> new AssertionError("injected Error mid-import"));
    HttpResponse<String> broken = req("POST", "/api/imports/parcels?format=geojson", file, admin, "Content-Type",
        "application/geo+json");
    assertFalse(faulty.armed(), "the fault was reached");
    assertTrue(broken.statusCode() >= 500, broken.body());
    assertEquals(before, snapshot(old), "an Error half-way through an import writes nothing");
    HttpResponse<String> r = req("POST", "/api/imports/parcels?format=geojson", file, admin, "Content-Type",
        "application/geo+json", "X-Change-Reason", reason("2025年第3批供地台账"));
    assertEquals(200, r.statusCode(), r.body());
    long change = json(r).path("change_id").asLong();
    assertTrue(change > 0);
    JsonNode h = json(req("GET", "/collections/parcels/items/IMP-" + old + "/history", null, officer));
    assertEquals("import", h.at("/versions/0/made_by/op").asText());
    assertEquals(List.of(1), versions(h), "a new parcel's first version is 1");
    assertEquals(change, h.at("/versions/0/made_by/id").asLong());
    assertEquals("2025年第3批供地台账", h.at("/versions/0/made_by/reason").asText());
    assertEquals("admin", h.at("/versions/0/made_by/username").asText());
    assertEquals(1, count("SELECT COUNT(*) FROM changes WHERE id = " + change));
  }

  @Test
  void theHistoryTablesRefuseAnyUpdateOrDelete() throws Exception {
    String id = parcel("status = 'in_use'");
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":1.1}}", officer,
        "Content-Type", MERGE).statusCode());
    for (String sql : List.of("UPDATE changes SET reason = 'rewritten'", "DELETE FROM feature_changes",
        "UPDATE parcels_history SET status = 'idle'", "DELETE FROM parcels_history")) {
      try (Connection c = store.connection(); Statement st = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      }
    }
  }

  // ---- plan layers and enterprises --------------------------------------------------------------

  @Test
  void aSchematicPlanFeatureLosesTheMarkOnlyWithASurveyedGeometry() throws Exception {
    String id = json(req("GET", "/collections/infrastructure/items?limit=1&kind=substation", null, null))
        .at("/features/0/id").asText();
    JsonNode f = item("infrastructure", id);
    HttpResponse<String> flagOnly = req("PATCH", "/collections/infrastructure/items/" + id,
        "{\"properties\":{\"schematic\":false}}", planner, "Content-Type", MERGE);
    assertEquals(422, flagOnly.statusCode(), flagOnly.body());
    assertEquals("schematic", json(flagOnly).at("/errors/0/field").asText());
    Geometry g = new GeoJsonReader().read(f.path("geometry").toString());
    Geometry moved = g.copy();
    moved.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += 0.0005);
    moved.geometryChanged();
    HttpResponse<String> surveyed = req("PATCH", "/collections/infrastructure/items/" + id, "{\"geometry\":" + geojson(moved)
        + ",\"properties\":{\"schematic\":false,\"status\":\"已建\",\"period\":\"2021-2024\"}}", planner, "Content-Type",
        MERGE, "X-Change-Reason", reason("竣工测量成果"));
    assertEquals(200, surveyed.statusCode(), surveyed.body());
    assertFalse(json(surveyed).at("/properties/schematic").asBoolean());
    assertEquals("existing", json(surveyed).at("/properties/status").asText());
    assertEquals(422, req("PATCH", "/collections/infrastructure/items/" + id, "{\"properties\":{\"period\":\"2025-2021\"}}",
        planner, "Content-Type", MERGE).statusCode());
  }

  @Test
  void anEnterpriseMovesInWithAValidCreditCodeAndSharesThatFit() throws Exception {
    String p = parcel("status = 'available' AND id NOT IN (SELECT parcel_id FROM land_uses)");
    String bad = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"uscc\":\"91410100MA00000000\",\"name_zh\":\"合成示例测试企业\","
        + "\"zone\":\"zzetdz\",\"land_uses\":[{\"parcel_id\":\"" + p + "\",\"role\":\"owner\",\"share\":1}]}}";
    HttpResponse<String> r = req("POST", "/collections/enterprises/items", bad, officer, "Content-Type", GEOJSON);
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("uscc", json(r).at("/errors/0/field").asText());
    String uscc = "91410100MA9XYK123" + zoneatlas.demo.SynthUscc.checkChar("91410100MA9XYK123");
    String over = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"uscc\":\"" + uscc + "\",\"name_zh\":\"合成示例测试企业\","
        + "\"land_uses\":[{\"parcel_id\":\"" + p + "\",\"role\":\"tenant\",\"share\":0.7},{\"parcel_id\":\"" + p
        + "\",\"role\":\"owner\",\"share\":1.2}]}}";
    HttpResponse<String> o = req("POST", "/collections/enterprises/items", over, officer, "Content-Type", GEOJSON);
    assertEquals(422, o.statusCode(), o.body());
    assertTrue(o.body().contains("land_uses[1].share"), o.body());
    String parcelTag = etag("parcels", p);
    String ok = over.replace("1.2}", "1}");
    HttpResponse<String> c = req("POST", "/collections/enterprises/items", ok, officer, "Content-Type", GEOJSON,
        "X-Change-Reason", reason("新入驻"));
    assertEquals(201, c.statusCode(), c.body());
    JsonNode e = json(c);
    assertEquals(2, e.at("/properties/land_uses").size());
    assertEquals("Point", e.at("/geometry/type").asText(), "placed on its parcel");
    JsonNode onParcel = item("parcels", p);
    assertEquals(2, onParcel.at("/properties/land_uses").size());
    assertNotEquals(parcelTag, etag("parcels", p), "the parcel's links are part of it: a new version");
    ArrayNode empty = JSON.createArrayNode();
    ObjectNode unlink = JSON.createObjectNode();
    unlink.putObject("properties").set("land_uses", empty);
    assertEquals(200, req("PATCH", "/collections/enterprises/items/" + enc(e.path("id").asText()), unlink.toString(),
        officer, "Content-Type", MERGE).statusCode());
    assertEquals(0, item("parcels", p).at("/properties/land_uses").size());
  }

  @Test
  void anEnterpriseWithOnlyAnEvaluationItemIsKeptWithAWordedRefusal() throws Exception {
    String uscc = "91410100MA9XYK456" + zoneatlas.demo.SynthUscc.checkChar("91410100MA9XYK456");
    String body = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"uscc\":\"" + uscc
        + "\",\"name_zh\":\"合成示例评价企业\",\"zone\":\"zzetdz\"}}";
    HttpResponse<String> c = req("POST", "/collections/enterprises/items", body, officer, "Content-Type", GEOJSON,
        "X-Change-Reason", reason("新入驻"));
    assertEquals(201, c.statusCode(), c.body());
    String id = json(c).path("id").asText();
    HttpResponse<String> item = req("POST", "/api/efficiency/items",
        "{\"enterprise\":\"" + id + "\",\"year\":2024,\"code\":\"high_tech\"}", officer, "Content-Type", "application/json");
    assertEquals(201, item.statusCode(), item.body());
    HttpResponse<String> d = req("DELETE", "/collections/enterprises/items/" + enc(id), null, officer, "If-Match",
        etag("enterprises", id));
    assertEquals(409, d.statusCode(), d.body());
    assertTrue(d.body().contains("评价记录"), "says why it is kept: " + d.body());
    assertEquals(200, req("GET", "/collections/enterprises/items/" + enc(id), null, officer).statusCode(), "still there");
  }

  @Test
  void everyWriteMovesTheDataVersionAndTheCollectionCount() throws Exception {
    String dv = snapshot("-").replaceAll(".*dv=", "");
    long n = json(req("GET", "/collections/parcels", null, null)).path("featureCount").asLong();
    String id = parcel("status = 'in_use'");
    assertEquals(200, req("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":1.9}}", officer,
        "Content-Type", MERGE).statusCode());
    String dv2 = snapshot("-").replaceAll(".*dv=", "");
    assertNotEquals(dv, dv2);
    String gone = parcel("status = 'idle'");
    assertEquals(204, req("DELETE", "/collections/parcels/items/" + gone, null, officer).statusCode());
    assertEquals(n - 1, json(req("GET", "/collections/parcels", null, null)).path("featureCount").asLong());
    assertNull(null);
    assertNotNull(dv2);
  }
}
