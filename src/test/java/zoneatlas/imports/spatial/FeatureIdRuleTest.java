package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.layers.FeatureIds;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * One rule for ids: what the editing API refuses, a parcel import refuses too (with its reason in
 * Chinese), and what one accepts, the other does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureIdRuleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BAD = List.of("<img src=x onerror=window.__xss=1>", "P 002", "</script><script>alert(1)</script>",
      "-leading-dash", "P-001\u0000", "a\"b", "x".repeat(101), "P/001", "P%2F001");
  static final List<String> GOOD = List.of("410171-001", "宗地-三号", "ZD.2024_07", "郑经开A-17", "x".repeat(100));
  SqlStore store;
  TestServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    store = ImportFixtures.h2WithPlan();
    server = new TestServer(store);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theRuleItself() {
    BAD.forEach(id -> assertFalse(FeatureIds.valid(id), id));
    GOOD.forEach(id -> assertTrue(FeatureIds.valid(id), id));
    assertTrue(FeatureIds.validPlan("zzetdz-ip-shangqi"));
    assertFalse(FeatureIds.validPlan("Zzetdz"));
    assertFalse(FeatureIds.validPlan("zz_etdz"));
  }

  @Test
  void anImportRefusesEveryIdTheEditingApiRefusesAndSaysWhyInChinese() throws Exception {
    for (String bad : BAD) {
      HttpResponse<String> r = importWithId(bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
      JsonNode j = JSON.readTree(r.body());
      assertEquals("InvalidImport", j.path("code").asText(), r.body());
      JsonNode idError = null;
      for (JsonNode e : j.path("errors")) {
        if (e.path("field").asText().equals("id") && e.path("index").asInt() == 1) {
          idError = e;
        }
      }
      assertTrue(idError != null, "no id error for " + bad + ": " + r.body());
      assertTrue(idError.path("reason_zh").asText().contains("编号只能由汉字、字母、数字"), idError.toString());
      assertTrue(idError.path("reason").asText().contains("not allowed"), idError.toString());

      HttpResponse<String> edit = createWithId(bad);
      assertEquals(400, edit.statusCode(), bad + ": " + edit.body());
      assertTrue(edit.body().contains("\"id\""), edit.body());
    }
  }

  @Test
  void anImportAcceptsEveryIdTheEditingApiAccepts() throws Exception {
    for (String good : GOOD) {
      HttpResponse<String> r = importWithId(good);
      assertEquals(200, r.statusCode(), good + ": " + r.body());
    }
    boolean first = true;
    for (String good : List.of("宗地-三号", "410171-001", "ZD.2024_07", "x".repeat(100))) {
      HttpResponse<String> edit = createWithId(good);
      if (first) {
        assertEquals(201, edit.statusCode(), "a Chinese id is created: " + edit.body());
        first = false;
      }
      // the parcel itself may be refused (its place overlaps the one created before), never its id
      JsonNode j = JSON.readTree(edit.body());
      assertNotEquals("id", j.path("parameter").asText(), good + ": " + edit.body());
      j.path("errors").forEach(e -> assertNotEquals("id", e.path("field").asText(), good + ": " + edit.body()));
      assertFalse(edit.body().contains(FeatureIds.RULE_EN), edit.body());
    }
  }

  /** The fixture's three parcels, the first renamed; a dry run. */
  private HttpResponse<String> importWithId(String id) throws Exception {
    JsonNode fc = JSON.readTree(ImportFixtures.bytes("parcels.geojson"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) fc.path("features").get(0).path("properties")).put("id", id);
    return http.send(ParcelImportContract.post(server.base() + "/api/imports/parcels?dry_run=true",
        JSON.writeValueAsBytes(fc), server.token("admin"), "application/geo+json"),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> createWithId(String id) throws Exception {
    JsonNode fc = JSON.readTree(ImportFixtures.bytes("parcels.geojson"));
    Map<String, Object> f = new HashMap<>();
    f.put("type", "Feature");
    f.put("id", id);
    f.put("geometry", fc.path("features").get(2).path("geometry"));
    f.put("properties", Map.of("land_use_code", "100101", "status", "可供应", "area_m2", 1, "area_mu", 1));
    return server.request("POST", "/collections/parcels/items", JSON.writeValueAsString(f), server.token("land_officer"),
        "Content-Type", "application/geo+json", "X-Change-Reason", "test");
  }
}
