package zoneatlas.imports.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which source column feeds which parcel field: the user's mapping parameters first, then, for
 * fields left open, a column named like one of the field's guesses. An empty parameter
 * ({@code area_m2=}) turns a field's guessing off.
 */
final class ColumnMapping {
  private final Map<ParcelField, String> columns;
  private final Set<ParcelField> guessed;

  private ColumnMapping(Map<ParcelField, String> columns, Set<ParcelField> guessed) {
    this.columns = columns;
    this.guessed = guessed;
  }

  /**
   * @param explicit field → column as the request gives it (blank value: do not map)
   * @param tabular whether the source is a CSV or spreadsheet, where geometry comes from columns
   */
  static ColumnMapping resolve(List<String> available, Map<ParcelField, String> explicit, boolean tabular) {
    Map<ParcelField, String> cols = new EnumMap<>(ParcelField.class);
    Set<String> used = new HashSet<>();
    for (var e : explicit.entrySet()) {
      ParcelField f = e.getKey();
      if (f.geometryColumn() && !tabular) {
        throw new ImportFailure(f.param, f.param + ": geometry columns are only mapped for CSV and spreadsheet files;"
            + " this format carries its own geometry");
      }
      String want = e.getValue() == null ? "" : e.getValue().strip();
      if (want.isEmpty()) {
        continue;
      }
      String col = find(available, want);
      if (col == null) {
        throw new ImportFailure(f.param, f.param + ": the file has no column '" + want + "'; its columns are " + available);
      }
      cols.put(f, col);
      used.add(col);
    }
    Set<ParcelField> guessed = java.util.EnumSet.noneOf(ParcelField.class);
    for (ParcelField f : ParcelField.values()) {
      if (explicit.containsKey(f) || (f.geometryColumn() && !tabular)) {
        continue;
      }
      for (String g : f.guesses) {
        String col = find(available, g);
        if (col != null && !used.contains(col)) {
          cols.put(f, col);
          used.add(col);
          guessed.add(f);
          break;
        }
      }
    }
    return new ColumnMapping(Collections.unmodifiableMap(cols), guessed);
  }

  /** The column named {@code want}: exactly, else ignoring case, spaces and underscores. */
  static String find(List<String> available, String want) {
    for (String c : available) {
      if (c.equals(want)) {
        return c;
      }
    }
    String k = ParcelField.key(want);
    for (String c : available) {
      if (ParcelField.key(c).equals(k)) {
        return c;
      }
    }
    return null;
  }

  String column(ParcelField f) {
    return columns.get(f);
  }

  boolean has(ParcelField f) {
    return columns.containsKey(f);
  }

  /** For the report: field → column, and which of them were guessed. */
  Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    columns.forEach((f, c) -> m.put(f.param, c));
    return m;
  }

  List<String> guessedFields() {
    List<String> l = new ArrayList<>();
    guessed.forEach(f -> l.add(f.param));
    return l;
  }

  /** Columns nothing reads, so the user sees what the import ignored. */
  List<String> unused(List<String> available) {
    List<String> l = new ArrayList<>(available);
    l.removeAll(columns.values());
    return l;
  }
}
