package zoneatlas.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** What both stores share: a pooled data source, the named SQL files, the schema script. */
public abstract class SqlStore implements Store {
  /**
   * The longest a request waits for a pooled connection, for a free one or a new one from a database
   * that does not answer: past it the request gets a 503 with Retry-After (http.Errors). Short,
   * because while PostgreSQL is away every request would otherwise wait (HikariCP's default is
   * 30 s); with queries of milliseconds a busy pool frees a connection well within it.
   */
  public static final long CONNECTION_WAIT_MS = 1500;
  /** How long a pooled connection may take to prove it is alive before it is dropped (below the wait). */
  public static final long VALIDATION_MS = 1000;
  /** How long opening one database connection may take (the pool opens them on its own thread). */
  public static final int LOGIN_TIMEOUT_S = 10;
  /** How long a starting server waits for its database before giving up. */
  public static final long START_WAIT_MS = 60_000;
  /**
   * How much longer than {@link #CONNECTION_WAIT_MS} a request waits while every connection is busy
   * with queries (many clients at once): they are being answered, so this is a queue, not an outage.
   */
  static final long BUSY_WAIT_NS = 10_000_000_000L;
  /** While the database is known to be away, how often one request tries it again (the others fail at once). */
  static final long RETRY_NS = 1_000_000_000L;
  protected final HikariDataSource pool;
  private final SqlFiles sqlFiles;
  private final int timeoutSeconds;
  /** When a request last found no connection and the pool empty (nanoTime); 0 while the database answers. */
  private volatile long awaySince;
  private final AtomicLong lastTry = new AtomicLong();

  protected SqlStore(Dialect dialect, HikariDataSource pool, int timeoutSeconds) {
    this.pool = pool;
    this.sqlFiles = new SqlFiles(dialect);
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * A pooled connection. While the database is away (the last request found the pool empty and got
   * none) requests fail at once, without the wait, and one a second tries again, so an outage costs
   * each request milliseconds, not a thread parked for the wait, and the pool refills by itself as
   * soon as a try succeeds. A pool that is merely busy always has connections, and always waits.
   */
  @Override
  public Connection connection() throws SQLException {
    long away = awaySince;
    if (away != 0 && empty()) {
      long now = System.nanoTime();
      long last = lastTry.get();
      if (now - last < RETRY_NS || !lastTry.compareAndSet(last, now)) {
        throw new SQLTransientConnectionException(pool.getPoolName() + " - the database has not answered for "
            + (now - away) / 1_000_000 + " ms; trying again once a second", "08001");
      }
    }
    long busyUntil = 0;
    while (true) {
      try {
        Connection c = pool.getConnection();
        awaySince = 0;
        return c;
      } catch (SQLTransientConnectionException e) {
        if (empty()) {
          if (awaySince == 0) {
            awaySince = System.nanoTime() | 1;
            lastTry.set(System.nanoTime());
          }
          throw e;
        }
        // every connection is out on a query the database is answering: a queue, not an outage,
        // so wait on (a database that is away has no connection left and is refused above)
        long now = System.nanoTime();
        busyUntil = busyUntil == 0 ? now + BUSY_WAIT_NS : busyUntil;
        if (now >= busyUntil || !busy()) {
          throw e;
        }
      }
    }
  }

  private boolean empty() {
    HikariPoolMXBean mx = pool.getHikariPoolMXBean();
    return mx != null && mx.getTotalConnections() == 0;
  }

  private boolean busy() {
    HikariPoolMXBean mx = pool.getHikariPoolMXBean();
    return mx != null && mx.getActiveConnections() > 0;
  }

  @Override
  public synchronized MeterRegistry reportTo(MeterRegistry registry) {
    if (pool.getMetricRegistry() instanceof MeterRegistry already) {
      return already;
    }
    pool.setMetricRegistry(registry);
    return registry;
  }

  @Override
  public Optional<MeterRegistry> meterRegistry() {
    return pool.getMetricRegistry() instanceof MeterRegistry r ? Optional.of(r) : Optional.empty();
  }

  @Override
  public String sql(String name) {
    return sqlFiles.get(name);
  }

  @Override
  public int queryTimeoutSeconds() {
    return timeoutSeconds;
  }

  /** Creates the tables and indexes if they are missing; safe to run at every start. */
  public void migrate() throws SQLException {
    try (Connection c = connection()) {
      createSchema(c);
    }
  }

  /** Runs the dialect's schema file on {@code c}. */
  protected void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String stmt : SqlFiles.statements(sql("schema"))) {
        s.execute(stmt);
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
