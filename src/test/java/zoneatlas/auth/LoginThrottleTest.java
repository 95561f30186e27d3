package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.auth.LoginThrottleCases.ADDRESS_MAX;
import static zoneatlas.auth.LoginThrottleCases.SHORT_WINDOW_SECONDS;
import static zoneatlas.auth.LoginThrottleCases.USER_MAX;
import static zoneatlas.auth.LoginThrottleCases.assertThrottled;
import static zoneatlas.auth.LoginThrottleCases.right;
import static zoneatlas.auth.LoginThrottleCases.settings;
import static zoneatlas.auth.LoginThrottleCases.waitOut;
import static zoneatlas.auth.LoginThrottleCases.wrong;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** Password guessing is slowed per user name and per client address, on the embedded store. */
class LoginThrottleTest {

  @Test
  void wrongPasswordsThenTheRightOneIsRefusedUntilTheWindowHasPassed() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer s = new TestServer(store, settings("auth.throttle.window.seconds", String.valueOf(SHORT_WINDOW_SECONDS)))) {
      for (int i = 0; i < USER_MAX; i++) {
        wrong(s, "admin");
      }
      // the right password while throttled is refused too: otherwise the 429 only slows a guesser down
      long retry = assertThrottled(right(s, "admin"), SHORT_WINDOW_SECONDS);
      waitOut(retry);
      assertEquals(200, right(s, "admin").statusCode());
    }
  }

  @Test
  void aSuccessfulLoginForgivesTheUsersEarlierMistakes() throws Exception {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, settings())) {
      // two rounds of USER_MAX - 1 failures: more than USER_MAX unless the success in between
      // forgave the first, fewer than ADDRESS_MAX (an address is not forgiven by one good login)
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < USER_MAX - 1; i++) {
          wrong(s, "planner");
        }
        assertEquals(200, right(s, "planner").statusCode(), "round " + round);
      }
    }
  }

  @Test
  void aBurstOfParallelGuessesGetsNoMoreThanTheLimitThrough() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer s = new TestServer(store, settings("auth.throttle.address.max", "0"))) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(pool.submit(() -> LoginThrottleCases.login(s, "admin", "guess").statusCode()));
        }
        int checked = 0;
        for (Future<Integer> f : answers) {
          int status = f.get(60, TimeUnit.SECONDS);
          assertTrue(status == 401 || status == 429, "status " + status);
          checked += status == 401 ? 1 : 0;
        }
        // each attempt is written before its password is checked, so the ones in flight count too
        assertTrue(checked <= USER_MAX, checked + " passwords checked");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void oneAddressTryingManyUserNamesIsThrottledAsAWhole() throws Exception {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, settings())) {
      for (int i = 0; i < ADDRESS_MAX; i++) {
        // unknown names too: whether a name exists must not change the answer
        wrong(s, i % 2 == 0 ? "admin" + i : "planner");
        if (i % 2 == 1) {
          assertEquals(200, right(s, "planner").statusCode());
        }
      }
      assertThrottled(right(s, "land_officer"));
    }
  }

  @Test
  void forwardedForIsIgnoredUnlessTheServerSitsBehindATrustedProxy() throws Exception {
    try (SqlStore store = TestStores.freshH2(); TestServer s = new TestServer(store, settings())) {
      // a client that makes up a new X-Forwarded-For for each guess is still one address
      for (int i = 0; i < ADDRESS_MAX; i++) {
        wrong(s, "nobody" + i, "X-Forwarded-For", "198.51.100." + i);
      }
      assertThrottled(right(s, "admin", "X-Forwarded-For", "198.51.100.200"));
    }
    try (SqlStore store = TestStores.freshH2();
        TestServer s = new TestServer(store, settings("proxy.trusted", "127.0.0.1"))) {
      // behind nginx every client arrives from the proxy's address: the header tells them apart
      for (int i = 0; i < ADDRESS_MAX; i++) {
        wrong(s, "nobody" + i, "X-Forwarded-For", "198.51.100.7");
      }
      assertThrottled(right(s, "admin", "X-Forwarded-For", "198.51.100.7"));
      // a forged entry in front of the one the proxy appended does not choose the bucket
      assertThrottled(right(s, "admin", "X-Forwarded-For", "203.0.113.9, 198.51.100.7"));
      assertEquals(200, right(s, "admin", "X-Forwarded-For", "198.51.100.8").statusCode());
    }
  }

  @Test
  void aUserIsThrottledWhicheverAddressTheGuessesComeFrom() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer s = new TestServer(store, settings("proxy.trusted", "127.0.0.0/8"))) {
      for (int i = 0; i < USER_MAX; i++) {
        wrong(s, "land_officer", "X-Forwarded-For", "198.51.100." + i);
      }
      assertThrottled(right(s, "land_officer", "X-Forwarded-For", "203.0.113.50"));
      assertEquals(200, right(s, "admin", "X-Forwarded-For", "203.0.113.50").statusCode());
    }
  }

  @Test
  void twoServersOverOneDatabaseCountTheSameAttempts() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer a = new TestServer(store, settings());
        TestServer b = new TestServer(store, settings())) {
      for (int i = 0; i < USER_MAX; i++) {
        wrong(i % 2 == 0 ? a : b, "admin");
      }
      assertThrottled(right(b, "admin"));
      assertThrottled(right(a, "admin"));
    }
  }

  @Test
  void noLimitWhenTheSettingIsZero() throws Exception {
    try (SqlStore store = TestStores.freshH2();
        TestServer s = new TestServer(store, settings("auth.throttle.user.max", "0", "auth.throttle.address.max", "0"))) {
      for (int i = 0; i < ADDRESS_MAX + USER_MAX; i++) {
        wrong(s, "admin");
      }
      assertEquals(200, right(s, "admin").statusCode());
    }
  }
}
