package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.layers.Column;
import zoneatlas.layers.ItemsQuery;
import zoneatlas.layers.SqlFragment;

/**
 * The items parameters and page links a client relies on, without a server (survivors of a PIT
 * run over FeaturesRoutes and Crs): cursors, sortby, datetime, typed property values, where the
 * next and previous pages start, the answers' memory shares, and the CRS names and boxes.
 */
class PagingRulesTest {
  static final LayerView ANON = Cql2SqlTest.ANON;

  static ApiError refused(String parameter, org.junit.jupiter.api.function.Executable e) {
    ApiError x = assertThrows(ApiError.class, e);
    assertEquals(400, x.status);
    assertEquals(parameter, x.parameter);
    return x;
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  // --- cursors ----------------------------------------------------------------------------------

  @Test
  void aCursorCarriesItsPositionAndTheLastIdThrough() {
    FeaturesRoutes.Cursor c = new FeaturesRoutes.Cursor(40, "410171-007");
    assertEquals(c, FeaturesRoutes.Cursor.decode(c.encode()));
    assertEquals(c, FeaturesRoutes.Cursor.decode(" " + c.encode() + " "));
    assertEquals(new FeaturesRoutes.Cursor(3, "a:b"), FeaturesRoutes.Cursor.decode(b64("3:a:b")));
    assertEquals(new FeaturesRoutes.Cursor(0, "x"), FeaturesRoutes.Cursor.decode(b64("-5:x")), "a negative position is 0");
    assertEquals(new FeaturesRoutes.Cursor(7, "y"), FeaturesRoutes.Cursor.decode(b64("7:y")), "one character after the colon is enough");
  }

  @Test
  void aCursorThisServerDidNotMakeIsRefused() {
    for (String bad : List.of("!!!", b64(""), b64(":abc"), b64("5:"), b64("x:abc"), b64("nocolon"))) {
      ApiError e = refused("cursor", () -> FeaturesRoutes.Cursor.decode(bad));
      assertTrue(e.getMessage().contains("not a cursor of this server"), bad + ": " + e.getMessage());
    }
  }

  // --- sortby -----------------------------------------------------------------------------------

  @Test
  void sortbyReadsSignsAndTheSpaceAnUnencodedPlusBecomes() {
    assertEquals(List.of(), FeaturesRoutes.sortBy(null, ANON));
    assertEquals(List.of(), FeaturesRoutes.sortBy("  ", ANON));
    assertEquals(List.of("-area_m2", "+zone", "+status", "-far"),
        FeaturesRoutes.sortBy("-area_m2, +zone,status,- far", ANON));
    assertEquals(List.of("+zone"), FeaturesRoutes.sortBy(" zone", ANON));
  }

  @Test
  void sortbyRefusesEmptyAndUnknownNames() {
    assertTrue(refused("sortby", () -> FeaturesRoutes.sortBy("zone,-", ANON)).getMessage().contains("empty property name"));
    assertTrue(refused("sortby", () -> FeaturesRoutes.sortBy("zone,,far", ANON)).getMessage().contains("empty property name"));
    String m = refused("sortby", () -> FeaturesRoutes.sortBy("-tax_wan", ANON)).getMessage();
    assertTrue(m.contains("unknown property 'tax_wan'") && m.contains("/collections/parcels/queryables"), m);
  }

  // --- datetime ---------------------------------------------------------------------------------

  @Test
  void aDateMeansTheEndOfThatDayInChina() {
    assertNull(FeaturesRoutes.asOf(null));
    // 1 March ends at 16:00 UTC; the last microsecond before it
    assertEquals(Instant.parse("2024-03-01T15:59:59.999999Z"), FeaturesRoutes.asOf("2024-03-01"));
    assertEquals(Instant.parse("2024-03-01T08:30:00Z"), FeaturesRoutes.asOf("2024-03-01T16:30:00+08:00"));
  }

  @Test
  void anIntervalIsTheStateAtItsEndAndAnOpenEndIsNow() {
    String a = "2024-01-01T00:00:00Z";
    String b = "2024-06-01T00:00:00Z";
    assertEquals(Instant.parse(b), FeaturesRoutes.asOf(a + "/" + b));
    assertEquals(Instant.parse(b), FeaturesRoutes.asOf("../" + b));
    assertEquals(Instant.parse(b), FeaturesRoutes.asOf("/" + b));
    assertNull(FeaturesRoutes.asOf(a + "/.."));
    assertNull(FeaturesRoutes.asOf(a + "/"));
    assertNull(FeaturesRoutes.asOf("../.."));
    assertEquals(Instant.parse(a), FeaturesRoutes.asOf(a + "/" + a), "an interval of one instant");
    assertEquals(Instant.parse("2024-01-02T15:59:59.999999Z"), FeaturesRoutes.asOf("2024-01-01/2024-01-02"));
  }

  @Test
  void badDatetimesAreRefused() {
    assertTrue(refused("datetime", () -> FeaturesRoutes.asOf("2024-06-01T00:00:00Z/2024-01-01T00:00:00Z")).getMessage()
        .contains("must not end before it starts"));
    assertTrue(refused("datetime", () -> FeaturesRoutes.asOf("a/b/c")).getMessage().contains("instant or an interval"));
    assertTrue(refused("datetime", () -> FeaturesRoutes.asOf("2024-13-01")).getMessage().contains("RFC 3339"));
    refused("datetime", () -> FeaturesRoutes.asOf(".."));
    refused("datetime", () -> FeaturesRoutes.asOf("2024-03-01T00:00:00"));
  }

  // --- property values --------------------------------------------------------------------------

  @Test
  void propertyValuesAreTypedForTheirColumn() {
    assertEquals(12.5, FeaturesRoutes.typed(new Column("far", "number", "", "", false), "12.5"));
    assertEquals(2020L, FeaturesRoutes.typed(new Column("supply_year", "integer", "", "", false), " 2020 "));
    assertEquals(true, FeaturesRoutes.typed(new Column("synthetic", "boolean", "", "", false), "true"));
    assertEquals(false, FeaturesRoutes.typed(new Column("synthetic", "boolean", "", "", false), "false"));
    assertEquals("zzetdz", FeaturesRoutes.typed(new Column("zone", "text", "", "", false), "zzetdz"));
    assertTrue(refused("supply_year", () -> FeaturesRoutes.typed(new Column("supply_year", "integer", "", "", false), "2020.5"))
        .getMessage().contains("whole number"));
    assertTrue(refused("synthetic", () -> FeaturesRoutes.typed(new Column("synthetic", "boolean", "", "", false), "TRUE"))
        .getMessage().contains("true or false"));
    refused("synthetic", () -> FeaturesRoutes.typed(new Column("synthetic", "boolean", "", "", false), "yes"));
    refused("far", () -> FeaturesRoutes.typed(new Column("far", "number", "", "", false), "many"));
  }

  // --- where pages start ------------------------------------------------------------------------

  static FeaturesRoutes.ItemsRequest request(List<String> sortBy, int limit, int position) {
    ItemsQuery q = new ItemsQuery(null, limit, position, Map.of(), null, sortBy, 4490, false, true);
    return new FeaturesRoutes.ItemsRequest(q, Crs.Def.CRS84, true, position);
  }

  @Test
  void thePageAfterAnIdOrderedPageStartsAfterItsLastIdElseAtAnOffset() {
    FeaturesRoutes.Page p = new FeaturesRoutes.Page(10, 95, true, true, 30, "P-30");
    Map<String, String> keyset = FeaturesRoutes.nextPage(request(List.of(), 10, 20), p);
    assertEquals(Map.of("cursor", new FeaturesRoutes.Cursor(30, "P-30").encode()), keyset);
    assertEquals(Map.of("offset", "30"), FeaturesRoutes.nextPage(request(List.of("+zone"), 10, 20), p));
    assertEquals(Map.of("offset", "30"), FeaturesRoutes.nextPage(request(List.of(), 10, 20),
        new FeaturesRoutes.Page(10, 95, true, true, 30, null)));
  }

  @Test
  void thePreviousPageStartsOneLimitBackAndNeverBeforeTheFirst() {
    assertEquals(Map.of("offset", "20"), FeaturesRoutes.prevPage(request(List.of(), 10, 30)));
    assertEquals(Map.of("offset", "0"), FeaturesRoutes.prevPage(request(List.of(), 10, 10)));
    assertEquals(Map.of("offset", "0"), FeaturesRoutes.prevPage(request(List.of(), 10, 5)));
  }

  @Test
  void linkParametersAreReplacedNotRepeated() {
    assertEquals(Map.of("f", "html", "limit", "5", "offset", "3"),
        FeaturesRoutes.with(Map.of("offset", "3", "limit", "9"), Map.of("limit", "5", "f", "html")));
    assertEquals("a%20b,c%2Bd%26e%3D%E5%9C%B0", FeaturesRoutes.enc("a b,c+d&e=地"));
  }

  @Test
  void filtersAreJoinedWithTheirParametersInOrder() {
    assertNull(FeaturesRoutes.and(List.of()));
    SqlFragment one = SqlFragment.of("zone = ?", "a");
    assertSame(one, FeaturesRoutes.and(List.of(one)));
    SqlFragment both = FeaturesRoutes.and(List.of(one, SqlFragment.of("far > ? OR far < ?", 1.0, 0.5)));
    assertEquals("(zone = ?) AND (far > ? OR far < ?)", both.sql());
    assertEquals(List.of("a", 1.0, 0.5), both.params());
  }

  @Test
  void queryablesAreSchemaJsonUnlessTheClientTakesOnlyPlainJson() {
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType(null));
    assertEquals("application/json", FeaturesRoutes.schemaMediaType("application/json"));
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType("application/schema+json, application/json"));
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType("application/json, */*"));
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType("text/html"));
  }

  @Test
  void aRepresentationsVariantNamesFormatCrsAndWhatTheRoleSees() {
    assertEquals("j0p", FeaturesRoutes.variant(Format.JSON, Crs.Def.CRS84, ANON));
    assertEquals("h3c", FeaturesRoutes.variant(Format.HTML, Crs.Def.EPSG_4547, new LayerView(ANON.layer(), Role.admin)));
    assertEquals(4547, FeaturesRoutes.outSrid(Crs.Def.EPSG_4547));
    assertEquals(4490, FeaturesRoutes.outSrid(Crs.Def.CRS84));
  }

  // --- answers in memory ------------------------------------------------------------------------

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  @Test
  void aPageIsFullAtItsShareExactly() {
    // 1 MB for all, so 256 KB for one
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(1L << 20, 1000);
    FeaturesRoutes.Body body = answers.body(1);
    body.write(bytes((256 << 10) - 1), 0, (256 << 10) - 1);
    assertFalse(body.full(0));
    assertTrue(body.full(1), "what the generator still holds counts");
    body.write(7);
    assertTrue(body.full(0));
    assertEquals(256 << 10, body.size());
    body.release();
    FeaturesRoutes.Body html = answers.body(2);
    html.write(bytes(128 << 10), 0, 128 << 10);
    assertTrue(html.full(0), "an HTML page's bytes weigh double here");
    html.release();
    // one answer's share is never below one chunk
    FeaturesRoutes.Body small = new FeaturesRoutes.Answers(1024, 1000).body(1);
    small.write(bytes(100), 0, 100);
    assertTrue(small.full(0), "all answers together hold more than 1 KB");
    FeaturesRoutes.Body tiny = new FeaturesRoutes.Answers(FeaturesRoutes.Answers.FIRST_CHUNK, 1000).body(1);
    tiny.write(bytes(100), 0, 100);
    assertFalse(tiny.full(0), "a first chunk that fits the share exactly leaves room");
    FeaturesRoutes.Body over = new FeaturesRoutes.Answers(FeaturesRoutes.Answers.FIRST_CHUNK - 1, 1000).body(1);
    over.write(bytes(100), 0, 100);
    assertTrue(over.full(0), "one byte short of a first chunk: starved");
  }

  @Test
  void memoryIsHeldPerChunkWeightedAndGivenBackOnce() {
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(64L << 20, 1000);
    FeaturesRoutes.Body json = answers.body(1);
    json.write(1);
    assertEquals(FeaturesRoutes.Answers.FIRST_CHUNK, answers.held());
    json.write(bytes(FeaturesRoutes.Answers.FIRST_CHUNK), 0, FeaturesRoutes.Answers.FIRST_CHUNK);
    assertEquals(FeaturesRoutes.Answers.FIRST_CHUNK + FeaturesRoutes.Answers.CHUNK, answers.held());
    FeaturesRoutes.Body html = answers.body(FeaturesRoutes.Answers.HTML_WEIGHT);
    html.write(1);
    assertEquals(FeaturesRoutes.Answers.FIRST_CHUNK * 11L + FeaturesRoutes.Answers.CHUNK, answers.held());
    html.release();
    FeaturesRoutes.Sending sending = json.handOver();
    json.release();
    assertEquals(FeaturesRoutes.Answers.FIRST_CHUNK + FeaturesRoutes.Answers.CHUNK, answers.held(),
        "handed over: the answer holds its bytes until written");
    sending.close();
    assertEquals(0, answers.held());
    sending.close();
    assertEquals(0, answers.held());
    assertThrows(IllegalStateException.class, json::handOver);
    assertThrows(IllegalStateException.class, () -> json.write(1));
    assertThrows(IllegalStateException.class, () -> html.write(bytes(3), 0, 3));
  }

  @Test
  void anAnswerThatCannotBeCutMayGrowToTwiceItsShare() {
    // 288 KB for all: 72 KB for one, so up to 144 KB = a first chunk and two more
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(288L << 10, 1000);
    FeaturesRoutes.Body body = answers.body(1);
    body.write(bytes((144 << 10) + 1), 0, (144 << 10) + 1);
    assertEquals((144 << 10) + 1, body.size());
    ApiError e = assertThrows(ApiError.class, () -> body.write(bytes(64 << 10), 0, 64 << 10));
    assertEquals(503, e.status);
    assertEquals("ResponseTooLarge", e.code);
    assertTrue(e.details.get("description_zh").toString().contains("结果太大"));
    body.release();
    assertEquals(0, answers.held());
  }

  @Test
  void theBytesReadBackAreTheBytesWrittenAcrossChunks() throws Exception {
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(64L << 20, 1000);
    FeaturesRoutes.Body body = answers.body(1);
    byte[] data = bytes(100_000);
    body.write(data[0]);
    body.write(data, 1, 20_000);
    body.write(data, 20_001, data.length - 20_001);
    try (InputStream in = body.inputStream()) {
      assertEquals(0, in.read(new byte[4], 0, 0));
      assertArrayEquals(data, in.readAllBytes());
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
    }
    try (InputStream in = body.inputStream()) {
      assertEquals(data[0] & 0xff, in.read());
      assertEquals(data[1] & 0xff, in.read());
    }
    try (InputStream in = body.handOver()) {
      byte[] got = in.readAllBytes();
      assertArrayEquals(data, got);
    }
    assertEquals(0, body.size(), "handed over: the body is empty");
    assertEquals(0, answers.held());
  }

  @Test
  void anEmptyBodyReadsAsNothing() throws Exception {
    FeaturesRoutes.Body body = new FeaturesRoutes.Answers(1L << 20, 1000).body(1);
    try (InputStream in = body.inputStream()) {
      assertEquals(-1, in.read());
    }
    body.release();
  }

  // --- CRS names and boxes ----------------------------------------------------------------------

  @Test
  void everyShortSpellingOfASupportedCrsIsUnderstood() {
    assertEquals(Crs.Def.CRS84, Crs.parse("crs", "OGC:CRS84"));
    assertEquals(Crs.Def.CRS84, Crs.parse("crs", "crs84"));
    assertEquals(Crs.Def.CRS84, Crs.parse("crs", "CRS:84"));
    assertEquals(Crs.Def.CRS84, Crs.parse("crs", "http://www.opengis.net/def/crs/OGC/0/CRS84"));
    assertEquals(Crs.Def.EPSG_4326, Crs.parse("crs", "EPSG:4326"));
    assertEquals(Crs.Def.EPSG_3857, Crs.parse("crs", "epsg:3857"));
    assertEquals(Crs.Def.EPSG_3857, Crs.parse("crs", "[http://www.opengis.net/def/crs/EPSG/0/3857]"));
    assertEquals(Crs.Def.EPSG_4490, Crs.parse("crs", "  EPSG:4490 "));
    refused("crs", () -> Crs.parse("crs", "[EPSG:4547"));
    refused("crs", () -> Crs.parse("crs", "EPSG:4547]"));
    refused("filter-crs", () -> Crs.parse("filter-crs", ""));
  }

  @Test
  void theContentCrsHeaderAndTheEpsgCodeGeoToolsDecodes() {
    assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4547>", Crs.Def.EPSG_4547.header());
    assertEquals("EPSG:4326", Crs.Def.CRS84.epsg());
    assertEquals("EPSG:4547", Crs.Def.EPSG_4547.epsg());
    assertEquals("EPSG:3857", Crs.Def.EPSG_3857.epsg());
    assertEquals(5, Crs.uris().size());
    assertEquals(Crs.Def.CRS84.uri, Crs.uris().get(0));
  }

  @Test
  void theLongitudeAxisOfEachCrs() {
    assertEquals(0, Crs.longitudeAxis(Crs.Def.CRS84));
    assertEquals(0, Crs.longitudeAxis(Crs.Def.EPSG_3857));
    assertEquals(1, Crs.longitudeAxis(Crs.Def.EPSG_4326));
    assertEquals(1, Crs.longitudeAxis(Crs.Def.EPSG_4490));
    assertEquals(-1, Crs.longitudeAxis(Crs.Def.EPSG_4547));
  }

  @Test
  void aWebMercatorBoxIsItsLonLatRectangleClampedAtTheEdges() {
    double half = Math.PI * 6378137.0;
    double[] b = Crs.mercatorBbox(new double[] {12657026.103195205, 4123186.709668859, 2 * half, 0});
    assertEquals(113.7, b[0], 1e-7);
    assertEquals(34.7, b[1], 1e-7);
    assertEquals(180, b[2], 0);
    assertEquals(0, b[3], 0);
    double[] w = Crs.mercatorBbox(new double[] {-2 * half, -4123186.709668859, half / 2, half});
    assertEquals(-180, w[0], 0);
    assertEquals(-34.7, w[1], 1e-7);
    assertEquals(90, w[2], 1e-9);
    assertEquals(85.0511287798, w[3], 1e-9);
  }

  @Test
  void aProjectedBoxHasNoGeographicExtent() {
    assertThrows(IllegalArgumentException.class, () -> Crs.geographicBbox(new double[] {1, 2, 3, 4}, Crs.Def.EPSG_4547));
    assertThrows(IllegalArgumentException.class, () -> Crs.geographicBbox(new double[] {1, 2, 3, 4}, Crs.Def.EPSG_3857));
    double[] in = {113.6, 34.7, 113.8, 34.9};
    double[] out = Crs.geographicBbox(in, Crs.Def.CRS84);
    out[0] = 0;
    assertEquals(113.6, in[0], 0, "the caller's box is left as it was");
  }

  @Test
  void onlyLinesAndAreasAreDensifiedBeforeTheyAreProjected() {
    GeometryFactory gf = new GeometryFactory();
    Geometry line = gf.createLineString(new Coordinate[] {new Coordinate(3841000, 472000), new Coordinate(3845000, 472000)});
    assertEquals(9, Crs.toStorage(line, Crs.Def.EPSG_4547).getNumPoints(), "4 km cut at 500 m");
    Geometry points = gf.createMultiPoint(new Coordinate[] {new Coordinate(3841000, 472000), new Coordinate(3845000, 472000)});
    Geometry p = Crs.toStorage(points, Crs.Def.EPSG_4547);
    assertEquals(2, p.getNumPoints());
    assertEquals(4490, p.getSRID());
    Geometry lonLat = Crs.toStorage(gf.createPoint(new Coordinate(113.7, 34.7)), Crs.Def.CRS84);
    assertEquals(new Coordinate(113.7, 34.7), lonLat.getCoordinate());
    assertEquals(4490, lonLat.getSRID());
    Geometry box = Crs.bboxToStorage(new double[] {113.6, 34.7, 113.8, 34.9}, Crs.Def.CRS84);
    assertEquals(new org.locationtech.jts.geom.Envelope(113.6, 113.8, 34.7, 34.9), box.getEnvelopeInternal());
    Geometry swapped = Crs.bboxToStorage(new double[] {34.7, 113.6, 34.9, 113.8}, Crs.Def.EPSG_4490);
    assertEquals(new org.locationtech.jts.geom.Envelope(113.6, 113.8, 34.7, 34.9), swapped.getEnvelopeInternal());
  }
}
