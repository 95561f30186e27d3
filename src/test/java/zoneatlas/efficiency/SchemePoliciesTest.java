package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.SchemePolicies.PriceKind;
import zoneatlas.efficiency.SchemePolicies.PriceRule;

/** The {@code policies} section of the scheme files: what ships, that its plan citations point at real text, and refusals by key. */
class SchemePoliciesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyShippedSchemeSetsTheFourPricesWithTheirSources() {
    for (Scheme s : Schemes.load().all()) {
      SchemePolicies p = s.policies();
      assertEquals(List.of(PriceKind.values()), List.copyOf(p.prices().keySet()), s.id());
      List<String> classes = s.classify().classes();
      assertEquals(List.of(classes.get(0)), p.leaderClasses(), s.id());
      assertEquals(List.of(classes.get(classes.size() - 1)), p.watchClasses(), s.id());
      for (PriceRule r : p.prices().values()) {
        assertEquals(0, r.surchargeOf(classes.get(0)), "the best class pays the standard price: " + s.id());
        assertTrue(r.surchargeOf(classes.get(classes.size() - 1)) > 0, "the worst class pays more: " + s.id());
        assertFalse(r.basis().isEmpty());
        assertTrue(r.basis().stream().allMatch(c -> c.what() != null && !c.what().isBlank()));
      }
    }
    PriceRule power = Schemes.load().get("weighted-benchmark").orElseThrow().policies().prices().get(PriceKind.power);
    assertEquals("加价 0.1 元/千瓦时", power.ruleZh("C"));
    assertEquals("加价 0.3 元/千瓦时", power.ruleZh("D"));
    assertEquals("执行基准价格", power.ruleZh("A"));
    assertEquals("surcharge of 0.3 CNY/kWh", power.ruleEn("D"));
  }

  @Test
  void everyPlanCitationOfAPriceRulePointsAtTheDifferentiatedPricesLine() throws Exception {
    int checked = 0;
    for (Scheme s : Schemes.load().all()) {
      for (PriceRule r : s.policies().prices().values()) {
        for (Scheme.Citation c : r.basis()) {
          if (c.sourceDoc() == null) {
            continue;
          }
          List<String> lines = Files.readAllLines(Path.of("geodata", "sources", c.sourceDoc()), StandardCharsets.UTF_8);
          String line = lines.get(Integer.parseInt(c.sourceLines()) - 1);
          assertTrue(line.contains("差别化要素使用价格政策"), c.sourceDoc() + ":" + c.sourceLines() + " " + line);
          checked++;
        }
      }
    }
    assertTrue(checked >= 4);
  }

  private static ObjectNode shipped() throws Exception {
    try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream("efficiency/schemes/weighted-benchmark.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static String refusal(ObjectNode n) {
    return assertThrows(Schemes.SchemeException.class, () -> Schemes.parse("x.json", n)).getMessage();
  }

  @Test
  void aBadPoliciesSectionIsRefusedNamingTheKey() throws Exception {
    ObjectNode n = shipped();
    ((ObjectNode) n.at("/policies/prices/power/surcharge")).put("E", 0.5);
    assertTrue(refusal(n).contains("policies.prices.power.surcharge.E is not one of the classes"), refusal(n));

    n = shipped();
    ((ObjectNode) n.at("/policies/prices")).set("heat", n.at("/policies/prices/power").deepCopy());
    assertTrue(refusal(n).contains("policies.prices.heat is not a known price"), refusal(n));

    n = shipped();
    ((ObjectNode) n.at("/policies/prices/water")).remove("basis");
    assertTrue(refusal(n).contains("policies.prices.water.basis is required"), refusal(n));

    n = shipped();
    ((ObjectNode) n.at("/policies/prices/gas/surcharge")).put("D", "a lot");
    assertTrue(refusal(n).contains("policies.prices.gas.surcharge.D must be a number"), refusal(n));

    n = shipped();
    ((ObjectNode) n.at("/policies")).putArray("watch_classes").add("Z");
    assertTrue(refusal(n).contains("policies.watch_classes 'Z' is not one of the classes"), refusal(n));

    n = shipped();
    ((ObjectNode) n.at("/policies")).put("colour", "red");
    assertTrue(refusal(n).contains("policies.colour is not a known key"), refusal(n));
  }

  @Test
  void aSchemeWithoutPoliciesWatchesItsWorstClassAndHasNoPrices() throws Exception {
    ObjectNode n = shipped();
    n.remove("policies");
    Scheme s = Schemes.parse("x.json", n);
    assertEquals(List.of("A"), s.policies().leaderClasses());
    assertEquals(List.of("D"), s.policies().watchClasses());
    assertTrue(s.policies().prices().isEmpty());
  }
}
