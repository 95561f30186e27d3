package zoneatlas.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Several servers, one truth: two servers, each with its own connection pool and caches, over one
 * PostGIS database. A write through one is what the other serves on its very next request, since
 * every write moves the data version its caches key on, and items are read live.
 */
@Tag("postgis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersPostgisTest {
  static final ObjectMapper JSON = new ObjectMapper();
  SqlStore storeA;
  SqlStore storeB;
  TestServer a;
  TestServer b;

  @BeforeAll
  void start() {
    String url = TestStores.postgisCopyUrl();
    storeA = TestStores.openPostgis(url);
    storeB = TestStores.openPostgis(url);
    a = new TestServer(storeA, Map.of());
    b = new TestServer(storeB, Map.of());
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    storeA.close();
    storeB.close();
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  String first(String where) throws Exception {
    try (Connection c = storeA.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM parcels WHERE " + where + " ORDER BY id LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aWriteThroughOneServerIsWhatTheOtherServesNext() throws Exception {
    String officerA = a.token("land_officer");
    String id = first("status = 'supplied_not_used' AND park IS NOT NULL");
    // warm B's caches first, so a stale cache would show
    JsonNode before = json(b.get("/collections/parcels/items/" + id));
    long countB = json(b.get("/collections/parcels")).path("featureCount").asLong();
    String park = before.at("/properties/park").asText();
    JsonNode summaryBefore = json(b.get("/api/summary/industrial-parks/" + park));
    String etagB = b.get("/collections/parcels/items/" + id).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> p = a.request("PATCH", "/collections/parcels/items/" + id,
        "{\"properties\":{\"status\":\"under_construction\"}}", officerA, "Content-Type", "application/merge-patch+json",
        "If-Match", etagB);
    assertEquals(200, p.statusCode(), "B's tag guards a write through A: " + p.body());
    JsonNode after = json(b.get("/collections/parcels/items/" + id));
    assertEquals("under_construction", after.at("/properties/status").asText());
    assertEquals(p.headers().firstValue("ETag").orElseThrow(), b.request("GET", "/collections/parcels/items/" + id, null,
        b.token("land_officer")).headers().firstValue("ETag").orElseThrow(), "both servers tag alike");
    assertNotEquals(summaryBefore.toString(), json(b.get("/api/summary/industrial-parks/" + park)).toString(),
        "B's park summary follows the status change");

    String gone = first("status = 'idle'");
    assertEquals(204, a.request("DELETE", "/collections/parcels/items/" + gone, null, officerA).statusCode());
    assertEquals(404, b.get("/collections/parcels/items/" + gone).statusCode());
    assertEquals(countB - 1, json(b.get("/collections/parcels")).path("featureCount").asLong());

    String history = b.request("GET", "/collections/parcels/items/" + id + "/history", null, b.token("planner")).body();
    assertTrue(history.contains("\"username\":\"land_officer\""), history);

    // a new enterprise made through A is found by B's search (its index is rebuilt for the new data version)
    String base17 = "91410100MA9XYK7Q0";
    String uscc = base17 + zoneatlas.demo.SynthUscc.checkChar(base17);
    HttpResponse<String> e = a.request("POST", "/collections/enterprises/items", "{\"type\":\"Feature\",\"geometry\":"
        + "{\"type\":\"Point\",\"coordinates\":[113.85,34.72]},\"properties\":{\"uscc\":\"" + uscc + "\",\"name_zh\":"
        + "\"合成示例双服务器测试有限公司\",\"zone\":\"zzetdz\"}}", officerA, "Content-Type", "application/geo+json");
    assertEquals(201, e.statusCode(), e.body());
    JsonNode hits = json(b.get("/api/search?q=" + URLEncoder.encode("双服务器测试", StandardCharsets.UTF_8)));
    assertTrue(hits.toString().contains(uscc) || hits.toString().contains("双服务器测试"), hits.toString());
  }
}
