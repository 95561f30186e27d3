package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.auth.LoginThrottleCases.right;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** What {@code POST /api/login} answers beside the token: the cookie's lifetime, the missing field named. */
class LoginRoutesTest {
  @Test
  void theCookieLastsAsLongAsTheTokenAndAMissingFieldIsNamed() {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, Map.of("auth.token.hours", "2"))) {
      String c = SecureCookieTest.cookie(right(s, "admin"));
      assertTrue(c.contains("Max-Age=7200"), c);
      // the whole site sends it back (the map, the API, the OGC pages), and never on a cross-site POST
      assertTrue(c.contains("Path=/;") || c.endsWith("Path=/"), c);
      assertTrue(c.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), c);
      HttpResponse<String> noUser = s.request("POST", "/api/login", "{\"password\":\"x\"}", null,
          "Content-Type", "application/json");
      assertEquals(400, noUser.statusCode(), noUser.body());
      assertTrue(noUser.body().contains("username"), noUser.body());
      HttpResponse<String> noPassword = s.request("POST", "/api/login", "{\"username\":\"admin\"}", null,
          "Content-Type", "application/json");
      assertEquals(400, noPassword.statusCode(), noPassword.body());
      assertTrue(noPassword.body().contains("password"), noPassword.body());
      assertTrue(!noPassword.body().contains("username"), noPassword.body());
    }
  }
}
