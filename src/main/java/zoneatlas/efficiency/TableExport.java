package zoneatlas.efficiency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link Table} as CSV (UTF-8 with a byte-order mark, so Excel on a Chinese Windows
 * opens it without garbling) or as an .xlsx workbook (streamed, so large tables do not sit in
 * memory as cell objects). Headers are in the requested language with units. Stateless.
 */
public final class TableExport {
  public static final String CSV_TYPE = "text/csv; charset=utf-8";
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private TableExport() {}

  public static void csv(Table t, String lang, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      for (Table.Col c : t.columns()) {
        p.print(c.header(lang));
      }
      p.println();
      for (Map<String, Object> r : t.rows()) {
        for (Table.Col c : t.columns()) {
          Object v = r.get(c.key());
          p.print(v == null ? "" : v instanceof Iterable<?> it ? String.join(";", strings(it)) : v);
        }
        p.println();
      }
      p.flush();
    }
  }

  public static void xlsx(Table t, String lang, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sh = wb.createSheet(t.name().length() > 31 ? t.name().substring(0, 31) : t.name());
      Row h = sh.createRow(0);
      for (int i = 0; i < t.columns().size(); i++) {
        h.createCell(i).setCellValue(t.columns().get(i).header(lang));
      }
      int r = 1;
      for (Map<String, Object> row : t.rows()) {
        Row x = sh.createRow(r++);
        for (int i = 0; i < t.columns().size(); i++) {
          Object v = row.get(t.columns().get(i).key());
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
      wb.write(out);
    }
  }

  private static java.util.List<String> strings(Iterable<?> it) {
    java.util.List<String> s = new java.util.ArrayList<>();
    it.forEach(o -> s.add(String.valueOf(o)));
    return s;
  }
}
