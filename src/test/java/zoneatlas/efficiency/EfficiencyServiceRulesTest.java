package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.http.ApiError;

/**
 * The 亩均 views as the service hands them to the routes, on the demo data without a server: who
 * may run a what-if and how a bad one is refused naming the field, what a what-if answers (classes
 * compared firm by firm with the official list, the moves adding up, only the zone asked for), and
 * the tables' rules a role relies on (enterprise level for officers only, withheld rows counted,
 * confidential reasons and class lists for officers, low-efficiency land largest first with its
 * total, trends for roll-ups only). One service for the class: the demo is loaded once.
 */
class EfficiencyServiceRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EfficiencyService svc() {
    return DemoService.get();
  }

  private static Map<String, Object> whatIf(Role role, String body) throws Exception {
    return svc().whatIf(role, JSON.readTree(body));
  }

  private static ApiError refused(Role role, String body) {
    return assertThrows(ApiError.class, () -> whatIf(role, body));
  }

  @Test
  void aWhatIfIsForLandOfficersAndABadOneNamesTheField() throws Exception {
    assertEquals(401, refused(Role.anonymous, "{}").status);
    assertEquals(403, refused(Role.planner, "{}").status);
    assertEquals(403, refused(Role.prospect, "{}").status);
    assertEquals("body", assertThrows(ApiError.class, () -> svc().whatIf(Role.land_officer, null)).parameter);
    assertEquals("body", refused(Role.land_officer, "[1]").parameter);
    assertEquals("colour", refused(Role.land_officer, "{\"colour\":1}").parameter);
    assertEquals("year", refused(Role.land_officer, "{\"year\":\"2024\"}").parameter);
    assertEquals("year", refused(Role.land_officer, "{\"year\":2024.5}").parameter);
    assertEquals("year", refused(Role.land_officer, "{\"year\":1900}").parameter);
    assertEquals("zone", refused(Role.land_officer, "{\"zone\":\"atlantis\"}").parameter);
    assertEquals("scheme", refused(Role.land_officer, "{\"scheme\":\"nope\"}").parameter);
    assertEquals("benchmarks", refused(Role.land_officer, "{\"benchmarks\":[1]}").parameter);
    assertEquals("benchmarks.joy", refused(Role.land_officer, "{\"benchmarks\":{\"joy\":1}}").parameter);
    for (String v : List.of("0", "-1", "\"high\"", "true")) {
      assertEquals("benchmarks.tax_per_mu", refused(Role.land_officer, "{\"benchmarks\":{\"tax_per_mu\":" + v + "}}").parameter, v);
    }
    for (String v : List.of("0.09", "100.5", "\"2\"")) {
      assertEquals("cap", refused(Role.land_officer, "{\"cap\":" + v + "}").parameter, v);
    }
    assertEquals(0.1, whatIf(Role.land_officer, "{\"cap\":0.1}").get("cap"), "the limits themselves are taken");
    assertEquals(100.0, whatIf(Role.admin, "{\"cap\":100}").get("cap"));
    assertEquals(2024, whatIf(Role.admin, "{\"year\":2024,\"benchmarks\":{\"tax_per_mu\":\"zone_average\"}}").get("year"));
  }

  @Test
  void aWhatIfComparesEveryFirmWithTheOfficialListAndTheMovesAddUp() throws Exception {
    Map<String, Object> w = whatIf(Role.land_officer, "{\"scheme\":\"weighted-benchmark\",\"zone\":\"zzetdz\","
        + "\"weights\":{\"tax_per_mu\":80,\"rnd_intensity\":0}}");
    assertEquals(false, w.get("official"));
    assertEquals(true, w.get("whatIf"));
    assertEquals("zzetdz", w.get("zone"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ents = (List<Map<String, Object>>) w.get("enterprises");
    assertTrue(ents.size() > 20);
    int changed = 0;
    for (Map<String, Object> e : ents) {
      assertEquals("zzetdz", e.get("zone"), "only the zone asked for");
      assertTrue(e.get("class") != null || e.get("official_class") != null, "a firm classed in neither is left out");
      boolean c = !java.util.Objects.equals(e.get("class"), e.get("official_class"));
      assertEquals(c, e.get("changed"));
      changed += c ? 1 : 0;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> moves = (Map<String, Object>) w.get("moves");
    int up = (Integer) moves.get("up");
    int down = (Integer) moves.get("down");
    int same = (Integer) moves.get("same");
    assertTrue(up > 0 && down > 0, moves.toString());
    assertEquals(changed, up + down);
    assertEquals(ents.size(), up + down + same);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> movers = (List<Map<String, Object>>) moves.get("enterprises");
    assertEquals(up + down, movers.size());
    assertEquals("down", movers.get(0).get("direction"), "down first, then up");
    assertEquals("up", movers.get(movers.size() - 1).get("direction"));
    List<String> classes = List.of("A", "B", "C", "D");
    for (int i = 1; i < movers.size(); i++) {
      Map<String, Object> a = movers.get(i - 1);
      Map<String, Object> b = movers.get(i);
      if (a.get("direction").equals(b.get("direction"))) {
        assertTrue(classes.indexOf((String) a.get("official_class")) <= classes.indexOf((String) b.get("official_class")));
      }
    }
    for (Map<String, Object> m : movers) {
      int from = classes.indexOf((String) m.get("official_class"));
      int to = classes.indexOf((String) m.get("class"));
      assertEquals(to < from ? "up" : "down", m.get("direction"), m.toString());
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tr = (List<Map<String, Object>>) moves.get("transitions");
    assertEquals(16, tr.size(), "every pair of classes");
    int total = 0;
    for (Map<String, Object> t : tr) {
      int from = classes.indexOf((String) t.get("from"));
      int to = classes.indexOf((String) t.get("to"));
      assertEquals(to < from ? "up" : to > from ? "down" : "same", t.get("direction"));
      total += (Integer) t.get("count");
    }
    assertEquals(up + down + same, total);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> zones = (List<Map<String, Object>>) w.get("zones");
    assertEquals(1, zones.size());
    assertEquals(up, zones.get(0).get("up"));
    assertEquals(down, zones.get(0).get("down"));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) w.get("meta");
    assertEquals("official", meta.get("compared_with"));
    assertEquals("rest_redistributed", meta.get("weights_rule"));
    @SuppressWarnings("unchecked")
    Map<String, String> parcels = (Map<String, String>) w.get("parcels");
    assertFalse(parcels.isEmpty());
    EfficiencyResult off = svc().official("weighted-benchmark", null);
    for (String id : parcels.keySet()) {
      assertEquals("zzetdz", off.parcel(id).orElseThrow().parcel().zone());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> scoring = (Map<String, Object>) w.get("scoring");
    assertEquals(List.of("zzetdz"), List.copyOf(scoring.keySet()));

    // the official result is what the cache still holds
    assertFalse(svc().official("weighted-benchmark", null).scheme.whatIf());
    Map<String, Object> all = whatIf(Role.admin, "{\"scheme\":\"weighted-benchmark\",\"weights\":{\"tax_per_mu\":100}}");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> allZones = (List<Map<String, Object>>) all.get("zones");
    assertEquals(svc().data().zones().size(), allZones.size(), "no zone: every zone");
    assertNull(all.get("zone"));
    assertEquals("weights", refused(Role.admin, "{\"scheme\":\"weighted-benchmark\",\"weights\":{\"tax_per_mu\":0,"
        + "\"value_added_per_mu\":0,\"value_added_per_tce\":0,\"value_added_per_pollutant\":0,\"labour_productivity\":0,"
        + "\"rnd_intensity\":0}}").parameter);
  }

  @Test
  void aPublicRoleGetsRollUpsWithWithheldRowsCountedButNoEnterpriseLevel() throws Exception {
    EfficiencyService s = svc();
    ApiError e = assertThrows(ApiError.class, () -> s.indicators(Role.planner, Level.enterprise, null, null, null, Unit.mu));
    assertEquals(403, e.status);
    assertTrue(e.getMessage().contains("at least 3 enterprises"), e.getMessage());
    Table ent = s.indicators(Role.land_officer, Level.enterprise, null, null, "zzetdz", Unit.mu);
    assertTrue(ent.rows().stream().allMatch(r -> "zzetdz".equals(r.get("zone"))));
    assertEquals("indicators-enterprise", ent.name());
    Table parcels = s.indicators(Role.anonymous, Level.parcel, null, null, "zzetdz", Unit.mu);
    long withheld = parcels.rows().stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed"))).count();
    assertTrue(withheld > 0);
    assertEquals((int) withheld, parcels.meta().get("suppressed"));
    assertTrue(((String) parcels.meta().get("suppressedReason")).contains("fewer than 3"));
    assertTrue(((String) parcels.meta().get("suppressedReason_zh")).contains("不足3家"));
    assertEquals("parcels", parcels.meta().get("collection"));
    assertEquals("zzetdz", parcels.meta().get("zone"));
    Table parks = s.indicators(Role.planner, Level.industrial_park, null, null, null, Unit.ha);
    long hiddenParks = parks.rows().stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed"))).count();
    assertEquals((int) hiddenParks, parks.meta().get("suppressed"));
    Table offParks = s.indicators(Role.admin, Level.industrial_park, null, null, null, Unit.ha);
    assertEquals(0, offParks.meta().get("suppressed"), "officers see everything");
    assertFalse(offParks.meta().containsKey("suppressedReason"));
    assertEquals(parks.rows().size(), offParks.rows().size());
  }

  @Test
  void classListsAndConfidentialReasonsAreForOfficersOnly() throws Exception {
    EfficiencyService s = svc();
    Map<String, Object> pub = s.classes(Role.planner, null, "percentile", null);
    assertFalse(pub.containsKey("enterprises"));
    assertTrue(pub.containsKey("enterprisesWithheld"));
    assertEquals(true, pub.get("official"));
    Map<String, Object> off = s.classes(Role.land_officer, null, "percentile", "zzetdz");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) off.get("enterprises");
    assertTrue(rows.size() > 20);
    assertTrue(rows.stream().allMatch(r -> "zzetdz".equals(r.get("zone"))));
    for (int i = 1; i < rows.size(); i++) {
      Integer a = (Integer) rows.get(i - 1).get("rank");
      Integer b = (Integer) rows.get(i).get("rank");
      assertTrue(a == null ? b == null : b == null || a <= b, "ranked first, best first, the unranked last");
    }
    assertNotNull(rows.get(0).get("list_zh"));
    Table pubTable = s.classesTable(Role.planner, null, "percentile", null);
    assertEquals(s.data().zones().size(), pubTable.rows().size(), "one row per zone");
    assertFalse(pubTable.columns().stream().anyMatch(c -> c.key().equals("uscc")));
    assertTrue(pubTable.rows().stream().allMatch(r -> r.containsKey("class_D")));
    Table offTable = s.classesTable(Role.admin, null, "percentile", null);
    assertTrue(offTable.columns().stream().anyMatch(c -> c.key().equals("uscc")));

    Table lowPub = s.lowEfficiency(Role.planner, null, null, null, Unit.mu);
    Table lowOff = s.lowEfficiency(Role.land_officer, null, null, null, Unit.mu);
    assertTrue(lowOff.rows().size() > lowPub.rows().size(), "officers also see below-standard and low-class land");
    assertTrue(lowPub.meta().containsKey("withheld"));
    assertFalse(lowOff.meta().containsKey("withheld"));
    double total = 0;
    double last = Double.POSITIVE_INFINITY;
    for (Map<String, Object> r : lowPub.rows()) {
      @SuppressWarnings("unchecked")
      List<String> reasons = (List<String>) r.get("reasons");
      for (String code : reasons) {
        assertFalse(LowReason.valueOf(code).confidential, code);
      }
      assertFalse(r.containsKey("main_enterprise"));
      double a = ((Number) r.get("area_mu")).doubleValue();
      assertTrue(a <= last, "largest first");
      last = a;
      total += a;
    }
    assertEquals(EfficiencyTables.num(total), lowPub.meta().get("total_area_mu"));
    assertTrue(lowOff.rows().stream().anyMatch(r -> r.get("main_enterprise_name") != null));
    Table lowZone = s.lowEfficiency(Role.land_officer, null, null, "xxetdz", Unit.ha);
    assertTrue(lowZone.rows().stream().allMatch(r -> "xxetdz".equals(r.get("zone")) && r.containsKey("area_ha")));
  }

  @Test
  void trendsAreForRollUpsAndSayWhatIsWithheld() throws Exception {
    EfficiencyService s = svc();
    assertEquals("level", assertThrows(ApiError.class, () -> s.trend(Role.planner, Level.parcel, Indicator.TAX_PER_MU, null,
        null, Unit.mu)).parameter);
    assertEquals("level", assertThrows(ApiError.class, () -> s.trend(Role.planner, Level.enterprise, Indicator.TAX_PER_MU,
        null, null, Unit.mu)).parameter);
    Table t = s.trend(Role.planner, Level.industrial_park, Indicator.TAX_PER_MU, null, "zzetdz", Unit.ha);
    assertEquals("trend-tax_per_ha", t.name());
    int years = s.data().years().size();
    assertEquals(4 + years, t.columns().size());
    assertTrue(t.rows().stream().allMatch(r -> "zzetdz".equals(r.get("zone"))));
    boolean sawWithheld = false;
    for (Map<String, Object> r : t.rows()) {
      for (int y : s.data().years()) {
        if (Boolean.TRUE.equals(r.get("withheld_y" + y))) {
          assertNull(r.get("y" + y));
          sawWithheld = true;
        }
      }
    }
    assertTrue(sawWithheld, "some park's tax is withheld from a planner in some year");
    Table far = s.trend(Role.planner, Level.industrial_park, Indicator.FAR, null, "zzetdz", Unit.mu);
    assertTrue(far.rows().stream().noneMatch(r -> r.keySet().stream().anyMatch(k -> k.startsWith("withheld"))),
        "FAR is no enterprise figure");
    Table off = s.trend(Role.admin, Level.zone, Indicator.TAX_PER_MU, null, null, Unit.mu);
    assertEquals(s.data().zones().size(), off.rows().size());
    assertTrue(off.rows().stream().noneMatch(r -> r.keySet().stream().anyMatch(k -> k.startsWith("withheld"))));

    Table targets = s.targets(Role.planner, null, null);
    assertFalse(targets.rows().isEmpty());
    assertTrue(targets.rows().stream().anyMatch(r -> "suppressed".equals(r.get("outcome"))) || targets.rows().stream()
        .allMatch(r -> r.get("actual") != null || "no_data".equals(r.get("outcome"))));
    for (Map<String, Object> r : targets.rows()) {
      if ("suppressed".equals(r.get("outcome"))) {
        assertNull(r.get("actual"));
        assertEquals("为保护企业数据已隐去", r.get("outcome_zh"));
      }
    }
    Integer latest = s.data().latestYear();
    assertEquals(s.data().years().contains(latest - 1) ? latest - 1 : null, targets.meta().get("previousYear"));
    Map<String, Object> meta = s.meta();
    assertEquals(latest, meta.get("latestYear"));
    assertEquals(3, meta.get("minGroupSize"));
    assertEquals(s.schemes().defaultScheme().id(), meta.get("defaultScheme"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> levels = (List<Map<String, Object>>) meta.get("levels");
    assertEquals(List.of(true, false, false, false, false, false), levels.stream().map(l -> l.get("confidential")).toList());
    assertEquals("year", assertThrows(ApiError.class, () -> s.official(null, 1900)).parameter);
    assertEquals("zone", assertThrows(ApiError.class, () -> s.lowEfficiency(Role.admin, null, null, "atlantis", Unit.mu)).parameter);
    assertEquals(s.schemes().defaultScheme(), s.scheme(" "));
  }
}
