package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import zoneatlas.Services;
import zoneatlas.http.WebApp;
import zoneatlas.testing.TestStores;

/**
 * The search index is built as the server starts: until it is there /ready says 503 (search
 * building) and a search answers 503 "索引建立中" with Retry-After, never an empty result; then
 * both answer normally without anyone searching first.
 */
class SearchReadinessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void whileTheIndexIsBuiltTheServerIsNotReadyAndSearchSaysSo() throws Exception {
    Services s = new Services(TestStores.config(), TestStores.h2());
    List<Runnable> held = new CopyOnWriteArrayList<>();
    s.search.useExecutor(held::add);
    Javalin app = WebApp.create(s).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      assertEquals(1, held.size(), "the build was started with the server, before any search");

      HttpResponse<String> ready = get(base + "/ready");
      assertEquals(503, ready.statusCode());
      assertEquals("building", JSON.readTree(ready.body()).path("search").asText());
      assertEquals("up", JSON.readTree(ready.body()).path("database").asText());

      HttpResponse<String> early = get(base + "/api/search?q=" + URLEncoder.encode("起步区", StandardCharsets.UTF_8));
      assertEquals(503, early.statusCode(), early.body());
      JsonNode e = JSON.readTree(early.body());
      assertEquals("IndexBuilding", e.path("code").asText());
      assertEquals("building", e.path("index").asText());
      assertTrue(e.path("description_zh").asText().contains("索引建立中"), e.toString());
      assertEquals("1", early.headers().firstValue("Retry-After").orElse(""));

      held.forEach(Runnable::run);

      HttpResponse<String> readyNow = get(base + "/ready");
      assertEquals(200, readyNow.statusCode(), readyNow.body());
      assertEquals("ready", JSON.readTree(readyNow.body()).path("search").asText());
      HttpResponse<String> found = get(base + "/api/search?q=" + URLEncoder.encode("起步区", StandardCharsets.UTF_8));
      assertEquals(200, found.statusCode());
      JsonNode r = JSON.readTree(found.body());
      assertEquals("ready", r.path("index").asText());
      assertTrue(r.path("numberReturned").asInt() > 0, r.toString());
    } finally {
      app.stop();
    }
  }

  @Test
  void theFirstSearchAfterAStartFindsWithoutWaitingForASearchToBuildTheIndex() throws Exception {
    Services s = new Services(TestStores.config(), TestStores.h2());
    Javalin app = WebApp.create(s).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      // what a load balancer does: wait for /ready, then send traffic
      long until = System.currentTimeMillis() + 60_000;
      int status = 0;
      while (System.currentTimeMillis() < until && (status = get(base + "/ready").statusCode()) != 200) {
        Thread.sleep(50);
      }
      assertEquals(200, status, "ready once the index is built");
      assertTrue(s.search.ready(), "built by the start-up, not by a search");
      JsonNode r = JSON.readTree(get(base + "/api/search?q=jingkai").body());
      assertTrue(r.path("numberReturned").asInt() > 0, "pinyin finds names at once: " + r);
    } finally {
      app.stop();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
