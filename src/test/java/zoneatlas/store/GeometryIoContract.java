package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * {@link Dialect#bindGeometry} and {@link Dialect#readGeometry} on each store: what goes in
 * through a plain {@code ?} comes back from a plain column bit for bit, in SRID 4490, into columns
 * typed as the schema types them. Each test works in a table of its own inside a transaction it
 * rolls back, so a shared store stays as it was.
 */
abstract class GeometryIoContract {
  /** SRID 0 on purpose: binding is what puts geometries in 4490. */
  static final GeometryFactory GF = new GeometryFactory();

  abstract SqlStore store();

  /** Coordinates with all 17 significant digits, so a decimal or float detour would show. */
  static Geometry polygon() {
    LinearRing shell = GF.createLinearRing(new Coordinate[] {c(113.6412345678901, 34.75432109876543),
        c(113.6498765432109, 34.75432109876543), c(113.6498765432109, 34.76123456789012),
        c(113.6412345678901, 34.76123456789012), c(113.6412345678901, 34.75432109876543)});
    LinearRing hole = GF.createLinearRing(new Coordinate[] {c(113.6443210987654, 34.75712345678901),
        c(113.6456789012345, 34.75712345678901), c(113.6456789012345, 34.75898765432109),
        c(113.6443210987654, 34.75712345678901)});
    return GF.createPolygon(shell, new LinearRing[] {hole});
  }

  static Geometry line() {
    return GF.createLineString(new Coordinate[] {c(113.70000000000001, 34.7), c(113.71234567890123, 34.71987654321098),
        c(113.7300000000001, 34.70000000000002)});
  }

  static Geometry point() {
    return GF.createPoint(c(113.68765432109876, 34.79999999999999));
  }

  static Coordinate c(double x, double y) {
    return new Coordinate(x, y);
  }

  /** A scratch table with the schema's column types, in the caller's open transaction. */
  static void create(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INTEGER, poly geometry(Polygon, 4490), line geometry(LineString, 4490),"
          + " pt geometry(Point, 4490), anything geometry(Geometry, 4490))");
    }
  }

  interface Work {
    void run(Connection c, Dialect d) throws Exception;
  }

  void inRolledBackTransaction(Work w) throws Exception {
    try (Connection c = store().connection()) {
      c.setAutoCommit(false);
      try {
        w.run(c, store().dialect());
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  static void assertSame(Geometry expected, Geometry actual) {
    assertEquals(expected.getGeometryType(), actual.getGeometryType());
    assertEquals(Dialect.SRID, actual.getSRID());
    assertTrue(expected.equalsExact(actual), () -> expected + " came back as " + actual);
    Coordinate[] e = expected.getCoordinates();
    Coordinate[] a = actual.getCoordinates();
    assertEquals(e.length, a.length);
    for (int i = 0; i < e.length; i++) {
      assertArrayEquals(new double[] {e[i].x, e[i].y}, new double[] {a[i].x, a[i].y}, 0.0, "vertex " + i);
    }
  }

  @Test
  void polygonLineStringPointAndNullRoundTripExactly() throws Exception {
    inRolledBackTransaction((c, d) -> {
      create(c, "geometry_io_round_trip");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO geometry_io_round_trip VALUES (?, ?, ?, ?, ?)")) {
        ps.setInt(1, 1);
        d.bindGeometry(ps, 2, polygon());
        d.bindGeometry(ps, 3, line());
        d.bindGeometry(ps, 4, point());
        d.bindGeometry(ps, 5, line());
        ps.addBatch();
        ps.setInt(1, 2);
        for (int i = 2; i <= 5; i++) {
          d.bindGeometry(ps, i, null);
        }
        ps.addBatch();
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT poly, line, pt, anything, ST_SRID(poly), ST_SRID(anything) FROM geometry_io_round_trip ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertSame(polygon(), d.readGeometry(rs, 1));
        assertSame(line(), d.readGeometry(rs, 2));
        assertSame(point(), d.readGeometry(rs, 3));
        assertSame(line(), d.readGeometry(rs, "anything"));
        assertEquals(Dialect.SRID, rs.getInt(5), "SRID stored in the database");
        assertEquals(Dialect.SRID, rs.getInt(6), "SRID stored in the database");
        assertTrue(rs.next());
        for (int i = 1; i <= 4; i++) {
          assertNull(d.readGeometry(rs, i));
        }
        assertFalse(rs.next());
      }
    });
  }

  @Test
  void boundGeometriesWorkAsQueryParameters() throws Exception {
    inRolledBackTransaction((c, d) -> {
      create(c, "geometry_io_params");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO geometry_io_params (id, poly) VALUES (?, ?)")) {
        ps.setInt(1, 1);
        d.bindGeometry(ps, 2, polygon());
        ps.executeUpdate();
      }
      Envelope e = polygon().getEnvelopeInternal();
      Geometry around = GF.toGeometry(new Envelope(e.getMinX() - 0.001, e.getMaxX() + 0.001, e.getMinY() - 0.001,
          e.getMaxY() + 0.001));
      Geometry away = GF.toGeometry(new Envelope(114, 114.01, 35, 35.01));
      // the shapes of the site and summary statements: the index test, then the exact one
      String sql = "SELECT id FROM geometry_io_params WHERE poly && ? AND ST_Intersects(poly, ?)"
          + " AND ST_Contains(?, ST_PointOnSurface(poly))";
      assertEquals(List.of(1), ids(c, d, sql, around));
      assertEquals(List.of(), ids(c, d, sql, away));
      assertEquals(List.of(), ids(c, d, sql, null));
    });
  }

  static List<Integer> ids(Connection c, Dialect d, String sql, Geometry g) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i <= 3; i++) {
        d.bindGeometry(ps, i, g);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }
}
