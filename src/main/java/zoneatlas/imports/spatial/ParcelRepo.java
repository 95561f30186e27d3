package zoneatlas.imports.spatial;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;

/** The parcel import's statements, on the caller's connection and transaction. Not thread-safe. */
final class ParcelRepo {
  private static final int BATCH = 500;
  private final Store store;
  private final Connection c;
  private final GeometryFactory gf = new GeometryFactory();

  /** An existing parcel near an imported one. */
  record Existing(String id, String zone, Geometry geom) {}

  ParcelRepo(Store store, Connection c) {
    this.store = store;
    this.c = c;
  }

  Map<String, String> existingZones() throws SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare("parcel_import_existing"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    }
    return m;
  }

  Map<String, Integer> landUseCounts(String zone) throws SQLException {
    Map<String, Integer> m = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare("parcel_import_land_use_counts")) {
      ps.setString(1, zone);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          m.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return m;
  }

  List<PlanAreas.Area> planAreas() throws SQLException {
    List<PlanAreas.Area> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("parcel_import_plan_areas"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new PlanAreas.Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            store.dialect().readGeometry(rs, 6)));
      }
    }
    return out;
  }

  List<Existing> near(Envelope e) throws SQLException {
    List<Existing> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("parcel_import_near")) {
      store.dialect().bindGeometry(ps, 1, gf.toGeometry(e));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Existing(rs.getString(1), rs.getString(2), store.dialect().readGeometry(rs, 3)));
        }
      }
    }
    return out;
  }

  void insert(Collection<NewParcel> parcels) throws SQLException {
    // the same statement the demo loader writes parcels with
    try (PreparedStatement ps = prepare("insert_parcel")) {
      int n = 0;
      for (NewParcel p : parcels) {
        ps.setString(1, p.id());
        int i = bindFields(ps, 2, p);
        store.dialect().bindGeometry(ps, i, p.geom());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  void update(Collection<NewParcel> parcels) throws SQLException {
    try (PreparedStatement ps = prepare("parcel_import_update")) {
      int n = 0;
      for (NewParcel p : parcels) {
        int i = bindFields(ps, 1, p);
        store.dialect().bindGeometry(ps, i++, p.geom());
        ps.setString(i, p.id());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Stamps a written parcel as the version a change made. */
  void stamp(String id, int version, java.time.Instant at, long changeId) throws SQLException {
    try (PreparedStatement ps = prepare("parcel_import_stamp")) {
      ps.setInt(1, version);
      ps.setObject(2, zoneatlas.history.Versions.timestamp(at));
      ps.setLong(3, changeId);
      ps.setString(4, id);
      ps.executeUpdate();
    }
  }

  /** Deletes parcels and, first, the land uses that point at them; returns the land uses deleted. */
  int delete(Collection<String> ids) throws SQLException {
    int landUses = 0;
    try (PreparedStatement lu = prepare("parcel_import_delete_land_uses"); PreparedStatement del = prepare("parcel_import_delete")) {
      for (String id : ids) {
        lu.setString(1, id);
        landUses += lu.executeUpdate();
        del.setString(1, id);
        del.executeUpdate();
      }
    }
    return landUses;
  }

  /** Binds zone … synthetic (19 values) from {@code i}; returns the next index. */
  private static int bindFields(PreparedStatement ps, int i, NewParcel p) throws SQLException {
    ps.setString(i++, p.zone());
    ps.setString(i++, p.board());
    ps.setString(i++, p.park());
    ps.setString(i++, p.smallMicroPark());
    ps.setString(i++, p.landUseCode());
    ps.setString(i++, p.landUseName());
    ps.setString(i++, p.status());
    ps.setDouble(i++, p.areaM2());
    ps.setDouble(i++, p.areaMu());
    DataWriter.setDouble(ps, i++, p.floorAreaM2());
    DataWriter.setDouble(ps, i++, p.far());
    DataWriter.setDouble(ps, i++, p.coverage());
    DataWriter.setDouble(ps, i++, p.farMin());
    DataWriter.setDouble(ps, i++, p.coverageMin());
    DataWriter.setDouble(ps, i++, p.reqInvestWanPerMu());
    DataWriter.setDouble(ps, i++, p.reqTaxWanPerMu());
    DataWriter.setInt(ps, i++, p.supplyYear());
    DataWriter.setInt(ps, i++, p.buildStartYear());
    ps.setBoolean(i++, false); // imported parcels are real data, never synthetic
    return i;
  }

  private PreparedStatement prepare(String name) throws SQLException {
    PreparedStatement ps = c.prepareStatement(store.sql(name));
    ps.setQueryTimeout(store.queryTimeoutSeconds());
    return ps;
  }
}
