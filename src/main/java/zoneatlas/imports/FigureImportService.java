package zoneatlas.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import zoneatlas.history.Change;
import zoneatlas.history.ChangeLog;
import zoneatlas.imports.FigureFile.RowError;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;
import zoneatlas.store.Transactions;

/**
 * Imports yearly enterprise figures keyed by unified social credit code: checks the whole file
 * first (format, values, known enterprises, duplicates), then upserts by (enterprise, year) in
 * one transaction and moves the data version on, so cached mu-efficiency results are rebuilt.
 * A file with any error writes nothing. Past years stay, so trends can be drawn. Thread-safe.
 */
public final class FigureImportService {
  /** Errors listed in a response; a file with more says how many were left off. */
  static final int MAX_ERRORS = 500;
  private static final FigureField[] FIGURES = {FigureField.TAX, FigureField.REVENUE, FigureField.VALUE_ADDED,
    FigureField.ENERGY, FigureField.EMPLOYEES, FigureField.RND, FigureField.INVESTMENT, FigureField.POLLUTANT};
  private final Store store;
  private final long maxBytes;

  public FigureImportService(Store store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * What an import did, or why it did nothing.
   *
   * @param moreErrors errors found beyond the {@link #MAX_ERRORS} listed
   */
  public record Report(boolean ok, String format, int rows, int inserted, int updated, List<Integer> years,
      List<String> columns, List<RowError> errors, int moreErrors, String dataVersion) {}

  /** Checks and, when clean, writes the file in its own transaction, recorded as a change by the server. */
  public Report importFile(byte[] bytes, String filename, String contentType) throws SQLException {
    return importFile(bytes, filename, contentType, Change.system("import-figures", "enterprises", null));
  }

  /** As above, recorded as {@code ch} (who, why, which request) in the change history. */
  public Report importFile(byte[] bytes, String filename, String contentType, Change ch) throws SQLException {
    FigureFile.Parsed p = FigureFile.parse(bytes, filename, contentType);
    return Transactions.run(store, c -> {
      Report r = write(c, p, ch);
      if (!r.ok()) {
        c.rollback();
      }
      return r;
    });
  }

  /**
   * Checks the parsed file against the store and writes it on the caller's connection, without
   * committing: the caller commits, or rolls back (as tests do).
   */
  public Report write(Connection c, FigureFile.Parsed p) throws SQLException {
    return write(c, p, Change.system("import-figures", "enterprises", null));
  }

  /** As above, recording the import as {@code ch} in the change history (in the same transaction). */
  public Report write(Connection c, FigureFile.Parsed p, Change ch) throws SQLException {
    List<RowError> errors = new ArrayList<>(p.errors());
    Map<String, String> idByUscc = new HashMap<>();
    if (errors.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(store.sql("imports_enterprise_ids"))) {
        ps.setQueryTimeout(store.queryTimeoutSeconds());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            idByUscc.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      for (FigureFile.DataRow r : p.rows()) {
        if (!idByUscc.containsKey(r.uscc())) {
          errors.add(new RowError(r.row(), FigureField.USCC.column, r.uscc(), "no enterprise with this unified social credit code"));
        }
      }
    }
    List<String> cols = p.fields().stream().map(f -> f.column).toList();
    if (!errors.isEmpty()) {
      int more = Math.max(0, errors.size() - MAX_ERRORS);
      return new Report(false, p.format(), p.rows().size(), 0, 0, List.of(), cols,
          List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS))), more, null);
    }
    Set<Integer> years = new TreeSet<>();
    p.rows().forEach(r -> years.add(r.year()));
    Map<Integer, Set<String>> existing = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(store.sql("imports_existing_figures"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      for (int y : years) {
        Set<String> ids = new HashSet<>();
        ps.setInt(1, y);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        existing.put(y, ids);
      }
    }
    int inserted = 0;
    int updated = 0;
    try (PreparedStatement up = c.prepareStatement(store.sql("imports_update_figures"));
        PreparedStatement ins = c.prepareStatement(store.sql("insert_figures"))) {
      up.setQueryTimeout(store.queryTimeoutSeconds());
      ins.setQueryTimeout(store.queryTimeoutSeconds());
      for (FigureFile.DataRow r : p.rows()) {
        String id = idByUscc.get(r.uscc());
        if (existing.get(r.year()).contains(id)) {
          int i = 1;
          for (FigureField f : FIGURES) {
            boolean present = r.values().containsKey(f);
            up.setBoolean(i++, present);
            set(up, i++, f, present ? r.values().get(f) : null);
          }
          up.setString(i++, id);
          up.setInt(i, r.year());
          up.addBatch();
          updated++;
        } else {
          ins.setString(1, id);
          ins.setInt(2, r.year());
          int i = 3;
          for (FigureField f : FIGURES) {
            set(ins, i++, f, r.values().get(f));
          }
          ins.addBatch();
          inserted++;
        }
      }
      up.executeBatch();
      ins.executeBatch();
    }
    // figures are not features: the trail holds the import itself, not a version per enterprise
    new ChangeLog(store, c).open(ch, "rows " + p.rows().size() + ", years " + years + ", inserted " + inserted
        + ", updated " + updated, 0);
    String version = System.currentTimeMillis() + "-import-" + Long.toHexString(System.nanoTime());
    DataWriter w = new DataWriter(store, c);
    w.meta("data_version", version);
    w.meta("last_import", java.time.Instant.now() + " " + p.rows().size() + " rows, years " + years);
    return new Report(true, p.format(), p.rows().size(), inserted, updated, List.copyOf(years), cols, List.of(), 0, version);
  }

  private static void set(PreparedStatement ps, int i, FigureField f, Double v) throws SQLException {
    if (f.integer) {
      if (v == null) {
        ps.setNull(i, Types.INTEGER);
      } else {
        ps.setInt(i, (int) Math.rint(v));
      }
    } else if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
