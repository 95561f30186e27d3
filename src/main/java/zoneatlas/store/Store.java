package zoneatlas.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the layers live: PostGIS in production, an embedded H2GIS database by default. Every
 * query the API makes goes through a connection from here and SQL text from {@link #sql(String)},
 * and {@code StoreContractTest} runs the same checks against both implementations.
 *
 * <p>Implementations are thread-safe; connections are pooled and must be closed by the caller.
 */
public interface Store extends AutoCloseable {
  Dialect dialect();

  Connection connection() throws SQLException;

  /** The named statement for this store's dialect ({@code sql/<dialect>/name.sql}, else {@code sql/common/name.sql}). */
  String sql(String name);

  /** Seconds a single statement may run before the database cancels it. */
  int queryTimeoutSeconds();

  /** For logs: which database, where (never the password). */
  String description();

  @Override
  void close();
}
