package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.config.Config;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/** The window's arithmetic on a clock the test moves, so no test has to sleep through it. */
class LoginThrottleClockTest {
  static final class Hand extends Clock {
    long ms = Instant.parse("2026-12-07T08:00:00Z").toEpochMilli();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(ms);
    }
  }

  static Config config() {
    return Config.of(Map.of("auth.throttle.window.seconds", "300", "auth.throttle.user.max", "3",
        "auth.throttle.address.max", "10"));
  }

  @Test
  void retryAfterIsWhenTheOldestFailureLeavesTheWindow() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      LoginThrottle t = new LoginThrottle(store, config(), clock);
      for (int i = 0; i < 3; i++) {
        LoginThrottle.Attempt a = t.begin("ann", "198.51.100.1");
        assertEquals(0, a.retryAfterSeconds);
        a.failed();
        clock.ms += 10_000; // failures at 0, 10 and 20 s
      }
      assertEquals(270, t.begin("ann", "198.51.100.2").retryAfterSeconds); // at 30 s: the one at 0 s leaves at 300
      clock.ms += 269_500;
      assertEquals(1, t.begin("ann", "198.51.100.2").retryAfterSeconds); // half a second: rounded up
      clock.ms += 500;
      LoginThrottle.Attempt ok = t.begin("ann", "198.51.100.2");
      assertEquals(0, ok.retryAfterSeconds);
      ok.succeeded();
      // the success forgave the two failures still in the window
      for (int i = 0; i < 3; i++) {
        LoginThrottle.Attempt a = t.begin("ann", "198.51.100.3");
        assertEquals(0, a.retryAfterSeconds, "attempt " + i);
        a.failed();
      }
      // refused attempts leave no row: hammering does not push the wait further out
      for (int i = 0; i < 50; i++) {
        t.begin("ann", "198.51.100.4");
      }
      assertEquals(300, t.begin("ann", "198.51.100.5").retryAfterSeconds);
      // a window later, one failure purges every row that no longer counts
      clock.ms += 301_000;
      t.begin("bob", "198.51.100.6").failed();
      try (Connection c = store.connection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM login_attempts")) {
        rs.next();
        assertEquals(2, rs.getInt(1), "bob's attempt, by name and by address");
      }
    }
  }
}
