package zoneatlas.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas and distances on the ellipsoid, so no figure is ever computed in degrees. CGCS2000 and
 * WGS84 ellipsoids differ by 0.1 mm in the semi-minor axis, far below what a parcel area shows,
 * so GeographicLib's WGS84 geodesic serves both. Thread-safe (stateless).
 */
public final class Geodesy {
  /** Square metres in one mu (亩). */
  public static final double M2_PER_MU = 10000.0 / 15.0;

  private static final Geodesic WGS84 = Geodesic.WGS84;

  private Geodesy() {}

  /** Geodesic area in m² of a lon/lat polygonal geometry (holes subtracted); 0 for others. */
  public static double areaM2(Geometry g) {
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        sum += ringArea(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum -= ringArea(p.getInteriorRingN(h));
        }
      }
    }
    return sum;
  }

  public static double areaMu(Geometry g) {
    return areaM2(g) / M2_PER_MU;
  }

  /** Geodesic length in metres of a lon/lat lineal geometry (sum of parts). */
  public static double lengthM(Geometry g) {
    double sum = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof LineString ls) {
        Coordinate[] c = ls.getCoordinates();
        for (int k = 1; k < c.length; k++) {
          sum += distanceM(c[k - 1].x, c[k - 1].y, c[k].x, c[k].y);
        }
      }
    }
    return sum;
  }

  /** Geodesic distance in metres between two lon/lat points. */
  public static double distanceM(double lon1, double lat1, double lon2, double lat2) {
    GeodesicData d = WGS84.Inverse(lat1, lon1, lat2, lon2);
    return d.s12;
  }

  /** The point reached from lon/lat going {@code metres} along {@code azimuthDeg}; returns {lon, lat}. */
  public static double[] destination(double lon, double lat, double azimuthDeg, double metres) {
    GeodesicData d = WGS84.Direct(lat, lon, azimuthDeg, metres);
    return new double[] {d.lon2, d.lat2};
  }

  private static double ringArea(LineString ring) {
    PolygonArea pa = new PolygonArea(WGS84, false);
    Coordinate[] c = ring.getCoordinates();
    // the closing vertex repeats the first; GeographicLib closes the ring itself
    for (int i = 0; i < c.length - 1; i++) {
      pa.AddPoint(c[i].y, c[i].x);
    }
    PolygonResult r = pa.Compute(false, true);
    return Math.abs(r.area);
  }
}
