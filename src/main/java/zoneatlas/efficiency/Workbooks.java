package zoneatlas.efficiency;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks of several named sheets (policy lists, the annual report): a bold, frozen header row,
 * columns wide enough for their Chinese text, values as text or numbers and never as formulas,
 * and optionally a picture on a sheet of its own. Stateless.
 */
public final class Workbooks {
  private Workbooks() {}

  /** A picture sheet: PNG bytes shown at {@code widthPx} × {@code heightPx}, with a caption row above. */
  public record Picture(String sheetName, String caption, byte[] png, int widthPx, int heightPx) {}

  /** Writes the sheets (and pictures, after them) as one .xlsx workbook. */
  public static void xlsx(List<PolicyLists.Sheet> sheets, List<Picture> pictures, String lang, OutputStream out)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle head = wb.createCellStyle();
      head.setFont(bold);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Set<String> used = new HashSet<>();
      for (PolicyLists.Sheet s : sheets) {
        Sheet sh = wb.createSheet(sheetName(s.name(lang), used));
        List<Table.Col> cols = s.table().columns();
        Row h = sh.createRow(0);
        int[] width = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
          Cell c = h.createCell(i);
          c.setCellValue(cols.get(i).header(lang));
          c.setCellStyle(head);
          width[i] = textWidth(cols.get(i).header(lang));
        }
        int r = 1;
        for (Map<String, Object> row : s.table().rows()) {
          Row x = sh.createRow(r++);
          for (int i = 0; i < cols.size(); i++) {
            Object v = row.get(cols.get(i).key());
            if (v == null) {
              continue;
            }
            Cell c = x.createCell(i);
            if (v instanceof Number n) {
              c.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
              c.setCellValue(b);
            } else {
              String t = v instanceof Iterable<?> it ? String.join(";", strings(it)) : v.toString();
              c.setCellValue(t);
              if (t.length() > 40) {
                c.setCellStyle(wrap);
              }
            }
            width[i] = Math.max(width[i], textWidth(String.valueOf(v)));
          }
        }
        for (int i = 0; i < cols.size(); i++) {
          sh.setColumnWidth(i, Math.min(60, Math.max(6, width[i] + 2)) * 256);
        }
        sh.createFreezePane(0, 1);
      }
      for (Picture p : pictures) {
        Sheet sh = wb.createSheet(sheetName(p.sheetName(), used));
        sh.createRow(0).createCell(0).setCellValue(p.caption());
        int idx = wb.addPicture(p.png(), Workbook.PICTURE_TYPE_PNG);
        Drawing<?> d = sh.createDrawingPatriarch();
        ClientAnchor a = wb.getCreationHelper().createClientAnchor();
        a.setCol1(0);
        a.setRow1(1);
        // a default column is about 64 px wide and a row 20 px high
        a.setCol2(Math.max(1, p.widthPx() / 64));
        a.setRow2(1 + Math.max(1, p.heightPx() / 20));
        d.createPicture(a, idx);
      }
      wb.write(out);
    }
  }

  /** A legal, unique sheet name: Excel allows 31 characters and none of []:*?/\. */
  static String sheetName(String want, Set<String> used) {
    String base = WorkbookUtil.createSafeSheetName(want, '_');
    String name = base;
    for (int i = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
      String suffix = " (" + i + ")";
      name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
    }
    return name;
  }

  /** Width in Excel character units: a Chinese character takes about two. */
  static int textWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return w;
  }

  private static List<String> strings(Iterable<?> it) {
    List<String> s = new java.util.ArrayList<>();
    it.forEach(o -> s.add(String.valueOf(o)));
    return s;
  }
}
