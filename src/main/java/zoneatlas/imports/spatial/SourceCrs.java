package zoneatlas.imports.spatial;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.crs.SingleCRS;
import org.geotools.api.referencing.datum.GeodeticDatum;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;

/**
 * A source coordinate reference system, ready to transform to CGCS2000 lon/lat (EPSG:4490).
 *
 * <p>Only CGCS2000 and WGS 84 based systems are taken (WGS 84 as CGCS2000: they differ by a few
 * centimetres). Xian 1980 and Beijing 1954 data are refused: the shift to CGCS2000 is up to some
 * hundred metres and needs local parameters the EPSG registry does not hold, so guessing would
 * put parcels in the wrong place without anyone noticing.
 *
 * <p>GeoTools builds its EPSG factory on first use (seconds), so systems are decoded lazily and
 * cached for the life of the process; the cache only ever holds what can be rebuilt.
 */
final class SourceCrs {
  /** Gauss-Kruger facts: central meridian, the zone prefix the CRS's false easting carries (0 if none). */
  record Gk(double centralMeridian, int crsPrefix, Set<Integer> prefixes) {}

  private static final Map<String, SourceCrs> CACHE = new ConcurrentHashMap<>();
  private static volatile CoordinateReferenceSystem target;
  private static final Pattern EPSG = Pattern.compile(
      "(?i)^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\\d.]*:|https?://www\\.opengis\\.net/def/crs/EPSG/\\d+/)?(\\d{4,6})$");

  final String label;
  final Integer epsg;
  final CoordinateReferenceSystem crs;
  final boolean geographic;
  /** Datum is WGS 84 (taken as CGCS2000). */
  final boolean wgs84;
  /** Non-null for transverse Mercator with scale 1 on a 500 km false easting: China's GK zones. */
  final Gk gk;
  final MathTransform toLonLat;

  private SourceCrs(String label, Integer epsg, CoordinateReferenceSystem crs) {
    this.label = label;
    this.epsg = epsg;
    this.crs = crs;
    this.geographic = CRS.getHorizontalCRS(crs) instanceof GeographicCRS;
    String datum = datumName(crs);
    this.wgs84 = datum.equals("WGS84");
    if (!datum.equals("CGCS2000") && !wgs84) {
      throw new ImportFailure("srs", "srs: " + label + " is on the " + datum + " datum. ZoneAtlas keeps CGCS2000 and will not"
          + " guess the shift (it can be a hundred metres or more): convert the data to CGCS2000 (EPSG:4490, or 4513-4554 for"
          + " Gauss-Kruger zones) with your local transformation parameters first; if the file names the wrong system, pass"
          + " srs=EPSG:NNNN",
          label + " 采用" + datumZh(datum) + "大地基准。本系统统一使用 2000 国家大地坐标系（CGCS2000），不会猜测基准之间的转换"
          + "（偏差可达百米以上）：请先用本地转换参数将数据转换为 CGCS2000（EPSG:4490，或高斯-克吕格分带 4513–4554）后再导入；"
          + "如文件声明的坐标系有误，请另选正确的坐标系");
    }
    this.gk = gaussKruger(crs);
    try {
      this.toLonLat = zoneatlas.geo.Referencing.transform(crs, target(), wgs84);
    } catch (Exception e) {
      throw new ImportFailure("srs", "srs: no transformation from " + label + " to CGCS2000 lon/lat: " + e.getMessage(),
          "无法将 " + label + " 转换为 CGCS2000 经纬度", e);
    }
  }

  /** EPSG:4490 with longitude first, the store's CRS. */
  static CoordinateReferenceSystem target() {
    if (target == null) {
      synchronized (SourceCrs.class) {
        if (target == null) {
          target = decode(4490);
        }
      }
    }
    return target;
  }

  static SourceCrs ofEpsg(int code) {
    return CACHE.computeIfAbsent("EPSG:" + code, k -> new SourceCrs(k, code, decode(code)));
  }

  /**
   * A CRS as the {@code srs} parameter or a file gives it: an EPSG code in any usual spelling
   * (4547, EPSG:4547, urn:ogc:def:crs:EPSG::4547, an opengis.net URI), CRS84, or WKT.
   */
  static SourceCrs parse(String text, String parameter) {
    String s = text.strip();
    if (s.matches("(?i)(urn:ogc:def:crs:)?OGC:(1\\.3:)?CRS84|https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84")) {
      return ofEpsg(4326);
    }
    Matcher m = EPSG.matcher(s);
    if (m.matches()) {
      return ofEpsg(Integer.parseInt(m.group(1)));
    }
    if (s.matches("(?is)^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS|COMPOUNDCRS)\\s*\\[.*")) {
      return ofWkt(s, parameter);
    }
    throw new ImportFailure(parameter, parameter + ": '" + abbreviate(s) + "' is not a CRS: give an EPSG code such as EPSG:4547",
        "“" + abbreviate(s) + "”不是坐标系：请给出 EPSG 代码，例如 EPSG:4547");
  }

  /**
   * A CRS from WKT, such as a shapefile's .prj. The EPSG code is looked up by name first, then
   * from the parameters of China's Gauss-Kruger zones (ESRI names them CGCS2000_3_Degree_GK_CM_114E,
   * which the registry does not know), and only then by a full scan of the registry (slow).
   */
  static SourceCrs ofWkt(String wkt, String parameter) {
    SourceCrs cached = CACHE.get(wkt);
    if (cached != null) {
      return cached;
    }
    CoordinateReferenceSystem parsed;
    try {
      parsed = CRS.parseWKT(wkt);
    } catch (Exception e) {
      throw new ImportFailure(parameter, parameter + ": cannot read the coordinate system text: " + e.getMessage(),
          "无法识别文件中的坐标系定义（如 .prj 文件）：请另选坐标系", e);
    }
    target();
    Integer code = null;
    try {
      code = CRS.lookupEpsgCode(parsed, false);
    } catch (Exception ignored) {
      // not found by name: try the parameters below
    }
    if (code == null) {
      code = chinaCode(parsed);
    }
    if (code == null) {
      try {
        code = CRS.lookupEpsgCode(parsed, true);
      } catch (Exception ignored) {
        // a custom CRS: used as parsed
      }
    }
    SourceCrs result = code != null ? ofEpsg(code) : new SourceCrs(parsed.getName().getCode(), null, parsed);
    CACHE.put(wkt, result);
    return result;
  }

  /** The CGCS2000 Gauss-Kruger CRS a zone prefix in eastings names: 3-degree zones 25-45, 6-degree 13-23. */
  static Integer codeForPrefix(int prefix) {
    if (prefix >= 25 && prefix <= 45) {
      return 4513 + prefix - 25;
    }
    if (prefix >= 13 && prefix <= 23) {
      return 4491 + prefix - 13;
    }
    return null;
  }

  /**
   * EPSG codes of CGCS2000 systems identified by their parameters: 4490 geographic; Gauss-Kruger
   * 3-degree zones 4513-4533 (false easting with the zone prefix) and 4534-4554 (CM 75E-135E
   * without it); 6-degree zones 4491-4501 and 4502-4512.
   */
  static Integer chinaCode(CoordinateReferenceSystem c) {
    if (!datumName(c).equals("CGCS2000")) {
      return null;
    }
    if (CRS.getHorizontalCRS(c) instanceof GeographicCRS) {
      return 4490;
    }
    Gk g = gaussKruger(c);
    if (g == null || g.centralMeridian() != Math.rint(g.centralMeridian())) {
      return null;
    }
    int cm = (int) g.centralMeridian();
    // 3- and 6-degree zones on the same meridian are the same projection; the name tells the family
    String name = c.getName().getCode().toUpperCase(Locale.ROOT);
    boolean sixDegree = name.contains("GK") && !name.contains("3_DEGREE") && !name.contains("3-DEGREE");
    if (g.crsPrefix() != 0) {
      int z = g.crsPrefix();
      boolean matches = (z >= 25 && z <= 45 && cm == 3 * z) || (z >= 13 && z <= 23 && cm == 6 * z - 3);
      return matches ? codeForPrefix(z) : null;
    }
    if (sixDegree && (cm - 75) % 6 == 0 && cm >= 75 && cm <= 135) {
      return 4502 + (cm - 75) / 6;
    }
    if (cm % 3 == 0 && cm >= 75 && cm <= 135) {
      return 4534 + (cm - 75) / 3;
    }
    return null;
  }

  static Gk gaussKruger(CoordinateReferenceSystem c) {
    if (!(CRS.getHorizontalCRS(c) instanceof ProjectedCRS p)) {
      return null;
    }
    String method = p.getConversionFromBase().getMethod().getName().getCode().toLowerCase(Locale.ROOT);
    if (!method.contains("transverse") && !method.contains("gauss")) {
      return null;
    }
    ParameterValueGroup params = p.getConversionFromBase().getParameterValues();
    double cm;
    double fe;
    double k;
    try {
      cm = params.parameter("central_meridian").doubleValue();
      fe = params.parameter("false_easting").doubleValue();
      k = params.parameter("scale_factor").doubleValue();
    } catch (RuntimeException e) {
      return null;
    }
    double rest = fe - 500_000;
    if (Math.abs(k - 1) > 1e-9 || rest < 0 || Math.abs(rest / 1e6 - Math.rint(rest / 1e6)) > 1e-9) {
      return null;
    }
    Set<Integer> prefixes = new LinkedHashSet<>();
    if (cm == Math.rint(cm)) {
      int c3 = (int) cm;
      if (c3 % 3 == 0 && c3 / 3 >= 25 && c3 / 3 <= 45) {
        prefixes.add(c3 / 3);
      }
      if ((c3 + 3) % 6 == 0 && (c3 + 3) / 6 >= 13 && (c3 + 3) / 6 <= 23) {
        prefixes.add((c3 + 3) / 6);
      }
    }
    return new Gk(cm, (int) Math.rint(rest / 1e6), Set.copyOf(prefixes));
  }

  /** "CGCS2000", "WGS84", or the datum's own name. */
  static String datumName(CoordinateReferenceSystem c) {
    SingleCRS h = CRS.getHorizontalCRS(c);
    if (h == null || !(h.getDatum() instanceof GeodeticDatum d)) {
      return "unknown";
    }
    String n = d.getName().getCode().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (n.startsWith("d") && (n.contains("china2000") || n.contains("wgs1984"))) {
      n = n.substring(1);
    }
    if (n.contains("china2000") || n.contains("cgcs2000") || n.contains("chinageodeticcoordinatesystem2000")) {
      return "CGCS2000";
    }
    if (n.contains("wgs84") || n.contains("wgs1984") || n.contains("worldgeodeticsystem1984")) {
      return "WGS84";
    }
    return d.getName().getCode();
  }

  private static CoordinateReferenceSystem decode(int code) {
    try {
      return zoneatlas.geo.Referencing.epsg(code, true);
    } catch (Exception e) {
      throw new ImportFailure("srs", "srs: EPSG:" + code + " is not in the EPSG registry", "EPSG:" + code + " 不在 EPSG 坐标系库中", e);
    }
  }

  /** A datum's name as Chinese surveyors call it: 西安 1980, 北京 1954, else as named. */
  static String datumZh(String datum) {
    String n = datum.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (n.contains("xian1980") || n.contains("xian80")) {
      return "西安 1980 ";
    }
    if (n.contains("newbeijing")) {
      return "新北京 54 ";
    }
    if (n.contains("beijing1954") || n.contains("beijing54")) {
      return "北京 1954 ";
    }
    return " " + datum + " ";
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** What the import report says about this CRS. */
  String describe() {
    StringBuilder b = new StringBuilder(label);
    if (!label.equals(crs.getName().getCode())) {
      b.append(" (").append(crs.getName().getCode()).append(')');
    }
    if (gk != null) {
      b.append(", central meridian ").append(fmt(gk.centralMeridian())).append("°E");
    }
    return b.toString();
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
