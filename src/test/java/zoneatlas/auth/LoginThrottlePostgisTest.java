package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zoneatlas.auth.LoginThrottleCases.SHORT_WINDOW_SECONDS;
import static zoneatlas.auth.LoginThrottleCases.USER_MAX;
import static zoneatlas.auth.LoginThrottleCases.assertThrottled;
import static zoneatlas.auth.LoginThrottleCases.right;
import static zoneatlas.auth.LoginThrottleCases.settings;
import static zoneatlas.auth.LoginThrottleCases.waitOut;
import static zoneatlas.auth.LoginThrottleCases.wrong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Behind a load balancer a guesser's requests land on every server in turn: the attempts are
 * counted in the one PostGIS database all of them share, so no server gives a guesser a fresh start.
 */
@Tag("postgis")
class LoginThrottlePostgisTest {

  @Test
  void guessesSpreadOverTwoServersAreCountedTogether() throws Exception {
    String url = TestStores.postgisCopyUrl();
    try (SqlStore storeA = TestStores.openPostgis(url);
        SqlStore storeB = TestStores.openPostgis(url);
        TestServer a = new TestServer(storeA, settings("auth.throttle.window.seconds", String.valueOf(SHORT_WINDOW_SECONDS)));
        TestServer b = new TestServer(storeB, settings("auth.throttle.window.seconds", String.valueOf(SHORT_WINDOW_SECONDS)))) {
      for (int i = 0; i < USER_MAX; i++) {
        wrong(i % 2 == 0 ? a : b, "admin");
      }
      long retry = assertThrottled(right(b, "admin"), SHORT_WINDOW_SECONDS);
      assertThrottled(right(a, "admin"), SHORT_WINDOW_SECONDS);
      waitOut(retry);
      assertEquals(200, right(a, "admin").statusCode());
      // a success clears the user's count on every server
      for (int i = 0; i < USER_MAX - 1; i++) {
        wrong(b, "admin");
      }
      assertEquals(200, right(b, "admin").statusCode());
    }
  }
}
