package zoneatlas.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.config.Config;
import zoneatlas.http.ApiError;
import zoneatlas.store.Store;

/**
 * Slows password guessing: at most {@code auth.throttle.user.max} failed logins per user name
 * and {@code auth.throttle.address.max} per client address in any {@code
 * auth.throttle.window.seconds}; beyond that every login is refused with 429, the right password
 * too, until the oldest failure leaves the window.
 *
 * <p>Attempts are rows of {@code login_attempts} in the store, so every server over the same
 * database counts the same guesses (per-server counts would multiply a guesser's allowance by the
 * number of servers behind the load balancer). An attempt is written <em>before</em> the password
 * is checked and counted with the others, so a burst of parallel guesses cannot all pass the
 * check before any of them has failed; a refused attempt removes its row again, so hammering
 * does not stretch the wait, and a success removes its own rows and forgives the user's earlier
 * failures. Names and addresses are stored as SHA-256 digests: a user name field sometimes holds
 * a password typed in the wrong box.
 */
public final class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;
  private final long windowMs;
  private final int userMax;
  private final int addressMax;
  private final AtomicLong lastPurge = new AtomicLong();

  public LoginThrottle(Store store, Config config, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.windowMs = config.longValue("auth.throttle.window.seconds") * 1000;
    this.userMax = config.integer("auth.throttle.user.max");
    this.addressMax = config.integer("auth.throttle.address.max");
    if (windowMs < 1000 || userMax < 0 || addressMax < 0) {
      throw new Config.ConfigException("auth.throttle.window.seconds must be at least 1, "
          + "auth.throttle.user.max and auth.throttle.address.max at least 0 (0: no limit)");
    }
  }

  /** One login attempt under way; tell it how the password check went. */
  public final class Attempt {
    private final String user;
    private final String address;
    private final String id;
    /** Whole seconds to wait, or 0 when the attempt may go on. */
    public final long retryAfterSeconds;

    private Attempt(String user, String address, String id, long retryAfterSeconds) {
      this.user = user;
      this.address = address;
      this.id = id;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The password was right: this attempt and the user's earlier failures no longer count. */
    public void succeeded() throws SQLException {
      if (id == null) {
        return;
      }
      try (Connection c = store.connection()) {
        delete(c, this);
        try (PreparedStatement st = c.prepareStatement(store.sql("auth_login_attempts_clear"))) {
          st.setString(1, user);
          st.executeUpdate();
        }
      }
    }

    /** The password was wrong: the row written by {@link #begin} stays and counts until it leaves the window. */
    public void failed() {
      long now = clock.millis();
      long last = lastPurge.get();
      // one DELETE per window per server keeps the table to the attempts that still count
      if (id != null && now - last > windowMs && lastPurge.compareAndSet(last, now)) {
        try (Connection c = store.connection();
            PreparedStatement st = c.prepareStatement(store.sql("auth_login_attempts_purge"))) {
          st.setLong(1, now - windowMs);
          st.executeUpdate();
        } catch (SQLException e) {
          // old rows no longer count anyway: the next window's purge takes them
          LOG.warn("could not purge old login attempts: {}", e.getMessage());
        }
      }
    }

    /** The 429 to answer when {@link #retryAfterSeconds} is not 0. */
    public ApiError refusal() {
      long s = retryAfterSeconds;
      return new ApiError(429, "TooManyRequests", null,
          "too many login attempts; try again in " + s + " s",
          Map.of("description_zh", "登录尝试过多，请 " + s + " 秒后再试", "retryAfter", s));
    }
  }

  /**
   * Records an attempt by this user name from this address and says whether it may go on
   * ({@link Attempt#retryAfterSeconds} 0) or must be refused.
   */
  public Attempt begin(String userName, String clientAddress) throws SQLException {
    if (userMax == 0 && addressMax == 0) {
      return new Attempt(null, null, null, 0);
    }
    String user = digest("user\0" + userName);
    String address = digest("address\0" + TrustedProxies.bucketOf(clientAddress));
    byte[] r = new byte[12];
    RANDOM.nextBytes(r);
    Attempt a = new Attempt(user, address, HexFormat.of().formatHex(r), 0);
    long now = clock.millis();
    try (Connection c = store.connection()) {
      try (PreparedStatement st = c.prepareStatement(store.sql("auth_login_attempt_insert"))) {
        for (String bucket : new String[] {user, address}) {
          st.setString(1, bucket);
          st.setLong(2, now);
          st.setString(3, a.id);
          st.addBatch();
        }
        st.executeBatch();
      }
      long wait = 0;
      try (PreparedStatement st = c.prepareStatement(store.sql("auth_login_attempts_recent"))) {
        st.setString(1, user);
        st.setString(2, address);
        st.setLong(3, now - windowMs);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            int max = rs.getString(1).equals(user) ? userMax : addressMax;
            if (max > 0 && rs.getLong(2) > max) {
              // when the oldest leaves the window a new attempt fits (unless a burst went past the
              // limit: that one then hears a new Retry-After); this attempt is the newest, never the oldest
              long ms = rs.getLong(3) + windowMs - now;
              wait = Math.max(wait, Math.max(1, (ms + 999) / 1000));
            }
          }
        }
      }
      if (wait > 0) {
        delete(c, a);
        return new Attempt(user, address, null, wait);
      }
    }
    return a;
  }

  private void delete(Connection c, Attempt a) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(store.sql("auth_login_attempt_delete"))) {
      st.setString(1, a.user);
      st.setString(2, a.address);
      st.setString(3, a.id);
      st.executeUpdate();
    }
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
