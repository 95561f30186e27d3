package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import zoneatlas.geo.Geodesy;

class ProximityTest {
  static final Plane PLANE = Plane.forLongitude(113.7);

  static Point pt(double lon, double lat) {
    return Shapes.GF.createPoint(new Coordinate(lon, lat));
  }

  @Test
  void testVincentyAgreesWithGeographicLibToAMillimetre() {
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      double lon1 = 113 + r.nextDouble();
      double lat1 = 34 + r.nextDouble();
      double lon2 = 113 + r.nextDouble() * 2;
      double lat2 = 34 + r.nextDouble() * 2;
      assertEquals(Vincenty.distance(lon1, lat1, lon2, lat2), Geodesy.distanceM(lon1, lat1, lon2, lat2), 0.001);
    }
  }

  @Test
  void windowHoldsEveryPointAtTheRadiusInEveryDirection() {
    for (double lat : new double[] {1, 20, 34.7, 53.5}) {
      for (double r : new double[] {1, 25, 1000, 50_000, 100_000}) {
        Envelope w = Proximity.window(113.7, lat, r);
        for (int az = 0; az < 360; az++) {
          double[] d = Geodesy.destination(113.7, lat, az + 0.5, r);
          assertTrue(w.contains(d[0], d[1]), "lat " + lat + " r " + r + " az " + az + " fell outside " + w);
        }
        // and not much larger than needed: wider than the eastward reach only by the narrowing of
        // the parallels between the centre and the window's north edge
        double[] east = Geodesy.destination(113.7, lat, 90, r);
        double narrowing = Math.cos(Math.toRadians(lat)) / Math.cos(Math.toRadians(w.getMaxY()));
        assertTrue(w.getMaxX() - 113.7 < (east[0] - 113.7) * narrowing * 1.003 + 2e-7, "window too wide at lat " + lat + " r " + r);
      }
    }
  }

  @Test
  void pointToPointIsTheGeodesicDistanceExactly() {
    Proximity.Nearest n = Proximity.between(pt(113.7, 34.7), pt(113.75, 34.76), PLANE);
    assertEquals(Geodesy.distanceM(113.7, 34.7, 113.75, 34.76), n.metres(), 0);
  }

  @Test
  void pointToLineMatchesDensifiedVincentyWithinFiveCentimetres() {
    Geometry line = Shapes.GF.createLineString(new Coordinate[] {
        new Coordinate(113.60, 34.70), new Coordinate(113.72, 34.78), new Coordinate(113.81, 34.74)});
    Random r = new Random(7);
    for (int i = 0; i < 60; i++) {
      double lon = 113.58 + r.nextDouble() * 0.26;
      double lat = 34.66 + r.nextDouble() * 0.16;
      double expected = Vincenty.toGeometry(lon, lat, line, 1e-5);
      if (expected < 50) {
        continue;
      }
      double got = Proximity.between(pt(lon, lat), line, PLANE).metres();
      assertEquals(expected, got, 0.05, "point " + lon + "," + lat);
    }
  }

  @Test
  void pointToPolygonIsZeroInsideAndEdgeDistanceOutside() {
    Geometry poly = Shapes.GF.createPolygon(new Coordinate[] {new Coordinate(113.70, 34.70), new Coordinate(113.71, 34.70),
        new Coordinate(113.71, 34.71), new Coordinate(113.70, 34.71), new Coordinate(113.70, 34.70)});
    assertEquals(0, Proximity.between(pt(113.705, 34.705), poly, PLANE).metres());
    double out = Proximity.between(pt(113.72, 34.705), poly, PLANE).metres();
    assertEquals(Vincenty.toGeometry(113.72, 34.705, poly, 1e-6), out, 0.01);
  }
}
