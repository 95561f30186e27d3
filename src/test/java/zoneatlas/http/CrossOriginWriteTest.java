package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * A write signed in by the login cookie alone must come from the server's own pages: another site
 * can make a browser send the cookie, not the Authorization header the map sends.
 */
class CrossOriginWriteTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CIRCLE = "{\"center\":[113.75,34.72],\"radius_m\":50}";

  @Test
  void cookieWritesFromAnotherOriginOrFromNowhereAreRefused() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      String cookie = "za_token=" + s.token("admin");
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
        String path = method.equals("POST") ? "/collections/parcels/items" : "/collections/parcels/items/P-NONE-1";
        HttpResponse<String> r = s.request(method, path, "{}", null, "Cookie", cookie, "Origin", "https://evil.example",
            "Content-Type", "application/geo+json");
        refused(r, method + " from another origin");
      }
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json"),
          "no Origin, no Referer");
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Referer", "https://evil.example/page.html"), "a foreign Referer");
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", "null"), "an opaque origin");
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", "http://127.0.0.1:" + (s.app.port() + 1)), "another port");
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), "Sec-Fetch-Site cross-site");
    }
  }

  @Test
  void sameOriginCookieWritesAndTokenHeaderWritesGoThrough() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      String token = s.token("admin");
      String cookie = "za_token=" + token;
      String own = s.base();
      accepted(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", own), "own Origin");
      accepted(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Referer", own + "/index.html#z=14"), "own Referer");
      accepted(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Sec-Fetch-Site", "same-origin"), "Sec-Fetch-Site same-origin");
      // the map's way: the token in the header, whatever the origin says (no site can make a browser send it)
      accepted(s.request("POST", "/api/inside", CIRCLE, token, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", "https://evil.example"), "Authorization header");
      // no cookie: nothing to forge, as for any anonymous client
      accepted(s.request("POST", "/api/inside", CIRCLE, null, "Content-Type", "application/json",
          "Origin", "https://evil.example"), "anonymous");
      // reads are never checked
      assertEquals(200, s.request("GET", "/collections", null, null, "Cookie", cookie, "Origin", "https://evil.example")
          .statusCode());
    }
  }

  @Test
  void behindAProxyThePublicUrlIsTheOwnOrigin() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2(), Map.of("public.url", "https://zoneatlas.example.gov.cn/"))) {
      String cookie = "za_token=" + s.token("admin");
      accepted(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", "https://zoneatlas.example.gov.cn"), "the public origin");
      refused(s.request("POST", "/api/inside", CIRCLE, null, "Cookie", cookie, "Content-Type", "application/json",
          "Origin", "http://zoneatlas.example.gov.cn"), "the public host over another scheme");
    }
  }

  private static void refused(HttpResponse<String> r, String what) throws Exception {
    assertEquals(403, r.statusCode(), what + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
    JsonNode j = JSON.readTree(r.body());
    assertEquals("Forbidden", j.path("code").asText(), what + ": " + r.body());
    assertTrue(j.path("description").asText().contains("Authorization header"), r.body());
    assertTrue(j.path("description_zh").asText().contains("Cookie"), r.body());
  }

  private static void accepted(HttpResponse<String> r, String what) {
    assertNotEquals(403, r.statusCode(), what + ": " + r.body());
    assertEquals(200, r.statusCode(), what + ": " + r.body());
  }
}
