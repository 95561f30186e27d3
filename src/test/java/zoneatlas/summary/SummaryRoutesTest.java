package zoneatlas.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** GET /api/summary/{collection}/{id} over HTTP. */
class SummaryRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;
  static String park;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    JsonNode parks = JSON.readTree(server.get("/collections/industrial-parks/items?limit=1").body());
    park = parks.path("features").get(0).path("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void parkSummaryAnswersJsonWithTotalsAndGroups() throws Exception {
    HttpResponse<String> r = server.get("/api/summary/industrial-parks/" + park);
    assertEquals(200, r.statusCode());
    JsonNode b = JSON.readTree(r.body());
    assertEquals(park, b.path("id").asText());
    assertTrue(b.path("parcels").has("count") && b.path("parcels").has("area_mu") && b.path("parcels").has("area_ha"));
    assertTrue(b.path("by_land_use").isArray() && b.path("by_status").isArray());
    assertTrue(b.path("enterprises").isNumber());
    assertTrue(b.path("synthetic").asBoolean());
  }

  @Test
  void unknownFeatureIs404() throws Exception {
    HttpResponse<String> r = server.get("/api/summary/industrial-parks/no-such-park");
    assertEquals(404, r.statusCode());
    assertTrue(JSON.readTree(r.body()).path("description").asText().contains("no-such-park"));
  }

  @Test
  void collectionWithoutParcelsOfItsOwnIsRefusedNamingCollection() throws Exception {
    HttpResponse<String> r = server.get("/api/summary/parcels/P-1");
    assertEquals(400, r.statusCode());
    assertEquals("collection", JSON.readTree(r.body()).path("parameter").asText());
    assertEquals(400, server.get("/api/summary/infrastructure/x").statusCode());
  }

  @Test
  void unknownCollectionIs404AndUnknownParameterIs400() throws Exception {
    assertEquals(404, server.get("/api/summary/roads/x").statusCode());
    HttpResponse<String> r = server.get("/api/summary/industrial-parks/" + park + "?year=2024");
    assertEquals(400, r.statusCode());
    assertEquals("year", JSON.readTree(r.body()).path("parameter").asText());
  }
}
