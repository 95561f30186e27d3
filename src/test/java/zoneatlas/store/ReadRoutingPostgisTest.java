package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Where reads go with {@code db.read.url}: the "standby" here is a second copy of the demo database
 * that never receives the primary's writes, so every answer shows which one it came from. Reads go
 * to the standby, writes to the primary, the writer's own reads to the primary while its cookie
 * lasts; a standby that is down costs nothing but a warning.
 */
@Tag("postgis")
class ReadRoutingPostgisTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsFromTheStandbyWritesAndTheWritersReadsFromThePrimary() throws Exception {
    String primaryUrl = TestStores.postgisCopyUrl();
    String standbyUrl = TestStores.postgisCopyUrl();
    PostgisStore store = (PostgisStore) TestStores.openPostgis(primaryUrl);
    store.readFrom(standbyUrl, PostgisCluster.get().user(), "", 2);
    try (TestServer server = new TestServer(store, Map.of())) {
      String id;
      String park;
      try (Connection c = store.connection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, park FROM parcels WHERE status = 'supplied_not_used'"
              + " AND park IS NOT NULL ORDER BY id LIMIT 1")) {
        rs.next();
        id = rs.getString(1);
        park = rs.getString(2);
      }
      String summary = "/api/summary/industrial-parks/" + park;
      JsonNode before = json(server.get(summary));

      HttpResponse<String> w = server.request("PATCH", "/collections/parcels/items/" + id,
          "{\"properties\":{\"status\":\"under_construction\"}}", server.token("land_officer"), "Content-Type",
          "application/merge-patch+json");
      assertEquals(200, w.statusCode(), w.body());
      String cookie = w.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("za_primary="))
          .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

      assertEquals(before, json(server.get(summary)), "another client reads the standby, which did not get the write");
      JsonNode mine = json(server.request("GET", summary, null, null, "Cookie", cookie));
      assertNotEquals(before, mine, "the writer reads its own write from the primary");
      assertEquals("under_construction", status(store, id), "the write went to the primary");

      JsonNode ready = json(server.get("/ready"));
      assertEquals("up", ready.at("/standby/status").asText(), ready.toString());
    } finally {
      store.close();
    }
  }

  @Test
  void aStandbyThatIsDownSendsReadsToThePrimary() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    PostgisStore store = (PostgisStore) TestStores.openPostgis(TestStores.postgisCopyUrl());
    store.readFrom("jdbc:postgresql://127.0.0.1:" + dead + "/zoneatlas", PostgisCluster.get().user(), "", 2);
    try (TestServer server = new TestServer(store, Map.of())) {
      assertEquals(200, server.get("/api/search?q=jingkai").statusCode()); // builds the index, meets the dead standby
      long t0 = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        assertEquals(200, server.get("/api/search?q=jingkai").statusCode());
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 2500, "at most one wait for the dead standby, not one per read: " + ms + " ms");
      HttpResponse<String> r = server.get("/ready");
      assertEquals(200, r.statusCode(), "ready on the primary alone: " + r.body());
      assertEquals("down", JSON.readTree(r.body()).at("/standby/status").asText(), r.body());
    } finally {
      store.close();
    }
  }

  static String status(SqlStore s, String id) throws Exception {
    try (Connection c = s.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT status FROM parcels WHERE id = '" + id + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }
}
