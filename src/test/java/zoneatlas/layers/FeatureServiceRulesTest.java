package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * What {@link FeatureService} answers, on a small store of its own whose every row is known: which
 * features a page holds and whether more follow, where a keyset page starts, sorting with empty
 * values, boxes (also across the antimeridian), columns only some roles may see, empty values
 * written as null, coordinates in each output CRS, and the history: a feature as it stood at an
 * instant, its versions and the version an ETag is made from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureServiceRulesTest {
  static final ObjectMapper M = new ObjectMapper();
  static final JsonFactory F = new JsonFactory();
  static final Instant CHANGED = Instant.parse("2021-01-01T00:00:00Z");
  static final Instant BEGAN = Instant.parse("2020-01-01T00:00:00Z");

  /** The parcels table with a column that only some roles may see. */
  static final Layer PARCELS = new Layer("parcels", "parcels", null, "地块", "Parcels", "Polygon", "", List.of(
      new Column("zone", "text", "开发区", "zone", false),
      new Column("board", "text", "核心板块", "board", false),
      new Column("status", "text", "状态", "status", false),
      new Column("area_mu", "number", "面积", "area", false),
      new Column("far", "number", "容积率", "FAR", false),
      new Column("supply_year", "integer", "供地年份", "supply year", false),
      new Column("synthetic", "boolean", "合成", "synthetic", false),
      new Column("req_tax_wan_per_mu", "number", "亩均税收", "tax per mu", true)), "land_officer");

  SqlStore store;
  FeatureService fs;

  @BeforeAll
  void load() throws Exception {
    store = TestStores.freshH2();
    fs = new FeatureService(store, LayerCatalog.load(), 60_000);
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO changes (id, at, role, op, collection, request_id, if_match, feature_count)"
          + " VALUES (7, TIMESTAMP WITH TIME ZONE '2021-01-01 00:00:00+00', 'admin', 'update', 'parcels', 'r', FALSE, 1)");
      // a1..a5 near Zhengzhou, in id order; e1 and w1 either side of the antimeridian
      parcel(s, "a1", "zz", "available", 10, null, 2019, "TRUE", 25.0, 113.1234567891, 34.7, 2, 7);
      parcel(s, "a2", "zz", "idle", 30, 1.5, null, "FALSE", null, 113.2, 34.7, 1, null);
      parcel(s, "a3", "xx", "available", 20, 2.0, 2021, "TRUE", 10.0, 113.3, 34.7, 1, null);
      parcel(s, "a4", "zz", "in_use", 40, null, 2020, "TRUE", 12.0, 113.4, 34.7, 1, null);
      parcel(s, "a5", "xx", "available", 5, 0.8, 2018, "TRUE", 8.0, 113.5, 34.7, 1, null);
      parcel(s, "e1", "far", "available", 1, null, null, "TRUE", null, 179.8, 34.7, 1, null);
      parcel(s, "w1", "far", "available", 1, null, null, "TRUE", null, -179.9, 34.7, 1, null);
      // a1's first version: idle until the change of 2021-01-01
      s.execute("INSERT INTO parcels_history (id, zone, land_use_code, land_use_name, status, area_m2, area_mu, synthetic,"
          + " version, valid_from, change_id, geom, valid_to, ended_by) SELECT id, zone, land_use_code, land_use_name,"
          + " 'idle', area_m2, area_mu, synthetic, 1, TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00', NULL, geom,"
          + " TIMESTAMP WITH TIME ZONE '2021-01-01 00:00:00+00', 7 FROM parcels WHERE id = 'a1'");
    }
  }

  @Test
  void aStoreWithoutAQueryTimeoutStillReadsWholePages() throws Exception {
    SqlStore untimed = zoneatlas.store.H2gisStore.open("mem", 2, 0);
    try (Connection c = untimed.connection(); Statement s = c.createStatement()) {
      parcel(s, "t1", "zz", "available", 10, null, null, "TRUE", null, 113.1, 34.7, 1, null);
      parcel(s, "t2", "zz", "available", 10, null, null, "TRUE", null, 113.2, 34.7, 1, null);
    }
    try {
      FeatureService f = new FeatureService(untimed, LayerCatalog.load(), 60_000);
      StringWriter w = new StringWriter();
      try (JsonGenerator g = F.createGenerator(w)) {
        g.writeStartArray();
        assertEquals(2, f.writeFeatures(PARCELS, q(5), false, g, () -> false).count(), "0 s is no limit, not an instant one");
        g.writeEndArray();
      }
    } finally {
      untimed.close();
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  static void parcel(Statement s, String id, String zone, String status, double mu, Double far, Integer year,
      String synthetic, Double tax, double lon, double lat, int version, Integer change) throws Exception {
    double d = 0.001;
    String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%.10f %.10f, %.10f %.10f, %.10f %.10f, %.10f %.10f, %.10f %.10f))",
        lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
    s.execute("INSERT INTO parcels (id, zone, land_use_code, land_use_name, status, area_m2, area_mu, far, supply_year,"
        + " synthetic, req_tax_wan_per_mu, version, valid_from, change_id, geom) VALUES ('" + id + "', '" + zone
        + "', '100101', '一类工业用地', '" + status + "', " + mu * 666.67 + ", " + mu + ", " + far + ", " + year + ", "
        + synthetic + ", " + tax + ", " + version + ", TIMESTAMP WITH TIME ZONE '2021-01-01 00:00:00+00', " + change
        + ", ST_GeomFromText('" + wkt + "', 4490))");
  }

  static ItemsQuery q(int limit) {
    return ItemsQuery.all(limit);
  }

  /** A page: the features, and what {@code writeFeatures} said about it. */
  record Page(List<JsonNode> features, FeatureService.Written written) {
    List<String> ids() {
      List<String> out = new ArrayList<>();
      features.forEach(f -> out.add(f.get("id").asText()));
      return out;
    }
  }

  Page page(ItemsQuery q, boolean confidential, java.util.function.BooleanSupplier full) throws Exception {
    StringWriter w = new StringWriter();
    FeatureService.Written written;
    try (JsonGenerator g = F.createGenerator(w)) {
      g.writeStartArray();
      written = fs.writeFeatures(PARCELS, q, confidential, g, full);
      g.writeEndArray();
    }
    List<JsonNode> out = new ArrayList<>();
    M.readTree(w.toString()).forEach(out::add);
    assertEquals(out.size(), written.count());
    return new Page(out, written);
  }

  Page page(ItemsQuery q) throws Exception {
    return page(q, false, () -> false);
  }

  JsonNode one(String id, ItemsQuery q) throws Exception {
    StringWriter w = new StringWriter();
    boolean found;
    try (JsonGenerator g = F.createGenerator(w)) {
      found = fs.writeFeature(PARCELS, id, q, false, g);
    }
    return found ? M.readTree(w.toString()) : null;
  }

  @Test
  void aPageSaysWhetherMoreFollowAndWhereTheNextKeysetPageStarts() throws Exception {
    Page first = page(q(2));
    assertEquals(List.of("a1", "a2"), first.ids());
    assertTrue(first.written().more());
    assertFalse(first.written().cut());
    assertEquals("a2", first.written().lastId());
    Page next = page(q(2).withAfter(first.written().lastId()));
    assertEquals(List.of("a3", "a4"), next.ids());
    Page last = page(q(10).withAfter("a5"));
    assertEquals(List.of("e1", "w1"), last.ids());
    assertFalse(last.written().more(), "nothing after the last");
    Page exact = page(q(7));
    assertEquals(7, exact.written().count());
    assertFalse(exact.written().more(), "a page that ends with the last feature has no next");
    Page none = page(q(5).withAfter("z"));
    assertEquals(0, none.written().count());
    assertNull(none.written().lastId());
    assertFalse(none.written().more());
    ItemsQuery offset = new ItemsQuery(null, 2, 3, Map.of(), null, List.of(), 4490, false, true);
    assertEquals(List.of("a4", "a5"), page(offset).ids());
    assertEquals(2, fs.writeFeatures(PARCELS, q(2), false, F.createGenerator(new StringWriter()).useDefaultPrettyPrinter()),
        "without a room check the page runs to its limit");
  }

  @Test
  void aFullOutputEndsThePageAfterAtLeastOneFeature() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    Page p = page(q(5), false, () -> asked.incrementAndGet() >= 2);
    assertEquals(List.of("a1", "a2"), p.ids(), "the first feature is never asked about; the third is refused");
    assertTrue(p.written().cut());
    assertTrue(p.written().more());
    assertEquals("a2", p.written().lastId());
    Page always = page(q(5), false, () -> true);
    assertEquals(List.of("a1"), always.ids(), "a page holds at least one feature however small the room");
    assertTrue(always.written().cut());
  }

  @Test
  void keysetPagingOrdersByIdAlone() {
    ItemsQuery sorted = new ItemsQuery(null, 5, 0, Map.of(), null, List.of("area_mu"), 4490, false, true).withAfter("a1");
    assertThrows(IllegalArgumentException.class, () -> page(sorted));
  }

  static ItemsQuery sorted(String... by) {
    return new ItemsQuery(null, 10, 0, Map.of("zone", "zz"), null, List.of(by), 4490, false, true);
  }

  @Test
  void sortingPutsEmptyValuesFirstAscendingAndLastDescendingThenById() throws Exception {
    // zz: a1 (far null, mu 10), a2 (1.5, 30), a4 (null, 40)
    assertEquals(List.of("a1", "a4", "a2"), page(sorted("far")).ids());
    assertEquals(List.of("a1", "a4", "a2"), page(sorted("+far")).ids());
    assertEquals(List.of("a2", "a1", "a4"), page(sorted("-far")).ids());
    assertEquals(List.of("a4", "a2", "a1"), page(sorted("-area_mu")).ids());
    assertEquals(List.of("a1", "a2", "a4"), page(sorted("area_mu")).ids());
    assertEquals(List.of("a2", "a4", "a1"), page(sorted("-far", "-area_mu")).ids());
    assertThrows(IllegalArgumentException.class, () -> page(sorted("-colour")));
    assertThrows(IllegalArgumentException.class, () -> page(sorted("Area_mu")));
  }

  static ItemsQuery box(double... b) {
    return q(10).withBbox(b);
  }

  @Test
  void aBoxSelectsWhatItMeetsAndOneAcrossTheAntimeridianWrapsRound() throws Exception {
    assertEquals(List.of("a2"), page(box(113.19, 34.69, 113.21, 34.71)).ids());
    assertEquals(1, fs.count(PARCELS, box(113.19, 34.69, 113.21, 34.71)));
    assertEquals(List.of("a1", "a2", "a3"), page(box(113.0, 34.0, 113.3, 35.0)).ids(), "touching the edge counts");
    // minx > maxx: 179.5..180 and -180..-179.5
    assertEquals(List.of("e1", "w1"), page(box(179.5, 34.0, -179.5, 35.0)).ids());
    assertEquals(2, fs.count(PARCELS, box(179.5, 34.0, -179.5, 35.0)));
    assertEquals(List.of("w1"), page(box(179.9, 34.0, -179.5, 35.0)).ids());
    assertEquals(List.of("e1"), page(box(179.5, 34.0, -179.95, 35.0)).ids());
    assertEquals(List.of(), page(box(179.5, 36.0, -179.5, 37.0)).ids(), "latitudes still apply across the antimeridian");
    // a box of no width is a line through a2, not a box round the world
    assertEquals(List.of("a2"), page(box(113.2005, 34.69, 113.2005, 34.71)).ids());
  }

  @Test
  void aGeometryInAFilterIsBoundAsAGeometryOrAsWkb() throws Exception {
    org.locationtech.jts.geom.Geometry near2 = new org.locationtech.jts.io.WKTReader().read(
        "POLYGON((113.19 34.69, 113.21 34.69, 113.21 34.71, 113.19 34.71, 113.19 34.69))");
    near2.setSRID(4490);
    assertEquals(List.of("a2"), page(q(10).withFilter(SqlFragment.of("ST_Intersects(geom, ?)", near2))).ids());
    byte[] wkb = new org.locationtech.jts.io.WKBWriter().write(near2);
    assertEquals(List.of("a2", "a3"), page(q(10).withFilter(
        SqlFragment.of("ST_Intersects(geom, ST_GeomFromWKB(?, 4490)) OR id = ?", wkb, "a3"))).ids());
  }

  @Test
  void equalityAndExtraFiltersAreAllApplied() throws Exception {
    ItemsQuery zz = new ItemsQuery(null, 10, 0, Map.of("zone", "zz"), null, List.of(), 4490, false, true);
    assertEquals(List.of("a1", "a2", "a4"), page(zz).ids());
    assertEquals(3, fs.count(PARCELS, zz));
    ItemsQuery both = zz.withFilter(SqlFragment.of("area_mu > ?", 15.0));
    assertEquals(List.of("a2", "a4"), page(both).ids());
    assertEquals(2, fs.count(PARCELS, both));
    assertEquals(List.of("a4"), page(both.withBbox(new double[] {113.35, 34.0, 114, 35})).ids());
    assertEquals(7, fs.count(PARCELS, q(1)));
  }

  @Test
  void aConfidentialColumnIsWrittenOnlyForThoseWhoMaySeeIt() throws Exception {
    JsonNode hidden = page(q(1), false, () -> false).features().get(0).get("properties");
    assertFalse(hidden.has("req_tax_wan_per_mu"), hidden.toString());
    assertTrue(hidden.has("area_mu"));
    JsonNode shown = page(q(1), true, () -> false).features().get(0).get("properties");
    assertEquals(25.0, shown.get("req_tax_wan_per_mu").asDouble());
    StringWriter w = new StringWriter();
    try (JsonGenerator g = F.createGenerator(w)) {
      fs.writeFeature(PARCELS, "a1", q(1), true, g);
    }
    assertEquals(25.0, M.readTree(w.toString()).at("/properties/req_tax_wan_per_mu").asDouble());
  }

  @Test
  void eachTypeIsWrittenAsItsJsonTypeAndEmptyValuesAsNull() throws Exception {
    JsonNode a1 = one("a1", q(1));
    assertEquals("Feature", a1.get("type").asText());
    assertEquals("a1", a1.get("id").asText());
    JsonNode p = a1.get("properties");
    assertTrue(p.get("far").isNull(), "an empty number is null, not 0");
    assertTrue(p.get("supply_year").isIntegralNumber());
    assertEquals(2019, p.get("supply_year").asInt());
    assertTrue(p.get("synthetic").isBoolean());
    assertTrue(p.get("synthetic").asBoolean());
    assertTrue(p.get("area_mu").isNumber());
    assertEquals("zz", p.get("zone").asText());
    assertTrue(p.get("board").isNull(), "an empty text is null, not \"\"");
    JsonNode a2 = one("a2", q(1)).get("properties");
    assertTrue(a2.get("supply_year").isNull(), "an empty integer is null, not 0");
    assertFalse(a2.get("synthetic").asBoolean());
    assertTrue(a2.get("synthetic").isBoolean());
    assertEquals(1.5, a2.get("far").asDouble());
    assertNull(one("nope", q(1)));
    assertEquals("Polygon", a1.at("/geometry/type").asText());
  }

  @Test
  void extrasAreWrittenIntoTheFeatureAndItsProperties() throws Exception {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = F.createGenerator(w)) {
      assertTrue(fs.writeFeature(PARCELS, "a3", q(1), false, g, out -> out.writeStringField("link", "L"),
          out -> out.writeStringField("extra", "E")));
    }
    JsonNode f = M.readTree(w.toString());
    assertEquals("L", f.at("/properties/link").asText());
    assertEquals("E", f.get("extra").asText());
    StringWriter w2 = new StringWriter();
    try (JsonGenerator g = F.createGenerator(w2)) {
      assertTrue(fs.writeFeature(PARCELS, "a3", q(1), false, g, out -> out.writeStringField("only", "O")));
    }
    assertEquals("O", M.readTree(w2.toString()).get("only").asText());
  }

  static ItemsQuery crs(int srid, boolean latLon) {
    return new ItemsQuery(null, 1, 0, Map.of(), null, List.of(), srid, latLon, false);
  }

  /** The outer ring's vertices, each [x, y] (swapped back when {@code flipped}). */
  static List<List<Double>> vertices(JsonNode feature, boolean flipped) {
    List<List<Double>> out = new ArrayList<>();
    for (JsonNode v : feature.at("/geometry/coordinates/0")) {
      double a = v.get(0).asDouble();
      double b = v.get(1).asDouble();
      out.add(flipped ? List.of(b, a) : List.of(a, b));
    }
    return out;
  }

  static JsonNode firstVertex(JsonNode feature) {
    return feature.at("/geometry/coordinates/0/0");
  }

  @Test
  void coordinatesAreWrittenInTheAskedCrsAxisOrderAndPrecision() throws Exception {
    List<List<Double>> stored = vertices(one("a1", crs(4490, false)), false);
    assertTrue(stored.contains(List.of(113.1234568, 34.7)), "7 decimals, about a centimetre: " + stored);
    assertEquals(new java.util.HashSet<>(stored), new java.util.HashSet<>(vertices(one("a1", crs(4490, true)), true)),
        "latitude first when the CRS says so");
    assertEquals(stored, vertices(one("a1", crs(4326, false)), false), "EPSG:4326 is the stored coordinates");
    JsonNode gk = firstVertex(one("a1", crs(4547, false)));
    // CGCS2000 3-degree Gauss-Krüger zone 38 (114°E): false easting 500 km, about 80 km west of it
    assertTrue(gk.get(0).asDouble() > 380_000 && gk.get(0).asDouble() < 500_000, gk.toString());
    assertTrue(gk.get(1).asDouble() > 3_800_000 && gk.get(1).asDouble() < 3_900_000, gk.toString());
    assertEquals(Math.rint(gk.get(0).asDouble() * 1000) / 1000, gk.get(0).asDouble(), 0, "millimetres in metres");
    JsonNode merc = firstVertex(one("a1", crs(3857, false)));
    assertEquals(12_593_000, merc.get(0).asDouble(), 10_000, merc.toString());
    assertEquals(Math.rint(merc.get(0).asDouble() * 1000) / 1000, merc.get(0).asDouble(), 0);
  }

  @Test
  void aFeatureAsItStoodAtAnInstantComesFromTheHistory() throws Exception {
    ItemsQuery before = q(10).withAsOf(Instant.parse("2020-06-01T00:00:00Z"));
    Page then = page(before);
    assertEquals(List.of("a1"), then.ids(), "only a1 existed, in its first version");
    assertEquals("idle", then.features().get(0).at("/properties/status").asText());
    assertEquals(1, fs.count(PARCELS, before));
    assertEquals(List.of("a1"), page(q(10).withAsOf(BEGAN)).ids(), "a version counts from the instant it began");
    Page at = page(q(10).withAsOf(CHANGED));
    assertEquals(7, at.written().count(), "at the change the new version holds, the old has ended");
    assertEquals("available", at.features().get(0).at("/properties/status").asText());
    assertEquals(0, fs.count(PARCELS, q(10).withAsOf(Instant.parse("2019-12-31T23:59:59Z"))));
    assertEquals("idle", one("a1", q(1).withAsOf(before.asOf())).at("/properties/status").asText());
    assertEquals(1, page(before.withBbox(new double[] {113.0, 34.0, 113.2, 35.0})).written().count());
    // a plan layer (rows told apart by their layer column) reads its history too
    Layer zones = LayerCatalog.load().get("zones").orElseThrow();
    assertEquals(0, fs.count(zones, q(10).withAsOf(CHANGED)));
    assertEquals(0, fs.count(zones, q(10)));
  }

  record Version(int version, Instant from, Long change, Instant to, Long endedBy, String status) {}

  @Test
  void everyVersionOfAFeatureNewestFirstWithWhenAndByWhichChange() throws Exception {
    List<Version> out = new ArrayList<>();
    StringWriter w = new StringWriter();
    List<String> statuses = new ArrayList<>();
    int n;
    try (JsonGenerator g = F.createGenerator(w)) {
      g.writeStartArray();
      n = fs.writeVersions(PARCELS, "a1", q(1), false, g, (x, version, from, change, to, ended) -> {
        out.add(new Version(version, from, change, to, ended, null));
        x.writeNumberField("v", version);
      });
      g.writeEndArray();
    }
    M.readTree(w.toString()).forEach(f -> statuses.add(f.at("/properties/status").asText()));
    assertEquals(2, n);
    assertEquals(List.of(new Version(2, CHANGED, 7L, null, null, null), new Version(1, BEGAN, null, CHANGED, 7L, null)), out);
    assertEquals(List.of("available", "idle"), statuses);
    assertEquals(1, fs.writeVersions(PARCELS, "a2", q(1), false, F.createGenerator(new StringWriter()),
        (x, version, from, change, to, ended) -> assertNull(change)));
    assertEquals(0, fs.writeVersions(PARCELS, "nope", q(1), false, F.createGenerator(new StringWriter()),
        (x, version, from, change, to, ended) -> { }));
  }

  @Test
  void theStampIsTheVersionAReadWouldReturn() throws Exception {
    assertEquals(new FeatureService.Stamp("a1", 2, CHANGED), fs.stamp(PARCELS, "a1", null).orElseThrow());
    assertEquals(new FeatureService.Stamp("a1", 1, BEGAN),
        fs.stamp(PARCELS, "a1", Instant.parse("2020-06-01T00:00:00Z")).orElseThrow());
    assertTrue(fs.stamp(PARCELS, "a3", Instant.parse("2020-06-01T00:00:00Z")).isEmpty(), "a3 did not exist then");
    assertTrue(fs.stamp(PARCELS, "nope", null).isEmpty());
    assertEquals(fs.catalog().storageSrid(), 4490);
  }
}
