package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import zoneatlas.http.ApiError;

/**
 * A typo in a scheme file stops the server naming the key, in every section (not only scope and
 * policies); a two-class scheme is allowed; an indicator weighted 0 is switched off; and the
 * what-if's weights: a weight of 0 may be given, the overrides switch off every other indicator,
 * and the meta says which rule completed the 100 points.
 */
class SchemeKeysRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode shipped(String id) throws Exception {
    try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream("efficiency/schemes/" + id + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static String refusal(String id, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode n = shipped(id);
    edit.accept(n);
    return assertThrows(Schemes.SchemeException.class, () -> Schemes.parse("x.json", n)).getMessage();
  }

  private static ObjectNode obj(ObjectNode n, String pointer) {
    return (ObjectNode) n.at(pointer);
  }

  @Test
  void anUnknownKeyIsRefusedInEverySectionByItsPath() throws Exception {
    Map<String, Consumer<ObjectNode>> typos = new java.util.LinkedHashMap<>();
    typos.put("typo", n -> n.put("typo", 1));
    typos.put("basis[0].typo", n -> obj(n, "/basis/0").put("typo", 1));
    typos.put("evaluation.typo", n -> obj(n, "/evaluation").put("typo", 1));
    typos.put("evaluation.adjustments[0].typo", n -> obj(n, "/evaluation/adjustments/0").put("typo", 1));
    typos.put("evaluation.exemptions[0].typo", n -> obj(n, "/evaluation/exemptions/0").put("typo", 1));
    typos.put("scoring.typo", n -> obj(n, "/scoring").put("typo", 1));
    typos.put("scoring.weights.tax_per_mu.typo", n -> obj(n, "/scoring/weights/tax_per_mu").put("typo", 1));
    typos.put("scoring.zones.xxetdz.tax_per_mu.typo", n -> obj(n, "/scoring/zones/xxetdz/tax_per_mu").put("typo", 1));
    typos.put("classify.typo", n -> obj(n, "/classify").put("typo", 1));
    typos.put("low_efficiency.typo", n -> obj(n, "/low_efficiency").put("typo", 1));
    typos.put("policies.prices.power.typo", n -> obj(n, "/policies/prices/power").put("typo", 1));
    typos.put("policies.prices.power.basis[0].typo", n -> obj(n, "/policies/prices/power/basis/0").put("typo", 1));
    for (Map.Entry<String, Consumer<ObjectNode>> t : typos.entrySet()) {
      String m = refusal("weighted-benchmark", t.getValue());
      assertTrue(m.contains(": " + t.getKey() + " is not a known key"), t.getKey() + ": " + m);
    }
  }

  @Test
  void aSchemeMayHaveTwoClassesButNotOne() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    obj(n, "/classify").putArray("classes").add("A").add("D");
    obj(n, "/classify").putObject("min_score").put("A", 100);
    obj(n, "/low_efficiency").putArray("low_classes").add("D");
    n.remove("policies");
    Scheme s = Schemes.parse("x.json", n);
    assertEquals(List.of("A", "D"), s.classify().classes());
    String m = refusal("weighted-benchmark", x -> obj(x, "/classify").putArray("classes").add("A"));
    assertTrue(m.contains("classify.classes must list at least two"), m);
  }

  @Test
  void anIndicatorWeightedZeroIsSwitchedOff() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    obj(n, "/scoring/weights/rnd_intensity").put("weight", 0);
    obj(n, "/scoring/zones/xxetdz").putObject("revenue_per_mu").put("weight", 0).put("benchmark", 10);
    Scheme s = Schemes.parse("x.json", n);
    Set<Indicator> used = s.scoring().indicators();
    assertFalse(used.contains(Indicator.RND_INTENSITY), used.toString());
    assertFalse(used.contains(Indicator.REVENUE_PER_MU), used.toString());
    assertTrue(used.contains(Indicator.TAX_PER_MU));
    ObjectNode z = shipped("weighted-benchmark");
    obj(z, "/scoring/zones/xxetdz").putObject("revenue_per_mu").put("weight", 5).put("benchmark", 10);
    assertTrue(Schemes.parse("x.json", z).scoring().indicators().contains(Indicator.REVENUE_PER_MU), "a zone's own indicator");
  }

  @Test
  void aPriceRuleCitesItsSourcesWithTheirOwnKeys() throws Exception {
    Scheme s = Schemes.load().get("weighted-benchmark").orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> prices = (Map<String, Map<String, Object>>) s.policies().json().get("prices");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> basis = (List<Map<String, Object>>) prices.get("power").get("basis");
    Map<String, Object> url = basis.get(0);
    assertTrue(url.containsKey("url"));
    assertFalse(url.containsKey("source_doc"), url.toString());
    Map<String, Object> doc = basis.stream().filter(b -> b.containsKey("source_doc")).findFirst().orElseThrow();
    assertFalse(doc.containsKey("url"), doc.toString());
    assertTrue(doc.containsKey("source_lines"));
  }

  private static final Map<Indicator, Double> SCHEME = Map.of(Indicator.TAX_PER_MU, 30.0, Indicator.VALUE_ADDED_PER_MU, 20.0,
      Indicator.VALUE_ADDED_PER_TCE, 50.0, Indicator.LABOUR_PRODUCTIVITY, 0.0);

  private static WhatIfWeights resolve(String json) throws Exception {
    return WhatIfWeights.resolve(JSON.readTree(json), SCHEME);
  }

  @Test
  void aWhatIfMayGiveAWeightOfZeroAndSwitchesOffWhatItDoesNotUse() throws Exception {
    WhatIfWeights w = resolve("{\"tax_per_mu\":0,\"value_added_per_mu\":50}");
    assertEquals(0.0, w.used.get(Indicator.TAX_PER_MU));
    assertEquals(50.0, w.used.get(Indicator.VALUE_ADDED_PER_TCE), "the one not given takes the rest");
    assertFalse(w.used.containsKey(Indicator.LABOUR_PRODUCTIVITY), "a scheme weight of 0 is not in use");
    assertEquals(List.of(Indicator.VALUE_ADDED_PER_TCE), w.redistributed);
    Map<Indicator, Double> o = w.overrides(Set.of(Indicator.RND_INTENSITY, Indicator.TAX_PER_MU));
    assertEquals(Map.of(Indicator.TAX_PER_MU, 0.0, Indicator.VALUE_ADDED_PER_MU, 50.0, Indicator.VALUE_ADDED_PER_TCE, 50.0,
        Indicator.RND_INTENSITY, 0.0), o, "every other indicator of the scheme off, so no zone keeps a weight of its own");
    assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":-1}"));
    assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":101}"));
    assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":\"5\"}"));
    assertThrows(ApiError.class, () -> resolve("[1]"));
    assertThrows(ApiError.class, () -> resolve("{\"tax\":5}"));
    assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":60,\"value_added_per_mu\":50}"), "more than 100 given");
    assertEquals(100.0, resolve("{\"tax_per_mu\":100}").used.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void theWhatIfSaysWhichRuleMadeTheHundredPoints() throws Exception {
    Map<String, Object> scheme = resolve("{}").json();
    assertEquals("scheme", scheme.get("weights_rule"));
    assertEquals("采用方案权重", scheme.get("weights_rule_zh"));
    assertEquals("the scheme's weights", scheme.get("weights_rule_en"));
    assertEquals(Map.of("tax_per_mu", 30L, "value_added_per_mu", 20L, "value_added_per_tce", 50L), scheme.get("weights_used"));
    assertEquals(100.0, scheme.get("weights_total"));
    assertEquals(Map.of(), scheme.get("weights_given"));
    assertEquals(List.of(), scheme.get("weights_redistributed"));

    Map<String, Object> given = resolve("{\"tax_per_mu\":40,\"value_added_per_mu\":40,\"value_added_per_tce\":20}").json();
    assertEquals("as_given", given.get("weights_rule"));
    assertEquals("采用所给权重（合计 100 分）", given.get("weights_rule_zh"));
    assertEquals("the weights as given (100 points)", given.get("weights_rule_en"));
    assertEquals(Map.of("tax_per_mu", 40, "value_added_per_mu", 40, "value_added_per_tce", 20), given.get("weights_given"));

    Map<String, Object> rest = resolve("{\"tax_per_mu\":50}").json();
    assertEquals("rest_redistributed", rest.get("weights_rule"));
    assertEquals("未给出的权重按方案权重比例分配剩余分值，合计 100 分", rest.get("weights_rule_zh"));
    assertTrue(((String) rest.get("weights_rule_en")).startsWith("weights not given share the rest"));
    assertEquals(List.of("value_added_per_mu", "value_added_per_tce"), rest.get("weights_redistributed"));
    // 50 shared 20:50 is 14.29 and 35.71: whole points 14 and 36
    assertEquals(Map.of("tax_per_mu", 50L, "value_added_per_mu", 14L, "value_added_per_tce", 36L), rest.get("weights_used"));

    WhatIfWeights odd = WhatIfWeights.resolve(JSON.readTree("{}"), Map.of(Indicator.TAX_PER_MU, 12.5));
    assertEquals(Map.of("tax_per_mu", 12.5), odd.json().get("weights_used"), "a scheme's fractional weight stays a fraction");
    assertEquals(Map.of(), WhatIfWeights.apportion(10, Map.of()));
    assertEquals(Map.of(Indicator.TAX_PER_MU, 3, Indicator.RND_INTENSITY, 7),
        WhatIfWeights.apportion(10, new java.util.EnumMap<>(Map.of(Indicator.TAX_PER_MU, 0.3, Indicator.RND_INTENSITY, 0.7))),
        "exact shares are not rounded past");
  }
}
