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
  private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})(?:\\D.*)?$");

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
    c.index = f.index();
    c.row = f.row();
    c.id = text(value(f, ParcelField.ID));
    for (SourceFeature.Problem p : f.problems()) {
      error(c, p.field(), p.reason());
    }
    if (c.id == null) {
      error(c, "id", "no parcel id (column " + mapping.column(ParcelField.ID) + " is empty)");
    } else if (c.id.length() > 100) {
      error(c, "id", "parcel id longer than 100 characters");
    } else {
      Integer first = firstIndexOfId.putIfAbsent(c.id, c.index);
      if (first != null) {
        error(c, "id", "parcel id '" + c.id + "' is used again (first by feature " + first + ")");
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
      error(c, "geometry", "no geometry");
      return;
    }
    Geometry g = raw;
    if (g instanceof GeometryCollection gc && !(g instanceof MultiPolygon) && gc.getNumGeometries() == 1) {
      g = gc.getGeometryN(0);
    }
    if (g instanceof MultiPolygon mp) {
      if (mp.getNumGeometries() != 1) {
        error(c, "geometry", "a multi-part polygon of " + mp.getNumGeometries() + " parts: a parcel is one polygon;"
            + " split it into one feature (with its own id) per part, or dissolve the parts");
        return;
      }
      g = mp.getGeometryN(0);
    }
    if (!(g instanceof Polygon)) {
      error(c, "geometry", "a parcel needs a polygon, got " + g.getGeometryType());
      return;
    }
    Geometry lonLat;
    try {
      lonLat = reprojector.toLonLat(g);
    } catch (Reprojector.CoordinateProblem e) {
      error(c, "geometry", e.getMessage());
      return;
    }
    if (!Reprojector.insideChina(lonLat)) {
      Coordinate p = lonLat.getCoordinates()[0];
      Coordinate r = g.getCoordinates()[0];
      error(c, "geometry", String.format("lies outside China after transforming from %s: (%s, %s) became lon %.5f, lat %.5f;"
          + " check the coordinate system (srs=) and the axis order", reprojector.crs.label, Reprojector.num(r.x),
          Reprojector.num(r.y), p.x, p.y));
      return;
    }
    IsValidOp op = new IsValidOp(lonLat);
    TopologyValidationError v = op.getValidationError();
    if (v != null) {
      Coordinate at = v.getCoordinate();
      error(c, "geometry", "invalid polygon: " + v.getMessage()
          + (at == null ? "" : String.format(" at lon %.6f, lat %.6f", at.x, at.y)));
      return;
    }
    c.geom = (Polygon) lonLat;
    c.geom.setSRID(4490);
    c.areaM2 = Geodesy.areaM2(c.geom);
    if (c.areaM2 < 1) {
      error(c, "geometry", "the polygon encloses less than 1 m²");
      c.geom = null;
    } else if (c.areaM2 > LARGE_M2) {
      warn(c, "geometry", String.format("%.2f km² is unusually large for one parcel", c.areaM2 / 1e6));
    }
  }

  private void landUse(Candidate c, SourceFeature f) {
    Object raw = value(f, ParcelField.LAND_USE_CODE);
    String code = LandUseClasses.normalise(raw);
    if (code == null || code.isEmpty()) {
      error(c, "land_use_code", "no land-use code (column " + mapping.column(ParcelField.LAND_USE_CODE) + " is empty)");
      return;
    }
    if (!code.matches("\\d{4}|\\d{6}|16")) {
      error(c, "land_use_code", "'" + code + "' is not a land-use code: 4 or 6 digits of the national classification"
          + " (国土空间用地用海分类), e.g. 1001 工业用地, 100101 一类工业用地, 1101 物流仓储用地");
      return;
    }
    String name = LandUseClasses.name(code);
    if (name == null) {
      error(c, "land_use_code", "unknown land-use code " + code + " (not in the national classification 国土空间用地用海分类)");
      return;
    }
    c.landUseCode = code;
    c.landUseName = name;
    String given = text(value(f, ParcelField.LAND_USE_NAME));
    if (given != null && !given.replaceAll("\\s", "").equals(name)) {
      warn(c, "land_use_name", "the file calls code " + code + " '" + given + "'; the classification's name '" + name
          + "' is stored");
    }
  }

  private void status(Candidate c, SourceFeature f) {
    String s = text(value(f, ParcelField.STATUS));
    if (s == null) {
      error(c, "status", "no status (column " + mapping.column(ParcelField.STATUS) + " is empty)");
      return;
    }
    c.status = StatusLabels.parse(s);
    if (c.status == null) {
      error(c, "status", "unknown status '" + s + "': " + StatusLabels.accepted());
    }
  }

  private Double number(Candidate c, SourceFeature f, ParcelField field, double min, double max, boolean share) {
    Object raw = value(f, field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    boolean percent = raw instanceof String s && s.strip().endsWith("%");
    Double v = TableSource.number(percent ? ((String) raw).strip().replace("%", "") : raw);
    if (v == null) {
      error(c, field.param, "'" + raw + "' is not a number");
      return null;
    }
    if (percent) {
      v = v / 100;
    } else if (share && v > 1 && v <= 100) {
      warn(c, field.param, "read " + TableSource.text(raw) + " as " + TableSource.text(raw) + "%");
      v = v / 100;
    }
    if (v < min || v > max) {
      error(c, field.param, TableSource.text(raw) + " is outside " + Reprojector.num(min) + ".." + Reprojector.num(max));
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
      error(c, field.param, "'" + s + "' is not a year");
      return null;
    }
    if (y == 0) {
      return null; // DBF files write 0 for "no year"
    }
    if (y < 1949 || y > maxYear) {
      error(c, field.param, y + " is not a plausible year (1949.." + maxYear + ")");
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
          c.areaM2, diff * 100));
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

  void error(Candidate c, String field, String reason) {
    errors.add(new Issue(c.index, c.row, c.id, field, reason));
  }

  void warn(Candidate c, String field, String reason) {
    warnings.add(new Issue(c.index, c.row, c.id, field, reason));
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  static List<Issue> copy(List<Issue> l, int max) {
    return new ArrayList<>(l.subList(0, Math.min(max, l.size())));
  }
}
