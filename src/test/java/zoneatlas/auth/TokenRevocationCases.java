package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * What the revocation tests on each store share. Two {@link TestServer}s over one store stand for
 * two servers behind a load balancer: each has its own {@link Auth}, caches and pool.
 */
final class TokenRevocationCases {
  static final ObjectMapper JSON = new ObjectMapper();

  private TokenRevocationCases() {}

  /** The configured password hash of the test users. */
  static String testHash() {
    String v = TestStores.config().get("auth.user.admin");
    return v.substring(v.indexOf(':') + 1);
  }

  /** Settings for a server where users have other roles or hashes: name, ROLE:HASH pairs. */
  static Map<String, String> users(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put("auth.user." + pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static String token(TestServer s, String user) throws Exception {
    HttpResponse<String> r = LoginThrottleCases.right(s, user);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("token").asText();
  }

  static JsonNode me(TestServer s, String token) throws Exception {
    HttpResponse<String> r = s.get("/api/me", token);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static String role(TestServer s, String token) throws Exception {
    return me(s, token).path("role").asText();
  }

  static void logout(TestServer s, String token) {
    HttpResponse<String> r = s.request("POST", "/api/logout", null, token);
    assertEquals(204, r.statusCode(), r.body());
  }

  /**
   * Waits for {@code server} to treat the token as anonymous and returns how long that took: a
   * server that checked the token within the last {@code auth.revocation.cache.ms} may still
   * trust its own check that long.
   */
  static long millisUntilRefused(TestServer server, String token) throws Exception {
    long t0 = System.nanoTime();
    while (!role(server, token).equals("anonymous")) {
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the token still works 10 s after its logout");
      Thread.sleep(50);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
