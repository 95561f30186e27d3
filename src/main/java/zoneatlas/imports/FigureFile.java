package zoneatlas.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import zoneatlas.demo.SynthUscc;

/**
 * Reads a yearly-figures file (CSV or Excel .xlsx, first sheet) into checked rows. Every problem
 * becomes a {@link RowError} with the row number as a spreadsheet shows it (the header is row 1)
 * and the column header, so a land officer can fix the file and send it again; nothing is
 * written unless the whole file is clean. CSV is read as UTF-8 (with or without a byte-order
 * mark) or, when it is not valid UTF-8, as GB18030, which is what Excel on Chinese Windows saves.
 * Stateless.
 */
public final class FigureFile {
  private FigureFile() {}

  /** One problem: spreadsheet row (header = 1), column header as written in the file, the value, what is wrong. */
  public record RowError(int row, String column, String value, String message) {}

  /** One clean data row: the figure columns present in the file, null where the cell is blank (not reported). */
  public record DataRow(int row, String uscc, int year, Map<FigureField, Double> values) {}

  /**
   * @param fields the figure columns the file has (only these are written; other stored figures are kept)
   */
  public record Parsed(String format, List<FigureField> fields, List<DataRow> rows, List<RowError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Which reader a file needs: xlsx when it is a zip (or so named or typed), else csv. */
  static String detect(byte[] bytes, String filename, String contentType) {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      return "xlsx";
    }
    String f = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (f.endsWith(".xls") || t.contains("application/vnd.ms-excel")) {
      return "xls";
    }
    if (f.endsWith(".xlsx") || t.contains("spreadsheetml")) {
      return "xlsx";
    }
    return "csv";
  }

  public static Parsed parse(byte[] bytes, String filename, String contentType) {
    String format = detect(bytes, filename, contentType);
    List<List<String>> table = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    switch (format) {
      case "xls" -> {
        errors.add(new RowError(0, null, filename, "old Excel .xls files are not read: save as .xlsx or CSV"));
        return new Parsed(format, List.of(), List.of(), errors);
      }
      case "xlsx" -> {
        try {
          readXlsx(bytes, table, rowNumbers);
        } catch (IOException | RuntimeException e) {
          errors.add(new RowError(0, null, null, "not a readable .xlsx workbook: " + rootMessage(e)));
          return new Parsed(format, List.of(), List.of(), errors);
        }
      }
      default -> {
        try {
          readCsv(decode(bytes), table, rowNumbers);
        } catch (IOException | RuntimeException e) {
          errors.add(new RowError(0, null, null, "not readable as CSV: " + rootMessage(e)));
          return new Parsed(format, List.of(), List.of(), errors);
        }
      }
    }
    return check(format, table, rowNumbers);
  }

  static String decode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("GB18030"));
    }
  }

  private static void readCsv(String text, List<List<String>> table, List<Integer> rowNumbers) throws IOException {
    String first = text.lines().findFirst().orElse("");
    char delim = first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delim).setIgnoreEmptyLines(false).get();
    try (CSVParser p = CSVParser.parse(new StringReader(text), fmt)) {
      int n = 0;
      for (CSVRecord r : p) {
        n++;
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        table.add(cells);
        rowNumbers.add(n);
      }
    }
  }

  private static void readXlsx(byte[] bytes, List<List<String>> table, List<Integer> rowNumbers) throws IOException {
    DataFormatter fmt = new DataFormatter(Locale.ROOT);
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sh = wb.getSheetAt(0);
      for (Row r : sh) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
          cells.add(cellText(r.getCell(c), fmt));
        }
        table.add(cells);
        rowNumbers.add(r.getRowNum() + 1);
      }
    }
  }

  /** A cell as text; numbers in full precision (never the display format, which may round or group digits). */
  private static String cellText(Cell c, DataFormatter fmt) {
    if (c == null) {
      return "";
    }
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC -> {
        double v = c.getNumericCellValue();
        yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
      }
      case STRING -> c.getStringCellValue();
      case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
      case ERROR -> "#ERROR";
      default -> fmt.formatCellValue(c);
    };
  }

  private static Parsed check(String format, List<List<String>> table, List<Integer> rowNumbers) {
    List<RowError> errors = new ArrayList<>();
    int h = 0;
    while (h < table.size() && blank(table.get(h))) {
      h++;
    }
    if (h == table.size()) {
      errors.add(new RowError(1, null, null, "the file is empty: it needs a header row with uscc, year and figure columns"));
      return new Parsed(format, List.of(), List.of(), errors);
    }
    List<String> header = table.get(h);
    int headerRow = rowNumbers.get(h);
    Map<FigureField, Integer> at = new EnumMap<>(FigureField.class);
    Map<FigureField, String> headerText = new EnumMap<>(FigureField.class);
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      if (name == null || name.isBlank()) {
        continue;
      }
      var f = FigureField.byHeader(name);
      if (f.isEmpty()) {
        if (!FigureField.IGNORED.contains(FigureField.normalise(name))) {
          errors.add(new RowError(headerRow, name, name, "unknown column; columns are uscc, year, "
              + String.join(", ", java.util.Arrays.stream(FigureField.values()).filter(FigureField::figure).map(x -> x.column).toList())
              + " (or their Chinese names, e.g. 统一社会信用代码, 年份, 税收)"));
        }
        continue;
      }
      if (at.containsKey(f.get())) {
        errors.add(new RowError(headerRow, name, name, "column given twice (also as '" + headerText.get(f.get()) + "')"));
        continue;
      }
      at.put(f.get(), c);
      headerText.put(f.get(), name);
    }
    for (FigureField req : List.of(FigureField.USCC, FigureField.YEAR)) {
      if (!at.containsKey(req)) {
        errors.add(new RowError(headerRow, req.column, null, "required column missing (" + req.column + ")"));
      }
    }
    List<FigureField> fields = at.keySet().stream().filter(FigureField::figure).toList();
    if (fields.isEmpty()) {
      errors.add(new RowError(headerRow, null, null, "no figure column: give at least one of tax_wan, revenue_wan, "
          + "value_added_wan, energy_tce, employees, rnd_wan, investment_wan, pollutant_eq"));
    }
    if (!errors.isEmpty()) {
      return new Parsed(format, fields, List.of(), errors);
    }
    List<DataRow> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = h + 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (blank(cells)) {
        continue;
      }
      int rn = rowNumbers.get(i);
      int before = errors.size();
      String uscc = cell(cells, at.get(FigureField.USCC)).strip().toUpperCase(Locale.ROOT);
      String usccHeader = headerText.get(FigureField.USCC);
      if (uscc.isEmpty()) {
        errors.add(new RowError(rn, usccHeader, "", "required: the enterprise's unified social credit code"));
      } else if (!SynthUscc.isValid(uscc)) {
        errors.add(new RowError(rn, usccHeader, uscc, "not a valid unified social credit code (18 characters of "
            + "0-9 and A-Y without I, O, S, V, Z, last one the GB 32100 check character)"));
      }
      String ys = cell(cells, at.get(FigureField.YEAR)).strip();
      int year = 0;
      try {
        double yd = Double.parseDouble(ys);
        if (yd != Math.rint(yd) || yd < 1990 || yd > 2100) {
          throw new NumberFormatException();
        }
        year = (int) yd;
      } catch (NumberFormatException e) {
        errors.add(new RowError(rn, headerText.get(FigureField.YEAR), ys, "must be a year from 1990 to 2100"));
      }
      Map<FigureField, Double> values = new LinkedHashMap<>();
      for (FigureField f : fields) {
        String raw = cell(cells, at.get(f)).strip();
        if (raw.isEmpty() || raw.equals("-") || raw.equals("—")) {
          values.put(f, null);
          continue;
        }
        String s = raw.replace(",", "").replace("，", "");
        double v;
        try {
          v = Double.parseDouble(s);
          if (!Double.isFinite(v)) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          errors.add(new RowError(rn, headerText.get(f), raw, "must be a number (blank if not reported)"));
          continue;
        }
        if (v < 0) {
          errors.add(new RowError(rn, headerText.get(f), raw, "must not be negative"));
          continue;
        }
        if (f.integer && v != Math.rint(v)) {
          errors.add(new RowError(rn, headerText.get(f), raw, "must be a whole number"));
          continue;
        }
        values.put(f, v);
      }
      if (errors.size() == before) {
        String key = uscc + "/" + year;
        Integer first = seen.putIfAbsent(key, rn);
        if (first != null) {
          errors.add(new RowError(rn, usccHeader, uscc, "same enterprise and year as row " + first + " (" + year + ")"));
          continue;
        }
        rows.add(new DataRow(rn, uscc, year, values));
      }
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(new RowError(headerRow + 1, null, null, "no data rows under the header"));
    }
    return new Parsed(format, fields, rows, errors);
  }

  private static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  private static String cell(List<String> cells, int i) {
    return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
  }

  /** The innermost cause's own words: wrapped exceptions put class names into their messages. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
