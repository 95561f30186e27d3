package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.testing.TestStores;

/**
 * Answers are read into memory before they are sent, bounded (issue 13): when memory runs short an
 * items page ends early and its next link continues exactly where it stopped, so a client that
 * follows the links still gets every feature once; an answer that cannot be cut is refused whole.
 */
class AnswersTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPageMemoryCutShortLinksToTheRestAndNothingIsLost() throws Exception {
    Services s = TestStores.services(TestStores.h2());
    // 2 MB for all answers, 512 KB for one: a page of every parcel (about 4 MB) cannot fit
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(2L << 20, 20_000);
    FeaturesRoutes routes = new FeaturesRoutes(s, s.catalog.all(), answers);
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      routes.register(cfg.routes);
    }).start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      String url = "http://127.0.0.1:" + app.port() + "/collections/parcels/items?limit=10000";
      Set<String> ids = new HashSet<>();
      long matched = -1;
      int pages = 0;
      while (url != null) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().length() < 700_000, "a page keeps to its share: " + r.body().length() + " bytes");
        JsonNode fc = JSON.readTree(r.body());
        if (matched < 0) {
          matched = fc.path("numberMatched").asLong();
        }
        assertEquals(matched, fc.path("numberMatched").asLong(), "numberMatched stays exact on a cut page");
        assertEquals(fc.path("features").size(), fc.path("numberReturned").asInt());
        for (JsonNode f : fc.path("features")) {
          assertTrue(ids.add(f.path("id").asText()), "once only: " + f.path("id").asText());
        }
        url = null;
        for (JsonNode l : fc.path("links")) {
          if (l.path("rel").asText().equals("next")) {
            url = l.path("href").asText();
          }
        }
        pages++;
      }
      assertTrue(pages > 1, "the page was cut");
      assertEquals(matched, ids.size(), "following next links gives every feature");
      // Javalin closes an answer's stream just after its last byte went out
      for (int i = 0; i < 100 && answers.held() != 0; i++) {
        Thread.sleep(20);
      }
      assertEquals(0, answers.held(), "every answer gave its memory back");
    } finally {
      app.stop();
    }
  }

  @Test
  void allAnswersTogetherKeepToTheirShare() {
    // 1 MB for all, 256 KB for one
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(1L << 20, 20_000);
    byte[] kb = new byte[1024];
    java.util.List<FeaturesRoutes.Body> big = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      FeaturesRoutes.Body b = answers.body(1);
      while (!b.full(0)) {
        b.write(kb, 0, kb.length);
      }
      big.add(b);
    }
    assertTrue(answers.held() > 1L << 20, "four answers at their own share hold more than all may");
    FeaturesRoutes.Body small = answers.body(1);
    small.write(kb, 0, kb.length);
    assertTrue(small.full(0), "so another page gets its first feature and no more");
    small.release();
    big.remove(0).release();
    FeaturesRoutes.Body next = answers.body(1);
    next.write(kb, 0, kb.length);
    assertFalse(next.full(0), "memory given back is there for the next answer");
    next.release();
    next.release();
    big.forEach(FeaturesRoutes.Body::release);
    assertEquals(0, answers.held(), "released once, however often release is called");
  }

  @Test
  void anAnswerThatCannotBeCutIsRefusedWholeWhenTooLarge() {
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(256L << 10, 20_000);
    FeaturesRoutes.Body body = answers.body(FeaturesRoutes.Answers.HTML_WEIGHT);
    byte[] kb = new byte[1024];
    ApiError e = assertThrows(ApiError.class, () -> {
      for (int i = 0; i < 1000; i++) {
        body.write(kb, 0, kb.length);
      }
    });
    assertEquals(503, e.status);
    assertEquals("ResponseTooLarge", e.code);
    body.release();
    assertEquals(0, answers.held());
  }
}
