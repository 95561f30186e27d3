package zoneatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2gis.functions.factory.H2GISFunctions;

/**
 * The embedded default: H2 with the H2GIS spatial functions, in memory ({@code path = "mem"}) or
 * in a file. Nothing to install; what {@code java -jar} runs when no database is configured.
 */
public final class H2gisStore extends SqlStore {
  private final String where;

  private H2gisStore(HikariDataSource pool, int timeout, String where) {
    super(Dialect.H2GIS, pool, timeout);
    this.where = where;
  }

  /** Opens (or creates) the database and loads the H2GIS functions into it. */
  public static H2gisStore open(String path, int poolSize, int timeoutSeconds) throws SQLException {
    String name = path.equals("mem") ? "mem:zoneatlas-" + System.nanoTime() : "file:" + path;
    HikariConfig hc = new HikariConfig();
    // behave like PostgreSQL: lower-case identifiers, and YEAR as a plain column name
    hc.setJdbcUrl("jdbc:h2:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=YEAR,VALUE,KEY");
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("h2gis");
    HikariDataSource ds = new HikariDataSource(hc);
    try (Connection c = ds.getConnection()) {
      H2GISFunctions.load(c);
    }
    H2gisStore store = new H2gisStore(ds, timeoutSeconds, path.equals("mem") ? "in memory" : path);
    store.migrate();
    return store;
  }

  @Override
  public Dialect dialect() {
    return Dialect.H2GIS;
  }

  @Override
  public String description() {
    return "embedded H2GIS (" + where + ")";
  }
}
