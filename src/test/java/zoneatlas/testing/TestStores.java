package zoneatlas.testing;

import java.util.Map;
import zoneatlas.Services;
import zoneatlas.config.Config;
import zoneatlas.demo.DemoLoader;
import zoneatlas.store.H2gisStore;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;

/**
 * The stores tests share, each loaded once per JVM with the demo data (the same seed, so both
 * hold the same features). Tests must not change the demo data they read; a test that writes
 * opens its own store with {@link #freshH2()}.
 */
public final class TestStores {
  public static final long SEED = 20210818L;
  /** Test users, all with the password {@link #PASSWORD}. */
  public static final String PASSWORD = "test-password-1";

  private static SqlStore h2;
  private static SqlStore postgis;
  private static String hash;

  private TestStores() {}

  public static synchronized SqlStore h2() {
    if (h2 == null) {
      h2 = loaded(freshH2());
    }
    return h2;
  }

  public static synchronized SqlStore postgis() {
    if (postgis == null) {
      PostgisCluster c = PostgisCluster.get();
      try {
        postgis = loaded(PostgisStore.open(c.jdbcUrl(), c.user(), "", 8, 30));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return postgis;
  }

  /** An empty embedded store of its own, schema created. */
  public static SqlStore freshH2() {
    try {
      return H2gisStore.open("mem", 4, 30);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SqlStore loaded(SqlStore s) {
    try {
      if (DemoLoader.isEmpty(s)) {
        DemoLoader.load(s, SEED);
      }
      return s;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A configuration with one user per role (name = role) and a fixed signing key. */
  public static synchronized Config config() {
    if (hash == null) {
      hash = zoneatlas.auth.Passwords.hash(PASSWORD);
    }
    return Config.of(Map.of(
        "auth.secret", "test-secret-0123456789",
        "auth.user.prospect", "prospect:" + hash,
        "auth.user.planner", "planner:" + hash,
        "auth.user.land_officer", "land_officer:" + hash,
        "auth.user.admin", "admin:" + hash,
        "port", "0"));
  }

  public static Services services(SqlStore store) {
    return new Services(config(), store);
  }
}
