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
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;

/**
 * Upserting yearly figures on both stores. Each test writes inside a transaction it rolls back,
 * so the shared demo data stays as loaded.
 */
abstract class FigureImportContract {
  abstract SqlStore store();

  private FigureImportService service() {
    return new FigureImportService(store(), 1_000_000);
  }

  /** Two real enterprises of the demo data: {id, uscc}. */
  private String[][] twoEnterprises(Connection c) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT e.id, e.uscc FROM enterprises e JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = 2024 "
            + "WHERE f.tax_wan IS NOT NULL AND f.energy_tce IS NOT NULL ORDER BY e.id LIMIT 2");
        ResultSet rs = ps.executeQuery()) {
      String[][] out = new String[2][];
      for (int i = 0; i < 2; i++) {
        rs.next();
        out[i] = new String[] {rs.getString(1), rs.getString(2)};
      }
      return out;
    }
  }

  private static Object[] figures(Connection c, String id, int year) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT tax_wan, energy_tce, employees FROM enterprise_figures WHERE enterprise_id = ? AND year = ?")) {
      ps.setString(1, id);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3)};
      }
    }
  }

  private static String version(Connection c) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT val FROM meta WHERE name = 'data_version'"); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void anImportUpdatesOnlyTheColumnsTheFileHasAndAddsNewYears() throws Exception {
    try (Connection c = store().connection()) {
      c.setAutoCommit(false);
      try {
        String[][] e = twoEnterprises(c);
        Object[] before = figures(c, e[0][0], 2024);
        String v0 = version(c);
        FigureFile.Parsed p = FigureFile.parse(Files.csv("统一社会信用代码,年份,税收\n" + e[0][1] + ",2024,987.5\n" + e[1][1] + ",2031,12\n"), null, null);
        FigureImportService.Report r = service().write(c, p);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(1, r.updated());
        assertEquals(1, r.inserted());
        assertEquals(List.of(2024, 2031), r.years());
        Object[] after = figures(c, e[0][0], 2024);
        assertEquals(987.5, ((Number) after[0]).doubleValue());
        assertEquals(((Number) before[1]).doubleValue(), ((Number) after[1]).doubleValue(), "energy is not in the file: kept");
        Object[] added = figures(c, e[1][0], 2031);
        assertEquals(12.0, ((Number) added[0]).doubleValue());
        assertNull(added[1]);
        assertNotEquals(v0, version(c), "the data version moves, so cached results are rebuilt");
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  void aBlankCellInAColumnTheFileHasClearsTheFigure() throws Exception {
    try (Connection c = store().connection()) {
      c.setAutoCommit(false);
      try {
        String[][] e = twoEnterprises(c);
        FigureImportService.Report r = service().write(c, FigureFile.parse(Files.csv("uscc,year,energy_tce,employees\n" + e[0][1] + ",2024,,33\n"), null, null));
        assertTrue(r.ok(), r.errors().toString());
        Object[] after = figures(c, e[0][0], 2024);
        assertNull(after[1]);
        assertEquals(33, ((Number) after[2]).intValue());
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  void anUnknownEnterpriseFailsTheWholeFileAndWritesNothing() throws Exception {
    try (Connection c = store().connection()) {
      c.setAutoCommit(false);
      try {
        String[][] e = twoEnterprises(c);
        Object[] before = figures(c, e[0][0], 2024);
        String stranger = Files.uscc("91410100MA0000000");
        FigureImportService.Report r = service().write(c, FigureFile.parse(Files.csv("uscc,year,tax_wan\n" + e[0][1] + ",2024,1\n" + stranger + ",2024,2\n"), null, null));
        assertFalse(r.ok());
        assertEquals(List.of(new FigureFile.RowError(3, "uscc", stranger, "no enterprise with this unified social credit code")), r.errors());
        assertEquals(((Number) before[0]).doubleValue(), ((Number) figures(c, e[0][0], 2024)[0]).doubleValue());
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }
}
