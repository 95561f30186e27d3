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

  private static int copies;
  private static boolean template;

  /**
   * A PostGIS database of its own holding the demo data, for tests that write: a copy of a template
   * database loaded once per JVM (CREATE DATABASE ... TEMPLATE copies it in a second).
   */
  public static synchronized SqlStore postgisCopy() {
    return openPostgis(postgisCopyUrl());
  }

  /** A store over a PostGIS database given by URL (several stores over one database act as several servers). */
  public static SqlStore openPostgis(String jdbcUrl) {
    try {
      return PostgisStore.open(jdbcUrl, PostgisCluster.get().user(), "", 8, 30);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JDBC URL of a new copy of the demo database (see {@link #postgisCopy()}). */
  public static synchronized String postgisCopyUrl() {
    PostgisCluster c = PostgisCluster.get();
    String base = c.jdbcUrl().substring(0, c.jdbcUrl().lastIndexOf('/') + 1);
    try {
      if (!template) {
        createDatabase(c, "demo_template", null);
        try (SqlStore t = PostgisStore.open(base + "demo_template", c.user(), "", 2, 60)) {
          loaded(t);
        }
        template = true;
      }
      String name = "edit_" + (++copies);
      createDatabase(c, name, "demo_template");
      return base + name;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void createDatabase(PostgisCluster c, String name, String from) throws java.sql.SQLException {
    try (java.sql.Connection conn = java.sql.DriverManager.getConnection(c.jdbcUrl(), c.user(), "");
        java.sql.Statement st = conn.createStatement()) {
      st.execute("CREATE DATABASE " + name + (from == null ? "" : " TEMPLATE " + from));
    }
  }

  /** An embedded store of its own with the demo data, for tests that write. */
  public static SqlStore h2Copy() {
    return loaded(freshH2());
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
