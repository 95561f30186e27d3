package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zoneatlas.http.ApiError;
import zoneatlas.sites.StandardLand.Investor;

/**
 * The rules of the site queries that need no store, at their edges: what each parameter accepts
 * (the last value in range and the first out of it), how a parcel is named, how the finder says
 * its ranking and why it turned parcels away, and how figures read on a card.
 */
class SiteRulesTest {
  static final ObjectMapper M = new ObjectMapper();
  static final SitesService.Limits LIMITS = new SitesService.Limits(100, 1000, 50, 100_000);

  static ApiError refused(String parameter, ThrowingRunnableWithResult r) {
    ApiError e = assertThrows(ApiError.class, r::run);
    assertEquals(parameter, e.parameter, e.getMessage());
    assertEquals(400, e.status);
    return e;
  }

  interface ThrowingRunnableWithResult {
    Object run() throws Throwable;

    default void runVoid() throws Throwable {
      run();
    }
  }

  static Map<String, String> p(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  // -------------------------------------------------------------------------------------------
  // numbers, places, radii

  @Test
  void numbersAreRequiredFiniteAndTrimmed() {
    assertEquals(12.5, Shapes.number("x", " 12.5 "));
    assertTrue(refused("x", () -> Shapes.number("x", null)).getMessage().contains("is required"));
    assertTrue(refused("x", () -> Shapes.number("x", "  ")).getMessage().contains("is required"));
    assertTrue(refused("x", () -> Shapes.number("x", "Infinity")).getMessage().contains("must be a number"));
    assertTrue(refused("x", () -> Shapes.number("x", "ten")).getMessage().contains("got 'ten'"));
    String long41 = "a".repeat(41);
    assertTrue(refused("x", () -> Shapes.number("x", long41)).getMessage().contains("got '" + "a".repeat(40) + "…'"));
    assertEquals("a".repeat(40), Shapes.abbreviate("a".repeat(40)));
  }

  @Test
  void longitudesAndLatitudesAreAcceptedUpToTheEdgesOfTheAreaServed() {
    assertEquals(Plane.MIN_LON, Shapes.lon("lon", Plane.MIN_LON));
    assertEquals(Plane.MAX_LON, Shapes.lon("lon", Plane.MAX_LON));
    assertTrue(refused("lon", () -> Shapes.lon("lon", 73.49)).getMessage().contains("outside the area served"));
    assertTrue(refused("lon", () -> Shapes.lon("lon", 136.51)).getMessage().contains("outside the area served"));
    // the world's edges are named as such; a longitude on them is merely outside China
    assertTrue(refused("lon", () -> Shapes.lon("lon", 180)).getMessage().contains("outside the area served"));
    assertTrue(refused("lon", () -> Shapes.lon("lon", -180)).getMessage().contains("outside the area served"));
    assertTrue(refused("lon", () -> Shapes.lon("lon", 180.01)).getMessage().contains("-180..180"));
    assertTrue(refused("lon", () -> Shapes.lon("lon", -180.01)).getMessage().contains("-180..180"));
    assertEquals(0.0, Shapes.lat("lat", 0));
    assertEquals(56.0, Shapes.lat("lat", 56));
    assertTrue(refused("lat", () -> Shapes.lat("lat", -0.01)).getMessage().contains("outside the area served"));
    assertTrue(refused("lat", () -> Shapes.lat("lat", 56.01)).getMessage().contains("outside the area served"));
    assertTrue(refused("lat", () -> Shapes.lat("lat", 90)).getMessage().contains("outside the area served"));
    assertTrue(refused("lat", () -> Shapes.lat("lat", -90)).getMessage().contains("outside the area served"));
    assertTrue(refused("lat", () -> Shapes.lat("lat", 90.01)).getMessage().contains("-90..90"));
    assertTrue(refused("lat", () -> Shapes.lat("lat", -90.01)).getMessage().contains("-90..90"));
  }

  @Test
  void aRadiusRunsFromOneMetreToFiftyKilometres() {
    assertEquals(1.0, Shapes.radius("r", 1));
    assertEquals(50_000.0, Shapes.radius("r", 50_000));
    assertTrue(refused("r", () -> Shapes.radius("r", 0.99)).getMessage().contains("between 1 and 50000 metres"));
    refused("r", () -> Shapes.radius("r", 50_000.01));
  }

  @Test
  void anOptionalNumberIsCheckedAgainstItsRangeInclusive() {
    assertNull(SiteParams.optional(p(), "x", 1, 10));
    assertNull(SiteParams.optional(p("x", " "), "x", 1, 10));
    assertEquals(1.0, SiteParams.optional(p("x", "1"), "x", 1, 10));
    assertEquals(10.0, SiteParams.optional(p("x", "10"), "x", 1, 10));
    assertTrue(refused("x", () -> SiteParams.optional(p("x", "0.99"), "x", 1, 10)).getMessage()
        .contains("must be between 1 and 10, got 0.99"));
    refused("x", () -> SiteParams.optional(p("x", "10.01"), "x", 1, 10));
  }

  @Test
  void aLimitIsAWholeNumberFromOneToTheMaximum() {
    assertEquals(50, SiteParams.limit(p(), 50, 500));
    assertEquals(1, SiteParams.limit(p("limit", "1"), 50, 500));
    assertEquals(500, SiteParams.limit(p("limit", "500"), 50, 500));
    assertEquals(7, SiteParams.limit(p("limit", "7.0"), 50, 500));
    assertTrue(refused("limit", () -> SiteParams.limit(p("limit", "7.5"), 50, 500)).getMessage().contains("whole number"));
    refused("limit", () -> SiteParams.limit(p("limit", "0"), 50, 500));
    refused("limit", () -> SiteParams.limit(p("limit", "501"), 50, 500));
  }

  @Test
  void idsAndCategoriesAreCheckedOneByOne() {
    assertEquals("P-1", SiteParams.id("parcel", "P-1"));
    assertTrue(refused("parcel", () -> SiteParams.id("parcel", "a b")).getMessage().contains("got 'a b'"));
    refused("parcel", () -> SiteParams.id("parcel", null));
    assertEquals(List.of("a", "b", "c"), SiteParams.ids(" a,b ,c,a", 3), "repeated ids count once");
    assertTrue(refused("ids", () -> SiteParams.ids("a,b,c,d", 3)).getMessage().contains("at most 3 sites can be compared, got 4"));
    assertTrue(refused("ids", () -> SiteParams.ids(null, 3)).getMessage().contains("is required"));
    refused("ids", () -> SiteParams.ids(" ", 3));
    refused("ids", () -> SiteParams.ids("a,,b", 3));
    assertSame(Labels.DEFAULT_NEAR, SiteParams.categories(null));
    assertSame(Labels.DEFAULT_NEAR, SiteParams.categories(" "));
    assertEquals(List.of("rail_station", "airport"), SiteParams.categories("rail_station, airport,rail_station"));
    assertTrue(refused("categories", () -> SiteParams.categories("rail_station,spaceport")).getMessage()
        .contains("unknown infrastructure category 'spaceport'"));
  }

  @Test
  void anInvestorGivesTotalsOrPerMuFiguresNotBoth() {
    Investor none = SiteParams.investor(p());
    assertFalse(none.given());
    Investor inv = SiteParams.investor(p("invest_wan", "0.01", "tax_wan_per_mu", "100000000"));
    assertEquals(0.01, inv.invest_wan());
    assertEquals(1e8, inv.tax_wan_per_mu());
    assertTrue(inv.given());
    assertTrue(new Investor(null, 1.0, null, null).given());
    assertTrue(new Investor(null, null, 1.0, null).given());
    assertTrue(new Investor(null, null, null, 1.0).given());
    refused("invest_wan", () -> SiteParams.investor(p("invest_wan", "0.009")));
    refused("tax_wan", () -> SiteParams.investor(p("tax_wan", "100000001")));
    assertTrue(refused("invest_wan_per_mu", () -> SiteParams.investor(p("invest_wan", "1", "invest_wan_per_mu", "1")))
        .getMessage().contains("not both"));
    assertTrue(refused("tax_wan_per_mu", () -> SiteParams.investor(p("tax_wan", "1", "tax_wan_per_mu", "1")))
        .getMessage().contains("not both"));
    SiteParams.investor(p("invest_wan", "1", "tax_wan_per_mu", "1"));
    SiteParams.investor(p("invest_wan_per_mu", "1", "tax_wan", "1"));
  }

  @Test
  void theFinderQueryReadsEveryFilter() {
    SiteFinder.Query d = SiteParams.findQuery(p(), 100_000);
    assertEquals(SiteFinder.DEFAULT_STATUSES, d.statuses());
    assertEquals(SiteFinder.DEFAULT_LIMIT, d.limit());
    assertTrue(d.maxDistanceM().isEmpty());
    assertEquals(SiteFinder.DEFAULT_STATUSES, SiteParams.findQuery(p("status", " "), 100_000).statuses());
    SiteFinder.Query q = SiteParams.findQuery(p("status", "idle, idle,in_use", "area_mu_min", "5", "area_mu_max", "5",
        "land_use", "10", "zone", "zzetdz", "board", "b-1", "park", "p-1", "max_m.rail_station", "2000",
        "max_m.airport", "", "max_m.land_port", "100000", "limit", "9"), 100_000);
    assertEquals(List.of("idle", "in_use"), q.statuses());
    assertEquals(5.0, q.areaMuMin());
    assertEquals(5.0, q.areaMuMax());
    assertEquals("10", q.landUse());
    assertEquals("zzetdz", q.zone());
    assertEquals("b-1", q.board());
    assertEquals("p-1", q.park());
    assertEquals(List.of("rail_station", "land_port"), List.copyOf(q.maxDistanceM().keySet()), "a blank limit is no limit");
    assertEquals(2000.0, q.maxDistanceM().get("rail_station"));
    assertEquals(9, q.limit());
    assertTrue(refused("status", () -> SiteParams.findQuery(p("status", "available,for_sale"), 1e5)).getMessage()
        .contains("unknown status 'for_sale'"));
    assertTrue(refused("area_mu_min", () -> SiteParams.findQuery(p("area_mu_min", "5.01", "area_mu_max", "5"), 1e5))
        .getMessage().contains("must not exceed area_mu_max"));
    SiteParams.findQuery(p("area_mu_min", "5"), 1e5);
    SiteParams.findQuery(p("area_mu_max", "5"), 1e5);
    assertEquals("100101", SiteParams.findQuery(p("land_use", "100101"), 1e5).landUse());
    refused("land_use", () -> SiteParams.findQuery(p("land_use", "1"), 1e5));
    refused("land_use", () -> SiteParams.findQuery(p("land_use", "1001011"), 1e5));
    refused("land_use", () -> SiteParams.findQuery(p("land_use", "10a"), 1e5));
    refused("zone", () -> SiteParams.findQuery(p("zone", "a b"), 1e5));
    refused("board", () -> SiteParams.findQuery(p("board", "a b"), 1e5));
    refused("park", () -> SiteParams.findQuery(p("park", "a b"), 1e5));
    refused("max_m.spaceport", () -> SiteParams.findQuery(p("max_m.spaceport", "10"), 1e5));
    assertTrue(refused("max_m.rail_station", () -> SiteParams.findQuery(p("max_m.rail_station", "100001"), 1e5))
        .getMessage().contains("between 1 and 100000"));
    refused("max_m.rail_station", () -> SiteParams.findQuery(p("max_m.rail_station", "0.5"), 1e5));
    refused("invest_wan_per_mu", () -> SiteParams.findQuery(p("invest_wan", "1", "invest_wan_per_mu", "1"), 1e5));
    refused("limit", () -> SiteParams.findQuery(p("limit", "501"), 1e5));
  }

  static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  @Test
  void aJsonBodyFlattensToTheSameParametersAsAQueryString() throws Exception {
    Map<String, String> m = SiteParams.flatten(json("{\"status\":[\"available\",\"idle\"],\"area_mu_min\":5,"
        + "\"max_m\":{\"rail_station\":3000,\"airport\":\"9000\"},\"zone\":null,\"land_use\":\"1001\"}"), SiteParams.FIND,
        SiteParams.MAX_M);
    assertEquals(Map.of("status", "available,idle", "area_mu_min", "5", "max_m.rail_station", "3000", "max_m.airport",
        "9000", "land_use", "1001"), m);
    assertFalse(m.containsKey("zone"), "null is absent");
    assertEquals(Map.of("max_m.airport", "5"), SiteParams.flatten(json("{\"max_m.airport\":5}"), SiteParams.FIND,
        SiteParams.MAX_M));
    assertTrue(refused("colour", () -> SiteParams.flatten(json("{\"colour\":1}"), SiteParams.FIND, SiteParams.MAX_M))
        .getMessage().contains("max_m"));
    refused("max_m", () -> SiteParams.flatten(json("{\"max_m\":{\"a\":1}}"), Set.of("zone"), null));
    refused("zone", () -> SiteParams.flatten(json("{\"zone\":{\"a\":1}}"), SiteParams.FIND, SiteParams.MAX_M));
    refused("status", () -> SiteParams.flatten(json("{\"status\":[[\"a\"]]}"), SiteParams.FIND, SiteParams.MAX_M));
    refused("max_m.airport", () -> SiteParams.flatten(json("{\"max_m\":{\"airport\":[1]}}"), SiteParams.FIND,
        SiteParams.MAX_M));
    assertEquals(Map.of("max_m", "5"), SiteParams.flatten(json("{\"max_m\":5}"), Set.of("max_m"), SiteParams.MAX_M),
        "a scalar max_m is no nested object");
  }

  // -------------------------------------------------------------------------------------------
  // drawn areas

  static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.71,34.71],[113.7,34.71],[113.7,34.7]]]}";

  @Test
  void aDrawnAreaIsAPolygonOrACircleNotBoth() throws Exception {
    SiteParams.Inside poly = SiteParams.inside(json("{\"geometry\":" + SQUARE + "}"), LIMITS);
    assertInstanceOf(Shapes.Area.class, poly.shape());
    assertEquals(InsideService.Mode.intersects, poly.mode());
    assertEquals(LIMITS.results(), poly.limit());
    SiteParams.Inside circle = SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":250,\"mode\":\"within\","
        + "\"limit\":1}"), LIMITS);
    Shapes.Circle c = assertInstanceOf(Shapes.Circle.class, circle.shape());
    assertEquals(250, c.radiusM());
    assertEquals(113.7, c.lon());
    assertEquals(34.7, c.lat());
    assertEquals(InsideService.Mode.within, circle.mode());
    assertEquals(1, circle.limit());
    assertEquals(100, SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":250,\"limit\":100}"), LIMITS).limit());
    assertEquals(InsideService.Mode.intersects,
        SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":250,\"mode\":null}"), LIMITS).mode());
    for (String l : List.of("0", "101", "2.5", "\"3\"", "1e10")) {
      refused("limit", () -> SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":250,\"limit\":" + l + "}"), LIMITS));
    }
    refused("colour", () -> SiteParams.inside(json("{\"colour\":1}"), LIMITS));
    assertTrue(refused("mode", () -> SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":250,\"mode\":\"x\"}"),
        LIMITS)).getMessage().contains("got 'x'"));
    assertTrue(refused("geometry", () -> SiteParams.inside(json("{\"geometry\":" + SQUARE + ",\"center\":[113.7,34.7]}"),
        LIMITS)).getMessage().contains("not both"));
    refused("geometry", () -> SiteParams.inside(json("{\"geometry\":" + SQUARE + ",\"radius_m\":5}"), LIMITS));
    assertTrue(refused("geometry", () -> SiteParams.inside(json("{}"), LIMITS)).getMessage().contains("is required"));
    refused("geometry", () -> SiteParams.inside(json("{\"geometry\":null}"), LIMITS));
    for (String center : List.of("null", "113.7", "[113.7]", "[113.7,34.7,1]", "[\"113.7\",34.7]", "[113.7,\"34.7\"]")) {
      String b = "{\"center\":" + center + ",\"radius_m\":250}";
      if (center.equals("null")) {
        b = "{\"radius_m\":250}";
      }
      String body = b;
      refused("center", () -> SiteParams.inside(json(body), LIMITS));
    }
    refused("radius_m", () -> SiteParams.inside(json("{\"center\":[113.7,34.7]}"), LIMITS));
    refused("radius_m", () -> SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":\"250\"}"), LIMITS));
    refused("radius_m", () -> SiteParams.inside(json("{\"center\":[113.7,34.7],\"radius_m\":50001}"), LIMITS));
    refused("center", () -> SiteParams.inside(json("{\"center\":[13.7,34.7],\"radius_m\":5}"), LIMITS));
    refused("center", () -> SiteParams.inside(json("{\"center\":[113.7,-34.7],\"radius_m\":5}"), LIMITS));
  }

  static String ring(double lon, double lat, double d) {
    return "[[" + lon + "," + lat + "],[" + (lon + d) + "," + lat + "],[" + (lon + d) + "," + (lat + d) + "],[" + lon + ","
        + (lat + d) + "],[" + lon + "," + lat + "]]";
  }

  @Test
  void polygonsMultiPolygonsAndHolesAreReadWithTheirVertexBudget() throws Exception {
    Shapes.Area multi = Shapes.polygon("g", json("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(113.7, 34.7, 0.01)
        + "],[" + ring(113.8, 34.7, 0.01) + "]]}"), 10);
    assertEquals(2, multi.geom().getNumGeometries());
    assertEquals(10, multi.geom().getNumPoints());
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(113.7, 34.7,
        0.01) + "],[" + ring(113.8, 34.7, 0.01) + "]]}"), 9)).getMessage().contains("more than 9 vertices"),
        "the budget covers every ring of every part");
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"MultiPolygon\",\"coordinates\":[]}"), 10))
        .getMessage().contains("MultiPolygon has no polygons"));
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(113.7,
        34.7, 0.01) + "],[]]}"), 10)).getMessage().contains("polygon 2, a polygon needs at least one ring"));
    Shapes.Area holed = Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113.7, 34.7, 0.03) + ","
        + ring(113.71, 34.71, 0.01) + "]}"), 10);
    assertEquals(1, ((org.locationtech.jts.geom.Polygon) holed.geom()).getNumInteriorRing());
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113.7, 34.7, 0.03)
        + "," + ring(113.71, 34.71, 0.01) + "]}"), 9)).getMessage().contains("more than 9 vertices"));
    Shapes.polygon("g", json(SQUARE), 5);
    refused("g", () -> Shapes.polygon("g", json(SQUARE), 4));
    assertTrue(refused("g", () -> Shapes.polygon("g", json("[1]"), 10)).getMessage().contains("GeoJSON Polygon object"));
    refused("g", () -> Shapes.polygon("g", null, 10));
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\"}"), 10)).getMessage().contains("no 'coordinates'"));
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":5}"), 10));
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[]}"), 10));
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[5]}"), 10)).getMessage()
        .contains("ring 1 is not an array"));
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71],"
        + "[113.71,34.71],[113.7,34.7]]]}"), 10)).getMessage().contains("ring 1, position 2 must be [longitude, latitude]"));
    // a third number (a height) is allowed and dropped
    assertEquals(4, Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7,5],[113.71,34.7,5],"
        + "[113.71,34.71,5],[113.7,34.7,5]]]}"), 10).geom().getNumPoints());
    // the last position of the area served is accepted, the next refused
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(136.49, 34.7, 0.02) + "]}"), 10));
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(73.49, 34.7, 0.01) + "]}"), 10));
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113.7, -0.001, 0.01) + "]}"), 10));
    refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113.7, 55.995, 0.01) + "]}"), 10));
    Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[[[136.49,55.99],[136.5,55.99],[136.5,56],[136.49,56],"
        + "[136.49,55.99]]]}"), 10);
    Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[[[73.5,0],[73.51,0],[73.51,0.01],[73.5,0.01],[73.5,0]]]}"), 10);
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Feature\",\"geometry\":null}"), 10)).getMessage()
        .contains("GeoJSON Polygon object"));
  }

  @Test
  void anAreaOfMoreThanTenThousandSquareKilometresIsRefused() throws Exception {
    // about 0.9° × 1.1° near 35°N: some 9,000 km², then about 11,000
    Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113, 34, 0.95) + "]}"), 10);
    assertTrue(refused("g", () -> Shapes.polygon("g", json("{\"type\":\"Polygon\",\"coordinates\":[" + ring(113, 34, 1.05)
        + "]}"), 10)).getMessage().contains("at most 10000 km² may be queried at once"));
  }

  /** A GeoJSON Polygon of {@code n} distinct vertices on a small circle, closed by repeating the first. */
  static String circleRing(int n) {
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    String first = null;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      String v = "[" + (113.7 + 0.01 * Math.cos(a)) + "," + (34.7 + 0.01 * Math.sin(a)) + "]";
      first = first == null ? v : first;
      b.append(v).append(',');
    }
    return b.append(first).append("]]}").toString();
  }

  @Test
  void aDetailedShapeIsPrefilteredByItsBoxAndACircleByItsOuterRing() throws Exception {
    Shapes.Area at = Shapes.polygon("g", json(circleRing(Shapes.PREFILTER_MAX_VERTICES - 1)), 5000);
    assertEquals(Shapes.PREFILTER_MAX_VERTICES, at.geom().getNumPoints());
    assertSame(at.geom(), at.prefilter(), "up to the limit, the shape itself");
    assertSame(at.geom(), at.polygon());
    Shapes.Area over = Shapes.polygon("g", json(circleRing(Shapes.PREFILTER_MAX_VERTICES)), 5000);
    assertEquals(Shapes.PREFILTER_MAX_VERTICES + 1, over.geom().getNumPoints());
    assertEquals(over.geom().getEnvelope(), over.prefilter(), "above it, the box");
    assertEquals(113.7, at.refLon(), 1e-5);
    Shapes.Circle c = Shapes.circle(113.7, 34.7, 500);
    assertSame(c.outer(), c.prefilter());
    assertEquals(113.7, c.refLon());
    assertEquals(Shapes.CIRCLE_VERTICES + 1, c.polygon().getNumPoints());
  }

  // -------------------------------------------------------------------------------------------
  // names and words

  @Test
  void aParcelIsNamedByItsZoneAndNumber() {
    assertEquals(new Labels.Label("新乡经开区 000123 号地块", "Xinxiang ETDZ parcel 000123"), Labels.parcelName("P-xxetdz-000123", null));
    assertEquals(new Labels.Label("郑州经开区 N12-3 号地块", "Zhengzhou ETDZ parcel N12-3"), Labels.parcelName("P-ZZETDZ-N12-3", null));
    assertEquals(new Labels.Label("郑州高新区 000123 号地块", "Zhengzhou Hi-tech Zone parcel 000123"),
        Labels.parcelName("P-xxetdz-000123", "zzhitech"), "the parcel's zone wins over the id's");
    assertEquals(new Labels.Label("郑州经开区 地块 IMP-77", "Zhengzhou ETDZ parcel IMP-77"), Labels.parcelName("IMP-77", "zzetdz"));
    assertEquals(new Labels.Label("地块 IMP-77", "parcel IMP-77"), Labels.parcelName("IMP-77", null));
    assertEquals(new Labels.Label("12 号地块", "parcel 12"), Labels.parcelName("P-nowhere-12", null));
    assertEquals(new Labels.Label("可供应", "available"), Labels.status("available"));
    assertEquals(new Labels.Label("odd", "odd"), Labels.status("odd"));
    assertEquals(new Labels.Label("铁路车站", "rail station"), Labels.kind("rail_station"));
    assertEquals(new Labels.Label("odd", "odd"), Labels.kind("odd"));
  }

  static SiteFinder.Query query(Map<String, Double> maxM, Investor inv) {
    return new SiteFinder.Query(SiteFinder.DEFAULT_STATUSES, null, null, null, null, null, null, maxM, inv, 10);
  }

  @Test
  void theRankingIsSaidInWordsForWhatWasAsked() {
    SiteFinder.Query none = query(Map.of(), Investor.NONE);
    assertEquals("No distance limits and no project totals given: largest parcels first.", SiteFinder.ranking(none, false));
    assertTrue(SiteFinder.ranking(none, true).contains("按面积从大到小排列"));
    // per-mu figures alone give no land fit
    assertEquals(SiteFinder.ranking(none, false), SiteFinder.ranking(query(Map.of(), new Investor(null, 300.0, null, 20.0)), false));
    String near = SiteFinder.ranking(query(Map.of("rail_station", 5000.0), Investor.NONE), false);
    assertTrue(near.startsWith("The score runs from 0 to 1: nearness"), near);
    assertFalse(near.contains("land fit"), near);
    String fit = SiteFinder.ranking(query(Map.of(), new Investor(1000.0, null, null, null)), false);
    assertTrue(fit.startsWith("The score runs from 0 to 1: land fit"), fit);
    assertTrue(SiteFinder.ranking(query(Map.of(), new Investor(null, null, 50.0, null)), false).contains("land fit"));
    String both = SiteFinder.ranking(query(Map.of("rail_station", 5000.0), new Investor(1000.0, null, null, null)), false);
    assertTrue(both.startsWith("The score runs from 0 to 1, the mean of two parts: nearness"), both);
    assertTrue(both.endsWith("Higher scores first; on a tie, larger parcels first."), both);
    String bothZh = SiteFinder.ranking(query(Map.of("rail_station", 5000.0), new Investor(1000.0, null, null, null)), true);
    assertTrue(bothZh.startsWith("得分在 0 到 1 之间：取以下两项的平均。接近程度"), bothZh);
    assertTrue(bothZh.contains("；用地匹配"), bothZh);
    String nearZh = SiteFinder.ranking(query(Map.of("rail_station", 5000.0), Investor.NONE), true);
    assertTrue(nearZh.startsWith("得分在 0 到 1 之间：接近程度"), nearZh);
  }

  @Test
  void eachReasonForTurningParcelsAwayIsASentenceWithItsCount() {
    Map<String, Long> ex = new TreeMap<>();
    ex.put(SiteFinder.FARTHER + "rail_station", 1L);
    ex.put(SiteFinder.FARTHER + "water_plant", 2L);
    ex.put(SiteFinder.FARTHER + "substation", 3L);
    ex.put(SiteFinder.BELOW_INVEST, 1L);
    ex.put(SiteFinder.BELOW_TAX, 5L);
    ex.put("other", 6L);
    Map<String, Double> lim = new HashMap<>(Map.of("rail_station", 1500.0, "water_plant", 20_000.0, "substation", 800.0));
    Map<String, SiteFinder.Excluded> by = new HashMap<>();
    SiteFinder.excludedReasons(ex, query(lim, Investor.NONE)).forEach(e -> by.put(e.code(), e));
    assertEquals(6, by.size());
    SiteFinder.Excluded rail = by.get(SiteFinder.FARTHER + "rail_station");
    assertEquals(1, rail.count());
    assertEquals("1 个地块距铁路车站超过要求的 1.50 公里", rail.zh());
    assertEquals("1 parcel is farther than the required 1.50 km from a rail station", rail.en());
    SiteFinder.Excluded water = by.get(SiteFinder.FARTHER + "water_plant");
    assertEquals("2 个地块距供水设施超过要求的 20 公里（只计同城设施）", water.zh());
    assertEquals("2 parcels are farther than the required 20 km from a water supply (of the same city)", water.en());
    SiteFinder.Excluded sub = by.get(SiteFinder.FARTHER + "substation");
    assertEquals("3 个地块距变电站超过要求的 0.80 公里（只计本开发区及全市性设施）", sub.zh());
    assertEquals("3 parcels are farther than the required 0.80 km from a substation (of the same zone or the city-wide plan)",
        sub.en());
    assertEquals("1 个地块要求的投资强度（万元/亩）高于本项目在该地块上能达到的", by.get(SiteFinder.BELOW_INVEST).zh());
    assertEquals("1 parcel requires a higher investment per mu than the project reaches there", by.get(SiteFinder.BELOW_INVEST).en());
    assertEquals("5 个地块要求的亩均税收高于本项目在该地块上能达到的", by.get(SiteFinder.BELOW_TAX).zh());
    assertEquals("5 parcels require a higher tax per mu than the project reaches there", by.get(SiteFinder.BELOW_TAX).en());
    assertEquals("6 个地块未通过其他条件", by.get("other").zh());
    assertEquals("6 turned away for other reasons", by.get("other").en());
    Map<String, Long> one = Map.of(SiteFinder.BELOW_TAX, 1L);
    assertEquals("1 parcel requires a higher tax per mu than the project reaches there",
        SiteFinder.excludedReasons(one, query(lim, Investor.NONE)).get(0).en());
    assertEquals("2 parcels require a higher investment per mu than the project reaches there",
        SiteFinder.excludedReasons(Map.of(SiteFinder.BELOW_INVEST, 2L), query(lim, Investor.NONE)).get(0).en());
  }

  @Test
  void distancesReadInMetresBelowAKilometreAndInKilometresFromIt() {
    assertEquals("999 m", SiteFinder.km(999.4));
    assertEquals("1 km", SiteFinder.km(1000));
    assertEquals("1.50 km", SiteFinder.km(1500));
    assertEquals("999 米", SiteFinder.kmZh(999.4));
    assertEquals("1 公里", SiteFinder.kmZh(1000));
    assertEquals("12.35 公里", SiteFinder.kmZh(12_346));
  }

  @Test
  void aCardLinkCarriesTheInvestorsFiguresItWasFoundWith() {
    assertEquals("/site.html?id=P-1", SiteFinder.cardLink("P-1", Investor.NONE));
    assertEquals("/site.html?id=%E5%AE%97+1&invest_wan=12000&invest_wan_per_mu=1.50&tax_wan=600&tax_wan_per_mu=2",
        SiteFinder.cardLink("宗 1", new Investor(12_000.0, 1.5, 600.0, 2.0)));
    assertEquals("/site.html?id=P-1&tax_wan=600", SiteFinder.cardLink("P-1", new Investor(null, null, 600.0, null)));
  }

  @Test
  void amountsReadAsReadersWriteThem() {
    assertEquals("CNY 1 million", StandardLand.cny(1_000_000));
    assertEquals("CNY 999,999", StandardLand.cny(999_999));
    assertEquals("CNY 1.8 million", StandardLand.cny(1_800_000));
    assertEquals("1.2", StandardLand.plain(1.20));
    assertEquals("30", StandardLand.plain(30.0));
    assertEquals("0.33", StandardLand.plain(1 / 3.0));
    assertEquals("3", StandardLand.fmt(3.004));
    assertEquals("3.01", StandardLand.fmt(3.006));
    assertEquals("2.99", StandardLand.fmt(2.994));
  }

  static SiteRepo.ParcelRow parcel(double mu, Double reqInvest, Double reqTax) {
    return new SiteRepo.ParcelRow("P1", "z", null, null, null, "100101", "一类工业用地", "available", mu * 10000 / 15, mu, null,
        null, null, 1.0, 0.4, reqInvest, reqTax, null, null, true, null);
  }

  @Test
  void theStandardLandTestSaysWhatItComparedInEachLanguage() {
    StandardLand.Test t = StandardLand.test(parcel(100, 300.0, 15.0), new Investor(30_000.0, null, 1_200.0, null));
    assertTrue(t.invest_ok());
    assertFalse(t.tax_ok());
    assertFalse(t.qualifies());
    assertEquals(80, t.max_area_mu(), 1e-9, "the smaller of what the investment and the tax qualify for");
    assertEquals(300, t.invest_wan_per_mu());
    assertEquals(12, t.tax_wan_per_mu());
    Out.Reason inv = t.reasons().get(0);
    assertEquals("investment_intensity", inv.code());
    assertTrue(inv.ok());
    assertEquals("本项目投资强度 300 万元/亩，达到要求的 300 万元/亩", inv.zh());
    assertEquals("the project's investment of CNY 3 million per mu reaches the required CNY 3 million", inv.en());
    Out.Reason tax = t.reasons().get(1);
    assertFalse(tax.ok());
    assertEquals("本项目亩均税收 12 万元/亩·年，低于要求的 15 万元/亩·年", tax.zh());
    assertEquals("the project's tax of CNY 120,000 per mu a year falls short of the required CNY 150,000", tax.en());
    // the investment alone decides the largest area when no tax total is given, and the tax alone likewise
    assertEquals(100, StandardLand.test(parcel(100, 300.0, 15.0), new Investor(30_000.0, null, null, null)).max_area_mu(), 1e-9);
    assertEquals(80, StandardLand.test(parcel(100, 300.0, 15.0), new Investor(null, null, 1_200.0, null)).max_area_mu(), 1e-9);
    assertEquals(80, StandardLand.test(parcel(100, 300.0, 15.0), new Investor(60_000.0, null, 1_200.0, null)).max_area_mu(), 1e-9);
    assertEquals(80, StandardLand.test(parcel(100, 300.0, 15.0), new Investor(24_000.0, null, 6_000.0, null)).max_area_mu(), 1e-9);
    assertNull(StandardLand.test(parcel(100, 0.0, 15.0), new Investor(30_000.0, null, null, null)).max_area_mu(),
        "a parcel without an investment requirement limits no area");
    StandardLand.Test untested = StandardLand.test(parcel(100, 300.0, 15.0), new Investor(null, null, null, 20.0));
    assertNull(untested.invest_ok());
    assertTrue(untested.qualifies());
    assertEquals("投资强度：要求 ≥ 300 万元/亩；未填写项目数据，未测算", untested.reasons().get(0).zh());
    assertEquals("investment: at least CNY 3 million per mu required; not tested (no project figure given)",
        untested.reasons().get(0).en());
    StandardLand.Test free = StandardLand.test(parcel(100, 0.0, null), new Investor(1.0, null, 1.0, null));
    assertEquals("投资强度：该地块无要求", free.reasons().get(0).zh());
    assertEquals("tax: the parcel sets no requirement", free.reasons().get(1).en());
    assertTrue(free.qualifies());
    // an area of 0 spreads no total: the figure is untested rather than infinite
    assertNull(StandardLand.test(parcel(0, 300.0, null), new Investor(30_000.0, null, null, null)).invest_ok());
    StandardLand.Test small = StandardLand.test(parcel(100, 0.01, null), new Investor(null, 0.01, null, null));
    assertTrue(small.invest_ok(), "reaching the requirement exactly qualifies");
  }

  @Test
  void aCardStatesEachControlIndicatorAsARequirement() {
    SiteCards.Indicator none = SiteCards.Indicator.of("far_min", "容积率", "floor-area ratio", null, "", null, false);
    assertEquals("无要求", none.requirement_zh());
    assertEquals("none set", none.requirement_en());
    assertEquals("", none.unit_en());
    assertEquals("无要求", SiteCards.Indicator.of("far_min", "容积率", "far", 0.0, "", null, false).requirement_zh());
    SiteCards.Indicator far = SiteCards.Indicator.of("far_min", "容积率", "floor-area ratio", 1.2, "", null, false);
    assertEquals("要求 ≥ 1.2", far.requirement_zh());
    assertEquals("at least 1.2", far.requirement_en());
    assertEquals("要求 ≥ 30%", SiteCards.Indicator.of("coverage_min", "建筑系数", "c", 0.3, "", null, true).requirement_zh());
    assertEquals("要求 ≥ 100%", SiteCards.Indicator.of("coverage_min", "建筑系数", "c", 1.0, "", null, true).requirement_zh(),
        "a fraction of 1 is 100%");
    assertEquals("要求 ≥ 40%", SiteCards.Indicator.of("coverage_min", "建筑系数", "c", 40.0, "", null, true).requirement_zh(),
        "a figure above 1 is already a percentage");
    SiteCards.Indicator inv = SiteCards.Indicator.of("req_invest_wan_per_mu", "固定资产投资强度", "fixed-asset investment", 300.0,
        "万元/亩", "per mu", false);
    assertEquals("要求 ≥ 300 万元/亩", inv.requirement_zh());
    assertEquals("at least CNY 3 million per mu", inv.requirement_en());
    assertEquals("10k CNY per mu", inv.unit_en());
    assertEquals(300.0, inv.value());
  }
}
