package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Bad input over every route: unknown and malformed parameters, hostile paths, broken bodies and
 * media types, as a guest and with each role that may use the route. Every answer must be a 4xx
 * with the documented JSON error body: never a 5xx, never an HTML page, never a stack trace.
 * Runs on a store of its own, since a refused write that was not refused would change data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
  static final ObjectMapper JSON = new ObjectMapper();
  SqlStore store;
  TestServer server;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  String officer;
  String admin;

  record Probe(String method, String path, String body, String contentType, String token) {
    @Override
    public String toString() {
      return method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path)
          + (body == null ? "" : " body=" + (body.length() > 60 ? body.substring(0, 60) + "…" : body));
    }
  }

  @BeforeAll
  void start() {
    store = TestStores.h2Copy();
    server = new TestServer(store, Map.of());
    officer = server.token("land_officer");
    admin = server.token("admin");
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  static final List<String> GET_ROUTES = List.of(
      "/collections", "/collections/parcels", "/collections/parcels/items", "/collections/parcels/items/P-ZZETDZ-000001",
      "/collections/parcels/queryables", "/collections/parcels/schema", "/collections/parcels/items/P-ZZETDZ-000001/history",
      "/conformance", "/api", "/api/search", "/api/summary/industrial-parks/zzetdz-ip-zongbaoqu",
      "/api/sources/000_8e3b18d49bf5da6c.txt", "/api/efficiency/meta", "/api/efficiency/indicators",
      "/api/efficiency/classes", "/api/efficiency/low-efficiency", "/api/efficiency/targets", "/api/efficiency/trend",
      "/api/here", "/api/near", "/api/corridor/zzetdz-inf-1", "/api/sites/find", "/api/sites/P-ZZETDZ-000001/card",
      "/api/sites/P-ZZETDZ-000001/map.svg", "/api/sites/compare", "/api/audit",
      "/api/efficiency/card/parcel/P-ZZETDZ-000001", "/collections/parcels/tiles/WebMercatorQuad/11/813/1671",
      "/tiles/WebMercatorQuad/11/813/1671", "/collections/parcels/tiles/WebMercatorQuad/tilejson.json",
      "/basemap/demo.geojson", "/basemap/tiles.json", "/basemap/tiles/9/417/203");

  /** Query strings no route takes as they are: unknown names, malformed or hostile values. */
  static final List<String> BAD_QUERIES = List.of(
      "zzz=1", "limit=abc", "limit=-5", "limit=99999999999999999999", "offset=-1", "bbox=1,2", "bbox=a,b,c,d",
      "bbox=3,3,1,1", "bbox=NaN,0,1,1", "crs=EPSG:0", "bbox-crs=http%3A%2F%2Fevil", "filter=(((",
      "filter=" + "NOT%20".repeat(1000) + "true", "datetime=yesterday", "datetime=2026-01-01%2F2025-01-01",
      "sortby=%00", "f=exe", "lines=99999999999", "lines=5-1", "q=%00", "q=" + "x".repeat(3000), "lon=abc&lat=1",
      "lon=999&lat=999", "radius=-1", "year=abc", "year=99999999999", "scheme=%3Cscript%3E", "level=nope",
      "format=exe", "from=notadate", "to=2026-13-40", "collection=%2E%2E%2Fetc", "ids=" + ",".repeat(500));

  static final List<String> BAD_PATHS = List.of(
      "/collections/%00/items", "/collections/..%2F..%2Fetc%2Fpasswd/items", "/collections/parcels/items/%00",
      "/collections/parcels/items/" + "x".repeat(5000), "/api/sources/..%2F..%2Fetc%2Fpasswd",
      "/api/sources/000_8e3b18d49bf5da6c.txt?lines=99999999999", "/api/summary/parcels/%3Cscript%3E",
      "/api/sites/%3Cscript%3E/card", "/api/sites/%00/map.svg", "/collections/nope", "/nope/%00",
      "/api/efficiency/card/nope/P-ZZETDZ-000001", "/api/efficiency/card/parcel/%3Cscript%3E",
      "/collections/parcels/tiles/WebMercatorQuad/99/0/0", "/collections/parcels/tiles/WebMercatorQuad/1/5/5",
      "/collections/parcels/tiles/Nope/1/0/0", "/collections/parcels/tiles/WebMercatorQuad/a/b/c",
      "/collections/parcels/items/P-ZZETDZ-000001/history/extra", "/api/corridor/%00",
      "/basemap/tiles/a/b/c", "/basemap/tiles/99/0/0", "/basemap/tiles/1/5/5", "/basemap/tiles/1/0/%00.png");

  static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"type\":\"Feature\"}",
      "[".repeat(5000) + "]".repeat(5000), "\u0000\u0001\u0002", "{\"properties\":{\"far\":\"" + "9".repeat(400) + "\"}}",
      "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[\"a\",1]]}}", "{\"version\":-1}", "{\"with\":[{}]}");

  List<Probe> probes() {
    List<Probe> out = new ArrayList<>();
    for (String route : GET_ROUTES) {
      String token = route.startsWith("/api/audit") ? admin : route.endsWith("/history") ? officer : null;
      for (String q : BAD_QUERIES) {
        out.add(new Probe("GET", route + "?" + q, null, null, token));
      }
    }
    for (String p : BAD_PATHS) {
      out.add(new Probe("GET", p, null, null, null));
    }
    String parcel = "/collections/parcels/items/P-ZZETDZ-000001";
    List<String[]> writes = List.of(
        new String[] {"POST", "/api/login", null}, new String[] {"POST", "/api/inside", null},
        new String[] {"POST", "/api/sites/find", null}, new String[] {"POST", "/api/efficiency/whatif", officer},
        new String[] {"POST", "/collections/parcels/items", officer}, new String[] {"PUT", parcel, officer},
        new String[] {"PATCH", parcel, officer}, new String[] {"POST", parcel + "/revert", officer},
        new String[] {"POST", parcel + "/split", officer}, new String[] {"POST", parcel + "/merge", officer},
        new String[] {"POST", "/api/imports/figures", admin}, new String[] {"POST", "/api/imports/parcels", admin});
    for (String[] w : writes) {
      for (String body : BAD_BODIES) {
        if (w[0].equals("PATCH") && body.equals("{\"type\":\"Feature\"}")) {
          continue; // a merge patch that changes nothing is a valid one (RFC 7396)
        }
        String type = w[1].contains("/items") && w[0].equals("PATCH") ? "application/merge-patch+json"
            : w[1].startsWith("/api/imports/figures") ? "text/csv" : "application/json";
        out.add(new Probe(w[0], w[1], body, type, w[2]));
      }
      out.add(new Probe(w[0], w[1], "{}", "application/x-evil", w[2]));
      out.add(new Probe(w[0], w[1] + "?zzz=1", "{}", "application/json", w[2]));
    }
    out.add(new Probe("POST", "/api/imports/parcels?format=shp-zip", "PK\u0003\u0004garbage" + "\u0000".repeat(100),
        "application/zip", admin));
    out.add(new Probe("DELETE", "/collections/parcels/items/%00", null, null, officer));
    out.add(new Probe("PATCH", "/collections/parcels/items/P-ZZETDZ-000001", "{\"properties\":{\"far\":1}}",
        "application/merge-patch+json", officer));
    return out;
  }

  @Test
  void everyBadRequestGetsAJsonFourHundredNeverAFiveHundred() throws Exception {
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (Probe p : probes()) {
      if (p.body() != null && p.body().equals("{\"properties\":{\"far\":1}}")) {
        // a valid body with a malformed precondition: the header is the bad input here
        check(p, HttpRequest.newBuilder(URI.create(server.base() + p.path())).header("Content-Type", p.contentType())
            .header("Authorization", "Bearer " + p.token()).header("If-Match", "\"unterminated")
            .method(p.method(), HttpRequest.BodyPublishers.ofString(p.body())), wrong);
        n++;
        continue;
      }
      HttpRequest.Builder b;
      try {
        b = HttpRequest.newBuilder(URI.create(server.base() + p.path())).timeout(Duration.ofSeconds(60));
      } catch (IllegalArgumentException e) {
        throw new AssertionError("the corpus holds a path the client cannot send: " + p, e);
      }
      if (p.token() != null) {
        b.header("Authorization", "Bearer " + p.token());
      }
      if (p.contentType() != null) {
        b.header("Content-Type", p.contentType());
      }
      b.method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8));
      check(p, b, wrong);
      n++;
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + n + " bad requests were not answered with a JSON 4xx:\n"
        + String.join("\n", wrong.subList(0, Math.min(60, wrong.size()))));
  }

  private void check(Probe p, HttpRequest.Builder b, List<String> wrong) throws Exception {
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      wrong.add(p + " -> no answer: " + e);
      return;
    }
    int s = r.statusCode();
    String type = r.headers().firstValue("Content-Type").orElse("");
    String why = null;
    if (s < 400 || s >= 500) {
      why = "status " + s;
    } else if (!type.startsWith("application/json")) {
      why = "status " + s + " with Content-Type " + type;
    } else {
      try {
        JsonNode j = JSON.readTree(r.body());
        if (!j.hasNonNull("code") || j.path("status").asInt() != s) {
          why = "status " + s + " without the error document: " + r.body();
        } else if (r.body().contains("\tat ") || r.body().contains("Exception")) {
          why = "status " + s + " with a stack trace or exception name: " + r.body();
        }
      } catch (Exception e) {
        why = "status " + s + ", body is not JSON: " + r.body();
      }
    }
    if (why != null) {
      wrong.add(p + " -> " + why + (s >= 500 ? "" : ""));
    }
  }
}
