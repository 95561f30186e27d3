package zoneatlas.sites;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import zoneatlas.geo.Geodesy;

/**
 * Geodesic distances between a site and the geometries around it, and the lon/lat windows the
 * database prefilters with.
 *
 * <p>Distance from a site to a line or polygon is the distance to its nearest point, and that
 * point is not a vertex in general. We find the pair of nearest points with JTS {@link
 * DistanceOp} in a Gauss-Krüger {@link Plane} (a conformal projection whose scale hardly varies
 * over a few kilometres, so the pair it finds is the geodesic pair), map the pair back to lon/lat
 * and report the GeographicLib geodesic distance between the two points. A point site keeps its
 * own coordinates, and a point feature its own, so point-to-point figures are exactly {@link
 * Geodesy#distanceM}. The database only picks candidates; every figure is computed here, so both
 * stores give the same numbers.
 */
final class Proximity {
  /** WGS84 axes (CGCS2000 differs by 0.1 mm); for the window's metres per degree of longitude. */
  private static final double A = 6378137.0;
  private static final double E2 = (2 - 1 / 298.257223563) / 298.257223563;

  private Proximity() {}

  /** A geometry with its plane copy, so a feature compared with many sites is projected once. */
  record Projected(Geometry lonLat, Geometry plane) {
    static Projected of(Geometry lonLat, Plane p) {
      return new Projected(lonLat, p.project(lonLat));
    }
  }

  /** The geodesic distance and the two nearest points (lon/lat): on the site, on the other. */
  record Nearest(double metres, Coordinate onSite, Coordinate onOther) {}

  static Nearest between(Geometry site, Geometry other, Plane plane) {
    return between(Projected.of(site, plane), Projected.of(other, plane), plane);
  }

  static Nearest between(Projected site, Projected other, Plane plane) {
    if (site.lonLat() instanceof Point a && other.lonLat() instanceof Point b) {
      return new Nearest(Geodesy.distanceM(a.getX(), a.getY(), b.getX(), b.getY()), a.getCoordinate(), b.getCoordinate());
    }
    DistanceOp op = new DistanceOp(site.plane(), other.plane());
    Coordinate[] np = op.nearestPoints();
    if (op.distance() == 0) {
      Coordinate c = site.lonLat() instanceof Point p ? p.getCoordinate() : plane.toLonLat(np[0]);
      return new Nearest(0, c, c);
    }
    Coordinate a = site.lonLat() instanceof Point p ? p.getCoordinate() : plane.toLonLat(np[0]);
    Coordinate b = other.lonLat() instanceof Point p ? p.getCoordinate() : plane.toLonLat(np[1]);
    return new Nearest(Geodesy.distanceM(a.x, a.y, b.x, b.y), a, b);
  }

  /**
   * A lon/lat box holding every point within {@code metres} of the envelope. North and south
   * come from {@link Geodesy#destination}; east and west use the metres per degree of longitude
   * at the most poleward latitude the box reaches, where a degree is shortest, so no path of that
   * length can leave the box. Padded by 0.1% against rounding.
   */
  static Envelope window(Envelope e, double metres) {
    double pad = metres * 1.001 + 0.01;
    double north = Geodesy.destination(e.getMinX(), e.getMaxY(), 0, pad)[1];
    double south = Geodesy.destination(e.getMinX(), e.getMinY(), 180, pad)[1];
    double poleward = Math.min(89.0, Math.max(Math.abs(north), Math.abs(south)));
    double dLon = pad / metresPerDegreeLon(poleward);
    return new Envelope(e.getMinX() - dLon, e.getMaxX() + dLon, south, north);
  }

  static Envelope window(double lon, double lat, double metres) {
    return window(new Envelope(lon, lon, lat, lat), metres);
  }

  /** Length of one degree of longitude along the parallel at {@code latDeg}, on the ellipsoid. */
  static double metresPerDegreeLon(double latDeg) {
    double phi = Math.toRadians(latDeg);
    double s = Math.sin(phi);
    return Math.PI / 180 * A * Math.cos(phi) / Math.sqrt(1 - E2 * s * s);
  }

  /** Largest geodesic distance from a point to the vertices of a geometry. */
  static double farthestVertexM(double lon, double lat, Geometry g) {
    double max = 0;
    for (Coordinate c : g.getCoordinates()) {
      max = Math.max(max, Geodesy.distanceM(lon, lat, c.x, c.y));
    }
    return max;
  }

  /** Smallest geodesic distance from a point to the vertices of a geometry. */
  static double nearestVertexM(double lon, double lat, Geometry g) {
    double min = Double.POSITIVE_INFINITY;
    for (Coordinate c : g.getCoordinates()) {
      min = Math.min(min, Geodesy.distanceM(lon, lat, c.x, c.y));
    }
    return min;
  }
}
