package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The map page and everything it loads come from the jar: the page at {@code /}, each script and
 * stylesheet it names (the app's own, the vendored libraries, Leaflet's webjar) with its type, a
 * validator that answers 304, and nothing outside the two static folders.
 */
class StaticFilesTest {
  private static final Pattern NAMED_MODULE = Pattern.compile(
      "<(?:script type=\"module\" src|link rel=\"modulepreload\" href)=\"(js/[a-z0-9-]+\\.js)\"");
  private static final Pattern IMPORT = Pattern.compile("(?:from|import)\\s*'\\./([a-z0-9-]+\\.js)'");
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"");

  @Test
  void theMapPageAndEveryFileItLoadsAreServedWithTheirTypes() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      HttpResponse<String> page = s.request("GET", "/", null, null, "Accept", "text/html");
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
      List<String> assets = new ArrayList<>();
      Matcher m = ASSET.matcher(page.body());
      while (m.find()) {
        assets.add(m.group(1).startsWith("/") ? m.group(1) : "/" + m.group(1));
      }
      assertTrue(assets.contains("/webjars/leaflet/1.9.4/dist/leaflet.js"), assets.toString());
      assertTrue(assets.size() >= 10, assets.toString());
      for (String asset : assets) {
        HttpResponse<String> a = s.get(asset);
        assertEquals(200, a.statusCode(), asset);
        String type = a.headers().firstValue("Content-Type").orElse("");
        String expected = asset.endsWith(".js") ? "text/javascript" : asset.endsWith(".css") ? "text/css"
            : asset.endsWith(".svg") ? "image/svg+xml" : "?";
        assertTrue(type.startsWith(expected), asset + " " + type);
        assertFalse(a.body().isEmpty(), asset);
      }
    }
  }

  @Test
  void theMapPageIsServedFromTheWebFolderWhenOneIsSet() throws Exception {
    // web.dir: edit the page and reload, without building a jar
    try (TestServer s = new TestServer(TestStores.h2(), java.util.Map.of("web.dir", "web"))) {
      for (String path : List.of("/", "/index.html", "/js/app.js", "/webjars/leaflet/1.9.4/dist/leaflet.js")) {
        HttpResponse<String> a = s.request("GET", path, null, null, "Accept", "text/html");
        assertEquals(200, a.statusCode(), path);
        assertFalse(a.body().isEmpty(), path);
      }
      assertTrue(s.request("GET", "/", null, null, "Accept", "text/html").body().contains("js/app.js"));
    }
  }

  @Test
  void everyModuleThePageImportsIsFetchedFromThePageItself() throws Exception {
    // a module the page does not name is found only once the module importing it has arrived and
    // been parsed: each such level costs the first draw of the map a round trip
    try (TestServer s = new TestServer(TestStores.h2())) {
      String page = s.request("GET", "/", null, null, "Accept", "text/html").body();
      Set<String> named = new TreeSet<>();
      Matcher m = NAMED_MODULE.matcher(page);
      while (m.find()) {
        named.add(m.group(1));
      }
      assertTrue(named.contains("js/app.js") && named.contains("js/layers.js"), named.toString());
      Set<String> imported = new TreeSet<>();
      for (String module : named) {
        Matcher i = IMPORT.matcher(s.get("/" + module).body());
        while (i.find()) {
          imported.add("js/" + i.group(1));
        }
      }
      assertTrue(imported.size() >= 10, imported.toString());
      imported.removeAll(named);
      assertEquals(Set.of(), imported, "imported but neither a script nor a modulepreload of the page");
    }
  }

  @Test
  void aFileTheBrowserHasIsNotSentAgain() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      for (String path : List.of("/index.html", "/js/app.js", "/webjars/leaflet/1.9.4/dist/leaflet.css")) {
        HttpResponse<String> first = s.get(path);
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag, path + " " + first.headers());
        HttpResponse<String> again = s.request("GET", path, null, null, "If-None-Match", etag);
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.body(), path);
      }
    }
  }

  @Test
  void nothingOutsideTheStaticFoldersIsServed() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      // the class files and the configuration sit in the same jar, next to web/
      for (String path : List.of("/zoneatlas/App.class", "/../zoneatlas/App.class", "/web/../zoneatlas/App.class",
          "/simplelogger.properties", "/sql/postgis/tiles_layer.sql", "/webjars/../zoneatlas/App.class", "/no-such-file.js", "/js/")) {
        HttpResponse<String> a = s.get(path);
        assertTrue(a.statusCode() == 404 || a.statusCode() == 400, path + " " + a.statusCode());
        assertEquals(a.statusCode(), new ObjectMapper().readTree(a.body()).path("status").asInt(), path + " " + a.body());
      }
    }
  }
}
