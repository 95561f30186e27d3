package zoneatlas.imports.spatial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.geo.Geodesy;
import zoneatlas.imports.spatial.ParcelChecker.Candidate;

/**
 * What a parcel import did or would do, as the response body. Problems and warnings are listed
 * up to {@link ParcelImportService#MAX_LISTED}, with their totals; every problem and note also in
 * Chinese ({@code reason_zh}, {@code notes_zh}). The file's columns and the parcel fields they can
 * be mapped to come with it, so the map can offer a mapping form; a dry run and a refused import
 * also carry a {@code preview}: the file's features as they would be stored, with their problems.
 */
public final class ImportReport {
  /** Features a preview holds at most; beyond, those with problems first, then the first others. */
  public static final int PREVIEW_MAX = 5000;

  boolean ok;
  boolean dryRun;
  boolean written;
  String format;
  String layer;
  String encoding;
  String srs;
  String srsSource;
  String mode;
  String targetZone;
  int features;
  int parcels;
  int inserted;
  int updated;
  int deleted;
  int landUsesDeleted;
  double areaM2;
  Map<String, String> mapping = Map.of();
  List<String> guessed = List.of();
  List<String> ignoredColumns = List.of();
  final List<String> notes = new ArrayList<>();
  /** The notes in Chinese, in the same order. */
  final List<String> notesZh = new ArrayList<>();
  String srsSourceZh;
  /** The file's columns as read (for tables, the geometry columns too). */
  List<String> columns;
  /** The parcel fields they can be mapped to, with titles and the current mapping. */
  List<Map<String, Object>> fields;
  /** Every feature checked, in file order (null until checked): the preview. */
  List<Candidate> checked;
  final List<Issue> errors = new ArrayList<>();
  final List<Issue> warnings = new ArrayList<>();
  final List<Map<String, Object>> items = new ArrayList<>();
  String dataVersion;
  Long changeId;

  public boolean ok() {
    return ok;
  }

  public boolean written() {
    return written;
  }

  public List<Issue> errors() {
    return errors;
  }

  public List<Issue> warnings() {
    return warnings;
  }

  public int inserted() {
    return inserted;
  }

  public int updated() {
    return updated;
  }

  public int deleted() {
    return deleted;
  }

  void note(String en, String zh) {
    notes.add(en);
    notesZh.add(zh);
  }

  void notes(List<String> en, List<String> zh) {
    for (int i = 0; i < en.size(); i++) {
      note(en.get(i), i < zh.size() ? zh.get(i) : en.get(i));
    }
  }

  /** What is known of the file so far, for the body of a 400 when the file as a whole cannot be used. */
  Map<String, Object> fileFacts() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    if (layer != null) {
      m.put("layer", layer);
    }
    if (encoding != null) {
      m.put("encoding", encoding);
    }
    if (srs != null) {
      m.put("srs", srs);
      m.put("srs_source", srsSource);
      m.put("srs_source_zh", srsSourceZh);
    }
    m.put("features", features);
    if (columns != null) {
      m.put("columns", columns);
    }
    if (fields != null) {
      m.put("fields", fields);
    }
    m.put("mapping", mapping);
    m.put("guessed", guessed);
    m.put("notes", notes);
    m.put("notes_zh", notesZh);
    return m;
  }

  /** The body: snake_case like the parcel fields and parameters. */
  public Map<String, Object> toJson() {
    int max = ParcelImportService.MAX_LISTED;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("dry_run", dryRun);
    m.put("written", written);
    m.put("format", format);
    m.put("layer", layer);
    m.put("encoding", encoding);
    m.put("srs", srs);
    m.put("srs_source", srsSource);
    m.put("srs_source_zh", srsSourceZh);
    m.put("mode", mode);
    if (targetZone != null) {
      m.put("target_zone", targetZone);
    }
    m.put("features", features);
    m.put("parcels", parcels);
    m.put("inserted", inserted);
    m.put("updated", updated);
    m.put("deleted", deleted);
    m.put("land_uses_deleted", landUsesDeleted);
    m.put("area_m2", Math.round(areaM2 * 100) / 100.0);
    m.put("area_mu", Math.round(areaM2 / zoneatlas.geo.Geodesy.M2_PER_MU * 100) / 100.0);
    m.put("columns", columns == null ? List.of() : columns);
    m.put("fields", fields == null ? List.of() : fields);
    m.put("mapping", mapping);
    m.put("guessed", guessed);
    m.put("ignored_columns", ignoredColumns);
    m.put("notes", notes);
    m.put("notes_zh", notesZh);
    m.put("error_count", errors.size());
    m.put("errors", ParcelChecker.copy(errors, max));
    m.put("warning_count", warnings.size());
    m.put("warnings", ParcelChecker.copy(warnings, max));
    m.put("items", items.subList(0, Math.min(max, items.size())));
    m.put("data_version", dataVersion);
    m.put("change_id", changeId);
    if (checked != null && (dryRun || !ok)) {
      m.put("preview", preview());
    }
    return m;
  }

  /**
   * The features as they would be stored, a GeoJSON FeatureCollection in CRS84 (CGCS2000 lon/lat,
   * which differs from WGS 84 by centimetres): each feature's id is its index in the file, its
   * properties the parcel as placed and its problems; a feature whose geometry could not be
   * transformed (or lies outside China) has a null geometry. At most {@link #PREVIEW_MAX} features:
   * then every feature with a problem first, {@code capped} true and {@code total} the count.
   */
  Map<String, Object> preview() {
    Map<Integer, List<Map<String, Object>>> problems = new LinkedHashMap<>();
    for (Issue i : errors) {
      problems.computeIfAbsent(i.index(), k -> new ArrayList<>()).add(problem("error", i));
    }
    for (Issue i : warnings) {
      problems.computeIfAbsent(i.index(), k -> new ArrayList<>()).add(problem("warning", i));
    }
    List<Candidate> shown = checked;
    boolean capped = checked.size() > PREVIEW_MAX;
    if (capped) {
      List<Candidate> pick = new ArrayList<>();
      for (Candidate c : checked) {
        if (pick.size() < PREVIEW_MAX && problems.containsKey(c.index)) {
          pick.add(c);
        }
      }
      for (Candidate c : checked) {
        if (pick.size() < PREVIEW_MAX && !problems.containsKey(c.index)) {
          pick.add(c);
        }
      }
      pick.sort(java.util.Comparator.comparingInt(c -> c.index));
      shown = pick;
    }
    List<Map<String, Object>> features = new ArrayList<>();
    for (Candidate c : shown) {
      List<Map<String, Object>> ps = problems.getOrDefault(c.index, List.of());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("index", c.index);
      p.put("row", c.row);
      p.put("id", c.id);
      p.put("land_use_code", c.landUseCode != null ? c.landUseCode : c.landUseRaw);
      p.put("land_use_name", c.landUseName);
      p.put("status", c.status != null ? c.status.name() : c.statusRaw);
      p.put("zone", c.zone);
      p.put("park", c.park);
      p.put("area_mu", c.geom != null ? ParcelChecker.round(c.areaM2 / Geodesy.M2_PER_MU, 4) : null);
      boolean error = c.failed || ps.stream().anyMatch(x -> "error".equals(x.get("level")));
      p.put("level", error ? "error" : ps.isEmpty() ? "ok" : "warning");
      p.put("problems", ps);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "Feature");
      f.put("id", c.index);
      f.put("geometry", c.shown == null ? null : geometry(c.shown));
      f.put("properties", p);
      features.add(f);
    }
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    fc.put("total", checked.size());
    fc.put("capped", capped);
    fc.put("features", features);
    return fc;
  }

  private static Map<String, Object> problem(String level, Issue i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("field", i.field());
    m.put("reason", i.reason());
    m.put("reason_zh", i.reasonZh());
    return m;
  }

  /** A JTS geometry as a GeoJSON geometry object, lon/lat rounded to 1e-7° (about a centimetre). */
  static Map<String, Object> geometry(Geometry g) {
    Map<String, Object> m = new LinkedHashMap<>();
    String type = g.getGeometryType();
    if (g instanceof GeometryCollection gc && !(type.startsWith("Multi"))) {
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        parts.add(geometry(gc.getGeometryN(i)));
      }
      m.put("type", "GeometryCollection");
      m.put("geometries", parts);
      return m;
    }
    m.put("type", type.equals("LinearRing") ? "LineString" : type);
    m.put("coordinates", coordinates(g));
    return m;
  }

  private static Object coordinates(Geometry g) {
    if (g instanceof Point p) {
      return position(p.getCoordinate());
    }
    if (g instanceof LineString l) {
      return positions(l.getCoordinates());
    }
    if (g instanceof Polygon p) {
      List<Object> rings = new ArrayList<>();
      rings.add(positions(p.getExteriorRing().getCoordinates()));
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
      }
      return rings;
    }
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      parts.add(coordinates(g.getGeometryN(i)));
    }
    return parts;
  }

  private static List<Object> positions(Coordinate[] cs) {
    List<Object> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(position(c));
    }
    return out;
  }

  private static List<Double> position(Coordinate c) {
    return List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7);
  }
}
