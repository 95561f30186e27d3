package zoneatlas.imports.spatial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CSV and spreadsheet files (commons-csv, Apache POI). Geometry comes either from a WKT column,
 * one row per parcel (EWKT's {@code SRID=4547;} prefix names the CRS), or from boundary-point
 * rows (界址点表) — lon/lat or x/y, grouped by parcel id, ordered by point number or file order,
 * ring 1 the outline and further rings holes — the way cadastral surveys hand parcels over.
 */
final class TableSource {
  /** A table as read: header and rows of String, Double, Boolean or null. */
  record Table(SourceFormat format, String sheet, List<String> columns, List<Integer> rowNumbers, List<List<Object>> rows,
      String encoding, List<String> notes, List<String> notesZh) {}

  private static final GeometryFactory GF = new GeometryFactory();
  private static final Pattern EWKT = Pattern.compile("(?is)^\\s*SRID=(\\d+)\\s*;\\s*(.*)$");
  private static final Pattern DMS = Pattern.compile(
      "^\\s*(-?\\d+(?:\\.\\d+)?)\\s*[°度]\\s*(?:(\\d+(?:\\.\\d+)?)\\s*['′分])?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:\"|″|''|秒))?\\s*([NSEW东西南北])?\\s*$");

  private TableSource() {}

  static Table readCsv(byte[] b, String encodingParam) {
    List<String> notes = new ArrayList<>();
    List<String> notesZh = new ArrayList<>();
    Charset cs;
    int skip = 0;
    if (encodingParam != null) {
      cs = TextEncoding.named(encodingParam, "encoding");
    } else if (TextEncoding.hasBom(b)) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (TextEncoding.validUtf8(b, 0, b.length)) {
      cs = StandardCharsets.UTF_8;
    } else {
      cs = TextEncoding.GB18030;
      notes.add("the CSV is not UTF-8: read as GBK, as Excel on Chinese Windows saves it (pass encoding= if that is wrong)");
      notesZh.add("CSV 文件不是 UTF-8 编码：已按 GBK 读取（中文 Windows 上的 Excel 默认如此保存；如显示乱码，请选择正确的字符编码）");
    }
    if (skip == 0 && cs.equals(StandardCharsets.UTF_8) && TextEncoding.hasBom(b)) {
      skip = 3;
    }
    String text = new String(b, skip, b.length - skip, cs);
    char delimiter = delimiter(text);
    List<String> header = null;
    List<Integer> numbers = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(text), fmt)) {
      for (CSVRecord r : p) {
        List<Object> values = new ArrayList<>();
        r.forEach(v -> values.add(v.isEmpty() ? null : v));
        if (header == null) {
          if (values.stream().allMatch(v -> v == null)) {
            continue;
          }
          header = names(values);
          continue;
        }
        if (values.stream().allMatch(v -> v == null)) {
          continue;
        }
        numbers.add((int) p.getCurrentLineNumber());
        rows.add(values);
      }
    } catch (IOException | RuntimeException e) {
      throw new ImportFailure("file", "file: not a readable CSV file: " + e.getMessage(), "不是可读取的 CSV 文件", e);
    }
    if (header == null) {
      throw new ImportFailure("file", "file: the CSV file has no header row", "CSV 文件没有表头行（第一行应为列名）");
    }
    return new Table(SourceFormat.CSV, null, header, numbers, rows, cs.name(), notes, notesZh);
  }

  static Table readSpreadsheet(byte[] b, String sheetName) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(b))) {
      Sheet sheet = null;
      List<String> withData = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        Sheet s = wb.getSheetAt(i);
        if (sheetName != null && s.getSheetName().equalsIgnoreCase(sheetName.strip())) {
          sheet = s;
        }
        if (s.getPhysicalNumberOfRows() > 0) {
          withData.add(s.getSheetName());
        }
      }
      if (sheetName != null && sheet == null) {
        throw new ImportFailure("layer", "layer: no sheet '" + sheetName + "' in the workbook; its sheets are " + withData,
            "工作簿中没有名为“" + sheetName + "”的工作表；含数据的工作表：" + String.join("、", withData));
      }
      if (sheet == null) {
        if (withData.isEmpty()) {
          throw new ImportFailure("file", "file: the workbook is empty", "工作簿为空");
        }
        if (withData.size() > 1) {
          throw new ImportFailure("layer", "layer: the workbook has several sheets with data " + withData + "; say which with layer=",
              "工作簿中有多个含数据的工作表（" + String.join("、", withData) + "）：请选择要导入的工作表");
        }
        sheet = wb.getSheet(withData.get(0));
      }
      List<String> header = null;
      List<Integer> numbers = new ArrayList<>();
      List<List<Object>> rows = new ArrayList<>();
      for (Row r : sheet) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
          values.add(value(r.getCell(c)));
        }
        if (values.stream().allMatch(v -> v == null)) {
          continue;
        }
        if (header == null) {
          header = names(values);
        } else {
          numbers.add(r.getRowNum() + 1);
          rows.add(values);
        }
      }
      if (header == null) {
        throw new ImportFailure("file", "file: the sheet " + sheet.getSheetName() + " is empty", "工作表“" + sheet.getSheetName() + "”为空");
      }
      return new Table(SourceFormat.XLSX, sheet.getSheetName(), header, numbers, rows, null, List.of(), List.of());
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImportFailure f) {
        throw f;
      }
      throw new ImportFailure("file", "file: not a readable spreadsheet: " + e.getMessage(), "不是可读取的电子表格（Excel）文件", e);
    }
  }

  private static Object value(Cell c) {
    if (c == null) {
      return null;
    }
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC -> DateUtil.isCellDateFormatted(c)
          ? c.getLocalDateTimeCellValue().toLocalDate().toString()
          : (Object) c.getNumericCellValue();
      case STRING -> {
        String s = c.getStringCellValue().strip();
        yield s.isEmpty() ? null : s;
      }
      case BOOLEAN -> c.getBooleanCellValue();
      default -> null;
    };
  }

  private static List<String> names(List<Object> header) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      Object v = header.get(i);
      String n = v == null ? "column " + (i + 1) : v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString().strip();
      String unique = n;
      for (int k = 2; !seen.add(unique); k++) {
        unique = n + "_" + k;
      }
      out.add(unique);
    }
    return out;
  }

  private static char delimiter(String text) {
    // the header's line: blank lines above it are skipped, as the reader skips them
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char best = ',';
    long most = 0;
    for (char d : new char[] {',', ';', '\t', '|'}) {
      long n = first.chars().filter(ch -> ch == d).count();
      if (n > most) {
        most = n;
        best = d;
      }
    }
    return best;
  }

  /** The parcels of a table, its geometry built from the mapped columns. */
  static SourceData features(Table t, ColumnMapping m) {
    Map<ParcelField, String> geomCols = new LinkedHashMap<>();
    for (ParcelField f : List.of(ParcelField.WKT, ParcelField.LON, ParcelField.LAT, ParcelField.X, ParcelField.Y,
        ParcelField.RING, ParcelField.POINT)) {
      if (m.has(f)) {
        geomCols.put(f, m.column(f));
      }
    }
    List<String> attrCols = new ArrayList<>(t.columns());
    if (m.has(ParcelField.WKT)) {
      return wktFeatures(t, m, attrCols);
    }
    ParcelField a;
    ParcelField b;
    if (m.has(ParcelField.LON) && m.has(ParcelField.LAT)) {
      a = ParcelField.LON;
      b = ParcelField.LAT;
    } else if (m.has(ParcelField.X) && m.has(ParcelField.Y)) {
      a = ParcelField.X;
      b = ParcelField.Y;
    } else {
      throw new ImportFailure("wkt", "wkt: the table has no geometry columns: map wkt= (one row per parcel), or lon=&lat="
          + " or x=&y= (one row per boundary point, grouped by id=); its columns are " + t.columns(),
          "表格中没有图形列：请指定 WKT 图形列（每行一宗地），或经度、纬度列 / X、Y 坐标列（每行一个界址点，按宗地编号归组）；"
          + "表格的列为：" + String.join("、", t.columns()));
    }
    if (!m.has(ParcelField.ID)) {
      throw new ImportFailure("id", "id: boundary-point rows are grouped into parcels by their parcel id: map id= to it",
          "界址点按宗地编号归组为地块：请指定宗地编号所在的列");
    }
    geomCols.keySet().retainAll(List.of(a, b, ParcelField.RING, ParcelField.POINT));
    attrCols.removeAll(geomCols.values());
    return pointFeatures(t, m, a, b, attrCols, geomCols);
  }

  private static SourceData wktFeatures(Table t, ColumnMapping m, List<String> attrCols) {
    int wktIdx = t.columns().indexOf(m.column(ParcelField.WKT));
    attrCols.remove(m.column(ParcelField.WKT));
    List<SourceFeature> out = new ArrayList<>();
    Set<String> srids = new LinkedHashSet<>();
    WKTReader reader = new WKTReader();
    for (int i = 0; i < t.rows().size(); i++) {
      List<Object> r = t.rows().get(i);
      Map<String, Object> attrs = attributes(t, r, attrCols);
      Object w = cell(r, wktIdx);
      Geometry g = null;
      List<SourceFeature.Problem> problems = new ArrayList<>();
      if (w != null) {
        String text = w.toString();
        Matcher em = EWKT.matcher(text);
        if (em.matches()) {
          srids.add(em.group(1));
          text = em.group(2);
        }
        try {
          g = reader.read(text);
        } catch (ParseException e) {
          problems.add(new SourceFeature.Problem("geometry", "unreadable WKT in column " + m.column(ParcelField.WKT) + ": " + e.getMessage(),
              "列“" + m.column(ParcelField.WKT) + "”中的 WKT 图形无法读取"));
        }
      }
      out.add(new SourceFeature(i + 1, t.rowNumbers().get(i), attrs, g, problems));
    }
    if (srids.size() > 1) {
      throw new ImportFailure("wkt", "wkt: rows name different SRIDs " + srids + "; one file holds one coordinate system",
          "各行 WKT 声明的坐标系（SRID）不一致：" + String.join("、", srids) + "；一个文件只能使用一种坐标系");
    }
    String declared = srids.isEmpty() ? null : "EPSG:" + srids.iterator().next();
    return new SourceData(t.format(), t.sheet(), attrCols, out, declared, declared == null ? null : "SRID= in the WKT",
        t.encoding(), t.notes(), t.notesZh(), Map.of(ParcelField.WKT, m.column(ParcelField.WKT)));
  }

  /** A point row on its way into a ring. */
  private record Pt(int row, double order, double a, double b) {}

  private static SourceData pointFeatures(Table t, ColumnMapping m, ParcelField fa, ParcelField fb, List<String> attrCols,
      Map<ParcelField, String> geomCols) {
    int idIdx = t.columns().indexOf(m.column(ParcelField.ID));
    int aIdx = t.columns().indexOf(m.column(fa));
    int bIdx = t.columns().indexOf(m.column(fb));
    int ringIdx = m.has(ParcelField.RING) ? t.columns().indexOf(m.column(ParcelField.RING)) : -1;
    int pointIdx = m.has(ParcelField.POINT) ? t.columns().indexOf(m.column(ParcelField.POINT)) : -1;
    // parcel id → its rows in file order
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    List<Integer> noId = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      Object id = cell(t.rows().get(i), idIdx);
      if (id == null) {
        noId.add(i);
      } else {
        groups.computeIfAbsent(text(id), k -> new ArrayList<>()).add(i);
      }
    }
    List<SourceFeature> out = new ArrayList<>();
    int index = 0;
    for (var g : groups.entrySet()) {
      index++;
      List<Integer> rows = g.getValue();
      List<SourceFeature.Problem> problems = new ArrayList<>();
      Map<String, Object> attrs = new LinkedHashMap<>();
      Map<String, Integer> from = new LinkedHashMap<>();
      for (int i : rows) {
        List<Object> r = t.rows().get(i);
        for (String c : attrCols) {
          Object v = cell(r, t.columns().indexOf(c));
          if (v == null) {
            continue;
          }
          Object had = attrs.get(c);
          if (had == null) {
            attrs.put(c, v);
            from.put(c, t.rowNumbers().get(i));
          } else if (!text(had).equals(text(v))) {
            problems.add(new SourceFeature.Problem(c, "column " + c + " says '" + text(had) + "' in row " + from.get(c)
                + " and '" + text(v) + "' in row " + t.rowNumbers().get(i) + " for the same parcel",
                "同一宗地的“" + c + "”列前后不一致：第 " + from.get(c) + " 行为“" + text(had) + "”，第 " + t.rowNumbers().get(i)
                + " 行为“" + text(v) + "”"));
          }
        }
      }
      attrCols.forEach(c -> attrs.putIfAbsent(c, null));
      Map<String, List<Pt>> rings = new LinkedHashMap<>();
      for (int i : rows) {
        List<Object> r = t.rows().get(i);
        int rowNo = t.rowNumbers().get(i);
        Double a = coordinate(cell(r, aIdx));
        Double b = coordinate(cell(r, bIdx));
        if (a == null || b == null) {
          problems.add(new SourceFeature.Problem("geometry", "row " + rowNo + ": " + (a == null ? m.column(fa) : m.column(fb))
              + " is not a number ('" + (a == null ? cell(r, aIdx) : cell(r, bIdx)) + "')",
              "第 " + rowNo + " 行：坐标列“" + (a == null ? m.column(fa) : m.column(fb)) + "”的值“"
              + (a == null ? cell(r, aIdx) : cell(r, bIdx)) + "”不是数字"));
          continue;
        }
        String ring = ringIdx >= 0 && cell(r, ringIdx) != null ? text(cell(r, ringIdx)) : "1";
        double order = rings.getOrDefault(ring, List.of()).size();
        if (pointIdx >= 0) {
          Double o = number(cell(r, pointIdx));
          if (o == null) {
            problems.add(new SourceFeature.Problem("geometry", "row " + rowNo + ": point number " + m.column(ParcelField.POINT)
                + " is not a number", "第 " + rowNo + " 行：界址点号列“" + m.column(ParcelField.POINT) + "”不是数字"));
            continue;
          }
          order = o;
        }
        rings.computeIfAbsent(ring, k -> new ArrayList<>()).add(new Pt(rowNo, order, a, b));
      }
      Geometry geom = null;
      if (problems.stream().noneMatch(p -> p.field().equals("geometry"))) {
        try {
          geom = polygon(rings);
        } catch (RingProblem e) {
          problems.add(new SourceFeature.Problem("geometry", e.getMessage(), e.zh));
        } catch (IllegalArgumentException e) {
          problems.add(new SourceFeature.Problem("geometry", e.getMessage(), "界址点无法连成闭合的边界环"));
        }
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.putAll(attrs);
      all.put(m.column(ParcelField.ID), g.getKey());
      out.add(new SourceFeature(index, t.rowNumbers().get(rows.get(0)), all, geom, problems));
    }
    for (int i : noId) {
      index++;
      out.add(new SourceFeature(index, t.rowNumbers().get(i), attributes(t, t.rows().get(i), attrCols), null,
          List.of(new SourceFeature.Problem("id", "boundary-point row without a parcel id in column " + m.column(ParcelField.ID),
              "界址点行缺少宗地编号（列“" + m.column(ParcelField.ID) + "”为空）"))));
    }
    return new SourceData(t.format(), t.sheet(), attrCols, out, null, null, t.encoding(), t.notes(), t.notesZh(), geomCols);
  }

  /** A ring that cannot be built from its boundary points, in English and Chinese. */
  private static final class RingProblem extends IllegalArgumentException {
    final String zh;

    RingProblem(String message, String zh) {
      super(message);
      this.zh = zh;
    }
  }

  private static Geometry polygon(Map<String, List<Pt>> rings) {
    if (rings.isEmpty()) {
      throw new RingProblem("no boundary points", "没有界址点");
    }
    List<LinearRing> built = new ArrayList<>();
    for (var e : rings.entrySet()) {
      List<Pt> pts = new ArrayList<>(e.getValue());
      pts.sort(Comparator.comparingDouble(Pt::order));
      List<Coordinate> cs = new ArrayList<>();
      for (Pt p : pts) {
        cs.add(new Coordinate(p.a(), p.b()));
      }
      if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
        cs.add(new Coordinate(cs.get(0)));
      }
      if (cs.size() < 4) {
        throw new RingProblem("ring " + e.getKey() + " has " + (cs.size() - 1) + " distinct boundary point(s);"
            + " a parcel needs at least 3 (is this a table of points, one per parcel?)",
            "第 " + e.getKey() + " 圈只有 " + (cs.size() - 1) + " 个不同的界址点，一宗地至少需要 3 个（该表是否为每宗地一个点的点位表？）");
      }
      built.add(GF.createLinearRing(cs.toArray(Coordinate[]::new)));
    }
    return GF.createPolygon(built.get(0), built.subList(1, built.size()).toArray(LinearRing[]::new));
  }

  private static Map<String, Object> attributes(Table t, List<Object> r, List<String> cols) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (String c : cols) {
      attrs.put(c, cell(r, t.columns().indexOf(c)));
    }
    return attrs;
  }

  private static Object cell(List<Object> r, int i) {
    return i >= 0 && i < r.size() ? r.get(i) : null;
  }

  static String text(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v.toString().strip();
  }

  static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v == null) {
      return null;
    }
    String s = v.toString().strip().replace(",", "").replace(" ", "");
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A coordinate: a number, or degrees-minutes-seconds such as 113°49′40.8″E or 34度39分. */
  static Double coordinate(Object v) {
    Double d = number(v);
    if (d != null || v == null) {
      return d;
    }
    Matcher dm = DMS.matcher(v.toString());
    if (!dm.matches()) {
      return null;
    }
    double deg = Double.parseDouble(dm.group(1));
    double min = dm.group(2) == null ? 0 : Double.parseDouble(dm.group(2));
    double sec = dm.group(3) == null ? 0 : Double.parseDouble(dm.group(3));
    double val = Math.abs(deg) + min / 60 + sec / 3600;
    String h = dm.group(4);
    boolean negative = deg < 0 || "S".equals(h) || "W".equals(h) || "南".equals(h) || "西".equals(h);
    return negative ? -val : val;
  }
}
