package zoneatlas.summary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.Caching;
import zoneatlas.store.Store;

/**
 * Totals of the parcels inside a zone, core board, industrial park or small-micro park: what a
 * feature's detail card shows ("this park: 412 parcels, 5,230 mu, 61% industrial, 38 idle").
 * Areas are sums of the parcels' geodesic areas computed at load, never degrees. Parcels are
 * synthetic, and the summary says so. Thread-safe.
 */
public final class SummaryService {
  /** The collections that have parcels of their own, with the SQL-name suffix of each. */
  public static final Map<String, String> COLLECTIONS = Map.of(
      "zones", "zones",
      "core-boards", "core_boards",
      "industrial-parks", "industrial_parks",
      "small-micro-parks", "small_micro_parks");

  private final Store store;
  /**
   * Summaries by data version: a city zone's totals add up hundreds of thousands of parcels (2 s), and
   * every detail card of it asks again. Keyed by the version read with them, so a write anywhere (which
   * moves it, on every server) makes the next one fresh; the old entries are never asked for again.
   */
  private final Cache<Key, Summary> cache = Caffeine.newBuilder().maximumSize(2_000).build();

  private record Key(String version, String collection, String id, boolean byOutline) {}

  public SummaryService(Store store) {
    this.store = store;
  }

  /** One land-use class or status with its parcel count and area. */
  public record Group(String code, String name, long count, double area_mu, double area_ha, double share) {}

  /** Parcel count and area. */
  public record Totals(long count, double area_m2, double area_mu, double area_ha) {}

  /** The feature itself: its planned area (as the plan states) and drawn area (schematic). */
  public record Feature(String name_zh, String name_en, String zone, String kind, Double planned_area_km2,
      Double drawn_area_mu, Double drawn_area_ha) {}

  /**
   * What GET /api/summary returns.
   *
   * @param by_land_use groups by land-use class, largest area first
   * @param by_status groups by parcel status, largest area first
   * @param enterprises how many enterprises own or rent land on these parcels
   * @param method how parcels were matched to the feature
   */
  public record Summary(String collection, String id, Feature feature, Totals parcels, List<Group> by_land_use,
      List<Group> by_status, long enterprises, boolean synthetic, String method) {}

  /** The summary, or empty when the collection has no feature with this id. */
  public Optional<Summary> summarize(String collection, String id) throws SQLException {
    return summarize(collection, id, false);
  }

  /**
   * As {@link #summarize(String, String)}; with {@code byOutline} a zone's parcels are matched
   * spatially even when it is a development zone (tests compare both matches).
   */
  Optional<Summary> summarize(String collection, String id, boolean byOutline) throws SQLException {
    String suffix = COLLECTIONS.get(collection);
    if (suffix == null) {
      throw new IllegalArgumentException("no summary for collection " + collection);
    }
    try (Connection c = store.readConnection()) {
      Key k = new Key(Caching.dataVersion(c), collection, id, byOutline);
      Summary known = cache.getIfPresent(k);
      if (known != null) {
        return Optional.of(known);
      }
      Optional<Summary> made = summarize(c, collection, id, byOutline, suffix);
      made.ifPresent(m -> cache.put(k, m));
      return made;
    }
  }

  private Optional<Summary> summarize(Connection c, String collection, String id, boolean byOutline, String suffix)
      throws SQLException {
    Feature feature;
    Geometry outline;
    try (PreparedStatement ps = c.prepareStatement(store.sql("summary_feature"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, collection);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Double m2 = number(rs, 7);
        feature = new Feature(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), number(rs, 6),
            m2 == null ? null : round(m2 / Geodesy.M2_PER_MU, 2), m2 == null ? null : round(m2 / 10_000, 2));
        outline = store.dialect().readGeometry(rs, 9);
      }
    }
    // a development zone's parcels carry its zone code; other outlines (the city's districts) match spatially
    boolean spatial = collection.equals("zones") && (byOutline || !"development_zone".equals(feature.kind()));
    String match = spatial ? suffix : collection.equals("zones") ? "zone_code" : suffix;
    String key = collection.equals("zones") && !spatial ? feature.zone() : id;
    Map<String, double[]> byUse = new LinkedHashMap<>();
    Map<String, String> useNames = new LinkedHashMap<>();
    Map<String, double[]> byStatus = new LinkedHashMap<>();
    long count = 0;
    double m2 = 0;
    try (PreparedStatement ps = c.prepareStatement(store.sql("summary_parcels_" + match))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      bindMatch(ps, spatial, key, outline);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String code = rs.getString(1);
          long n = rs.getLong(4);
          double a = rs.getDouble(5);
          useNames.putIfAbsent(code, rs.getString(2));
          add(byUse, code, n, a);
          add(byStatus, rs.getString(3), n, a);
          count += n;
          m2 += a;
        }
      }
    }
    long enterprises;
    try (PreparedStatement ps = c.prepareStatement(store.sql("summary_enterprises_" + match))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      bindMatch(ps, spatial, key, outline);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        enterprises = rs.getLong(1);
      }
    }
    Totals totals = new Totals(count, round(m2, 1), round(m2 / Geodesy.M2_PER_MU, 2), round(m2 / 10_000, 2));
    String method = spatial
        ? "parcels whose point-on-surface lies inside the outline"
        : "parcels attributed to this feature (parcels." + column(collection) + " = '" + key + "')";
    return Optional.of(new Summary(collection, id, feature, totals, groups(byUse, useNames, m2),
        groups(byStatus, null, m2), enterprises, true, method));
  }

  private static String column(String collection) {
    return switch (collection) {
      case "zones" -> "zone";
      case "core-boards" -> "board";
      case "industrial-parks" -> "park";
      default -> "small_micro_park";
    };
  }

  private void bindMatch(PreparedStatement ps, boolean spatial, String id, Geometry outline) throws SQLException {
    if (spatial) {
      store.dialect().bindGeometry(ps, 1, outline);
      store.dialect().bindGeometry(ps, 2, outline);
    } else {
      ps.setString(1, id);
    }
  }

  private static void add(Map<String, double[]> m, String key, long n, double m2) {
    double[] v = m.computeIfAbsent(key, k -> new double[2]);
    v[0] += n;
    v[1] += m2;
  }

  private static List<Group> groups(Map<String, double[]> m, Map<String, String> names, double totalM2) {
    List<Group> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Group(k, names == null ? k : names.get(k), (long) v[0],
        round(v[1] / Geodesy.M2_PER_MU, 2), round(v[1] / 10_000, 2), totalM2 > 0 ? round(v[1] / totalM2, 4) : 0)));
    out.sort(Comparator.comparingDouble(Group::area_ha).reversed().thenComparing(Group::code));
    return out;
  }

  private static Double number(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
