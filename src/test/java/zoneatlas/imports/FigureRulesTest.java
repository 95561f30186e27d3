package zoneatlas.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.imports.FigureFile.RowError;

/**
 * The edges of a yearly-figures file (survivors of a PIT run over FigureFile): which reader a
 * file gets, where the header is, the year and value limits, and the rows and columns errors name.
 */
class FigureRulesTest {
  static final String A = FigureFileTest.A;
  static final String B = FigureFileTest.B;

  static FigureFile.Parsed csv(String text) {
    return FigureFile.parse(Files.csv(text), "f.csv", null);
  }

  @Test
  void theReaderIsChosenByTheBytesThenTheNameThenTheType() {
    assertEquals("xlsx", FigureFile.detect(new byte[] {'P', 'K', 3, 4}, "a.csv", "text/csv"));
    assertEquals("csv", FigureFile.detect(new byte[] {'P', 'K', 3, 5}, null, null));
    assertEquals("csv", FigureFile.detect(new byte[] {'P', 'K', 3}, null, null));
    assertEquals("csv", FigureFile.detect(new byte[] {'P', 'K', 4, 4}, null, null));
    assertEquals("csv", FigureFile.detect(new byte[] {'P', 'J', 3, 4}, null, null));
    assertEquals("csv", FigureFile.detect(new byte[] {'Q', 'K', 3, 4}, null, null));
    assertEquals("xls", FigureFile.detect(new byte[0], "OLD.XLS", null));
    assertEquals("xls", FigureFile.detect(new byte[0], null, "application/vnd.ms-excel"));
    assertEquals("xlsx", FigureFile.detect(new byte[0], "New.XLSX", null));
    assertEquals("xlsx", FigureFile.detect(new byte[0], null,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertEquals("csv", FigureFile.detect(new byte[0], "a.txt", "text/plain"));
  }

  @Test
  void aZipThatIsNoWorkbookIsOneErrorAtRowZero() {
    FigureFile.Parsed p = FigureFile.parse(new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "f.xlsx", null);
    assertEquals("xlsx", p.format());
    assertEquals(1, p.errors().size());
    assertEquals(0, p.errors().get(0).row());
    assertTrue(p.errors().get(0).message().startsWith("not a readable .xlsx workbook: "), p.errors().toString());
    assertTrue(p.rows().isEmpty() && p.fields().isEmpty());
  }

  @Test
  void textIsUtf8WithOrWithoutItsMarkElseGb18030() {
    assertEquals("税收", FigureFile.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xE7, (byte) 0xA8,
        (byte) 0x8E, (byte) 0xE6, (byte) 0x94, (byte) 0xB6}));
    assertEquals("税收", FigureFile.decode("税收".getBytes(Charset.forName("GB18030"))));
    assertEquals("ab", FigureFile.decode(new byte[] {'a', 'b'}));
    assertEquals("\u00EF\u00BB", FigureFile.decode(new byte[] {(byte) 0xC3, (byte) 0xAF, (byte) 0xC2, (byte) 0xBB}));
  }

  @Test
  void tabsAndSemicolonsSeparateWhenTheHeaderHasNoComma() {
    FigureFile.Parsed tab = csv("uscc\tyear\ttax_wan\n" + A + "\t2024\t1,5\n");
    assertTrue(tab.ok(), tab.errors().toString());
    assertEquals(15.0, tab.rows().get(0).values().get(FigureField.TAX), "a comma in a number is a thousands separator");
    FigureFile.Parsed semi = csv("uscc;year;tax_wan\n" + A + ";2024;2\n");
    assertTrue(semi.ok(), semi.errors().toString());
    assertEquals(2.0, semi.rows().get(0).values().get(FigureField.TAX));
    FigureFile.Parsed both = csv("uscc,year,tax_wan;x\n");
    assertTrue(both.errors().stream().anyMatch(e -> "tax_wan;x".equals(e.column())), both.errors().toString());
  }

  @Test
  void aLeadingSeparatorStillNamesTheSeparator() {
    // an empty first header cell: the separator is the first character
    assertTrue(csv("\tuscc\tyear\ttax_wan\n\t" + A + "\t2024\t1\n").ok());
    assertTrue(csv(";uscc;year;tax_wan\n;" + A + ";2024;1\n").ok());
    FigureFile.Parsed comma = csv(",uscc,year,tax_wan,note\t\n," + A + ",2024,1,x\n");
    assertTrue(comma.ok(), "a comma wins over a tab, even at the start: " + comma.errors());
  }

  @Test
  void aByteOrderMarkAloneIsAnEmptyFile() {
    assertEquals("", FigureFile.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    assertTrue(FigureFile.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "f.csv", null).errors().get(0).message()
        .startsWith("the file is empty"));
  }

  @Test
  void anUnreadableCsvIsOneErrorAtRowZero() {
    FigureFile.Parsed p = csv("uscc,year,tax_wan\n" + A + ",\"2024,1\n");
    assertEquals(1, p.errors().size(), p.errors().toString());
    assertEquals(0, p.errors().get(0).row());
    assertTrue(p.errors().get(0).message().startsWith("not readable as CSV: "), p.errors().toString());
  }

  @Test
  void blankRowsAboveTheHeaderAreSkippedAndRowsKeepTheirNumbers() {
    FigureFile.Parsed p = csv("\n,,\nuscc,,year,tax_wan\n" + A + ",x,2024,3\n");
    assertTrue(p.ok(), p.errors().toString());
    assertEquals(4, p.rows().get(0).row());
    assertEquals(List.of(new RowError(4, null, null, "no data rows under the header")), csv("\n,\nuscc,year,tax_wan\n,,\n").errors());
    assertEquals("the file is empty: it needs a header row with uscc, year and figure columns", csv("\n , \n").errors().get(0).message());
  }

  @Test
  void headersAreUnderstoodOnceAndNamesOrNumbersAreIgnored() {
    FigureFile.Parsed twice = csv("uscc,year,税收,tax_wan\n" + A + ",2024,1,2\n");
    assertEquals(List.of(new RowError(1, "tax_wan", "tax_wan", "column given twice (also as '税收')")), twice.errors());
    FigureFile.Parsed ignored = csv("序号,企业名称,uscc,year,tax_wan,备注\n1,某公司," + A + ",2024,1,x\n");
    assertTrue(ignored.ok(), ignored.errors().toString());
    FigureFile.Parsed none = csv("tax_wan\n1\n");
    assertEquals(List.of(new RowError(1, "uscc", null, "required column missing (uscc)"),
        new RowError(1, "year", null, "required column missing (year)")), none.errors());
    assertTrue(none.rows().isEmpty());
    assertEquals(List.of(FigureField.TAX), none.fields());
    String unknown = csv("uscc,year,tax_wan,x\n").errors().get(0).message();
    assertTrue(unknown.contains("tax_wan, revenue_wan") && !unknown.contains("uscc, year, uscc"), unknown);
  }

  @Test
  void yearsAreWholeYearsFrom1990To2100() {
    FigureFile.Parsed p = csv("uscc,year,tax_wan\n" + A + ",1990,1\n" + A + ",2100,1\n" + A + ",2024.0,1\n"
        + B + ",1989,1\n" + B + ",2101,1\n" + B + ",2024.5,1\n" + B + ",,1\n");
    assertEquals(List.of(1990, 2100, 2024), p.rows().stream().map(FigureFile.DataRow::year).toList());
    assertEquals(List.of(5, 6, 7, 8), p.errors().stream().map(RowError::row).toList());
    assertEquals(new RowError(8, "year", "", "must be a year from 1990 to 2100"), p.errors().get(3));
  }

  @Test
  void valuesAreNonNegativeFiniteNumbersAndWholeWhereCounted() {
    FigureFile.Parsed p = csv("uscc,year,tax_wan,从业人员\n" + A + ",2024,0,2.0\n" + A + ",2023,\"1，200\",—\n"
        + B + ",2024,NaN,1\n" + B + ",2023,Infinity,1\n" + B + ",2022,-0.01,1\n" + B + ",2021,1,0.5\n");
    assertEquals(2, p.rows().size(), p.errors().toString());
    assertEquals(0.0, p.rows().get(0).values().get(FigureField.TAX));
    assertEquals(2.0, p.rows().get(0).values().get(FigureField.EMPLOYEES));
    assertEquals(1200.0, p.rows().get(1).values().get(FigureField.TAX));
    assertNull(p.rows().get(1).values().get(FigureField.EMPLOYEES));
    assertEquals(List.of(new RowError(4, "tax_wan", "NaN", "must be a number (blank if not reported)"),
        new RowError(5, "tax_wan", "Infinity", "must be a number (blank if not reported)"),
        new RowError(6, "tax_wan", "-0.01", "must not be negative"),
        new RowError(7, "从业人员", "0.5", "must be a whole number")), p.errors());
  }

  @Test
  void creditCodesAreReadInCapitalsAndARowMayBeShort() {
    FigureFile.Parsed p = csv("uscc,year,tax_wan,energy_tce\n" + A.toLowerCase() + ",2024,5\n");
    assertTrue(p.ok(), p.errors().toString());
    assertEquals(A, p.rows().get(0).uscc());
    assertNull(p.rows().get(0).values().get(FigureField.ENERGY), "a missing cell is a blank one");
    assertTrue(p.rows().get(0).values().containsKey(FigureField.ENERGY));
  }

  @Test
  void aDuplicateIsNamedWithTheRowItRepeats() {
    FigureFile.Parsed p = csv("uscc,year,tax_wan\n" + A + ",2024,1\n" + B + ",2024,1\n" + A + ",2024,2\n" + A + ",2024,3\n");
    assertEquals(List.of(new RowError(4, "uscc", A, "same enterprise and year as row 2 (2024)"),
        new RowError(5, "uscc", A, "same enterprise and year as row 2 (2024)")), p.errors());
    assertEquals(2, p.rows().size());
  }

  @Test
  void theInnermostCauseSpeaks() {
    Exception e = new RuntimeException("outer", new IllegalStateException("middle", new java.io.IOException("the zip is cut short")));
    assertEquals("the zip is cut short", FigureFile.rootMessage(e));
    assertEquals("null", FigureFile.rootMessage(new RuntimeException()));
    assertEquals("alone", FigureFile.rootMessage(new RuntimeException("alone")));
  }

  @Test
  void anXlsxKeepsNumbersInFullAndReadsFormulasAndBooleans() throws Exception {
    byte[] x = Files.xlsx(new Object[] {"uscc", "year", "tax_wan", "revenue_wan"},
        new Object[] {A, 2024, 1234567.125, 1e20},
        new Object[] {B, 2024.0, "12", true});
    FigureFile.Parsed p = FigureFile.parse(x, null, null);
    assertEquals(1234567.125, p.rows().get(0).values().get(FigureField.TAX));
    assertEquals(1e20, p.rows().get(0).values().get(FigureField.REVENUE));
    assertEquals(List.of(new RowError(3, "revenue_wan", "true", "must be a number (blank if not reported)")), p.errors());
  }

  @Test
  void headersIgnoreUnitsSpacesCaseAndTheByteOrderMark() {
    assertEquals(FigureField.TAX, FigureField.byHeader("\uFEFF 税收 （万元）").orElseThrow());
    assertEquals(FigureField.RND, FigureField.byHeader("R&D经费(万元)").orElseThrow());
    assertEquals(FigureField.USCC, FigureField.byHeader("Credit_Code").orElseThrow());
    assertFalse(FigureField.byHeader("税").isPresent());
    assertEquals("", FigureField.normalise(null));
    assertFalse(FigureField.USCC.figure());
    assertFalse(FigureField.YEAR.figure());
    assertTrue(FigureField.TAX.figure());
  }
}
