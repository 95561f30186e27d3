package zoneatlas.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * What a yearly-figures import writes, and that a file with any error writes nothing (survivors of
 * a PIT run over FigureImportService), on an embedded store of its own with the demo data: every
 * figure lands in its own column (counts as whole numbers), a clean file is committed and moves
 * the data version on, a bad one leaves store and version as they were, and a long error list is
 * cut at 500 saying how many more there are.
 */
class FigureImportRulesTest {
  static SqlStore store;
  /** {id, uscc} of two demo enterprises with 2024 figures. */
  static String[][] firms = new String[2][];

  @BeforeAll
  static void open() throws Exception {
    // loaded once per JVM (a mutation-testing minion runs this class once per mutant)
    if (store == null) {
      store = TestStores.h2Copy();
    }
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT e.id, e.uscc FROM enterprises e JOIN enterprise_figures f"
            + " ON f.enterprise_id = e.id AND f.year = 2024 ORDER BY e.id LIMIT 2");
        ResultSet rs = ps.executeQuery()) {
      for (int i = 0; i < 2; i++) {
        rs.next();
        firms[i] = new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  @BeforeEach
  void forgetTheYearsTheseTestsWrite() throws Exception {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM enterprise_figures WHERE year BETWEEN 2033 AND 2035");
        PreparedStatement meta = c.prepareStatement("DELETE FROM meta WHERE name = 'last_import'")) {
      ps.executeUpdate();
      meta.executeUpdate();
    }
  }

  private static FigureImportService service() {
    return new FigureImportService(store, 1_000_000);
  }

  private static final String ALL = "uscc,year,tax_wan,revenue_wan,value_added_wan,energy_tce,employees,rnd_wan,investment_wan,pollutant_eq\n";

  /** The eight figures of (enterprise, year) in the order of {@link #ALL}, null if no row. */
  static Object[] figures(String id, int year) throws Exception {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement("SELECT tax_wan, revenue_wan, value_added_wan, energy_tce, employees, rnd_wan,"
            + " investment_wan, pollutant_eq FROM enterprise_figures WHERE enterprise_id = ? AND year = ?")) {
      ps.setString(1, id);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Object[] o = new Object[8];
        for (int i = 0; i < 8; i++) {
          o[i] = rs.getObject(i + 1);
        }
        return o;
      }
    }
  }

  static String meta(String name) throws Exception {
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static void assertFigures(Object[] row, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], ((Number) row[i]).doubleValue(), 1e-9, "figure " + i);
    }
  }

  @Test
  void aCleanFileIsCommittedEachFigureInItsColumnAndTheVersionMovesOn() throws Exception {
    String v0 = meta("data_version");
    FigureImportService.Report r = service().importFile(Files.csv(ALL
        + firms[0][1] + ",2033,1.5,2.5,3.5,4.5,46,6.5,7.5,8.5\n"
        + firms[1][1] + ",2024,11.5,12.5,13.5,14.5,147,16.5,17.5,18.5\n"), "f.csv", null);
    assertTrue(r.ok(), r.errors().toString());
    assertEquals("csv", r.format());
    assertEquals(2, r.rows());
    assertEquals(1, r.inserted());
    assertEquals(1, r.updated());
    assertEquals(List.of(2024, 2033), r.years());
    assertEquals(List.of("tax_wan", "revenue_wan", "value_added_wan", "energy_tce", "employees", "rnd_wan",
        "investment_wan", "pollutant_eq"), r.columns());
    assertEquals(0, r.moreErrors());
    assertTrue(r.errors().isEmpty());
    // read on another connection: committed
    Object[] inserted = figures(firms[0][0], 2033);
    assertFigures(inserted, 1.5, 2.5, 3.5, 4.5, 46, 6.5, 7.5, 8.5);
    assertTrue(inserted[4] instanceof Integer || inserted[4] instanceof Long, "employees are a whole number: " + inserted[4].getClass());
    assertFigures(figures(firms[1][0], 2024), 11.5, 12.5, 13.5, 14.5, 147, 16.5, 17.5, 18.5);
    assertNotEquals(v0, meta("data_version"));
    assertEquals(r.dataVersion(), meta("data_version"));
    assertTrue(meta("last_import").endsWith(" 2 rows, years [2024, 2033]"), meta("last_import"));
  }

  @Test
  void anInsertWithoutSomeColumnsLeavesThemEmpty() throws Exception {
    FigureImportService.Report r = service().importFile(Files.csv("uscc,year,employees,pollutant_eq\n" + firms[1][1] + ",2034,9,\n"),
        "f.csv", null);
    assertTrue(r.ok(), r.errors().toString());
    Object[] row = figures(firms[1][0], 2034);
    assertEquals(9, ((Number) row[4]).intValue());
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 7}) {
      assertNull(row[i], "figure " + i);
    }
  }

  @Test
  void aFileWithAnyErrorWritesNothingAndKeepsTheVersion() throws Exception {
    String v0 = meta("data_version");
    String stranger = Files.uscc("91410100MA0000000");
    FigureImportService.Report r = service().importFile(Files.csv("uscc,year,tax_wan\n" + firms[0][1] + ",2035,1\n" + stranger
        + ",2035,2\n"), "f.csv", null);
    assertFalse(r.ok());
    assertEquals(0, r.inserted());
    assertEquals(0, r.updated());
    assertEquals(List.of(), r.years());
    assertNull(r.dataVersion());
    assertEquals(2, r.rows());
    assertEquals(List.of("tax_wan"), r.columns(), "the figure columns the file has");
    assertEquals(1, r.errors().size());
    assertNull(figures(firms[0][0], 2035), "the good row is not written either");
    assertEquals(v0, meta("data_version"));
  }

  @Test
  void aFileWithFormatErrorsIsNotCheckedAgainstTheStore() throws Exception {
    String stranger = Files.uscc("91410100MA0000001");
    FigureImportService.Report r = service().importFile(Files.csv("uscc,year,tax_wan\n" + stranger + ",2035,-1\n"), "f.csv", null);
    assertFalse(r.ok());
    assertEquals(1, r.errors().size(), "the bad value only; the unknown enterprise is not looked up: " + r.errors());
    assertEquals("tax_wan", r.errors().get(0).column());
  }

  @Test
  void aLongErrorListIsCutAt500SayingHowManyMore() throws Exception {
    for (int n : new int[] {500, 503}) {
      StringBuilder b = new StringBuilder("uscc,year,tax_wan\n");
      for (int i = 0; i < n; i++) {
        b.append(firms[0][1]).append(",1800,1\n");
      }
      FigureImportService.Report r = service().importFile(Files.csv(b.toString()), "f.csv", null);
      assertFalse(r.ok());
      assertEquals(500, r.errors().size(), "n=" + n);
      assertEquals(n - 500, r.moreErrors(), "n=" + n);
      assertEquals(2, r.errors().get(0).row());
    }
  }
}
