package zoneatlas.store;

import java.sql.SQLException;
import zoneatlas.config.Config;

/** Picks the store the configuration asks for: PostGIS when {@code db.url} is set, else embedded. */
public final class Stores {
  private Stores() {}

  public static SqlStore open(Config c) throws SQLException {
    int timeout = c.integer("query.timeout.seconds");
    int pool = c.integer("db.pool.size");
    String url = c.get("db.url").trim();
    if (url.isEmpty()) {
      return H2gisStore.open(c.get("embedded.path"), pool, timeout);
    }
    return PostgisStore.open(url, c.get("db.user"), c.get("db.password"), pool, timeout);
  }
}
