package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.layers.Column;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.layers.SqlFragment;

/** CQL2 text in, SQL with bound parameters out: the exact strings, and the refusals. */
class Cql2SqlTest {
  static final Layer PARCELS = LayerCatalog.load().get("parcels").orElseThrow();
  static final LayerView ANON = new LayerView(PARCELS, Role.anonymous);

  static SqlFragment sql(String cql) {
    return Cql2Sql.translate(cql, ANON, null, FeatureService::column);
  }

  static SqlFragment sql(String cql, Crs.Def filterCrs) {
    return Cql2Sql.translate(cql, ANON, filterCrs, FeatureService::column);
  }

  static ApiError refused(String cql) {
    return assertThrows(ApiError.class, () -> sql(cql));
  }

  @Test
  void comparisonsBecomeBoundParametersTypedForTheirColumn() {
    SqlFragment f = sql("zone = 'zzetdz' AND area_m2 > 5000 AND supply_year <= 2020 AND status <> 'idle'");
    assertEquals("(zone = ? AND area_m2 > ? AND supply_year <= ? AND status <> ?)", f.sql());
    assertEquals(List.of("zzetdz", 5000.0, 2020L, "idle"), f.params());
  }

  @Test
  void orBindsLooserThanAndAndNotWrapsItsOperand() {
    SqlFragment f = sql("zone = 'a' OR NOT (zone = 'b') AND far >= 1.5");
    assertEquals("(zone = ? OR (NOT (zone = ?) AND far >= ?))", f.sql());
    assertEquals(List.of("a", "b", 1.5), f.params());
  }

  @Test
  void likeInBetweenAndNullChecksTranslate() {
    assertEquals("land_use_name LIKE ? ESCAPE '\\'", sql("land_use_name LIKE '工业%'").sql());
    assertEquals("NOT (land_use_name LIKE ? ESCAPE '\\')", sql("land_use_name NOT LIKE '工业%'").sql());
    SqlFragment in = sql("status IN ('idle', 'available')");
    assertEquals("status IN (?, ?)", in.sql());
    assertEquals(List.of("idle", "available"), in.params());
    assertEquals("NOT (status IN (?))", sql("status NOT IN ('idle')").sql());
    SqlFragment between = sql("area_mu BETWEEN 10 AND 20.5");
    assertEquals("area_mu BETWEEN ? AND ?", between.sql());
    assertEquals(List.of(10.0, 20.5), between.params());
    assertEquals("board IS NULL", sql("board IS NULL").sql());
    assertEquals("board IS NOT NULL", sql("board is not null").sql());
  }

  @Test
  void caseInsensitiveComparisonLowersBothSides() {
    SqlFragment f = sql("CASEI(zone) = casei('ZZETDZ')");
    assertEquals("LOWER(zone) = LOWER(?)", f.sql());
    assertEquals(List.of("ZZETDZ"), f.params());
    assertEquals("LOWER(land_use_name) LIKE LOWER(?) ESCAPE '\\'", sql("land_use_name ILIKE 'ab%'").sql());
  }

  @Test
  void quotedNamesBooleansAndTheIdAreUnderstood() {
    SqlFragment f = sql("\"synthetic\" = TRUE AND id = 'P-1'");
    assertEquals("(synthetic = ? AND id = ?)", f.sql());
    assertEquals(List.of(true, "P-1"), f.params());
    assertEquals("1 = 1", sql("TRUE").sql());
  }

  @Test
  void stringsKeepDoubledQuotesAndNegativeNumbersParse() {
    SqlFragment f = sql("zone = 'it''s' AND far > -0.5e1");
    assertEquals(List.of("it's", -5.0), f.params());
  }

  @Test
  void intersectsWithABboxUsesTheIndexOperatorThenTheExactTest() throws Exception {
    SqlFragment f = sql("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.8, 34.8))");
    assertEquals("(geom && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Intersects(geom, ?))", f.sql());
    assertEquals(List.of(113.7, 34.7, 113.8, 34.8), f.params().subList(0, 4));
    Geometry g = (Geometry) f.params().get(4);
    assertEquals(4490, g.getSRID());
    assertEquals(113.7, g.getEnvelopeInternal().getMinX(), 1e-12);
    assertEquals(34.8, g.getEnvelopeInternal().getMaxY(), 1e-12);
    assertEquals(5, g.getNumPoints());
  }

  @Test
  void everySpatialFunctionMapsToItsStFunctionAndALiteralFirstIsMirrored() {
    assertEquals("(geom && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Within(geom, ?))",
        sql("S_WITHIN(geom, POLYGON((113 34, 114 34, 114 35, 113 35, 113 34)))").sql());
    // "the polygon contains geom" is "geom within the polygon"
    assertEquals("(geom && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Within(geom, ?))",
        sql("S_CONTAINS(POLYGON((113 34, 114 34, 114 35, 113 35, 113 34)), geom)").sql());
    assertEquals("ST_Disjoint(geom, ?)", sql("S_DISJOINT(geom, POINT(113.7 34.7))").sql());
    for (String fn : List.of("S_EQUALS", "S_TOUCHES", "S_OVERLAPS", "S_CROSSES", "S_CONTAINS")) {
      String st = "ST_" + fn.charAt(2) + fn.substring(3).toLowerCase(java.util.Locale.ROOT);
      assertTrue(sql(fn + "(geom, LINESTRING(113.7 34.7, 113.8 34.8))").sql().contains(st + "(geom, "), fn);
    }
  }

  @Test
  void geometryLiteralsInLatLonOrderAreSwappedToStorageOrder() throws Exception {
    SqlFragment f = sql("S_INTERSECTS(geom, POINT(34.7 113.6))", Crs.Def.EPSG_4326);
    Geometry g = (Geometry) f.params().get(4);
    assertEquals(4490, g.getSRID());
    assertEquals(new Coordinate(113.6, 34.7), g.getCoordinate());
  }

  @Test
  void projectedGeometryLiteralsAreTransformedWithGeoTools() throws Exception {
    // EPSG:4547 is northing, easting; this point is 113.7E 34.7N (H2GIS and GeoTools agree on it)
    SqlFragment f = sql("S_INTERSECTS(geom, POINT(3841352.5168 472513.9268))", Crs.Def.EPSG_4547);
    Geometry g = (Geometry) f.params().get(4);
    assertEquals(4490, g.getSRID());
    assertEquals(113.7, g.getCoordinate().x, 1e-8);
    assertEquals(34.7, g.getCoordinate().y, 1e-8);
  }

  @Test
  void anUnknownPropertyIsRefusedByName() {
    ApiError e = refused("tax_wan > 3");
    assertEquals(400, e.status);
    assertEquals("filter", e.parameter);
    assertTrue(e.getMessage().contains("unknown property 'tax_wan'"), e.getMessage());
  }

  @Test
  void aConfidentialColumnIsUnknownToARoleThatMayNotSeeIt() {
    List<Column> cols = new ArrayList<>(PARCELS.columns());
    cols.add(new Column("tax_wan", "number", "税收(万元)", "Tax", true));
    Layer secret = new Layer("secret", "parcels", null, "t", "t", "Polygon", "", cols, null);
    ApiError e = assertThrows(ApiError.class,
        () -> Cql2Sql.translate("tax_wan > 3", new LayerView(secret, Role.planner), null, FeatureService::column));
    assertTrue(e.getMessage().contains("unknown property 'tax_wan'"), e.getMessage());
    SqlFragment ok = Cql2Sql.translate("tax_wan > 3", new LayerView(secret, Role.land_officer), null, FeatureService::column);
    assertEquals("tax_wan > ?", ok.sql());
  }

  @Test
  void typeMismatchesAreRefusedInsteadOfGuessed() {
    assertTrue(refused("land_use_code = 601").getMessage().contains("cannot be compared"));
    assertTrue(refused("area_m2 LIKE '1%'").getMessage().contains("LIKE applies to a text property"));
    assertTrue(refused("synthetic > TRUE").getMessage().contains("booleans"));
    assertTrue(refused("geom = 'x'").getMessage().contains("spatial functions"));
    assertTrue(refused("'a' = 'b'").getMessage().contains("property on one side"));
    assertTrue(refused("CASEI(area_m2) = 'x'").getMessage().contains("CASEI applies to text"));
  }

  @Test
  void syntaxErrorsNameThePosition() {
    assertTrue(refused("zone = 'a' AND").getMessage().contains("position 15"), refused("zone = 'a' AND").getMessage());
    assertTrue(refused("zone = 'a").getMessage().contains("unterminated string"));
    assertTrue(refused("zone == 'a'").getMessage().contains("position"));
    assertTrue(refused("S_INTERSECTS(geom, POLYGON((1 2, 3 4)))").getMessage().contains("POLYGON"));
    assertTrue(refused("area_m2 + 1 > 3").getMessage().contains("arithmetic"));
    assertTrue(refused("S_DWITHIN(geom, POINT(1 2), 10)").getMessage().contains("not supported"));
    assertTrue(refused("updated > TIMESTAMP('2020-01-01T00:00:00Z')").getMessage().contains("temporal"));
    assertTrue(refused("").getMessage().contains("empty"));
  }

  @Test
  void invalidOrOutOfRangeGeometriesAreRefused() {
    assertTrue(refused("S_INTERSECTS(geom, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))").getMessage().contains("not valid"));
    assertTrue(refused("S_INTERSECTS(geom, POINT(200 10))").getMessage().contains("outside"));
    assertTrue(refused("S_INTERSECTS(geom, BBOX(3, 2, 1, 4))").getMessage().contains("minimum"));
  }
}
