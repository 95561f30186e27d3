package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.Dialect;
import zoneatlas.store.SqlStore;
import zoneatlas.store.Store;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Health, readiness, metrics, request ids and the read routing flag, on the embedded store. The
 * database outage is a store whose connections hang or fail on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  SqlStore h2;
  Switchable store;
  TestServer server;

  @BeforeAll
  void start() {
    h2 = TestStores.h2Copy();
    store = new Switchable(h2);
    server = new TestServer(store, Map.of("ready.timeout.ms", "500"));
  }

  @AfterAll
  void stop() {
    server.close();
    h2.close();
  }

  String parcel(String where) throws SQLException {
    try (Connection c = h2.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM parcels WHERE " + where + " ORDER BY id LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void healthNeedsNoDatabaseAndReadyDoes() throws Exception {
    HttpResponse<String> h = server.get("/health");
    assertEquals(200, h.statusCode());
    assertEquals("up", JSON.readTree(h.body()).path("status").asText());
    HttpResponse<String> r = server.get("/ready");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("up", JSON.readTree(r.body()).path("database").asText());

    store.mode = Mode.HANG;
    try {
      long t0 = System.nanoTime();
      HttpResponse<String> down = server.get("/ready");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(ms < 2000, "a hanging database is answered within the timeout, took " + ms + " ms");
      JsonNode body = JSON.readTree(down.body());
      assertEquals("NotReady", body.path("code").asText());
      assertTrue(body.path("description").asText().contains("500 ms"), down.body());
      assertEquals(200, server.get("/health").statusCode(), "alive, though not ready");
      store.mode = Mode.FAIL;
      Thread.sleep(1200); // the hanging probe gives up by itself; the next one sees the failure
      HttpResponse<String> failing = server.get("/ready");
      assertEquals(503, failing.statusCode(), failing.body());
      assertTrue(failing.body().contains("unavailable"), failing.body());
    } finally {
      store.mode = Mode.OK;
    }
    Thread.sleep(1200);
    assertEquals(200, server.get("/ready").statusCode(), "ready again once the database is back");
  }

  @Test
  void metricsNameRoutesNotPathsAndCountWritesPoolsAndCaches() throws Exception {
    String id = parcel("status = 'supplied_not_used'");
    assertEquals(200, server.get("/collections/parcels/items/" + id).statusCode());
    assertEquals(404, server.get("/collections/parcels/items/NO-SUCH-PARCEL-42").statusCode());
    assertEquals(200, server.get("/api/search?q=jingkai").statusCode());
    assertEquals(200, server.get("/api/search?q=jingkai").statusCode());
    assertEquals(200, server.get("/collections/parcels").statusCode());
    HttpResponse<String> p = server.request("PATCH", "/collections/parcels/items/" + id,
        "{\"properties\":{\"far\":1.2}}", server.token("land_officer"), "Content-Type", "application/merge-patch+json");
    assertEquals(200, p.statusCode(), p.body());

    HttpResponse<String> m = server.get("/metrics");
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), m.headers().toString());
    String text = m.body();
    assertTrue(value(text, "http_server_requests_seconds_count", "method=\"GET\"", "route=\"/collections/{id}/items/{fid}\"",
        "status=\"200\"") >= 1, text);
    assertTrue(value(text, "http_server_requests_seconds_count", "route=\"/collections/{id}/items/{fid}\"",
        "status=\"404\"") >= 1, "404s of a matched route keep the route");
    assertTrue(value(text, "http_server_requests_seconds_bucket", "route=\"/api/search\"", "le=\"0.005\"") >= 0,
        "latency histogram buckets");
    assertFalse(text.contains(id), "no raw path with an id in the labels");
    assertFalse(text.contains("NO-SUCH-PARCEL-42"));
    assertTrue(value(text, "zoneatlas_edits_total", "method=\"PATCH\"", "route=\"/collections/{id}/items/{fid}\"") >= 1);
    assertTrue(value(text, "hikaricp_connections_active", "pool=\"h2gis\"") >= 0, "pool in use");
    assertTrue(value(text, "hikaricp_connections_idle", "pool=\"h2gis\"") >= 0, "pool idle");
    assertTrue(value(text, "hikaricp_connections_pending", "pool=\"h2gis\"") >= 0, "pool waiting");
    assertTrue(value(text, "zoneatlas_cache_requests_total", "cache=\"search-index\"", "result=\"hit\"") >= 1, text);
    assertTrue(value(text, "zoneatlas_cache_requests_total", "cache=\"collection-stats\"", "result=\"miss\"") >= 1);
    assertTrue(value(text, "zoneatlas_http_requests_active") >= 1, "this scrape is in flight");
    assertTrue(text.contains("jvm_memory_used_bytes"));
  }

  @Test
  void metricsCanAskForATokenOrBeOff() {
    try (TestServer t = new TestServer(h2, Map.of("metrics.token", "s3cret-scrape"))) {
      HttpResponse<String> no = t.get("/metrics");
      assertEquals(401, no.statusCode());
      assertTrue(no.body().contains("metrics.token"), no.body());
      assertEquals(401, t.get("/metrics", "wrong").statusCode());
      assertEquals(200, t.get("/metrics", "s3cret-scrape").statusCode());
    }
    try (TestServer off = new TestServer(h2, Map.of("metrics.enabled", "false"))) {
      assertEquals(404, off.get("/metrics").statusCode());
      assertEquals(200, off.get("/health").statusCode());
    }
  }

  @Test
  void everyAnswerCarriesARequestId() {
    HttpResponse<String> given = server.request("GET", "/health", null, null, "X-Request-Id", "trace-42.a");
    assertEquals("trace-42.a", given.headers().firstValue("X-Request-Id").orElseThrow());
    HttpResponse<String> made = server.request("GET", "/nowhere", null, null, "X-Request-Id", "bad id\u00e9");
    assertEquals(404, made.statusCode());
    assertTrue(made.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f-]{36}"), made.headers().toString());
  }

  @Test
  void readsGoToTheStandbyUnlessTheClientJustWrote() throws Exception {
    String id = parcel("status = 'in_use'");
    String officer = server.token("land_officer");
    store.routes.clear();
    assertEquals(200, server.get("/api/search?q=jingkai").statusCode());
    assertTrue(!store.routes.isEmpty() && store.routes.stream().allMatch(b -> b), "a plain GET may read from the standby");

    HttpResponse<String> w = server.request("PATCH", "/collections/parcels/items/" + id, "{\"properties\":{\"far\":1.3}}",
        officer, "Content-Type", "application/merge-patch+json");
    assertEquals(200, w.statusCode(), w.body());
    String cookie = w.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Ops.PRIMARY_COOKIE + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no read-your-writes cookie: " + w.headers()));
    assertTrue(cookie.contains("Max-Age=5") && cookie.contains("HttpOnly"), cookie);
    String pair = cookie.substring(0, cookie.indexOf(';'));

    store.routes.clear();
    assertEquals(200, server.request("GET", "/api/search?q=jingkai", null, null, "Cookie", pair).statusCode());
    assertTrue(!store.routes.isEmpty() && store.routes.stream().noneMatch(b -> b), "the writer reads from the primary");

    store.routes.clear();
    String forged = Ops.PRIMARY_COOKIE + "=" + (System.currentTimeMillis() + 86_400_000L);
    assertEquals(200, server.request("GET", "/api/search?q=jingkai", null, null, "Cookie", forged).statusCode());
    assertTrue(store.routes.stream().allMatch(b -> b), "a cookie far in the future is not honoured");

    store.routes.clear();
    HttpResponse<String> inside = server.request("POST", "/api/inside",
        "{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.71,34.71],[113.7,34.71],[113.7,34.7]]]}",
        null, "Content-Type", "application/json");
    assertTrue(inside.statusCode() < 500, inside.body());
    assertTrue(store.routes.stream().noneMatch(b -> b), "a POST reads from the primary");
    assertFalse(inside.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Ops.PRIMARY_COOKIE)),
        "a POST that writes nothing sets no cookie");

    store.routes.clear();
    server.services.search.search("jingkai", 5, java.util.Set.copyOf(zoneatlas.search.SearchService.COLLECTIONS));
    assertTrue(store.routes.stream().noneMatch(b -> b), "outside a request, reads go to the primary");
  }

  /** The value of the first sample of {@code name} whose labels contain all of {@code labels}. */
  static double value(String text, String name, String... labels) {
    Pattern p = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = p.matcher(text);
    while (m.find()) {
      String l = m.group(1) == null ? "" : m.group(1);
      if (List.of(labels).stream().allMatch(l::contains)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + " " + List.of(labels) + " among\n"
        + text.lines().filter(l -> l.startsWith(name)).limit(40).reduce("", (a, b) -> a + b + "\n"));
  }

  enum Mode { OK, HANG, FAIL }

  /** The real store, but its primary connections hang or fail on demand; records each read's routing flag. */
  static final class Switchable implements Store {
    final SqlStore real;
    final List<Boolean> routes = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.OK;

    Switchable(SqlStore real) {
      this.real = real;
    }

    @Override
    public Connection connection() throws SQLException {
      if (mode == Mode.HANG) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new SQLException("timed out waiting for a connection");
      }
      if (mode == Mode.FAIL) {
        throw new SQLException("Connection refused");
      }
      return real.connection();
    }

    @Override
    public Connection readConnection() throws SQLException {
      routes.add(Store.ReadRoute.standbyAllowed());
      return connection();
    }

    @Override
    public io.micrometer.core.instrument.MeterRegistry reportTo(io.micrometer.core.instrument.MeterRegistry r) {
      return real.reportTo(r);
    }

    @Override
    public java.util.Optional<io.micrometer.core.instrument.MeterRegistry> meterRegistry() {
      return real.meterRegistry();
    }

    @Override
    public Dialect dialect() {
      return real.dialect();
    }

    @Override
    public String sql(String name) {
      return real.sql(name);
    }

    @Override
    public int queryTimeoutSeconds() {
      return real.queryTimeoutSeconds();
    }

    @Override
    public String description() {
      return real.description();
    }

    @Override
    public void close() {}
  }
}
