package zoneatlas.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds import files for tests: CSV in any encoding, .xlsx from rows of cells. */
final class Files {
  private Files() {}

  static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] csv(String text, Charset cs) {
    return text.getBytes(cs);
  }

  /** Cells that are numbers are written as numeric cells, the rest as text. */
  static byte[] xlsx(Object[]... rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sh = wb.createSheet("figures");
      for (int r = 0; r < rows.length; r++) {
        Row row = sh.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (v != null) {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A syntactically valid USCC (GB 32100 check character) made from a 17-character body. */
  static String uscc(String body17) {
    return body17 + zoneatlas.demo.SynthUscc.checkChar(body17);
  }
}
