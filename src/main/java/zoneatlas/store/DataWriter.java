package zoneatlas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.PlanFeature;
import zoneatlas.model.YearFigures;

/**
 * Writes model records into a store inside the caller's transaction, in batches. The caller
 * commits or rolls back, so a load is all or nothing. Not thread-safe (one per load).
 */
public final class DataWriter {
  private static final int BATCH = 1000;
  private final Store store;
  private final Connection c;
  /** The change that makes the rows, written with each of them; null: the columns' defaults. */
  private final Long changeId;
  private final Object validFrom;

  public DataWriter(Store store, Connection c) {
    this(store, c, null, null);
  }

  private DataWriter(Store store, Connection c, Long changeId, Object validFrom) {
    this.store = store;
    this.c = c;
    this.changeId = changeId;
    this.validFrom = validFrom;
  }

  /**
   * A writer whose plan features, parcels, enterprises and land-use links carry {@code change_id}
   * and {@code valid_from} as they are inserted. A bulk load stamps its rows this way instead of
   * inserting and then updating every row: on H2 the update doubled the transaction's undo log,
   * which the commit walks (about a fifth of the demo's first start).
   */
  public DataWriter stamped(long changeId, Object validFrom) {
    return new DataWriter(store, c, changeId, validFrom);
  }

  /** The named insert, with {@code change_id, valid_from} added when stamped. */
  private String insert(String name) {
    String sql = store.sql(name);
    if (changeId == null) {
      return sql;
    }
    String flat = sql.replaceAll("(?m)^--.*$", "").replaceAll("\\s+", " ").trim();
    int v = flat.indexOf(") VALUES (");
    if (!flat.startsWith("INSERT INTO ") || v < 0 || !flat.endsWith(")")) {
      throw new IllegalStateException("cannot stamp " + name + ": not INSERT INTO t (...) VALUES (...)");
    }
    return flat.substring(0, v) + ", change_id, valid_from) VALUES (" + flat.substring(v + 10, flat.length() - 1)
        + ", ?, ?)";
  }

  /** Binds the stamp after the statement's own parameters ({@code last} is the last of those). */
  private void bindStamp(PreparedStatement ps, int last) throws SQLException {
    if (changeId != null) {
      ps.setLong(last + 1, changeId);
      ps.setObject(last + 2, validFrom);
    }
  }

  public void plan(Collection<PlanFeature> features) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert("insert_plan_feature"))) {
      int n = 0;
      for (PlanFeature f : features) {
        Map<String, Object> p = f.props();
        double area = Geodesy.areaM2(f.geom());
        Double length = number(p.get("length_km"));
        int i = 1;
        ps.setString(i++, f.id());
        ps.setString(i++, f.layer());
        ps.setString(i++, (String) p.get("name_zh"));
        ps.setString(i++, (String) p.get("name_en"));
        ps.setString(i++, f.zone());
        ps.setString(i++, f.kind());
        ps.setString(i++, f.board());
        ps.setString(i++, f.park());
        setDouble(ps, i++, number(p.get("planned_area_km2")));
        setDouble(ps, i++, area > 0 ? round(area, 1) : null);
        setDouble(ps, i++, area > 0 ? round(area / Geodesy.M2_PER_MU, 2) : null);
        if (length == null && f.geom().getDimension() == 1) {
          length = round(Geodesy.lengthM(f.geom()) / 1000, 2);
        }
        setDouble(ps, i++, length);
        ps.setString(i++, text(p.get("positioning")));
        ps.setString(i++, text(p.get("lead_industries")));
        setDouble(ps, i++, number(p.get("investment_yi")));
        ps.setString(i++, text(p.get("status")));
        ps.setString(i++, text(p.get("period")));
        ps.setString(i++, text(p.get("source_doc")));
        ps.setString(i++, text(p.get("source_lines")));
        ps.setBoolean(i++, !Boolean.FALSE.equals(p.get("schematic")));
        ps.setString(i++, text(p.get("placement_note")));
        ps.setString(i++, text(p.get("placement_note_zh")));
        store.dialect().bindGeometry(ps, i, f.geom());
        bindStamp(ps, i);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  public void parcels(Collection<Parcel> parcels) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert("insert_parcel"))) {
      int n = 0;
      for (Parcel p : parcels) {
        int i = 1;
        ps.setString(i++, p.id());
        ps.setString(i++, p.zone());
        ps.setString(i++, p.board());
        ps.setString(i++, p.park());
        ps.setString(i++, p.smallMicroPark());
        ps.setString(i++, p.landUseCode());
        ps.setString(i++, p.landUseName());
        ps.setString(i++, p.status());
        ps.setDouble(i++, p.areaM2());
        ps.setDouble(i++, p.areaMu());
        ps.setDouble(i++, p.floorAreaM2());
        ps.setDouble(i++, p.far());
        ps.setDouble(i++, p.coverage());
        ps.setDouble(i++, p.farMin());
        ps.setDouble(i++, p.coverageMin());
        ps.setDouble(i++, p.reqInvestWanPerMu());
        ps.setDouble(i++, p.reqTaxWanPerMu());
        setInt(ps, i++, p.supplyYear());
        setInt(ps, i++, p.buildStartYear());
        ps.setBoolean(i++, true);
        store.dialect().bindGeometry(ps, i, p.geom());
        bindStamp(ps, i);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  public void enterprises(Collection<Enterprise> list) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert("insert_enterprise"))) {
      int n = 0;
      for (Enterprise e : list) {
        int i = 1;
        ps.setString(i++, e.id());
        ps.setString(i++, e.uscc());
        ps.setString(i++, e.nameZh());
        ps.setString(i++, e.nameEn());
        ps.setString(i++, e.zone());
        ps.setString(i++, e.park());
        ps.setString(i++, e.industry());
        ps.setString(i++, e.sizeClass());
        ps.setInt(i++, e.foundedYear());
        ps.setBoolean(i++, e.synthetic());
        store.dialect().bindGeometry(ps, i, e.geom());
        bindStamp(ps, i);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  public void landUses(Collection<LandUse> list) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert("insert_land_use"))) {
      int n = 0;
      for (LandUse l : list) {
        ps.setString(1, l.enterpriseId());
        ps.setString(2, l.parcelId());
        ps.setString(3, l.role());
        ps.setDouble(4, l.share());
        setInt(ps, 5, l.sinceYear());
        bindStamp(ps, 5);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  public void figures(Collection<YearFigures> list) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(store.sql("insert_figures"))) {
      int n = 0;
      for (YearFigures f : list) {
        int i = 1;
        ps.setString(i++, f.enterpriseId());
        ps.setInt(i++, f.year());
        setDouble(ps, i++, f.taxWan());
        setDouble(ps, i++, f.revenueWan());
        setDouble(ps, i++, f.valueAddedWan());
        setDouble(ps, i++, f.energyTce());
        setInt(ps, i++, f.employees());
        setDouble(ps, i++, f.rndWan());
        setDouble(ps, i++, f.investmentWan());
        setDouble(ps, i, f.pollutantEq());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Sets a meta key (data version, load time) so caches know when the data changed. */
  public void meta(String name, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(store.sql("meta_set"))) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  /** Binds a nullable number. */
  public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  /** Binds a nullable whole number. */
  public static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}
