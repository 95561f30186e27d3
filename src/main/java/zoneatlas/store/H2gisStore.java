package zoneatlas.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2gis.api.Function;
import org.h2gis.api.ScalarFunction;
import org.h2gis.functions.factory.H2GISFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: H2 with the H2GIS spatial functions, in a file ({@code embedded.path},
 * {@code data/zoneatlas} by default) or in memory ({@code path = "mem"}). Nothing to install;
 * what {@code java -jar} runs when no database is configured.
 */
public final class H2gisStore extends SqlStore {
  private static final Logger LOG = LoggerFactory.getLogger(H2gisStore.class);
  /** The {@code embedded.path} value that asks for a store that lives only in this process. */
  public static final String MEMORY = "mem";
  /** H2 names the database file after the path plus this suffix. */
  public static final String FILE_SUFFIX = ".mv.db";

  // Behave like PostgreSQL: lower-case identifiers, and YEAR, VALUE, KEY as plain column names.
  // DB_CLOSE_DELAY=-1 keeps the database open while the pool replaces connections; close()
  // shuts it down explicitly.
  private static final String SETTINGS = ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=YEAR,VALUE,KEY";
  // H2 otherwise writes committed changes to the file up to 500 ms later (a background thread),
  // so kill -9 or a crash loses edits the client was told were saved (measured: 0.5 s of
  // commits lost at every kill). With 0, the MVStore writes a chunk before the commit returns
  // (TransactionStore.endTransaction -> MVStore.commit, a synchronous write; measured: nothing
  // lost). A commit then costs a file write; bulk loads are one transaction. It does not fsync:
  // a power cut can still lose what the OS had not yet written. The price is one chunk per
  // commit: measured on a 47 MB file, 10 single-row commits a second kept it at 51 MB (as the
  // default does), while a sustained 100 a second grew it to 300 MB (default: 57 MB). Calling
  // MVStore.compactFile from a timer to make up for it broke H2 (an assertion in
  // FreeSpaceBitSet under concurrent writes), so it is not done; SHUTDOWN compacts a little.
  private static final String DURABLE = ";WRITE_DELAY=0";

  private final String where;
  private final String url;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * The session that creates the schema, open as long as the store. H2 (2.4) binds a CHECK
   * constraint with an IN list to the session that created it: once that session closes, every
   * insert the constraint checks fails ("Check constraint invalid", the database "closed") until the
   * database is opened again. A pooled session is closed at the pool's whim (its maximum lifetime,
   * a connection found broken), so the schema is created here instead; a database opened again
   * reads its constraints in H2's own system session.
   */
  private Connection schemaSession;

  private H2gisStore(HikariDataSource pool, int timeout, String where, String url) {
    super(Dialect.H2GIS, pool, timeout);
    this.where = where;
    this.url = url;
  }

  @Override
  public void migrate() throws SQLException {
    if (schemaSession == null) {
      schemaSession = h2(url);
    }
    createSchema(schemaSession);
  }

  /**
   * Opens (or creates) the database, loads the H2GIS functions into it when they are missing,
   * and creates the schema. A file database's folder is created on first use.
   *
   * @throws UnavailableException when the file is held by another process or cannot be created
   */
  public static H2gisStore open(String path, int poolSize, int timeoutSeconds) throws SQLException {
    String url;
    String where;
    if (isMemory(path)) {
      url = "jdbc:h2:mem:zoneatlas-" + System.nanoTime() + SETTINGS;
      where = "in memory";
    } else {
      Path file = file(path);
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UnavailableException("cannot create the folder " + file.getParent() + " for the embedded database ("
            + e.getMessage() + "); set embedded.path to a writable place, or to mem for a store in memory only");
      }
      url = fileUrl(path, true);
      where = file.toString();
    }
    // One plain connection first: it opens the database (a locked file fails here with a message
    // we can word), and it loads the functions before the pool's connections exist.
    try (Connection c = connect(url, path)) {
      loadFunctions(c);
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setDriverClassName(org.h2.Driver.class.getName()); // as h2(): no other driver's errors
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("h2gis");
    hc.setExceptionOverrideClassName(SessionGone.class.getName());
    HikariDataSource ds = new HikariDataSource(hc);
    H2gisStore store = new H2gisStore(ds, timeoutSeconds, where, url);
    try {
      store.migrate();
    } catch (SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  public static boolean isMemory(String path) {
    return path.trim().equals(MEMORY);
  }

  /**
   * The database file for an {@code embedded.path}, absolute (H2 refuses paths relative to the
   * working directory in its URL). Accepts the path with or without H2's {@code .mv.db} suffix.
   */
  public static Path file(String path) {
    String p = path.trim();
    if (p.endsWith(FILE_SUFFIX)) {
      p = p.substring(0, p.length() - FILE_SUFFIX.length());
    }
    Path base = Path.of(p).toAbsolutePath().normalize();
    return base.resolveSibling(base.getFileName() + FILE_SUFFIX);
  }

  /** The JDBC URL of a file database, with the settings every opener must agree on. */
  static String fileUrl(String path, boolean durable) {
    Path f = file(path);
    String base = f.toString().substring(0, f.toString().length() - FILE_SUFFIX.length());
    return "jdbc:h2:file:" + base + SETTINGS + (durable ? DURABLE : "");
  }

  /** Rewrites a closed file database without its free space (what a file shipped in the jar should be). */
  public static void compact(String path) throws SQLException {
    try (Connection c = connectFile(path, true, false);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
  }

  /**
   * A plain connection to a file database ({@link Backup} works on the file directly, without a
   * pool, the functions or the schema).
   *
   * @param mustExist fail instead of creating an empty database
   * @param durable each commit written before it returns (see {@link #DURABLE}), as the server runs
   */
  static Connection connectFile(String path, boolean mustExist, boolean durable) throws SQLException {
    return connect(fileUrl(path, durable) + (mustExist ? ";IFEXISTS=TRUE" : ""), path);
  }

  private static Connection connect(String url, String path) throws SQLException {
    try {
      return h2(url);
    } catch (SQLException e) {
      if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new UnavailableException("the embedded database " + file(path) + " is in use by another process"
            + " (is ZoneAtlas already running on it?): stop that process, or set embedded.path to another file", e);
      }
      throw e;
    }
  }

  /**
   * H2's own driver, not DriverManager: DriverManager asks every registered driver and reports
   * the first error, and the PostGIS JTS driver fails on any URL ("url is null"), which would
   * hide H2's "file in use".
   */
  private static Connection h2(String url) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "");
    return org.h2.Driver.load().connect(url, p);
  }

  /**
   * Loads H2GIS only when some function is missing or points elsewhere. Its loader drops and
   * re-creates all ~360 aliases, which on a file database takes a second or two and churns the
   * file at every start; the aliases are stored in the database, so one load per file (and one
   * after an H2GIS upgrade changes them) is enough.
   */
  private static void loadFunctions(Connection c) throws SQLException {
    long t0 = System.nanoTime();
    if (functionsLoaded(c)) {
      return;
    }
    H2GISFunctions.load(c);
    LOG.debug("H2GIS functions loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private static boolean functionsLoaded(Connection c) throws SQLException {
    Map<String, String> have = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT routine_name, external_name FROM information_schema.routines"
            + " WHERE routine_schema = 'public' AND external_language = 'JAVA'")) {
      while (rs.next()) {
        have.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
      }
    }
    for (Function f : H2GISFunctions.getBuiltInsFunctions()) {
      String alias = H2GISFunctions.getAlias(f).toLowerCase(Locale.ROOT);
      String got = have.get(alias);
      if (got == null) {
        return false;
      }
      // aggregates name only their class; scalar functions name class.method
      String want = f instanceof ScalarFunction sf ? f.getClass().getName() + "." + sf.getJavaStaticMethod() : null;
      if (want != null && !want.equals(got)) {
        return false;
      }
    }
    try (ResultSet rs = c.getMetaData().getTables(null, "public", null, new String[] {"TABLE", "VIEW"})) {
      boolean srs = false;
      boolean columns = false;
      while (rs.next()) {
        srs |= rs.getString("TABLE_NAME").equals("spatial_ref_sys");
        columns |= rs.getString("TABLE_NAME").equals("geometry_columns");
      }
      return srs && columns;
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.H2GIS;
  }

  @Override
  public String description() {
    return "embedded H2GIS (" + where + ")";
  }

  /**
   * Closes the pool, then the database itself: with DB_CLOSE_DELAY=-1 it would otherwise stay
   * open (holding the file lock, or the memory) until the JVM exits, and a reopen in the same
   * process would not read the file again.
   */
  @Override
  public void close() {
    // a second close must not reopen the file only to shut it down again
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    super.close();
    if (schemaSession != null) {
      try {
        schemaSession.close();
      } catch (SQLException e) {
        LOG.debug("closing the schema session of {}: {}", where, e.getMessage());
      }
    }
    try (Connection c = h2(url + ";IFEXISTS=TRUE");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already closed: H2's own hook at JVM exit may have come first
      LOG.debug("H2 shutdown of {}: {}", where, e.getMessage());
    }
  }

  /**
   * The embedded database cannot be opened for a reason the operator must fix (another process
   * holds the file, the folder cannot be created); the message says what and which setting.
   */
  public static final class UnavailableException extends SQLException {
    UnavailableException(String message) {
      super(message);
    }

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Tells the pool that an H2 connection whose session is gone (closed under the write, broken, or
   * the database shut down) is dead. H2 reports it with its own codes, not SQLState class 08, so
   * HikariCP would otherwise put it back and hand it to the next request, which fails too (issue
   * 15, found by RollbackContract closing a connection mid-write).
   */
  public static final class SessionGone implements com.zaxxer.hikari.SQLExceptionOverride {
    @java.lang.Override // the interface's enum is called Override too
    public Override adjudicate(SQLException e) {
      return switch (e.getErrorCode()) {
        case org.h2.api.ErrorCode.OBJECT_CLOSED, org.h2.api.ErrorCode.CONNECTION_BROKEN_1,
            org.h2.api.ErrorCode.DATABASE_IS_CLOSED, org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> Override.MUST_EVICT;
        default -> Override.CONTINUE_EVICT;
      };
    }
  }
}
