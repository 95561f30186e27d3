package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.auth.TokenRevocationCases.logout;
import static zoneatlas.auth.TokenRevocationCases.millisUntilRefused;
import static zoneatlas.auth.TokenRevocationCases.role;
import static zoneatlas.auth.TokenRevocationCases.testHash;
import static zoneatlas.auth.TokenRevocationCases.token;
import static zoneatlas.auth.TokenRevocationCases.users;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * A token grants what its user may do now, not what they could do when they signed in: the role
 * comes from the configuration each server runs with, a logout ends the token on every server
 * over the database, and a new password ends every token issued under the old one.
 */
class TokenRevocationTest {

  @Test
  void aUserDowngradedInTheConfigurationLosesTheRightsAtOnce() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer before = new TestServer(store, Map.of());
        // the same user, demoted in the configuration this server was (re)started with
        TestServer after = new TestServer(store, users("admin", "planner:" + testHash()))) {
      String t = token(before, "admin");
      assertEquals("admin", role(before, t));
      assertEquals("planner", role(after, t));
      HttpResponse<String> audit = after.get("/api/audit", t);
      assertEquals(403, audit.statusCode(), audit.body());
      assertEquals(200, before.get("/api/audit", t).statusCode());
    }
  }

  @Test
  void aLoggedOutTokenIsRefusedByEveryServer() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer a = new TestServer(store, Map.of());
        TestServer b = new TestServer(store, Map.of())) {
      String t = token(a, "land_officer");
      String other = token(a, "land_officer");
      logout(a, t);
      assertEquals("anonymous", role(a, t));
      // b never checked this token: it asks the database, which says revoked
      assertEquals("anonymous", role(b, t));
      HttpResponse<String> write = b.request("POST", "/api/efficiency/whatif", "{}", t, "Content-Type", "application/json");
      assertEquals(401, write.statusCode(), write.body());
      // only that token: the same user's other sessions go on
      assertEquals("land_officer", role(b, other));
      // logging out twice, or with a dead token, is not an error
      logout(b, t);
      logout(b, "garbage");
    }
  }

  @Test
  void aServerThatCheckedTheTokenJustBeforeTheLogoutRefusesItWithinASecond() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer a = new TestServer(store, Map.of());
        TestServer b = new TestServer(store, Map.of())) {
      String t = token(a, "admin");
      assertEquals("admin", role(b, t)); // b now trusts its check of t for auth.revocation.cache.ms
      logout(a, t);
      long ms = millisUntilRefused(b, t);
      assertTrue(ms < 1500, "refused after " + ms + " ms");
    }
    Map<String, String> noCache = Map.of("auth.revocation.cache.ms", "0");
    try (SqlStore store = TestStores.freshH2();
        TestServer a = new TestServer(store, noCache);
        TestServer b = new TestServer(store, noCache)) {
      String t = token(a, "admin");
      assertEquals("admin", role(b, t));
      logout(a, t);
      assertEquals("anonymous", role(b, t));
    }
  }

  @Test
  void logoutWithTheCookieRevokesTheCookiesToken() throws Exception {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, Map.of())) {
      String t = token(s, "planner");
      String cookie = Auth.COOKIE + "=" + t;
      // a browser on our own page says so (Security refuses cookie writes from other sites)
      HttpResponse<String> out = s.request("POST", "/api/logout", null, null, "Cookie", cookie,
          "Origin", s.base(), "Sec-Fetch-Site", "same-origin");
      assertEquals(204, out.statusCode(), out.body());
      assertTrue(out.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Auth.COOKIE + "=")),
          "the cookie is cleared");
      HttpResponse<String> me = s.request("GET", "/api/me", null, null, "Cookie", cookie);
      assertTrue(me.body().contains("\"anonymous\""), me.body());
    }
  }

  @Test
  void logoutWithABearerTokenAndAnotherSessionsCookieEndsBoth() throws Exception {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, Map.of())) {
      String bearer = token(s, "planner");
      String fromCookie = token(s, "admin");
      HttpResponse<String> out = s.request("POST", "/api/logout", null, bearer, "Cookie", Auth.COOKIE + "=" + fromCookie,
          "Origin", s.base(), "Sec-Fetch-Site", "same-origin");
      assertEquals(204, out.statusCode(), out.body());
      assertEquals("anonymous", role(s, bearer), "the bearer token ended");
      assertEquals("anonymous", role(s, fromCookie), "the cookie's token ended too");
    }
  }

  @Test
  void aNewPasswordInTheConfigurationEndsTheTokensIssuedUnderTheOldOne() throws Exception {
    String newHash = Passwords.hash("a-new-password-2");
    try (SqlStore store = TestStores.freshH2();
        TestServer old = new TestServer(store, Map.of());
        TestServer changed = new TestServer(store, users("admin", "admin:" + newHash))) {
      String t = token(old, "admin");
      assertEquals("admin", role(old, t));
      assertEquals("anonymous", role(changed, t));
      // the other users' tokens are untouched, and the new password signs in
      assertEquals("planner", role(changed, token(old, "planner")));
      HttpResponse<String> r = LoginThrottleCases.login(changed, "admin", "a-new-password-2");
      assertEquals(200, r.statusCode(), r.body());
      String fresh = TokenRevocationCases.JSON.readTree(r.body()).path("token").asText();
      assertEquals("admin", role(changed, fresh));
      // and the server still on the old password does not take the new one's token either
      assertEquals("anonymous", role(old, fresh));
    }
  }
}
