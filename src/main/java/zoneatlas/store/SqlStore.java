package zoneatlas.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What both stores share: a pooled data source, the named SQL files, the schema script. */
public abstract class SqlStore implements Store {
  protected final HikariDataSource pool;
  private final SqlFiles sqlFiles;
  private final int timeoutSeconds;

  protected SqlStore(Dialect dialect, HikariDataSource pool, int timeoutSeconds) {
    this.pool = pool;
    this.sqlFiles = new SqlFiles(dialect);
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public Connection connection() throws SQLException {
    return pool.getConnection();
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
    try (Connection c = connection();
        Statement s = c.createStatement()) {
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
