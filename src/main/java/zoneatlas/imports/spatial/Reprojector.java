package zoneatlas.imports.spatial;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.geotools.api.referencing.operation.TransformException;

/**
 * Turns a file's coordinates into CGCS2000 lon/lat. Decides once per file what the numbers are:
 * which CRS when the file names none (lon/lat degrees, or Gauss-Kruger metres whose eastings
 * carry the zone prefix), and whether X and Y come in the surveying order (X = northing, as
 * Chinese cadastral tables write them). Then, per coordinate, strips or adds the zone prefix so
 * the easting fits the CRS, and transforms. Not thread-safe (one per import).
 */
final class Reprojector {
  /** China's extent in lon/lat; a parcel outside is misplaced, whatever its CRS. */
  static final double MIN_LON = 73;
  static final double MAX_LON = 136;
  static final double MIN_LAT = 3;
  static final double MAX_LAT = 54;
  private static final GeometryFactory LONLAT = new GeometryFactory(new PrecisionModel(), 4490);

  /** Why one feature's coordinates cannot be used. */
  static final class CoordinateProblem extends RuntimeException {
    CoordinateProblem(String message) {
      super(message);
    }
  }

  final SourceCrs crs;
  /** How the CRS was settled: "parameter srs", ".prj", "detected", ... */
  final String how;
  final boolean swapAxes;
  final List<String> notes = new ArrayList<>();
  private final double[] in = new double[2];
  private final double[] out = new double[2];

  private Reprojector(SourceCrs crs, String how, boolean swapAxes) {
    this.crs = crs;
    this.how = how;
    this.swapAxes = swapAxes;
  }

  /**
   * Settles the CRS and axis order of a file.
   *
   * @param given the CRS from the srs parameter or the file, null if neither names one
   * @param how where {@code given} came from
   * @param sample the file's geometries in their own coordinates (nulls allowed)
   * @param tabular whether coordinates came from named columns (lon/lat, x/y) rather than a GIS format
   */
  static Reprojector decide(SourceCrs given, String how, List<Geometry> sample, boolean tabular) {
    Stats st = Stats.of(sample);
    if (st.total == 0) {
      return new Reprojector(given != null ? given : SourceCrs.ofEpsg(4490), given != null ? how : "default", false);
    }
    String example = "e.g. (" + num(st.exampleX) + ", " + num(st.exampleY) + ")";
    boolean northFirst = st.northEast > st.eastNorth;
    if (given == null) {
      if (st.degrees == st.total) {
        if (st.latLon > st.lonLat) {
          throw swapped(tabular, example);
        }
        if (st.lonLat == 0) {
          throw new ImportFailure("srs", "srs: the coordinates look like degrees but none lies in China (" + example
              + "): pass srs=EPSG:NNNN");
        }
        Reprojector r = new Reprojector(SourceCrs.ofEpsg(4490), "detected", false);
        r.notes.add("the file names no coordinate system; its coordinates are longitude/latitude degrees, taken as CGCS2000"
            + " (EPSG:4490; WGS 84 differs by centimetres)");
        return r;
      }
      int gauss = st.eastNorth + st.northEast;
      Integer prefix = st.commonPrefix();
      if (gauss * 2 > st.total && prefix != null && st.prefixes.get(prefix) * 2 > gauss) {
        Integer code = SourceCrs.codeForPrefix(prefix);
        Reprojector r = new Reprojector(SourceCrs.ofEpsg(code), "detected", northFirst);
        r.notes.add("the file names no coordinate system; the zone prefix " + prefix + " of the eastings says CGCS2000 "
            + (prefix >= 25 ? "3" : "6") + "-degree Gauss-Kruger zone " + prefix + " (EPSG:" + code + ", central meridian "
            + (prefix >= 25 ? 3 * prefix : 6 * prefix - 3) + "°E). Pass srs= if the data is on another datum");
        r.noteSwap();
        return r;
      }
      if (gauss * 2 > st.total) {
        throw new ImportFailure("srs", "srs: the coordinates are projected metres (" + example + ") and the file names no"
            + " coordinate system: pass srs=EPSG:NNNN, e.g. EPSG:4547 for CGCS2000 3-degree Gauss-Kruger central meridian"
            + " 114°E (4546: 111°E, 4548: 117°E; 6-degree zones: 4502-4512), or the zoned code (4513-4533) when eastings"
            + " carry the zone prefix");
      }
      throw new ImportFailure("srs", "srs: cannot tell the coordinate system from the coordinates (" + example
          + "): pass srs=EPSG:NNNN");
    }
    if (given.geographic) {
      if (st.latLon > st.lonLat) {
        throw swapped(tabular, example);
      }
      if (st.degrees * 2 < st.total) {
        throw new ImportFailure("srs", "srs: " + how + " says " + given.label + " (degrees), but the coordinates are not"
            + " degrees (" + example + "): pass srs= with the projected system, e.g. EPSG:4547");
      }
      return new Reprojector(given, how, false).noteWgs();
    }
    if (st.lonLat * 2 > st.total) {
      throw new ImportFailure("srs", "srs: " + how + " says " + given.label + " (metres), but the coordinates are"
          + " longitude/latitude degrees (" + example + "): pass srs=EPSG:4490");
    }
    Reprojector r = new Reprojector(given, how, given.gk != null && northFirst);
    r.noteSwap();
    return r.noteWgs();
  }

  private static ImportFailure swapped(boolean tabular, String example) {
    return new ImportFailure(tabular ? "lon" : "file", (tabular ? "lon" : "file") + ": the coordinates look like"
        + " latitude, longitude (swapped axes, " + example + ")" + (tabular
        ? ": map lon= to the longitude column and lat= to the latitude column"
        : ": the file must hold longitude first; fix it in the GIS that wrote it"));
  }

  private void noteSwap() {
    if (swapAxes) {
      notes.add("X holds northings and Y eastings (the surveying order of Chinese cadastral tables); read as such");
    }
  }

  private Reprojector noteWgs() {
    if (crs.wgs84) {
      notes.add(crs.label + " is on WGS 84; taken as CGCS2000 (they differ by a few centimetres)");
    }
    return this;
  }

  /** The geometry in CGCS2000 lon/lat, 2D; throws {@link CoordinateProblem} naming the bad coordinate. */
  Geometry toLonLat(Geometry g) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence seq, Geometry parent) {
        Coordinate[] c = new Coordinate[seq.size()];
        for (int i = 0; i < c.length; i++) {
          c[i] = project(seq.getX(i), seq.getY(i));
        }
        return LONLAT.getCoordinateSequenceFactory().create(c);
      }
    }.transform(g);
  }

  private Coordinate project(double x0, double y0) {
    double x = swapAxes ? y0 : x0;
    double y = swapAxes ? x0 : y0;
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new CoordinateProblem("coordinate is not a finite number");
    }
    if (crs.gk != null) {
      int prefix = x >= 1e7 ? (int) Math.floor(x / 1e6) : 0;
      if (prefix != 0 && !crs.gk.prefixes().contains(prefix)) {
        throw new CoordinateProblem("easting " + num(x) + " carries the zone prefix " + prefix + ", but " + crs.label
            + " has its central meridian at " + SourceCrs.fmt(crs.gk.centralMeridian()) + "°E (zone "
            + crs.gk.prefixes() + "): pass the srs of zone " + prefix);
      }
      x = x - prefix * 1e6 + crs.gk.crsPrefix() * 1e6;
    }
    in[0] = x;
    in[1] = y;
    try {
      crs.toLonLat.transform(in, 0, out, 0, 1);
    } catch (TransformException e) {
      throw new CoordinateProblem("coordinate (" + num(x0) + ", " + num(y0) + ") cannot be transformed from " + crs.label);
    }
    if (!Double.isFinite(out[0]) || !Double.isFinite(out[1])) {
      throw new CoordinateProblem("coordinate (" + num(x0) + ", " + num(y0) + ") has no position in " + crs.label);
    }
    return new CoordinateXY(out[0], out[1]);
  }

  static boolean insideChina(Geometry lonLat) {
    var e = lonLat.getEnvelopeInternal();
    return e.getMinX() >= MIN_LON && e.getMaxX() <= MAX_LON && e.getMinY() >= MIN_LAT && e.getMaxY() <= MAX_LAT;
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.3f", v).replaceAll("0+$", "");
  }

  /** Counts of what a file's coordinates look like. */
  private static final class Stats {
    int total;
    int lonLat;
    int latLon;
    int degrees;
    int eastNorth;
    int northEast;
    /** Zone prefix → how many eastings carry it. */
    final java.util.Map<Integer, Integer> prefixes = new java.util.HashMap<>();
    double exampleX;
    double exampleY;

    static Stats of(List<Geometry> sample) {
      Stats s = new Stats();
      int budget = 200_000;
      for (Geometry g : sample) {
        if (g == null || budget <= 0) {
          continue;
        }
        for (Coordinate c : g.getCoordinates()) {
          if (budget-- <= 0) {
            break;
          }
          s.add(c.x, c.y);
        }
      }
      return s;
    }

    void add(double x, double y) {
      if (total++ == 0) {
        exampleX = x;
        exampleY = y;
      }
      // degree-sized either way round, so swapped lat/lon still counts as degrees
      if (Math.abs(x) <= 180 && Math.abs(y) <= 180) {
        degrees++;
      }
      if (x >= MIN_LON && x <= MAX_LON && y >= MIN_LAT && y <= MAX_LAT) {
        lonLat++;
      } else if (y >= MIN_LON && y <= MAX_LON && x >= MIN_LAT && x <= MAX_LAT) {
        latLon++;
      }
      if (easting(x) && northing(y)) {
        eastNorth++;
        prefix(x);
      } else if (northing(x) && easting(y)) {
        northEast++;
        prefix(y);
      }
    }

    private void prefix(double easting) {
      if (easting >= 1e7) {
        prefixes.merge((int) Math.floor(easting / 1e6), 1, Integer::sum);
      }
    }

    Integer commonPrefix() {
      return prefixes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
    }

    /** A Gauss-Kruger easting: 500 km ± 400 km, with or without a zone prefix of 13-23 or 25-45. */
    private static boolean easting(double v) {
      if (v >= 1e7) {
        int p = (int) Math.floor(v / 1e6);
        double rest = v - p * 1e6;
        return SourceCrs.codeForPrefix(p) != null && rest >= 100_000 && rest <= 900_000;
      }
      return v >= 100_000 && v <= 900_000;
    }

    /** A northing in China: 1000 km (9°N) to 6100 km (55°N). */
    private static boolean northing(double v) {
      return v >= 1_000_000 && v <= 6_100_000;
    }
  }
}
