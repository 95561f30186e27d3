package zoneatlas.tiles;

import zoneatlas.http.ApiError;

/**
 * The one tile matrix set served: OGC WebMercatorQuad (EPSG:3857, 256-pixel tiles, tile 0/0/0 the
 * whole world, row 0 at the top). OGC paths name a tile {@code tileMatrix/tileRow/tileCol}, that is
 * z/y/x, while PostGIS's {@code ST_TileEnvelope(z, x, y)} takes the column first: {@link Tile}
 * keeps them by name so the swap happens in exactly one place ({@code x()} is the column).
 */
public final class WebMercatorQuad {
  public static final String ID = "WebMercatorQuad";
  public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
  /** Radius of the Web Mercator sphere (EPSG:3857 uses the WGS 84 semi-major axis). */
  public static final double R = 6378137.0;
  /** Half the width of the world in EPSG:3857 metres. */
  public static final double HALF = Math.PI * R;
  /** Highest tile matrix served; the set defines 0..24, clients over-zoom beyond this. */
  public static final int MAX_ZOOM = 22;
  /** Tile coordinates per tile side (MVT extent). */
  public static final int EXTENT = 4096;
  /** Tile units drawn beyond each edge, so strokes and labels join across tiles (as Martin). */
  public static final int BUFFER = 64;

  private WebMercatorQuad() {}

  /** A tile: z = tileMatrix, y = tileRow, x = tileCol. */
  public record Tile(int z, int y, int x) {
    /** Tile width in EPSG:3857 metres. */
    public double size() {
      return 2 * HALF / (1L << z);
    }

    /** minx, miny, maxx, maxy in EPSG:3857, as ST_TileEnvelope(z, x, y) gives it. */
    public double[] bounds3857() {
      double s = size();
      double minx = -HALF + x * s;
      double maxy = HALF - y * s;
      return new double[] {minx, maxy - s, minx + s, maxy};
    }

    /** The bounds widened by {@code units} tile units on every side. */
    public double[] bounds3857(int units) {
      double[] b = bounds3857();
      double m = size() * units / EXTENT;
      return new double[] {b[0] - m, b[1] - m, b[2] + m, b[3] + m};
    }

    /** minlon, minlat, maxlon, maxlat of the bounds widened by {@code units} tile units. */
    public double[] lonLat(int units) {
      double[] b = bounds3857(units);
      return new double[] {lon(b[0]), lat(b[1]), lon(b[2]), lat(b[3])};
    }

    @Override
    public String toString() {
      return z + "/" + y + "/" + x;
    }
  }

  /** Checks a tile address from a path; a 400 names the part at fault. */
  public static Tile parse(String tileMatrix, String tileRow, String tileCol) {
    int z = integer("tileMatrix", tileMatrix, MAX_ZOOM);
    long n = 1L << z;
    int y = integer("tileRow", tileRow, n - 1);
    int x = integer("tileCol", tileCol, n - 1);
    return new Tile(z, y, x);
  }

  private static int integer(String name, String s, long max) {
    if (s == null || !s.matches("[0-9]{1,9}")) {
      throw ApiError.badParam(name, "must be a whole number from 0 to " + max + ", got '" + s + "'");
    }
    long v = Long.parseLong(s);
    if (v > max) {
      throw ApiError.badParam(name, "must be from 0 to " + max + ", got " + v);
    }
    return (int) v;
  }

  /** EPSG:3857 x of a longitude in degrees (spherical Mercator, as PROJ computes it). */
  public static double x(double lon) {
    return R * Math.toRadians(lon);
  }

  /** EPSG:3857 y of a latitude in degrees. */
  public static double y(double lat) {
    return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
  }

  public static double lon(double x) {
    return Math.toDegrees(x / R);
  }

  public static double lat(double y) {
    return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
  }
}
