package zoneatlas.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.imports.FigureFile.RowError;

/** Reading yearly-figures files: headers in Chinese or English, encodings, and every error with row and column. */
class FigureFileTest {
  static final String A = Files.uscc("91410100MA12345XA");
  static final String B = Files.uscc("91410700MA9ABCDE1");

  @Test
  void chineseHeadersWithUnitsAreUnderstood() {
    FigureFile.Parsed p = FigureFile.parse(Files.csv("统一社会信用代码,年份,税收（万元）,营业收入(万元),从业人员\n"
        + A + ",2024,123.5,\"1,200\",45\n"), "figures.csv", null);
    assertTrue(p.ok(), p.errors().toString());
    assertEquals(List.of(FigureField.TAX, FigureField.REVENUE, FigureField.EMPLOYEES), p.fields());
    FigureFile.DataRow r = p.rows().get(0);
    assertEquals(2, r.row());
    assertEquals(A, r.uscc());
    assertEquals(2024, r.year());
    assertEquals(123.5, r.values().get(FigureField.TAX));
    assertEquals(1200.0, r.values().get(FigureField.REVENUE));
    assertEquals(45.0, r.values().get(FigureField.EMPLOYEES));
  }

  @Test
  void excelsChineseCsvInGb18030IsReadToo() {
    String text = "统一社会信用代码,年份,税收\n" + A + ",2023,10\n";
    FigureFile.Parsed p = FigureFile.parse(Files.csv(text, Charset.forName("GB18030")), "x.csv", "text/csv");
    assertTrue(p.ok(), p.errors().toString());
    assertEquals(10.0, p.rows().get(0).values().get(FigureField.TAX));
    FigureFile.Parsed bom = FigureFile.parse(Files.csv("\uFEFF" + text), "x.csv", null);
    assertTrue(bom.ok(), bom.errors().toString());
  }

  @Test
  void aBlankCellMeansNotReportedAndBlankRowsAreSkipped() {
    FigureFile.Parsed p = FigureFile.parse(Files.csv("uscc,year,tax_wan,energy_tce\n" + A + ",2024,5,\n,,,\n" + B + ",2024,-,7\n"), null, null);
    assertTrue(p.ok(), p.errors().toString());
    assertEquals(2, p.rows().size());
    assertTrue(p.rows().get(0).values().containsKey(FigureField.ENERGY));
    assertNull(p.rows().get(0).values().get(FigureField.ENERGY));
    assertNull(p.rows().get(1).values().get(FigureField.TAX));
    assertEquals(4, p.rows().get(1).row());
  }

  @Test
  void everyBadCellIsReportedWithRowAndColumn() {
    FigureFile.Parsed p = FigureFile.parse(Files.csv("uscc,year,税收,从业人员\n"
        + A + ",2024,abc,10\n"
        + "91410100MA12345XAX,2024,1,1\n"
        + B + ",24,1,1\n"
        + B + ",2024,-3,2.5\n"
        + A + ",2024,1,1\n"
        + ",2024,1,1\n"), null, null);
    assertFalse(p.ok());
    List<RowError> e = p.errors();
    assertTrue(e.contains(new RowError(2, "税收", "abc", "must be a number (blank if not reported)")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.row() == 3 && x.column().equals("uscc") && x.message().contains("check character")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.row() == 4 && x.column().equals("year")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.row() == 5 && x.column().equals("税收") && x.message().contains("negative")), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.row() == 5 && x.column().equals("从业人员") && x.message().contains("whole")), e.toString());
    assertTrue(e.stream().noneMatch(x -> x.row() == 6), "row 6 repeats row 2, whose values were bad: not a duplicate of a clean row");
    assertTrue(e.stream().anyMatch(x -> x.row() == 7 && x.message().startsWith("required")), e.toString());
  }

  @Test
  void theSameEnterpriseAndYearTwiceIsAnError() {
    FigureFile.Parsed p = FigureFile.parse(Files.csv("uscc,year,tax_wan\n" + A + ",2024,1\n" + A + ",2023,1\n" + A + ",2024,2\n"), null, null);
    assertEquals(List.of(new RowError(4, "uscc", A, "same enterprise and year as row 2 (2024)")), p.errors());
  }

  @Test
  void headerProblemsStopTheFileAtRowOne() {
    FigureFile.Parsed p = FigureFile.parse(Files.csv("uscc,taxx\n" + A + ",1\n"), null, null);
    assertTrue(p.errors().stream().anyMatch(x -> x.row() == 1 && "taxx".equals(x.column()) && x.message().startsWith("unknown column")));
    assertTrue(p.errors().stream().anyMatch(x -> x.row() == 1 && "year".equals(x.column()) && x.message().startsWith("required column")));
    assertTrue(FigureFile.parse(Files.csv("uscc,year,企业名称\n" + A + ",2024,某公司\n"), null, null).errors().get(0).message()
        .startsWith("no figure column"));
    assertTrue(FigureFile.parse(new byte[0], null, null).errors().get(0).message().startsWith("the file is empty"));
  }

  @Test
  void anExcelWorkbookIsReadWithSpreadsheetRowNumbers() throws Exception {
    byte[] x = Files.xlsx(new Object[] {"统一社会信用代码", "年份", "税收(万元)", "综合能耗(吨标准煤)"},
        new Object[] {A, 2024, 88.25, 12},
        new Object[] {},
        new Object[] {B, 2024, "n/a", 3});
    FigureFile.Parsed p = FigureFile.parse(x, "figures.xlsx", null);
    assertEquals("xlsx", p.format());
    assertEquals(1, p.rows().size());
    assertEquals(88.25, p.rows().get(0).values().get(FigureField.TAX));
    assertEquals(List.of(new RowError(4, "税收(万元)", "n/a", "must be a number (blank if not reported)")), p.errors());
  }

  @Test
  void anOldXlsFileIsRefusedWithAHint() {
    FigureFile.Parsed p = FigureFile.parse(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "old.xls", null);
    assertTrue(p.errors().get(0).message().contains(".xlsx"));
  }
}
