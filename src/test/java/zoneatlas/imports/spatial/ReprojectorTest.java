package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.imports.spatial.SourceCrsTest.point;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import zoneatlas.geo.Geodesy;

/** How a file's coordinates are read when the file says little about them. */
class ReprojectorTest {
  @Test
  void lonLatWithoutACrsIsTakenAsCgcs2000() {
    Reprojector r = Reprojector.decide(null, null, List.of(point(113.83, 34.65)), true);
    assertEquals(4490, r.crs.epsg);
    assertEquals("detected", r.how);
    assertFalse(r.notes.isEmpty());
  }

  @Test
  void latitudeFirstColumnsAreRefusedAsSwappedAxes() {
    var e = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(34.65, 113.83)), true));
    assertEquals("lon", e.parameter);
    assertTrue(e.getMessage().contains("swapped"), e.getMessage());
  }

  @Test
  void latitudeFirstUnderAGeographicCrsIsRefusedToo() {
    var e = assertThrows(ImportFailure.class,
        () -> Reprojector.decide(SourceCrs.ofEpsg(4490), ".prj", List.of(point(34.65, 113.83)), false));
    assertTrue(e.getMessage().contains("swapped"), e.getMessage());
  }

  @Test
  void zonePrefixWithoutACrsNamesTheZoneAndSurveyingOrderIsRead() {
    // X = northing, Y = easting with prefix 38, as cadastral point tables write them
    Reprojector r = Reprojector.decide(null, null, List.of(point(3835777.96580698, 38484415.2126438)), true);
    assertEquals(4526, r.crs.epsg);
    assertTrue(r.swapAxes);
    Coordinate c = r.toLonLat(point(3835777.96580698, 38484415.2126438)).getCoordinate();
    assertTrue(Geodesy.distanceM(c.x, c.y, 113.83, 34.65) < 0.01);
  }

  @Test
  void metresWithoutAZonePrefixOrCrsAskForSrs() {
    var e = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(484415.2, 3835777.9)), true));
    assertEquals("srs", e.parameter);
    assertTrue(e.getMessage().contains("EPSG:4547"), e.getMessage());
  }

  @Test
  void metresUnderADegreeCrsAreRefused() {
    var e = assertThrows(ImportFailure.class,
        () -> Reprojector.decide(SourceCrs.ofEpsg(4490), ".prj", List.of(point(484415.2, 3835777.9)), false));
    assertTrue(e.getMessage().contains("not degrees"), e.getMessage());
  }

  @Test
  void degreesUnderAProjectedCrsAreRefused() {
    var e = assertThrows(ImportFailure.class,
        () -> Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", List.of(point(113.83, 34.65)), false));
    assertTrue(e.getMessage().contains("EPSG:4490"), e.getMessage());
  }

  @Test
  void pointsOutsideChinaAreNotInsideChina() {
    assertTrue(Reprojector.insideChina(point(113.83, 34.65)));
    assertFalse(Reprojector.insideChina(point(140.0, 30.0)));
  }
}
