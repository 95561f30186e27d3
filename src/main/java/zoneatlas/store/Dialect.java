package zoneatlas.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import net.postgis.jdbc.jts.JtsBinaryWriter;
import net.postgis.jdbc.jts.JtsGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * The two SQL dialects ZoneAtlas runs on. Statements that differ live side by side as {@code
 * sql/postgis/NAME.sql} and {@code sql/h2gis/NAME.sql}; statements that are the same live once in
 * {@code sql/common/NAME.sql}. Small fragments that queries are built from are methods here.
 *
 * <p>Geometries cross JDBC as JTS objects on both stores (H2GIS does so natively, PostGIS through
 * postgis-jdbc-jts, see {@link PostgisStore}), so a geometry is a plain {@code ?} or a plain
 * {@code geom} column in the SQL text of either.
 */
public enum Dialect {
  POSTGIS("postgis"),
  H2GIS("h2gis");

  /** Every stored geometry is CGCS2000 lon/lat. */
  public static final int SRID = 4490;

  public final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * GeoJSON text of a geometry expression with at most {@code decimals} decimals, as RFC 7946 has it:
   * no {@code "crs"} member (PostGIS writes one for any SRID but 4326 unless its options say 0; H2GIS
   * writes none).
   */
  public String asGeoJson(String geomExpr, int decimals) {
    return switch (this) {
      case POSTGIS -> "ST_AsGeoJSON(" + geomExpr + ", " + decimals + ", 0)";
      // H2GIS has no precision argument; ST_PrecisionReducer rounds to the same number of decimals
      case H2GIS -> "ST_AsGeoJSON(ST_PrecisionReducer(" + geomExpr + ", " + decimals + "))";
    };
  }

  /**
   * The geometry in a result column, or null for SQL NULL; its SRID is always {@value #SRID}.
   * PostGIS hands out a {@link JtsGeometry} (the pool registers the type), H2 the JTS object.
   */
  public Geometry readGeometry(ResultSet rs, int column) throws SQLException {
    Object o = rs.getObject(column);
    Geometry g;
    if (o == null) {
      return null;
    } else if (o instanceof JtsGeometry pg) {
      g = pg.getGeometry();
    } else if (o instanceof Geometry jts) {
      g = jts;
    } else {
      // a PGobject here means a connection that did not come from PostgisStore's pool
      throw new SQLException("column " + column + " is not a JTS geometry on " + this + " but a "
          + o.getClass().getName());
    }
    g.setSRID(SRID);
    return g;
  }

  /** As {@link #readGeometry(ResultSet, int)}, by column label. */
  public Geometry readGeometry(ResultSet rs, String column) throws SQLException {
    return readGeometry(rs, rs.findColumn(column));
  }

  /**
   * Binds a geometry to a plain {@code ?}, in {@value #SRID} so it fits the typed columns and the
   * {@code &&} tests against them; null binds a typed SQL NULL. Sets the SRID on {@code g} itself
   * when it has another: every geometry the application holds is in CGCS2000 lon/lat already, and
   * a copy per row would cost bulk loads.
   */
  public void bindGeometry(PreparedStatement ps, int index, Geometry g) throws SQLException {
    if (g == null) {
      if (this == POSTGIS) {
        // an untyped NULL leaves the server to guess, and ST_Contains(?, ...) or ? && geom can then be ambiguous
        ps.setNull(index, Types.OTHER, "geometry");
      } else {
        ps.setNull(index, Types.OTHER);
      }
      return;
    }
    if (g.getSRID() != SRID) {
      g.setSRID(SRID);
    }
    switch (this) {
      case POSTGIS -> ps.setObject(index, new JtsGeometry(flat(g)));
      case H2GIS -> ps.setObject(index, g);
    }
  }

  /** A bound envelope (minx, miny, maxx, maxy) in the given SRID. */
  public String envelopeParam(int srid) {
    return "ST_MakeEnvelope(?, ?, ?, ?, " + srid + ")";
  }

  /**
   * {@code g} without Z or M. The columns are 2D and the old WKB path wrote 2D only, whereas the
   * EWKB writer of postgis-jdbc-jts writes a Z it finds, which a 2D column refuses.
   */
  private static Geometry flat(Geometry g) {
    boolean[] deeper = {false};
    g.apply((GeometryComponentFilter) c -> {
      if (c instanceof LineString l) {
        deeper[0] |= JtsBinaryWriter.getCoordSequenceDim(l.getCoordinateSequence()) > 2;
      } else if (c instanceof Point p) {
        deeper[0] |= JtsBinaryWriter.getCoordSequenceDim(p.getCoordinateSequence()) > 2;
      }
    });
    if (!deeper[0]) {
      return g;
    }
    Geometry out = new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence s, Geometry parent) {
        Coordinate[] c = new Coordinate[s.size()];
        for (int i = 0; i < c.length; i++) {
          c[i] = new CoordinateXY(s.getX(i), s.getY(i));
        }
        return factory.getCoordinateSequenceFactory().create(c);
      }
    }.transform(g);
    out.setSRID(SRID);
    return out;
  }
}
