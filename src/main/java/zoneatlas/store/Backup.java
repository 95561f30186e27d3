package zoneatlas.store;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import zoneatlas.config.Config;

/**
 * {@code java -jar zoneatlas.jar backup FILE} and {@code restore FILE [--force]}, with the same
 * configuration layers as the server (--config, ZONEATLAS_* environment, --key value flags).
 *
 * <p>Embedded store: the backup is H2's own {@code SCRIPT ... COMPRESSION ZIP}, the whole
 * database (tables, rows, indexes including the spatial ones, the H2GIS function aliases,
 * triggers) as SQL in a zip. A restore runs it with {@code RUNSCRIPT} into a new file next to
 * the database and swaps the files only when that succeeded, so a bad or truncated backup never
 * leaves a half-restored store. The previous file is kept as {@code NAME.before-restore.mv.db}.
 * Both need the server stopped (H2 locks the file); while it runs, administrators download the
 * same zip from {@code GET /api/admin/backup} ({@link BackupRoutes}).
 *
 * <p>PostGIS: PostgreSQL's tools do this better than we could, so the commands print the exact
 * {@code pg_dump}/{@code pg_restore} lines to run and exit with status 2.
 */
public final class Backup {
  /** Exit status: done. */
  public static final int OK = 0;
  /** Exit status: failed while working (the message says where). */
  public static final int FAILED = 1;
  /** Exit status: nothing was done (usage, configuration, refused, or PostGIS instructions printed). */
  public static final int NOT_DONE = 2;
  /** Exit status: the database file is in use by a running server; the same as the server's. */
  public static final int IN_USE = 4;

  /** H2's RUNSCRIPT reads this entry of the zip; SCRIPT writes it. */
  private static final String ZIP_ENTRY = "script.sql";
  /** H2GIS's reference table: present, and full, in every embedded database, so no sign of data. */
  private static final String H2GIS_OWN_TABLE = "spatial_ref_sys";

  private Backup() {}

  /**
   * Runs {@code backup FILE ...} or {@code restore FILE [--force] ...} and returns the exit
   * status; {@code args[0]} is the command. Never calls System.exit, so tests run it in-process.
   */
  public static int cli(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String cmd = args[0];
    if (args.length < 2 || args[1].startsWith("--")) {
      err.println("usage: java -jar zoneatlas.jar " + cmd + " FILE" + (cmd.equals("restore") ? " [--force]" : "")
          + " [--config FILE] [--embedded.path PATH | --db URL]");
      return NOT_DONE;
    }
    Path file = Path.of(args[1]).toAbsolutePath().normalize();
    boolean force = false;
    List<String> rest = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      // --force is this command's own switch, not a setting: Config would reject it as unknown
      if (args[i].equals("--force") || args[i].equals("--force=true")) {
        force = true;
      } else {
        rest.add(args[i]);
      }
    }
    if (force && cmd.equals("backup")) {
      err.println("zoneatlas: --force is for restore only (a backup replaces FILE anyway)");
      return NOT_DONE;
    }
    Config config;
    try {
      config = Config.load(rest.toArray(String[]::new), env);
    } catch (Config.ConfigException e) {
      err.println("zoneatlas: " + e.getMessage());
      return NOT_DONE;
    }
    String dbUrl = config.get("db.url").trim();
    if (!dbUrl.isEmpty()) {
      out.print(postgisCommands(cmd, file, dbUrl, config.get("db.user"), force));
      return NOT_DONE;
    }
    String path = config.get("embedded.path");
    try {
      if (cmd.equals("backup")) {
        long bytes = backupFile(path, file);
        out.println("zoneatlas: backed up " + H2gisStore.file(path) + " to " + file + " (" + bytes + " bytes)");
      } else {
        Restored r = restoreFile(path, file, force);
        out.println("zoneatlas: restored " + file + " into " + H2gisStore.file(path) + ": "
            + r.rows().size() + " tables, " + r.rows().values().stream().mapToLong(Long::longValue).sum() + " rows"
            + (r.replaced() != null ? "; the database it replaced is kept as " + r.replaced() : ""));
      }
      return OK;
    } catch (H2gisStore.UnavailableException e) {
      err.println("zoneatlas: " + e.getMessage()
          + (cmd.equals("backup") ? " (while the server runs, an administrator can download GET /api/admin/backup)" : ""));
      return IN_USE;
    } catch (Refused e) {
      err.println("zoneatlas: " + e.getMessage());
      return NOT_DONE;
    } catch (SQLException | IOException | RuntimeException e) {
      // H2 puts the failing statement on lines of its own; an operator's terminal gets one line
      err.println("zoneatlas: " + cmd + " failed: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
      return FAILED;
    }
  }

  /**
   * Backs up the embedded database file at {@code embedded.path} to {@code target} (replaced).
   * The server must not be running on it.
   *
   * @return the size of the backup in bytes
   */
  public static long backupFile(String embeddedPath, Path target) throws SQLException, IOException {
    if (H2gisStore.isMemory(embeddedPath)) {
      throw new Refused("embedded.path is mem: an in-memory store lives only inside its server;"
          + " download GET /api/admin/backup from the running server, or set embedded.path to a file");
    }
    Path db = H2gisStore.file(embeddedPath);
    if (!Files.isRegularFile(db)) {
      throw new Refused("there is no embedded database at " + db + " (check embedded.path, or --config)");
    }
    try (Connection c = H2gisStore.connectFile(embeddedPath, true, true)) {
      try {
        script(c, target);
      } finally {
        shutdown(c);
      }
    }
    return Files.size(target);
  }

  /**
   * Writes the whole database behind {@code c} to {@code target} as H2's zipped SQL script. The
   * file appears only once complete (a failed backup never replaces a good one), and it is one
   * consistent snapshot even while other connections write.
   */
  public static void script(Connection c, Path target) throws SQLException, IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path part = Files.createTempFile(dir, target.getFileName().toString(), ".part");
    boolean auto = c.getAutoCommit();
    int isolation = c.getTransactionIsolation();
    try {
      // SERIALIZABLE takes one snapshot of every table at the first statement; READ COMMITTED
      // would let a write committed half-way through land in some tables and not others
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try (PreparedStatement ps = c.prepareStatement("SCRIPT TO ? COMPRESSION ZIP")) {
        ps.setString(1, part.toString());
        ps.execute();
      } finally {
        c.rollback();
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(auto);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Replaces the embedded database at {@code embedded.path} with the backup {@code source}.
   * Refuses a database that holds rows unless {@code force}. The server must not be running on it.
   *
   * @return rows per table of the restored database, and where the replaced file was kept
   */
  public static Restored restoreFile(String embeddedPath, Path source, boolean force)
      throws SQLException, IOException {
    if (H2gisStore.isMemory(embeddedPath)) {
      throw new Refused("embedded.path is mem: there is no file to restore into; set embedded.path to a file");
    }
    checkBackupFile(source);
    Path db = H2gisStore.file(embeddedPath);
    if (Files.exists(db)) {
      try (Connection c = H2gisStore.connectFile(embeddedPath, true, true)) {
        try {
          Map<String, Long> rows = rowCounts(c);
          long total = rows.values().stream().mapToLong(Long::longValue).sum();
          if (total > 0 && !force) {
            throw new Refused(db + " holds " + total + " rows (" + describe(rows) + "); a restore replaces them all."
                + " Add --force to replace them (the database is then kept as " + previous(embeddedPath) + ")");
          }
        } finally {
          shutdown(c);
        }
      }
    }
    // restore into a new file beside the database, swapped in only when complete
    String staging = stagingPath(embeddedPath);
    Path stagingFile = H2gisStore.file(staging);
    Files.deleteIfExists(stagingFile);
    Path replaced = null;
    try {
      // not durable per commit: RUNSCRIPT commits statement by statement, and the SHUTDOWN
      // below writes everything before the file is used
      try (Connection c = H2gisStore.connectFile(staging, false, false)) {
        try (PreparedStatement ps = c.prepareStatement("RUNSCRIPT FROM ? COMPRESSION ZIP")) {
          ps.setString(1, source.toString());
          ps.execute();
        } finally {
          shutdown(c);
        }
      }
      if (Files.exists(db)) {
        replaced = previous(embeddedPath);
        Files.move(db, replaced, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(stagingFile, db, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(stagingFile);
      // H2 logs a failed statement next to the database
      Files.deleteIfExists(stagingFile.resolveSibling(stagingFile.getFileName().toString()
          .replace(H2gisStore.FILE_SUFFIX, ".trace.db")));
    }
    // open it as the server will: loads H2GIS functions a backup of another version lacks, adds
    // tables this version's schema has and the backup's did not
    try (H2gisStore store = H2gisStore.open(embeddedPath, 1, 60);
        Connection c = store.connection()) {
      return new Restored(rowCounts(c), replaced);
    }
  }

  /** What a restore did: rows per table now, and where the database it replaced is kept (or null). */
  public record Restored(Map<String, Long> rows, Path replaced) {}

  /** Where a restore keeps the database it replaced. */
  static Path previous(String embeddedPath) {
    Path db = H2gisStore.file(embeddedPath);
    String name = db.getFileName().toString();
    return db.resolveSibling(name.substring(0, name.length() - H2gisStore.FILE_SUFFIX.length())
        + ".before-restore" + H2gisStore.FILE_SUFFIX);
  }

  private static String stagingPath(String embeddedPath) {
    Path db = H2gisStore.file(embeddedPath);
    String name = db.getFileName().toString();
    return db.resolveSibling(name.substring(0, name.length() - H2gisStore.FILE_SUFFIX.length()) + ".restoring")
        .toString();
  }

  /** Fails early, before anything is touched, on a file that is not an H2 script zip. */
  private static void checkBackupFile(Path source) {
    if (!Files.isRegularFile(source)) {
      throw new Refused("no backup file at " + source);
    }
    try (ZipFile z = new ZipFile(source.toFile())) {
      if (z.getEntry(ZIP_ENTRY) == null) {
        throw new Refused(source + " is a zip without " + ZIP_ENTRY + ": not a ZoneAtlas embedded backup");
      }
    } catch (IOException e) {
      throw new Refused(source + " is not a ZoneAtlas embedded backup (a zip made by the backup command): " + e.getMessage());
    }
  }

  /**
   * Rows in every table of the database except H2GIS's reference table, by schema.table. What
   * "empty" means for a restore, and what it reports; generic, so tables added later count too.
   */
  public static Map<String, Long> rowCounts(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) <> 'information_schema'"
            + " ORDER BY table_schema, table_name")) {
      while (rs.next()) {
        if (!rs.getString(2).equalsIgnoreCase(H2GIS_OWN_TABLE)) {
          tables.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
        }
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
          rs.next();
          counts.put(t.replace("\"", ""), rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static String describe(Map<String, Long> rows) {
    List<String> parts = new ArrayList<>();
    rows.forEach((t, n) -> {
      if (n > 0) {
        parts.add(t + " " + n);
      }
    });
    return String.join(", ", parts);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Closes the database file now, not at JVM exit, so it can be moved or reopened. */
  private static void shutdown(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  /**
   * The shell lines that back up or restore a PostGIS database, for an operator to run: the
   * password is never printed (PGPASSWORD or ~/.pgpass supply it).
   */
  static String postgisCommands(String cmd, Path file, String dbUrl, String configUser, boolean force) {
    PgTarget t = PgTarget.parse(dbUrl, configUser);
    String conn = "-h " + sh(t.host) + " -p " + t.port + (t.user.isEmpty() ? "" : " -U " + sh(t.user));
    StringBuilder b = new StringBuilder();
    b.append("# zoneatlas: db.url is PostGIS, which is backed up with PostgreSQL's own tools (pg_dump/pg_restore,\n");
    b.append("# of the server's major version or newer). The password comes from PGPASSWORD or ~/.pgpass.\n");
    if (cmd.equals("backup")) {
      b.append("pg_dump -Fc ").append(conn).append(" -d ").append(sh(t.database))
          .append(" -f ").append(sh(file.toString())).append('\n');
    } else if (force) {
      b.append("# --force: drops every object the backup holds from the database, then restores them\n");
      b.append("pg_restore --clean --if-exists --no-owner --exit-on-error --single-transaction ").append(conn)
          .append(" -d ").append(sh(t.database)).append(' ').append(sh(file.toString())).append('\n');
    } else {
      b.append("# into a new, empty database (the PostGIS extension must be installable there):\n");
      b.append("createdb ").append(conn).append(' ').append(sh(t.database)).append('\n');
      b.append("pg_restore --no-owner --exit-on-error --single-transaction ").append(conn)
          .append(" -d ").append(sh(t.database)).append(' ').append(sh(file.toString())).append('\n');
    }
    return b.toString();
  }

  /** A word for a POSIX shell: as is when plain, else single-quoted. */
  private static String sh(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:@%+=,-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  /** Host, port, database and user of a {@code postgresql://} or {@code jdbc:postgresql:} URL. */
  record PgTarget(String host, int port, String database, String user) {
    static PgTarget parse(String url, String configUser) {
      String u = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
      URI uri = URI.create(u);
      String host = uri.getHost() == null ? "localhost" : uri.getHost();
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String db = URLDecoder.decode(path.startsWith("/") ? path.substring(1) : path, StandardCharsets.UTF_8);
      String user = configUser == null ? "" : configUser.trim();
      if (user.isEmpty() && uri.getRawUserInfo() != null) {
        user = URLDecoder.decode(uri.getRawUserInfo().split(":", 2)[0], StandardCharsets.UTF_8);
      }
      if (user.isEmpty() && uri.getRawQuery() != null) {
        for (String kv : uri.getRawQuery().split("&")) {
          if (kv.startsWith("user=")) {
            user = URLDecoder.decode(kv.substring(5), StandardCharsets.UTF_8);
          }
        }
      }
      return new PgTarget(host, port, db, user);
    }
  }

  /** Nothing was done, for a reason the operator can fix; the message says which. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
