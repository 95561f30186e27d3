package zoneatlas.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;

/**
 * The one place GeoTools referencing is set up: EPSG codes decoded once per axis order and kept,
 * transformations found once per pair and kept. The API's CRSs ({@code ogc.Crs}), the planar zones
 * of the spatial queries ({@code sites.Plane}) and the systems of imported files
 * ({@code imports.spatial.SourceCrs}) all come from here, so the EPSG registry is opened once and
 * every part of the server sees the same definitions.
 *
 * <p>GeoTools opens its EPSG database on the first decode (seconds); callers warm up in the
 * background at start. Thread-safe: decoded systems and transformations are immutable.
 */
public final class Referencing {
  /** The storage CRS: CGCS2000 longitude/latitude. */
  public static final int STORAGE_EPSG = 4490;
  private static final Map<String, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();
  private static final Map<Pair, MathTransform> TRANSFORMS = new ConcurrentHashMap<>();

  private Referencing() {}

  /**
   * An EPSG system. {@code longitudeFirst}: x is longitude or easting whatever the registry says
   * (what JTS geometries and the database hold); otherwise the registry's own axis order (latitude
   * or northing first for EPSG:4326, 4490, 4547), which is the order OGC API request coordinates
   * come in.
   */
  public static CoordinateReferenceSystem epsg(int code, boolean longitudeFirst) throws FactoryException {
    String key = code + (longitudeFirst ? "/xy" : "/authority");
    CoordinateReferenceSystem c = SYSTEMS.get(key);
    if (c == null) {
      c = CRS.decode("EPSG:" + code, longitudeFirst);
      SYSTEMS.putIfAbsent(key, c);
    }
    return c;
  }

  /** The storage CRS, longitude first. */
  public static CoordinateReferenceSystem storage() throws FactoryException {
    return epsg(STORAGE_EPSG, true);
  }

  /**
   * The transformation between two systems. {@code lenient}: accept one without datum shift
   * parameters (WGS 84 to CGCS2000, which EPSG relates by a null transformation).
   */
  public static MathTransform transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to, boolean lenient)
      throws FactoryException {
    // systems from epsg() are kept, so a pair of them is worth keeping too; others (a file's .prj) are not
    boolean keep = SYSTEMS.containsValue(from) && SYSTEMS.containsValue(to);
    Pair key = new Pair(from, to, lenient);
    MathTransform t = keep ? TRANSFORMS.get(key) : null;
    if (t == null) {
      t = CRS.findMathTransform(from, to, lenient);
      if (keep) {
        TRANSFORMS.putIfAbsent(key, t);
      }
    }
    return t;
  }

  private record Pair(CoordinateReferenceSystem from, CoordinateReferenceSystem to, boolean lenient) {}
}
