package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.auth.Role;
import zoneatlas.http.ApiError;
import zoneatlas.sites.StandardLand.Investor;
import zoneatlas.testing.TestStores;

/**
 * What the site answers say on the demo data, where the contract test checks only what it
 * selects: how the finder ranks and cuts its list and gives its reasons, how many candidates it
 * examines, how much clipping a drawn area may cost, what a drawn area, a click and a card say
 * about themselves.
 */
class SiteAnswersTest {
  static final ObjectMapper M = new ObjectMapper();
  static final SitesService.Limits LIMITS = new SitesService.Limits(5000, 100_000, 5000, 100_000);

  static SitesService service() {
    return new SitesService(TestStores.h2(), LIMITS);
  }

  static SiteFinder.Query query(Double min, Double max, String landUse, String zone, Map<String, Double> maxM,
      Investor inv, int limit) {
    return new SiteFinder.Query(SiteFinder.DEFAULT_STATUSES, min, max, landUse, zone, null, null, maxM, inv, limit);
  }

  static Out.Reason reason(SiteFinder.Site s, String code) {
    return s.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
  }

  @Test
  void withoutDistancesOrTotalsTheLargestParcelsComeFirstAndTheListIsCut() throws Exception {
    SiteFinder.Result all = service().find(query(null, null, null, "xxetdz", Map.of(), Investor.NONE, 500));
    SiteFinder.Result r = service().find(query(null, null, null, "xxetdz", Map.of(), Investor.NONE, 3));
    assertTrue(all.qualified() > 3, "qualified: " + all.qualified());
    assertEquals(all.qualified(), r.qualified());
    assertEquals(r.candidates(), r.qualified(), "nothing turns a candidate away");
    assertTrue(r.excluded().isEmpty());
    assertEquals(3, r.numberReturned());
    assertTrue(r.truncated());
    assertEquals(all.qualified() > 500, all.truncated());
    for (int i = 0; i < all.sites().size(); i++) {
      SiteFinder.Site s = all.sites().get(i);
      assertEquals(i + 1, s.rank());
      assertNull(s.score());
      assertNull(s.standard_land());
      assertTrue(s.distances().isEmpty());
      if (i > 0) {
        SiteFinder.Site prev = all.sites().get(i - 1);
        assertTrue(prev.area_mu() > s.area_mu() || prev.area_mu() == s.area_mu() && prev.id().compareTo(s.id()) < 0,
            prev.id() + " before " + s.id());
      }
    }
    assertEquals(all.sites().subList(0, 3).stream().map(SiteFinder.Site::id).toList(), r.sites().stream().map(SiteFinder.Site::id).toList());
    SiteFinder.Site first = r.sites().get(0);
    assertEquals(Labels.parcelName(first.id(), first.zone()).zh(), first.name_zh());
    assertEquals("土地状态为" + first.status_zh() + "，可供招商", reason(first, "status").zh());
    assertEquals("/site.html?id=" + first.id(), first.card());
    assertNull(reason(first, "area"));
    assertNull(reason(first, "land_use"));
  }

  @Test
  void theScoreIsTheMeanOfNearnessAndLandFit() throws Exception {
    Map<String, Double> lim = new LinkedHashMap<>();
    lim.put("rail_station", 20_000.0);
    lim.put("land_port", 15_000.0);
    SiteFinder.Result near = service().find(query(3.0, 30.0, null, "zzetdz", lim, Investor.NONE, 40));
    assertFalse(near.sites().isEmpty());
    for (SiteFinder.Site s : near.sites()) {
      double p = 0;
      for (var e : lim.entrySet()) {
        SiteFinder.Distance d = s.distances().get(e.getKey());
        assertEquals(e.getValue(), d.max_m());
        p += 1 - d.distance_m() / d.max_m();
      }
      assertEquals(p / 2, s.score(), 2e-4, s.id());
    }
    Investor inv = new Investor(12_000.0, null, 600.0, null);
    SiteFinder.Result both = service().find(query(3.0, 30.0, null, "zzetdz", Map.of("rail_station", 20_000.0), inv, 40));
    int fitted = 0;
    for (int i = 0; i < both.sites().size(); i++) {
      SiteFinder.Site s = both.sites().get(i);
      double p = 1 - s.distances().get("rail_station").distance_m() / 20_000;
      Double max = s.standard_land().max_area_mu();
      double expected = max == null ? p : (p + Math.min(1, s.area_mu() / max)) / 2;
      fitted += max == null ? 0 : 1;
      assertEquals(expected, s.score(), 2e-4, s.id());
      if (i > 0) {
        assertTrue(both.sites().get(i - 1).score() >= s.score());
      }
    }
    assertTrue(fitted > 0);
    Investor perMu = new Investor(null, 100_000.0, null, null);
    for (SiteFinder.Site s : service().find(query(3.0, 30.0, null, "zzetdz", Map.of("rail_station", 20_000.0), perMu, 10)).sites()) {
      assertEquals(1 - s.distances().get("rail_station").distance_m() / 20_000, s.score(), 2e-4, "per-mu figures fit no area");
    }
    SiteFinder.Result fitOnly = service().find(query(3.0, null, null, "zzetdz", Map.of(), new Investor(1_000.0, null, null, null), 20));
    for (SiteFinder.Site s : fitOnly.sites()) {
      Double max = s.standard_land().max_area_mu();
      if (max == null) {
        assertNull(s.score(), s.id());
      } else {
        assertEquals(Math.min(1, s.area_mu() / max), s.score(), 2e-4, s.id());
      }
    }
  }

  @Test
  void eachQualifyingSiteSaysWhyInBothLanguages() throws Exception {
    SiteFinder.Site s = service().find(query(3.0, 120.0, "10", "zzetdz", Map.of("rail_station", 20_000.0), Investor.NONE, 1))
        .sites().get(0);
    Out.Reason area = reason(s, "area");
    assertEquals(String.format(java.util.Locale.ROOT, "面积 %.2f 亩，在要求的 3–120 亩之间", s.area_mu()), area.zh());
    assertEquals(String.format(java.util.Locale.ROOT, "area %.2f mu, within the required 3–120 mu", s.area_mu()), area.en());
    Out.Reason use = reason(s, "land_use");
    assertTrue(use.zh().startsWith("用地分类 " + s.land_use_code() + " " + s.land_use_name() + "，属所选的 10 类"), use.zh());
    assertEquals("land-use code " + s.land_use_code() + ", in the chosen class 10", use.en());
    Out.Reason d = reason(s, "distance.rail_station");
    SiteFinder.Distance dist = s.distances().get("rail_station");
    assertEquals("距最近的铁路车站（" + dist.name_zh() + "）" + SiteFinder.kmZh(dist.distance_m()) + "，在要求的 20 公里 以内", d.zh());
    assertEquals("nearest rail station (" + dist.name_en() + ") " + SiteFinder.km(dist.distance_m())
        + " away, within the required 20 km", d.en());
    SiteFinder.Site min = service().find(query(3.0, null, null, null, Map.of(), Investor.NONE, 1)).sites().get(0);
    assertTrue(reason(min, "area").zh().endsWith("不小于要求的 3 亩"), reason(min, "area").zh());
    assertTrue(reason(min, "area").en().endsWith("at least the required 3 mu"));
    SiteFinder.Site max = service().find(query(null, 50.0, null, null, Map.of(), Investor.NONE, 1)).sites().get(0);
    assertTrue(reason(max, "area").zh().endsWith("不大于要求的 50 亩"), reason(max, "area").zh());
    assertTrue(reason(max, "area").en().endsWith("at most the required 50 mu"));
    assertTrue(max.area_mu() <= 50);
    Investor inv = new Investor(12_000.0, null, null, null);
    SiteFinder.Site fit = service().find(query(3.0, 120.0, null, null, Map.of(), inv, 1)).sites().get(0);
    assertEquals(fit.standard_land().reasons(), fit.reasons().subList(fit.reasons().size() - 2, fit.reasons().size()));
    assertEquals("/site.html?id=" + fit.id() + "&invest_wan=12000", fit.card());
  }

  @Test
  void theFinderExaminesAtMostTheCandidateLimit() throws Exception {
    SiteFinder.Query q = query(null, null, null, "xxetdz", Map.of(), Investor.NONE, 1);
    long n = service().find(q).candidates();
    SitesService exact = new SitesService(TestStores.h2(), new SitesService.Limits(10, (int) n, 100, 100_000));
    assertEquals(n, exact.find(q).candidates(), "as many as the limit: answered");
    SitesService less = new SitesService(TestStores.h2(), new SitesService.Limits(10, (int) n - 1, 100, 100_000));
    ApiError e = assertThrows(ApiError.class, () -> less.find(q));
    assertEquals("filters", e.parameter);
    assertTrue(e.getMessage().contains("more than " + (n - 1) + " parcels match"), e.getMessage());
  }

  @Test
  void aFacilityBeyondTheLimitIsNoFacility() throws Exception {
    // the demo's Xinxiang parcels lie tens of km from any rail station of Zhengzhou; Xinxiang's own are nearer
    SiteFinder.Result r = service().find(query(null, null, null, "xxetdz", Map.of("rail_station", 1_000.0), Investor.NONE, 500));
    assertEquals(r.candidates(), r.qualified() + r.excluded().getOrDefault(SiteFinder.FARTHER + "rail_station", 0L));
    for (SiteFinder.Site s : r.sites()) {
      assertTrue(s.distances().get("rail_station").distance_m() <= 1_000.0, s.id());
    }
  }

  @Test
  void clippingWorkIsBoundedPerRequest() throws Exception {
    Shapes.Area a = Shapes.polygon("geometry", M.readTree(SiteRulesTest.circleRing(244)), 5000);
    assertEquals(245, a.geom().getNumPoints());
    Geometry parcel = Shapes.GF.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(113.7, 34.7), new org.locationtech.jts.geom.Coordinate(113.701, 34.7),
        new org.locationtech.jts.geom.Coordinate(113.701, 34.701), new org.locationtech.jts.geom.Coordinate(113.7, 34.701),
        new org.locationtech.jts.geom.Coordinate(113.7, 34.7)});
    InsideService.Budget b = new InsideService.Budget(a);
    // 245 + 5 vertices a parcel: exactly the budget after 10,000 parcels
    for (int i = 0; i < InsideService.CLIP_BUDGET / 250; i++) {
      b.spend(parcel);
    }
    ApiError e = assertThrows(ApiError.class, () -> b.spend(parcel));
    assertEquals("geometry", e.parameter);
    assertTrue(e.getMessage().contains("its 245 vertices cross more than 10000 parcels"), e.getMessage());
    InsideService.Budget c = new InsideService.Budget(Shapes.circle(113.7, 34.7, 100));
    ApiError ce = assertThrows(ApiError.class, () -> {
      for (int i = 0; i < 100_000; i++) {
        c.spend(parcel);
      }
    });
    assertEquals("radius_m", ce.parameter, "a circle's detail is its radius");
  }

  @Test
  void aDrawnAreaSaysWhatItWasAndHowItWasMeasured() throws Exception {
    SiteFinder.Site s = service().find(query(null, null, null, "zzetdz", Map.of(), Investor.NONE, 1)).sites().get(0);
    Shapes.Circle c = Shapes.circle(s.point()[0], s.point()[1], 300);
    InsideService.Result r = service().inside(c, InsideService.Mode.intersects, Role.anonymous, 2);
    assertEquals("circle", r.shape().type());
    assertEquals("intersects", r.shape().mode());
    assertEquals(300.0, r.shape().radius_m());
    assertEquals(s.point()[0], r.shape().center()[0]);
    assertNull(r.shape().vertices());
    assertEquals(Out.mu(r.shape().area_m2()), r.shape().area_mu(), 0.01);
    assertTrue(r.method().startsWith("parcels meeting the shape (by geodesic distance from the centre)"), r.method());
    assertTrue(r.method().endsWith("(circle clipped as a 256-gon)"), r.method());
    assertTrue(r.numberMatched() > 2);
    assertEquals(2, r.numberReturned());
    assertTrue(r.truncated());
    assertEquals(2, r.limit());
    assertEquals(r.numberMatched(), r.totals().count());
    assertEquals(r.totals().count(), r.by_land_use().stream().mapToLong(Out.Group::count).sum());
    assertEquals(1.0, r.by_status().stream().mapToDouble(Out.Group::share).sum(), 0.001);
    for (int i = 1; i < r.by_land_use().size(); i++) {
      assertTrue(r.by_land_use().get(i - 1).part_mu() >= r.by_land_use().get(i).part_mu(), "largest first");
    }
    assertTrue(r.totals().inside_mu() <= r.totals().area_mu());
    InsideService.Result w = service().inside(c, InsideService.Mode.within, Role.anonymous, 5000);
    assertTrue(w.method().startsWith("parcels wholly within the shape (by geodesic distance"), w.method());
    for (InsideService.Parcel p : w.parcels()) {
      assertTrue(p.within());
      assertEquals(1.0, p.inside_share());
      assertEquals(p.area_mu(), p.inside_mu(), 0.01);
    }
    for (InsideService.Parcel p : r.parcels()) {
      assertTrue(p.inside_share() > 0 && p.inside_share() <= 1, p.id());
      assertEquals(Labels.status(p.status()).zh(), p.status_zh());
    }
    Shapes.Area square = Shapes.polygon("geometry", M.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[" + (s.point()[0] - 0.003)
        + "," + (s.point()[1] - 0.003) + "],[" + (s.point()[0] + 0.003) + "," + (s.point()[1] - 0.003) + "],[" + (s.point()[0] + 0.003)
        + "," + (s.point()[1] + 0.003) + "],[" + (s.point()[0] - 0.003) + "," + (s.point()[1] - 0.003) + "]]]}"), 100);
    InsideService.Result pr = service().inside(square, InsideService.Mode.intersects, Role.land_officer, 5000);
    assertEquals("polygon", pr.shape().type());
    assertEquals(4, pr.shape().vertices());
    assertNull(pr.shape().radius_m());
    assertTrue(pr.method().startsWith("parcels meeting the shape; area_mu"), pr.method());
    assertFalse(pr.method().contains("gon"));
    assertFalse(pr.truncated());
    assertEquals("aggregates and per-enterprise figures", pr.efficiency().access());
    assertEquals("汇总及分企业数据", pr.efficiency().access_zh());
    InsideService.Result anon = service().inside(square, InsideService.Mode.intersects, Role.anonymous, 5000);
    assertTrue(anon.efficiency().access().startsWith("counts and land only"));
    assertEquals("税收、营收汇总限规划人员及以上查看", anon.efficiency().total().suppressed_zh());
    InsideService.Result planner = service().inside(square, InsideService.Mode.intersects, Role.planner, 5000);
    assertEquals("sums of the published parcels and areas lying wholly inside the shape", planner.efficiency().access());
    for (int i = 1; i < pr.efficiency().by_land_use().size(); i++) {
      assertTrue(pr.efficiency().by_land_use().get(i - 1).land_mu() >= pr.efficiency().by_land_use().get(i).land_mu());
    }
    for (InsideService.EffGroup g : pr.efficiency().by_land_use()) {
      if (g.enterprises() < InsideService.MIN_GROUP) {
        assertNull(g.tax_wan(), g.code());
        assertEquals("企业不足3家，不显示税收、营收", g.suppressed_zh());
      } else {
        assertNull(g.suppressed());
      }
    }
  }

  @Test
  void aCardNamesThePlaceAndLinksToItself() throws Exception {
    SiteFinder.Site s = service().find(query(null, null, null, "zzetdz", Map.of(), Investor.NONE, 1)).sites().get(0);
    SiteCards.Card card = service().card(s.id(), Investor.NONE);
    assertEquals(s.name_zh(), card.title_zh());
    assertEquals(s.name_en(), card.title_en());
    assertTrue(card.place().zone_zh().contains("郑州"), card.place().zone_zh());
    assertNotNull(card.place().zone_en());
    assertEquals("zzetdz", card.place().zone());
    assertNull(card.standard_land());
    String enc = java.net.URLEncoder.encode(s.id(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(Map.of("self", "/api/sites/" + enc + "/card", "map_svg", "/api/sites/" + enc + "/map.svg", "share",
        "/site.html?id=" + enc, "map", "/?s=parcels:" + enc), card.links());
    assertEquals(List.of("far_min", "coverage_min", "req_invest_wan_per_mu", "req_tax_wan_per_mu"),
        card.requirements().stream().map(SiteCards.Indicator::code).toList());
    assertEquals(Labels.DEFAULT_NEAR.size(), card.nearest().size());
    assertTrue(card.bbox()[0] < card.bbox()[2] && card.bbox()[1] < card.bbox()[3]);
    assertTrue(card.bbox()[0] <= card.point()[0] && card.point()[0] <= card.bbox()[2]);
    assertEquals(s.status(), card.attributes().get("status"));
    assertEquals(s.area_mu(), (Double) card.attributes().get("area_mu"), 0.005);
    if (s.park() != null) {
      assertNotNull(card.place().park_zh(), "the park is named");
    }
    SiteCards.Card withInv = service().card(s.id(), new Investor(1_000.0, null, null, null));
    assertNotNull(withInv.standard_land());
    ApiError e = assertThrows(ApiError.class, () -> service().card("P-nope-1", Investor.NONE));
    assertEquals(404, e.status);
    assertEquals(404, assertThrows(ApiError.class, () -> service().compare(List.of(s.id(), "P-nope-1"), Investor.NONE)).status);
    assertEquals(404, assertThrows(ApiError.class, () -> service().mapSvg("P-nope-1")).status);
  }

  @Test
  void whatIsHereOnAParcelNamesItInWordsAndAToleranceOfZeroTakesOnlyWhatTouches() throws Exception {
    SiteFinder.Site s = service().find(query(null, null, null, "zzetdz", Map.of(), Investor.NONE, 1)).sites().get(0);
    HereService.Result r = service().here(s.point()[0], s.point()[1], 0);
    assertEquals(0.0, r.tolerance_m());
    assertEquals(r.results().size(), r.numberReturned());
    HereService.Item p = r.results().get(0);
    assertEquals("parcels", p.collection());
    assertEquals("地块", p.collection_zh());
    assertEquals(s.id(), p.id());
    assertTrue(p.label_zh().startsWith(s.name_zh() + " · "), p.label_zh());
    assertTrue(p.label_zh().endsWith(String.format(java.util.Locale.ROOT, " · %s · %.2f 亩", s.status_zh(), s.area_mu())), p.label_zh());
    assertTrue(p.label_en().startsWith(s.name_en() + " · " + s.land_use_code() + " · " + s.status_en()), p.label_en());
    assertEquals(s.status(), p.properties().get("status"));
    assertNull(p.distance_m());
    for (HereService.Item i : r.results()) {
      if (i.collection().equals("infrastructure")) {
        assertEquals(0.0, i.distance_m(), i.id());
      } else if (!i.collection().equals("parcels")) {
        assertEquals(Labels.LAYER.get(i.collection()).zh() + " · ", i.label_zh().substring(0, i.label_zh().indexOf(" · ") + 3));
        assertEquals(Boolean.TRUE, i.properties().get("schematic"));
      }
    }
  }
}
