package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheme and target files: they load, cite the plans, and a bad file is refused by name and key. */
class SchemesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theThreeRequiredSchemesShipAsData() {
    Schemes s = Schemes.load();
    assertEquals(List.of("weighted-benchmark", "zhengzhou-two-stage", "percentile"), s.all().stream().map(Scheme::id).toList());
    assertEquals(Scheme.Method.thresholds, s.get("weighted-benchmark").orElseThrow().classify().method());
    assertEquals(6, s.get("weighted-benchmark").orElseThrow().scoring().indicators().size());
    Scheme.Classify zz = s.get("zhengzhou-two-stage").orElseThrow().classify();
    assertEquals(0.15, zz.aShare());
    assertEquals(Indicator.TAX_PER_MU, zz.aRankBy());
    assertEquals(0.10, zz.cShare());
    assertEquals(List.of("A", "B", "C"), zz.classes());
    Scheme.Classify p = s.get("percentile").orElseThrow().classify();
    assertEquals(List.of(0.25, 0.70, 0.95), List.copyOf(p.limits().values()));
  }

  @Test
  void everySchemeCitesAPlanLine() {
    for (Scheme s : Schemes.load().all()) {
      assertTrue(s.basis().stream().anyMatch(c -> c.sourceDoc() != null && c.sourceLines() != null), s.id());
    }
  }

  @Test
  void xinxiangsTaxBenchmarkIsItsPlanTargetWithItsCitation() {
    Scheme.Weighting w = Schemes.load().get("weighted-benchmark").orElseThrow().scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU);
    assertEquals(15, w.benchmark().fixed());
    assertEquals("003_7e57f287e5d0df84.txt", w.benchmark().source().sourceDoc());
    assertEquals("189,617", w.benchmark().source().sourceLines());
    assertTrue(Schemes.load().get("weighted-benchmark").orElseThrow().scoring().forZone("zzetdz").get(Indicator.TAX_PER_MU)
        .benchmark().zoneAverage());
  }

  private static ObjectNode shipped(String id) throws Exception {
    try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream("efficiency/schemes/" + id + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static String refusal(JsonNode n) {
    return assertThrows(Schemes.SchemeException.class, () -> Schemes.parse("x.json", n)).getMessage();
  }

  @Test
  void aTypoInAKeyIsRefusedNamingFileAndKey() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    ((ObjectNode) n.get("scope")).put("min_land_muu", 3);
    String m = refusal(n);
    assertTrue(m.contains("efficiency/schemes/x.json") && m.contains("scope.min_land_muu"), m);
  }

  @Test
  void anUnknownIndicatorIsRefused() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    ((ObjectNode) n.get("scoring").get("weights")).putObject("happiness_per_mu").put("weight", 5).put("benchmark", 1);
    assertTrue(refusal(n).contains("happiness_per_mu"));
  }

  @Test
  void aNegativeWeightOrZeroBenchmarkIsRefused() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    ((ObjectNode) n.get("scoring").get("weights").get("tax_per_mu")).put("weight", -1);
    assertTrue(refusal(n).contains("scoring.weights.tax_per_mu.weight"));
    ObjectNode m = shipped("weighted-benchmark");
    ((ObjectNode) m.get("scoring").get("weights").get("tax_per_mu")).put("benchmark", 0);
    assertTrue(refusal(m).contains("scoring.weights.tax_per_mu.benchmark"));
  }

  @Test
  void thresholdsMustFallFromTheBestClass() throws Exception {
    ObjectNode n = shipped("weighted-benchmark");
    ((ObjectNode) n.get("classify").get("min_score")).put("B", 150);
    assertTrue(refusal(n).contains("classify.min_score.B"));
  }

  @Test
  void aLowClassMustBeOneOfTheClasses() throws Exception {
    ObjectNode n = shipped("zhengzhou-two-stage");
    ((ObjectNode) n.get("low_efficiency")).putArray("low_classes").add("D");
    assertTrue(refusal(n).contains("low_efficiency.low_classes"));
  }

  @Test
  void targetsCiteTheirPlanLines() {
    List<Targets.Target> all = Targets.load().all();
    assertTrue(all.size() >= 4);
    for (Targets.Target t : all) {
      assertTrue(t.sourceDoc().matches("00[0-4]_[0-9a-f]{16}\\.txt"), t.id());
      assertTrue(t.sourceLines().matches("[0-9,-]+"), t.id());
    }
    Targets.Target xx = all.stream().filter(t -> t.id().equals("xxetdz-industrial-tax-per-mu-2025")).findFirst().orElseThrow();
    assertEquals(Indicator.TAX_PER_MU, xx.indicator());
    assertEquals(">", xx.op());
    assertEquals(15, xx.value());
    assertTrue(xx.industrialLand());
    assertEquals("189,617", xx.sourceLines());
  }

  @Test
  void aTargetIsMetOnlyWhenTheComparisonHolds() {
    Targets.Target t = Targets.load().all().stream().filter(x -> x.id().startsWith("xxetdz-industrial")).findFirst().orElseThrow();
    assertEquals(Targets.Outcome.not_met, Targets.outcome(t, 15));
    assertEquals(Targets.Outcome.met, Targets.outcome(t, 15.01));
    assertEquals(Targets.Outcome.no_data, Targets.outcome(t, Double.NaN));
  }
}
