package zoneatlas.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.layers.Column;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.Layer;
import zoneatlas.store.Store;

/**
 * The versioned feature tables (plan features, parcels, enterprises) on the caller's connection
 * and transaction: read a live version under a row lock, end it (copy it whole into the history
 * table), write the next one. Column lists come from the layer catalog, whose columns the contract
 * tests hold equal to the tables', so a copy never drops a column. Not thread-safe.
 */
public final class Versions {
  private final Store store;
  private final Connection c;

  /**
   * One version of a feature as stored.
   *
   * @param values the catalog columns (and {@code layer} for plan features) by name: String, Double,
   *     Long or Boolean, null when empty
   */
  public record Row(String id, Map<String, Object> values, Geometry geom, int version, Instant validFrom,
      Long changeId) {

    public Object get(String column) {
      return values.get(column);
    }

    public Row with(Map<String, Object> newValues, Geometry newGeom) {
      return new Row(id, newValues, newGeom, version, validFrom, changeId);
    }
  }

  public Versions(Store store, Connection c) {
    this.store = store;
    this.c = c;
  }

  /** Instants as the stores keep them: microseconds, in UTC. */
  public static OffsetDateTime timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** Every column a version holds besides id, version, valid_from, change_id and geom. */
  static List<String> dataColumns(Layer l) {
    List<String> out = new ArrayList<>();
    if (l.whereLayer() != null) {
      out.add("layer");
    }
    for (Column col : l.columns()) {
      out.add(FeatureService.column(col.name()));
    }
    return out;
  }

  /** All columns of a version, in the order the statements here use. */
  static String allColumns(Layer l) {
    StringJoiner j = new StringJoiner(", ");
    j.add("id");
    dataColumns(l).forEach(j::add);
    j.add("version").add("valid_from").add("change_id").add("geom");
    return j.toString();
  }

  /** The live version of a feature, locked until the transaction ends; null when there is none. */
  public Row lock(Layer l, String id) throws SQLException {
    String sql = "SELECT " + allColumns(l) + " FROM " + l.table() + " WHERE id = ?"
        + (l.whereLayer() != null ? " AND layer = ?" : "") + " FOR UPDATE";
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, id);
      if (l.whereLayer() != null) {
        ps.setString(2, l.whereLayer());
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(l, rs) : null;
      }
    }
  }

  /** The ended versions of a feature, oldest first (for reverts and restores). */
  public List<Row> ended(Layer l, String id) throws SQLException {
    String sql = "SELECT " + allColumns(l) + " FROM " + l.table() + "_history WHERE id = ?"
        + (l.whereLayer() != null ? " AND layer = ?" : "") + " ORDER BY version";
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, id);
      if (l.whereLayer() != null) {
        ps.setString(2, l.whereLayer());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(l, rs));
        }
      }
    }
    return out;
  }

  /** Whether an id was ever used in the feature's table, live or ended, in any layer of it. */
  public boolean everUsed(Layer l, String id) throws SQLException {
    for (String t : List.of(l.table(), l.table() + "_history")) {
      try (PreparedStatement ps = prepare("SELECT 1 FROM " + t + " WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The highest version number a feature ever had (0 when none), so a restored feature goes on counting. */
  public int lastVersion(Layer l, String id) throws SQLException {
    int v = 0;
    for (String t : List.of(l.table(), l.table() + "_history")) {
      try (PreparedStatement ps = prepare("SELECT MAX(version) FROM " + t + " WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            v = Math.max(v, rs.getInt(1));
          }
        }
      }
    }
    return v;
  }

  /** Ends the live version: copies it unaltered into the history table, closed at {@code validTo}. */
  public void end(Layer l, String id, Instant validTo, long endedBy) throws SQLException {
    String cols = allColumns(l);
    String sql = "INSERT INTO " + l.table() + "_history (" + cols + ", valid_to, ended_by) SELECT " + cols + ", ?, ? FROM "
        + l.table() + " WHERE id = ?";
    try (PreparedStatement ps = prepare(sql)) {
      ps.setObject(1, timestamp(validTo));
      ps.setLong(2, endedBy);
      ps.setString(3, id);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no live version of " + l.id() + " " + id + " to end");
      }
    }
  }

  /** Writes a new live version (the feature must have none). */
  public void insert(Layer l, Row r) throws SQLException {
    List<String> data = dataColumns(l);
    StringJoiner marks = new StringJoiner(", ");
    for (int i = 0; i < data.size() + 5; i++) {
      marks.add("?");
    }
    String sql = "INSERT INTO " + l.table() + " (" + allColumns(l) + ") VALUES (" + marks + ")";
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, r.id());
      int i = bindValues(ps, 2, l, r);
      bindVersion(ps, i, r);
      ps.executeUpdate();
    }
  }

  /** Replaces the live version with {@code r} (whose version, valid_from and change_id are the new ones). */
  public void update(Layer l, Row r) throws SQLException {
    StringJoiner set = new StringJoiner(", ");
    for (String col : dataColumns(l)) {
      set.add(col + " = ?");
    }
    set.add("version = ?").add("valid_from = ?").add("change_id = ?").add("geom = ?");
    try (PreparedStatement ps = prepare("UPDATE " + l.table() + " SET " + set + " WHERE id = ?")) {
      int i = bindValues(ps, 1, l, r);
      i = bindVersion(ps, i, r);
      ps.setString(i, r.id());
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no live version of " + l.id() + " " + r.id() + " to replace");
      }
    }
  }

  /** Removes the live version (after {@link #end} kept it). */
  public void delete(Layer l, String id) throws SQLException {
    try (PreparedStatement ps = prepare("DELETE FROM " + l.table() + " WHERE id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  private int bindValues(PreparedStatement ps, int from, Layer l, Row r) throws SQLException {
    int i = from;
    if (l.whereLayer() != null) {
      ps.setString(i++, l.whereLayer());
    }
    for (Column col : l.columns()) {
      bind(ps, i++, col.type(), r.values().get(col.name()));
    }
    return i;
  }

  private int bindVersion(PreparedStatement ps, int from, Row r) throws SQLException {
    int i = from;
    ps.setInt(i++, r.version());
    ps.setObject(i++, timestamp(r.validFrom()));
    if (r.changeId() == null) {
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, r.changeId());
    }
    store.dialect().bindGeometry(ps, i++, r.geom());
    return i;
  }

  static void bind(PreparedStatement ps, int i, String type, Object v) throws SQLException {
    switch (type) {
      case "number" -> {
        if (v == null) {
          ps.setNull(i, Types.DOUBLE);
        } else {
          ps.setDouble(i, ((Number) v).doubleValue());
        }
      }
      case "integer" -> {
        if (v == null) {
          ps.setNull(i, Types.INTEGER);
        } else {
          ps.setInt(i, ((Number) v).intValue());
        }
      }
      case "boolean" -> {
        if (v == null) {
          ps.setNull(i, Types.BOOLEAN);
        } else {
          ps.setBoolean(i, (Boolean) v);
        }
      }
      default -> {
        if (v == null) {
          ps.setNull(i, Types.VARCHAR);
        } else {
          ps.setString(i, v.toString());
        }
      }
    }
  }

  private Row read(Layer l, ResultSet rs) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    int i = 2;
    if (l.whereLayer() != null) {
      values.put("layer", rs.getString(i++));
    }
    for (Column col : l.columns()) {
      values.put(col.name(), value(rs, i++, col.type()));
    }
    int version = rs.getInt(i++);
    Instant from = rs.getObject(i++, OffsetDateTime.class).toInstant();
    long change = rs.getLong(i++);
    Long changeId = rs.wasNull() ? null : change;
    Geometry g = store.dialect().readGeometry(rs, i);
    return new Row(rs.getString(1), values, g, version, from, changeId);
  }

  static Object value(ResultSet rs, int i, String type) throws SQLException {
    Object v = switch (type) {
      case "number" -> rs.getDouble(i);
      case "integer" -> rs.getLong(i);
      case "boolean" -> rs.getBoolean(i);
      default -> rs.getString(i);
    };
    return rs.wasNull() ? null : v;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setQueryTimeout(store.queryTimeoutSeconds());
    return ps;
  }
}
