package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Every answer carries the security headers, whoever wrote it: a route, the static files, the
 * error mapping, or Jetty itself refusing a path; and Jetty's refusals are the app's JSON errors.
 */
class SecurityHeadersTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      int port = s.app.port();
      for (String path : List.of("/", "/index.html", "/js/app.js", "/webjars/leaflet/1.9.4/dist/leaflet.js", "/collections",
          "/collections/parcels/items?limit=1&f=html", "/collections/nosuch", "/api/sources/x.txt?lines=1",
          "/collections/parcels/items?limit=abc", "/no/such/page", "/collections/%00/items")) {
        RawHttp.Answer a = RawHttp.get(port, "127.0.0.1:" + port, path);
        String csp = a.header("Content-Security-Policy");
        assertNotNull(csp, path + " " + a.status() + " has no CSP: " + a.headers());
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
            && csp.contains("object-src 'none'"), path + ": " + csp);
        assertEquals("DENY", a.header("X-Frame-Options"), path);
        assertEquals("nosniff", a.header("X-Content-Type-Options"), path);
        assertEquals("strict-origin-when-cross-origin", a.header("Referrer-Policy"), path);
      }
    }
  }

  @Test
  void scriptsMayComeOnlyFromThisServerAndTheOneHashedInlineScript() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      String csp = RawHttp.get(s.app.port(), "127.0.0.1", "/").header("Content-Security-Policy");
      String script = directive(csp, "script-src");
      assertTrue(script.matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'"), script);
      assertFalse(csp.contains("unsafe-eval"), csp);
      assertFalse(script.contains("unsafe-inline"), csp);
    }
  }

  @Test
  void imagesMayComeOnlyFromTheConfiguredBasemapHosts() throws Exception {
    try (TestServer none = new TestServer(TestStores.h2())) {
      String csp = RawHttp.get(none.app.port(), "127.0.0.1", "/").header("Content-Security-Policy");
      assertEquals("img-src 'self' data:", directive(csp, "img-src"));
    }
    Map<String, String> basemaps = Map.of(
        "basemap.tianditu.key", "0123456789abcdef",
        "basemap.osm.url", "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
        "basemap.amap.url", "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}");
    try (TestServer s = new TestServer(TestStores.h2(), basemaps)) {
      String img = directive(RawHttp.get(s.app.port(), "127.0.0.1", "/").header("Content-Security-Policy"), "img-src");
      Set<String> sources = new TreeSet<>(Arrays.asList(img.split(" ")));
      Set<String> expected = new TreeSet<>(List.of("img-src", "'self'", "data:",
          "https://a.tile.openstreetmap.org", "https://b.tile.openstreetmap.org", "https://c.tile.openstreetmap.org",
          "https://webrd01.is.autonavi.com", "https://webrd02.is.autonavi.com", "https://webrd03.is.autonavi.com",
          "https://webrd04.is.autonavi.com"));
      for (int i = 0; i < 8; i++) {
        expected.add("https://t" + i + ".tianditu.gov.cn");
      }
      assertEquals(expected, sources);
    }
  }

  @Test
  void aNulByteInThePathGetsTheJsonErrorBody() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      for (String path : List.of("/collections/%00/items", "/collections/parcels/items/%00", "/api/sources/%00.txt?lines=1")) {
        RawHttp.Answer a = RawHttp.get(s.app.port(), "127.0.0.1", path);
        assertEquals(400, a.status(), path + ": " + a.body());
        assertTrue(a.header("Content-Type").startsWith("application/json"), path + ": " + a.headers());
        JsonNode j = JSON.readTree(a.body());
        assertEquals(400, j.path("status").asInt(), a.body());
        assertFalse(j.path("code").asText().isEmpty(), a.body());
        assertTrue(j.path("description").asText().contains("malformed"), a.body());
        assertFalse(a.body().contains("<html"), a.body());
      }
    }
  }

  static String directive(String csp, String name) {
    return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ") || d.equals(name))
        .collect(Collectors.joining());
  }
}
