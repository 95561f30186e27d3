package zoneatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import net.postgis.jdbc.jts.JtsGeometry;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostGIS, for production. Accepts {@code postgresql://user:pass@host:port/db} or a JDBC URL. */
public final class PostgisStore extends SqlStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);
  /** How long a read waits for a standby connection before it goes to the primary instead. */
  static final long STANDBY_WAIT_MS = 1000;
  /** After the standby failed, reads skip it this long, so an outage costs one wait, not one per read. */
  static final long STANDBY_RETRY_MS = 5000;
  private final String where;
  private volatile PostgisStore standby;
  private volatile long standbyFailureLogged;
  private volatile long standbyRetryAt;

  private PostgisStore(HikariDataSource pool, int timeout, String where) {
    super(Dialect.POSTGIS, pool, timeout);
    this.where = where;
  }

  public static PostgisStore open(String url, String user, String password, int poolSize, int timeoutSeconds)
      throws SQLException {
    PostgisStore store = connect(url, user, password, poolSize, timeoutSeconds, "postgis", false);
    store.migrate();
    return store;
  }

  /**
   * Sends the queries that only read ({@link #readConnection()}) to a hot standby of this database,
   * e.g. a streaming replica. The standby may be down at start or later: its pool keeps trying,
   * and reads go to the primary meanwhile.
   */
  public void readFrom(String url, String user, String password, int poolSize) throws SQLException {
    PostgisStore s = connect(url, user, password, poolSize, queryTimeoutSeconds(), "postgis-read", true);
    s.pool.setConnectionTimeout(STANDBY_WAIT_MS);
    meterRegistry().ifPresent(s::reportTo);
    standby = s;
    LOG.info("reads from the standby {} (writes and the reads of recent writers from {})", s.where, where);
  }

  /** The standby's description, when reads go to one. */
  public String standbyDescription() {
    PostgisStore s = standby;
    return s == null ? null : s.description();
  }

  /**
   * A connection to the standby itself, or null when none is configured; for readiness checks,
   * which must see the standby fail rather than fall back.
   */
  public Connection standbyConnection() throws SQLException {
    PostgisStore s = standby;
    return s == null ? null : s.connection();
  }

  @Override
  public Connection readConnection() throws SQLException {
    PostgisStore s = standby;
    if (s == null || !ReadRoute.standbyAllowed() || System.currentTimeMillis() < standbyRetryAt) {
      return connection();
    }
    try {
      return s.connection();
    } catch (SQLException e) {
      long now = System.currentTimeMillis();
      standbyRetryAt = now + STANDBY_RETRY_MS;
      if (now - standbyFailureLogged > 60_000) {
        standbyFailureLogged = now;
        LOG.warn("standby {} unavailable, reading from the primary: {}", s.where, e.getMessage());
      }
      return connection();
    }
  }

  @Override
  public synchronized MeterRegistry reportTo(MeterRegistry registry) {
    MeterRegistry r = super.reportTo(registry);
    PostgisStore s = standby;
    if (s != null) {
      s.reportTo(r);
    }
    return r;
  }

  @Override
  public void close() {
    PostgisStore s = standby;
    if (s != null) {
      s.close();
    }
    super.close();
  }

  private static PostgisStore connect(String url, String user, String password, int poolSize, int timeoutSeconds,
      String poolName, boolean standby) throws SQLException {
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
    hc.setPoolName(poolName);
    hc.setConnectionTimeout(CONNECTION_WAIT_MS);
    hc.setValidationTimeout(VALIDATION_MS);
    if (standby) {
      // a standby that is down must not stop the server from starting: reads fall back meanwhile
      hc.setInitializationFailTimeout(-1);
      hc.setReadOnly(true);
    } else {
      // a server started with its database (a reboot, a busy host) waits for it a while rather
      // than exiting at the first slow connection
      hc.setInitializationFailTimeout(START_WAIT_MS);
    }
    HikariDataSource ds = new HikariDataSource(hc);
    return new PostgisStore(ds, timeoutSeconds, where);
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
    /**
     * HikariCP sets the driver's login timeout to its own wait for a connection (1.5 s), which a
     * loaded host can exceed while opening one. The pool opens connections on its own thread, so a
     * longer login costs no request more than that wait: requests still get their 503 in time.
     */
    @Override
    public void setLoginTimeout(int seconds) {
      super.setLoginTimeout(Math.max(seconds, LOGIN_TIMEOUT_S));
    }

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
