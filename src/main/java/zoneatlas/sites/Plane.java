package zoneatlas.sites;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A metric plane for the two jobs that need one: finding the nearest point of a geometry and
 * buffering a line by metres. It is the CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534 to
 * EPSG:4554, central meridians 75°E to 135°E) whose central meridian is closest to the site;
 * the demo zones lie in EPSG:4547 (114°E). Inside its zone the projection is conformal with a
 * scale error below 2.5e-4 that changes slowly, so the nearest point found in the plane is the
 * true nearest point for all practical purposes; figures we report are never plane distances but
 * geodesic ones between the points found here (see {@link Proximity}).
 *
 * <p>Stored edges are straight in lon/lat (the PostGIS geometry convention); before projecting,
 * geometries are densified to {@value #DENSIFY_DEG}° so that the projected edges follow them to
 * within centimetres even for lines tens of kilometres long.
 *
 * <p>GeoTools reads the EPSG registry on first use (a few seconds), so zones are decoded lazily,
 * once per JVM, and {@link #warmUp()} lets the server do it in the background at start.
 * Thread-safe: the transforms are immutable.
 */
final class Plane {
  /** Longitudes the CGCS2000 3-degree zones cover; the range queries are accepted in. */
  static final double MIN_LON = 73.5;
  static final double MAX_LON = 136.5;
  static final double DENSIFY_DEG = 0.005;
  private static final Map<Integer, Plane> ZONES = new ConcurrentHashMap<>();

  final int epsg;
  private final MathTransform forward;
  private final MathTransform inverse;

  private Plane(int epsg, MathTransform forward, MathTransform inverse) {
    this.epsg = epsg;
    this.forward = forward;
    this.inverse = inverse;
  }

  /** The zone for a longitude; longitudes outside China's zones get the nearest edge zone. */
  static Plane forLongitude(double lon) {
    int cm = (int) Math.round(lon / 3.0) * 3;
    cm = Math.max(75, Math.min(135, cm));
    return ZONES.computeIfAbsent(4534 + (cm - 75) / 3, Plane::decode);
  }

  /** Decodes the zone of the demo area in a daemon thread, so the first query does not wait. */
  static void warmUp() {
    Thread t = new Thread(() -> forLongitude(114), "plane-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static Plane decode(int epsg) {
    try {
      CoordinateReferenceSystem lonLat = zoneatlas.geo.Referencing.storage();
      CoordinateReferenceSystem plane = zoneatlas.geo.Referencing.epsg(epsg, true);
      MathTransform f = zoneatlas.geo.Referencing.transform(lonLat, plane, false);
      return new Plane(epsg, f, f.inverse());
    } catch (Exception e) {
      throw new IllegalStateException("cannot set up EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }

  /** The geometry in plane metres, densified first (see the class comment). */
  Geometry project(Geometry lonLat) {
    Geometry g = lonLat.getDimension() == 0 ? lonLat : Densifier.densify(lonLat, DENSIFY_DEG);
    try {
      return JTS.transform(g, forward);
    } catch (Exception e) {
      throw new IllegalStateException("cannot project to EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }

  Geometry toLonLat(Geometry plane) {
    try {
      Geometry g = JTS.transform(plane, inverse);
      g.setSRID(4490);
      return g;
    } catch (Exception e) {
      throw new IllegalStateException("cannot unproject from EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }

  Coordinate toLonLat(Coordinate xy) {
    try {
      return JTS.transform(xy, null, inverse);
    } catch (Exception e) {
      throw new IllegalStateException("cannot unproject from EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }

  Coordinate project(Coordinate lonLat) {
    try {
      return JTS.transform(lonLat, null, forward);
    } catch (Exception e) {
      throw new IllegalStateException("cannot project to EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }
}
