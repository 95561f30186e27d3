package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.http.ApiError;
import zoneatlas.layers.SqlFragment;

/**
 * The CQL2 rules a client meets at the edges (survivors of a PIT run over Cql2 and Cql2Sql): how
 * deep a filter may nest, where a syntax error says it is, numbers and operators as written, BBOX
 * and WKT literals, the lon/lat range, and which literal types a column's value is bound as.
 */
class Cql2RulesTest {
  static SqlFragment sql(String cql) {
    return Cql2SqlTest.sql(cql);
  }

  static String refused(String cql) {
    ApiError e = assertThrows(ApiError.class, () -> sql(cql), cql);
    assertEquals(400, e.status, cql);
    assertEquals("filter", e.parameter, cql);
    return e.getMessage();
  }

  static void refused(String cql, String part) {
    String m = refused(cql);
    assertTrue(m.contains(part), cql + " -> " + m);
  }

  static String repeat(String s, int n) {
    return s.repeat(n);
  }

  // --- nesting ------------------------------------------------------------------------------

  @Test
  void thirtyTwoLevelsOfNotParenthesesOrCaseiAreAcceptedAndTheThirtyThirdIsRefused() {
    Cql2.parse(repeat("NOT ", 32) + "zone = 'a'");
    refused(repeat("NOT ", 33) + "zone = 'a'", "nested too deeply (NOT)");
    Cql2.parse(repeat("(", 32) + "zone = 'a'" + repeat(")", 32));
    refused(repeat("(", 33) + "zone = 'a'" + repeat(")", 33), "nested too deeply (parentheses)");
    Cql2.parse(repeat("CASEI(", 32) + "zone" + repeat(")", 32) + " = 'a'");
    refused(repeat("CASEI(", 33) + "zone" + repeat(")", 33) + " = 'a'", "nested too deeply (CASEI)");
    // mixed: they share one count
    refused(repeat("NOT (", 17) + "zone = 'a'" + repeat(")", 17), "nested too deeply");
  }

  @Test
  void depthIsGivenBackWhenALevelCloses() {
    // forty siblings, each one level deep, are one level deep, not forty
    List<String> parens = new java.util.ArrayList<>();
    List<String> nots = new java.util.ArrayList<>();
    List<String> casei = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      parens.add("(zone = 'a')");
      nots.add("NOT zone = 'a'");
      casei.add("CASEI(zone) = 'a'");
    }
    assertInstanceOf(Cql2.And.class, Cql2.parse(String.join(" AND ", parens)));
    assertInstanceOf(Cql2.Or.class, Cql2.parse(String.join(" OR ", nots)));
    assertEquals(40, ((Cql2.And) Cql2.parse(String.join(" AND ", casei))).parts().size());
  }

  // --- syntax errors name what and where -------------------------------------------------------

  @Test
  void syntaxErrorsSayWhatWasExpectedAndWhere() {
    refused("zone = 'abc", "unterminated string at position 8");
    refused("\"zone = 'a'", "unterminated quoted property name");
    refused("zone = 1.2.3", "malformed number '1.2.3' at position 8");
    refused("foo(zone) = 1", "function 'foo' is not supported");
    refused("ACCENTI(zone) = 'a'", "ACCENTI");
    refused("zone = AND", "expected a property or a value but found AND");
    refused("zone =", "expected a property or a value but found the end");
    refused("zone = )", "expected a property or a value but found ')' at position 8");
    refused("zone = #", "unexpected character '#' at position 8");
    refused("zone NOT IS NULL", "expected LIKE, BETWEEN or IN after NOT");
    refused("zone foo", "but found 'foo'");
    refused("zone", "but found the end");
    refused("area_m2 BETWEEN 1 OR 2", "expected AND in BETWEEN");
    refused("zone IS 'a'", "expected NULL after IS");
    refused("S_INTERSECTS geom", "expected '(' after S_INTERSECTS but found 'geom'");
    refused("S_INTERSECTS(geom POINT(1 2))", "expected ',' between the two geometries of S_INTERSECTS");
    refused("S_INTERSECTS(geom, POINT(113 34)", "expected ')' closing S_INTERSECTS but found the end");
    refused("zone = 'a' zone", "unexpected 'zone' at position 12");
    refused("(zone = 'a'", "expected ')'");
    refused("status IN ('a' 'b')", "')' closing the IN list");
    refused("CASEI(zone = 'a'", "')' closing CASEI");
    refused("zone = DATE('2020-01-01')", "temporal");
    refused("zone = INTERVAL('2020-01-01', '2021-01-01')", "temporal");
    refused("zone = 'a' AND", "position 15");
  }

  @Test
  void aFilterThatStopsMidTokenIsA400NotAServerError() {
    // each of these reads one character past the end if a bound is off by one
    refused("far >", "found the end");
    refused("far <", "found the end");
    refused("far > -", "arithmetic ('-')");
    refused("far > +", "arithmetic ('+')");
    refused("far > 1e", "malformed number '1e'");
    refused("S_INTERSECTS(geom, POINT", "malformed POINT literal (unbalanced parentheses)");
    refused("S_INTERSECTS(geom, POLYGON  ", "malformed POLYGON literal (unbalanced parentheses)");
    assertEquals(List.of(-5.0), sql("far>-5").params());
  }

  // --- literals as written --------------------------------------------------------------------

  @Test
  void numbersAreReadInEveryWrittenForm() {
    SqlFragment f = sql("far > .5 AND far < +2 AND area_m2 > 1e3 AND area_m2 < 2.5E+4 AND far > 1E-2 AND far > -.25");
    assertEquals(List.of(0.5, 2.0, 1000.0, 25000.0, 0.01, -0.25), f.params());
    refused("far > -x", "arithmetic ('-')");
    refused("far > 1 * 2", "arithmetic ('*')");
  }

  @Test
  void everyComparisonOperatorIsReadWithOrWithoutSpaces() {
    assertEquals("(far < ? AND far <= ? AND far > ? AND far >= ? AND far = ? AND far <> ?)",
        sql("far<1 AND far<=2 AND far>3 AND far>=4 AND far=5 AND far<>6").sql());
    refused("far >< 1");
  }

  @Test
  void aQuoteDoubledAtTheEndOfAStringIsPartOfIt() {
    assertEquals(List.of("it'"), sql("zone = 'it'''").params());
    assertEquals(List.of(""), sql("zone = ''").params());
  }

  @Test
  void falseIsAFilterThatMatchesNothing() {
    assertEquals("1 = 0", sql("FALSE").sql());
    assertEquals("(1 = 1 AND zone = ?)", sql("TRUE AND zone = 'a'").sql());
  }

  @Test
  void aBooleanLiteralIsNoPropertyForIsNullOrIn() {
    refused("TRUE IS NULL", "IS NULL applies to a property");
    refused("TRUE IN (TRUE)", "IN applies to a property");
    refused("'a' IS NULL", "IS NULL applies to a property");
    refused("tax IS NULL", "unknown property 'tax'");
  }

  // --- BBOX and WKT -----------------------------------------------------------------------------

  /** The geometry literal bound for the exact test. */
  static Geometry literal(SqlFragment f) {
    return (Geometry) f.params().stream().filter(Geometry.class::isInstance).findFirst().orElseThrow();
  }

  @Test
  void aBboxWithHeightsIgnoresThem() {
    SqlFragment f = sql("S_INTERSECTS(geom, BBOX(113.7, 34.7, -5, 113.8, 34.8, 120))");
    assertEquals(List.of(113.7, 34.7, 113.8, 34.8), f.params().subList(0, 4));
    Envelope e = literal(f).getEnvelopeInternal();
    assertEquals(new Envelope(113.7, 113.8, 34.7, 34.8), e);
    refused("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.8, 34.8, 1))", "got 5");
    refused("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.8))", "got 3");
    refused("S_INTERSECTS(geom, BBOX(113.7, 34.7, 'a', 34.8))", "BBOX takes 4 or 6 numbers");
    refused("S_INTERSECTS(geom, BBOX 113.7)", "'(' after BBOX");
    refused("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.8, 34.8)", "closing S_INTERSECTS");
  }

  @Test
  void aBboxMayBeFlatButNotUpsideDown() {
    // a box with no width is a line: still a place to intersect
    sql("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.7, 34.8))");
    sql("S_INTERSECTS(geom, BBOX(113.7, 34.7, 113.8, 34.7))");
    refused("S_INTERSECTS(geom, BBOX(113.7, 34.8, 113.8, 34.7))", "minimum must not exceed maximum");
    refused("S_INTERSECTS(geom, BBOX(113.8, 34.7, 113.7, 34.8))", "minimum must not exceed maximum");
  }

  @Test
  void wktLiteralsAreReadToTheirClosingParenthesis() {
    Geometry holed = literal(sql("S_WITHIN(geom, polygon((113 34, 114 34, 114 35, 113 35, 113 34),"
        + " (113.4 34.4, 113.6 34.4, 113.6 34.6, 113.4 34.6, 113.4 34.4))) AND zone = 'a'"));
    assertEquals("Polygon", holed.getGeometryType());
    assertEquals(1, ((org.locationtech.jts.geom.Polygon) holed).getNumInteriorRing());
    Geometry multi = literal(sql("S_INTERSECTS(geom, MULTIPOINT((113.7 34.7), (113.8 34.8)))"));
    assertEquals(2, multi.getNumGeometries());
    Geometry z = literal(sql("S_INTERSECTS(geom, POINT Z (113.7 34.7 10))"));
    assertEquals(113.7, z.getCoordinate().x, 0);
    refused("S_INTERSECTS(geom, POINT(113.7 34.7)", "closing S_INTERSECTS");
    refused("S_INTERSECTS(geom, POINT(113.7 34.7", "malformed POINT literal (unbalanced parentheses)");
    refused("S_INTERSECTS(geom, POINT 5)", "malformed POINT literal (unbalanced parentheses)");
    refused("S_INTERSECTS(geom, POINT(113.7))", "malformed POINT literal:");
  }

  // --- spatial predicates -----------------------------------------------------------------------

  @Test
  void aLiteralWrittenFirstIsMirroredBothWays() {
    assertTrue(sql("S_WITHIN(POLYGON((113 34, 114 34, 114 35, 113 35, 113 34)), geom)").sql().contains("ST_Contains(geom, ?)"));
    assertTrue(sql("S_INTERSECTS(POINT(113.7 34.7), geom)").sql().contains("ST_Intersects(geom, ?)"));
    assertTrue(sql("S_INTERSECTS(geometry, POINT(113.7 34.7))").sql().contains("ST_Intersects(geom, ?)"));
  }

  @Test
  void aSpatialFunctionComparesTheGeometryWithALiteral() {
    refused("S_INTERSECTS(zone, POINT(113.7 34.7))", "needs the geometry property 'geom'");
    refused("S_INTERSECTS(POINT(113.7 34.7), POINT(113.7 34.7))", "needs the geometry property 'geom'");
    refused("S_INTERSECTS(geom, geom)", "compares 'geom' with a geometry literal (WKT or BBOX), not property 'geom'");
    refused("S_INTERSECTS(geom, 'x')", "not 'x'");
  }

  @Test
  void aDisjointTestBindsOnlyTheLiteral() {
    SqlFragment f = sql("S_DISJOINT(geom, POINT(113.7 34.7))");
    assertEquals(1, f.params().size());
    assertEquals(4490, ((Geometry) f.params().get(0)).getSRID());
  }

  @Test
  void theIndexEnvelopeIsTheLiteralsOwn() {
    SqlFragment f = sql("S_CROSSES(geom, LINESTRING(113.9 34.6, 113.7 34.9))");
    assertEquals(List.of(113.7, 34.6, 113.9, 34.9), f.params().subList(0, 4));
  }

  @Test
  void degreesReachTheEdgesOfTheGlobeAndNoFurther() {
    sql("S_INTERSECTS(geom, POINT(180 90))");
    sql("S_INTERSECTS(geom, POINT(-180 -90))");
    refused("S_INTERSECTS(geom, POINT(180.5 0))", "outside longitude -180..180 / latitude -90..90 (axis order of "
        + Crs.Def.CRS84.uri + ")");
    refused("S_INTERSECTS(geom, POINT(-180.5 0))", "outside");
    refused("S_INTERSECTS(geom, POINT(0 90.5))", "outside");
    refused("S_INTERSECTS(geom, POINT(0 -90.5))", "outside");
    // latitude first: 91 is a latitude here
    ApiError e = assertThrows(ApiError.class, () -> Cql2SqlTest.sql("S_INTERSECTS(geom, POINT(91 0))", Crs.Def.EPSG_4326));
    assertTrue(e.getMessage().contains(Crs.Def.EPSG_4326.uri), e.getMessage());
  }

  // --- types and bound values -------------------------------------------------------------------

  @Test
  void aLiteralIsBoundAsTheTypeOfTheColumnOnEitherSide() {
    assertEquals(List.of(2020L), sql("2020 < supply_year").params());
    assertEquals("? < supply_year", sql("2020 < supply_year").sql());
    assertEquals(List.of(2020L), sql("supply_year = 2020.0").params());
    assertEquals(List.of(2020.5), sql("supply_year = 2020.5").params());
    assertEquals(List.of(5.0), sql("area_m2 = 5").params());
    assertEquals(List.of(2000L, 2010L), sql("supply_year BETWEEN 2000 AND 2010").params());
    assertEquals(List.of(2020L, 2021L), sql("supply_year IN (2020, 2021)").params());
    assertEquals(List.of(false), sql("synthetic <> FALSE").params());
    assertEquals("synthetic <> ?", sql("synthetic <> FALSE").sql());
  }

  @Test
  void likePatternsAreQuotedStringsAndCaseiIsNotLoweredTwice() {
    refused("zone LIKE zone", "the LIKE pattern must be a quoted string");
    refused("'a' LIKE 'b'", "LIKE applies to a text property");
    assertEquals("LOWER(zone) LIKE LOWER(?) ESCAPE '\\'", sql("CASEI(zone) LIKE CASEI('A%')").sql());
    assertEquals("LOWER(zone) LIKE LOWER(?) ESCAPE '\\'", sql("CASEI(zone) ILIKE 'a%'").sql());
    assertEquals("LOWER(zone) LIKE LOWER(?) ESCAPE '\\'", sql("zone ILIKE CASEI('a%')").sql());
    assertEquals("NOT (LOWER(zone) LIKE LOWER(?) ESCAPE '\\')", sql("zone NOT ILIKE 'a%'").sql());
  }

  @Test
  void betweenTakesANumericPropertyAndNumbers() {
    refused("1 BETWEEN 0 AND 2", "BETWEEN applies to a numeric property, not 1");
    refused("zone BETWEEN 1 AND 2", "BETWEEN applies to a numeric property, not property 'zone'");
    refused("area_m2 BETWEEN 'a' AND 2", "BETWEEN bounds must be numbers");
    refused("area_m2 BETWEEN 1 AND 'b'", "BETWEEN bounds must be numbers");
    assertEquals("NOT (area_mu BETWEEN ? AND ?)", sql("area_mu NOT BETWEEN 1 AND 2").sql());
  }

  @Test
  void inTakesValuesOfThePropertysType() {
    refused("geom IN ('a')", "IN does not apply to geometries");
    refused("zone IN (status)", "the IN list holds values only");
    refused("zone IN (POINT(1 2))", "the IN list holds values only");
    refused("zone IN ('a', 1)", "property 'zone' is text but the IN list holds 1");
    assertEquals("LOWER(zone) IN (LOWER(?))", sql("CASEI(zone) IN (CASEI('A'))").sql());
    assertEquals("id IN (?, ?)", sql("id IN ('P-1', 'P-2')").sql());
  }

  @Test
  void theGeometryMayBeTestedForNullByEitherName() {
    assertEquals("geom IS NULL", sql("geom IS NULL").sql());
    assertEquals("geom IS NOT NULL", sql("geometry IS NOT NULL").sql());
    assertTrue(refused("POINT(1 2) LIKE 'a'").contains("LIKE applies to a text property, not Point literal"));
  }

  @Test
  void comparisonMessagesNameBothSidesAndTheirTypes() {
    assertTrue(refused("zone = 1").contains("property 'zone' is text and 1 is a number; they cannot be compared"));
    assertTrue(refused("synthetic = 'x'").contains("property 'synthetic' is a boolean and 'x' is text"));
    assertTrue(refused("CASEI(zone) = TRUE").contains("CASEI(property 'zone') is text and TRUE is a boolean"));
    assertTrue(refused("far = FALSE").contains("is a number and FALSE is a boolean"));
    assertTrue(refused("geom = POINT(1 2)").contains("not '='"));
    assertTrue(refused("CASEI(1) = 'a'").contains("CASEI applies to text, not 1"));
    assertTrue(refused("tax_wan > 3").contains("(see /collections/parcels/queryables)"));
  }
}
