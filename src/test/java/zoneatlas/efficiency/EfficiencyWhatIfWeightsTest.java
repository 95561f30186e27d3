package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.http.ApiError;

/** The what-if's 100 points: checked, and completed in whole points when only some are given. */
class EfficiencyWhatIfWeightsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Indicator, Double> SCHEME = Map.of(Indicator.TAX_PER_MU, 30.0, Indicator.VALUE_ADDED_PER_MU, 20.0,
      Indicator.VALUE_ADDED_PER_TCE, 20.0, Indicator.VALUE_ADDED_PER_POLLUTANT, 10.0, Indicator.LABOUR_PRODUCTIVITY, 10.0,
      Indicator.RND_INTENSITY, 10.0);

  private static WhatIfWeights resolve(String json) throws Exception {
    return WhatIfWeights.resolve(JSON.readTree(json), SCHEME);
  }

  @Test
  void oneWeightGivenLeavesTheRestSharedInProportionInWholePoints() throws Exception {
    WhatIfWeights w = resolve("{\"tax_per_mu\":60}");
    assertEquals(100, w.used.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertEquals(60.0, w.used.get(Indicator.TAX_PER_MU));
    assertEquals(11.0, w.used.get(Indicator.VALUE_ADDED_PER_MU));
    assertEquals(6.0, w.used.get(Indicator.RND_INTENSITY));
    assertEquals(5, w.redistributed.size());
  }

  @Test
  void aWeightRaisedTo100LeavesTheOthersAtZero() throws Exception {
    WhatIfWeights w = resolve("{\"tax_per_mu\":100}");
    assertEquals(0.0, w.used.get(Indicator.RND_INTENSITY));
    assertEquals(100, w.used.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void noWeightsMeansTheSchemesOwn() throws Exception {
    WhatIfWeights w = resolve("{}");
    assertEquals(Map.of(), w.overrides(SCHEME.keySet()));
    assertEquals(List.of(), w.redistributed);
  }

  @Test
  void aFullSetMustAddUpTo100AndEachWeightBeWhole() {
    ApiError e = assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":30,\"value_added_per_mu\":20,"
        + "\"value_added_per_tce\":20,\"value_added_per_pollutant\":10,\"labour_productivity\":10,\"rnd_intensity\":5}"));
    assertEquals("weights", e.parameter);
    e = assertThrows(ApiError.class, () -> resolve("{\"tax_per_mu\":30.5}"));
    assertEquals("weights.tax_per_mu", e.parameter);
  }

  @Test
  void apportionHandsOutEveryPointByLargestRemainder() {
    Map<Indicator, Integer> a = WhatIfWeights.apportion(10, new java.util.EnumMap<>(Map.of(Indicator.TAX_PER_MU, 1.0,
        Indicator.RND_INTENSITY, 1.0, Indicator.FAR, 1.0)));
    assertEquals(10, a.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(4, a.get(Indicator.TAX_PER_MU), "ties go in indicator order: " + a);
  }
}
