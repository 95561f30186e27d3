package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.auth.LoginThrottleCases.right;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The login cookie is marked Secure when the browser reached us over HTTPS, so it never travels
 * in clear text; over plain HTTP (a laptop, a demo) it must stay unmarked or the browser drops it.
 */
class SecureCookieTest {

  static String cookie(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Auth.COOKIE + "="))
        .findFirst().orElseThrow();
  }

  static boolean secure(String setCookie) {
    return Arrays.stream(setCookie.split(";")).anyMatch(a -> a.trim().toLowerCase(Locale.ROOT).equals("secure"));
  }

  @Test
  void plainHttpGetsAUsableCookieAndAClientCannotClaimHttps() {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, Map.of())) {
      String c = cookie(right(s, "admin"));
      assertFalse(secure(c), c);
      assertTrue(c.contains("HttpOnly"), c);
      // no proxy is trusted: a client's own X-Forwarded-Proto is only a claim
      String claimed = cookie(right(s, "admin", "X-Forwarded-Proto", "https"));
      assertFalse(secure(claimed), claimed);
    }
  }

  @Test
  void behindATrustedProxyThatTerminatedHttpsTheCookieIsSecure() {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, Map.of("proxy.trusted", "127.0.0.1, ::1"))) {
      String c = cookie(right(s, "admin", "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7"));
      assertTrue(secure(c), c);
      String plain = cookie(right(s, "admin", "X-Forwarded-Proto", "http"));
      assertFalse(secure(plain), plain);
      assertFalse(secure(cookie(right(s, "admin"))));
    }
  }
}
