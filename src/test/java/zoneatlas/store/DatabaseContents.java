package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Every row of every table of a database, found from INFORMATION_SCHEMA rather than listed, so
 * tables added to the schema later are compared too. Values are rendered exactly (doubles by
 * their shortest round-trip text, geometries as EWKB with SRID), rows sorted, so two databases
 * compare equal only when each table holds the same multiset of rows.
 */
final class DatabaseContents {
  /** schema.table to its rows, each row as one exact string, sorted. */
  final Map<String, List<String>> tables;

  private DatabaseContents(Map<String, List<String>> tables) {
    this.tables = tables;
  }

  static DatabaseContents read(Connection c) throws SQLException {
    List<String[]> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_type = 'BASE TABLE'"
            + " AND LOWER(table_schema) NOT IN ('information_schema', 'pg_catalog')")) {
      while (rs.next()) {
        names.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    Map<String, List<String>> tables = new TreeMap<>();
    for (String[] n : names) {
      List<String> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + q(n[0]) + "." + q(n[1]))) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            b.append(i == 1 ? "" : " | ").append(md.getColumnLabel(i)).append('=').append(render(rs.getObject(i)));
          }
          rows.add(b.toString());
        }
      }
      rows.sort(null);
      tables.put(n[0] + "." + n[1], rows);
    }
    return new DatabaseContents(tables);
  }

  long rowCount(String table) {
    List<String> rows = tables.get(table);
    return rows == null ? -1 : rows.size();
  }

  /** Fails naming the first table and row that differ. */
  void assertSameAs(DatabaseContents expected, String what) {
    assertEquals(expected.tables.keySet(), tables.keySet(), what + ": the same tables");
    for (var e : expected.tables.entrySet()) {
      List<String> want = e.getValue();
      List<String> got = tables.get(e.getKey());
      if (!want.equals(got)) {
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
          String w = i < want.size() ? want.get(i) : "(no row)";
          String g = i < got.size() ? got.get(i) : "(no row)";
          if (!w.equals(g)) {
            fail(what + ": table " + e.getKey() + " differs (" + want.size() + " rows expected, " + got.size()
                + " found); first difference at sorted row " + i + ":\n expected " + w + "\n found    " + g);
          }
        }
      }
    }
  }

  private static String render(Object v) throws SQLException {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Geometry g) {
      return "SRID=" + g.getSRID() + ";" + HexFormat.of().formatHex(new WKBWriter(4, true).write(g));
    }
    if (v instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Array a) {
      return Arrays.deepToString((Object[]) a.getArray());
    }
    if (v instanceof Object[] arr) {
      return Arrays.deepToString(arr);
    }
    // PostGIS geometries arrive as PGobjects whose text is hex EWKB: exact as well
    return v.getClass().getSimpleName() + ":" + v;
  }

  private static String q(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
