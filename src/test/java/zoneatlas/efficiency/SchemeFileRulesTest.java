package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.SchemePolicies.PriceKind;
import zoneatlas.efficiency.SchemePolicies.PriceRule;

/**
 * What a planner may and may not write in a scheme file (efficiency/schemes/README): each limit
 * is refused one step past it and taken at it, and a refusal names the file and the key; the
 * defaults a file may leave out; the price texts a notice prints; a what-if's overrides.
 */
class SchemeFileRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode shipped(String id) throws Exception {
    try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream("efficiency/schemes/" + id + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static Scheme parse(String id, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode n = shipped(id);
    edit.accept(n);
    return Schemes.parse("x.json", n);
  }

  private static String refusal(String id, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode n = shipped(id);
    edit.accept(n);
    String m = assertThrows(Schemes.SchemeException.class, () -> Schemes.parse("x.json", n)).getMessage();
    assertTrue(m.startsWith("efficiency/schemes/x.json: "), m);
    return m;
  }

  private static void refused(String id, String key, Consumer<ObjectNode> edit) throws Exception {
    String m = refusal(id, edit);
    assertTrue(m.contains(key), "expected the key " + key + " in: " + m);
  }

  private static ObjectNode obj(ObjectNode n, String pointer) {
    return (ObjectNode) n.at(pointer);
  }

  @Test
  void numbersAreTakenAtTheirLimitsAndRefusedPastThem() throws Exception {
    assertEquals(0.1, parse("weighted-benchmark", n -> obj(n, "/scoring").put("cap", 0.1)).scoring().cap());
    assertEquals(100, parse("weighted-benchmark", n -> obj(n, "/scoring").put("cap", 100)).scoring().cap());
    refused("weighted-benchmark", "scoring.cap must be between 0.1 and 100.0, got 0.09", n -> obj(n, "/scoring").put("cap", 0.09));
    refused("weighted-benchmark", "scoring.cap must be between", n -> obj(n, "/scoring").put("cap", 100.5));
    refused("weighted-benchmark", "scoring.cap is required", n -> obj(n, "/scoring").remove("cap"));
    refused("weighted-benchmark", "scoring.cap must be a number", n -> obj(n, "/scoring").put("cap", "2"));
    assertEquals(0, parse("weighted-benchmark", n -> obj(n, "/scope").put("min_land_mu", 0)).scope().minLandMu());
    refused("weighted-benchmark", "scope.min_land_mu", n -> obj(n, "/scope").put("min_land_mu", -0.5));
    assertEquals(1, parse("weighted-benchmark", n -> obj(n, "/evaluation").put("notice_days", 1)).evaluation().noticeDays());
    assertEquals(90, parse("weighted-benchmark", n -> obj(n, "/evaluation").put("notice_days", 90)).evaluation().noticeDays());
    refused("weighted-benchmark", "evaluation.notice_days", n -> obj(n, "/evaluation").put("notice_days", 0));
    refused("weighted-benchmark", "evaluation.notice_days", n -> obj(n, "/evaluation").put("notice_days", 91));
    assertEquals(0.5, parse("zhengzhou-two-stage", n -> obj(n, "/classify").put("a_share", 0.5)).classify().aShare());
    refused("zhengzhou-two-stage", "classify.a_share", n -> obj(n, "/classify").put("a_share", 0.51));
    refused("zhengzhou-two-stage", "classify.c_share", n -> obj(n, "/classify").put("c_share", -0.01));
  }

  @Test
  void whatAFileLeavesOutTakesItsDefault() throws Exception {
    Scheme s = parse("weighted-benchmark", n -> {
      n.remove("evaluation");
      obj(n, "/scope").removeAll();
      obj(n, "/low_efficiency").removeAll();
      n.remove("description_zh");
    });
    assertEquals(7, s.evaluation().noticeDays());
    assertTrue(s.evaluation().adjustments().isEmpty());
    assertEquals(new Scheme.Scope(0, 0, 0, 0, false, Set.of(), null), s.scope());
    assertEquals(new Scheme.LowRules(Set.of(), 0, 1.0), s.lowEfficiency());
    assertNull(s.descriptionZh());
    assertEquals(7, parse("weighted-benchmark", n -> obj(n, "/evaluation").remove("notice_days")).evaluation().noticeDays());
    // a zone that sets only a benchmark keeps the default weight, and one that sets only a weight keeps the default benchmark
    Scheme z = parse("weighted-benchmark", n -> obj(n, "/scoring/zones").putObject("zz").putObject("rnd_intensity").put("weight", 4));
    assertEquals(30, z.scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU).weight());
    assertEquals(15, z.scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU).benchmark().fixed());
    assertEquals(4, z.scoring().forZone("zz").get(Indicator.RND_INTENSITY).weight());
    assertTrue(z.scoring().forZone("zz").get(Indicator.RND_INTENSITY).benchmark().zoneAverage());
  }

  @Test
  void aZoneMayWeightAnIndicatorTheDefaultsLeaveOut() throws Exception {
    Scheme s = parse("weighted-benchmark", n -> obj(n, "/scoring/zones").putObject("zz").putObject("revenue_per_mu")
        .put("weight", 5).put("benchmark", 300));
    assertTrue(s.scoring().indicators().contains(Indicator.REVENUE_PER_MU), "weighted in one zone is weighted");
    assertNull(s.scoring().forZone("xxetdz").get(Indicator.REVENUE_PER_MU));
    assertEquals(300, s.scoring().forZone("zz").get(Indicator.REVENUE_PER_MU).benchmark().fixed());
    // a zone that sets a weight to 0 drops the indicator there only
    Scheme off = parse("weighted-benchmark", n -> obj(n, "/scoring/zones").putObject("zz").putObject("rnd_intensity").put("weight", 0));
    assertNull(off.scoring().forZone("zz").get(Indicator.RND_INTENSITY));
    assertEquals(10, off.scoring().forZone("xxetdz").get(Indicator.RND_INTENSITY).weight());
    assertTrue(off.scoring().indicators().contains(Indicator.RND_INTENSITY));
  }

  @Test
  void classesAndTheirLimitsMustMakeSense() throws Exception {
    refused("weighted-benchmark", "classify.method must be thresholds, percentile or two_stage, got 'ranking'",
        n -> obj(n, "/classify").put("method", "ranking"));
    refused("weighted-benchmark", "classify.classes must list at least two distinct class names",
        n -> obj(n, "/classify").putArray("classes").add("A").add("B").add("B").add("D"));
    refused("weighted-benchmark", "classify.classes must list at least two",
        n -> obj(n, "/classify").putArray("classes").add("A"));
    refused("weighted-benchmark", "classify.min_score needs one value per class except the last",
        n -> obj(n, "/classify/min_score").put("D", 10));
    // equal thresholds would leave a class nobody can reach
    refused("weighted-benchmark", "classify.min_score.B must be below the better class's minimum",
        n -> obj(n, "/classify/min_score").put("B", 140));
    refused("percentile", "classify.top_share.B must be above the better class's share",
        n -> obj(n, "/classify/top_share").put("B", 0.25));
    refused("percentile", "classify.top_share.C", n -> obj(n, "/classify/top_share").put("C", 1.01));
    refused("zhengzhou-two-stage", "two_stage needs exactly three classes",
        n -> obj(n, "/classify").putArray("classes").add("A").add("B").add("C").add("D"));
    refused("zhengzhou-two-stage", "classify.a_rank_by names an unknown indicator 'luck'",
        n -> obj(n, "/classify").put("a_rank_by", "luck"));
    refused("zhengzhou-two-stage", "c_rank_by is required", n -> obj(n, "/classify").remove("c_rank_by"));
    refused("weighted-benchmark", "scope.exempt_class 'X' is not one of the classes", n -> obj(n, "/scope").put("exempt_class", "X"));
    assertEquals("D", parse("weighted-benchmark", n -> obj(n, "/scope").put("exempt_class", "D")).scope().exemptClass());
    refused("weighted-benchmark", "scoring.weights must give at least one indicator a positive weight", n -> {
      obj(n, "/scoring/weights").removeAll();
      obj(n, "/scoring/weights").putObject("tax_per_mu").put("weight", 0).put("benchmark", 1);
    });
    refused("weighted-benchmark", "scoring.weights.tax_per_mu.benchmark is required",
        n -> obj(n, "/scoring/weights/tax_per_mu").remove("benchmark"));
    refused("weighted-benchmark", "id must be lower-case letters", n -> n.put("id", "Weighted"));
    refused("weighted-benchmark", "name_en must be non-empty text", n -> n.put("name_en", " "));
    refused("weighted-benchmark", "name_zh is required", n -> n.remove("name_zh"));
    refused("weighted-benchmark", "scope is required and must be an object", n -> n.put("scope", 3));
  }

  @Test
  void bonusPenaltyAndExemptionItemsAreCheckedOneByOne() throws Exception {
    refused("weighted-benchmark", "evaluation.adjustments[0].cap_class 'E' is not one of the classes",
        n -> obj(n, "/evaluation/adjustments/0").put("cap_class", "E"));
    refused("weighted-benchmark", "evaluation.adjustments[0].points must not be 0 for an item that caps no class",
        n -> obj(n, "/evaluation/adjustments/0").put("points", 0));
    // a veto item may take no points and only cap the class
    Scheme veto = parse("weighted-benchmark", n -> obj(n, "/evaluation/adjustments/0").put("points", 0).put("cap_class", "C"));
    assertEquals("C", veto.evaluation().adjustments().get(0).capClass());
    assertEquals(0, veto.evaluation().adjustments().get(0).points());
    refused("weighted-benchmark", "evaluation.adjustments[1].code 'listed' is used twice",
        n -> obj(n, "/evaluation/adjustments/1").put("code", "listed"));
    refused("weighted-benchmark", "evaluation.exemptions[0].code 'listed' is used twice",
        n -> obj(n, "/evaluation/exemptions/0").put("code", "listed"));
    refused("weighted-benchmark", "evaluation.adjustments[0].code must be lower-case",
        n -> obj(n, "/evaluation/adjustments/0").put("code", "Listed"));
    refused("weighted-benchmark", "evaluation.adjustments[0].source is required",
        n -> obj(n, "/evaluation/adjustments/0").remove("source"));
    refused("weighted-benchmark", "evaluation.adjustments[0].points", n -> obj(n, "/evaluation/adjustments/0").put("points", 101));
    assertEquals(-100, parse("weighted-benchmark", n -> obj(n, "/evaluation/adjustments/0").put("points", -100))
        .evaluation().adjustments().get(0).points());
    Scheme s = parse("weighted-benchmark", n -> { });
    assertTrue(s.evaluation().adjustment("listed").isPresent());
    assertTrue(s.evaluation().adjustment("nope").isEmpty());
    assertTrue(s.evaluation().exemption("listed").isEmpty(), "an adjustment is no exemption");
  }

  @Test
  void everySourceNeedsALineOrAnAddress() throws Exception {
    refused("weighted-benchmark", "basis[0] needs both source_doc and source_lines", n -> obj(n, "/basis/0").remove("source_lines"));
    refused("weighted-benchmark", "basis[0].source_lines must look like 189 or 189,617 or 1125-1127, got 'l. 3'",
        n -> obj(n, "/basis/0").put("source_lines", "l. 3"));
    refused("weighted-benchmark", "basis[0].what is required", n -> obj(n, "/basis/0").remove("what"));
    refused("weighted-benchmark", "basis[0] needs source_doc+source_lines or url", n -> {
      ObjectNode b = obj(n, "/basis/0");
      b.remove("source_doc");
      b.remove("source_lines");
      b.remove("url");
    });
    refused("weighted-benchmark", "scoring.zones.xxetdz.tax_per_mu.benchmark needs both source_doc and source_lines",
        n -> obj(n, "/scoring/zones/xxetdz/tax_per_mu").remove("source_lines"));
    Scheme ranges = parse("weighted-benchmark", n -> obj(n, "/basis/0").put("source_lines", "1125-1127,4"));
    assertEquals("1125-1127,4", ranges.basis().get(0).sourceLines());
    List<Map<String, Object>> json = ranges.basisJson();
    assertEquals(ranges.basis().size(), json.size());
    assertEquals("1125-1127,4", json.get(0).get("source_lines"));
    assertTrue(json.stream().anyMatch(m -> m.containsKey("url") && !m.containsKey("source_doc")));
  }

  @Test
  void aPriceNoticeWritesAmountsAsAPersonWould() throws Exception {
    assertEquals("0.1", SchemePolicies.amount(0.1));
    assertEquals("1", SchemePolicies.amount(1.0));
    assertEquals("0.05", SchemePolicies.amount(0.05));
    assertEquals("12.5", SchemePolicies.amount(12.5));
    assertEquals("10", SchemePolicies.amount(10));
    Scheme s = parse("weighted-benchmark", n -> obj(n, "/policies/prices/power/surcharge").put("A", -0.05));
    PriceRule power = s.policies().prices().get(PriceKind.power);
    assertEquals("优惠 0.05 元/千瓦时", power.ruleZh("A"));
    assertEquals("reduction of 0.05 CNY/kWh", power.ruleEn("A"));
    assertEquals("standard price", power.ruleEn("B"));
    assertEquals("reduction of 0.05 CNY/kWh", power.rule("A", "en"));
    assertEquals("加价 0.3 元/千瓦时", power.rule("D", "zh"));
    assertTrue(power.illustrative());
    assertEquals(false, parse("weighted-benchmark", n -> obj(n, "/policies/prices/power").put("illustrative", false))
        .policies().prices().get(PriceKind.power).illustrative());
    assertEquals(false, parse("weighted-benchmark", n -> obj(n, "/policies/prices/power").remove("illustrative"))
        .policies().prices().get(PriceKind.power).illustrative());
    refused("weighted-benchmark", "policies.prices.power.illustrative must be true or false",
        n -> obj(n, "/policies/prices/power").put("illustrative", "yes"));
    assertEquals(-1000, parse("weighted-benchmark", n -> obj(n, "/policies/prices/power/surcharge").put("A", -1000))
        .policies().prices().get(PriceKind.power).surchargeOf("A"));
    refused("weighted-benchmark", "policies.prices.power.surcharge.A must be a number from -1000 to 1000",
        n -> obj(n, "/policies/prices/power/surcharge").put("A", 1000.5));
    refused("weighted-benchmark", "policies.prices.power.surcharge is required",
        n -> obj(n, "/policies/prices/power").putObject("surcharge"));
    refused("weighted-benchmark", "policies.leader_classes must be a non-empty list",
        n -> obj(n, "/policies").putArray("leader_classes"));
    refused("weighted-benchmark", "policies.prices.power.unit_en is required", n -> obj(n, "/policies/prices/power").remove("unit_en"));
    refused("weighted-benchmark", "policies.prices.power.basis[0] needs both source_doc and source_lines",
        n -> ((ArrayNode) n.at("/policies/prices/power/basis")).insertObject(0).put("what", "x").put("source_doc", "a.txt"));
    refused("weighted-benchmark", "policies must be an object", n -> n.put("policies", "none"));
    refused("weighted-benchmark", "policies.prices must be an object", n -> obj(n, "/policies").put("prices", 1));
    Scheme leaders = parse("weighted-benchmark", n -> obj(n, "/policies").putArray("leader_classes").add("A").add("B"));
    assertEquals(List.of("A", "B"), leaders.policies().leaderClasses());
    assertEquals(List.of("A"), parse("weighted-benchmark", n -> obj(n, "/policies").remove("leader_classes")).policies().leaderClasses());
    @SuppressWarnings("unchecked")
    Map<String, Object> water = (Map<String, Object>) ((Map<String, Object>) s.policies().json().get("prices")).get("water");
    assertEquals("差别化水价", water.get("name_zh"));
    assertEquals(Map.of("C", 0.5, "D", 1.0), water.get("surcharge"));
    assertEquals(true, water.get("illustrative"));
    assertEquals(2, ((List<?>) water.get("basis")).size());
  }

  @Test
  void aWhatIfChangesOnlyWhatItNames() throws Exception {
    Scheme s = Schemes.load().get("weighted-benchmark").orElseThrow();
    Scheme cap = s.withOverrides(Map.of(), Map.of(), 1.5, null);
    assertEquals(1.5, cap.scoring().cap());
    assertEquals(s.scoring().forZone("xxetdz"), cap.scoring().forZone("xxetdz"));
    assertEquals(2.0, s.withOverrides(Map.of(), Map.of(), null, null).scoring().cap());
    // a benchmark set for every zone replaces a zone's own plan benchmark
    Scheme bm = s.withOverrides(Map.of(), Map.of(Indicator.TAX_PER_MU, 12.0), null, null);
    assertEquals(12, bm.scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU).benchmark().fixed());
    assertEquals(30, bm.scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU).weight());
    java.util.HashMap<Indicator, Double> avg = new java.util.HashMap<>();
    avg.put(Indicator.TAX_PER_MU, null);
    assertTrue(s.withOverrides(Map.of(), avg, null, "xxetdz").scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU)
        .benchmark().zoneAverage(), "null: the zone's own average");
    // an indicator the scheme does not weight, added for one zone
    Scheme add = s.withOverrides(Map.of(Indicator.REVENUE_PER_MU, 10.0), Map.of(Indicator.REVENUE_PER_MU, 500.0), null, "zzetdz");
    assertEquals(new Scheme.Weighting(10, new Scheme.Benchmark(500.0, null)), add.scoring().forZone("zzetdz").get(Indicator.REVENUE_PER_MU));
    assertNull(add.scoring().forZone("xxetdz").get(Indicator.REVENUE_PER_MU));
    assertEquals(s.id(), add.id());
    assertEquals(s.classify(), add.classify());
  }
}
