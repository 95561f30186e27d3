package zoneatlas.sites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.store.Dialect;
import zoneatlas.store.Store;

/**
 * The reads the site queries make, each a named statement from {@code sql/common/sites_*.sql}
 * with every value bound and the store's statement timeout set. Geometries come back as JTS
 * objects through {@link Dialect#readGeometry}, since all geometric decisions are taken in Java.
 * Thread-safe (stateless).
 */
final class SiteRepo {
  private final Store store;

  SiteRepo(Store store) {
    this.store = store;
  }

  Store store() {
    return store;
  }

  Dialect dialect() {
    return store.dialect();
  }

  Connection connection() throws SQLException {
    return store.readConnection();
  }

  /** A parcel row as the site queries need it. Figures the table leaves empty are null. */
  record ParcelRow(String id, String zone, String board, String park, String smallMicroPark, String landUseCode,
      String landUseName, String status, double areaM2, double areaMu, Double floorAreaM2, Double far, Double coverage,
      Double farMin, Double coverageMin, Double reqInvestWanPerMu, Double reqTaxWanPerMu, Integer supplyYear,
      Integer buildStartYear, boolean synthetic, Geometry geom) {}

  /** A plan feature row (any layer). */
  record PlanRow(String id, String layer, String nameZh, String nameEn, String zone, String kind, String board,
      String park, String status, Geometry geom) {}

  /** Receives rows one at a time; returning false stops reading. */
  interface RowSink<T> {
    boolean accept(T row) throws SQLException;
  }

  // -------------------------------------------------------------------------------------------
  // parcels

  List<ParcelRow> parcelsInWindow(Connection c, Envelope e, int limit) throws SQLException {
    List<ParcelRow> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "sites_parcels_in_window")) {
      int i = bindEnvelope(ps, 1, e);
      ps.setInt(i, limit);
      readParcels(ps, r -> out.add(r));
    }
    return out;
  }

  /** Streams the parcels that may meet {@code shape}, in id order, at most {@code limit}. */
  void parcelsIntersecting(Connection c, Geometry shape, int limit, RowSink<ParcelRow> sink) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_parcels_intersecting")) {
      dialect().bindGeometry(ps, 1, shape);
      dialect().bindGeometry(ps, 2, shape);
      ps.setInt(3, limit);
      streaming(c, () -> readParcels(ps, sink));
    }
  }

  Optional<ParcelRow> parcel(Connection c, String id) throws SQLException {
    List<ParcelRow> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "sites_parcel")) {
      ps.setString(1, id);
      readParcels(ps, r -> out.add(r));
    }
    return out.stream().findFirst();
  }

  /** The site finder's attribute filters; see {@code sites_find_candidates.sql}. */
  record CandidateFilter(List<String> statuses, Double areaMuMin, Double areaMuMax, String landUsePrefix, String zone,
      String board, String park) {}

  void candidates(Connection c, CandidateFilter f, int limit, RowSink<ParcelRow> sink) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_find_candidates")) {
      int i = 1;
      for (int k = 0; k < 8; k++) {
        setString(ps, i++, k < f.statuses().size() ? f.statuses().get(k) : null);
      }
      i = pair(ps, i, f.areaMuMin(), Types.DOUBLE);
      i = pair(ps, i, f.areaMuMax(), Types.DOUBLE);
      i = pair(ps, i, f.landUsePrefix() == null ? null : f.landUsePrefix() + "%", Types.VARCHAR);
      i = pair(ps, i, f.zone(), Types.VARCHAR);
      i = pair(ps, i, f.board(), Types.VARCHAR);
      setString(ps, i++, f.park());
      setString(ps, i++, f.park());
      setString(ps, i++, f.park());
      ps.setInt(i, limit);
      streaming(c, () -> readParcels(ps, sink));
    }
  }

  private void readParcels(PreparedStatement ps, RowSink<ParcelRow> sink) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ParcelRow r = new ParcelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10), dbl(rs, 11), dbl(rs, 12),
            dbl(rs, 13), dbl(rs, 14), dbl(rs, 15), dbl(rs, 16), dbl(rs, 17), integer(rs, 18), integer(rs, 19),
            rs.getBoolean(20), dialect().readGeometry(rs, 21));
        if (!sink.accept(r)) {
          return;
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // plan features

  List<PlanRow> planInWindow(Connection c, Envelope e, int limit) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_plan_in_window")) {
      ps.setInt(bindEnvelope(ps, 1, e), limit);
      return readPlan(ps);
    }
  }

  List<PlanRow> infrastructureInWindow(Connection c, Envelope e, int limit) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_infrastructure_in_window")) {
      ps.setInt(bindEnvelope(ps, 1, e), limit);
      return readPlan(ps);
    }
  }

  List<PlanRow> infrastructureOfKind(Connection c, String kind, int limit) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_infrastructure_of_kind")) {
      ps.setString(1, kind);
      ps.setInt(2, limit);
      return readPlan(ps);
    }
  }

  Optional<PlanRow> planFeature(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = prepare(c, "sites_plan_feature")) {
      ps.setString(1, id);
      return readPlan(ps).stream().findFirst();
    }
  }

  private List<PlanRow> readPlan(PreparedStatement ps) throws SQLException {
    List<PlanRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new PlanRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), dialect().readGeometry(rs, 10)));
      }
    }
    return out;
  }

  /** Id, layer, Chinese and English name of the plan features a parcel refers to. */
  record PlaceName(String id, String layer, String nameZh, String nameEn) {}

  List<PlaceName> placeNames(Connection c, ParcelRow p) throws SQLException {
    List<PlaceName> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "sites_place_names")) {
      setString(ps, 1, p.board());
      setString(ps, 2, p.park());
      setString(ps, 3, p.smallMicroPark());
      setString(ps, 4, p.zone());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PlaceName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // enterprises

  /** An enterprise using a parcel: public identity only. */
  record Occupant(String id, String name_zh, String name_en, String industry, String role, double share, Integer since_year) {}

  List<Occupant> occupants(Connection c, String parcelId) throws SQLException {
    List<Occupant> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "sites_parcel_enterprises")) {
      ps.setString(1, parcelId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Occupant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getDouble(6), integer(rs, 7)));
        }
      }
    }
    return out;
  }

  /** One enterprise's land use on a parcel with its latest-year figures (confidential). */
  record LandFigure(String parcelId, String enterpriseId, String nameZh, String nameEn, Double enterpriseLandMu,
      Integer year, Double taxWan, Double revenueWan, double landMu) {}

  List<LandFigure> landFigures(Connection c, Geometry shape) throws SQLException {
    List<LandFigure> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "sites_land_use_figures")) {
      dialect().bindGeometry(ps, 1, shape);
      dialect().bindGeometry(ps, 2, shape);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LandFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), dbl(rs, 5),
              integer(rs, 6), dbl(rs, 7), dbl(rs, 8), rs.getDouble(9)));
        }
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // helpers

  private PreparedStatement prepare(Connection c, String name) throws SQLException {
    PreparedStatement ps = c.prepareStatement(store.sql(name));
    ps.setQueryTimeout(store.queryTimeoutSeconds());
    ps.setFetchSize(1000);
    return ps;
  }

  private interface SqlRun {
    void run() throws SQLException;
  }

  /** PostgreSQL only streams with a fetch size inside a transaction; reads commit nothing. */
  private static void streaming(Connection c, SqlRun r) throws SQLException {
    boolean auto = c.getAutoCommit();
    if (auto) {
      c.setAutoCommit(false);
    }
    try {
      r.run();
    } finally {
      if (auto) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  private static int bindEnvelope(PreparedStatement ps, int i, Envelope e) throws SQLException {
    ps.setDouble(i++, e.getMinX());
    ps.setDouble(i++, e.getMinY());
    ps.setDouble(i++, e.getMaxX());
    ps.setDouble(i++, e.getMaxY());
    return i;
  }

  /** Binds an optional filter value twice (for {@code CAST(? AS T) IS NULL OR col op ?}). */
  private static int pair(PreparedStatement ps, int i, Object v, int sqlType) throws SQLException {
    for (int k = 0; k < 2; k++) {
      if (v == null) {
        ps.setNull(i++, sqlType);
      } else if (v instanceof Double d) {
        ps.setDouble(i++, d);
      } else {
        ps.setString(i++, v.toString());
      }
    }
    return i;
  }

  private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static Double dbl(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
