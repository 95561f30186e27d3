package zoneatlas.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.ParcelStatus;
import zoneatlas.model.PlanFeature;
import zoneatlas.model.Synthetic;
import zoneatlas.model.YearFigures;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SyntheticGeneratorTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final long SEED = Long.getLong("synth.test.seed", 20240601L);

  private static List<PlanFeature> plan;
  private static Map<String, Geometry> planGeoms;
  private static Synthetic syn;

  /** A polygon from lon/lat pairs (closed automatically). */
  private static Polygon poly(double... lonLat) {
    Coordinate[] cs = new Coordinate[lonLat.length / 2 + 1];
    for (int i = 0; i < lonLat.length / 2; i++) {
      cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
    }
    cs[cs.length - 1] = cs[0];
    return GF.createPolygon(cs);
  }

  private static PlanFeature feature(String layer, String id, String zone, String kind, String board, String park,
      Geometry g, String leadIndustries) {
    Map<String, Object> props = new HashMap<>();
    props.put("layer", layer);
    props.put("id", id);
    props.put("zone", zone);
    props.put("kind", kind);
    if (leadIndustries != null) {
      props.put("lead_industries", leadIndustries);
    }
    return new PlanFeature(layer, id, zone, kind, board, park, g, props);
  }

  /** A few parks near 113.8E 34.7N, one small-micro park inside a park, one outside any park, and a city-level park overlapping a zone park. */
  static List<PlanFeature> testPlan() {
    List<PlanFeature> p = new ArrayList<>();
    p.add(feature("industrial-parks", "t-zzetdz-ip-auto", "zzetdz", "industrial_park", "t-zzetdz-cb-1", null,
        poly(113.770, 34.690, 113.815, 34.688, 113.822, 34.712, 113.805, 34.722, 113.771, 34.716),
        "汽车零部件、装备制造"));
    p.add(feature("industrial-parks", "t-zzetdz-ip-logistics", "zzetdz", "logistics_park", null, null,
        poly(113.830, 34.695, 113.850, 34.695, 113.850, 34.712, 113.830, 34.712), "冷链物流、多式联运"));
    p.add(feature("industrial-parks", "t-zzhitech-ip-inno", "zzhitech", "innovation_park", null, null,
        poly(113.760, 34.725, 113.772, 34.725, 113.772, 34.734, 113.760, 34.734), null));
    p.add(feature("industrial-parks", "t-xxetdz-ip-textile", "xxetdz", "industrial_park", null, null,
        poly(113.865, 34.720, 113.885, 34.720, 113.887, 34.735, 113.866, 34.736), "纺织服装、化纤"));
    // city-level park overlapping the logistics park: only the part not already filled gets parcels
    p.add(feature("industrial-parks", "t-zhengzhou-ip-overlap", "zhengzhou", "industrial_park", null, null,
        poly(113.845, 34.700, 113.860, 34.700, 113.860, 34.716, 113.845, 34.716), null));
    p.add(feature("small-micro-parks", "t-zzetdz-sm-inside", "zzetdz", "small_micro_park", "t-zzetdz-cb-1",
        "t-zzetdz-ip-auto", poly(113.790, 34.704, 113.795, 34.704, 113.795, 34.708, 113.790, 34.708),
        "智能传感器、电子元器件"));
    p.add(feature("small-micro-parks", "t-zzetdz-sm-alone", "zzetdz", "incubator", "t-zzetdz-cb-1", null,
        poly(113.750, 34.700, 113.7545, 34.700, 113.7545, 34.7035, 113.750, 34.7035), null));
    p.add(feature("zones", "t-zzetdz", "zzetdz", "development_zone", null, null,
        poly(113.70, 34.65, 113.90, 34.65, 113.90, 34.80, 113.70, 34.80), null));
    return p;
  }

  @BeforeAll
  static void generate() {
    plan = testPlan();
    planGeoms = new HashMap<>();
    for (PlanFeature f : plan) {
      planGeoms.put(f.id(), f.geom());
    }
    syn = new SyntheticGenerator(SEED).generate(plan);
  }

  private static Map<String, Parcel> parcelsById() {
    Map<String, Parcel> m = new HashMap<>();
    for (Parcel p : syn.parcels()) {
      m.put(p.id(), p);
    }
    return m;
  }

  @Test
  void the_same_seed_and_plan_give_identical_output() {
    Synthetic again = new SyntheticGenerator(SEED).generate(testPlan());
    assertEquals(syn.parcels(), again.parcels());
    assertEquals(syn.enterprises(), again.enterprises());
    assertEquals(syn.landUses(), again.landUses());
    assertEquals(syn.figures(), again.figures());
  }

  @Test
  void another_seed_gives_another_fabric() {
    Synthetic other = new SyntheticGenerator(SEED + 1).generate(testPlan());
    assertNotEquals(syn.parcels(), other.parcels());
  }

  @Test
  void the_parks_yield_at_least_the_demo_minimum_of_parcels_with_unique_ids() {
    assertTrue(syn.parcels().size() >= SyntheticGenerator.MIN_DEMO_PARCELS, "parcels: " + syn.parcels().size());
    Set<String> ids = new HashSet<>();
    for (Parcel p : syn.parcels()) {
      assertTrue(p.id().matches("P-(ZZETDZ|ZZHITECH|XXETDZ|ZHENGZHOU)-\\d{6}"), p.id());
      assertEquals("P-" + p.zone().toUpperCase() + "-", p.id().substring(0, p.id().lastIndexOf('-') + 1));
      assertTrue(ids.add(p.id()), "duplicate id " + p.id());
    }
    Map<String, Integer> byZone = new TreeMap<>();
    for (Parcel p : syn.parcels()) {
      byZone.merge(p.zone(), 1, Integer::sum);
    }
    assertEquals(Set.of("zzetdz", "zzhitech", "xxetdz", "zhengzhou"), byZone.keySet(), byZone.toString());
  }

  @Test
  void parcels_do_not_overlap_each_other() {
    STRtree tree = new STRtree();
    for (Parcel p : syn.parcels()) {
      tree.insert(p.geom().getEnvelopeInternal(), p);
    }
    int pairs = 0;
    for (Parcel p : syn.parcels()) {
      for (Object o : tree.query(p.geom().getEnvelopeInternal())) {
        Parcel q = (Parcel) o;
        if (q.id().compareTo(p.id()) <= 0 || !p.geom().intersects(q.geom())) {
          continue;
        }
        pairs++;
        double overlap = Geodesy.areaM2(OverlayNGRobust.overlay(p.geom(), q.geom(), OverlayNG.INTERSECTION));
        assertTrue(overlap < 1e-3, p.id() + " and " + q.id() + " overlap by " + overlap + " m²");
      }
    }
    assertTrue(pairs > syn.parcels().size() / 2, "neighbouring parcels should touch; touching pairs: " + pairs);
  }

  @Test
  void every_parcel_is_a_valid_single_polygon_with_seven_decimals_inside_its_park() {
    for (Parcel p : syn.parcels()) {
      Polygon g = p.geom();
      assertTrue(g.isValid(), p.id() + " invalid");
      assertFalse(g.isEmpty(), p.id());
      assertEquals(4490, g.getSRID());
      for (Coordinate c : g.getCoordinates()) {
        assertEquals(Math.round(c.x * 1e7) / 1e7, c.x, 0.0, p.id() + " lon not 7 decimals");
        assertEquals(Math.round(c.y * 1e7) / 1e7, c.y, 0.0, p.id() + " lat not 7 decimals");
      }
      String host = p.park() != null ? p.park() : p.smallMicroPark();
      assertNotNull(host, p.id() + " has neither park nor small-micro park");
      assertTrue(planGeoms.get(host).buffer(1e-9).covers(g), p.id() + " not inside " + host);
      if (p.smallMicroPark() != null) {
        assertTrue(planGeoms.get(p.smallMicroPark()).buffer(1e-9).covers(g), p.id() + " not inside its small-micro park");
      }
    }
  }

  @Test
  void parcels_of_a_later_overlapping_park_stay_out_of_the_earlier_park() {
    Geometry logistics = planGeoms.get("t-zzetdz-ip-logistics");
    int n = 0;
    for (Parcel p : syn.parcels()) {
      if (p.park() != null && p.park().equals("t-zhengzhou-ip-overlap")) {
        n++;
        double inside = Geodesy.areaM2(OverlayNGRobust.overlay(p.geom(), logistics, OverlayNG.INTERSECTION));
        assertTrue(inside < 1e-3, p.id() + " reaches into the logistics park by " + inside + " m²");
      }
    }
    assertTrue(n > 0, "the non-overlapping part of the city-level park gets parcels");
  }

  @Test
  void small_micro_parks_get_small_parcels_and_their_id() {
    int inside = 0;
    int alone = 0;
    for (Parcel p : syn.parcels()) {
      if (p.smallMicroPark() == null) {
        continue;
      }
      assertTrue(p.areaMu() <= 20.0, p.id() + " too big for a small-micro park: " + p.areaMu() + " mu");
      if (p.smallMicroPark().equals("t-zzetdz-sm-inside")) {
        inside++;
        assertEquals("t-zzetdz-ip-auto", p.park());
      } else {
        assertEquals("t-zzetdz-sm-alone", p.smallMicroPark());
        assertNull(p.park(), "a small-micro park outside every park has no park id");
        alone++;
      }
    }
    assertTrue(inside >= 10, "parcels in the small-micro park inside a park: " + inside);
    assertTrue(alone >= 5, "parcels in the stand-alone small-micro park: " + alone);
  }

  @Test
  void areas_are_the_geodesic_areas_of_the_geometry_and_no_slivers_remain() {
    for (Parcel p : syn.parcels()) {
      double geodesic = Geodesy.areaM2(p.geom());
      assertEquals(geodesic, p.areaM2(), 1e-6, p.id());
      assertEquals(p.areaM2() / Geodesy.M2_PER_MU, p.areaMu(), 1e-9, p.id());
      assertTrue(p.areaMu() >= 1.0, p.id() + " under 1 mu");
      double perimeter = Geodesy.lengthM(p.geom().getExteriorRing());
      assertTrue(2 * p.areaM2() / perimeter >= 5.9, p.id() + " is a sliver");
      assertEquals(p.far() * p.areaM2(), p.floorAreaM2(), 0.06, p.id());
    }
  }

  @Test
  void parcel_attributes_follow_the_land_use_classification_and_status_rules() {
    Map<String, String> names = SynthAttrs.LAND_USE_NAMES;
    Map<String, Integer> status = new TreeMap<>();
    int industrial = 0;
    int inUseIndustrial = 0;
    int belowMin = 0;
    for (Parcel p : syn.parcels()) {
      assertEquals(names.get(p.landUseCode()), p.landUseName(), p.id());
      ParcelStatus st = ParcelStatus.valueOf(p.status());
      status.merge(p.status(), 1, Integer::sum);
      boolean supplied = st != ParcelStatus.available && st != ParcelStatus.approved_not_supplied;
      if (supplied) {
        assertNotNull(p.supplyYear(), p.id());
        assertTrue(p.supplyYear() >= 2005 && p.supplyYear() <= 2024, p.id());
      } else {
        assertNull(p.supplyYear(), p.id());
        assertNull(p.buildStartYear(), p.id());
      }
      if (p.buildStartYear() != null) {
        assertTrue(p.buildStartYear() >= p.supplyYear() && p.buildStartYear() <= 2024, p.id());
      }
      boolean built = st == ParcelStatus.in_use || st == ParcelStatus.built_not_producing || st == ParcelStatus.partly_used;
      if (!built) {
        assertEquals(0.0, p.far(), p.id());
        assertEquals(0.0, p.coverage(), p.id());
      }
      if (p.landUseCode().startsWith("1001")) {
        industrial++;
        assertEquals(0.30, p.coverageMin(), 1e-12, p.id());
        assertTrue(p.farMin() >= 0.7 && p.farMin() <= 1.2, p.id());
        assertTrue(p.reqInvestWanPerMu() >= 250 && p.reqInvestWanPerMu() <= 450, p.id());
        double[] tax = p.zone().equals("xxetdz") ? new double[] {15, 20} : new double[] {15, 30};
        assertTrue(p.reqTaxWanPerMu() >= tax[0] && p.reqTaxWanPerMu() <= tax[1], p.id());
        if (st == ParcelStatus.in_use && p.smallMicroPark() == null) {
          inUseIndustrial++;
          assertTrue(p.far() >= 0.3 && p.far() <= 2.0, p.id() + " FAR " + p.far());
          if (p.far() < p.farMin() || p.coverage() < p.coverageMin()) {
            belowMin++;
          }
        }
      }
      if (p.landUseCode().startsWith("11")) {
        assertEquals(0.8, p.farMin(), 1e-12, p.id());
      }
    }
    assertTrue(industrial > syn.parcels().size() / 3, "industrial parcels: " + industrial);
    double inUse = status.getOrDefault("in_use", 0) / (double) syn.parcels().size();
    assertTrue(inUse > 0.6 && inUse < 0.8, "in_use share " + inUse + " " + status);
    for (ParcelStatus st : ParcelStatus.values()) {
      assertTrue(status.getOrDefault(st.name(), 0) > 0, "no parcel is " + st);
    }
    double low = belowMin / (double) inUseIndustrial;
    assertTrue(low > 0.05 && low < 0.16, "share of in-use industrial parcels below the control minimum: " + low);
  }

  @Test
  void every_land_use_links_an_existing_parcel_and_enterprise() {
    Map<String, Parcel> parcels = parcelsById();
    Set<String> ents = new HashSet<>();
    for (Enterprise e : syn.enterprises()) {
      ents.add(e.id());
    }
    Set<String> linked = new HashSet<>();
    for (LandUse lu : syn.landUses()) {
      assertTrue(parcels.containsKey(lu.parcelId()), "unknown parcel " + lu.parcelId());
      assertTrue(ents.contains(lu.enterpriseId()), "unknown enterprise " + lu.enterpriseId());
      assertTrue(lu.role().equals(LandUse.OWNER) || lu.role().equals(LandUse.TENANT), lu.role());
      linked.add(lu.enterpriseId());
    }
    assertEquals(ents, linked, "every enterprise uses some land");
  }

  @Test
  void shares_per_parcel_never_exceed_one_and_owned_parcels_have_exactly_one_owner() {
    Map<String, Double> sum = new HashMap<>();
    Map<String, Integer> owners = new HashMap<>();
    Map<String, Integer> tenants = new HashMap<>();
    for (LandUse lu : syn.landUses()) {
      assertTrue(lu.share() > 0 && lu.share() <= 1, "share " + lu.share());
      sum.merge(lu.parcelId(), lu.share(), Double::sum);
      if (lu.role().equals(LandUse.OWNER)) {
        owners.merge(lu.parcelId(), 1, Integer::sum);
      } else {
        tenants.merge(lu.parcelId(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Double> e : sum.entrySet()) {
      assertTrue(e.getValue() <= 1 + 1e-9, e.getKey() + " shares sum to " + e.getValue());
    }
    int smpInUse = 0;
    int smpWithTenants = 0;
    for (Parcel p : syn.parcels()) {
      ParcelStatus st = ParcelStatus.valueOf(p.status());
      boolean owned = st != ParcelStatus.available && st != ParcelStatus.approved_not_supplied;
      assertEquals(owned ? 1 : 0, owners.getOrDefault(p.id(), 0), p.id() + " " + p.status());
      if (p.smallMicroPark() != null && st == ParcelStatus.in_use) {
        smpInUse++;
        if (tenants.getOrDefault(p.id(), 0) >= 2) {
          smpWithTenants++;
          assertTrue(tenants.get(p.id()) <= 6, p.id());
        }
      }
    }
    assertTrue(smpWithTenants > smpInUse / 2, "most small-micro park parcels have tenants: " + smpWithTenants + "/" + smpInUse);
    assertTrue(tenants.size() > 0);
  }

  @Test
  void some_owners_hold_several_parcels_but_never_more_than_three() {
    Map<String, Integer> held = new HashMap<>();
    for (LandUse lu : syn.landUses()) {
      if (lu.role().equals(LandUse.OWNER)) {
        held.merge(lu.enterpriseId(), 1, Integer::sum);
      }
    }
    long multi = held.values().stream().filter(n -> n > 1).count();
    assertTrue(multi > 10, "owners of several parcels: " + multi);
    assertTrue(held.values().stream().allMatch(n -> n <= 3));
  }

  @Test
  void enterprises_are_marked_synthetic_with_valid_unique_credit_codes() {
    Set<String> usccs = new HashSet<>();
    Set<String> names = new HashSet<>();
    Map<String, Parcel> parcels = parcelsById();
    Map<String, List<Parcel>> land = new HashMap<>();
    for (LandUse lu : syn.landUses()) {
      land.computeIfAbsent(lu.enterpriseId(), k -> new ArrayList<>()).add(parcels.get(lu.parcelId()));
    }
    int i = 0;
    for (Enterprise e : syn.enterprises()) {
      i++;
      assertEquals(String.format("E-%06d", i), e.id());
      assertTrue(e.synthetic());
      assertTrue(SynthUscc.isValid(e.uscc()), e.uscc());
      String region = e.uscc().substring(2, 8);
      assertTrue(region.startsWith(e.zone().equals("xxetdz") ? "4107" : "4101"), e.uscc() + " for " + e.zone());
      assertTrue(usccs.add(e.uscc()), "duplicate " + e.uscc());
      assertTrue(e.nameZh().startsWith("合成示例·") && e.nameZh().endsWith("有限公司"), e.nameZh());
      assertTrue(e.nameZh().contains(e.zone().equals("xxetdz") ? "新乡" : "郑州"), e.nameZh());
      assertTrue(e.nameEn().startsWith("Synthetic Sample ") && e.nameEn().endsWith(" Co., Ltd."), e.nameEn());
      assertTrue(names.add(e.nameZh()), "duplicate name " + e.nameZh());
      assertTrue(e.sizeClass().equals("规上") || e.sizeClass().equals("规下"), e.sizeClass());
      assertTrue(e.foundedYear() >= 1995 && e.foundedYear() <= 2024, "founded " + e.foundedYear());
      assertNotNull(e.industry());
      assertFalse(e.industry().isBlank());
      boolean onItsLand = land.get(e.id()).stream().anyMatch(p -> p.geom().covers(e.geom()));
      assertTrue(onItsLand, e.id() + " point is not on its parcels");
      assertEquals(land.get(e.id()).get(0).zone(), e.zone());
    }
    assertTrue(syn.enterprises().size() > syn.parcels().size() / 2, "enterprises: " + syn.enterprises().size());
  }

  @Test
  void industries_come_from_the_parks_lead_industries() {
    Set<String> autoPark = new HashSet<>();
    for (Enterprise e : syn.enterprises()) {
      if ("t-zzetdz-ip-auto".equals(e.park())) {
        autoPark.add(e.industry());
      }
    }
    assertTrue(autoPark.contains("汽车零部件") && autoPark.contains("装备制造"), autoPark.toString());
  }

  @Test
  void every_enterprise_has_figures_for_each_year_2021_to_2024() {
    Map<String, Set<Integer>> years = new HashMap<>();
    for (YearFigures f : syn.figures()) {
      assertTrue(years.computeIfAbsent(f.enterpriseId(), k -> new HashSet<>()).add(f.year()),
          "two rows for " + f.enterpriseId() + " " + f.year());
    }
    for (Enterprise e : syn.enterprises()) {
      assertEquals(Set.of(2021, 2022, 2023, 2024), years.get(e.id()), e.id());
    }
    assertEquals(syn.enterprises().size() * 4, syn.figures().size());
  }

  @Test
  void figures_are_plausible_with_a_few_missing_values() {
    int rows = 0;
    int withNull = 0;
    for (YearFigures f : syn.figures()) {
      rows++;
      Double[] vs = {f.taxWan(), f.revenueWan(), f.valueAddedWan(), f.energyTce(), f.rndWan(), f.investmentWan(), f.pollutantEq()};
      boolean anyNull = f.employees() == null;
      for (Double v : vs) {
        if (v == null) {
          anyNull = true;
        } else {
          assertTrue(v >= 0 && Double.isFinite(v), f.toString());
        }
      }
      if (anyNull) {
        withNull++;
      }
      if (f.revenueWan() != null && f.valueAddedWan() != null && f.revenueWan() > 100) {
        double va = f.valueAddedWan() / f.revenueWan();
        assertTrue(va > 0.14 && va < 0.51, "value added share " + va);
      }
    }
    double missing = withNull / (double) rows;
    assertTrue(missing > 0.005 && missing < 0.05, "rows with a missing figure: " + missing);
  }

  @Test
  void the_median_industrial_enterprise_pays_15_to_25_wan_tax_per_mu() {
    Map<String, Parcel> parcels = parcelsById();
    Map<String, Double> landMu = new HashMap<>();
    Map<String, String> firstUse = new HashMap<>();
    for (LandUse lu : syn.landUses()) {
      Parcel p = parcels.get(lu.parcelId());
      landMu.merge(lu.enterpriseId(), lu.share() * p.areaMu(), Double::sum);
      firstUse.putIfAbsent(lu.enterpriseId(), p.landUseCode());
    }
    List<Double> taxPerMu = new ArrayList<>();
    List<Double> revPerMu = new ArrayList<>();
    List<Double> vaPerTce = new ArrayList<>();
    for (YearFigures f : syn.figures()) {
      if (f.year() != 2024 || !firstUse.get(f.enterpriseId()).startsWith("1001")) {
        continue;
      }
      double mu = landMu.get(f.enterpriseId());
      if (f.taxWan() != null) {
        taxPerMu.add(f.taxWan() / mu);
      }
      if (f.revenueWan() != null && f.revenueWan() > 0) {
        revPerMu.add(f.revenueWan() / mu);
      }
      if (f.valueAddedWan() != null && f.energyTce() != null && f.energyTce() > 0) {
        vaPerTce.add(f.valueAddedWan() / f.energyTce());
      }
    }
    taxPerMu.sort(null);
    revPerMu.sort(null);
    vaPerTce.sort(null);
    double median = taxPerMu.get(taxPerMu.size() / 2);
    assertTrue(median >= 15 && median <= 25, "median tax per mu " + median);
    double p10 = taxPerMu.get(taxPerMu.size() / 10);
    double p90 = taxPerMu.get(taxPerMu.size() * 9 / 10);
    assertTrue(p10 < 5, "a tail of low performers, p10 = " + p10);
    assertTrue(p90 > 2 * median, "a long upper tail, p90 = " + p90);
    double revMedian = revPerMu.get(revPerMu.size() / 2);
    assertTrue(revMedian >= 300 && revMedian <= 800, "median revenue per mu " + revMedian);
    double vaMedian = vaPerTce.get(vaPerTce.size() / 2);
    assertTrue(vaMedian >= 1 && vaMedian <= 4, "median value added per tce " + vaMedian);
  }

  @Test
  void revenue_grows_slightly_from_2021_to_2024_overall() {
    Map<Integer, Double> total = new TreeMap<>();
    for (YearFigures f : syn.figures()) {
      if (f.revenueWan() != null) {
        total.merge(f.year(), f.revenueWan(), Double::sum);
      }
    }
    assertTrue(total.get(2024) > total.get(2021), total.toString());
    assertTrue(total.get(2024) < total.get(2021) * 2, total.toString());
  }

  @Test
  void the_credit_code_checksum_accepts_a_known_code_and_rejects_any_single_change() {
    String known = "91350100M000100Y43";
    assertTrue(SynthUscc.isValid(known));
    assertEquals('3', SynthUscc.checkChar(known.substring(0, 17)));
    for (int i = 0; i < known.length(); i++) {
      for (char c : SynthUscc.CHARSET.toCharArray()) {
        if (c == known.charAt(i)) {
          continue;
        }
        String changed = known.substring(0, i) + c + known.substring(i + 1);
        assertFalse(SynthUscc.isValid(changed), changed);
      }
    }
    assertFalse(SynthUscc.isValid("91350100M000100Y4"), "17 characters");
    assertFalse(SynthUscc.isValid("91350100M000100YI3"), "I is not allowed");
    assertFalse(SynthUscc.isValid(null));
  }

  @Test
  void generated_credit_codes_also_carry_a_valid_organisation_code_check() {
    for (Enterprise e : syn.enterprises().subList(0, 200)) {
      String org = e.uscc().substring(8, 17);
      assertEquals(org.charAt(8), SynthUscc.orgCheckChar(org.substring(0, 8)), e.uscc());
    }
    // the known code's organisation code M000100Y4 checks out too
    assertEquals('4', SynthUscc.orgCheckChar("M000100Y"));
  }

  @Test
  void a_plan_too_small_for_the_minimum_keeps_lots_at_the_smallest_scale_instead_of_shrinking_further() {
    List<PlanFeature> tiny = List.of(feature("industrial-parks", "t-zzetdz-ip-tiny", "zzetdz", "industrial_park", null,
        null, poly(113.780, 34.700, 113.790, 34.700, 113.790, 34.708, 113.780, 34.708), null));
    Synthetic s = new SyntheticGenerator(3).generate(tiny);
    assertTrue(s.parcels().size() > 100 && s.parcels().size() < SyntheticGenerator.MIN_DEMO_PARCELS,
        "parcels: " + s.parcels().size());
    double[] mu = s.parcels().stream().mapToDouble(Parcel::areaMu).sorted().toArray();
    assertTrue(mu[mu.length / 2] >= 2, "median parcel " + mu[mu.length / 2] + " mu");
  }

  @Test
  void an_empty_plan_gives_empty_output() {
    Synthetic s = new SyntheticGenerator(1).generate(List.of());
    assertTrue(s.parcels().isEmpty() && s.enterprises().isEmpty() && s.landUses().isEmpty() && s.figures().isEmpty());
  }

  @Test
  void a_bench_city_is_the_bench_fabric_with_about_the_asked_enterprises_linked_to_its_parcels() {
    Synthetic a = SyntheticGenerator.benchCity(3000, 900, 5);
    assertEquals(a, SyntheticGenerator.benchCity(3000, 900, 5), "deterministic");
    assertEquals(SyntheticGenerator.benchParcels(3000, 5), a.parcels(), "the same fabric as benchParcels");
    assertTrue(a.enterprises().size() >= 800 && a.enterprises().size() <= 910, "enterprises: " + a.enterprises().size());
    Set<String> parcels = new HashSet<>();
    a.parcels().forEach(p -> parcels.add(p.id()));
    Set<String> ents = new HashSet<>();
    a.enterprises().forEach(e -> assertTrue(ents.add(e.id()), e.id()));
    for (LandUse l : a.landUses()) {
      assertTrue(parcels.contains(l.parcelId()) && ents.contains(l.enterpriseId()), l.toString());
    }
    assertEquals(a.enterprises().size() * 4, a.figures().size(), "four years each");
    // spread over the fabric, not only its centre (parcels are laid from the centre outwards)
    Set<String> outer = new HashSet<>();
    a.parcels().subList(2000, 3000).forEach(p -> outer.add(p.id()));
    assertTrue(a.landUses().stream().anyMatch(l -> outer.contains(l.parcelId())), "links in the outer third");
  }

  @Test
  void bench_parcels_are_exactly_n_non_overlapping_filled_parcels_around_zhengzhou() {
    List<Parcel> a = SyntheticGenerator.benchParcels(3000, 5);
    List<Parcel> b = SyntheticGenerator.benchParcels(3000, 5);
    assertEquals(3000, a.size());
    assertEquals(a, b, "deterministic");
    STRtree tree = new STRtree();
    Set<String> ids = new HashSet<>();
    for (Parcel p : a) {
      assertTrue(ids.add(p.id()), p.id());
      tree.insert(p.geom().getEnvelopeInternal(), p);
      assertTrue(p.geom().isValid(), p.id());
      assertTrue(p.areaM2() >= 3000 && p.areaM2() <= 30000, p.id() + " " + p.areaM2());
      assertEquals(Geodesy.areaM2(p.geom()), p.areaM2(), 1e-6);
      double lon = p.geom().getCentroid().getX();
      double lat = p.geom().getCentroid().getY();
      assertTrue(lon > 113.6 && lon < 113.95 && lat > 34.6 && lat < 34.85, p.id() + " at " + lon + "," + lat);
      assertNotNull(p.zone());
      assertNotNull(p.park());
      assertNotNull(p.board());
      assertNotNull(p.landUseCode());
      assertNotNull(p.landUseName());
      assertNotNull(p.status());
    }
    for (Parcel p : a) {
      for (Object o : tree.query(p.geom().getEnvelopeInternal())) {
        Parcel q = (Parcel) o;
        if (q.id().compareTo(p.id()) > 0 && p.geom().intersects(q.geom())) {
          double overlap = Geodesy.areaM2(OverlayNGRobust.overlay(p.geom(), q.geom(), OverlayNG.INTERSECTION));
          if (overlap >= 1e-3) {
            fail(p.id() + " and " + q.id() + " overlap by " + overlap + " m²");
          }
        }
      }
    }
  }
}
