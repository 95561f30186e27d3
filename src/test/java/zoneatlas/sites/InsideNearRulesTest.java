package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.io.WKTReader;
import zoneatlas.auth.Role;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;
import zoneatlas.sites.InsideService.EffEnterprise;
import zoneatlas.sites.InsideService.EffGroup;
import zoneatlas.sites.InsideService.Mode;
import zoneatlas.sites.InsideService.Result;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * A drawn area's sums and a site's nearest facilities on a hand-made zone whose answers are
 * worked out here, not by the code under test.
 *
 * <p>Five parcels of one size m (0.001° square, all in the band 34.700–34.701°N, so equal in
 * geodesic area): A, B (一类工业), C (零售商业) and, east of the drawn square S, D (一类工业);
 * X (二类工业) straddles S's east edge, half inside. Firms, latest year 2023 (E1 also has a 2022
 * row that must be ignored): E1 owns A and D (tax 100, revenue 1000), E2 owns B (50, 400), E3 owns
 * C and rents half of A (30, 300), E4 rents a quarter of C and reports nothing, E5 owns X (20,
 * 100), E6 rents a quarter of A (10, 90). Owners are recorded with share 1 whatever is leased: as
 * in the evaluation, what is leased out comes off the owner's land, so E1 holds a quarter of A
 * (0.25m of its 1.25m) and E3 three quarters of C. A firm's figures count in S by its land there
 * over all its land: E1 a fifth, E3 all, so S's tax is 20+50+30+20+10 = 130 on 4m of land (the
 * parcels' own 4m: no land counted twice), 3.75m of it with figures. A has three firms with
 * figures and no park, so the disclosure rules publish A (and the zone) and withhold every other
 * parcel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsideNearRulesTest {
  static final String A = "P-zzetdz-000101";
  static final String B = "P-zzetdz-000102";
  static final String C = "P-zzetdz-000103";
  static final String D = "P-zzetdz-000104";
  static final String X = "P-zzetdz-000105";
  static final WKTReader WKT = new WKTReader(Shapes.GF);
  /** The drawn square: A, B and C wholly inside, X half, D outside. */
  static final String S = SiteServicesRulesTest.box(113.6995, 34.6995, 113.7060, 34.7015);
  static final double LAT0 = 34.7005;

  SqlStore store;
  SitesService service;
  double m;

  @BeforeAll
  void load() throws Exception {
    store = TestStores.freshH2();
    service = new SitesService(store, new SitesService.Limits(100, 1000, 100, 100_000));
    m = Geodesy.areaM2(WKT.read(sq(113.700))) / Geodesy.M2_PER_MU;
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      SiteServicesRulesTest.parcel(s, A, "in_use", "100101", "一类工业用地", sq(113.700), null, null, null);
      SiteServicesRulesTest.parcel(s, B, "in_use", "100101", "一类工业用地", sq(113.702), null, null, null);
      SiteServicesRulesTest.parcel(s, C, "in_use", "090101", "零售商业用地", sq(113.704), null, null, null);
      SiteServicesRulesTest.parcel(s, D, "in_use", "100101", "一类工业用地", sq(113.720), null, null, null);
      SiteServicesRulesTest.parcel(s, X, "in_use", "100102", "二类工业用地", sq(113.7055), null, null, null);
      s.execute("INSERT INTO enterprises (id, uscc, name_zh, name_en, zone, industry, synthetic) VALUES"
          + " ('E-1', 'U1', '一号', 'One', 'zzetdz', 'machinery', TRUE), ('E-2', 'U2', '二号', 'Two', 'zzetdz', 'machinery', TRUE),"
          + " ('E-3', 'U3', '三号', 'Three', 'zzetdz', 'retail', TRUE), ('E-4', 'U4', '四号', 'Four', 'zzetdz', 'retail', TRUE),"
          + " ('E-5', 'U5', '五号', 'Five', 'zzetdz', 'machinery', TRUE), ('E-6', 'U6', '六号', 'Six', 'zzetdz', 'machinery', TRUE)");
      s.execute("INSERT INTO land_uses (enterprise_id, parcel_id, role, share, since_year) VALUES"
          + " ('E-1', '" + A + "', 'owner', 1.0, NULL), ('E-1', '" + D + "', 'owner', 1.0, NULL),"
          + " ('E-2', '" + B + "', 'owner', 1.0, NULL), ('E-3', '" + C + "', 'owner', 1.0, NULL),"
          + " ('E-3', '" + A + "', 'tenant', 0.5, NULL), ('E-4', '" + C + "', 'tenant', 0.25, NULL),"
          + " ('E-5', '" + X + "', 'owner', 1.0, NULL), ('E-6', '" + A + "', 'tenant', 0.25, NULL)");
      s.execute("INSERT INTO enterprise_figures (enterprise_id, year, tax_wan, revenue_wan) VALUES"
          + " ('E-1', 2022, 999, 9999), ('E-1', 2023, 100, 1000), ('E-2', 2023, 50, 400), ('E-3', 2023, 30, 300),"
          + " ('E-5', 2023, 20, 100), ('E-6', 2023, 10, 90)");
      SiteServicesRulesTest.plan(s, "Z", "zones", "development_zone", "郑州经济技术开发区", "Zhengzhou ETDZ",
          SiteServicesRulesTest.box(113.69, 34.69, 113.73, 34.71));
      // a city district over the zone and beyond it, and another zone's corner further east
      SiteServicesRulesTest.plan(s, "DIST", "zones", "district", "管城区", "Guancheng District",
          SiteServicesRulesTest.box(113.60, 34.60, 113.80, 34.80));
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  /** A 0.001° square whose west edge is at {@code lon}, in the band 34.700–34.701°N. */
  static String sq(double lon) {
    return SiteServicesRulesTest.box(lon, 34.700, lon + 0.001, 34.701);
  }

  Shapes.Shape drawn(String wkt) throws Exception {
    org.locationtech.jts.geom.Geometry g = WKT.read(wkt);
    return new Shapes.Area(g, org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(g));
  }

  static void near(double want, Double got, String what) {
    assertNotNull(got, what);
    assertEquals(want, got, 0.011, what);
  }

  static EffGroup use(Result r, String code) {
    return r.efficiency().by_land_use().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aLandOfficerGetsEachFirmsFiguresApportionedByItsLandInTheArea() throws Exception {
    Result r = service.inside(drawn(S), Mode.intersects, Role.land_officer, 100);
    assertEquals(4, r.numberMatched(), "A, B, C and the half of X");
    assertEquals(Out.mu(4 * m * Geodesy.M2_PER_MU), r.totals().area_mu(), 0.01);
    assertEquals(3.5 * m, r.totals().inside_mu(), 0.02, "X counts half inside");
    InsideService.Efficiency e = r.efficiency();
    assertEquals(2023, e.year(), "the latest year, not E1's 2022 row");
    EffGroup t = e.total();
    assertEquals(6, t.enterprises());
    assertEquals(4 * m, t.land_mu(), 0.011, "the firms hold the parcels' land once, leases off the owners");
    assertEquals(5L, t.with_figures(), "E4 reports nothing");
    near(130, t.tax_wan(), "E1 a fifth of 100, the rest whole");
    near(200 + 400 + 300 + 100 + 90, t.revenue_wan(), "revenue the same way");
    near(Math.round(130 / (3.75 * m) * 100) / 100.0, t.tax_wan_per_mu(), "per mu of the land of firms with figures");
    near(Math.round(1090 / (3.75 * m) * 100) / 100.0, t.revenue_wan_per_mu(), "revenue per mu likewise");
    assertNull(t.suppressed());

    List<String> order = e.by_land_use().stream().map(EffGroup::code).toList();
    assertEquals(List.of("100101", "090101", "100102"), order, "largest land first, equal land by code");
    EffGroup ind = use(r, "100101");
    assertEquals(4, ind.enterprises(), "E1, E2, E3 (its part of A) and E6");
    assertEquals(2 * m, ind.land_mu(), 0.011);
    near(20 + 50 + 12 + 10, ind.tax_wan(), "E3's industrial land here is 0.5m of its 1.25m: 12 of 30");
    near(Math.round(92 / (2 * m) * 100) / 100.0, ind.tax_wan_per_mu(), "per mu of the group");
    EffGroup retail = use(r, "090101");
    assertEquals(2, retail.enterprises());
    assertEquals(m, retail.land_mu(), 0.011);
    assertNull(retail.tax_wan(), "two firms: withheld even from a land officer's sums");
    assertTrue(retail.suppressed_zh().contains("企业不足3家"), retail.suppressed_zh());
    assertNull(use(r, "100102").tax_wan(), "one firm");
    assertEquals("零售商业用地", retail.name());

    List<EffEnterprise> firms = e.enterprises();
    assertEquals(List.of("E-1", "E-2", "E-3", "E-4", "E-5", "E-6"), firms.stream().map(EffEnterprise::id).toList());
    EffEnterprise e1 = firms.get(0);
    assertEquals(List.of(A), e1.parcels());
    assertEquals(0.25 * m, e1.land_mu_here(), 0.011, "A less what E3 and E6 lease");
    assertEquals(1.25 * m, e1.land_mu_all(), 0.011);
    near(100, e1.tax_wan(), "the firm's whole tax");
    near(20, e1.tax_wan_here(), "a fifth of its land is here");
    near(200, e1.revenue_wan_here(), "a fifth of its revenue");
    near(Math.round(100 / (1.25 * m) * 100) / 100.0, e1.tax_wan_per_mu(), "over all its land");
    assertEquals(List.of(A, C), firms.get(2).parcels(), "sorted");
    EffEnterprise e4 = firms.get(3);
    assertNull(e4.tax_wan());
    assertNull(e4.tax_wan_here());
    assertNull(e4.revenue_wan_here());
    assertNull(e4.tax_wan_per_mu());
    assertEquals(0.25 * m, e4.land_mu_here(), 0.011);
    assertEquals("汇总及分企业数据", e.access_zh());
  }

  @Test
  void anonymousUsersAndProspectsGetCountsAndLandButNoSums() throws Exception {
    for (Role role : new Role[] {Role.anonymous, Role.prospect}) {
      InsideService.Efficiency e = service.inside(drawn(S), Mode.intersects, role, 100).efficiency();
      assertEquals(6, e.total().enterprises(), role.name());
      assertEquals(4 * m, e.total().land_mu(), 0.011);
      assertNull(e.total().tax_wan(), role.name());
      assertNull(e.total().with_figures(), role.name());
      assertNull(e.enterprises(), role.name());
      assertTrue(e.total().suppressed_zh().contains("规划人员及以上"), e.total().suppressed_zh());
      for (EffGroup g : e.by_land_use()) {
        assertNull(g.tax_wan(), role + " " + g.code());
        assertNull(g.revenue_wan_per_mu(), role + " " + g.code());
      }
      assertTrue(e.access_zh().startsWith("仅显示企业数与用地"), e.access_zh());
    }
  }

  @Test
  void aPlannerGetsOnlyThePublishedCellsWhollyInside() throws Exception {
    Result r = service.inside(drawn(S), Mode.intersects, Role.planner, 100);
    InsideService.Efficiency e = r.efficiency();
    assertNull(e.enterprises(), "never per firm");
    assertEquals(1, e.counted().size(), "A alone is published and inside: " + e.counted());
    InsideService.Counted a = e.counted().get(0);
    assertEquals(A, a.id());
    assertEquals("parcel", a.level());
    assertNull(a.name_zh(), "a parcel has no name of its own");
    assertEquals(1, e.parcels_counted());
    assertEquals(3, e.parcels_left_out(), "B, C and X are withheld parcels");
    // A: a fifth of E1, 0.5m of E3's 1.25m, all of E6: what a land officer's sums give it too
    near(20 + 12 + 10, e.total().tax_wan(), "A's published tax");
    near(200 + 120 + 90, e.total().revenue_wan(), "A's published revenue");
    near(Math.round(42 / m * 100) / 100.0, e.total().tax_wan_per_mu(), "over A's land");
    assertEquals(6, e.total().enterprises(), "counts stay");
    assertEquals(2023, e.year());
    for (EffGroup g : e.by_land_use()) {
      assertNull(g.tax_wan(), g.code());
      assertTrue(g.suppressed_zh().contains("土地管理人员"), g.suppressed_zh());
    }

    InsideService.Efficiency whole = service.inside(drawn(SiteServicesRulesTest.box(113.695, 34.695, 113.725, 34.705)),
        Mode.intersects, Role.planner, 100).efficiency();
    assertEquals(List.of("zone"), whole.counted().stream().map(InsideService.Counted::level).toList(),
        "the zone, coarsest first, stands for all its parcels");
    assertEquals("郑州经济技术开发区", whole.counted().get(0).name_zh());
    assertEquals(5, whole.parcels_counted());
    assertEquals(0, whole.parcels_left_out());
    near(210, whole.total().tax_wan(), "every firm's whole tax");
    near(Math.round(210 / (4.75 * m) * 100) / 100.0, whole.total().tax_wan_per_mu(),
        "over the zone's land of firms with figures (not E4's quarter of C)");

    InsideService.Efficiency onlyB = service.inside(drawn(SiteServicesRulesTest.box(113.7015, 34.6995, 113.7035, 34.7015)),
        Mode.intersects, Role.planner, 100).efficiency();
    assertTrue(onlyB.counted().isEmpty());
    assertNull(onlyB.total().tax_wan(), "B's one firm is not shown");
    assertNull(onlyB.total().tax_wan_per_mu());
    assertTrue(onlyB.total().suppressed_zh().contains("不显示税收"), onlyB.total().suppressed_zh());
    assertEquals(1, onlyB.parcels_left_out());
    assertEquals(0, onlyB.parcels_counted());

    InsideService.Efficiency halfA = service.inside(drawn(SiteServicesRulesTest.box(113.6995, 34.6995, 113.7005, 34.7015)),
        Mode.intersects, Role.planner, 100).efficiency();
    assertTrue(halfA.counted().isEmpty(), "A meets the area but is not wholly inside it");
    assertNull(halfA.total().tax_wan());
  }

  @Test
  void withinLeavesOutWhatCrossesTheEdgeAndTotalsCoverEveryMatchAfterTheCut() throws Exception {
    Result within = service.inside(drawn(S), Mode.within, Role.land_officer, 100);
    assertEquals(3, within.numberMatched(), "X crosses the edge");
    assertTrue(within.parcels().stream().allMatch(InsideService.Parcel::within));
    assertEquals(3 * m, within.totals().inside_mu(), 0.011);
    assertFalse(within.efficiency().by_land_use().stream().anyMatch(g -> g.code().equals("100102")));

    Result cut = service.inside(drawn(S), Mode.intersects, Role.anonymous, 2);
    assertEquals(4, cut.numberMatched());
    assertEquals(2, cut.numberReturned());
    assertEquals(2, cut.parcels().size());
    assertTrue(cut.truncated());
    assertEquals(3.5 * m, cut.totals().inside_mu(), 0.02, "totals count the parcels past the cut");
    InsideService.Parcel x = service.inside(drawn(S), Mode.intersects, Role.anonymous, 100).parcels().stream()
        .filter(p -> p.id().equals(X)).findFirst().orElseThrow();
    assertFalse(x.within());
    assertEquals(0.5, x.inside_share(), 0.01);
    assertEquals(m / 2, x.inside_mu(), 0.01);
    Result exact = service.inside(drawn(S), Mode.intersects, Role.anonymous, 4);
    assertFalse(exact.truncated(), "a limit equal to the matches cuts nothing");

    SitesService tight = new SitesService(store, new SitesService.Limits(100, 3, 100, 100_000));
    ApiError tooMany = assertThrows(ApiError.class, () -> tight.inside(drawn(S), Mode.intersects, Role.anonymous, 100));
    assertTrue(tooMany.getMessage().contains("more than 3 parcels"), tooMany.getMessage());
    SitesService justEnough = new SitesService(store, new SitesService.Limits(100, 4, 100, 100_000));
    assertEquals(4, justEnough.inside(drawn(S), Mode.intersects, Role.anonymous, 100).numberMatched(),
        "exactly the candidate limit is allowed");
  }

  @Test
  void theDownloadsSpeakTheReadersLanguageAndCarryTheSameNumbers() throws Exception {
    Result r = service.inside(drawn(S), Mode.intersects, Role.anonymous, 100);
    java.util.function.Function<String, String[]> names =
        id -> id.equals("zzetdz") ? new String[] {"郑州经济技术开发区", "Zhengzhou ETDZ"} : null;
    java.io.ByteArrayOutputStream zh = new java.io.ByteArrayOutputStream();
    InsideExport.writeCsv(zh, r, "zh", names);
    String text = zh.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF地块编号,所属开发区,所属产业园区,所属小微企业园,用地分类代码,用地分类,土地状态,"), text);
    List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text.substring(1))).getRecords();
    assertEquals(4, rows.size());
    var x = rows.stream().filter(row -> row.get("地块编号").equals(X)).findFirst().orElseThrow();
    assertEquals("郑州经济技术开发区", x.get("所属开发区"));
    assertEquals("", x.get("所属产业园区"), "no park: an empty cell, not a code");
    assertEquals("二类工业用地", x.get("用地分类"));
    assertEquals(Labels.status("in_use").zh(), x.get("土地状态"));
    assertEquals(String.format(Locale.ROOT, "%.2f", m), x.get("地块面积（亩）"));
    assertEquals(String.format(Locale.ROOT, "%.2f", m / 2), x.get("范围内面积（亩）"), "half inside");
    assertEquals("50.00", x.get("范围内比例（%）"));
    assertEquals("否", x.get("整块在范围内"));
    assertEquals("合成数据（演示）", x.get("数据性质"));
    assertEquals(113.706, Double.parseDouble(x.get("经度")), 0.0006, "a point inside the parcel");
    assertEquals(34.7005, Double.parseDouble(x.get("纬度")), 0.0006);
    assertEquals("是", rows.stream().filter(row -> row.get("地块编号").equals(A)).findFirst().orElseThrow().get("整块在范围内"));

    java.io.ByteArrayOutputStream en = new java.io.ByteArrayOutputStream();
    InsideExport.writeCsv(en, r, "en", names);
    List<org.apache.commons.csv.CSVRecord> enRows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(en.toString(java.nio.charset.StandardCharsets.UTF_8)
            .substring(1))).getRecords();
    var xEn = enRows.stream().filter(row -> row.get("Parcel id").equals(X)).findFirst().orElseThrow();
    assertEquals("Zhengzhou ETDZ", xEn.get("Zone"));
    assertEquals(Labels.status("in_use").en(), xEn.get("Land status"));
    assertEquals("no", xEn.get("Wholly inside"));
    assertEquals("synthetic (demo)", xEn.get("Data"));

    java.io.ByteArrayOutputStream gj = new java.io.ByteArrayOutputStream();
    InsideExport.writeGeoJson(gj, service.inside(drawn(S), Mode.intersects, Role.anonymous, 2), "zh", names);
    com.fasterxml.jackson.databind.JsonNode fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(gj.toByteArray());
    assertEquals(4, fc.path("numberMatched").asInt());
    assertEquals(2, fc.path("numberReturned").asInt());
    assertTrue(fc.path("truncated").asBoolean());
    assertTrue(fc.path("synthetic").asBoolean());
    assertEquals(2, fc.path("features").size());
    com.fasterxml.jackson.databind.JsonNode f = fc.path("features").get(0);
    assertEquals(A, f.path("id").asText());
    assertEquals("Polygon", f.path("geometry").path("type").asText());
    com.fasterxml.jackson.databind.JsonNode props = f.path("properties");
    assertEquals("zzetdz", props.path("zone").asText(), "the code a GIS joins on");
    assertEquals("郑州经济技术开发区", props.path("zone_name").asText(), "and the word beside it");
    assertEquals(Labels.status("in_use").zh(), props.path("status_text").asText());
    assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.2f", m)), props.path("inside_mu").asDouble());
    assertEquals(100.0, props.path("inside_share").asDouble());
    assertTrue(props.path("within").asBoolean());
    assertEquals("", props.path("park_name").asText());

    java.time.Instant evening = java.time.Instant.parse("2026-12-07T17:00:00Z");
    assertEquals("范围内地块_20261208.csv", InsideExport.fileName("zh", evening, "csv"), "the day in Beijing");
    assertEquals("parcels-inside_20261208.geojson", InsideExport.fileName("en", evening, "geojson"));
  }

  // ---------------------------------------------------------------------------------------------
  // near

  static String point(double lon, double lat) {
    return String.format(Locale.ROOT, "POINT(%.6f %.6f)", lon, lat);
  }

  /** Degrees of longitude for {@code metres} along the parallel {@link #LAT0} (about). */
  static double dLon(double metres) {
    return metres / (111_320 * Math.cos(Math.toRadians(LAT0)));
  }

  @Test
  void theNearestIsFoundBeyondTheFirstWindowWhenTheWindowsCornerHoldsAFartherOne() throws Exception {
    SqlStore s2 = TestStores.freshH2();
    try (s2) {
      double lon0 = 113.71;
      try (Connection c = s2.connection(); Statement s = c.createStatement()) {
        SiteServicesRulesTest.plan(s, "Z", "zones", "development_zone", "开发区", "Zone",
            SiteServicesRulesTest.box(113.5, 34.5, 113.9, 34.9));
        // 2.5 km away diagonally: inside the first (2 km) window's corner; 2.1 km due east: outside it
        double diag = 2500 / Math.sqrt(2);
        SiteServicesRulesTest.plan(s, "ROAD-DIAG", "infrastructure", "road", "斜路", "Diagonal road",
            point(lon0 + dLon(diag), LAT0 + diag / 110_900));
        SiteServicesRulesTest.plan(s, "ROAD-EAST", "infrastructure", "road", "东路", "East road", point(lon0 + dLon(2100), LAT0));
        // two substations the same distance away, west and east: the smaller id wins
        SiteServicesRulesTest.plan(s, "SUB-B", "infrastructure", "substation", "乙变电站", "Substation B", point(lon0 + 0.03, LAT0));
        SiteServicesRulesTest.plan(s, "SUB-A", "infrastructure", "substation", "甲变电站", "Substation A", point(lon0 - 0.03, LAT0));
        // a water works 40 km away: beyond its 30 km radius
        SiteServicesRulesTest.plan(s, "WP-FAR", "infrastructure", "water_plant", "远水厂", "Far water works",
            point(lon0 + dLon(40_000), LAT0));
      }
      SitesService svc = new SitesService(s2, new SitesService.Limits(100, 1000, 100, 100_000));
      NearService.Result r = svc.nearPoint(lon0, LAT0, List.of("road", "substation", "water_plant"), 2200.0);
      assertEquals("zzetdz", r.site().zone());
      NearService.NearestItem road = r.nearest().get(0);
      assertEquals("ROAD-EAST", road.feature().id(), "the nearer one lay outside the first window");
      assertEquals(Vincenty.distance(lon0, LAT0, lon0 + dLon(2100), LAT0), road.distance_m(), 0.1);
      assertEquals("SUB-A", r.nearest().get(1).feature().id(), "equal distances: the smaller id");
      NearService.NearestItem water = r.nearest().get(2);
      assertNull(water.feature());
      assertEquals(30_000, water.none_within_m());
      assertEquals(30_000, water.radius_m());
      assertEquals("city", water.serves());
      // within 2.2 km: the east road (2.1 km), not the diagonal one (2.5 km); sorted by distance
      assertEquals(List.of("Z", "ROAD-EAST"), r.within().stream().map(i -> i.feature().id()).toList());
      assertEquals(2, r.numberWithin());
      assertFalse(r.truncated());
      assertEquals(0, r.within().get(0).distance_m(), "the site lies in the zone");
      NearService.Result none = svc.nearPoint(lon0, LAT0, List.of("road"), null);
      assertNull(none.within(), "no radius, no list");
      assertNull(none.numberWithin());
    }
  }

  @Test
  void facilitiesServeTheirOwnZoneOrCityAndAPointsZoneIsTheDevelopmentZoneOverTheDistrict() throws Exception {
    SqlStore s2 = TestStores.freshH2();
    try (s2) {
      try (Connection c = s2.connection(); Statement s = c.createStatement()) {
        // the district is listed first by id and covers the zone: the zone still names the point
        SiteServicesRulesTest.plan(s, "A-DIST", "zones", "district", "区", "District", SiteServicesRulesTest.box(113.5, 34.5, 113.9, 34.9));
        s.execute("UPDATE plan_features SET zone = 'zhengzhou' WHERE id = 'A-DIST'");
        SiteServicesRulesTest.plan(s, "Z", "zones", "development_zone", "开发区", "Zone", SiteServicesRulesTest.box(113.6, 34.6, 113.8, 34.8));
        SiteServicesRulesTest.plan(s, "SUB-NEAR", "infrastructure", "substation", "近变电站", "Near substation",
            point(113.71, 34.701));
        s.execute("UPDATE plan_features SET zone = 'xxetdz' WHERE id = 'SUB-NEAR'");
        SiteServicesRulesTest.plan(s, "SUB-OWN", "infrastructure", "substation", "本区变电站", "Own substation",
            point(113.71, 34.72));
        SiteServicesRulesTest.plan(s, "WP-CITY", "infrastructure", "water_plant", "市水厂", "City water works",
            point(113.72, 34.73));
        s.execute("UPDATE plan_features SET zone = 'zhengzhou' WHERE id = 'WP-CITY'");
      }
      SitesService svc = new SitesService(s2, new SitesService.Limits(100, 1000, 100, 100_000));
      NearService.Result inZone = svc.nearPoint(113.71, 34.70, List.of("substation", "water_plant"), null);
      assertEquals("zzetdz", inZone.site().zone(), "the development zone, though the district comes first");
      assertEquals("SUB-OWN", inZone.nearest().get(0).feature().id(), "another zone's substation does not serve it");
      assertEquals("WP-CITY", inZone.nearest().get(1).feature().id(), "the city's water works serves its zones");
      NearService.Result inDistrict = svc.nearPoint(113.85, 34.85, List.of("substation"), null);
      assertEquals("zhengzhou", inDistrict.site().zone(), "outside the zone, the district");
      NearService.Result outside = svc.nearPoint(114.5, 35.5, List.of("substation"), null);
      assertNull(outside.site().zone(), "in no zone");
    }
  }
}
