package zoneatlas.efficiency;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link Table} as CSV (UTF-8 with a byte-order mark, so Excel on a Chinese Windows
 * opens it without garbling) or as an .xlsx workbook (streamed, so large tables do not sit in
 * memory as cell objects). Headers are in the requested language with units. Rows can also be
 * pushed one at a time through a {@link Sink}, for exports too large to hold as a table.
 *
 * <p>A CSV text cell that a spreadsheet would take for a formula (one beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, unless it is a plain number) is
 * written with a leading apostrophe, so free text such as a change reason cannot run as a formula
 * (CSV injection). Excel cells are always written as text or numbers, never as formulas. Stateless.
 */
public final class TableExport {
  public static final String CSV_TYPE = "text/csv; charset=utf-8";
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  /** Rows an .xlsx sheet holds below its header; the last one, when reached, says that the rest were left out. */
  static final int XLSX_MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

  private TableExport() {}

  /** Receives rows one at a time; {@link #close()} finishes the file (it does not close the stream). */
  public interface Sink extends Closeable {
    void row(Map<String, Object> row) throws IOException;
  }

  public static void csv(Table t, String lang, OutputStream out) throws IOException {
    try (Sink s = csv(t.columns(), lang, out)) {
      for (Map<String, Object> r : t.rows()) {
        s.row(r);
      }
    }
  }

  public static void xlsx(Table t, String lang, OutputStream out) throws IOException {
    try (Sink s = xlsx(t.name(), t.columns(), lang, out)) {
      for (Map<String, Object> r : t.rows()) {
        s.row(r);
      }
    }
  }

  /** A CSV file of these columns; the header row is written at once. */
  public static Sink csv(List<Table.Col> columns, String lang, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    for (Table.Col c : columns) {
      p.print(c.header(lang));
    }
    p.println();
    return new Sink() {
      @Override
      public void row(Map<String, Object> r) throws IOException {
        for (Table.Col c : columns) {
          Object v = r.get(c.key());
          if (v == null) {
            p.print("");
          } else if (v instanceof Number || v instanceof Boolean) {
            p.print(v);
          } else {
            p.print(neutralised(v instanceof Iterable<?> it ? String.join(";", strings(it)) : v.toString()));
          }
        }
        p.println();
      }

      @Override
      public void close() throws IOException {
        p.flush();
      }
    };
  }

  /**
   * An .xlsx workbook of one sheet (named after {@code sheetName}, cut to Excel's 31 characters);
   * written to the stream on {@link Sink#close()}. A sheet holds 1,048,575 rows below its header:
   * its last row then says that the rest were left out (CSV has no such limit).
   */
  public static Sink xlsx(String sheetName, List<Table.Col> columns, String lang, OutputStream out) {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    Sheet sh = wb.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
    Row h = sh.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      h.createCell(i).setCellValue(columns.get(i).header(lang));
    }
    return new Sink() {
      int r = 1;
      boolean full;

      @Override
      public void row(Map<String, Object> row) {
        if (full) {
          return;
        }
        Row x = sh.createRow(r++);
        if (r > XLSX_MAX_ROWS) {
          full = true;
          x.createCell(0).setCellValue("en".equals(lang)
              ? "More rows than an Excel sheet holds: the rest are left out; export as CSV for all of them"
              : "超出 Excel 工作表行数上限，其余行未导出；请导出 CSV 获取全部数据");
          return;
        }
        for (int i = 0; i < columns.size(); i++) {
          Object v = row.get(columns.get(i).key());
          if (v == null) {
            continue;
          }
          Cell c = x.createCell(i);
          if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
          } else if (v instanceof Boolean b) {
            c.setCellValue(b);
          } else if (v instanceof Iterable<?> it) {
            c.setCellValue(String.join(";", strings(it)));
          } else {
            c.setCellValue(v.toString());
          }
        }
      }

      @Override
      public void close() throws IOException {
        try {
          wb.write(out);
        } finally {
          wb.close();
        }
      }
    };
  }

  /** The text as a CSV cell that no spreadsheet runs as a formula. */
  public static String neutralised(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !PLAIN_NUMBER.matcher(s).matches() ? "'" + s : s;
  }

  private static java.util.List<String> strings(Iterable<?> it) {
    java.util.List<String> s = new java.util.ArrayList<>();
    it.forEach(o -> s.add(String.valueOf(o)));
    return s;
  }
}
