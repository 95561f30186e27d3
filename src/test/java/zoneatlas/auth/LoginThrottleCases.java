package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** What the throttle tests on each store share: the settings they run with and the login request. */
final class LoginThrottleCases {
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Long enough that a test's failures stay inside it even when logins crawl on a loaded machine
   * (each derives a PBKDF2 key); {@link #SHORT_WINDOW_SECONDS} for the tests that wait it out.
   */
  static final int WINDOW_SECONDS = 60;
  static final int SHORT_WINDOW_SECONDS = 8;
  static final int USER_MAX = 3;
  static final int ADDRESS_MAX = 5;

  private LoginThrottleCases() {}

  /** Few failures allowed; {@code more} are key, value pairs that override. */
  static Map<String, String> settings(String... more) {
    java.util.Map<String, String> m = new java.util.HashMap<>(Map.of(
        "auth.throttle.window.seconds", String.valueOf(WINDOW_SECONDS),
        "auth.throttle.user.max", String.valueOf(USER_MAX),
        "auth.throttle.address.max", String.valueOf(ADDRESS_MAX)));
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  static HttpResponse<String> login(TestServer s, String user, String password, String... headers) {
    String body = "{\"username\":" + quote(user) + ",\"password\":" + quote(password) + "}";
    String[] h = new String[headers.length + 2];
    h[0] = "Content-Type";
    h[1] = "application/json";
    System.arraycopy(headers, 0, h, 2, headers.length);
    return s.request("POST", "/api/login", body, null, h);
  }

  static HttpResponse<String> right(TestServer s, String user, String... headers) {
    return login(s, user, TestStores.PASSWORD, headers);
  }

  static HttpResponse<String> wrong(TestServer s, String user, String... headers) {
    HttpResponse<String> r = login(s, user, "not-the-password", headers);
    assertEquals(401, r.statusCode(), r.body());
    return r;
  }

  /** A 429 as the map shows it: JSON, Retry-After in whole seconds within the window, a Chinese description. */
  static long assertThrottled(HttpResponse<String> r) throws Exception {
    return assertThrottled(r, WINDOW_SECONDS);
  }

  static long assertThrottled(HttpResponse<String> r, int windowSeconds) throws Exception {
    assertEquals(429, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("json"));
    long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= windowSeconds, "Retry-After " + retry);
    JsonNode b = JSON.readTree(r.body());
    assertEquals(429, b.path("status").asInt());
    assertTrue(b.path("description_zh").asText().contains("登录尝试过多"), r.body());
    assertTrue(b.path("description_zh").asText().contains(String.valueOf(retry)), r.body());
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no token while throttled");
    return retry;
  }

  static void waitOut(long retryAfterSeconds) throws InterruptedException {
    Thread.sleep(retryAfterSeconds * 1000 + 200);
  }

  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
