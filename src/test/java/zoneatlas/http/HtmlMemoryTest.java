package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.testing.ChildServer;

/**
 * Issue 13, finding 5 (the HTML half): sixteen parallel {@code f=html&limit=10000} item pages ran the
 * server out of memory, as an HTML page is built whole in memory. An HTML page now holds at most
 * {@code items.html.limit.max} features and links to the next page, so the same requests against
 * the real server with a small heap all succeed and the server stays up.
 */
class HtmlMemoryTest {
  static final int PARALLEL = 16;

  @Test
  void sixteenParallelHugeHtmlPagesOnASmallHeap(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    try (ChildServer server = ChildServer.start(dir, List.of("-Xmx256m"),
        List.of("--embedded.path", dir.resolve("data/zoneatlas").toString()))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30)).build();
      List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        pages.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.base()
            + "/collections/parcels/items?f=html&limit=10000&offset=" + i)).timeout(Duration.ofMinutes(3)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      }
      for (CompletableFuture<HttpResponse<String>> f : pages) {
        HttpResponse<String> r = f.get();
        assertEquals(200, r.statusCode(), () -> r.body().substring(0, Math.min(500, r.body().length()))
            + "\n" + server.output());
        assertTrue(r.body().endsWith("</html>"), "a whole page");
        assertTrue(r.body().contains("下一页 Next"), "a link to the rest");
      }
      assertTrue(server.process.isAlive(), server.output());
      HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/collections/parcels/items?limit=2"))
          .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, after.statusCode(), after.body());
      assertTrue(!server.output().contains("OutOfMemoryError"), server.output());
    }
  }
}
