package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.sites.StandardLand.Investor;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * The site finder on a handful of hand-made parcels and facilities, where every answer is known:
 * which facility is "nearest" (only those that may serve the parcel, the smaller id on a tie, a
 * parcel exactly at the limit still in), how many parcels each test turned away (only the first
 * test a parcel fails counts it), how the list is ordered and cut, and what a listed site says.
 *
 * <p>All parcels lie in one row along 34.70°N, 0.001° squares (about 91 m × 111 m):
 * <pre>
 *   lon      113.700  113.710   113.720  113.740  113.7605  113.760  113.780  113.800  113.820  113.840
 *            A(10mu)  RS-A,RS-B B(20,idle) C(20) SUB-CITY   D(in use) E(5)   F(8)     X(xxetdz) G(12)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteFinderRulesTest {
  static final String A = "P-zzetdz-000001";
  static final String B = "P-zzetdz-000002";
  static final String C = "P-zzetdz-000003";
  static final String D = "P-zzetdz-000004";
  static final String E = "P-zzetdz-000005";
  static final String F = "P-zzetdz-000006";
  static final String G = "P-zzetdz-000007";
  static final String X = "P-xxetdz-000001";

  SqlStore store;
  SitesService service;
  SiteRepo repo;

  @BeforeAll
  void load() throws Exception {
    store = TestStores.freshH2();
    service = new SitesService(store, new SitesService.Limits(5000, 1000, 5000, 100_000));
    repo = new SiteRepo(store);
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      parcel(s, A, "zzetdz", "available", 10, 300.0, 20.0, 113.700);
      parcel(s, B, "zzetdz", "idle", 20, null, null, 113.720);
      parcel(s, C, "zzetdz", "available", 20, null, null, 113.740);
      parcel(s, D, "zzetdz", "in_use", 50, null, null, 113.760);
      parcel(s, E, "zzetdz", "available", 5, 700.0, 50.0, 113.780);
      parcel(s, F, "zzetdz", "available", 8, 200.0, 12.0, 113.800);
      parcel(s, X, "xxetdz", "available", 30, null, null, 113.820);
      parcel(s, G, "zzetdz", "available", 12, 250.0, null, 113.840);
      // two rail stations on one spot (a tie) and one with a smaller id far to the west
      facility(s, "RS-B", "rail_station", "zzetdz", 113.7100, 34.7005);
      facility(s, "RS-A", "rail_station", "zzetdz", 113.7100, 34.7005);
      facility(s, "RS-0", "rail_station", "zzetdz", 113.600, 34.7005);
      // substations serve their own zone and the city-wide plan's zones only
      facility(s, "SUB-XX", "substation", "xxetdz", 113.7415, 34.7005);
      facility(s, "SUB-ZZ", "substation", "zzetdz", 113.7005, 34.702);
      facility(s, "SUB-CITY", "substation", "zhengzhou", 113.7605, 34.7025);
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  static void parcel(Statement s, String id, String zone, String status, double mu, Double reqInvest, Double reqTax,
      double lon) throws Exception {
    double lat = 34.70;
    double d = 0.001;
    String wkt = String.format(Locale.ROOT, "POLYGON((%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f))", lon, lat,
        lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
    s.execute("INSERT INTO parcels (id, zone, land_use_code, land_use_name, status, area_m2, area_mu, req_invest_wan_per_mu,"
        + " req_tax_wan_per_mu, synthetic, geom) VALUES ('" + id + "', '" + zone + "', '100101', '一类工业用地', '" + status
        + "', " + mu * muM2() + ", " + mu + ", " + reqInvest + ", " + reqTax + ", TRUE, ST_GeomFromText('" + wkt + "', 4490))");
  }

  static double muM2() {
    return zoneatlas.geo.Geodesy.M2_PER_MU;
  }

  static void facility(Statement s, String id, String kind, String zone, double lon, double lat) throws Exception {
    s.execute("INSERT INTO plan_features (id, layer, name_zh, name_en, zone, kind, source_doc, source_lines, schematic, geom)"
        + " VALUES ('" + id + "', 'infrastructure', '站" + id + "', 'Station " + id + "', '" + zone + "', '" + kind
        + "', 'doc', '1', TRUE, ST_GeomFromText('" + String.format(Locale.ROOT, "POINT(%.4f %.4f)", lon, lat) + "', 4490))");
  }

  static SiteFinder.Query query(Map<String, Double> maxM, Investor inv, int limit) {
    return new SiteFinder.Query(SiteFinder.DEFAULT_STATUSES, null, null, null, "zzetdz", null, null, maxM, inv, limit);
  }

  static Map<String, Double> limits(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  static List<String> ids(SiteFinder.Result r) {
    return r.sites().stream().map(SiteFinder.Site::id).toList();
  }

  static SiteFinder.Site site(SiteFinder.Result r, String id) {
    return r.sites().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not listed"));
  }

  /** The geodesic distance the finder measures, unrounded, from the stored geometries. */
  double metres(String parcelId, String kind, String featureId) throws Exception {
    try (Connection c = repo.connection()) {
      Geometry p = repo.parcel(c, parcelId).orElseThrow().geom();
      Geometry f = repo.infrastructureOfKind(c, kind, 100).stream().filter(r -> r.id().equals(featureId)).findFirst()
          .orElseThrow().geom();
      Plane plane = Plane.forLongitude(p.getEnvelopeInternal().centre().x);
      return Proximity.between(Proximity.Projected.of(p, plane), Proximity.Projected.of(f, plane), plane).metres();
    }
  }

  @Test
  void theNearestFacilityIsReportedAndOnATieTheSmallerId() throws Exception {
    SiteFinder.Result r = service.find(query(limits("rail_station", 50_000), Investor.NONE, 50));
    SiteFinder.Distance a = site(r, A).distances().get("rail_station");
    assertEquals("RS-A", a.feature_id(), "RS-A and RS-B stand on one spot; RS-0 is 9 km west");
    assertEquals("站RS-A", a.name_zh());
    assertEquals("Station RS-A", a.name_en());
    assertEquals(Out.round(metres(A, "rail_station", "RS-A"), 1), a.distance_m());
    assertEquals(50_000.0, a.max_m());
    assertTrue(a.distance_m() > 800 && a.distance_m() < 900, "about 0.009° of longitude: " + a.distance_m());
    assertEquals("RS-A", site(r, G).distances().get("rail_station").feature_id());
  }

  @Test
  void onlyAFacilityThatMayServeTheParcelCounts() throws Exception {
    SiteFinder.Result r = service.find(query(limits("substation", 50_000), Investor.NONE, 50));
    // SUB-XX (Xinxiang's) stands 40 m from C but does not supply Zhengzhou; the city-wide plan's does
    assertEquals("SUB-CITY", site(r, C).distances().get("substation").feature_id());
    assertEquals("SUB-ZZ", site(r, A).distances().get("substation").feature_id());
    SiteFinder.Result xx = service.find(new SiteFinder.Query(SiteFinder.DEFAULT_STATUSES, null, null, null, "xxetdz", null,
        null, limits("substation", 50_000), Investor.NONE, 50));
    assertEquals(List.of(X), ids(xx));
    assertEquals("SUB-XX", xx.sites().get(0).distances().get("substation").feature_id(),
        "the city-wide plan's SUB-CITY, 1.8 km nearer, does not serve Xinxiang");
  }

  @Test
  void aParcelExactlyAtTheLimitQualifiesAndOneAHairBeyondDoesNot() throws Exception {
    double d = metres(B, "rail_station", "RS-A");
    SiteFinder.Result at = service.find(query(limits("rail_station", d), Investor.NONE, 50));
    assertEquals(List.of(A, B), ids(at));
    assertEquals(0.0, Math.max(0, site(at, B).score()), 1e-4, "at the limit the nearness is 0");
    SiteFinder.Result beyond = service.find(query(limits("rail_station", Math.nextDown(d)), Investor.NONE, 50));
    assertEquals(List.of(A), ids(beyond));
    assertEquals(5L, beyond.excluded().get(SiteFinder.FARTHER + "rail_station"));
  }

  @Test
  void theScoreIsOneLessTheShareOfTheLimitRoundedToFourDecimals() throws Exception {
    SiteFinder.Result r = service.find(query(limits("rail_station", 3_000), Investor.NONE, 50));
    double a = Out.round(metres(A, "rail_station", "RS-A"), 1);
    double b = Out.round(metres(B, "rail_station", "RS-A"), 1);
    assertEquals(Out.round(1 - a / 3_000, 4), site(r, A).score());
    assertEquals(Out.round(1 - b / 3_000, 4), site(r, B).score());
    // two kinds: the mean of the two
    SiteFinder.Result two = service.find(query(limits("rail_station", 3_000, "substation", 3_000), Investor.NONE, 50));
    double as = Out.round(metres(A, "substation", "SUB-ZZ"), 1);
    assertEquals(Out.round(((1 - a / 3_000) + (1 - as / 3_000)) / 2, 4), site(two, A).score());
  }

  @Test
  void aParcelIsCountedOnlyForTheFirstTestItFailsInTheCallersOrder() throws Exception {
    // candidates: A B C E F G (D is in use); substation ≤ 1 km: only A (SUB-ZZ 111 m north);
    // rail station ≤ 1.5 km: A and B (RS-A 824 m east of A, 915 m west of B)
    SiteFinder.Result subFirst = service.find(query(limits("substation", 1_000, "rail_station", 1_500), Investor.NONE, 50));
    assertEquals(6, subFirst.candidates());
    assertEquals(1, subFirst.qualified());
    assertEquals(List.of(A), ids(subFirst));
    assertEquals(Map.of(SiteFinder.FARTHER + "substation", 5L), subFirst.excluded());
    SiteFinder.Result railFirst = service.find(query(limits("rail_station", 1_500, "substation", 1_000), Investor.NONE, 50));
    assertEquals(Map.of(SiteFinder.FARTHER + "rail_station", 4L, SiteFinder.FARTHER + "substation", 1L), railFirst.excluded());
    assertEquals(List.of("4 个地块距铁路车站超过要求的 1.50 公里", "1 个地块距变电站超过要求的 1 公里（只计本开发区及全市性设施）"),
        railFirst.excluded_reasons().stream().map(SiteFinder.Excluded::zh).toList());
  }

  @Test
  void anInvestorsTotalsTurnAwayParcelsWhoseRequirementsTheyMissEachOnce() throws Exception {
    // 3,000 万元 and 150 万元 a year: A reaches 300/mu exactly but 15 < 20 tax; E misses both (600 < 700,
    // 30 < 50) and counts for investment only; B, C, G set no tax requirement; F qualifies for 12.5 mu
    SiteFinder.Result r = service.find(query(Map.of(), new Investor(3_000.0, null, 150.0, null), 50));
    assertEquals(6, r.candidates());
    assertEquals(Map.of(SiteFinder.BELOW_INVEST, 1L, SiteFinder.BELOW_TAX, 1L), r.excluded());
    assertEquals(List.of(G, F, B, C), ids(r));
    SiteFinder.Site f = site(r, F);
    assertEquals(12.5, f.standard_land().max_area_mu(), "the smaller of 3000 ÷ 200 and 150 ÷ 12");
    assertEquals(0.64, f.score(), "8 mu of the 12.5 the project may take");
    assertEquals(1.0, site(r, G).score(), "12 mu of the 12 it may take (3000 ÷ 250)");
    assertNull(site(r, B).score(), "no requirement: no land fit, no score");
    assertEquals("/site.html?id=" + F + "&invest_wan=3000&tax_wan=150", f.card());
    assertEquals(List.of("1 个地块要求的投资强度（万元/亩）高于本项目在该地块上能达到的", "1 个地块要求的亩均税收高于本项目在该地块上能达到的"),
        r.excluded_reasons().stream().map(SiteFinder.Excluded::zh).toList());
    // per mu: compared directly, fitting no area
    SiteFinder.Result perMu = service.find(query(Map.of(), new Investor(null, 650.0, null, 40.0), 50));
    assertEquals(Map.of(SiteFinder.BELOW_INVEST, 1L), perMu.excluded(), "E asks 700; 40 a mu meets every tax requirement");
    assertTrue(perMu.sites().stream().allMatch(s -> s.score() == null));
  }

  @Test
  void higherScoresFirstThenLargerParcelsThenIdsAndParcelsWithoutAScoreLast() throws Exception {
    // investment 3,000 万元 only: A fills its 10 mu (score 1), G its 12 (1), F 8 of 15 (0.5333);
    // B and C (20 mu each, no requirement) have no score
    SiteFinder.Result r = service.find(query(Map.of(), new Investor(3_000.0, null, null, null), 50));
    assertEquals(List.of(G, A, F, B, C), ids(r));
    assertEquals(0.5333, site(r, F).score());
    for (int i = 0; i < r.sites().size(); i++) {
      assertEquals(i + 1, r.sites().get(i).rank());
    }
    // without distances or totals: largest first, a tie by id
    assertEquals(List.of(B, C, G, A, F, E), ids(service.find(query(Map.of(), Investor.NONE, 50))));
  }

  @Test
  void theListIsCutAtTheLimitAndSaysSoOnlyWhenSomethingWasLeftOut() throws Exception {
    SiteFinder.Result all = service.find(query(Map.of(), new Investor(3_000.0, null, null, null), 5));
    assertEquals(5, all.qualified());
    assertEquals(5, all.numberReturned());
    assertFalse(all.truncated());
    SiteFinder.Result cut = service.find(query(Map.of(), new Investor(3_000.0, null, null, null), 4));
    assertEquals(5, cut.qualified());
    assertEquals(4, cut.numberReturned());
    assertTrue(cut.truncated());
    assertEquals(List.of(G, A, F, B), ids(cut));
  }

  @Test
  void aListedSiteStatesItsOwnFigures() throws Exception {
    SiteFinder.Site b = site(service.find(query(Map.of(), Investor.NONE, 50)), B);
    assertEquals("郑州经开区 000002 号地块", b.name_zh());
    assertEquals("Zhengzhou ETDZ parcel 000002", b.name_en());
    assertEquals("idle", b.status());
    assertEquals("闲置", b.status_zh());
    assertEquals("idle", b.status_en());
    assertEquals(20.0, b.area_mu());
    assertEquals(Out.ha(20 * muM2()), b.area_ha());
    assertEquals(1.3333, b.area_ha());
    assertEquals(113.7205, b.point()[0], 1e-6);
    assertEquals(34.7005, b.point()[1], 1e-6);
    assertNull(b.req_invest_wan_per_mu());
    SiteFinder.Site a = site(service.find(query(Map.of(), Investor.NONE, 50)), A);
    assertEquals(300.0, a.req_invest_wan_per_mu());
    assertEquals(20.0, a.req_tax_wan_per_mu());
    assertEquals("zzetdz", a.zone());
    assertEquals("100101", a.land_use_code());
  }
}
