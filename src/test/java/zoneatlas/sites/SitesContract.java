package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import zoneatlas.auth.Role;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;

/**
 * The spatial queries against each store, every answer checked against one computed here by a
 * second method: distances by Vincenty's formula on sampled edges, selections by brute-force JTS
 * over every parcel, clipped and corridor areas by the store's own ST_Transform to EPSG:4547 and
 * planar ST_Area.
 */
abstract class SitesContract {
  abstract SqlStore store();

  record P(String id, String status, double areaMu, Double reqInvest, Double reqTax, String landUse, String park,
      String smp, Geometry g) {}

  record F(String id, String layer, String kind, String zone, Geometry g) {}

  private static final Map<SqlStore, List<P>> PARCELS = new HashMap<>();
  private static final Map<SqlStore, List<F>> PLAN = new HashMap<>();

  static final SitesService.Limits LIMITS = new SitesService.Limits(5000, 100_000, 5000, 100_000);

  SitesService service() {
    return new SitesService(store(), LIMITS);
  }

  List<P> parcels() throws Exception {
    synchronized (PARCELS) {
      if (!PARCELS.containsKey(store())) {
        List<P> out = new ArrayList<>();
        WKBReader r = new WKBReader(Shapes.GF);
        try (Connection c = store().connection();
            PreparedStatement ps = c.prepareStatement("SELECT id, status, area_mu, req_invest_wan_per_mu, req_tax_wan_per_mu,"
                + " land_use_code, park, small_micro_park, ST_AsBinary(geom) FROM parcels ORDER BY id");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new P(rs.getString(1), rs.getString(2), rs.getDouble(3), (Double) rs.getObject(4),
                (Double) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8), r.read(rs.getBytes(9))));
          }
        }
        PARCELS.put(store(), out);
      }
      return PARCELS.get(store());
    }
  }

  List<F> plan() throws Exception {
    synchronized (PLAN) {
      if (!PLAN.containsKey(store())) {
        List<F> out = new ArrayList<>();
        WKBReader r = new WKBReader(Shapes.GF);
        try (Connection c = store().connection();
            PreparedStatement ps = c.prepareStatement("SELECT id, layer, kind, zone, ST_AsBinary(geom) FROM plan_features ORDER BY id");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new F(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), r.read(rs.getBytes(5))));
          }
        }
        PLAN.put(store(), out);
      }
      return PLAN.get(store());
    }
  }

  P parcelWithSmallMicroPark() throws Exception {
    List<P> all = parcels();
    return all.stream().filter(p -> p.smp() != null && p.park() != null).findFirst()
        .orElseGet(() -> all.stream().filter(p -> p.smp() != null).findFirst().orElseThrow());
  }

  P parcel(String id) throws Exception {
    return parcels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  /** Random points over the parcels' extent (seeded). */
  List<double[]> randomPoints(int n, long seed) throws Exception {
    Envelope e = new Envelope();
    parcels().forEach(p -> e.expandToInclude(p.g().getEnvelopeInternal()));
    Random r = new Random(seed);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new double[] {e.getMinX() + r.nextDouble() * e.getWidth(), e.getMinY() + r.nextDouble() * e.getHeight()});
    }
    return out;
  }

  static Point pt(double lon, double lat) {
    return Shapes.GF.createPoint(new Coordinate(lon, lat));
  }

  // -------------------------------------------------------------------------------------------
  // what is here

  @Test
  void whatIsHereListsTheParcelThenEveryPlanAreaHoldingThePointInOrder() throws Exception {
    P p = parcelWithSmallMicroPark();
    Point at = p.g().getInteriorPoint();
    HereService.Result r = service().here(at.getX(), at.getY(), 25);
    List<String> expected = new ArrayList<>();
    parcels().stream().filter(q -> q.g().covers(at)).forEach(q -> expected.add("parcels/" + q.id()));
    List<F> areas = plan().stream().filter(f -> !f.layer().equals("infrastructure") && f.g().covers(at))
        .sorted(Comparator.comparingInt((F f) -> HereService.ORDER.indexOf(f.layer())).thenComparing(F::id)).toList();
    areas.forEach(f -> expected.add(f.layer() + "/" + f.id()));
    List<String> got = r.results().stream().filter(i -> !i.collection().equals("infrastructure"))
        .map(i -> i.collection() + "/" + i.id()).toList();
    assertEquals(expected, got);
    assertEquals("parcels/" + p.id(), got.get(0));
    assertTrue(got.stream().anyMatch(s -> s.startsWith("small-micro-parks/")), "the parcel's small-micro park is listed");
    assertTrue(got.stream().anyMatch(s -> s.startsWith("zones/")), "the zone is listed");
    // infrastructure: exactly what lies within 25 m, by a brute-force distance
    Set<String> infra = new TreeSet<>();
    for (F f : plan()) {
      if (f.layer().equals("infrastructure") && Vincenty.toGeometry(at.getX(), at.getY(), f.g(), 2e-5) <= 25) {
        infra.add(f.id());
      }
    }
    assertEquals(infra, r.results().stream().filter(i -> i.collection().equals("infrastructure")).map(HereService.Item::id)
        .collect(Collectors.toCollection(TreeSet::new)));
    // the parcel's enterprises are those of land_uses
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM land_uses WHERE parcel_id = ?")) {
      ps.setString(1, p.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(rs.getInt(1), r.results().get(0).enterprises().size());
      }
    }
  }

  @Test
  void whatIsHereFarFromThePlanFindsNothing() throws Exception {
    assertEquals(0, service().here(100.0, 30.0, 25).numberReturned());
  }

  // -------------------------------------------------------------------------------------------
  // what is near

  /** The zone a point lies in, found by brute force: a development zone's, else a district's. */
  String zoneOf(double lon, double lat) throws Exception {
    Point p = pt(lon, lat);
    String district = null;
    for (F f : plan()) {
      if (f.layer().equals("zones") && f.g().covers(p)) {
        if (f.kind().equals("development_zone")) {
          return f.zone();
        }
        district = f.zone();
      }
    }
    return district;
  }

  @Test
  void nearestOfEachCategoryMatchesABruteForceVincentySearch() throws Exception {
    List<String> cats = new ArrayList<>(Labels.DEFAULT_NEAR);
    cats.add("expressway");
    cats.add("rail_line");
    int found = 0;
    int none = 0;
    List<double[]> points = new ArrayList<>(randomPoints(4, 11));
    // one parcel of each zone, so the service-area rule meets sites of both cities
    for (String z : List.of("zzetdz", "zzhitech", "xxetdz")) {
      Point ip = parcels().stream().filter(q -> q.id().toLowerCase(java.util.Locale.ROOT).contains(z + "-")).findFirst()
          .orElseThrow().g().getInteriorPoint();
      points.add(new double[] {ip.getX(), ip.getY()});
    }
    for (double[] pt : points) {
      NearService.Result r = service().nearPoint(pt[0], pt[1], cats, null);
      String zone = zoneOf(pt[0], pt[1]);
      assertEquals(zone, r.site().zone(), "the point's zone");
      assertEquals(cats.size(), r.nearest().size());
      for (NearService.NearestItem item : r.nearest()) {
        String best = null;
        double bestD = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        boolean point = true;
        double radius = Math.min(ServiceArea.rule(item.category()).radiusKm() * 1000, LIMITS.nearestMaxM());
        assertEquals(radius, item.radius_m());
        for (F f : plan()) {
          if (!f.layer().equals("infrastructure") || !f.kind().equals(item.category())
              || !ServiceArea.serves(f.kind(), f.zone(), zone)) {
            continue;
          }
          double d = Vincenty.toGeometry(pt[0], pt[1], f.g(), 2e-5);
          if (d < bestD) {
            second = bestD;
            bestD = d;
            best = f.id();
            point = f.g().getDimension() == 0;
          } else {
            second = Math.min(second, d);
          }
        }
        if (best == null || bestD > radius + 1) {
          assertNull(item.feature(), item.category() + " should have none within reach");
          assertEquals(radius, item.none_within_m());
          none++;
          continue;
        }
        assertNotNull(item.feature(), item.category());
        // sampled edges overestimate line distances by under a metre; points are exact
        assertEquals(bestD, item.distance_m(), point ? 0.06 : 1.0, item.category() + " from " + pt[0] + "," + pt[1]);
        if (second - bestD > 2) {
          assertEquals(best, item.feature().id(), item.category());
        }
        found++;
      }
    }
    assertTrue(found > 10, "most categories have a nearest feature: " + found);
    assertTrue(none > 0, "the demo plan has no metro stations or sewage plants, so some categories report none");
  }

  @Test
  void everythingWithinARadiusIsExactlyWhatABruteForceSearchFinds() throws Exception {
    double radius = 4000;
    for (double[] pt : randomPoints(3, 5)) {
      NearService.Result r = service().nearPoint(pt[0], pt[1], List.of("rail_station"), radius);
      Set<String> expected = new TreeSet<>();
      Set<String> ambiguous = new HashSet<>();
      for (F f : plan()) {
        double d = Vincenty.toGeometry(pt[0], pt[1], f.g(), 5e-5);
        if (Math.abs(d - radius) < 6) {
          ambiguous.add(f.id());
        } else if (d <= radius) {
          expected.add(f.id());
        }
      }
      Set<String> got = r.within().stream().map(w -> w.feature().id()).collect(Collectors.toCollection(TreeSet::new));
      got.removeAll(ambiguous);
      assertEquals(expected, got, "within " + radius + " m of " + pt[0] + "," + pt[1]);
      assertEquals(r.numberWithin(), r.within().size());
      for (int i = 1; i < r.within().size(); i++) {
        assertTrue(r.within().get(i - 1).distance_m() <= r.within().get(i).distance_m(), "sorted by distance");
      }
    }
  }

  @Test
  void aParcelSitesDistancesAreMeasuredFromItsEdge() throws Exception {
    // a Zhengzhou ETDZ parcel: the plan's land ports lie in its zone, within the 30 km searched
    P p = parcelOfZone("zzetdz");
    NearService.Result r = service().nearParcel(p.id(), List.of("rail_station", "land_port"), 3000.0);
    for (NearService.NearestItem item : r.nearest()) {
      double best = Double.POSITIVE_INFINITY;
      for (F f : plan()) {
        if (f.layer().equals("infrastructure") && f.kind().equals(item.category())) {
          Coordinate c = f.g().getCoordinate();
          best = Math.min(best, Vincenty.toGeometry(c.x, c.y, p.g(), 1e-6));
        }
      }
      assertNotNull(item.distance_m(), item.category() + " within " + item.radius_m() + " m");
      assertEquals(best, item.distance_m(), 0.2, item.category());
      assertTrue(item.distance_m() < Vincenty.distance(p.g().getInteriorPoint().getX(), p.g().getInteriorPoint().getY(),
          item.to()[0], item.to()[1]) + 1e-6, "the edge is nearer than the parcel's inside");
    }
    // the parcel lies in its zone and park, so those are at distance 0
    assertTrue(r.within().stream().anyMatch(w -> w.feature().layer().equals("zones") && w.distance_m() == 0));
  }

  // -------------------------------------------------------------------------------------------
  // what is inside

  /** An irregular pentagon about {@code r} degrees across around a parcel of a park. */
  Shapes.Area pentagon(double r) throws Exception {
    P p = parcels().stream().filter(q -> q.park() != null).skip(40).findFirst().orElseThrow();
    Point c = p.g().getInteriorPoint();
    double[] k = {1.0, 0.7, 1.2, 0.8, 1.1};
    Coordinate[] cs = new Coordinate[6];
    for (int i = 0; i < 5; i++) {
      double a = 2 * Math.PI * i / 5 + 0.3;
      cs[i] = new Coordinate(c.getX() + r * k[i] * Math.cos(a), c.getY() + r * k[i] * Math.sin(a) * 0.8);
    }
    cs[5] = cs[0].copy();
    Geometry g = Shapes.GF.createPolygon(cs);
    return new Shapes.Area(g, org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(g));
  }

  @Test
  void insideAPolygonSelectsWhatJtsSelectsAndClippedAreasMatchTheStoresProjection() throws Exception {
    Shapes.Area a = pentagon(0.009);
    for (InsideService.Mode mode : InsideService.Mode.values()) {
      InsideService.Result r = service().inside(a, mode, Role.anonymous, 5000);
      Set<String> expected = parcels().stream()
          .filter(q -> mode == InsideService.Mode.within ? a.geom().covers(q.g()) : a.geom().intersects(q.g()))
          .map(P::id).collect(Collectors.toCollection(TreeSet::new));
      assertTrue(expected.size() > 20, "the test area holds parcels: " + expected.size());
      assertEquals(expected, r.parcels().stream().map(InsideService.Parcel::id).collect(Collectors.toCollection(TreeSet::new)));
      assertEquals(expected.size(), r.numberMatched());
      assertFalse(r.truncated());
      double mu = parcels().stream().filter(q -> expected.contains(q.id())).mapToDouble(P::areaMu).sum();
      assertEquals(mu, r.totals().area_mu(), 0.01);
      assertEquals(r.totals().count(), r.by_status().stream().mapToLong(Out.Group::count).sum());
      double insideMu = storeClippedAreaM2(a.geom(), mode) / Geodesy.M2_PER_MU;
      assertEquals(insideMu, r.totals().inside_mu(), insideMu * 1e-4 + 0.02, "clipped area vs ST_Transform(4547)+ST_Area");
      if (mode == InsideService.Mode.within) {
        assertEquals(r.totals().area_mu(), r.totals().inside_mu(), 0.02);
      }
    }
  }

  /** Sum of the planar EPSG:4547 areas of the parcels' parts inside the shape, by the store's own SQL. */
  double storeClippedAreaM2(Geometry shape, InsideService.Mode mode) throws Exception {
    String pred = mode == InsideService.Mode.within ? "ST_Covers(ST_GeomFromWKB(?, 4490), geom)"
        : "ST_Intersects(geom, ST_GeomFromWKB(?, 4490))";
    String sql = "SELECT SUM(ST_Area(ST_Intersection(ST_Transform(geom, 4547), ST_Transform(ST_GeomFromWKB(?, 4490), 4547))))"
        + " FROM parcels WHERE " + pred;
    byte[] wkb = new WKBWriter().write(shape);
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setBytes(1, wkb);
      ps.setBytes(2, wkb);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  @Test
  void insideACircleSelectsByGeodesicDistanceFromTheCentre() throws Exception {
    P p = parcels().stream().filter(q -> q.park() != null).skip(200).findFirst().orElseThrow();
    Point c = p.g().getInteriorPoint();
    double radius = 600;
    Shapes.Circle circle = Shapes.circle(c.getX(), c.getY(), radius);
    InsideService.Result in = service().inside(circle, InsideService.Mode.intersects, Role.anonymous, 5000);
    InsideService.Result within = service().inside(circle, InsideService.Mode.within, Role.anonymous, 5000);
    Set<String> expIn = new TreeSet<>();
    Set<String> expWithin = new TreeSet<>();
    Set<String> ambiguous = new HashSet<>();
    Envelope near = Proximity.window(c.getX(), c.getY(), radius + 100);
    for (P q : parcels()) {
      if (!near.intersects(q.g().getEnvelopeInternal())) {
        continue;
      }
      double min = Vincenty.toGeometry(c.getX(), c.getY(), q.g(), 2e-6);
      double max = 0;
      for (Coordinate v : q.g().getCoordinates()) {
        max = Math.max(max, Vincenty.distance(c.getX(), c.getY(), v.x, v.y));
      }
      if (Math.abs(min - radius) < 0.3 || Math.abs(max - radius) < 0.01) {
        ambiguous.add(q.id());
        continue;
      }
      if (min <= radius) {
        expIn.add(q.id());
      }
      if (max <= radius) {
        expWithin.add(q.id());
      }
    }
    Set<String> gotIn = in.parcels().stream().map(InsideService.Parcel::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> gotWithin = within.parcels().stream().map(InsideService.Parcel::id).collect(Collectors.toCollection(TreeSet::new));
    gotIn.removeAll(ambiguous);
    gotWithin.removeAll(ambiguous);
    assertTrue(expWithin.size() > 5 && expIn.size() > expWithin.size(), expWithin.size() + " within, " + expIn.size() + " meeting");
    assertEquals(expIn, gotIn);
    assertEquals(expWithin, gotWithin);
    assertEquals(Math.PI * radius * radius, in.shape().area_m2(), Math.PI * radius * radius * 1.1e-4);
  }

  @Test
  void insideSumsShowEachRoleOnlyWhatItMaySee() throws Exception {
    Shapes.Area a = pentagon(0.012);
    InsideService.Result anon = service().inside(a, InsideService.Mode.intersects, Role.anonymous, 5000);
    InsideService.Result prospect = service().inside(a, InsideService.Mode.intersects, Role.prospect, 5000);
    InsideService.Result planner = service().inside(a, InsideService.Mode.intersects, Role.planner, 5000);
    InsideService.Result officer = service().inside(a, InsideService.Mode.intersects, Role.land_officer, 5000);
    Set<String> ids = anon.parcels().stream().map(InsideService.Parcel::id).collect(Collectors.toSet());
    Set<String> ents = new HashSet<>();
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT parcel_id, enterprise_id FROM land_uses");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (ids.contains(rs.getString(1))) {
          ents.add(rs.getString(2));
        }
      }
    }
    assertTrue(ents.size() >= InsideService.MIN_GROUP, "the area holds enterprises: " + ents.size());
    for (InsideService.Result r : List.of(anon, prospect)) {
      assertEquals(ents.size(), r.efficiency().total().enterprises());
      assertNull(r.efficiency().total().tax_wan());
      assertNull(r.efficiency().total().revenue_wan());
      assertNull(r.efficiency().enterprises());
      r.efficiency().by_land_use().forEach(g -> assertNull(g.tax_wan()));
    }
    assertNotNull(planner.efficiency().total().tax_wan());
    assertNotNull(planner.efficiency().total().tax_wan_per_mu());
    assertNull(planner.efficiency().enterprises(), "planners never get per-enterprise figures");
    // planners get the sum of published cells wholly inside the shape, and say which; no breakdown by land use
    assertFalse(planner.efficiency().counted().isEmpty(), "published cells lie inside the area");
    assertEquals(anon.numberMatched(), planner.efficiency().parcels_counted() + planner.efficiency().parcels_left_out());
    for (InsideService.EffGroup g : planner.efficiency().by_land_use()) {
      assertNull(g.tax_wan(), "group " + g.code());
      assertNotNull(g.suppressed_zh());
    }
    assertNotNull(officer.efficiency().enterprises());
    assertEquals(ents, officer.efficiency().enterprises().stream().map(InsideService.EffEnterprise::id).collect(Collectors.toSet()));
    double sum = officer.efficiency().enterprises().stream().filter(e -> e.tax_wan_here() != null)
        .mapToDouble(InsideService.EffEnterprise::tax_wan_here).sum();
    assertEquals(officer.efficiency().total().tax_wan(), sum, 0.01 * ents.size());
    officer.efficiency().enterprises().forEach(e -> assertTrue(e.land_mu_here() <= e.land_mu_all() + 0.01, e.id()));
  }

  // -------------------------------------------------------------------------------------------
  // corridors

  @Test
  void corridorTakesMatchAStoreSideBufferInEpsg4547() throws Exception {
    double width = 40;
    CorridorService.Result found = null;
    for (F f : plan()) {
      if (f.layer().equals("infrastructure") && f.kind().equals("road") && f.g().getDimension() == 1) {
        CorridorService.Result r = service().corridor(f.id(), width);
        if (r.numberMatched() >= 5) {
          found = r;
          break;
        }
      }
    }
    CorridorService.Result chosen = found;
    assertNotNull(chosen, "some road crosses parcels");
    assertEquals("given", chosen.width_source());
    Map<String, Double> expected = new LinkedHashMap<>();
    String sql = "SELECT p.id, ST_Area(ST_Intersection(ST_Transform(p.geom, 4547),"
        + " ST_Buffer(ST_Transform(f.geom, 4547), ?, 'endcap=flat'))) FROM parcels p, plan_features f"
        + " WHERE f.id = ? AND ST_Intersects(ST_Transform(p.geom, 4547), ST_Buffer(ST_Transform(f.geom, 4547), ?, 'endcap=flat'))";
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDouble(1, width / 2);
      ps.setString(2, chosen.infrastructure().id());
      ps.setDouble(3, width / 2);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          expected.put(rs.getString(1), rs.getDouble(2));
        }
      }
    }
    Map<String, Double> got = chosen.parcels().stream()
        .collect(Collectors.toMap(CorridorService.Parcel::id, CorridorService.Parcel::take_m2));
    for (var e : expected.entrySet()) {
      if (e.getValue() > 5) {
        assertTrue(got.containsKey(e.getKey()), "store finds " + e.getKey() + " taken by " + e.getValue() + " m²");
        assertEquals(e.getValue(), got.get(e.getKey()), e.getValue() * 2e-3 + 0.5, e.getKey());
      }
    }
    for (var e : got.entrySet()) {
      if (e.getValue() > 5) {
        assertTrue(expected.containsKey(e.getKey()), "we take " + e.getKey() + " but the store does not");
      }
    }
    double total = expected.values().stream().mapToDouble(Double::doubleValue).sum() / Geodesy.M2_PER_MU;
    assertEquals(total, chosen.totals().take_mu(), total * 2e-3 + 0.05);
    double len = Geodesy.lengthM(plan().stream().filter(f -> f.id().equals(chosen.infrastructure().id())).findFirst()
        .orElseThrow().g());
    // a flat-ended corridor of a straight-ish line covers about length × width
    assertEquals(len * width, chosen.corridor_area_m2(), len * width * 0.02);
  }

  // -------------------------------------------------------------------------------------------
  // the site finder and the card

  static final Map<String, Double> FIND_LIMITS = Map.of("rail_station", 20_000.0, "land_port", 15_000.0);
  static final double INVEST = 12_000;
  static final double TAX = 600;

  SiteFinder.Query findQuery(int limit) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("rail_station", FIND_LIMITS.get("rail_station"));
    m.put("land_port", FIND_LIMITS.get("land_port"));
    return new SiteFinder.Query(List.of("available", "idle"), 3.0, 120.0, null, null, null, null, m,
        new StandardLand.Investor(INVEST, null, TAX, null), limit);
  }

  @Test
  void theSiteFinderListsExactlyTheParcelsTheProjectQualifiesFor() throws Exception {
    SiteFinder.Result r = service().find(findQuery(500));
    Map<String, List<F>> feats = new HashMap<>();
    for (String k : FIND_LIMITS.keySet()) {
      feats.put(k, plan().stream().filter(f -> f.layer().equals("infrastructure") && f.kind().equals(k)).toList());
    }
    Set<String> expected = new TreeSet<>();
    Set<String> ambiguous = new HashSet<>();
    int farAway = 0;
    int belowStandard = 0;
    for (P p : parcels()) {
      if (!Set.of("available", "idle").contains(p.status()) || p.areaMu() < 3 || p.areaMu() > 120) {
        continue;
      }
      boolean ok = true;
      for (var e : FIND_LIMITS.entrySet()) {
        double[] d = distanceBounds(p.g(), feats.get(e.getKey()), e.getValue());
        if (d[0] <= e.getValue() + 1 && d[1] >= e.getValue() - 1) {
          ambiguous.add(p.id());
        }
        ok &= d[0] <= e.getValue();
      }
      if (!ok) {
        farAway++;
        continue;
      }
      boolean invest = p.reqInvest() == null || p.reqInvest() <= 0 || INVEST / p.areaMu() >= p.reqInvest();
      boolean tax = p.reqTax() == null || p.reqTax() <= 0 || TAX / p.areaMu() >= p.reqTax();
      if (invest && tax) {
        expected.add(p.id());
      } else {
        belowStandard++;
      }
    }
    assertTrue(expected.size() >= 5, "some sites qualify: " + expected.size());
    assertTrue(farAway > 0 && belowStandard > 0, "each test turns some away: far " + farAway + ", below standard " + belowStandard);
    assertTrue(r.qualified() <= 500, "the whole list is returned");
    Set<String> got = r.sites().stream().map(SiteFinder.Site::id).collect(Collectors.toCollection(TreeSet::new));
    got.removeAll(ambiguous);
    expected.removeAll(ambiguous);
    assertEquals(expected, got);
    long excluded = r.excluded().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(r.candidates(), r.qualified() + excluded);
    for (int i = 0; i < r.sites().size(); i++) {
      SiteFinder.Site s = r.sites().get(i);
      assertEquals(i + 1, s.rank());
      assertTrue(s.standard_land().qualifies());
      assertFalse(s.reasons().isEmpty());
      assertTrue(s.reasons().stream().allMatch(Out.Reason::ok), s.id());
      if (i > 0) {
        assertTrue(r.sites().get(i - 1).score() >= s.score(), "ranked by score");
      }
      for (var d : s.distances().entrySet()) {
        assertTrue(d.getValue().distance_m() <= FIND_LIMITS.get(d.getKey()));
        if (i < 5) {
          double exact = minSampled(parcel(s.id()).g(), feats.get(d.getKey()).stream()
              .filter(f -> f.id().equals(d.getValue().feature_id())).findFirst().orElseThrow().g());
          assertEquals(exact, d.getValue().distance_m(), 0.2, s.id() + " to " + d.getKey());
        }
      }
    }
  }

  /**
   * Lower and upper bounds of the distance from a parcel to the nearest feature: from centroid
   * distances ± the parcel's radius, refined by sampling the parcel's edges when the limit falls
   * between them. Equal bounds mean the distance is known to the sampling accuracy.
   */
  static double[] distanceBounds(Geometry parcel, List<F> feats, double limit) {
    Point pc = parcel.getCentroid();
    double h = 0;
    for (Coordinate v : parcel.getCoordinates()) {
      h = Math.max(h, Vincenty.distance(pc.getX(), pc.getY(), v.x, v.y));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (F f : feats) {
      Coordinate c = f.g().getCoordinate();
      double dc = f.g().getDimension() == 0 ? Vincenty.distance(pc.getX(), pc.getY(), c.x, c.y)
          : Vincenty.toGeometry(pc.getX(), pc.getY(), f.g(), 2e-5);
      lo = Math.min(lo, dc - h);
      hi = Math.min(hi, dc);
    }
    if (lo > limit + 1 || hi < limit - 1) {
      return new double[] {lo, hi};
    }
    double best = Double.POSITIVE_INFINITY;
    for (F f : feats) {
      best = Math.min(best, minSampled(parcel, f.g()));
    }
    return new double[] {best, best};
  }

  private static double minSampled(Geometry parcel, Geometry feature) {
    if (feature.getDimension() == 0) {
      Coordinate c = feature.getCoordinate();
      return Vincenty.toGeometry(c.x, c.y, parcel, 2e-6);
    }
    if (parcel.intersects(feature)) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (Coordinate c : Vincenty.samples(parcel, 2e-5)) {
      best = Math.min(best, Vincenty.toGeometry(c.x, c.y, feature, 2e-5));
    }
    return best;
  }

  @Test
  void aSiteCardCarriesItsDistancesItsTestAndAMapDrawnFromTheData() throws Exception {
    SiteFinder.Result found = service().find(findQuery(3));
    assertFalse(found.sites().isEmpty());
    SiteFinder.Site top = found.sites().get(0);
    StandardLand.Investor inv = new StandardLand.Investor(INVEST, null, TAX, null);
    SiteCards.Card card = service().card(top.id(), inv);
    assertEquals(top.id(), card.id());
    assertTrue(card.standard_land().qualifies());
    NearService.NearestItem rail = card.nearest().stream().filter(n -> n.category().equals("rail_station")).findFirst().orElseThrow();
    assertEquals(top.distances().get("rail_station").distance_m(), rail.distance_m(), 1e-9, "card and finder agree");
    assertEquals(parcel(top.id()).areaMu(), (Double) card.attributes().get("area_mu"), 0.005);
    assertNotNull(card.place().zone_zh());
    assertTrue(card.links().get("share").startsWith("/site.html?id=" + top.id()));
    String svg = service().mapSvg(top.id());
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    assertTrue(svg.contains(">本地块</text>"), "the site is labelled");
    assertFalse(svg.contains(">" + top.id() + "</text>"), "by words, not by its system id");
    assertTrue(service().mapSvg(top.id(), true).contains(">This site</text>"), "and in English on an English card");
    assertTrue(doc.getElementsByTagName("path").getLength() > 5, "neighbours are drawn");
    SiteCards.Comparison cmp = service().compare(found.sites().stream().map(SiteFinder.Site::id).toList(), inv);
    assertEquals(found.sites().stream().map(SiteFinder.Site::id).toList(), cmp.sites().stream().map(SiteCards.Card::id).toList());
  }

  // -------------------------------------------------------------------------------------------
  // what can serve a site

  P parcelOfZone(String zone) throws Exception {
    return parcels().stream().filter(q -> q.id().toLowerCase(java.util.Locale.ROOT).startsWith("p-" + zone + "-")
        && q.status().equals("available")).findFirst().orElseThrow();
  }

  @Test
  void aXinxiangCardCountsNoZhengzhouUtilityAndSaysNoneWithinItsRadius() throws Exception {
    SiteCards.Card card = service().card(parcelOfZone("xxetdz").id(), StandardLand.Investor.NONE);
    Map<String, NearService.NearestItem> by = card.nearest().stream()
        .collect(Collectors.toMap(NearService.NearestItem::category, n -> n));
    // the demo plan has water works and a substation only in the Zhengzhou zones
    for (String k : List.of("water_plant", "substation", "sewage_plant")) {
      assertNull(by.get(k).feature(), k + " of another city is no use to this parcel");
      assertEquals(30_000.0, by.get(k).none_within_m(), k);
    }
    assertEquals("city", by.get("water_plant").serves());
    assertEquals("zone", by.get("substation").serves());
    // the nearest interchange of the plans is a Zhengzhou one about 46 km away: beyond the radius
    assertNull(by.get("interchange").feature());
    assertEquals(30_000.0, by.get("interchange").radius_m());
    // transport counts across the border; the airport is searched further
    assertEquals(100_000.0, by.get("airport").radius_m());
    assertNotNull(by.get("airport").feature(), "Zhengzhou airport is within 100 km");
    for (NearService.NearestItem n : card.nearest()) {
      if (n.feature() != null) {
        assertTrue(n.distance_m() <= n.radius_m(), n.category());
        assertTrue(ServiceArea.serves(n.category(), n.feature().zone(), "xxetdz"), n.category());
      }
    }
  }

  @Test
  void aZhengzhouParcelsUtilitiesAreOfItsOwnCityOrZone() throws Exception {
    int found = 0;
    for (String zone : List.of("zzetdz", "zzhitech")) {
      SiteCards.Card card = service().card(parcelOfZone(zone).id(), StandardLand.Investor.NONE);
      for (NearService.NearestItem n : card.nearest()) {
        if (n.feature() == null) {
          continue;
        }
        found++;
        String fz = n.feature().zone();
        switch (n.serves()) {
          case "city" -> assertEquals("zhengzhou", ServiceArea.city(fz), n.category());
          case "zone" -> assertTrue(fz.equals(zone) || fz.equals("zhengzhou"), n.category() + " of " + fz);
          default -> assertEquals("any", n.serves());
        }
      }
      NearService.NearestItem water = card.nearest().stream().filter(n -> n.category().equals("water_plant")).findFirst()
          .orElseThrow();
      assertNotNull(water.feature(), "a Zhengzhou zone has the city's water projects within 30 km");
    }
    assertTrue(found > 4);
  }

  @Test
  void theFinderCountsOnlyFacilitiesThatServeTheParcelAndSaysWhyInWords() throws Exception {
    SiteFinder.Query q = new SiteFinder.Query(List.of("available", "idle"), null, null, null, "xxetdz", null, null,
        Map.of("water_plant", 80_000.0), StandardLand.Investor.NONE, 50);
    SiteFinder.Result r = service().find(q);
    assertTrue(r.candidates() > 0);
    // Zhengzhou's water works lie 55-65 km from the Xinxiang zone: near enough for the limit, but not its city's
    assertEquals(0, r.qualified(), "no Xinxiang parcel is served by a Zhengzhou water works");
    SiteFinder.Excluded why = r.excluded_reasons().get(0);
    assertEquals(r.candidates(), why.count());
    assertEquals(r.candidates() + " 个地块距供水设施超过要求的 80 公里（只计同城设施）", why.zh());
    assertTrue(why.en().contains("farther than the required 80 km from a water supply"), why.en());
    assertTrue(r.ranking_zh().contains("1 − 实际距离 ÷ 要求的最远距离"), r.ranking_zh());
    SiteFinder.Query none = new SiteFinder.Query(List.of("available"), null, null, null, "xxetdz", null, null, Map.of(),
        StandardLand.Investor.NONE, 5);
    assertTrue(service().find(none).ranking_zh().contains("面积从大到小"));
  }

  @Test
  void theFinderTakesACoreBoardAndListsOnlyItsParcels() throws Exception {
    P some = parcels().stream().filter(q -> q.status().equals("available")).skip(5).findFirst().orElseThrow();
    String board;
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT board FROM parcels WHERE id = ?")) {
      ps.setString(1, some.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        board = rs.getString(1);
      }
    }
    assertNotNull(board, some.id() + " lies in a core board");
    long expected;
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM parcels WHERE board = ? AND status IN ('available', 'idle')")) {
      ps.setString(1, board);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        expected = rs.getLong(1);
      }
    }
    SiteFinder.Result r = service().find(new SiteFinder.Query(List.of("available", "idle"), null, null, null, null, board,
        null, Map.of(), StandardLand.Investor.NONE, 500));
    assertEquals(expected, r.qualified());
    assertTrue(r.sites().stream().allMatch(x -> board.equals(x.board())));
    assertTrue(r.sites().stream().anyMatch(x -> x.id().equals(some.id())));
  }

  @Test
  void aCardSaysItsControlIndicatorsAsRequirementsInPercentForCoverage() throws Exception {
    P p = parcels().stream().filter(q -> q.reqInvest() != null && q.reqInvest() > 0).findFirst().orElseThrow();
    SiteCards.Card card = service().card(p.id(), StandardLand.Investor.NONE);
    Map<String, SiteCards.Indicator> by = card.requirements().stream()
        .collect(Collectors.toMap(SiteCards.Indicator::code, i -> i));
    SiteCards.Indicator cov = by.get("coverage_min");
    if (cov.value() != null && cov.value() > 0) {
      assertEquals("要求 ≥ " + SiteCards.Indicator.plain(cov.value() * 100) + "%", cov.requirement_zh());
    }
    assertEquals("要求 ≥ " + SiteCards.Indicator.plain(p.reqInvest()) + " 万元/亩", by.get("req_invest_wan_per_mu").requirement_zh());
    assertTrue(by.get("req_invest_wan_per_mu").requirement_en().startsWith("at least CNY "),
        by.get("req_invest_wan_per_mu").requirement_en());
    assertFalse(card.title_zh().contains(p.id()), "the card names the parcel in words: " + card.title_zh());
    assertTrue(card.title_zh().endsWith(" 号地块"), card.title_zh());
  }
}
