package zoneatlas.sites;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * An independent check on the server's distances: Vincenty's inverse formula on the WGS84
 * ellipsoid (accurate to about 0.5 mm), written out here rather than taken from GeographicLib,
 * and brute-force distances to lines and polygons by sampling their edges in lon/lat.
 */
final class Vincenty {
  private static final double A = 6378137.0;
  private static final double F = 1 / 298.257223563;
  private static final double B = A * (1 - F);

  private Vincenty() {}

  static double distance(double lon1, double lat1, double lon2, double lat2) {
    double l = Math.toRadians(lon2 - lon1);
    double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
    double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);
    double lambda = l;
    double sinSigma;
    double cosSigma;
    double sigma;
    double cos2Alpha;
    double cos2SigmaM;
    for (int iter = 0; ; iter++) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
      if (sinSigma == 0) {
        return 0;
      }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      cos2Alpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
      double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
      double prev = lambda;
      lambda = l + (1 - c) * F * sinAlpha
          * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - prev) < 1e-12) {
        break;
      }
      if (iter > 200) {
        throw new IllegalStateException("Vincenty did not converge");
      }
    }
    double uSq = cos2Alpha * (A * A - B * B) / (B * B);
    double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * bigA * (sigma - deltaSigma);
  }

  /** Points along every edge of g, at most {@code stepDeg} apart (in lon/lat), vertices included. */
  static List<Coordinate> samples(Geometry g, double stepDeg) {
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Point p) {
        out.add(p.getCoordinate());
        continue;
      }
      List<Coordinate[]> lines = new ArrayList<>();
      if (part instanceof Polygon poly) {
        lines.add(poly.getExteriorRing().getCoordinates());
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          lines.add(poly.getInteriorRingN(h).getCoordinates());
        }
      } else {
        lines.add(part.getCoordinates());
      }
      for (Coordinate[] cs : lines) {
        for (int k = 1; k < cs.length; k++) {
          Coordinate a = cs[k - 1];
          Coordinate b = cs[k];
          int n = Math.max(1, (int) Math.ceil(Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) / stepDeg));
          for (int s = 0; s < n; s++) {
            double t = (double) s / n;
            out.add(new Coordinate(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t));
          }
        }
        out.add(cs[cs.length - 1]);
      }
    }
    return out;
  }

  /** Brute-force distance from a point to a geometry: 0 inside a polygon, else the nearest sample. */
  static double toGeometry(double lon, double lat, Geometry g, double stepDeg) {
    if (g.getDimension() == 2 && g.covers(g.getFactory().createPoint(new Coordinate(lon, lat)))) {
      return 0;
    }
    double min = Double.POSITIVE_INFINITY;
    for (Coordinate c : samples(g, stepDeg)) {
      min = Math.min(min, distance(lon, lat, c.x, c.y));
    }
    return min;
  }
}
