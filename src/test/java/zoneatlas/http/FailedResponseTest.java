package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.testing.FaultyStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Issue 13, finding 1 (failures): a failure never leaves a FeatureCollection with an error document
 * glued after it. A page is read whole before its first byte goes out, so a database failure while
 * reading it is a proper JSON error with the status that fits; a failure after the answer began
 * cuts the connection, so the client sees a truncated answer it cannot mistake for a whole one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedResponseTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Filtered and bigger than the page, so numberMatched needs a COUNT(*) after the features were read. */
  static final String PAGE = "/collections/parcels/items?limit=3&bbox=110,30,118,38";
  FaultyStore faulty;
  TestServer server;

  @BeforeAll
  void start() {
    faulty = new FaultyStore(TestStores.h2());
    server = new TestServer(faulty, Map.of());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aFailureAfterTheFeaturesWereReadIsAJsonErrorNotAGluedDocument() throws Exception {
    faulty.failOnce(sql -> sql.startsWith("SELECT COUNT(*)"), () -> new SQLException("injected: the count failed", "XX000"));
    HttpResponse<String> r = server.get(PAGE);
    assertFalse(faulty.armed(), "the count ran and failed");
    assertEquals(500, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body()); // throws on a glued or truncated body
    assertEquals("ServerError", body.path("code").asText(), r.body());
    assertFalse(r.body().contains("FeatureCollection"), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(200, server.get(PAGE).statusCode(), "the next request is well");
  }

  @Test
  void aConnectionLostWhileReadingThePageIsA503WithRetryAfter() throws Exception {
    faulty.failOnce(sql -> sql.contains(" AS geojson FROM "),
        () -> new SQLException("injected: An I/O error occurred while sending to the backend.", "08006"));
    HttpResponse<String> r = server.get(PAGE);
    assertFalse(faulty.armed());
    assertEquals(503, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("ServiceUnavailable", body.path("code").asText(), r.body());
    assertFalse(body.path("description_zh").asText().isEmpty(), r.body());
    assertTrue(r.headers().firstValue("Retry-After").isPresent());
    assertFalse(r.body().contains("FeatureCollection"), r.body());
  }

  @Test
  void aFailedItemIsAJsonErrorToo() throws Exception {
    String id = JSON.readTree(server.get("/collections/parcels/items?limit=1").body()).at("/features/0/id").asText();
    faulty.failOnce(sql -> sql.contains(" AS geojson FROM "), () -> new SQLException("injected", "XX000"));
    HttpResponse<String> r = server.get("/collections/parcels/items/" + id);
    assertFalse(faulty.armed());
    assertEquals(500, r.statusCode(), r.body());
    assertEquals("ServerError", JSON.readTree(r.body()).path("code").asText());
  }

  @Test
  void aFailureAfterTheAnswerBeganCutsItShort() throws Exception {
    // a route of its own that fails half-way through writing, as any streamed answer could
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/half", ctx -> {
        ctx.contentType("application/geo+json");
        OutputStream os = ctx.outputStream();
        os.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
        byte[] feature = "{\"type\":\"Feature\",\"id\":\"x\",\"geometry\":null,\"properties\":{}},"
            .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
          os.write(feature);
        }
        os.flush();
        throw new SQLException("injected: the connection broke half-way", "08006");
      });
      Errors.install(cfg);
    }).start("127.0.0.1", 0);
    try (Socket s = SlowClientTest.stall(app.port(), "/half")) {
      byte[] raw = SlowClientTest.readAll(s);
      String text = new String(raw, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("HTTP/1.1 200"), text.substring(0, Math.min(200, text.length())));
      assertFalse(SlowClientTest.complete(raw), "the answer ends without its last chunk");
      assertFalse(text.contains("ServerError") || text.contains("ServiceUnavailable"), "no error document glued on");
      String body = text.substring(text.indexOf("\r\n\r\n") + 4);
      assertThrows(Exception.class, () -> JSON.readTree(dechunk(body)), "what arrived is not a JSON document");
    } finally {
      app.stop();
    }
  }

  /** The chunks' payload, as far as it arrived. */
  static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int len = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
      if (len == 0) {
        break;
      }
      int end = Math.min(chunked.length(), eol + 2 + len);
      out.append(chunked, eol + 2, end);
      i = end + 2;
    }
    return out.toString();
  }
}
