package zoneatlas.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of writing: a connection in a transaction that commits when the work returns and rolls
 * back when it throws anything at all. Errors too: a JDBC connection set back to auto-commit
 * commits what it holds, so a write that caught only SQLExceptions and RuntimeExceptions would
 * keep half its rows after an OutOfMemoryError.
 */
public final class Transactions {
  private Transactions() {}

  /** Work on the transaction's connection; it may roll back itself (a dry run), which then commits nothing. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  public static <T> T run(Store store, Work<T> work) throws SQLException {
    try (Connection c = store.connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (Throwable t) {
        try {
          c.rollback();
        } catch (Throwable r) {
          t.addSuppressed(r);
        }
        throw t;
      } finally {
        try {
          c.setAutoCommit(auto);
        } catch (SQLException ignored) {
          // a broken connection: the pool discards it
        }
      }
    }
  }
}
