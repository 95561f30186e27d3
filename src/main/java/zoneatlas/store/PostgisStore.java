package zoneatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

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
    hc.setJdbcUrl(jdbc);
    if (!user.isEmpty()) {
      hc.setUsername(user);
    }
    if (!password.isEmpty()) {
      hc.setPassword(password);
    }
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("postgis");
    // bulk loads send batched inserts as multi-row statements
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    hc.addDataSourceProperty("ApplicationName", "zoneatlas");
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
}
