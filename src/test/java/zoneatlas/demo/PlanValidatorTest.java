package zoneatlas.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.LandUse;
import zoneatlas.model.PlanFeature;
import zoneatlas.model.Synthetic;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class PlanValidatorTest {
  static final GeometryFactory GF = new GeometryFactory();

  /** A square of about {@code sideM} metres at lon/lat. */
  static Polygon square(double lon, double lat, double sideM) {
    double dLat = sideM / 110574.0;
    double dLon = sideM / (111320.0 * Math.cos(Math.toRadians(lat)));
    return GF.createPolygon(new Coordinate[] {
        new Coordinate(lon, lat), new Coordinate(lon + dLon, lat), new Coordinate(lon + dLon, lat + dLat),
        new Coordinate(lon, lat + dLat), new Coordinate(lon, lat)});
  }

  static PlanFeature feature(String layer, String id, String kind, Polygon g, Map<String, Object> extra) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layer", layer);
    p.put("id", id);
    p.put("name_zh", "测试" + id);
    p.put("name_en", "Test " + id);
    p.put("zone", "zzetdz");
    p.put("kind", kind);
    p.put("source_doc", "000_8e3b18d49bf5da6c.txt");
    p.put("source_lines", "939");
    p.put("schematic", true);
    p.putAll(extra);
    return new PlanFeature(layer, id, "zzetdz", kind, (String) p.get("board"), (String) p.get("park"), g, p);
  }

  static List<PlanFeature> goodPlan() {
    List<PlanFeature> l = new ArrayList<>();
    l.add(feature("zones", "z", "development_zone", square(113.70, 34.60, 10000), Map.of()));
    l.add(feature("industrial-parks", "p1", "industrial_park", square(113.71, 34.61, 2000), Map.of()));
    l.add(feature("industrial-parks", "p2", "industrial_park", square(113.76, 34.61, 2000), Map.of()));
    return l;
  }

  @Test
  void aGoodPlanPasses() {
    PlanValidator v = new PlanValidator();
    v.check("t.geojson", goodPlan());
    v.checkTogether("t.geojson", goodPlan());
  }

  @Test
  void aMissingSourceIsRefusedNamingFileFeatureAndProperty() {
    PlanFeature f = goodPlan().get(1);
    Map<String, Object> p = new LinkedHashMap<>(f.props());
    p.remove("source_lines");
    PlanFeature bad = new PlanFeature(f.layer(), f.id(), f.zone(), f.kind(), null, null, f.geom(), p);
    LoadException e = assertThrows(LoadException.class, () -> new PlanValidator().check("t.geojson", List.of(bad)));
    assertTrue(e.getMessage().contains("t.geojson") && e.getMessage().contains("p1") && e.getMessage().contains("source_lines"),
        e.getMessage());
  }

  @Test
  void aDrawnAreaFarFromThePlannedAreaIsRefused() {
    Polygon g = square(113.71, 34.61, 1000); // about 1 km²
    double km2 = Geodesy.areaM2(g) / 1e6;
    new PlanValidator().check("t", List.of(feature("industrial-parks", "ok", "industrial_park", g, Map.of("planned_area_km2", km2 * 1.05))));
    LoadException e = assertThrows(LoadException.class, () -> new PlanValidator().check("t",
        List.of(feature("industrial-parks", "big", "industrial_park", g, Map.of("planned_area_km2", km2 * 1.3)))));
    assertTrue(e.getMessage().contains("planned"), e.getMessage());
  }

  @Test
  void aSelfIntersectingPolygonIsRefused() {
    Polygon bow = GF.createPolygon(new Coordinate[] {
        new Coordinate(113.7, 34.6), new Coordinate(113.72, 34.62), new Coordinate(113.72, 34.6),
        new Coordinate(113.7, 34.62), new Coordinate(113.7, 34.6)});
    LoadException e = assertThrows(LoadException.class,
        () -> new PlanValidator().check("t", List.of(feature("industrial-parks", "bow", "industrial_park", bow, Map.of()))));
    assertTrue(e.getMessage().contains("invalid geometry"), e.getMessage());
  }

  @Test
  void overlappingParksAndParksOutsideTheZoneAreRefused() {
    List<PlanFeature> l = goodPlan();
    l.add(feature("industrial-parks", "p3", "industrial_park", square(113.715, 34.615, 2000), Map.of()));
    LoadException e = assertThrows(LoadException.class, () -> new PlanValidator().checkTogether("t", l));
    assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    List<PlanFeature> l2 = goodPlan();
    l2.add(feature("industrial-parks", "far", "industrial_park", square(114.5, 34.61, 2000), Map.of()));
    LoadException e2 = assertThrows(LoadException.class, () -> new PlanValidator().checkTogether("t", l2));
    assertTrue(e2.getMessage().contains("outside"), e2.getMessage());
  }

  @Test
  void duplicateIdsAndUnknownKindsAreRefused() {
    PlanValidator v = new PlanValidator();
    v.check("a", List.of(goodPlan().get(1)));
    assertThrows(LoadException.class, () -> v.check("b", List.of(goodPlan().get(1))));
    assertThrows(LoadException.class, () -> new PlanValidator().check("t",
        List.of(feature("industrial-parks", "k", "casino", square(113.71, 34.61, 500), Map.of()))));
  }

  @Test
  void geojsonThatIsNotAFeatureCollectionIsRefused() {
    var in = new ByteArrayInputStream("{\"type\":\"Feature\"}".getBytes(StandardCharsets.UTF_8));
    LoadException e = assertThrows(LoadException.class, () -> new PlanReader().read("x.geojson", in));
    assertTrue(e.getMessage().startsWith("x.geojson"), e.getMessage());
  }

  @Test
  void theShippedPlanFilesPassValidationAndEveryFeatureCitesItsSource() {
    List<PlanFeature> plan = DemoLoader.readPlan();
    assertTrue(plan.size() > 50, "plan features: " + plan.size());
    for (PlanFeature f : plan) {
      assertTrue(f.props().get("source_doc").toString().matches("00[0-4]_[0-9a-f]{16}\\.txt"), f.id());
    }
  }

  @Test
  void aLoadThatFailsHalfwayLeavesTheStoreEmpty() throws Exception {
    try (SqlStore s = TestStores.freshH2()) {
      List<PlanFeature> plan = goodPlan();
      // a tenant share of 1.5 breaks the land_uses check constraint after the plan rows are written
      Synthetic bad = new Synthetic(List.of(), List.of(), List.of(new LandUse("E-1", "P-1", "tenant", 1.5, null)), List.of());
      assertThrows(Exception.class, () -> DemoLoader.write(s, plan, bad, 1));
      assertTrue(DemoLoader.isEmpty(s));
      try (var c = s.connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM meta")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }
}
