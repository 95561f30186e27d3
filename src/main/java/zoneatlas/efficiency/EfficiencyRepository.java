package zoneatlas.efficiency;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;
import zoneatlas.store.Dialect;
import zoneatlas.store.Store;

/**
 * Reads what the engine needs from a store with the named {@code efficiency_*} statements, and
 * sorts it in Java: the order of floating-point sums then does not depend on the database's
 * collation, so PostGIS and the embedded store give bit-identical indicators. Thread-safe.
 */
public final class EfficiencyRepository {
  private static final Map<String, String> CITY_ZH = Map.of("zhengzhou", "郑州市（市级规划园区）");
  private static final Map<String, String> CITY_EN = Map.of("zhengzhou", "Zhengzhou (city-plan parks)");
  private final Store store;

  public EfficiencyRepository(Store store) {
    this.store = store;
  }

  /** The data version the loader and every import write to the meta table; "none" when absent. */
  public String dataVersion() throws SQLException {
    try (Connection c = store.readConnection()) {
      return dataVersion(c);
    }
  }

  String dataVersion(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(store.sql("meta_value"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, "data_version");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "none";
      }
    }
  }

  /** Everything, read on one connection; retried once if an import changed the data meanwhile. */
  public EfficiencyData load() throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (Connection c = store.readConnection()) {
        String v = dataVersion(c);
        EfficiencyData d = load(c, v);
        if (v.equals(dataVersion(c)) || attempt > 0) {
          return d;
        }
      }
    }
  }

  private EfficiencyData load(Connection c, String version) throws SQLException {
    List<Parcel> parcels = new ArrayList<>();
    query(c, "efficiency_parcels", rs -> parcels.add(new Parcel(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9),
        rs.getDouble(10), dbl(rs, 11), dbl(rs, 12), dbl(rs, 13), dbl(rs, 14), dbl(rs, 15), dbl(rs, 16), dbl(rs, 17),
        integer(rs, 18), integer(rs, 19), null)));
    List<Enterprise> ents = new ArrayList<>();
    query(c, "efficiency_enterprises", rs -> {
      Integer founded = integer(rs, 9);
      ents.add(new Enterprise(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
          rs.getString(6), rs.getString(7), rs.getString(8), founded == null ? 0 : founded, rs.getBoolean(10), null));
    });
    List<LandUse> links = new ArrayList<>();
    query(c, "efficiency_land_uses", rs -> links.add(new LandUse(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getDouble(4), integer(rs, 5))));
    List<YearFigures> figs = new ArrayList<>();
    query(c, "efficiency_figures", rs -> figs.add(new YearFigures(rs.getString(1), rs.getInt(2), boxed(rs, 3),
        boxed(rs, 4), boxed(rs, 5), boxed(rs, 6), integer(rs, 7), boxed(rs, 8), boxed(rs, 9), boxed(rs, 10))));
    Map<String, EfficiencyData.GroupName> groups = new HashMap<>();
    query(c, "efficiency_groups", rs -> {
      Level l = switch (rs.getString(2)) {
        case "zones" -> Level.zone;
        case "core-boards" -> Level.core_board;
        case "industrial-parks" -> Level.industrial_park;
        default -> Level.small_micro_park;
      };
      String id = rs.getString(1);
      String zone = rs.getString(5);
      groups.put(id, new EfficiencyData.GroupName(id, l, rs.getString(3), rs.getString(4), zone, id));
      if (l == Level.zone && "development_zone".equals(rs.getString(6)) && zone != null) {
        groups.put(zone, new EfficiencyData.GroupName(zone, l, rs.getString(3), rs.getString(4), zone, id));
      }
    });
    for (Parcel p : parcels) {
      // a zone code with no development-zone feature (the city plan's parks): named, not drawn
      if (p.zone() != null && !groups.containsKey(p.zone())) {
        groups.put(p.zone(), new EfficiencyData.GroupName(p.zone(), Level.zone, CITY_ZH.getOrDefault(p.zone(), p.zone()),
            CITY_EN.getOrDefault(p.zone(), p.zone()), p.zone(), null));
      }
    }
    parcels.sort(Comparator.comparing(Parcel::id));
    ents.sort(Comparator.comparing(Enterprise::id));
    links.sort(Comparator.comparing(LandUse::parcelId).thenComparing(LandUse::enterpriseId).thenComparing(LandUse::role));
    List<EfficiencyData.Flag> flags = new ArrayList<>();
    query(c, "enterprise_items_all", rs -> flags.add(new EfficiencyData.Flag(rs.getString(1), rs.getInt(2), rs.getString(3),
        rs.getString(4))));
    Map<Long, Map<String, EfficiencyData.Listed>> entries = new HashMap<>();
    query(c, "evaluation_entries_newest", rs -> {
      double score = rs.getDouble(4);
      entries.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
          new EfficiencyData.Listed(rs.getString(3), rs.wasNull() ? Double.NaN : score, rs.getInt(5), rs.getInt(6),
              rs.getString(7)));
    });
    List<EfficiencyData.FrozenList> lists = new ArrayList<>();
    query(c, "evaluation_lists_newest", rs -> lists.add(new EfficiencyData.FrozenList(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getObject(7, java.time.LocalDate.class),
        rs.getObject(8, java.time.LocalDate.class), Map.copyOf(entries.getOrDefault(rs.getLong(1), Map.of())))));
    return new EfficiencyData(version, parcels, ents, links, figs, groups, flags, lists);
  }

  /** GeoJSON geometry text of the given parcels, by id (the database encodes it). */
  public Map<String, String> parcelGeoJson(Collection<String> ids) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = store.readConnection();
        PreparedStatement ps = c.prepareStatement(store.sql("efficiency_parcel_geojson"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      Array arr = c.createArrayOf(store.dialect() == Dialect.POSTGIS ? "text" : "VARCHAR", ids.toArray(new String[0]));
      ps.setArray(1, arr);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(Connection c, String name, RowReader r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(store.sql(name))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setFetchSize(5000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          r.read(rs);
        }
      }
    }
  }

  private static double dbl(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? 0 : v;
  }

  private static Double boxed(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
