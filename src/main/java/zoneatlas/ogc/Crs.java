package zoneatlas.ogc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.geo.Referencing;
import zoneatlas.http.ApiError;

/**
 * The coordinate reference systems the API reads and writes (OGC API - Features Part 2).
 *
 * <p>Geometry is stored as CGCS2000 longitude/latitude. CGCS2000 and WGS 84 agree to a few
 * centimetres, and EPSG relates them by a null transformation, so CRS84, EPSG:4326 and EPSG:4490
 * differ here only in axis order: switching between them is an exact swap, done the same way by
 * both stores. Projected output (EPSG:4547, EPSG:3857) is transformed by the database, where
 * H2GIS and PostGIS agree to well under a millimetre (checked by the contract tests). Projected
 * input (bbox-crs, filter-crs) is transformed in Java with GeoTools, so the column is never
 * transformed and the spatial index keeps working.
 */
public final class Crs {
  private static final Logger LOG = LoggerFactory.getLogger(Crs.class);
  /** Storage CRS: CGCS2000, written longitude first. */
  public static final int STORAGE_SRID = 4490;
  /**
   * Segment length (metres) a projected line or polygon is densified to before it is
   * transformed: a straight 500 m Gauss-Kruger segment strays from its lon/lat chord by far less
   * than a millimetre, and fewer vertices keep the per-row intersection test cheap.
   */
  private static final double DENSIFY_METRES = 500.0;
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), STORAGE_SRID);
  private static final Map<Def, CompletableFuture<MathTransform>> TO_STORAGE = new ConcurrentHashMap<>();

  /**
   * One supported CRS.
   *
   * @param srid the SRID the database writes (CRS84 is written from the stored CGCS2000 as is)
   * @param northFirst the CRS's first axis is latitude or northing, so coordinates are swapped
   * @param projected coordinates are metres, not degrees
   */
  public enum Def {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", STORAGE_SRID, false, false,
        "WGS 84 经纬度(经度在前)", "WGS 84 longitude/latitude"),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, false,
        "WGS 84 经纬度(纬度在前)", "WGS 84 latitude/longitude"),
    EPSG_4490("http://www.opengis.net/def/crs/EPSG/0/4490", STORAGE_SRID, true, false,
        "CGCS2000 国家大地坐标系(纬度在前)", "CGCS2000 latitude/longitude"),
    EPSG_4547("http://www.opengis.net/def/crs/EPSG/0/4547", 4547, true, true,
        "CGCS2000 3度带高斯-克吕格 中央经线114°E(北坐标在前)", "CGCS2000 / 3-degree Gauss-Kruger CM 114E (northing, easting)"),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false, true,
        "Web 墨卡托", "WGS 84 / Pseudo-Mercator");

    public final String uri;
    public final int srid;
    public final boolean northFirst;
    public final boolean projected;
    public final String titleZh;
    public final String titleEn;

    Def(String uri, int srid, boolean northFirst, boolean projected, String titleZh, String titleEn) {
      this.uri = uri;
      this.srid = srid;
      this.northFirst = northFirst;
      this.projected = projected;
      this.titleZh = titleZh;
      this.titleEn = titleEn;
    }

    /** The EPSG code GeoTools decodes (CRS84 has none of its own). */
    String epsg() {
      return this == CRS84 ? "EPSG:4326" : "EPSG:" + uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The value of a Content-Crs header. */
    public String header() {
      return "<" + uri + ">";
    }
  }

  private Crs() {}

  public static List<Def> all() {
    return List.of(Def.values());
  }

  public static List<String> uris() {
    return all().stream().map(d -> d.uri).toList();
  }

  /**
   * The CRS a parameter names: the OGC URI, a safe CURIE such as {@code [EPSG:4547]}, or the
   * short {@code EPSG:4547} / {@code OGC:CRS84}. Null when the parameter is absent.
   */
  public static Def parse(String param, String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1);
    }
    for (Def d : Def.values()) {
      if (d.uri.equals(v)) {
        return d;
      }
    }
    String u = v.toUpperCase(Locale.ROOT);
    switch (u) {
      case "OGC:CRS84", "CRS84", "CRS:84", "HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/0/CRS84" -> {
        return Def.CRS84;
      }
      case "EPSG:4326" -> {
        return Def.EPSG_4326;
      }
      case "EPSG:4490" -> {
        return Def.EPSG_4490;
      }
      case "EPSG:4547" -> {
        return Def.EPSG_4547;
      }
      case "EPSG:3857" -> {
        return Def.EPSG_3857;
      }
      default -> throw ApiError.badParam(param, "unsupported CRS '" + value + "'; supported: " + String.join(", ", uris()));
    }
  }

  /**
   * Decodes the projected CRSs and builds their transformations in the background, so the first
   * request that needs one does not wait for GeoTools to open its EPSG database (seconds).
   */
  public static void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try {
        for (Def d : Def.values()) {
          if (d.projected) {
            toStorageTransform(d);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("could not prepare the coordinate transformations: {}", e.getMessage());
      }
    }, "crs-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static MathTransform toStorageTransform(Def d) {
    CompletableFuture<MathTransform> f = TO_STORAGE.computeIfAbsent(d, k -> CompletableFuture.supplyAsync(() -> {
      try {
        // the source keeps the authority's axis order (northing first for EPSG:4547), which is
        // the order request coordinates come in; the target is the stored longitude/latitude
        CoordinateReferenceSystem src = Referencing.epsg(Integer.parseInt(k.epsg().substring(5)), false);
        CoordinateReferenceSystem dst = Referencing.storage();
        // lenient: WGS 84 -> CGCS2000 has no Bursa-Wolf parameters in EPSG (a null transformation)
        return Referencing.transform(src, dst, true);
      } catch (Exception e) {
        throw new IllegalStateException("cannot build the transformation " + k.epsg() + " -> EPSG:4490: " + e.getMessage(), e);
      }
    }, Runnable::run));
    try {
      return f.join();
    } catch (CompletionException e) {
      TO_STORAGE.remove(d, f);
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /**
   * A geometry given in {@code crs} (coordinates in that CRS's axis order), in the storage CRS
   * (CGCS2000 longitude/latitude), SRID set. Projected lines and polygons are densified first, so
   * an edge that is straight in metres stays close to its true course in degrees.
   */
  public static Geometry toStorage(Geometry g, Def crs) {
    Geometry out;
    if (!crs.projected) {
      out = crs.northFirst ? swap(g) : g.copy();
    } else {
      MathTransform mt = toStorageTransform(crs);
      Geometry dense = g instanceof Point || g.getDimension() == 0 ? g : Densifier.densify(g, DENSIFY_METRES);
      try {
        out = JTS.transform(dense, mt);
      } catch (Exception e) {
        throw ApiError.badParam("crs", "coordinates cannot be transformed from " + crs.uri + ": " + e.getMessage());
      }
    }
    out = GF.createGeometry(out);
    out.setSRID(STORAGE_SRID);
    return out;
  }

  /** A bbox given in {@code crs} (minimum and maximum in that CRS's axis order), as a storage polygon. */
  public static Geometry bboxToStorage(double[] b, Def crs) {
    Envelope e = new Envelope(b[0], b[2], b[1], b[3]);
    return toStorage(GF.toGeometry(e), crs);
  }

  /** Radius of the sphere EPSG:3857 projects (the WGS 84 semi-major axis). */
  private static final double MERCATOR_R = 6378137.0;

  /**
   * A Web Mercator (EPSG:3857) bbox as the longitude/latitude rectangle it exactly is: the projection
   * maps meridians and parallels to straight lines, so the corners say it all and no polygon need be
   * tested per row (a densified one cost 5.4 times a CRS84 box). The inverse is the closed form of
   * EPSG's Popular Visualisation Pseudo Mercator; CGCS2000 and WGS 84 relate by a null transformation.
   * Eastings beyond the projection's edge are clamped to ±180°; an easting minimum above its maximum
   * stays so (a box across the antimeridian).
   */
  public static double[] mercatorBbox(double[] b) {
    return new double[] {mercatorLon(b[0]), mercatorLat(b[1]), mercatorLon(b[2]), mercatorLat(b[3])};
  }

  private static double mercatorLon(double x) {
    return Math.max(-180, Math.min(180, Math.toDegrees(x / MERCATOR_R)));
  }

  private static double mercatorLat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / MERCATOR_R)));
  }

  /** The longitude axis of a bbox in {@code crs} (0 or 1), where min &gt; max crosses the antimeridian; -1 for none. */
  public static int longitudeAxis(Def crs) {
    return switch (crs) {
      case CRS84, EPSG_3857 -> 0;
      case EPSG_4326, EPSG_4490 -> 1;
      case EPSG_4547 -> -1;
    };
  }

  /** Longitude/latitude extent of a geographic bbox given in {@code crs}: axis swap only. */
  public static double[] geographicBbox(double[] b, Def crs) {
    if (crs.projected) {
      throw new IllegalArgumentException("projected CRS: " + crs);
    }
    return crs.northFirst ? new double[] {b[1], b[0], b[3], b[2]} : b.clone();
  }

  private static Geometry swap(Geometry g) {
    Geometry c = g.copy();
    c.apply((org.locationtech.jts.geom.CoordinateFilter) coord -> {
      double x = coord.x;
      coord.x = coord.y;
      coord.y = x;
    });
    c.geometryChanged();
    return c;
  }
}
