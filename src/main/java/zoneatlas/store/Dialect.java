package zoneatlas.store;

/**
 * The two SQL dialects ZoneAtlas runs on. Statements that differ live side by side as {@code
 * sql/postgis/NAME.sql} and {@code sql/h2gis/NAME.sql}; statements that are the same live once in
 * {@code sql/common/NAME.sql}. Small fragments that queries are built from are methods here.
 */
public enum Dialect {
  POSTGIS("postgis"),
  H2GIS("h2gis");

  public final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** GeoJSON text of a geometry expression with at most {@code decimals} decimals. */
  public String asGeoJson(String geomExpr, int decimals) {
    return switch (this) {
      case POSTGIS -> "ST_AsGeoJSON(" + geomExpr + ", " + decimals + ")";
      // H2GIS has no precision argument; ST_PrecisionReducer rounds to the same number of decimals
      case H2GIS -> "ST_AsGeoJSON(ST_PrecisionReducer(" + geomExpr + ", " + decimals + "))";
    };
  }

  /**
   * Binds a geometry parameter of an insert statement: PostGIS parses WKB ({@code
   * ST_GeomFromWKB(?, 4490)} in the SQL), H2 takes the JTS object itself ({@code ?}).
   */
  public void bindGeometry(java.sql.PreparedStatement ps, int index, org.locationtech.jts.geom.Geometry g,
      org.locationtech.jts.io.WKBWriter wkb) throws java.sql.SQLException {
    if (g == null) {
      ps.setNull(index, this == POSTGIS ? java.sql.Types.BINARY : java.sql.Types.OTHER);
    } else if (this == POSTGIS) {
      ps.setBytes(index, wkb.write(g));
    } else {
      g.setSRID(4490);
      ps.setObject(index, g);
    }
  }

  /** A bound envelope (minx, miny, maxx, maxy) in the given SRID. */
  public String envelopeParam(int srid) {
    return "ST_MakeEnvelope(?, ?, ?, ?, " + srid + ")";
  }
}
