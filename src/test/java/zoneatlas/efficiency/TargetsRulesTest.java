package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.Targets.Check;
import zoneatlas.efficiency.Targets.Outcome;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Parcel;

/**
 * A plan target against the roll-ups, as the targets table shows it: each comparison as written
 * (an equal value meets {@code >=} and {@code <=}, not {@code >} or {@code <}), growth over the
 * year before, per hectare, industrial land only, only the zones the plan names; and a target
 * file a planner got wrong is refused at start-up naming the target.
 */
class TargetsRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scheme SCHEME = Schemes.load().get("weighted-benchmark").orElseThrow();

  /** One target over zone z: tax per mu {@code op value}; more keys by hand. */
  private static ObjectNode target(String id, String op, double value) {
    ObjectNode t = JSON.createObjectNode();
    t.put("id", id).put("source_doc", "003_7e57f287e5d0df84.txt").put("source_lines", "189,617");
    t.putArray("zones").add("z");
    t.putArray("levels").add("zone");
    t.put("indicator", "tax_per_mu").put("op", op).put("value", value);
    return t;
  }

  private static Targets targets(ObjectNode... ts) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode a = root.putArray("targets");
    for (ObjectNode t : ts) {
      a.add(t);
    }
    return Targets.parse(root);
  }

  private static String refusal(ObjectNode t) {
    return assertThrows(Schemes.SchemeException.class, () -> targets(t)).getMessage();
  }

  /** Zone z: firm A on 10 mu of industrial land, firm S on 10 mu of commercial land; tax per mu 20 (A) and 40 (S). */
  private static EfficiencyResult year(int year, double taxA, double taxS) {
    TestWorld w = new TestWorld().parcel("P1", "z", "k1", 10).firm("A", "z").owns("A", "P1", 1).firm("S", "z")
        .firm("Y", "y").parcel("PY", "y", "ky", 10).owns("Y", "PY", 1);
    double m2 = 10 * Geodesy.M2_PER_MU;
    w.parcels.add(new Parcel("P2", "z", "board-z", "k2", null, "0501", "商业用地", "in_use", m2, 10, m2, 1, 0.4, 0, 0, 0, 0,
        2010, 2010, null));
    w.owns("S", "P2", 1).figures("A", year, taxA, 1000, 100).figures("S", year, taxS, 1000, 100)
        .figures("Y", year, 1000, 1000, 100);
    return EfficiencyEngine.compute(w.data(), SCHEME, year);
  }

  private static Check zoneCheck(List<Check> checks, String id) {
    return checks.stream().filter(c -> c.target().id().equals(id) && c.level() == Level.zone).findFirst().orElseThrow();
  }

  @Test
  void anEqualValueMeetsAtLeastAndAtMostButNotMoreOrLessThan() {
    Targets t = targets(target("ge", ">=", 30), target("gt", ">", 30), target("le", "<=", 30), target("lt", "<", 30));
    // zone z: (200 + 400) / 20 mu = 30 exactly
    List<Check> c = t.evaluate(year(2024, 200, 400), null);
    assertEquals(30, zoneCheck(c, "ge").actual(), 1e-9);
    assertEquals(Outcome.met, zoneCheck(c, "ge").outcome());
    assertEquals(Outcome.not_met, zoneCheck(c, "gt").outcome());
    assertEquals(Outcome.met, zoneCheck(c, "le").outcome());
    assertEquals(Outcome.not_met, zoneCheck(c, "lt").outcome());
    // and just off the value each way
    List<Check> above = t.evaluate(year(2024, 201, 400), null);
    assertEquals(Outcome.met, zoneCheck(above, "gt").outcome());
    assertEquals(Outcome.not_met, zoneCheck(above, "le").outcome());
    List<Check> below = t.evaluate(year(2024, 199, 400), null);
    assertEquals(Outcome.met, zoneCheck(below, "lt").outcome());
    assertEquals(Outcome.not_met, zoneCheck(below, "ge").outcome());
  }

  @Test
  void onlyTheZonesThePlanNamesAreCompared() {
    List<Check> c = targets(target("t", ">", 1)).evaluate(year(2024, 200, 400), null);
    assertEquals(1, c.size(), "zone y has its own plan: " + c);
    assertEquals("z", c.get(0).groupId());
    assertEquals("z", c.get(0).zone());
    assertEquals(2, c.get(0).enterprises());
  }

  @Test
  void anIndustrialLandTargetLeavesOtherLandOut() {
    ObjectNode ind = target("ind", ">=", 25).put("land", "industrial");
    ((ArrayNode) ind.get("levels")).add("industrial-park");
    List<Check> c = targets(ind).evaluate(year(2024, 200, 400), null);
    Check zone = zoneCheck(c, "ind");
    assertEquals(20, zone.actual(), 1e-9, "only A's industrial parcel counts");
    assertEquals(1, zone.enterprises());
    assertEquals(Outcome.not_met, zone.outcome());
    // the park level too, and the commercial park k2 is no industrial group at all
    List<Check> parks = c.stream().filter(x -> x.level() == Level.industrial_park).toList();
    assertEquals(1, parks.size(), parks.toString());
    assertEquals("k1", parks.get(0).groupId());
    assertEquals(20, parks.get(0).actual(), 1e-9);
  }

  @Test
  void aPerHectareTargetIsComparedPerHectare() {
    ObjectNode ha = target("ha", ">=", 450).put("area_unit", "ha");
    Check c = zoneCheck(targets(ha).evaluate(year(2024, 200, 400), null), "ha");
    assertEquals(450, c.actual(), 1e-9, "30 万元/亩 is 450 万元/公顷");
    assertEquals(Outcome.met, c.outcome());
  }

  @Test
  void aGrowthTargetIsPerCentOverTheYearBefore() {
    Targets t = targets(target("g", "growth>=", 10));
    EfficiencyResult before = year(2023, 200, 400);
    // 30 -> 33: exactly 10 % growth meets "at least 10 %"
    Check met = zoneCheck(t.evaluate(year(2024, 230, 430), before), "g");
    assertEquals(10, met.actual(), 1e-9);
    assertEquals(Outcome.met, met.outcome());
    Check not = zoneCheck(t.evaluate(year(2024, 220, 430), before), "g");
    assertEquals(100.0 / 12, not.actual(), 1e-9, "30 -> 32.5");
    assertEquals(Outcome.not_met, not.outcome());
    // a fall is negative growth, not a small positive one
    assertEquals(-10, zoneCheck(t.evaluate(year(2024, 170, 370), before), "g").actual(), 1e-9);
    // without the year before there is nothing to grow from
    assertEquals(Outcome.no_data, zoneCheck(t.evaluate(year(2024, 230, 430), null), "g").outcome());
    // nor from a year with no tax at all
    assertEquals(Outcome.no_data, zoneCheck(t.evaluate(year(2024, 230, 430), year(2023, 0, 0)), "g").outcome());
  }

  @Test
  void aPlanWithoutANumericTargetIsListedOncePerZone() {
    ObjectNode none = target("none", ">", 1);
    none.remove("indicator");
    ((ArrayNode) none.get("zones")).add("y").add("nowhere");
    Targets t = targets(none);
    assertNull(t.all().get(0).indicator());
    List<Check> c = t.evaluate(year(2024, 200, 400), null);
    assertEquals(List.of("z", "y", "nowhere"), c.stream().map(Check::groupId).toList());
    assertTrue(c.stream().allMatch(x -> x.outcome() == Outcome.no_target && Double.isNaN(x.actual())), c.toString());
    assertEquals(List.of(2, 1, 0), c.stream().map(Check::enterprises).toList());
  }

  @Test
  void aTargetFileAPlannerGotWrongIsRefusedNamingTheTarget() {
    ObjectNode noId = target("", ">", 1);
    assertTrue(refusal(noId).contains("without id"));
    ObjectNode noSource = target("t1", ">", 1);
    noSource.remove("source_doc");
    assertTrue(refusal(noSource).contains("target 't1': needs source_doc"));
    ObjectNode badLines = target("t2", ">", 1).put("source_lines", "line 189");
    assertTrue(refusal(badLines).contains("target 't2': needs source_doc and source_lines"));
    ObjectNode parcelLevel = target("t3", ">", 1);
    ((ArrayNode) parcelLevel.get("levels")).add("parcel");
    assertTrue(refusal(parcelLevel).contains("level 'parcel' is not a roll-up level"));
    ObjectNode noZones = target("t4", ">", 1);
    noZones.putArray("zones");
    assertTrue(refusal(noZones).contains("target 't4': needs zones and levels"));
    ObjectNode noLevels = target("t5", ">", 1);
    noLevels.putArray("levels");
    assertTrue(refusal(noLevels).contains("target 't5': needs zones and levels"));
    assertTrue(refusal(target("t6", ">", 1).put("indicator", "happiness")).contains("unknown indicator"));
    assertTrue(refusal(target("t7", "=>", 1)).contains("op must be"));
    assertTrue(refusal(target("t8", ">", 1).put("value", "15")).contains("value must be a number"));
    // and a good one reads every field
    Targets.Target ok = targets(target("t9", "<=", 0.15).put("target_year", 2025).put("note_zh", "注").put("kind_en", "plan"))
        .all().get(0);
    assertEquals(2025, ok.targetYear());
    assertEquals("注", ok.noteZh());
    assertNull(ok.noteEn());
    assertEquals("plan", ok.kindEn());
    assertEquals(Indicator.Unit.mu, ok.areaUnit());
    assertEquals(List.of("z"), ok.zones());
    assertEquals(0.15, ok.value());
  }

  @Test
  void theShippedTargetsLoad() {
    Targets t = Targets.load();
    assertTrue(t.all().stream().anyMatch(x -> "growth>=".equals(x.op())));
    assertTrue(t.all().stream().anyMatch(x -> x.areaUnit() == Indicator.Unit.ha));
  }
}
