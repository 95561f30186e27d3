package zoneatlas.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import zoneatlas.store.Store;

/**
 * Appends change records in the caller's transaction, so a change and its record commit or roll back
 * together: there is never a write without its record, nor a record of a write that did not happen.
 * Not thread-safe (one per transaction).
 */
public final class ChangeLog {
  private final Store store;
  private final Connection c;
  private PreparedStatement feature;
  private int pending;

  public ChangeLog(Store store, Connection c) {
    this.store = store;
    this.c = c;
  }

  /** Writes the change's own record; returns its id, which the versions it makes and ends carry. */
  public long open(Change ch, String summary, int featureCount) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(store.sql("history_change_insert"), new String[] {"id"})) {
      int i = 1;
      ps.setObject(i++, Versions.timestamp(ch.at()));
      setText(ps, i++, ch.username());
      ps.setString(i++, ch.role().name());
      ps.setString(i++, ch.op());
      ps.setString(i++, ch.collection());
      setText(ps, i++, ch.reason());
      ps.setString(i++, ch.requestId());
      ps.setBoolean(i++, ch.ifMatch());
      setText(ps, i++, ch.client());
      setText(ps, i++, summary);
      ps.setInt(i, featureCount);
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        if (!rs.next()) {
          throw new SQLException("the store returned no id for the new change record");
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * Records that a change touched one feature: {@code before} is the version it ended (null when it
   * created the feature), {@code after} the version it made (null when it deleted the feature).
   * Batched; {@link #flush()} before reading them back in the same transaction.
   */
  public void feature(long changeId, String collection, String featureId, String op, Integer before, Integer after)
      throws SQLException {
    if (feature == null) {
      feature = c.prepareStatement(store.sql("history_feature_change_insert"));
    }
    feature.setLong(1, changeId);
    feature.setString(2, collection);
    feature.setString(3, featureId);
    feature.setString(4, op);
    setInt(feature, 5, before);
    setInt(feature, 6, after);
    feature.addBatch();
    if (++pending >= 500) {
      flush();
    }
  }

  public void flush() throws SQLException {
    if (feature != null && pending > 0) {
      feature.executeBatch();
      pending = 0;
    }
  }

  /** Flushes and releases the statement; call before commit. */
  public void close() throws SQLException {
    flush();
    if (feature != null) {
      feature.close();
      feature = null;
    }
  }

  static void setText(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}
