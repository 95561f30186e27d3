package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.http.ApiError;

/**
 * The weights of a what-if, always whole points that add up to {@value #TOTAL}. Why: a threshold
 * scheme grades by score, and the score grows with the sum of the weights, so raising one weight
 * without lowering the others lifts every firm and compares nothing. A request that gives every
 * weight of the scheme must add up to 100; one that gives only some has the rest of the 100
 * shared among the scheme's other weights in proportion to their scheme values (largest
 * remainder, ties in indicator order, so the result is whole points and the same every time).
 * The web panel applies the same rule as the user moves a weight. Immutable.
 */
final class WhatIfWeights {
  static final int TOTAL = 100;

  /** What the what-if scores with: every weighted indicator, in indicator order. */
  final Map<Indicator, Double> used;
  /** What the request gave. Empty: the scheme's own weights. */
  final Map<Indicator, Integer> given;
  /** The indicators whose weight the server worked out from the rest of the 100. */
  final List<Indicator> redistributed;

  private WhatIfWeights(Map<Indicator, Double> used, Map<Indicator, Integer> given, List<Indicator> redistributed) {
    this.used = Collections.unmodifiableMap(used);
    this.given = Collections.unmodifiableMap(given);
    this.redistributed = List.copyOf(redistributed);
  }

  /**
   * Checks and completes the request's weights.
   *
   * @param w the request's {@code weights} (missing: the scheme's weights unchanged)
   * @param base the scheme's positive weights where the what-if applies (a zone's, or the defaults)
   */
  static WhatIfWeights resolve(JsonNode w, Map<Indicator, Double> base) {
    Map<Indicator, Double> scheme = new EnumMap<>(Indicator.class);
    base.forEach((i, v) -> {
      if (v > 0) {
        scheme.put(i, v);
      }
    });
    if (w == null || w.isMissingNode() || (w.isObject() && w.isEmpty())) {
      return new WhatIfWeights(scheme, new EnumMap<>(Indicator.class), List.of());
    }
    if (!w.isObject()) {
      throw bad("weights", "must be an object of indicator: whole points from 0 to 100, adding up to 100",
          "权重须为“指标: 分值”的对象，分值为 0–100 的整数，合计 100 分");
    }
    Map<Indicator, Integer> given = new EnumMap<>(Indicator.class);
    for (Map.Entry<String, JsonNode> e : w.properties()) {
      Indicator i = Indicator.byKey(e.getKey()).orElseThrow(() -> bad("weights." + e.getKey(),
          "unknown indicator; indicators: " + Indicator.keys(), "未知指标“" + e.getKey() + "”"));
      JsonNode v = e.getValue();
      double d = v.isNumber() ? v.asDouble() : Double.NaN;
      if (!(d >= 0 && d <= TOTAL) || d != Math.rint(d)) {
        throw bad("weights." + e.getKey(), "must be a whole number of points from 0 to " + TOTAL + ", got " + v,
            "“" + i.nameZh + "”的权重须为 0–" + TOTAL + " 的整数分值，收到 " + v);
      }
      given.put(i, (int) d);
    }
    int sum = given.values().stream().mapToInt(Integer::intValue).sum();
    List<Indicator> missing = new ArrayList<>();
    scheme.keySet().forEach(i -> {
      if (!given.containsKey(i)) {
        missing.add(i);
      }
    });
    if (missing.isEmpty() && sum != TOTAL) {
      throw bad("weights", "the weights must add up to " + TOTAL + " points, got " + sum,
          "权重合计须为 " + TOTAL + " 分，当前为 " + sum + " 分");
    }
    if (sum > TOTAL) {
      throw bad("weights", "the given weights add up to " + sum + " points, more than " + TOTAL,
          "所给权重合计 " + sum + " 分，超过 " + TOTAL + " 分");
    }
    Map<Indicator, Double> used = new EnumMap<>(Indicator.class);
    given.forEach((i, v) -> used.put(i, (double) v));
    Map<Indicator, Double> shares = new EnumMap<>(Indicator.class);
    missing.forEach(i -> shares.put(i, scheme.get(i)));
    apportion(TOTAL - sum, shares).forEach((i, v) -> used.put(i, (double) v));
    return new WhatIfWeights(used, given, missing);
  }

  /**
   * {@code total} whole points shared in proportion to {@code shares} (all positive): each gets
   * the floor of its exact share, and the points left go one each to the largest remainders.
   */
  static Map<Indicator, Integer> apportion(int total, Map<Indicator, Double> shares) {
    Map<Indicator, Integer> out = new EnumMap<>(Indicator.class);
    double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    if (shares.isEmpty() || sum <= 0) {
      return out;
    }
    Map<Indicator, Double> rest = new LinkedHashMap<>();
    int given = 0;
    for (Map.Entry<Indicator, Double> e : shares.entrySet()) {
      double exact = total * e.getValue() / sum;
      int f = (int) Math.floor(exact + 1e-9);
      out.put(e.getKey(), f);
      rest.put(e.getKey(), exact - f);
      given += f;
    }
    List<Indicator> order = new ArrayList<>(rest.keySet());
    order.sort(Comparator.comparingDouble((Indicator i) -> -rest.get(i)).thenComparing(Indicator::ordinal));
    for (int k = 0; given < total; k++, given++) {
      out.merge(order.get(k % order.size()), 1, Integer::sum);
    }
    return out;
  }

  /**
   * The overrides for {@link Scheme#withOverrides}: nothing when the request gave no weights;
   * else every used weight, and 0 for each of {@code others} not used, so that no zone keeps a
   * weight of its own beside the 100 points.
   */
  Map<Indicator, Double> overrides(Set<Indicator> others) {
    Map<Indicator, Double> m = new EnumMap<>(Indicator.class);
    if (given.isEmpty()) {
      return m;
    }
    others.forEach(i -> m.put(i, 0.0));
    m.putAll(used);
    return m;
  }

  /** For the response's {@code meta}. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> u = new LinkedHashMap<>();
    used.forEach((i, v) -> u.put(i.key, v == Math.rint(v) ? (Object) (long) (double) v : v));
    m.put("weights_used", u);
    m.put("weights_total", used.values().stream().mapToDouble(Double::doubleValue).sum());
    Map<String, Object> g = new LinkedHashMap<>();
    given.forEach((i, v) -> g.put(i.key, v));
    m.put("weights_given", g);
    m.put("weights_redistributed", redistributed.stream().map(i -> i.key).toList());
    m.put("weights_rule", given.isEmpty() ? "scheme" : redistributed.isEmpty() ? "as_given" : "rest_redistributed");
    m.put("weights_rule_zh", given.isEmpty() ? "采用方案权重"
        : redistributed.isEmpty() ? "采用所给权重（合计 100 分）"
        : "未给出的权重按方案权重比例分配剩余分值，合计 100 分");
    m.put("weights_rule_en", given.isEmpty() ? "the scheme's weights"
        : redistributed.isEmpty() ? "the weights as given (100 points)"
        : "weights not given share the rest of the 100 points in proportion to the scheme's");
    return m;
  }

  private static ApiError bad(String parameter, String en, String zh) {
    return new ApiError(400, "InvalidParameterValue", parameter, parameter + ": " + en, Map.of("description_zh", zh));
  }
}
