package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** GET /api/search over HTTP: the answer's shape and the errors that name the parameter. */
class SearchRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(TestStores.h2());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void chineseQueryAnswersJsonWithResults() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=" + URLEncoder.encode("保税", StandardCharsets.UTF_8) + "&limit=5");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode b = json(r);
    assertEquals("保税", b.path("query").asText());
    assertTrue(b.path("numberReturned").asInt() > 0 && b.path("numberReturned").asInt() <= 5);
    JsonNode first = b.path("results").get(0);
    assertTrue(first.path("name_zh").asText().contains("保税"), first.toString());
    assertTrue(first.has("collection") && first.has("id") && first.has("bbox"), first.toString());
  }

  @Test
  void missingQueryIsRefusedNamingQ() throws Exception {
    HttpResponse<String> r = server.get("/api/search");
    assertEquals(400, r.statusCode());
    assertEquals("q", json(r).path("parameter").asText());
    assertEquals(400, server.get("/api/search?q=%20%20").statusCode());
  }

  @Test
  void overlongQueryIsRefused() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=" + "a".repeat(101));
    assertEquals(400, r.statusCode());
    assertEquals("q", json(r).path("parameter").asText());
  }

  @Test
  void badLimitIsRefusedNamingLimitAndBigLimitIsCapped() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=jk&limit=abc");
    assertEquals(400, r.statusCode());
    assertEquals("limit", json(r).path("parameter").asText());
    assertEquals(400, server.get("/api/search?q=jk&limit=0").statusCode());
    assertEquals(50, json(server.get("/api/search?q=jk&limit=5000")).path("numberReturned").asInt());
  }

  @Test
  void unknownCollectionAndUnknownParameterAreRefused() throws Exception {
    HttpResponse<String> r = server.get("/api/search?q=jk&collections=industrial-parks,roads");
    assertEquals(400, r.statusCode());
    assertEquals("collections", json(r).path("parameter").asText());
    HttpResponse<String> u = server.get("/api/search?q=jk&foo=1");
    assertEquals(400, u.statusCode());
    assertEquals("foo", json(u).path("parameter").asText());
  }
}
