package zoneatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import net.postgis.jdbc.jts.JtsGeometry;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/** PostGIS, for production. Accepts {@code postgresql://user:pass@host:port/db} or a JDBC URL. */
public final class PostgisStore extends SqlStore {
  private final String where;

  private PostgisStore(HikariDataSource pool, int timeout, String where) {
    super(Dialect.POSTGIS, pool, timeout);
    this.where = where;
  }

  public static PostgisStore open(String url, String user, String password, int poolSize, int timeoutSeconds)
      throws SQLException {
    HikariConfig hc = new HikariConfig();
    String jdbc = url;
    String where = url;
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      URI u = URI.create(url);
      String host = u.getHost() == null ? "localhost" : u.getHost();
      int port = u.getPort() < 0 ? 5432 : u.getPort();
      jdbc = "jdbc:postgresql://" + host + ":" + port + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
      where = host + ":" + port + u.getRawPath();
      if (u.getRawUserInfo() != null) {
        String[] up = u.getRawUserInfo().split(":", 2);
        user = user.isEmpty() ? URLDecoder.decode(up[0], StandardCharsets.UTF_8) : user;
        if (up.length > 1 && password.isEmpty()) {
          password = URLDecoder.decode(up[1], StandardCharsets.UTF_8);
        }
      }
    } else if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("db.url must start with postgresql:// or jdbc:postgresql:, got " + url.replaceAll(":[^:@/]*@", ":***@"));
    } else {
      where = url.replaceAll("password=[^&]*", "password=***");
    }
    // HikariCP opens the physical connections itself and has no Java hook for a new one, so the
    // geometry type is registered by the DataSource it draws them from (JtsDataSource below), on
    // every connection, including those the pool replaces later. Not postgis-jdbc-jts's own
    // JtsWrapper driver (nor its static addGISTypes, same class): loading that class registers it
    // with DriverManager, and it then answers every URL that is not its own by throwing (pgjdbc's
    // "url is null") instead of returning null, so any failed connection in the process, to H2
    // too, reports that error instead of the real one.
    JtsDataSource source = new JtsDataSource();
    source.setUrl(jdbc);
    // bulk loads send batched inserts as multi-row statements
    source.setReWriteBatchedInserts(true);
    source.setApplicationName("zoneatlas");
    hc.setDataSource(source);
    if (!user.isEmpty()) {
      hc.setUsername(user);
    }
    if (!password.isEmpty()) {
      hc.setPassword(password);
    }
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("postgis");
    HikariDataSource ds = new HikariDataSource(hc);
    PostgisStore store = new PostgisStore(ds, timeoutSeconds, where);
    store.migrate();
    return store;
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGIS;
  }

  @Override
  public String description() {
    return "PostGIS (" + where + ")";
  }

  /** pgjdbc's DataSource, handing out connections that read PostGIS geometry as {@link JtsGeometry}. */
  private static final class JtsDataSource extends PGSimpleDataSource {
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      Connection c = super.getConnection(user, password);
      try {
        c.unwrap(PGConnection.class).addDataType("geometry", JtsGeometry.class);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return c;
    }
  }
}
