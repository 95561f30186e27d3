package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;

/**
 * The parcel import contract on PostGIS, in a database of its own (import_test) in the test
 * cluster; plus PostGIS's own ST_Transform as an independent check of the coordinates.
 */
@Tag("postgis")
class ParcelImportPostgisContractTest extends ParcelImportContract {
  private static SqlStore store;

  @Override
  SqlStore store() {
    synchronized (ParcelImportPostgisContractTest.class) {
      if (store == null) {
        store = ImportFixtures.postgisWithPlan("import_test");
      }
      return store;
    }
  }

  @Test
  void everyShapefileVertexIsWithinOneCentimetreOfPostgisStTransform() throws Exception {
    assertTrue(run("parcels_gbk_4547.zip").ok());
    Map<String, Stored> imported = stored();
    SourceData raw = ShapefileSource.read(ImportFixtures.bytes("parcels_gbk_4547.zip"), null, null, 100_000_000);
    int checked = 0;
    try (Connection c = store().connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4547), 4490) AS p) t")) {
      for (SourceFeature f : raw.features()) {
        Geometry stored = imported.get((String) f.attributes().get("宗地编号")).geom();
        for (Coordinate v : f.geometry().getCoordinates()) {
          ps.setDouble(1, v.x);
          ps.setDouble(2, v.y);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            double lon = rs.getDouble(1);
            double lat = rs.getDouble(2);
            double best = Double.MAX_VALUE;
            for (Coordinate s : stored.getCoordinates()) {
              best = Math.min(best, Geodesy.distanceM(lon, lat, s.x, s.y));
            }
            assertTrue(best < 0.01, "PostGIS puts " + v + " at " + lon + "," + lat + ", " + best + " m from the import");
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 15, "checked " + checked + " vertices");
  }
}
