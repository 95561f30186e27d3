package zoneatlas.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

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

  /**
   * A connection for a query that only reads. With {@code db.read.url} set it comes from the hot
   * standby while {@link ReadRoute} allows it on this thread (an HTTP request whose client has not
   * written in the last few seconds), so it may be a few milliseconds behind the primary; otherwise,
   * and whenever the standby does not answer, from the primary as {@link #connection()}. Never write
   * on it: a standby refuses writes.
   */
  default Connection readConnection() throws SQLException {
    return connection();
  }

  /**
   * Has the store's pools report to {@code registry} (connections in use, idle, waiting). A pool
   * takes one registry for its life, so the first call wins: the answer is the registry the pools
   * report to, or {@code registry} itself when the store has no pools of its own.
   */
  default MeterRegistry reportTo(MeterRegistry registry) {
    return registry;
  }

  /** The registry the pools report to, once {@link #reportTo} was called. */
  default Optional<MeterRegistry> meterRegistry() {
    return Optional.empty();
  }

  /** The named statement for this store's dialect ({@code sql/<dialect>/name.sql}, else {@code sql/common/name.sql}). */
  String sql(String name);

  /** Seconds a single statement may run before the database cancels it. */
  int queryTimeoutSeconds();

  /** For logs: which database, where (never the password). */
  String description();

  @Override
  void close();

  /**
   * Whether this thread's reads may go to the standby. Off unless set: start-up, the demo loader,
   * background work and tests that call services directly read from the primary. The HTTP layer
   * sets it at the start of each request and clears it at the end.
   */
  final class ReadRoute {
    private static final ThreadLocal<Boolean> STANDBY = new ThreadLocal<>();

    private ReadRoute() {}

    public static boolean standbyAllowed() {
      return Boolean.TRUE.equals(STANDBY.get());
    }

    public static void allowStandby(boolean allowed) {
      STANDBY.set(allowed);
    }

    public static void clear() {
      STANDBY.remove();
    }
  }
}
