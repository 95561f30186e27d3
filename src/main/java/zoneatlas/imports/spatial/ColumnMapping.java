package zoneatlas.imports.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which source column feeds which parcel field: the user's mapping parameters first, then, for
 * fields left open, a column named like one of the field's guesses. An empty parameter
 * ({@code area_m2=}) turns a field's guessing off.
 */
final class ColumnMapping {
  private final Map<ParcelField, String> columns;
  private final Set<ParcelField> guessed;

  private ColumnMapping(Map<ParcelField, String> columns, Set<ParcelField> guessed) {
    this.columns = columns;
    this.guessed = guessed;
  }

  /**
   * @param explicit field → column as the request gives it (blank value: do not map)
   * @param tabular whether the source is a CSV or spreadsheet, where geometry comes from columns
   */
  static ColumnMapping resolve(List<String> available, Map<ParcelField, String> explicit, boolean tabular) {
    Map<ParcelField, String> cols = new EnumMap<>(ParcelField.class);
    Set<String> used = new HashSet<>();
    for (var e : explicit.entrySet()) {
      ParcelField f = e.getKey();
      if (f.geometryColumn() && !tabular) {
        throw new ImportFailure(f.param, f.param + ": geometry columns are only mapped for CSV and spreadsheet files;"
            + " this format carries its own geometry", "“" + titleZh(f) + "”只需为 CSV 和电子表格文件指定；该格式自带图形");
      }
      String want = e.getValue() == null ? "" : e.getValue().strip();
      if (want.isEmpty()) {
        continue;
      }
      String col = find(available, want);
      if (col == null) {
        throw new ImportFailure(f.param, f.param + ": the file has no column '" + want + "'; its columns are " + available,
            "为“" + titleZh(f) + "”指定的列“" + want + "”在文件中不存在；文件的列为：" + String.join("、", available));
      }
      cols.put(f, col);
      used.add(col);
    }
    Set<ParcelField> guessed = java.util.EnumSet.noneOf(ParcelField.class);
    for (ParcelField f : ParcelField.values()) {
      if (explicit.containsKey(f) || (f.geometryColumn() && !tabular)) {
        continue;
      }
      for (String g : f.guesses) {
        String col = find(available, g);
        if (col != null && !used.contains(col)) {
          cols.put(f, col);
          used.add(col);
          guessed.add(f);
          break;
        }
      }
    }
    return new ColumnMapping(Collections.unmodifiableMap(cols), guessed);
  }

  /** The column named {@code want}: exactly, else ignoring case, spaces and underscores. */
  static String find(List<String> available, String want) {
    for (String c : available) {
      if (c.equals(want)) {
        return c;
      }
    }
    String k = ParcelField.key(want);
    for (String c : available) {
      if (ParcelField.key(c).equals(k)) {
        return c;
      }
    }
    return null;
  }

  String column(ParcelField f) {
    return columns.get(f);
  }

  boolean has(ParcelField f) {
    return columns.containsKey(f);
  }

  /** For the report: field → column, and which of them were guessed. */
  Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    columns.forEach((f, c) -> m.put(f.param, c));
    return m;
  }

  List<String> guessedFields() {
    List<String> l = new ArrayList<>();
    guessed.forEach(f -> l.add(f.param));
    return l;
  }

  /** The Chinese title of a parcel field, as the map's mapping form shows it. */
  static String titleZh(ParcelField f) {
    return TITLES.get(f)[0];
  }

  static String titleEn(ParcelField f) {
    return TITLES.get(f)[1];
  }

  /** The fields that must be mapped (geometry aside). */
  static final List<ParcelField> REQUIRED = List.of(ParcelField.ID, ParcelField.LAND_USE_CODE, ParcelField.STATUS);

  private static final Map<ParcelField, String[]> TITLES = new java.util.EnumMap<>(Map.ofEntries(
      Map.entry(ParcelField.ID, new String[] {"宗地编号", "Parcel id"}),
      Map.entry(ParcelField.ZONE, new String[] {"开发区", "Zone"}),
      Map.entry(ParcelField.BOARD, new String[] {"核心板块", "Core board"}),
      Map.entry(ParcelField.PARK, new String[] {"产业园区", "Industrial park"}),
      Map.entry(ParcelField.SMALL_MICRO_PARK, new String[] {"小微企业园", "Small-micro park"}),
      Map.entry(ParcelField.LAND_USE_CODE, new String[] {"用地分类代码", "Land-use code"}),
      Map.entry(ParcelField.LAND_USE_NAME, new String[] {"用地分类名称", "Land-use name"}),
      Map.entry(ParcelField.STATUS, new String[] {"土地状态", "Land status"}),
      Map.entry(ParcelField.FLOOR_AREA_M2, new String[] {"建筑面积（平方米）", "Floor area (m²)"}),
      Map.entry(ParcelField.FAR, new String[] {"容积率", "Floor area ratio"}),
      Map.entry(ParcelField.COVERAGE, new String[] {"建筑系数", "Building coverage"}),
      Map.entry(ParcelField.FAR_MIN, new String[] {"容积率下限", "Minimum floor area ratio"}),
      Map.entry(ParcelField.COVERAGE_MIN, new String[] {"建筑系数下限", "Minimum building coverage"}),
      Map.entry(ParcelField.REQ_INVEST, new String[] {"投资强度要求（万元/亩）", "Required investment (10k CNY/mu)"}),
      Map.entry(ParcelField.REQ_TAX, new String[] {"亩均税收要求（万元/亩）", "Required tax (10k CNY/mu)"}),
      Map.entry(ParcelField.SUPPLY_YEAR, new String[] {"供地年份", "Supply year"}),
      Map.entry(ParcelField.BUILD_START_YEAR, new String[] {"开工年份", "Construction start year"}),
      Map.entry(ParcelField.AREA_M2, new String[] {"记载面积（平方米，仅用于核对）", "Stated area (m², only compared)"}),
      Map.entry(ParcelField.AREA_MU, new String[] {"记载面积（亩，仅用于核对）", "Stated area (mu, only compared)"}),
      Map.entry(ParcelField.WKT, new String[] {"图形（WKT）", "Geometry (WKT)"}),
      Map.entry(ParcelField.LON, new String[] {"经度", "Longitude"}),
      Map.entry(ParcelField.LAT, new String[] {"纬度", "Latitude"}),
      Map.entry(ParcelField.X, new String[] {"X 坐标", "X coordinate"}),
      Map.entry(ParcelField.Y, new String[] {"Y 坐标", "Y coordinate"}),
      Map.entry(ParcelField.RING, new String[] {"圈号", "Ring number"}),
      Map.entry(ParcelField.POINT, new String[] {"界址点号", "Boundary point number"})));

  /**
   * The parcel fields a column can be mapped to in this file, for the map's mapping form: field,
   * Chinese and English title, whether required, whether a geometry column (tables only), the
   * column it reads now and whether that was guessed. {@code mapping} may be null (not resolved).
   */
  static List<Map<String, Object>> fields(boolean tabular, ColumnMapping mapping) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ParcelField f : ParcelField.values()) {
      if (f.geometryColumn() && !tabular) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", f.param);
      m.put("title_zh", titleZh(f));
      m.put("title_en", titleEn(f));
      m.put("required", REQUIRED.contains(f));
      m.put("geometry", f.geometryColumn());
      m.put("column", mapping == null ? null : mapping.column(f));
      m.put("guessed", mapping != null && mapping.guessed.contains(f));
      out.add(m);
    }
    return out;
  }

  /** Columns nothing reads, so the user sees what the import ignored. */
  List<String> unused(List<String> available) {
    List<String> l = new ArrayList<>(available);
    l.removeAll(columns.values());
    return l;
  }
}
