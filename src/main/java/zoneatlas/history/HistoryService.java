package zoneatlas.history;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.store.Store;

/**
 * Reads the change history: the changes that touched a feature, and the audit trail filtered by
 * user, layer, operation and date. Read-only; nothing here or anywhere changes a record.
 * Thread-safe.
 */
public final class HistoryService {
  private final Store store;

  public HistoryService(Store store) {
    this.store = store;
  }

  /** One change record. */
  public record ChangeRecord(long id, Instant at, String username, String role, String op, String collection,
      String reason, String requestId, boolean ifMatch, String client, String summary, int featureCount) {}

  /** What one change did to one feature: the version it ended and the one it made. */
  public record FeatureChange(String collection, String featureId, String op, Integer versionBefore,
      Integer versionAfter) {}

  /** A change and what it did to the feature asked about. */
  public record Touch(ChangeRecord change, FeatureChange what) {}

  /**
   * An audit question; null fields do not filter.
   *
   * @param collection changes made to this layer or touching a feature of it
   * @param from start of the period (inclusive)
   * @param to end of the period (exclusive)
   */
  public record AuditQuery(String user, String collection, String op, String featureId, Instant from, Instant to,
      int limit, int offset) {}

  /** Every change that touched a feature, newest first. */
  public List<Touch> ofFeature(String collection, String featureId) throws SQLException {
    List<Touch> out = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(store.sql("history_changes_of_feature"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, collection);
      ps.setString(2, featureId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ChangeRecord ch = change(rs);
          out.add(new Touch(ch, new FeatureChange(collection, featureId, rs.getString(13), integer(rs, 14),
              integer(rs, 15))));
        }
      }
    }
    return out;
  }

  /** The changes an audit asks for, newest first. */
  public List<ChangeRecord> audit(AuditQuery q) throws SQLException {
    return page(q, null, q.limit(), q.offset());
  }

  /** A page of the changes an audit matches, newest first; {@code below}, when not null, keeps only older ids. */
  private List<ChangeRecord> page(AuditQuery q, Long below, int limit, int offset) throws SQLException {
    Where w = where(q);
    String sql = "SELECT c.id, c.at, c.username, c.role, c.op, c.collection, c.reason, c.request_id, c.if_match, c.client,"
        + " c.summary, c.feature_count FROM changes c" + w.sql
        + (below == null ? "" : (w.sql.isEmpty() ? " WHERE" : " AND") + " c.id < ?")
        + " ORDER BY c.id DESC LIMIT ? OFFSET ?";
    List<ChangeRecord> out = new ArrayList<>();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      int i = w.bind(ps);
      if (below != null) {
        ps.setLong(i++, below);
      }
      ps.setInt(i++, limit);
      ps.setInt(i, offset);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(change(rs));
        }
      }
    }
    return out;
  }

  /** Receives the changes of {@link #walk}, one at a time. */
  @FunctionalInterface
  public interface ChangeVisitor {
    void visit(ChangeRecord change, List<FeatureChange> features) throws IOException;
  }

  /**
   * Walks the changes an audit asks for, newest first, each with every feature it touched (what an
   * export writes). The query's offset and limit apply ({@code Integer.MAX_VALUE} for all). Reads
   * {@code batch} changes at a time by id, so a change recorded meanwhile is not half-included, and
   * holds a connection only while a batch is read, never while the visitor writes.
   *
   * @return how many changes were visited
   */
  public long walk(AuditQuery q, int batch, ChangeVisitor v) throws SQLException, IOException {
    long seen = 0;
    Long below = null;
    int offset = q.offset();
    while (seen < q.limit()) {
      int n = (int) Math.min(batch, q.limit() - seen);
      List<ChangeRecord> page = page(q, below, n, offset);
      if (page.isEmpty()) {
        break;
      }
      Map<Long, List<FeatureChange>> fs = features(page.stream().map(ChangeRecord::id).toList(), Integer.MAX_VALUE);
      for (ChangeRecord ch : page) {
        v.visit(ch, fs.getOrDefault(ch.id(), List.of()));
      }
      seen += page.size();
      below = page.get(page.size() - 1).id();
      offset = 0;
      if (page.size() < n) {
        break;
      }
    }
    return seen;
  }

  /**
   * The first {@code perChange} features each change touched (by layer, then feature id), by change
   * id in the order of the ids given; one query for all of them.
   */
  public Map<Long, List<FeatureChange>> features(List<Long> changeIds, int perChange) throws SQLException {
    Map<Long, List<FeatureChange>> out = new LinkedHashMap<>();
    for (long id : changeIds) {
      out.put(id, new ArrayList<>());
    }
    if (changeIds.isEmpty()) {
      return out;
    }
    String in = String.join(",", java.util.Collections.nCopies(changeIds.size(), "?"));
    String sql = perChange == Integer.MAX_VALUE
        ? "SELECT change_id, collection, feature_id, op, version_before, version_after FROM feature_changes"
            + " WHERE change_id IN (" + in + ") ORDER BY change_id, collection, feature_id"
        : "SELECT change_id, collection, feature_id, op, version_before, version_after FROM ("
            + "SELECT f.change_id, f.collection, f.feature_id, f.op, f.version_before, f.version_after,"
            + " ROW_NUMBER() OVER (PARTITION BY f.change_id ORDER BY f.collection, f.feature_id) AS n"
            + " FROM feature_changes f WHERE f.change_id IN (" + in + ")) x"
            + " WHERE n <= ? ORDER BY change_id, collection, feature_id";
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setFetchSize(1000);
      int i = 1;
      for (long id : changeIds) {
        ps.setLong(i++, id);
      }
      if (perChange != Integer.MAX_VALUE) {
        ps.setInt(i, perChange);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<FeatureChange> list = out.get(rs.getLong(1));
          if (list != null) {
            list.add(new FeatureChange(rs.getString(2), rs.getString(3), rs.getString(4), integer(rs, 5), integer(rs, 6)));
          }
        }
      }
    }
    return out;
  }

  /** How many changes an audit matches. */
  public long count(AuditQuery q) throws SQLException {
    Where w = where(q);
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM changes c" + w.sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The features each change touched, by change id (in the order of the ids given). */
  public Map<Long, List<FeatureChange>> features(List<Long> changeIds) throws SQLException {
    Map<Long, List<FeatureChange>> out = new LinkedHashMap<>();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(store.sql("history_feature_changes_of"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      for (long id : changeIds) {
        ps.setLong(1, id);
        List<FeatureChange> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            list.add(new FeatureChange(rs.getString(1), rs.getString(2), rs.getString(3), integer(rs, 4), integer(rs, 5)));
          }
        }
        out.put(id, list);
      }
    }
    return out;
  }

  private record Where(String sql, List<Object> params) {
    int bind(PreparedStatement ps) throws SQLException {
      int i = 1;
      for (Object p : params) {
        ps.setObject(i++, p);
      }
      return i;
    }
  }

  private static Where where(AuditQuery q) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.user() != null) {
      parts.add("c.username = ?");
      params.add(q.user());
    }
    if (q.op() != null) {
      parts.add("c.op = ?");
      params.add(q.op());
    }
    if (q.featureId() != null) {
      parts.add("EXISTS (SELECT 1 FROM feature_changes f WHERE f.change_id = c.id AND f.feature_id = ?"
          + (q.collection() != null ? " AND f.collection = ?" : "") + ")");
      params.add(q.featureId());
      if (q.collection() != null) {
        params.add(q.collection());
      }
    } else if (q.collection() != null) {
      // a change made to a layer, or one that touched a feature of it on the way (a link's other end)
      parts.add("(c.collection = ? OR EXISTS (SELECT 1 FROM feature_changes f WHERE f.change_id = c.id"
          + " AND f.collection = ?))");
      params.add(q.collection());
      params.add(q.collection());
    }
    if (q.from() != null) {
      parts.add("c.at >= ?");
      params.add(Versions.timestamp(q.from()));
    }
    if (q.to() != null) {
      parts.add("c.at < ?");
      params.add(Versions.timestamp(q.to()));
    }
    return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
  }

  private static ChangeRecord change(ResultSet rs) throws SQLException {
    return new ChangeRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
        rs.getString(10), rs.getString(11), rs.getInt(12));
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
