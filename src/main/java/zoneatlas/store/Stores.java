package zoneatlas.store;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.config.Config;
import zoneatlas.demo.DemoImage;
import zoneatlas.demo.DemoLoader;

/** Picks the store the configuration asks for: PostGIS when {@code db.url} is set, else embedded. */
public final class Stores {
  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

  private Stores() {}

  public static SqlStore open(Config c) throws SQLException {
    int timeout = c.integer("query.timeout.seconds");
    int pool = c.integer("db.pool.size");
    String url = c.get("db.url").trim();
    String readUrl = c.get("db.read.url").trim();
    if (url.isEmpty()) {
      if (!readUrl.isEmpty()) {
        throw new Config.ConfigException("db.read.url (a hot standby for reads) needs db.url (its primary) to be set too");
      }
      return H2gisStore.open(c.get("embedded.path"), pool, timeout);
    }
    PostgisStore store = PostgisStore.open(url, c.get("db.user"), c.get("db.password"), pool, timeout);
    if (!readUrl.isEmpty()) {
      try {
        // the standby is a copy of the primary: the same account unless told otherwise
        String user = c.get("db.read.user").isEmpty() ? c.get("db.user") : c.get("db.read.user");
        String password = c.get("db.read.password").isEmpty() ? c.get("db.password") : c.get("db.read.password");
        store.readFrom(readUrl, user, password, c.integer("db.read.pool.size"));
      } catch (SQLException | RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return store;
  }

  /**
   * What the server starts with: the store opened, and the demo data loaded when {@code demo.load}
   * is on and the store holds no plan features yet. A store kept in a file is loaded once, on its
   * first start; later starts only open it.
   *
   * @throws zoneatlas.demo.LoadException when the demo data is refused (the store is closed, and
   *     left empty)
   */
  public static SqlStore openForServer(Config c) throws SQLException {
    long t0 = System.nanoTime();
    boolean image = false;
    if (c.get("db.url").isBlank() && !H2gisStore.isMemory(c.get("embedded.path")) && c.bool("demo.load")) {
      try {
        image = DemoImage.install(H2gisStore.file(c.get("embedded.path")), c.longValue("demo.seed"));
      } catch (java.io.IOException e) {
        // generating the data is slower but as good: say why and go on
        LOG.warn("demo data image not installed ({}): generating the demo data instead", e.toString());
      }
    }
    SqlStore store = open(c);
    LOG.info("store: {} (db.url from {}, embedded.path from {})", store.description(), c.origin("db.url"),
        c.origin("embedded.path"));
    try {
      boolean empty = DemoLoader.isEmpty(store);
      if (c.bool("demo.load") && empty) {
        DemoLoader.load(store, c.longValue("demo.seed"));
      } else if (image) {
        LOG.info("demo data (seed {}) installed from the database image built with the jar", c.longValue("demo.seed"));
      } else if (!empty) {
        LOG.info("store holds data already: demo data not loaded");
      }
    } catch (SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
    LOG.info("store ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    return store;
  }
}
