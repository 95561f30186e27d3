package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The CSV and Excel files a user downloads: Excel on a Chinese Windows opens the CSV without
 * garbling (byte-order mark), headers in the chosen language with their units, and no cell a
 * spreadsheet would run as a formula (CSV injection), while negative numbers stay numbers.
 */
class TableExportTest {
  private static final List<Table.Col> COLS = List.of(new Table.Col("name", "名称", "Name", null),
      new Table.Col("tax", "亩均税收", "Tax per mu", "万元/亩"), new Table.Col("ok", "达标", "Met", ""),
      new Table.Col("codes", "原因", "Reasons", null));

  private static Map<String, Object> row(Object name, Object tax, Object ok, Object codes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("tax", tax);
    m.put("ok", ok);
    m.put("codes", codes);
    return m;
  }

  private static Table table(String name, List<Map<String, Object>> rows) {
    return new Table(name, COLS, rows, Map.of());
  }

  private static String csv(Table t, String lang) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableExport.csv(t, lang, out);
    byte[] b = out.toByteArray();
    assertEquals(0xEF, b[0] & 0xFF, "UTF-8 byte-order mark first");
    assertEquals(0xBB, b[1] & 0xFF);
    assertEquals(0xBF, b[2] & 0xFF);
    return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  void aCsvHasItsHeadersInTheChosenLanguageWithUnits() throws Exception {
    Table t = table("t", List.of(row("甲", 12.5, true, List.of("idle", "low_class")), row(null, null, null, null)));
    assertEquals("名称,亩均税收 (万元/亩),达标,原因\r\n甲,12.5,true,idle;low_class\r\n\"\",,,\r\n", csv(t, "zh"));
    assertEquals("Name,Tax per mu (万元/亩),Met,Reasons\r\n", csv(table("t", List.of()), "en"));
  }

  @Test
  void aCsvCellNeverRunsAsAFormulaButNumbersStayNumbers() throws Exception {
    for (String risky : List.of("=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "-", "=1")) {
      assertEquals("'" + risky, TableExport.neutralised(risky), risky);
    }
    for (String plain : List.of("-5", "+3.25", "-.5", "-1e5", "+2E-3", "-0.", "甲=乙", "a@b", "")) {
      assertEquals(plain, TableExport.neutralised(plain), plain);
    }
    Table t = table("t", List.of(row("=cmd|' /C calc'!A0", -3.5, false, List.of("=x", "y"))));
    String s = csv(t, "en");
    assertEquals("'=cmd|' /C calc'!A0,-3.5,false,'=x;y", s.split("\r\n")[1]);
  }

  @Test
  void anExcelSheetHoldsNumbersAsNumbersAndTextAsText() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("=1+1", 12.5, true, List.of("idle", "low_class")));
    rows.add(row("乙", null, null, null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String longName = "一个名字很长很长的表格：开发区亩均效益评价结果汇总表（按企业，含低效用地）";
    TableExport.xlsx(table(longName, rows), "zh", out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sh = wb.getSheetAt(0);
      assertEquals(longName.substring(0, 31), sh.getSheetName(), "Excel's limit is 31 characters");
      assertEquals(31, sh.getSheetName().length());
      Row h = sh.getRow(0);
      assertEquals("亩均税收 (万元/亩)", h.getCell(1).getStringCellValue());
      assertEquals("达标", h.getCell(2).getStringCellValue());
      Row r = sh.getRow(1);
      assertEquals(CellType.STRING, r.getCell(0).getCellType(), "text, never a formula");
      assertEquals("=1+1", r.getCell(0).getStringCellValue());
      assertEquals(CellType.NUMERIC, r.getCell(1).getCellType());
      assertEquals(12.5, r.getCell(1).getNumericCellValue());
      assertEquals(CellType.BOOLEAN, r.getCell(2).getCellType());
      assertEquals("idle;low_class", r.getCell(3).getStringCellValue());
      Row empty = sh.getRow(2);
      assertEquals("乙", empty.getCell(0).getStringCellValue());
      assertNull(empty.getCell(1), "no value: no cell");
      assertEquals(3, sh.getPhysicalNumberOfRows());
    }
    ByteArrayOutputStream en = new ByteArrayOutputStream();
    TableExport.xlsx(table("short", rows), "en", en);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(en.toByteArray()))) {
      assertEquals("short", wb.getSheetAt(0).getSheetName());
      assertEquals("Tax per mu (万元/亩)", wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue());
      assertFalse(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue().isEmpty());
    }
  }
}
