package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.FaultyStore;
import zoneatlas.testing.TestServer;

/**
 * HTTP caching (ETag from the data version, 304, Cache-Control by role, gzip), keyset paging, and the
 * bbox and GeoJSON defects of issue 11, run against both stores on a database of this class's own
 * (it edits and imports).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpCachingContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String MERGE = "application/merge-patch+json";
  SqlStore store;
  FaultyStore faulty;
  TestServer server;
  String officer;

  /** A store of this class's own, loaded with the demo data. */
  abstract SqlStore writableStore();

  @BeforeAll
  void start() {
    store = writableStore();
    faulty = new FaultyStore(store);
    server = new TestServer(faulty, java.util.Map.of());
    officer = server.token("land_officer");
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  HttpResponse<byte[]> send(String method, String path, String token, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : server.base() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(String path, String token, String... headers) throws Exception {
    return send("GET", path, token, headers);
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> r = get(path, null);
    assertEquals(200, r.statusCode(), path + " -> " + text(r));
    return JSON.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Set<String> ids(String sql, Object... params) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** Every page from {@code first} on, following next links: each page's ids, in order. */
  List<List<String>> pages(String first) throws Exception {
    List<List<String>> pages = new ArrayList<>();
    String url = server.base() + first;
    while (url != null) {
      assertTrue(pages.size() < 1000, "too many pages");
      HttpResponse<byte[]> r = get(url, null);
      assertEquals(200, r.statusCode(), url + " -> " + text(r));
      JsonNode fc = JSON.readTree(r.body());
      List<String> ids = new ArrayList<>();
      fc.path("features").forEach(f -> ids.add(f.path("id").asText()));
      pages.add(ids);
      url = null;
      for (JsonNode l : fc.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          url = l.path("href").asText();
        }
      }
    }
    return pages;
  }

  Set<String> allIds(String first) throws Exception {
    List<String> all = new ArrayList<>();
    pages(first).forEach(all::addAll);
    Set<String> set = new TreeSet<>(all);
    assertEquals(all.size(), set.size(), "a feature came twice from " + first);
    return set;
  }

  /** The cached resources this issue names, as an anonymous client reads them. */
  static final List<String> CACHED = List.of("/collections", "/collections/parcels", "/collections/zones",
      "/collections/parcels/items?limit=5&zone=zzetdz", "/collections/zones/items", "/api/efficiency/indicators",
      "/api/efficiency/classes?format=csv");

  // ---- caching ----------------------------------------------------------------------------------

  @Test
  void aCurrentCopyIsAnswered304WithoutABodyAndAnEditOrAnImportGivesNewETags() throws Exception {
    List<String> before = new ArrayList<>();
    for (String p : CACHED) {
      HttpResponse<byte[]> r = get(p, null);
      assertEquals(200, r.statusCode(), p + " -> " + text(r));
      String etag = header(r, "ETag");
      assertNotNull(etag, p + " has no ETag");
      assertTrue(etag.matches("\"[0-9a-f]{24}\""), etag);
      assertEquals(etag, header(get(p, null), "ETag"), p + ": the same request, the same ETag");
      HttpResponse<byte[]> again = get(p, null, "If-None-Match", etag);
      assertEquals(304, again.statusCode(), p);
      assertEquals(0, again.body().length, p);
      assertEquals(etag, header(again, "ETag"));
      assertNotNull(header(again, "Cache-Control"), p);
      assertEquals(304, get(p, null, "If-None-Match", "\"other\", W/" + etag).statusCode(), "a list, weakly compared");
      assertEquals(200, get(p, null, "If-None-Match", "\"other\"").statusCode(), p);
      before.add(etag);
    }
    assertEquals(CACHED.size(), new HashSet<>(before).size(), "every resource has its own ETag");
    assertNotEquals(header(get("/collections/zones/items?limit=2", null), "ETag"),
        header(get("/collections/zones/items?limit=3", null), "ETag"), "the query is part of the tag");
    // a feature keeps its version's ETag, and If-None-Match works with it
    String id = JSON.readTree(get("/collections/parcels/items?limit=1&zone=zzetdz", null).body()).at("/features/0/id").asText();
    String item = "/collections/parcels/items/" + id;
    String itemTag = header(get(item, null), "ETag");
    assertEquals(304, get(item, null, "If-None-Match", itemTag).statusCode());

    // an edit moves the data version: every answer is sent again, with a new ETag
    HttpResponse<byte[]> patch = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + item))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":1.7}}"))
        .header("Content-Type", MERGE).header("Authorization", "Bearer " + officer).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, patch.statusCode(), text(patch));
    List<String> afterEdit = new ArrayList<>();
    for (int i = 0; i < CACHED.size(); i++) {
      HttpResponse<byte[]> r = get(CACHED.get(i), null, "If-None-Match", before.get(i));
      assertEquals(200, r.statusCode(), CACHED.get(i) + " after an edit");
      assertNotEquals(before.get(i), header(r, "ETag"), CACHED.get(i));
      afterEdit.add(header(r, "ETag"));
    }
    HttpResponse<byte[]> edited = get(item, null, "If-None-Match", itemTag);
    assertEquals(200, edited.statusCode());
    assertEquals(1.7, JSON.readTree(edited.body()).at("/properties/far").asDouble(), 1e-9);

    // an import of figures too
    String uscc = ids("SELECT uscc FROM enterprises ORDER BY id LIMIT 1").iterator().next();
    HttpResponse<byte[]> imp = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/imports/figures"))
        .POST(HttpRequest.BodyPublishers.ofString("uscc,year,tax_wan\n" + uscc + ",2024,123.5\n"))
        .header("Content-Type", "text/csv").header("Authorization", "Bearer " + officer).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, imp.statusCode(), text(imp));
    for (int i = 0; i < CACHED.size(); i++) {
      HttpResponse<byte[]> r = get(CACHED.get(i), null, "If-None-Match", afterEdit.get(i));
      assertEquals(200, r.statusCode(), CACHED.get(i) + " after an import");
      assertNotEquals(afterEdit.get(i), header(r, "ETag"), CACHED.get(i));
    }
  }

  @Test
  void a304IsAnsweredBeforeThePageQueryRuns() throws Exception {
    String p = "/collections/parcels/items?limit=50&zone=zzhitech";
    String etag = header(get(p, null), "ETag");
    faulty.failOnce(sql -> sql.contains("ST_AsGeoJSON"), () -> new java.sql.SQLException("the page query ran"));
    try {
      assertEquals(304, get(p, null, "If-None-Match", etag).statusCode());
      assertTrue(faulty.armed(), "no page query ran for the 304");
    } finally {
      faulty.failOnce(sql -> false, () -> null);
    }
  }

  @Test
  void headAnswersWithTheSameETagAndHonoursIfNoneMatch() throws Exception {
    String p = "/collections/zones/items?limit=3";
    String etag = header(get(p, null), "ETag");
    HttpResponse<byte[]> head = send("HEAD", p, null);
    assertEquals(200, head.statusCode());
    assertEquals(etag, header(head, "ETag"));
    assertEquals(304, send("HEAD", p, null, "If-None-Match", etag).statusCode());
  }

  @Test
  void answersTheSameForEveryoneArePublicAndTheRestPrivateAndVaryByCredentials() throws Exception {
    // no column of the catalog is confidential now (per-enterprise figures live under /api/efficiency),
    // so every collection is the same for every role
    for (String p : List.of("/collections", "/collections/zones", "/collections/zones/items?limit=2",
        "/collections/industrial-parks/items", "/collections/parcels/items?limit=2")) {
      HttpResponse<byte[]> anon = get(p, null);
      assertEquals("public, max-age=0, must-revalidate", header(anon, "Cache-Control"), p);
      assertFalse(header(anon, "Vary").contains("Authorization"), p);
      HttpResponse<byte[]> signedIn = get(p, officer);
      assertEquals("private, max-age=0, must-revalidate", header(signedIn, "Cache-Control"), p + " with credentials");
      assertTrue(header(signedIn, "Vary").contains("Authorization") && header(signedIn, "Vary").contains("Cookie"), p);
      assertEquals(header(anon, "ETag"), header(signedIn, "ETag"), p + ": the same answer for every role, the same tag");
    }
    String zone = JSON.readTree(get("/collections/zones/items?limit=1", null).body()).at("/features/0/id").asText();
    assertEquals("public, max-age=0, must-revalidate", header(get("/collections/zones/items/" + zone, null), "Cache-Control"));
    // the 亩均 tables depend on the role (aggregates of at least three enterprises unless a land officer asks)
    for (String p : List.of("/api/efficiency/indicators", "/api/efficiency/classes", "/api/efficiency/meta")) {
      HttpResponse<byte[]> anon = get(p, null);
      assertEquals(200, anon.statusCode(), p);
      assertEquals("private, max-age=0, must-revalidate", header(anon, "Cache-Control"), p);
      assertTrue(header(anon, "Vary").contains("Authorization") && header(anon, "Vary").contains("Cookie"), p);
      assertNotEquals(header(anon, "ETag"), header(get(p, officer), "ETag"), p + ": another role, another tag");
    }
    // an error is not cached
    HttpResponse<byte[]> bad = get("/collections/parcels/items?limit=0", null);
    assertEquals(400, bad.statusCode());
    assertEquals(null, header(bad, "ETag"));
  }

  @Test
  void jsonHtmlAndCsvAreGzippedForClientsThatAcceptIt() throws Exception {
    for (String p : List.of("/collections/parcels/items?limit=50", "/collections/parcels/items?limit=20&f=html",
        "/collections", "/api/efficiency/indicators?format=csv")) {
      HttpResponse<byte[]> plain = get(p, null);
      HttpResponse<byte[]> gz = get(p, null, "Accept-Encoding", "gzip");
      assertEquals(200, gz.statusCode(), p);
      assertEquals("gzip", header(gz, "Content-Encoding"), p);
      assertEquals(null, header(plain, "Content-Encoding"), p);
      assertTrue(header(gz, "Vary").contains("Accept-Encoding"), p);
      byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
      assertTrue(gz.body().length < unzipped.length / 2, p + ": " + gz.body().length + " of " + unzipped.length);
      if (!p.contains("f=html") && !p.contains("csv")) {
        assertEquals(JSON.readTree(plain.body()).path("numberMatched"), JSON.readTree(unzipped).path("numberMatched"));
      }
      assertNotEquals(header(plain, "ETag"), header(gz, "ETag"), p + ": another coding, another tag");
      assertEquals(304, get(p, null, "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode());
    }
  }

  // ---- bbox and GeoJSON -------------------------------------------------------------------------

  static double mercX(double lon) {
    return Math.toRadians(lon) * 6378137.0;
  }

  static double mercY(double lat) {
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * 6378137.0;
  }

  @Test
  void aWebMercatorBboxSelectsWhatTheSameCrs84BoxSelects() throws Exception {
    double[][] boxes = {{113.55, 34.78, 113.60, 34.83}, {113.4, 34.6, 114.2, 35.0}, {113.71, 34.71, 113.72, 34.72}};
    for (double[] b : boxes) {
      String crs84 = b[0] + "," + b[1] + "," + b[2] + "," + b[3];
      String merc = mercX(b[0]) + "," + mercY(b[1]) + "," + mercX(b[2]) + "," + mercY(b[3]);
      Set<String> want = allIds("/collections/parcels/items?limit=2000&bbox=" + crs84);
      assertEquals(ids("SELECT id FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))",
          b[0], b[1], b[2], b[3]), want, crs84);
      assertEquals(want, allIds("/collections/parcels/items?limit=2000&bbox-crs=EPSG:3857&bbox=" + merc), merc);
    }
    // the whole projection, and beyond its edge: everything, not a 500
    double edge = 20037508.34;
    long all = json("/collections/zones/items?limit=1").path("numberMatched").asLong();
    assertEquals(all, json("/collections/zones/items?limit=1&bbox-crs=EPSG:3857&bbox=" + (-2 * edge) + ",-30000000,"
        + 2 * edge + ",30000000").path("numberMatched").asLong());
  }

  @Test
  void aBboxAcrossTheAntimeridianIsTheUnionOfItsTwoHalves() throws Exception {
    // nothing of the zone lies east of the antimeridian: one parcel is moved there for this test
    String moved = ids("SELECT id FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))")
        .iterator().next();
    translate(moved, -290);
    try {
      antimeridian(moved);
    } finally {
      translate(moved, 290);
    }
  }

  void translate(String parcel, double dx) throws Exception {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("UPDATE parcels SET geom = ST_Translate(geom, ?, 0) WHERE id = ?")) {
      ps.setDouble(1, dx);
      ps.setString(2, parcel);
      assertEquals(1, ps.executeUpdate());
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  void antimeridian(String moved) throws Exception {
    Set<String> west = allIds("/collections/parcels/items?limit=2000&bbox=113.55,34.78,180,34.83");
    Set<String> east = allIds("/collections/parcels/items?limit=2000&bbox=-180,34.78,-170,34.83");
    assertEquals(Set.of(moved), east);
    Set<String> both = new TreeSet<>(west);
    both.addAll(east);
    assertFalse(west.isEmpty());
    assertEquals(both, allIds("/collections/parcels/items?limit=2000&bbox=113.55,34.78,-170,34.83"));
    assertEquals(both, allIds("/collections/parcels/items?limit=2000&bbox=34.78,113.55,34.83,-170&bbox-crs=EPSG:4326"));
    assertEquals(both, allIds("/collections/parcels/items?limit=2000&bbox-crs=EPSG:3857&bbox=" + mercX(113.55) + ","
        + mercY(34.78) + "," + mercX(-170) + "," + mercY(34.83)));
    // the issue's own example: nothing of the zone lies there, and it is no error
    assertEquals(0, json("/collections/parcels/items?bbox=177,65,-177,70").path("numberMatched").asLong());
    assertEquals(both.size(), json("/collections/parcels/items?limit=1&bbox=113.55,34.78,-170,34.83")
        .path("numberMatched").asLong());
    // latitude does not wrap
    assertEquals(400, get("/collections/parcels/items?bbox=113,35,114,34", null).statusCode());
  }

  @Test
  void geometriesAreRfc7946WithoutACrsMember() throws Exception {
    for (String crs : List.of("", "&crs=EPSG:4490", "&crs=EPSG:4326", "&crs=EPSG:3857", "&crs=EPSG:4547")) {
      for (String layer : List.of("parcels", "zones", "infrastructure", "enterprises")) {
        JsonNode fc = json("/collections/" + layer + "/items?limit=20" + crs);
        assertTrue(fc.path("features").size() > 0, layer);
        for (JsonNode f : fc.path("features")) {
          assertTrue(f.path("geometry").isObject() || f.path("geometry").isNull(), layer);
          assertFalse(f.path("geometry").has("crs"), layer + crs + ": " + f.path("geometry").toString()
              .substring(0, Math.min(200, f.path("geometry").toString().length())));
        }
        String id = fc.at("/features/0/id").asText();
        assertFalse(json("/collections/" + layer + "/items/" + enc(id) + "?x=1".substring(0, 0)
            + (crs.isEmpty() ? "" : "?" + crs.substring(1))).path("geometry").has("crs"), layer + crs);
      }
    }
    JsonNode low = json("/api/efficiency/low-efficiency?format=geojson");
    for (JsonNode f : low.path("features")) {
      assertFalse(f.path("geometry").has("crs"), "low-efficiency layer");
    }
  }

  // ---- keyset paging ----------------------------------------------------------------------------

  @Test
  void nextLinksCarryACursorAndWalkTheWholeLayerAsOffsetPagesDo() throws Exception {
    for (String q : List.of("limit=1000", "limit=300&zone=zzetdz", "limit=7&bbox=113.55,34.78,113.60,34.83")) {
      List<List<String>> byCursor = pages("/collections/parcels/items?" + q);
      assertTrue(byCursor.size() > 1, q);
      List<String> all = new ArrayList<>();
      int limit = Integer.parseInt(q.replaceAll("limit=(\\d+).*", "$1"));
      for (int k = 0; k < byCursor.size(); k++) {
        List<String> page = byCursor.get(k);
        all.addAll(page);
        List<String> byOffset = new ArrayList<>();
        json("/collections/parcels/items?" + q + "&offset=" + k * limit).path("features")
            .forEach(f -> byOffset.add(f.path("id").asText()));
        assertEquals(byOffset, page, q + ": page " + k);
      }
      assertEquals(new TreeSet<>(all).size(), all.size(), q + ": no feature twice");
      List<String> sorted = new ArrayList<>(all);
      java.util.Collections.sort(sorted);
      assertEquals(sorted, all, q + ": in id order");
      String where = q.contains("zone") ? "zone = 'zzetdz'" : q.contains("bbox")
          ? "ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))" : "1 = 1";
      assertEquals(ids("SELECT id FROM parcels WHERE " + where), new TreeSet<>(all), q + ": no gaps");
    }
    JsonNode first = json("/collections/parcels/items?limit=10&zone=zzetdz");
    String next = link(first, "next");
    assertTrue(next.contains("cursor=") && !next.contains("offset="), next);
    assertTrue(next.contains("zone=zzetdz") && next.contains("limit=10"), next);
    JsonNode second = JSON.readTree(get(next, null).body());
    assertEquals(first.path("numberMatched"), second.path("numberMatched"), "the count is the whole query's");
    String prev = link(second, "prev");
    assertTrue(prev.contains("offset=0") && !prev.contains("cursor="), prev);
    assertTrue(link(JSON.readTree(get(link(second, "next"), null).body()), "prev").contains("offset=10"));
    // sorted by a property, pages still go by offset
    assertTrue(link(json("/collections/parcels/items?limit=10&sortby=-area_m2"), "next").contains("offset=10"));
    assertEquals("cursor", JSON.readTree(get("/collections/parcels/items?cursor=%21%21", null).body()).path("parameter").asText());
    assertEquals(400, get(next + "&offset=3", null).statusCode());
    assertEquals(400, get(next + "&sortby=area_m2", null).statusCode());
    // the HTML view pages the same way
    String html = text(get("/collections/parcels/items?limit=10&zone=zzetdz&f=html", null));
    assertTrue(html.contains("cursor="), "the HTML next link carries a cursor");
  }

  static String link(JsonNode fc, String rel) {
    for (JsonNode l : fc.path("links")) {
      if (l.path("rel").asText().equals(rel)) {
        return l.path("href").asText();
      }
    }
    return null;
  }

  // ---- errors -----------------------------------------------------------------------------------

  @Test
  void unknownPathsAndMethodsGetTheJsonErrorBody() throws Exception {
    String[][] cases = {{"GET", "/no/such/path"}, {"GET", "/collections/nope"}, {"GET", "/collections/parcels/nope"},
        {"DELETE", "/collections"}, {"POST", "/collections/parcels"}, {"PUT", "/api/efficiency/meta"},
        {"PATCH", "/conformance"}, {"DELETE", "/api/search?q=x"}, {"GET", "/api/nope"},
        {"GET", "/collections/parcels/items?cursor=bm90LWEtY3Vyc29y"}};
    for (String[] c : cases) {
      HttpResponse<byte[]> r = send(c[0], c[1], null);
      String what = c[0] + " " + c[1] + " -> " + r.statusCode() + " " + text(r);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what);
      assertTrue(header(r, "Content-Type").startsWith("application/json"), what);
      JsonNode e = JSON.readTree(r.body());
      assertFalse(e.path("code").asText().isEmpty(), what);
      assertFalse(e.path("description").asText().isEmpty(), what);
      assertEquals(r.statusCode(), e.path("status").asInt(), what);
    }
    // a path that exists, with a method it does not take
    for (String[] c : new String[][] {{"DELETE", "/collections"}, {"POST", "/collections/parcels"}, {"PUT", "/api/efficiency/meta"}}) {
      HttpResponse<byte[]> r = send(c[0], c[1], null);
      assertEquals(405, r.statusCode(), c[0] + " " + c[1] + " -> " + text(r));
      assertTrue(header(r, "Allow").contains("GET"), c[0] + " " + c[1] + ": Allow " + header(r, "Allow"));
      assertEquals("MethodNotAllowed", JSON.readTree(r.body()).path("code").asText());
    }
  }
}
