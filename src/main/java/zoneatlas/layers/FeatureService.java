package zoneatlas.layers;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.store.Dialect;
import zoneatlas.store.Store;

/**
 * Reads a layer's features and writes them as GeoJSON while the rows arrive: the database encodes
 * each geometry ({@code ST_AsGeoJSON}), Java copies it and the properties to the output as encoded
 * bytes, never as an object tree. The HTTP layer hands it an output in memory, bounded, so no
 * database connection waits on a client. Thread-safe.
 */
public final class FeatureService {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureService.class);
  private static final int DECIMALS = 7;
  private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9_]*");
  private final Store store;
  private final LayerCatalog catalog;
  private final long slowMs;

  public FeatureService(Store store, LayerCatalog catalog, long slowMs) {
    this.store = store;
    this.catalog = catalog;
    this.slowMs = slowMs;
  }

  public LayerCatalog catalog() {
    return catalog;
  }

  /**
   * A catalog column as an SQL identifier, unquoted as the schema files create them (both
   * databases fold unquoted names to lower case; H2 through DATABASE_TO_LOWER). Only plain
   * lower-case identifiers pass, so nothing from a request can reach the SQL text this way.
   */
  public static String column(String name) {
    if (!IDENT.matcher(name).matches()) {
      throw new IllegalArgumentException("not a catalog identifier: " + name);
    }
    return name;
  }

  /** Extra members written into a single feature's object (e.g. its links). */
  @FunctionalInterface
  public interface FeatureExtras {
    void write(JsonGenerator out) throws IOException;
  }

  /**
   * What a query reads from: the layer's table, or, for a query as of an instant, the versions that
   * were current then: the live rows that had begun and the ended ones (the history table, same
   * columns) that had not yet ended. Parameters come first in the statement, before the WHERE's.
   */
  SqlFragment source(Layer layer, java.time.Instant asOf) {
    if (asOf == null) {
      return new SqlFragment(layer.table(), List.of());
    }
    StringJoiner cols = new StringJoiner(", ");
    cols.add("id");
    if (layer.whereLayer() != null) {
      cols.add("layer");
    }
    for (Column c : layer.columns()) {
      cols.add(column(c.name()));
    }
    cols.add("version").add("valid_from").add("geom");
    Object t = java.time.OffsetDateTime.ofInstant(asOf.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
        java.time.ZoneOffset.UTC);
    return new SqlFragment("(SELECT " + cols + " FROM " + layer.table() + " WHERE valid_from <= ? UNION ALL SELECT "
        + cols + " FROM " + layer.table() + "_history WHERE valid_from <= ? AND valid_to > ?) asof", List.of(t, t, t));
  }

  /** Builds the WHERE clause of the count (numberMatched: the whole query, wherever a page starts). */
  SqlFragment where(Layer layer, ItemsQuery q) {
    return where(layer, q, false);
  }

  /**
   * Builds the WHERE clause of the count, or with {@code page} of the page query, which adds where a
   * keyset page starts ({@code id > ?}: with the order by id alone, the primary key finds it at once,
   * where OFFSET reads and drops every row before it).
   */
  SqlFragment where(Layer layer, ItemsQuery q, boolean page) {
    Dialect d = store.dialect();
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (layer.whereLayer() != null) {
      parts.add("layer = ?");
      params.add(layer.whereLayer());
    }
    if (q.bbox() != null) {
      String env = d.envelopeParam(catalog.storageSrid());
      // && lets the spatial index pick candidates; ST_Intersects keeps only true hits
      String box = "geom && " + env + " AND ST_Intersects(geom, " + env + ")";
      double[] b = q.bbox();
      if (b[0] <= b[2]) {
        parts.add(box);
        addTwice(params, b);
      } else {
        // across the antimeridian: minx..180 and -180..maxx, each a box the index can use
        parts.add("((" + box + ") OR (" + box + "))");
        addTwice(params, new double[] {b[0], b[1], 180, b[3]});
        addTwice(params, new double[] {-180, b[1], b[2], b[3]});
      }
    }
    q.equals().forEach(
        (col, val) -> {
          parts.add(column(col) + " = ?");
          params.add(val);
        });
    if (q.filter() != null) {
      parts.add("(" + q.filter().sql() + ")");
      params.addAll(q.filter().params());
    }
    if (page && q.afterId() != null) {
      if (!q.sortBy().isEmpty()) {
        throw new IllegalArgumentException("keyset paging needs the order by id alone");
      }
      parts.add("id > ?");
      params.add(q.afterId());
    }
    return new SqlFragment(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
  }

  private static void addTwice(List<Object> params, double[] box) {
    for (int i = 0; i < 2; i++) {
      for (double v : box) {
        params.add(v);
      }
    }
  }

  String geometryExpr(ItemsQuery q) {
    Dialect d = store.dialect();
    String g = "geom";
    // CGCS2000 and WGS 84 coincide to a few centimetres and EPSG relates them by a null
    // transformation: EPSG:4326 output is the stored coordinates (axis order aside), exactly
    // alike in both stores
    if (q.outSrid() != catalog.storageSrid() && q.outSrid() != 4326) {
      g = "ST_Transform(geom, " + q.outSrid() + ")";
    }
    if (q.latLon()) {
      g = "ST_FlipCoordinates(" + g + ")";
    }
    int decimals = q.outSrid() == 4547 || q.outSrid() == 3857 ? 3 : DECIMALS;
    return d.asGeoJson(g, decimals);
  }

  /**
   * The page query. The page is chosen in a subquery on the raw columns and only its rows are
   * encoded: H2 evaluates every select expression before ORDER BY ... LIMIT, so encoding in the
   * same SELECT made it write GeoJSON for the whole layer to keep a few rows when sorting.
   */
  String selectSql(Layer layer, ItemsQuery q, SqlFragment where) {
    return selectSql(layer, q, source(layer, q.asOf()).sql(), where);
  }

  private String selectSql(Layer layer, ItemsQuery q, String from, SqlFragment where) {
    StringJoiner cols = new StringJoiner(", ");
    cols.add("id");
    for (Column c : layer.columns()) {
      cols.add(column(c.name()));
    }
    cols.add(geometryExpr(q) + " AS geojson");
    StringJoiner order = new StringJoiner(", ");
    for (String s : q.sortBy()) {
      boolean desc = s.startsWith("-");
      String name = desc || s.startsWith("+") ? s.substring(1) : s;
      layer.column(name).orElseThrow(() -> new IllegalArgumentException("not a column: " + name));
      order.add(column(name) + (desc ? " DESC" : " ASC") + (desc ? " NULLS LAST" : " NULLS FIRST"));
    }
    order.add("id");
    return "SELECT " + cols + " FROM (SELECT * FROM " + from + where.sql() + " ORDER BY " + order
        + " LIMIT ? OFFSET ?) page ORDER BY " + order;
  }

  /** numberMatched for the query. */
  public long count(Layer layer, ItemsQuery q) throws SQLException {
    SqlFragment w = where(layer, q);
    SqlFragment from = source(layer, q.asOf());
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + from.sql() + w.sql())) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      bind(ps, w.params(), bind(ps, from.params(), 1));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Writes the page's features as elements of an already opened JSON array.
   *
   * @return how many features were written
   */
  public int writeFeatures(Layer layer, ItemsQuery q, boolean showConfidential, JsonGenerator out)
      throws SQLException, IOException {
    return writeFeatures(layer, q, showConfidential, out, () -> false).count();
  }

  /**
   * How much of a page was written: {@code cut} when {@code full} stopped it before its last feature;
   * {@code more} when features follow it (one row past the limit is read to know); {@code lastId} the
   * id of the last feature written (null for none), where a keyset page after this one starts.
   */
  public record Written(int count, boolean cut, boolean more, String lastId) {
    public Written(int count, boolean cut) {
      this(count, cut, cut, null);
    }
  }

  /**
   * Writes the page's features as elements of an already opened JSON array, into memory: the
   * connection is held only while the rows are read and encoded, never while a client reads, and
   * the whole read keeps to the query timeout (the statement's own timeout covers only its first
   * fetch). Before each feature after the first, {@code full} may say there is no room for more:
   * the page then ends early, short of its limit, and the caller links to the rest.
   */
  public Written writeFeatures(Layer layer, ItemsQuery q, boolean showConfidential, JsonGenerator out,
      BooleanSupplier full) throws SQLException, IOException {
    SqlFragment w = where(layer, q, true);
    SqlFragment from = source(layer, q.asOf());
    String sql = selectSql(layer, q, from.sql(), w);
    long t0 = System.nanoTime();
    long timeout = store.queryTimeoutSeconds();
    long deadline = timeout > 0 ? t0 + timeout * 1_000_000_000L : Long.MAX_VALUE;
    int n = 0;
    boolean cut = false;
    boolean more = false;
    String lastId = null;
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setFetchSize(2000);
      int i = bind(ps, w.params(), bind(ps, from.params(), 1));
      // one more than the page: whether another page follows, without a count
      ps.setInt(i++, q.limit() + 1);
      ps.setInt(i, q.offset());
      // PostgreSQL streams rows with a fetch size only inside a transaction
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (n == q.limit()) {
            more = true;
            break;
          }
          if (n > 0 && full.getAsBoolean()) {
            cut = true;
            more = true;
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new SQLTimeoutException("reading a page of layer " + layer.id() + " took longer than " + timeout
                + " s", "57014");
          }
          lastId = rs.getString(1);
          writeFeature(layer, rs, showConfidential, out, null, null);
          n++;
        }
      } catch (SQLException | IOException | RuntimeException e) {
        // the failure is what the client must hear of (a lost database is a 503), not a cleanup
        // failing after it on the same broken connection
        try {
          c.rollback();
          c.setAutoCommit(auto);
        } catch (SQLException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
      c.commit();
      c.setAutoCommit(auto);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > slowMs) {
      LOG.warn("slow query on layer {}: {} ms, {} rows", layer.id(), ms, n);
    }
    return new Written(n, cut, more, lastId);
  }

  /** One feature by id, written as a whole GeoJSON Feature object; empty if there is none. */
  public boolean writeFeature(Layer layer, String id, ItemsQuery q, boolean showConfidential, JsonGenerator out)
      throws SQLException, IOException {
    return writeFeature(layer, id, q, showConfidential, out, null);
  }

  /** As above, with {@code extras} written into the feature object (null for none). */
  public boolean writeFeature(Layer layer, String id, ItemsQuery q, boolean showConfidential, JsonGenerator out,
      FeatureExtras extras) throws SQLException, IOException {
    return writeFeature(layer, id, q, showConfidential, out, null, extras);
  }

  /**
   * As above, with {@code propertyExtras} written at the end of the properties object (members the
   * table does not hold, such as a parcel's land-use links) and {@code extras} into the feature.
   */
  public boolean writeFeature(Layer layer, String id, ItemsQuery q, boolean showConfidential, JsonGenerator out,
      FeatureExtras propertyExtras, FeatureExtras extras) throws SQLException, IOException {
    ItemsQuery one = new ItemsQuery(null, 1, 0, java.util.Map.of(), SqlFragment.of("id = ?", id), List.of(),
        q.outSrid(), q.latLon(), false, q.asOf());
    SqlFragment w = where(layer, one);
    SqlFragment from = source(layer, one.asOf());
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(selectSql(layer, one, from.sql(), w))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      int i = bind(ps, w.params(), bind(ps, from.params(), 1));
      ps.setInt(i++, 1);
      ps.setInt(i, 0);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        writeFeature(layer, rs, showConfidential, out, propertyExtras, extras);
        return true;
      }
    }
  }

  /** Members a version's row adds to its feature: the change that made it, when it ended. */
  @FunctionalInterface
  public interface VersionExtras {
    /** {@code validTo} and {@code endedBy} are null for the live version. */
    void write(JsonGenerator out, int version, java.time.Instant validFrom, Long changeId, java.time.Instant validTo,
        Long endedBy) throws IOException;
  }

  /**
   * Every version of one feature, the live one and the ended ones, newest first, each written as a
   * Feature whose {@code extras} say when and by which change it began and ended.
   *
   * @return how many versions there are (0: the id never existed)
   */
  public int writeVersions(Layer layer, String id, ItemsQuery q, boolean showConfidential, JsonGenerator out,
      VersionExtras extras) throws SQLException, IOException {
    StringJoiner cols = new StringJoiner(", ");
    cols.add("id");
    for (Column c : layer.columns()) {
      cols.add(column(c.name()));
    }
    cols.add(geometryExpr(q) + " AS geojson");
    String filter = " WHERE id = ?" + (layer.whereLayer() != null ? " AND layer = ?" : "");
    String sql = "SELECT " + cols + ", version, valid_from, change_id, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS valid_to,"
        + " CAST(NULL AS BIGINT) AS ended_by FROM " + layer.table() + filter
        + " UNION ALL SELECT " + cols + ", version, valid_from, change_id, valid_to, ended_by FROM " + layer.table()
        + "_history" + filter + " ORDER BY version DESC";
    int n = 0;
    int base = layer.columns().size() + 3;
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      int i = 1;
      for (int k = 0; k < 2; k++) {
        ps.setString(i++, id);
        if (layer.whereLayer() != null) {
          ps.setString(i++, layer.whereLayer());
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int version = rs.getInt(base);
          java.time.Instant from = rs.getObject(base + 1, java.time.OffsetDateTime.class).toInstant();
          long ch = rs.getLong(base + 2);
          Long changeId = rs.wasNull() ? null : ch;
          java.time.OffsetDateTime to = rs.getObject(base + 3, java.time.OffsetDateTime.class);
          long end = rs.getLong(base + 4);
          Long endedBy = rs.wasNull() ? null : end;
          writeFeature(layer, rs, showConfidential, out, null,
              g -> extras.write(g, version, from, changeId, to == null ? null : to.toInstant(), endedBy));
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The version of a feature that a read would return (now, or as of {@code asOf}): what its ETag is
   * made from. Empty when there is no such feature (then, or at all).
   */
  public Optional<Stamp> stamp(Layer layer, String id, java.time.Instant asOf) throws SQLException {
    SqlFragment w = where(layer, ItemsQuery.all(1).withFilter(SqlFragment.of("id = ?", id)));
    SqlFragment from = source(layer, asOf);
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT id, version, valid_from FROM " + from.sql() + w.sql())) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      bind(ps, w.params(), bind(ps, from.params(), 1));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Stamp(rs.getString(1), rs.getInt(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant())) : Optional.empty();
      }
    }
  }

  /** Which version of a feature a representation shows. */
  public record Stamp(String id, int version, java.time.Instant validFrom) {}

  private static void writeFeature(Layer layer, ResultSet rs, boolean showConfidential, JsonGenerator out,
      FeatureExtras propertyExtras, FeatureExtras extras) throws SQLException, IOException {
    out.writeStartObject();
    out.writeStringField("type", "Feature");
    out.writeStringField("id", rs.getString(1));
    out.writeFieldName("geometry");
    String geo = rs.getString(layer.columns().size() + 2);
    if (geo == null) {
      out.writeNull();
    } else {
      out.writeRawValue(geo);
    }
    out.writeObjectFieldStart("properties");
    int i = 2;
    for (Column c : layer.columns()) {
      int idx = i++;
      if (c.confidential() && !showConfidential) {
        continue;
      }
      out.writeFieldName(c.name());
      switch (c.type()) {
        case "number" -> {
          double v = rs.getDouble(idx);
          if (rs.wasNull()) {
            out.writeNull();
          } else {
            out.writeNumber(v);
          }
        }
        case "integer" -> {
          long v = rs.getLong(idx);
          if (rs.wasNull()) {
            out.writeNull();
          } else {
            out.writeNumber(v);
          }
        }
        case "boolean" -> {
          boolean v = rs.getBoolean(idx);
          if (rs.wasNull()) {
            out.writeNull();
          } else {
            out.writeBoolean(v);
          }
        }
        default -> {
          String v = rs.getString(idx);
          if (v == null) {
            out.writeNull();
          } else {
            out.writeString(v);
          }
        }
      }
    }
    if (propertyExtras != null) {
      propertyExtras.write(out);
    }
    out.writeEndObject();
    if (extras != null) {
      extras.write(out);
    }
    out.writeEndObject();
  }

  /**
   * Binds a fragment's values. A geometry goes as a geometry (a JTS object on both stores), never as
   * text to parse: with WKT, PostgreSQL's generic plan for a prepared statement parsed it again for
   * every row it tested.
   */
  int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
    int i = from;
    for (Object p : params) {
      if (p instanceof byte[] b) {
        ps.setBytes(i++, b);
      } else if (p instanceof org.locationtech.jts.geom.Geometry g) {
        store.dialect().bindGeometry(ps, i++, g);
      } else {
        ps.setObject(i++, p);
      }
    }
    return i;
  }
}
