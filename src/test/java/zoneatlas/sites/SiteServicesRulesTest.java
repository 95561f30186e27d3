package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;
import zoneatlas.sites.StandardLand.Investor;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * What is here, what a road's red line takes, and what a card says about where a parcel lies, on
 * a few hand-made features whose answers are known: the layers at a click in their order and the
 * facilities within the tolerance (exactly at it included), the corridor (half the width either
 * side, flat ends, each parcel's take, the totals and groups), and the card's place names.
 *
 * <p>Road RD-1 runs along 34.700°N from 113.700°E to 113.720°E (about 1.83 km). Parcels:
 * C1 a small one wholly inside its 40 m corridor, P2 (113.710-113.711, 34.700-34.701) with its
 * south edge on the road, C3 (113.714-113.716, 34.6995-34.700) with its north edge on it, E1 9 m
 * past the road's east end, and a triangle T (the first id) whose box, not itself, holds the
 * click at (113.7105, 34.7005). Two firms use P2. P2 lies in a small-micro park, an industrial park, a core board and the
 * zone; an L-shaped park's box holds the click too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteServicesRulesTest {
  static final String C1 = "P-zzetdz-000011";
  static final String P2 = "P-zzetdz-000002";
  static final String C3 = "P-zzetdz-000013";
  static final String E1 = "P-zzetdz-000014";
  static final String T = "P-zzetdz-000001";
  static final double CLICK_LON = 113.7105;
  static final double CLICK_LAT = 34.7005;
  static final WKTReader WKT = new WKTReader(Shapes.GF);

  SqlStore store;
  SiteRepo repo;
  SitesService service;

  @BeforeAll
  void load() throws Exception {
    store = TestStores.freshH2();
    repo = new SiteRepo(store);
    service = new SitesService(store, new SitesService.Limits(100, 1000, 100, 100_000));
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      parcel(s, C1, "available", "100101", "一类工业用地", box(113.7050, 34.69995, 113.7052, 34.70005), null, null, null);
      parcel(s, P2, "idle", "100101", "一类工业用地", box(113.710, 34.700, 113.711, 34.701), "CB", "IP", "SMP");
      parcel(s, C3, "available", "100102", "二类工业用地", box(113.714, 34.6995, 113.716, 34.700), null, null, null);
      parcel(s, E1, "available", "100101", "一类工业用地", box(113.7201, 34.69995, 113.7211, 34.70005), null, null, null);
      parcel(s, T, "available", "100101", "一类工业用地",
          "POLYGON((113.7100 34.7010, 113.7120 34.7010, 113.7120 34.7003, 113.7100 34.7010))", null, null, null);
      s.execute("UPDATE parcels SET supply_year = 2018 WHERE id = '" + P2 + "'");
      s.execute("INSERT INTO enterprises (id, uscc, name_zh, name_en, zone, industry, synthetic) VALUES"
          + " ('E-1', 'U1', '一号机械', 'No. 1 Machinery', 'zzetdz', 'machinery', TRUE),"
          + " ('E-2', 'U2', '二号仓储', 'No. 2 Storage', 'zzetdz', 'logistics', TRUE)");
      s.execute("INSERT INTO land_uses (enterprise_id, parcel_id, role, share, since_year) VALUES"
          + " ('E-2', '" + P2 + "', 'tenant', 0.4, NULL), ('E-1', '" + P2 + "', 'owner', 1.0, 2019)");
      plan(s, "RD-1", "infrastructure", "road", "航海路", "Hanghai Road", "LINESTRING(113.700 34.700, 113.720 34.700)");
      plan(s, "GAS-1", "infrastructure", "gas", "燃气管", "Gas main", "LINESTRING(113.700 34.699, 113.720 34.699)");
      plan(s, "SUB-1", "infrastructure", "substation", "一号变电站", "Substation 1", "POINT(113.7106 34.7006)");
      plan(s, "WP-1", "infrastructure", "water_plant", "一号水厂", "Water works 1", "POINT(113.7105 34.7007)");
      plan(s, "Z", "zones", "development_zone", "郑州经济技术开发区", "Zhengzhou ETDZ", box(113.69, 34.69, 113.73, 34.71));
      plan(s, "CB", "core-boards", "core_board", "核心板块", "Core board", box(113.70, 34.695, 113.72, 34.705));
      plan(s, "IP", "industrial-parks", "industrial_park", "装备园", "Equipment park", box(113.705, 34.695, 113.715, 34.705));
      plan(s, "SMP", "small-micro-parks", "small_micro_park", "小微园", "Small park", box(113.709, 34.6995, 113.712, 34.7015));
      plan(s, "IP-L", "industrial-parks", "industrial_park", "L 形园", "L park",
          "POLYGON((113.700 34.700, 113.720 34.700, 113.720 34.7001, 113.7001 34.7001, 113.7001 34.702, 113.700 34.702, 113.700 34.700))");
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  static String box(double x0, double y0, double x1, double y1) {
    return String.format(Locale.ROOT, "POLYGON((%.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f))", x0, y0, x1, y0, x1, y1,
        x0, y1, x0, y0);
  }

  static void parcel(Statement s, String id, String status, String use, String useName, String wkt, String board, String park,
      String smp) throws Exception {
    double m2 = Out.round(Geodesy.areaM2(WKT.read(wkt)), 1);
    s.execute("INSERT INTO parcels (id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2,"
        + " area_mu, synthetic, geom) VALUES ('" + id + "', 'zzetdz', " + q(board) + ", " + q(park) + ", " + q(smp) + ", '" + use
        + "', '" + useName + "', '" + status + "', " + m2 + ", " + m2 / Geodesy.M2_PER_MU + ", TRUE, ST_GeomFromText('" + wkt
        + "', 4490))");
  }

  static String q(String v) {
    return v == null ? "NULL" : "'" + v + "'";
  }

  static void plan(Statement s, String id, String layer, String kind, String zh, String en, String wkt) throws Exception {
    s.execute("INSERT INTO plan_features (id, layer, name_zh, name_en, zone, kind, source_doc, source_lines, schematic, geom)"
        + " VALUES ('" + id + "', '" + layer + "', '" + zh + "', '" + en + "', 'zzetdz', '" + kind + "', 'doc', '1', TRUE,"
        + " ST_GeomFromText('" + wkt + "', 4490))");
  }

  Geometry geom(String parcelId) throws Exception {
    try (Connection c = repo.connection()) {
      return repo.parcel(c, parcelId).orElseThrow().geom();
    }
  }

  /** The take as the corridor should measure it: geodesic area of the part inside the buffer. */
  double take(String parcelId, double width) throws Exception {
    Geometry road;
    try (Connection c = repo.connection()) {
      road = repo.planFeature(c, "RD-1").orElseThrow().geom();
    }
    Geometry corridor = CorridorService.buffer(road, width);
    return Geodesy.areaM2(OverlayNGRobust.overlay(geom(parcelId), corridor, OverlayNG.INTERSECTION));
  }

  // -------------------------------------------------------------------------------------------
  // what is here

  @Test
  void aClickNamesEveryLayerMostSpecificFirstThenFacilitiesNearestFirst() throws Exception {
    HereService.Result r = service.here(CLICK_LON, CLICK_LAT, HereService.DEFAULT_TOLERANCE_M);
    assertEquals(List.of("parcels", "small-micro-parks", "industrial-parks", "core-boards", "zones", "infrastructure",
        "infrastructure"), r.results().stream().map(HereService.Item::collection).toList());
    assertEquals(List.of(P2, "SMP", "IP", "CB", "Z", "SUB-1", "WP-1"), r.results().stream().map(HereService.Item::id).toList(),
        "the triangle and the L-shaped park only have the click in their boxes; the road is 55 m away");
    assertEquals(7, r.numberReturned());
    HereService.Item sub = r.results().get(5);
    assertEquals(Out.round(Geodesy.distanceM(CLICK_LON, CLICK_LAT, 113.7106, 34.7006), 1), sub.distance_m());
    assertEquals("变电站 · 一号变电站", sub.label_zh());
    assertEquals("substation · Substation 1", sub.label_en());
    assertEquals("基础设施", sub.collection_zh());
    assertEquals("变电站", sub.properties().get("kind_zh"));
    HereService.Item smp = r.results().get(1);
    assertEquals("小微企业园 · 小微园", smp.label_zh());
    assertEquals("small-micro park · Small park", smp.label_en());
    assertNull(smp.distance_m());
    assertFalse(smp.properties().containsKey("kind_zh"), "only infrastructure has a kind in words");
    HereService.Item p = r.results().get(0);
    assertEquals("郑州经开区 000002 号地块 · 一类工业用地 · 闲置 · " + String.format(Locale.ROOT, "%.2f", repoMu(P2)) + " 亩",
        p.label_zh());
    assertEquals("SMP", p.properties().get("small_micro_park"));
    assertEquals("IP", p.properties().get("park"));
  }

  double repoMu(String id) throws Exception {
    try (Connection c = repo.connection()) {
      return repo.parcel(c, id).orElseThrow().areaMu();
    }
  }

  @Test
  void aFacilityExactlyAtTheToleranceIsHereAndOneAHairFartherIsNot() throws Exception {
    double d = Geodesy.distanceM(CLICK_LON, CLICK_LAT, 113.7105, 34.7007);
    assertTrue(d > 20 && d < 25, "WP-1 is 0.0002° north: " + d);
    List<String> at = service.here(CLICK_LON, CLICK_LAT, d).results().stream().map(HereService.Item::id).toList();
    assertTrue(at.contains("WP-1"), at.toString());
    List<String> short_ = service.here(CLICK_LON, CLICK_LAT, Math.nextDown(d)).results().stream().map(HereService.Item::id)
        .toList();
    assertFalse(short_.contains("WP-1"), short_.toString());
    assertTrue(short_.contains("SUB-1"));
    List<String> wide = service.here(CLICK_LON, CLICK_LAT, 100).results().stream().map(HereService.Item::id).toList();
    assertEquals(List.of("SUB-1", "WP-1", "RD-1"), wide.subList(wide.size() - 3, wide.size()), "the road 55 m south, last");
  }

  // -------------------------------------------------------------------------------------------
  // drawn circles

  @Test
  void aCircleListsAParcelItReachesByHalfAMetreAndNotOneItMissesByHalfAMetre() throws Exception {
    // due south of P2: its south edge's nearest point is straight north of the centre
    double d0 = Geodesy.distanceM(CLICK_LON, 34.699, CLICK_LON, 34.700);
    List<String> misses = service.inside(Shapes.circle(CLICK_LON, 34.699, d0 - 0.5), InsideService.Mode.intersects,
        zoneatlas.auth.Role.anonymous, 100).parcels().stream().map(InsideService.Parcel::id).toList();
    assertEquals(List.of(), misses, "the prefilter's outer ring reaches P2; the circle does not");
    InsideService.Result reaches = service.inside(Shapes.circle(CLICK_LON, 34.699, d0 + 0.5), InsideService.Mode.intersects,
        zoneatlas.auth.Role.anonymous, 100);
    assertEquals(List.of(P2), reaches.parcels().stream().map(InsideService.Parcel::id).toList());
    assertFalse(reaches.parcels().get(0).within());
  }

  @Test
  void aParcelIsWithinACircleOnlyWhenItsFarthestCornerIs() throws Exception {
    double corner = Geodesy.distanceM(CLICK_LON, CLICK_LAT, 113.710, 34.701);
    assertTrue(corner > 70 && corner < 73, "P2's corners lie about 71 m from its middle: " + corner);
    List<String> wide = service.inside(Shapes.circle(CLICK_LON, CLICK_LAT, corner + 0.5), InsideService.Mode.within,
        zoneatlas.auth.Role.anonymous, 100).parcels().stream().map(InsideService.Parcel::id).toList();
    assertTrue(wide.contains(P2), wide.toString());
    List<String> tight = service.inside(Shapes.circle(CLICK_LON, CLICK_LAT, corner - 0.5), InsideService.Mode.within,
        zoneatlas.auth.Role.anonymous, 100).parcels().stream().map(InsideService.Parcel::id).toList();
    assertFalse(tight.contains(P2), tight.toString());
    InsideService.Parcel part = service.inside(Shapes.circle(CLICK_LON, CLICK_LAT, corner - 0.5), InsideService.Mode.intersects,
        zoneatlas.auth.Role.anonymous, 100).parcels().stream().filter(x -> x.id().equals(P2)).findFirst().orElseThrow();
    assertFalse(part.within());
    assertTrue(part.inside_share() > 0.9 && part.inside_share() < 1, "all but its four corners: " + part.inside_share());
  }

  // -------------------------------------------------------------------------------------------
  // corridors

  @Test
  void aRoadsCorridorTakesHalfItsWidthEitherSideAndStopsWhereTheRoadDoes() throws Exception {
    CorridorService.Result r = service.corridor("RD-1", null);
    assertEquals(40.0, r.width_m());
    assertEquals("assumed default for road (the plan states no red-line width); pass width_m to set it", r.width_source());
    assertEquals("RD-1", r.infrastructure().id());
    assertEquals("道路", r.infrastructure().kind_zh());
    double len = Geodesy.lengthM(WKT.read("LINESTRING(113.700 34.700, 113.720 34.700)"));
    assertEquals(Out.round(len, 1), r.length_m());
    assertEquals(len * 40, r.corridor_area_m2(), len * 40 * 0.002, "a flat-ended corridor: length × width");
    assertEquals(Out.mu(r.corridor_area_m2()), r.corridor_area_mu(), 0.01);
    assertTrue(r.method().contains("EPSG:4547"), r.method());
    // largest take first; E1 past the east end is not reached by a flat end
    assertEquals(List.of(C3, P2, C1), r.parcels().stream().map(CorridorService.Parcel::id).toList());
    assertEquals(3, r.numberMatched());
    assertEquals(3, r.numberReturned());
    assertFalse(r.truncated());
    double tC3 = take(C3, 40);
    double tP2 = take(P2, 40);
    double tC1 = geomArea(C1);
    assertEquals(183.0 * 20, tC3, 183.0 * 20 * 0.01, "C3: 0.002° of longitude × 20 m");
    assertEquals(91.5 * 20, tP2, 91.5 * 20 * 0.01, "P2: 0.001° of longitude × 20 m");
    CorridorService.Parcel p2 = r.parcels().get(1);
    assertEquals(Out.round(tP2, 1), p2.take_m2());
    assertEquals(Out.mu(tP2), p2.take_mu());
    assertEquals(Out.round(tP2 / storedM2(P2), 4), p2.take_share());
    assertEquals("闲置", p2.status_zh());
    CorridorService.Parcel c1 = r.parcels().get(2);
    assertEquals(1.0, c1.take_share(), "wholly inside");
    assertEquals(storedM2(C1), c1.take_m2());
    assertEquals(tC1, storedM2(C1), 0.1);
    CorridorService.Totals t = r.totals();
    assertEquals(3, t.count());
    assertEquals(Out.mu(storedM2(C1) + storedM2(P2) + storedM2(C3)), t.parcels_area_mu(), 0.0051);
    double sum = tC3 + tP2 + storedM2(C1);
    assertEquals(Out.round(sum, 1), t.take_m2(), 0.05);
    assertEquals(Out.mu(sum), t.take_mu(), 0.005);
    assertEquals(Out.ha(sum), t.take_ha(), 0.00005);
    // groups by what is taken, largest first, shares of the take
    assertEquals(List.of("available", "idle"), r.by_status().stream().map(Out.Group::code).toList());
    assertEquals(2, r.by_status().get(0).count());
    assertEquals(Out.mu(tC3 + storedM2(C1)), r.by_status().get(0).part_mu(), 0.005);
    assertEquals(Out.round(tP2 / sum, 4), r.by_status().get(1).share(), 1e-4);
    assertEquals(List.of("100102", "100101"), r.by_land_use().stream().map(Out.Group::code).toList());
    assertEquals("二类工业用地", r.by_land_use().get(0).name_zh());
    assertEquals(Out.mu(storedM2(C1) + storedM2(P2)), r.by_land_use().get(1).area_mu());
  }

  double geomArea(String id) throws Exception {
    return Geodesy.areaM2(geom(id));
  }

  double storedM2(String id) throws Exception {
    try (Connection c = repo.connection()) {
      return repo.parcel(c, id).orElseThrow().areaM2();
    }
  }

  @Test
  void aGivenWidthIsUsedAndSaidToBeGiven() throws Exception {
    CorridorService.Result r = service.corridor("RD-1", 10.0);
    assertEquals("given", r.width_source());
    assertEquals(10.0, r.width_m());
    CorridorService.Parcel p2 = r.parcels().stream().filter(p -> p.id().equals(P2)).findFirst().orElseThrow();
    assertEquals(91.5 * 5, p2.take_m2(), 91.5 * 5 * 0.01, "5 m either side");
  }

  @Test
  void aLongListIsCutButTheTotalsCoverEveryParcel() throws Exception {
    CorridorService.Result r = new CorridorService(repo, new SitesService.Limits(2, 1000, 100, 100_000)).corridor("RD-1", null, 2);
    assertEquals(3, r.numberMatched());
    assertEquals(3, r.totals().count());
    assertEquals(2, r.numberReturned());
    assertTrue(r.truncated());
    // the largest two takes of the three (C3, P2, C1 uncut), not the first two read
    assertEquals(List.of(C3, P2), r.parcels().stream().map(CorridorService.Parcel::id).toList());
  }

  @Test
  void aCorridorNeedsARoadOrLineItKnowsAndAtMostTheCandidateLimitOfParcels() throws Exception {
    assertEquals(404, assertThrows(ApiError.class, () -> service.corridor("Z", null)).status, "a zone is no infrastructure");
    assertEquals(404, assertThrows(ApiError.class, () -> service.corridor("nope", null)).status);
    ApiError point = assertThrows(ApiError.class, () -> service.corridor("SUB-1", null));
    assertEquals("id", point.parameter);
    assertTrue(point.getMessage().contains("'SUB-1' is a Point; a corridor needs a line"), point.getMessage());
    ApiError gas = assertThrows(ApiError.class, () -> service.corridor("GAS-1", null));
    assertEquals("width_m", gas.parameter);
    assertTrue(gas.getMessage().contains("kind 'gas'"), gas.getMessage());
    // the corridor's prefilter meets C1, P2 and C3: exactly 3 may be examined, 2 may not
    assertEquals(3, new CorridorService(repo, new SitesService.Limits(100, 3, 100, 100_000)).corridor("RD-1", null, 100)
        .numberMatched());
    ApiError many = assertThrows(ApiError.class,
        () -> new CorridorService(repo, new SitesService.Limits(100, 2, 100, 100_000)).corridor("RD-1", null, 100));
    assertEquals("width_m", many.parameter);
    assertTrue(many.getMessage().contains("reaches more than 2 parcels"), many.getMessage());
  }

  // -------------------------------------------------------------------------------------------
  // cards

  @Test
  void aCardListsTheFirmsOnTheParcelOwnersFirstAndOnlyTheYearsItKnows() throws Exception {
    SiteCards.Card card = service.card(P2, Investor.NONE);
    assertEquals(List.of("E-1", "E-2"), card.enterprises().stream().map(SiteRepo.Occupant::id).toList());
    SiteRepo.Occupant owner = card.enterprises().get(0);
    assertEquals("一号机械", owner.name_zh());
    assertEquals("owner", owner.role());
    assertEquals(1.0, owner.share());
    assertEquals(2019, owner.since_year());
    assertNull(card.enterprises().get(1).since_year(), "a tenant without a start year has none, not year 0");
    assertEquals(2018, card.attributes().get("supply_year"));
    SiteCards.Card bare = service.card(C1, Investor.NONE);
    assertNull(bare.attributes().get("supply_year"), "no supply year is no year, not 0");
    assertTrue(bare.enterprises().isEmpty());
    HereService.Item here = service.here(CLICK_LON, CLICK_LAT, 0).results().get(0);
    assertEquals(P2, here.id());
    assertEquals(List.of("E-1", "E-2"), here.enterprises().stream().map(SiteRepo.Occupant::id).toList());
  }

  @Test
  void aCardNamesTheZoneBoardParkAndSmallMicroParkTheParcelLiesIn() throws Exception {
    SiteCards.Card card = service.card(P2, Investor.NONE);
    SiteCards.Place p = card.place();
    assertEquals("郑州经济技术开发区", p.zone_zh());
    assertEquals("Zhengzhou ETDZ", p.zone_en());
    assertEquals("CB", p.board());
    assertEquals("核心板块", p.board_zh());
    assertEquals("Core board", p.board_en());
    assertEquals("装备园", p.park_zh());
    assertEquals("Equipment park", p.park_en());
    assertEquals("SMP", p.small_micro_park());
    assertEquals("小微园", p.small_micro_park_zh());
    assertEquals("Small park", p.small_micro_park_en());
    SiteCards.Place none = service.card(C1, Investor.NONE).place();
    assertEquals("郑州经济技术开发区", none.zone_zh());
    assertNull(none.board_zh());
    assertNull(none.park_zh());
    assertNull(none.small_micro_park_zh());
    assertEquals(Out.round(storedM2(P2), 1), card.attributes().get("area_m2"));
    assertEquals(Out.ha(storedM2(P2)), card.attributes().get("area_ha"));
    assertEquals("闲置", card.attributes().get("status_zh"));
    assertEquals(113.71, card.bbox()[0], 1e-9);
    assertEquals(34.70, card.bbox()[1], 1e-9);
    assertEquals(113.711, card.bbox()[2], 1e-9);
    assertEquals(34.701, card.bbox()[3], 1e-9);
    Map<String, NearService.NearestItem> near = new java.util.HashMap<>();
    card.nearest().forEach(n -> near.put(n.category(), n));
    assertEquals("SUB-1", near.get("substation").feature().id());
    assertEquals("WP-1", near.get("water_plant").feature().id());
    assertTrue(card.note_zh().startsWith("地块及企业为合成示例数据"));
    assertTrue(card.geometry().startsWith("{\"type\":\"Polygon\""), card.geometry());
    assertFalse(card.geometry().contains("crs"), "RFC 7946 GeoJSON names no crs: " + card.geometry());
    String svg = service.mapSvg(P2);
    assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, Math.min(80, svg.length())));
    assertTrue(svg.contains("</svg>"));
    SiteCards.Comparison cmp = service.compare(List.of(P2, C1), Investor.NONE);
    assertEquals(2, cmp.count());
    assertEquals(List.of(P2, C1), cmp.sites().stream().map(SiteCards.Card::id).toList());
  }
}
