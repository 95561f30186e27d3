package zoneatlas.imports.spatial;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import zoneatlas.geo.Geodesy;
import zoneatlas.layers.FeatureIds;
import zoneatlas.model.ParcelStatus;

/**
 * Checks one feature at a time, without the store: id, geometry (transformed, valid, one polygon,
 * in China), land-use code, status, figures, and the stated area against the geodesic one.
 * A multi-part parcel is an error, not split: a 宗地 is one polygon, and splitting would have to
 * invent ids the land register does not know. Not thread-safe (one per import).
 */
final class ParcelChecker {
  /** A stated area further than this from the geodesic one is reported. */
  static final double AREA_TOLERANCE = 0.05;
  /** Larger than this (m²) is unusual for one parcel and worth a warning. */
  static final double LARGE_M2 = 5_000_000;
  /** Four digits, or the bare 0 DBF files write for "no year" (a numeric 0 reads as "0"). */
  private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4}|0)(?:\\D.*)?$");

  /** A feature that passed its own checks, waiting for the store-wide ones. */
  static final class Candidate {
    int index;
    Integer row;
    String id;
    Polygon geom;
    double areaM2;
    String landUseCode;
    String landUseName;
    ParcelStatus status;
    String zone;
    String board;
    String park;
    String smallMicroPark;
    Double floorAreaM2;
    Double far;
    Double coverage;
    Double farMin;
    Double coverageMin;
    Double reqInvest;
    Double reqTax;
    Integer supplyYear;
    Integer buildStartYear;
    /** For the preview: the geometry in lon/lat as far as it could be transformed (null if not, or outside China). */
    Geometry shown;
    /** For the preview: the land-use code and status as the file writes them. */
    String landUseRaw;
    String statusRaw;
    /** Whether the feature has an error (of its own or, later, from the store-wide checks). */
    boolean failed;

    NewParcel toParcel() {
      return new NewParcel(id, zone, board, park, smallMicroPark, landUseCode, landUseName, status.name(),
          round(areaM2, 2), round(areaM2 / Geodesy.M2_PER_MU, 4), floorAreaM2, far, coverage, farMin, coverageMin, reqInvest,
          reqTax, supplyYear, buildStartYear, geom);
    }
  }

  private final ColumnMapping mapping;
  private final Reprojector reprojector;
  private final List<Issue> errors;
  private final List<Issue> warnings;
  private final Map<String, Integer> firstIndexOfId = new HashMap<>();
  private final int maxYear = Year.now().getValue() + 10;
  /** Every feature checked, in file order, the failed ones too: what the preview shows. */
  final List<Candidate> all = new ArrayList<>();

  ParcelChecker(ColumnMapping mapping, Reprojector reprojector, List<Issue> errors, List<Issue> warnings) {
    this.mapping = mapping;
    this.reprojector = reprojector;
    this.errors = errors;
    this.warnings = warnings;
  }

  /** The feature as a candidate parcel, or null when it has errors (recorded). */
  Candidate check(SourceFeature f) {
    int before = errors.size();
    Candidate c = new Candidate();
    all.add(c);
    c.index = f.index();
    c.row = f.row();
    c.id = text(value(f, ParcelField.ID));
    c.landUseRaw = text(value(f, ParcelField.LAND_USE_CODE));
    c.statusRaw = text(value(f, ParcelField.STATUS));
    for (SourceFeature.Problem p : f.problems()) {
      error(c, p.field(), p.reason(), p.reasonZh());
    }
    String idColumn = mapping.column(ParcelField.ID);
    if (c.id == null) {
      error(c, "id", "no parcel id (column " + idColumn + " is empty)", "缺少宗地编号（列“" + idColumn + "”为空）");
    } else if (!FeatureIds.valid(c.id)) {
      // the id reaches URLs, exports and the map's HTML: the editing API's rule, not a looser one
      error(c, "id", "parcel id '" + shown(c.id) + "' is not allowed: " + FeatureIds.RULE_EN,
          "宗地编号“" + shown(c.id) + "”不符合要求：" + FeatureIds.RULE_ZH);
    } else {
      Integer first = firstIndexOfId.putIfAbsent(c.id, c.index);
      if (first != null) {
        error(c, "id", "parcel id '" + c.id + "' is used again (first by feature " + first + ")",
            "宗地编号“" + c.id + "”重复（第 " + first + " 个要素已使用）");
      }
    }
    if (f.problems().stream().noneMatch(p -> p.field().equals("geometry"))) {
      geometry(c, f.geometry());
    }
    landUse(c, f);
    status(c, f);
    c.floorAreaM2 = number(c, f, ParcelField.FLOOR_AREA_M2, 0, 1e8, false);
    c.far = number(c, f, ParcelField.FAR, 0, 30, false);
    c.coverage = number(c, f, ParcelField.COVERAGE, 0, 1, true);
    c.farMin = number(c, f, ParcelField.FAR_MIN, 0, 30, false);
    c.coverageMin = number(c, f, ParcelField.COVERAGE_MIN, 0, 1, true);
    c.reqInvest = number(c, f, ParcelField.REQ_INVEST, 0, 1e6, false);
    c.reqTax = number(c, f, ParcelField.REQ_TAX, 0, 1e5, false);
    c.supplyYear = year(c, f, ParcelField.SUPPLY_YEAR);
    c.buildStartYear = year(c, f, ParcelField.BUILD_START_YEAR);
    c.zone = text(value(f, ParcelField.ZONE));
    c.board = text(value(f, ParcelField.BOARD));
    c.park = text(value(f, ParcelField.PARK));
    c.smallMicroPark = text(value(f, ParcelField.SMALL_MICRO_PARK));
    if (c.geom != null) {
      statedArea(c, f);
    }
    return errors.size() == before ? c : null;
  }

  private void geometry(Candidate c, Geometry raw) {
    if (raw == null || raw.isEmpty()) {
      error(c, "geometry", "no geometry", "要素没有图形");
      return;
    }
    Geometry g = raw;
    if (g instanceof GeometryCollection gc && !(g instanceof MultiPolygon) && gc.getNumGeometries() == 1) {
      g = gc.getGeometryN(0);
    }
    if (g instanceof MultiPolygon mp) {
      if (mp.getNumGeometries() != 1) {
        show(c, raw);
        error(c, "geometry", "a multi-part polygon of " + mp.getNumGeometries() + " parts: a parcel is one polygon;"
            + " split it into one feature (with its own id) per part, or dissolve the parts",
            "图形为由 " + mp.getNumGeometries() + " 个部分组成的多部件面，而一宗地只能是一个面：请将各部分拆分为单独的要素"
            + "（各有自己的宗地编号），或将各部分合并");
        return;
      }
      g = mp.getGeometryN(0);
    }
    if (!(g instanceof Polygon)) {
      show(c, raw);
      error(c, "geometry", "a parcel needs a polygon, got " + g.getGeometryType(),
          "地块图形须为面（多边形），而该要素是" + typeZh(g.getGeometryType()));
      return;
    }
    Geometry lonLat;
    try {
      lonLat = reprojector.toLonLat(g);
    } catch (Reprojector.CoordinateProblem e) {
      error(c, "geometry", e.getMessage(), e.zh);
      return;
    }
    if (!Reprojector.insideChina(lonLat)) {
      Coordinate p = lonLat.getCoordinates()[0];
      Coordinate r = g.getCoordinates()[0];
      error(c, "geometry", String.format("lies outside China after transforming from %s: (%s, %s) became lon %.5f, lat %.5f;"
          + " check the coordinate system (srs=) and the axis order", reprojector.crs.label, Reprojector.num(r.x),
          Reprojector.num(r.y), p.x, p.y),
          String.format("按坐标系 %s 转换后位于中国境外：(%s, %s) 转换为经度 %.5f、纬度 %.5f；请检查所选坐标系和坐标轴顺序",
          reprojector.crs.label, Reprojector.num(r.x), Reprojector.num(r.y), p.x, p.y));
      return;
    }
    c.shown = lonLat;
    IsValidOp op = new IsValidOp(lonLat);
    TopologyValidationError v = op.getValidationError();
    if (v != null) {
      Coordinate at = v.getCoordinate();
      error(c, "geometry", "invalid polygon: " + v.getMessage()
          + (at == null ? "" : String.format(" at lon %.6f, lat %.6f", at.x, at.y)),
          "图形无效：" + validationZh(v.getErrorType())
          + (at == null ? "" : String.format("，位置：经度 %.6f、纬度 %.6f", at.x, at.y)));
      return;
    }
    c.geom = (Polygon) lonLat;
    c.geom.setSRID(4490);
    c.areaM2 = Geodesy.areaM2(c.geom);
    if (c.areaM2 < 1) {
      error(c, "geometry", "the polygon encloses less than 1 m²", "图形面积不足 1 平方米");
      c.geom = null;
    } else if (c.areaM2 > LARGE_M2) {
      warn(c, "geometry", String.format("%.2f km² is unusually large for one parcel", c.areaM2 / 1e6),
          String.format("面积 %.2f 平方公里，作为一宗地块异常偏大，请核实", c.areaM2 / 1e6));
    }
  }

  /** The geometry of a refused feature in lon/lat for the preview, when it can be transformed and lies in China. */
  private void show(Candidate c, Geometry raw) {
    try {
      Geometry g = reprojector.toLonLat(raw);
      c.shown = Reprojector.insideChina(g) ? g : null;
    } catch (Reprojector.CoordinateProblem e) {
      c.shown = null;
    }
  }

  static String typeZh(String type) {
    return switch (type) {
      case "Point" -> "点";
      case "MultiPoint" -> "多点";
      case "LineString", "LinearRing" -> "线";
      case "MultiLineString" -> "多线";
      case "GeometryCollection" -> "几何集合";
      default -> type;
    };
  }

  /** JTS's validation error types in the words of a land officer. */
  static String validationZh(int type) {
    return switch (type) {
      case TopologyValidationError.REPEATED_POINT -> "有重复的顶点";
      case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "内环（洞）位于外边界之外";
      case TopologyValidationError.NESTED_HOLES -> "内环（洞）相互嵌套";
      case TopologyValidationError.DISCONNECTED_INTERIOR -> "面的内部被分割成不相连的部分";
      case TopologyValidationError.SELF_INTERSECTION -> "边界自相交";
      case TopologyValidationError.RING_SELF_INTERSECTION -> "边界环自相交";
      case TopologyValidationError.NESTED_SHELLS -> "外边界相互嵌套";
      case TopologyValidationError.DUPLICATE_RINGS -> "有重复的边界环";
      case TopologyValidationError.TOO_FEW_POINTS -> "不同的顶点太少，无法构成面";
      case TopologyValidationError.INVALID_COORDINATE -> "坐标无效";
      case TopologyValidationError.RING_NOT_CLOSED -> "边界环未闭合";
      default -> "拓扑错误";
    };
  }

  private void landUse(Candidate c, SourceFeature f) {
    Object raw = value(f, ParcelField.LAND_USE_CODE);
    String code = LandUseClasses.normalise(raw);
    if (code == null || code.isEmpty()) {
      String col = mapping.column(ParcelField.LAND_USE_CODE);
      error(c, "land_use_code", "no land-use code (column " + col + " is empty)", "缺少用地分类代码（列“" + col + "”为空）");
      return;
    }
    if (!code.matches("\\d{4}|\\d{6}|16")) {
      error(c, "land_use_code", "'" + code + "' is not a land-use code: 4 or 6 digits of the national classification"
          + " (国土空间用地用海分类), e.g. 1001 工业用地, 100101 一类工业用地, 1101 物流仓储用地",
          "“" + code + "”不是用地分类代码：应为《国土空间调查、规划、用途管制用地用海分类指南》中的 4 位或 6 位代码，"
          + "如 1001 工业用地、100101 一类工业用地、1101 物流仓储用地");
      return;
    }
    String name = LandUseClasses.name(code);
    if (name == null) {
      error(c, "land_use_code", "unknown land-use code " + code + " (not in the national classification 国土空间用地用海分类)",
          "用地分类代码 " + code + " 不在国土空间用地用海分类中，请核对");
      return;
    }
    c.landUseCode = code;
    c.landUseName = name;
    String given = text(value(f, ParcelField.LAND_USE_NAME));
    if (given != null && !given.replaceAll("\\s", "").equals(name)) {
      warn(c, "land_use_name", "the file calls code " + code + " '" + given + "'; the classification's name '" + name
          + "' is stored", "文件中代码 " + code + " 的名称为“" + given + "”，将按分类标准名称“" + name + "”保存");
    }
  }

  private void status(Candidate c, SourceFeature f) {
    String s = text(value(f, ParcelField.STATUS));
    if (s == null) {
      String col = mapping.column(ParcelField.STATUS);
      error(c, "status", "no status (column " + col + " is empty)", "缺少土地状态（列“" + col + "”为空）");
      return;
    }
    c.status = StatusLabels.parse(s);
    if (c.status == null) {
      StringBuilder zh = new StringBuilder();
      for (ParcelStatus p : ParcelStatus.values()) {
        zh.append(zh.length() == 0 ? "" : "、").append(p.zh);
      }
      error(c, "status", "unknown status '" + s + "': " + StatusLabels.accepted(),
          "无法识别的土地状态“" + s + "”：应为 " + zh + " 之一");
    }
  }

  private Double number(Candidate c, SourceFeature f, ParcelField field, double min, double max, boolean share) {
    Object raw = value(f, field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    boolean percent = raw instanceof String s && s.strip().endsWith("%");
    Double v = TableSource.number(percent ? ((String) raw).strip().replace("%", "") : raw);
    String title = ColumnMapping.titleZh(field);
    if (v == null) {
      error(c, field.param, "'" + raw + "' is not a number", title + "“" + raw + "”不是数字");
      return null;
    }
    if (percent) {
      v = v / 100;
    } else if (share && v > 1 && v <= 100) {
      warn(c, field.param, "read " + TableSource.text(raw) + " as " + TableSource.text(raw) + "%",
          title + " " + TableSource.text(raw) + " 已按 " + TableSource.text(raw) + "% 读取");
      v = v / 100;
    }
    if (v < min || v > max) {
      error(c, field.param, TableSource.text(raw) + " is outside " + Reprojector.num(min) + ".." + Reprojector.num(max),
          title + " " + TableSource.text(raw) + " 超出允许范围（" + Reprojector.num(min) + "～" + Reprojector.num(max) + "）");
      return null;
    }
    return v;
  }

  private Integer year(Candidate c, SourceFeature f, ParcelField field) {
    Object raw = value(f, field);
    if (raw == null) {
      return null;
    }
    String s = TableSource.text(raw);
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = YEAR.matcher(s);
    int y;
    if (m.matches()) {
      y = Integer.parseInt(m.group(1));
    } else {
      error(c, field.param, "'" + s + "' is not a year", ColumnMapping.titleZh(field) + "“" + s + "”不是年份");
      return null;
    }
    if (y == 0) {
      return null; // DBF files write 0 for "no year"
    }
    if (y < 1949 || y > maxYear) {
      error(c, field.param, y + " is not a plausible year (1949.." + maxYear + ")",
          ColumnMapping.titleZh(field) + " " + y + " 不是合理的年份（应在 1949～" + maxYear + " 之间）");
      return null;
    }
    return y;
  }

  private void statedArea(Candidate c, SourceFeature f) {
    Double m2 = statedNumber(f, ParcelField.AREA_M2);
    String unit = "m²";
    double stated;
    if (m2 != null) {
      stated = m2;
    } else {
      Double mu = statedNumber(f, ParcelField.AREA_MU);
      if (mu == null) {
        return;
      }
      stated = mu * Geodesy.M2_PER_MU;
      unit = "mu";
    }
    if (stated <= 0) {
      return;
    }
    double diff = Math.abs(stated - c.areaM2) / c.areaM2;
    if (diff > AREA_TOLERANCE) {
      String field = unit.equals("m²") ? "area_m2" : "area_mu";
      warn(c, field, String.format("the file states %.2f m²%s, the geodesic area of the polygon is %.2f m² (%.1f%% apart);"
          + " the geodesic area is stored", stated, unit.equals("mu") ? String.format(" (%.4f mu)", stated / Geodesy.M2_PER_MU) : "",
          c.areaM2, diff * 100),
          String.format("文件记载面积 %.2f 平方米%s，按图形计算的椭球面积为 %.2f 平方米，相差 %.1f%%；将保存计算面积",
          stated, unit.equals("mu") ? String.format("（%.4f 亩）", stated / Geodesy.M2_PER_MU) : "", c.areaM2, diff * 100));
    }
  }

  private Double statedNumber(SourceFeature f, ParcelField field) {
    Object raw = value(f, field);
    return raw == null ? null : TableSource.number(raw);
  }

  private Object value(SourceFeature f, ParcelField field) {
    String col = mapping.column(field);
    return col == null ? null : f.attributes().get(col);
  }

  /** A value as text: integral numbers without ".0" (ids and codes stored as numbers), blank as null. */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    String s;
    if (v instanceof Number n) {
      double d = n.doubleValue();
      s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    } else {
      s = v.toString().strip();
    }
    return s.isEmpty() ? null : s;
  }

  /** An id as quoted in a message: a pasted paragraph in the id column need not be repeated whole. */
  private static String shown(String id) {
    return id.codePointCount(0, id.length()) > 40 ? id.substring(0, id.offsetByCodePoints(0, 40)) + "…" : id;
  }

  void error(Candidate c, String field, String reason, String reasonZh) {
    c.failed = true;
    errors.add(new Issue(c.index, c.row, c.id, field, reason, reasonZh));
  }

  void warn(Candidate c, String field, String reason, String reasonZh) {
    warnings.add(new Issue(c.index, c.row, c.id, field, reason, reasonZh));
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  static List<Issue> copy(List<Issue> l, int max) {
    return new ArrayList<>(l.subList(0, Math.min(max, l.size())));
  }
}
