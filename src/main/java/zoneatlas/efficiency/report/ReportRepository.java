package zoneatlas.efficiency.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import zoneatlas.efficiency.PolicyLists;
import zoneatlas.store.Store;

/**
 * The geometry the annual report and the policy lists need and the efficiency data leaves out:
 * a zone's parcel outlines (its map; the centre points that place a parcel in a Chinese list
 * without its id) and the outlines of the zone and its parks. Read with the named
 * {@code report_*} statements; thread-safe.
 */
public final class ReportRepository implements PolicyLists.ParcelPlaces {
  private final Store store;

  public ReportRepository(Store store) {
    this.store = store;
  }

  /** A zone's parcels by id, as JTS geometries in CGCS2000 lon/lat. */
  public Map<String, Geometry> parcels(String zone) throws SQLException {
    Map<String, Geometry> out = new LinkedHashMap<>();
    try (Connection c = store.readConnection(); PreparedStatement ps = c.prepareStatement(store.sql("report_zone_parcels"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setFetchSize(2000);
      ps.setString(1, zone);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), store.dialect().readGeometry(rs, 2));
        }
      }
    }
    return out;
  }

  /** The zone's development-zone outline (first) and its industrial parks. */
  public List<Outline> outlines(String zone) throws SQLException {
    List<Outline> out = new ArrayList<>();
    try (Connection c = store.readConnection(); PreparedStatement ps = c.prepareStatement(store.sql("report_zone_outlines"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, zone);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Outline("zones".equals(rs.getString(1)), store.dialect().readGeometry(rs, 2)));
        }
      }
    }
    out.sort((a, b) -> Boolean.compare(b.zone(), a.zone()));
    return out;
  }

  /** An outline on the map: the zone's own, or a park's. */
  public record Outline(boolean zone, Geometry geom) {}

  @Override
  public Map<String, double[]> centres(String zone) throws SQLException {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Geometry> e : parcels(zone).entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        continue;
      }
      // a point inside the parcel, unlike the centroid of an L-shaped one
      Point p = e.getValue().getInteriorPoint();
      out.put(e.getKey(), new double[] {p.getX(), p.getY()});
    }
    return out;
  }
}
