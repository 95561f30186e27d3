package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import net.postgis.jdbc.jts.JtsGeometry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.testing.TestStores;

/** On the shared PostGIS store: PostgreSQL rolls the scratch tables back with the rest. */
@Tag("postgis")
class GeometryIoPostgisContractTest extends GeometryIoContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }

  @Test
  void thePoolHandsOutGeometriesAsJtsGeometry() throws Exception {
    inRolledBackTransaction((c, d) -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT geom FROM parcels ORDER BY id LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertInstanceOf(JtsGeometry.class, rs.getObject(1));
      }
    });
  }

  @Test
  void thePostgisDriversInDriverManagerLetOtherUrlsPass() throws Exception {
    store();
    // DriverManager reports the first error any driver throws, so a driver that throws for a URL
    // not its own (as postgis-jdbc-jts's JtsWrapper does once loaded) masks H2's real errors
    List<Driver> postgis = Collections.list(DriverManager.getDrivers()).stream()
        .filter(d -> d.getClass().getName().startsWith("net.postgis.")).toList();
    for (Driver d : postgis) {
      assertNull(d.connect("jdbc:h2:mem:not-for-postgis", new Properties()), d.getClass().getName());
    }
  }

  @Test
  void aThreeDimensionalGeometryIsStoredFlatAsTheWkbPathDid() throws Exception {
    Geometry z = GF.createPolygon(new Coordinate[] {new Coordinate(113.6, 34.7, 100), new Coordinate(113.61, 34.7, 101),
        new Coordinate(113.61, 34.71, 102), new Coordinate(113.6, 34.7, 100)});
    inRolledBackTransaction((c, d) -> {
      create(c, "geometry_io_flat");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO geometry_io_flat (id, poly) VALUES (1, ?)")) {
        d.bindGeometry(ps, 1, z);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT poly, ST_NDims(poly) FROM geometry_io_flat");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        Geometry back = d.readGeometry(rs, 1);
        assertEquals(2, rs.getInt(2));
        assertSame(z, back);
        assertEquals(Double.NaN, back.getCoordinate().getZ());
      }
    });
  }
}
