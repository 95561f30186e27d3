package zoneatlas.editing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import zoneatlas.imports.spatial.PlanAreas;
import zoneatlas.store.Store;

/**
 * What the checks of a write read from the store, inside the write's own transaction: the
 * neighbours a parcel must not overlap, the plan areas it lies in, the features a value refers to.
 * Not thread-safe.
 */
final class Lookup {
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);
  private final Store store;
  private final Connection c;

  record Near(String id, Geometry geom) {}

  record ParcelPlace(String id, String zone, String park, Geometry geom) {}

  Lookup(Store store, Connection c) {
    this.store = store;
    this.c = c;
  }

  List<Near> parcelsNear(Envelope e) throws SQLException {
    return near("edit_parcels_near", null, e);
  }

  List<Near> planLayerNear(String layer, Envelope e) throws SQLException {
    return near("edit_same_layer_near", layer, e);
  }

  PlanAreas planAreasNear(Envelope e) throws SQLException {
    List<PlanAreas.Area> out = new ArrayList<>();
    try (PreparedStatement ps = prepare("edit_plan_areas_near")) {
      store.dialect().bindGeometry(ps, 1, box(e));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(area(rs));
        }
      }
    }
    return new PlanAreas(out);
  }

  /** A live plan feature by id, with its geometry. */
  Optional<PlanAreas.Area> planFeature(String id) throws SQLException {
    try (PreparedStatement ps = prepare("edit_plan_feature")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(area(rs)) : Optional.empty();
      }
    }
  }

  Optional<String> enterpriseWithUscc(String uscc) throws SQLException {
    return oneString("edit_enterprise_by_uscc", uscc);
  }

  boolean enterpriseExists(String id) throws SQLException {
    return oneString("edit_enterprise_exists", id).isPresent();
  }

  Optional<ParcelPlace> parcel(String id) throws SQLException {
    try (PreparedStatement ps = prepare("edit_parcel_point")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new ParcelPlace(rs.getString(1), rs.getString(2), rs.getString(3),
            store.dialect().readGeometry(rs, 4))) : Optional.empty();
      }
    }
  }

  /** Parcels, plan features and enterprises placed in a plan feature: [parcels, plan features, enterprises]. */
  long[] referencesTo(String planId) throws SQLException {
    try (PreparedStatement ps = prepare("edit_references_to_plan_feature")) {
      for (int i = 1; i <= 6; i++) {
        ps.setString(i, planId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      }
    }
  }

  long parcelsInZone(String zone) throws SQLException {
    return count("edit_parcels_in_zone", zone);
  }

  long figureYears(String enterpriseId) throws SQLException {
    return count("edit_enterprise_figures_count", enterpriseId);
  }

  static Geometry box(Envelope e) {
    Geometry g = GF.toGeometry(e);
    g.setSRID(4490);
    return g;
  }

  private List<Near> near(String sql, String layer, Envelope e) throws SQLException {
    List<Near> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql)) {
      int i = 1;
      if (layer != null) {
        ps.setString(i++, layer);
      }
      store.dialect().bindGeometry(ps, i, box(e));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Near(rs.getString(1), store.dialect().readGeometry(rs, 2)));
        }
      }
    }
    return out;
  }

  private PlanAreas.Area area(ResultSet rs) throws SQLException {
    return new PlanAreas.Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        store.dialect().readGeometry(rs, 6));
  }

  private Optional<String> oneString(String sql, String param) throws SQLException {
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private long count(String sql, String param) throws SQLException {
    try (PreparedStatement ps = prepare(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private PreparedStatement prepare(String name) throws SQLException {
    PreparedStatement ps = c.prepareStatement(store.sql(name));
    ps.setQueryTimeout(store.queryTimeoutSeconds());
    return ps;
  }
}
