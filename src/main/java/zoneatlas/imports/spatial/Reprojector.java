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

  /** Why one feature's coordinates cannot be used, in English and in Chinese. */
  static final class CoordinateProblem extends RuntimeException {
    final String zh;

    CoordinateProblem(String message, String zh) {
      super(message);
      this.zh = zh;
    }
  }

  final SourceCrs crs;
  /** How the CRS was settled: "parameter srs", ".prj", "detected", ... */
  final String how;
  final boolean swapAxes;
  final List<String> notes = new ArrayList<>();
  /** The notes in Chinese, in the same order. */
  final List<String> notesZh = new ArrayList<>();
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
    String exampleZh = "例如 (" + num(st.exampleX) + ", " + num(st.exampleY) + ")";
    boolean northFirst = st.northEast > st.eastNorth;
    if (given == null) {
      if (st.degrees == st.total) {
        if (st.latLon > st.lonLat) {
          throw swapped(tabular, example, exampleZh);
        }
        if (st.lonLat == 0) {
          throw new ImportFailure("srs", "srs: the coordinates look like degrees but none lies in China (" + example
              + "): pass srs=EPSG:NNNN", "坐标看似经纬度，但没有一个点落在中国境内（" + exampleZh + "）：请选择文件实际使用的坐标系");
        }
        Reprojector r = new Reprojector(SourceCrs.ofEpsg(4490), "detected", false);
        r.note("the file names no coordinate system; its coordinates are longitude/latitude degrees, taken as CGCS2000"
            + " (EPSG:4490; WGS 84 differs by centimetres)",
            "文件未声明坐标系；坐标为经纬度，按 2000 国家大地坐标系（CGCS2000，EPSG:4490）处理（与 WGS 84 仅差厘米级）");
        return r;
      }
      int gauss = st.eastNorth + st.northEast;
      Integer prefix = st.commonPrefix();
      if (gauss * 2 > st.total && prefix != null && st.prefixes.get(prefix) * 2 > gauss) {
        Integer code = SourceCrs.codeForPrefix(prefix);
        Reprojector r = new Reprojector(SourceCrs.ofEpsg(code), "detected", northFirst);
        r.note("the file names no coordinate system; the zone prefix " + prefix + " of the eastings says CGCS2000 "
            + (prefix >= 25 ? "3" : "6") + "-degree Gauss-Kruger zone " + prefix + " (EPSG:" + code + ", central meridian "
            + (prefix >= 25 ? 3 * prefix : 6 * prefix - 3) + "°E). Pass srs= if the data is on another datum",
            "文件未声明坐标系；横坐标的带号 " + prefix + " 表明为 CGCS2000 高斯-克吕格 " + (prefix >= 25 ? "3" : "6") + " 度带第 "
            + prefix + " 带（EPSG:" + code + "，中央经线 " + (prefix >= 25 ? 3 * prefix : 6 * prefix - 3)
            + "°E）。如数据采用其他坐标系，请另行选择");
        r.noteSwap();
        return r;
      }
      if (gauss * 2 > st.total) {
        throw new ImportFailure("srs", "srs: the coordinates are projected metres (" + example + ") and the file names no"
            + " coordinate system: pass srs=EPSG:NNNN, e.g. EPSG:4547 for CGCS2000 3-degree Gauss-Kruger central meridian"
            + " 114°E (4546: 111°E, 4548: 117°E; 6-degree zones: 4502-4512), or the zoned code (4513-4533) when eastings"
            + " carry the zone prefix",
            "坐标为投影坐标（单位米，" + exampleZh + "），但文件未声明坐标系：请选择坐标系，例如 EPSG:4547（CGCS2000 高斯-克吕格"
            + " 3 度带，中央经线 114°E；4546 为 111°E，4548 为 117°E；6 度带为 4502–4512）；横坐标带有带号时选择 4513–4533");
      }
      throw new ImportFailure("srs", "srs: cannot tell the coordinate system from the coordinates (" + example
          + "): pass srs=EPSG:NNNN", "无法从坐标判断坐标系（" + exampleZh + "）：请选择文件实际使用的坐标系");
    }
    if (given.geographic) {
      if (st.latLon > st.lonLat) {
        throw swapped(tabular, example, exampleZh);
      }
      if (st.degrees * 2 < st.total) {
        throw new ImportFailure("srs", "srs: " + how + " says " + given.label + " (degrees), but the coordinates are not"
            + " degrees (" + example + "): pass srs= with the projected system, e.g. EPSG:4547",
            "坐标系 " + given.label + "（" + howZh(how) + "）是经纬度坐标系，但坐标并非经纬度（" + exampleZh
            + "）：请选择实际的投影坐标系，例如 EPSG:4547");
      }
      return new Reprojector(given, how, false).noteWgs();
    }
    if (st.lonLat * 2 > st.total) {
      throw new ImportFailure("srs", "srs: " + how + " says " + given.label + " (metres), but the coordinates are"
          + " longitude/latitude degrees (" + example + "): pass srs=EPSG:4490",
          "坐标系 " + given.label + "（" + howZh(how) + "）是投影坐标系（单位米），但坐标是经纬度（" + exampleZh
          + "）：请选择 EPSG:4490（CGCS2000 经纬度）");
    }
    Reprojector r = new Reprojector(given, how, given.gk != null && northFirst);
    r.noteSwap();
    return r.noteWgs();
  }

  private static ImportFailure swapped(boolean tabular, String example, String exampleZh) {
    return new ImportFailure(tabular ? "lon" : "file", (tabular ? "lon" : "file") + ": the coordinates look like"
        + " latitude, longitude (swapped axes, " + example + ")" + (tabular
        ? ": map lon= to the longitude column and lat= to the latitude column"
        : ": the file must hold longitude first; fix it in the GIS that wrote it"),
        "坐标看似“纬度, 经度”的顺序（坐标轴颠倒，" + exampleZh + "）" + (tabular
        ? "：请将“经度”对应到经度列、“纬度”对应到纬度列"
        : "：文件中须经度在前，请在生成该文件的 GIS 软件中更正"));
  }

  private void note(String en, String zh) {
    notes.add(en);
    notesZh.add(zh);
  }

  private void noteSwap() {
    if (swapAxes) {
      note("X holds northings and Y eastings (the surveying order of Chinese cadastral tables); read as such",
          "X 列为纵坐标（北向）、Y 列为横坐标（东向），即我国地籍测量的习惯顺序，已按此读取");
    }
  }

  private Reprojector noteWgs() {
    if (crs.wgs84) {
      note(crs.label + " is on WGS 84; taken as CGCS2000 (they differ by a few centimetres)",
          crs.label + " 基于 WGS 84，按 CGCS2000 处理（二者仅差几厘米）");
    }
    return this;
  }

  /** Where a CRS came from, in Chinese: "所选", "由坐标推断", "来自 zongdi.prj 文件" ... */
  static String howZh(String how) {
    if (how == null) {
      return "";
    }
    return switch (how) {
      case "the srs parameter" -> "所选";
      case "detected" -> "由坐标推断";
      case "default" -> "默认";
      case "gpkg_spatial_ref_sys" -> "来自 GeoPackage 的坐标系表";
      case "the GeoJSON crs member" -> "来自 GeoJSON 的 crs 成员";
      case "SRID= in the WKT" -> "来自 WKT 中的 SRID";
      default -> "来自 " + how + (how.toLowerCase(java.util.Locale.ROOT).endsWith(".prj") ? " 文件" : "");
    };
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
      throw new CoordinateProblem("coordinate is not a finite number", "坐标不是有效的数字");
    }
    if (crs.gk != null) {
      int prefix = x >= 1e7 ? (int) Math.floor(x / 1e6) : 0;
      if (prefix != 0 && !crs.gk.prefixes().contains(prefix)) {
        throw new CoordinateProblem("easting " + num(x) + " carries the zone prefix " + prefix + ", but " + crs.label
            + " has its central meridian at " + SourceCrs.fmt(crs.gk.centralMeridian()) + "°E (zone "
            + crs.gk.prefixes() + "): pass the srs of zone " + prefix,
            "横坐标 " + num(x) + " 带有带号 " + prefix + "，但 " + crs.label + " 的中央经线为 "
            + SourceCrs.fmt(crs.gk.centralMeridian()) + "°E（带号 " + crs.gk.prefixes() + "）：请选择第 " + prefix + " 带的坐标系");
      }
      x = x - prefix * 1e6 + crs.gk.crsPrefix() * 1e6;
    }
    in[0] = x;
    in[1] = y;
    try {
      crs.toLonLat.transform(in, 0, out, 0, 1);
    } catch (TransformException e) {
      throw new CoordinateProblem("coordinate (" + num(x0) + ", " + num(y0) + ") cannot be transformed from " + crs.label,
          "坐标 (" + num(x0) + ", " + num(y0) + ") 无法从 " + crs.label + " 转换");
    }
    if (!Double.isFinite(out[0]) || !Double.isFinite(out[1])) {
      throw new CoordinateProblem("coordinate (" + num(x0) + ", " + num(y0) + ") has no position in " + crs.label,
          "坐标 (" + num(x0) + ", " + num(y0) + ") 在 " + crs.label + " 中没有对应的位置");
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
