package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The evaluation's HTTP face: who may write, 4xx naming the field for bad input, what the public
 * sees of a year's state, and the list label every 亩均 answer carries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  TestServer server;
  String officer;
  String zone;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(TestStores.h2Copy());
    officer = server.token("land_officer");
    zone = JSON.readTree(server.get("/api/efficiency/meta").body()).at("/zones/0/id").asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  @Order(1)
  void writesAreForOfficersAndBadFieldsAreNamed() throws Exception {
    String body = "{\"zone\":\"" + zone + "\"}";
    json(server.post("/api/efficiency/evaluation/notice", body, server.token("planner")), 403);
    json(server.post("/api/efficiency/evaluation/notice", body, null), 401);
    // who may write is answered before what the body lacks
    json(server.post("/api/efficiency/items", "{}", server.token("planner")), 403);
    assertEquals("colour", json(server.post("/api/efficiency/evaluation/notice",
        "{\"zone\":\"" + zone + "\",\"colour\":1}", officer), 400).path("parameter").asText());
    assertEquals("notice_from", json(server.post("/api/efficiency/evaluation/notice",
        "{\"zone\":\"" + zone + "\",\"notice_from\":\"next week\"}", officer), 400).path("parameter").asText());
    assertEquals("year", json(server.post("/api/efficiency/evaluation/notice",
        "{\"zone\":\"" + zone + "\",\"year\":\"2024\"}", officer), 400).path("parameter").asText());
    assertEquals("zone", json(server.post("/api/efficiency/evaluation/notice", "{\"zone\":\"atlantis\"}", officer), 400)
        .path("parameter").asText());
    assertEquals("id", json(server.post("/api/efficiency/evaluation/objections/abc/decision",
        "{\"decision\":\"upheld\"}", officer), 400).path("parameter").asText());
    assertEquals("code", json(server.post("/api/efficiency/items",
        "{\"enterprise\":\"x\",\"year\":2024,\"code\":\"bribe\"}", officer), 400).path("parameter").asText());
    assertEquals("draft", json(server.get("/api/efficiency/evaluation?zone=" + zone), 200).path("state").asText(),
        "refused writes left the year a draft");
  }

  @Test
  @Order(2)
  void theNoticeIsVisibleToAllAndItsObjectionsOnlyToOfficers() throws Exception {
    JsonNode n = json(server.post("/api/efficiency/evaluation/notice", "{\"zone\":\"" + zone + "\"}", officer), 201);
    assertEquals("notice", n.path("state").asText());
    JsonNode pub = json(server.get("/api/efficiency/evaluation?zone=" + zone), 200);
    assertEquals("notice", pub.path("state").asText());
    assertFalse(pub.has("objections"), "objections name firms: officers only");
    JsonNode classes = json(server.get("/api/efficiency/classes"), 200);
    assertEquals("notice", classes.at("/lists/" + zone + "/state").asText());
    assertTrue(classes.at("/lists/" + zone + "/label_zh").asText().startsWith("公示中"));
    JsonNode firm = json(server.get("/api/efficiency/classes?zone=" + zone, officer), 200).path("enterprises").get(0);
    JsonNode obj = json(server.post("/api/efficiency/evaluation/objections", "{\"zone\":\"" + zone
        + "\",\"enterprise\":\"" + firm.path("uscc").asText() + "\",\"ground\":\"税收漏计\"}", officer), 201);
    assertTrue(obj.path("objection").asLong() > 0);
    JsonNode early = json(server.post("/api/efficiency/evaluation/publish", "{\"zone\":\"" + zone + "\"}", officer), 409);
    assertTrue(early.path("description_zh").asText().contains("公示期"), early.toString());
    assertEquals(1, json(server.get("/api/efficiency/evaluation?zone=" + zone, officer), 200).path("objections").size());
    // exports say which list the classes are from
    String csv = server.get("/api/efficiency/classes?format=csv&zone=" + zone, officer).body();
    assertTrue(csv.contains("名单") && csv.contains("公示中"), csv.substring(0, Math.min(400, csv.length())));
    assertFalse(csv.contains("draft") || csv.contains("notice"), "no English in the Chinese export");
    // the policy lists and the report say it too
    String watch = server.get("/api/efficiency/policy/watch?format=json&zone=" + zone, officer).body();
    assertTrue(watch.contains("\"status\":\"notice\""), watch.substring(0, Math.min(600, watch.length())));
    // the audit trail words each step, in Chinese by default
    JsonNode audit = json(server.get("/api/audit?collection=efficiency", server.token("admin")), 200);
    String trail = audit.toString();
    assertTrue(trail.contains("亩均评价公示") && trail.contains("登记异议") && trail.contains("提出异议"), trail);
    assertTrue(trail.contains("亩均效益评价"), "the collection in words: " + trail);
  }
}
