package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scoring scheme as data: who is evaluated (scope and exemptions), how a score is made
 * (weights and benchmarks, per zone), how classes are drawn from it, and what counts as
 * low-efficiency land. Read from {@code efficiency/schemes/*.json} by {@link Schemes}; a what-if
 * is the same scheme with some weights or benchmarks replaced ({@link #withOverrides}), so the
 * official scheme object is never changed. Immutable and thread-safe.
 */
public record Scheme(
    String id,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    List<Citation> basis,
    Scope scope,
    Scoring scoring,
    Classify classify,
    LowRules lowEfficiency,
    Evaluation evaluation,
    SchemePolicies policies,
    boolean whatIf) {

  /**
   * Where a rule or number comes from: a plan line ({@code sourceDoc} + {@code sourceLines}, as
   * plan features cite them) or a practice source ({@code url}).
   */
  public record Citation(String what, String sourceDoc, String sourceLines, String url) {}

  /**
   * Who is evaluated.
   *
   * @param minLandMu in scope with at least this much land (mu) ...
   * @param minLeasedFloorM2 ... or at least this much leased floor area (m²); 0 = no such route
   * @param constructionYears land supplied less than this many years before the evaluation year is
   *     in its construction period: it leaves the denominator, and a firm with nothing else is exempt
   * @param newEnterpriseYears firms founded less than this many years before are exempt
   * @param tenantsTakeOwnerGrade tenants (no land of their own) take the grade of their landlord
   * @param tenantSizeClasses ... if their size class is listed (empty = every tenant)
   * @param exemptClass the class exempt firms are given ("不定等级", often treated as B), or null
   */
  public record Scope(
      double minLandMu,
      double minLeasedFloorM2,
      int constructionYears,
      int newEnterpriseYears,
      boolean tenantsTakeOwnerGrade,
      Set<String> tenantSizeClasses,
      String exemptClass) {}

  /** A benchmark: a fixed value, or (when {@code fixed} is null) the zone's own roll-up value. */
  public record Benchmark(Double fixed, Citation source) {
    public static final Benchmark ZONE_AVERAGE = new Benchmark(null, null);

    public boolean zoneAverage() {
      return fixed == null;
    }
  }

  /** One scored indicator: weight (points at the benchmark) and benchmark. */
  public record Weighting(double weight, Benchmark benchmark) {}

  /**
   * Score = Σ min(max(value / benchmark, 0), cap) × weight over the weighted indicators; a
   * missing value scores 0. Zones may replace any weighting.
   */
  public record Scoring(Map<Indicator, Weighting> defaults, Map<String, Map<Indicator, Weighting>> zones, double cap) {
    /** The weightings that apply in a zone, in indicator order. */
    public Map<Indicator, Weighting> forZone(String zone) {
      Map<Indicator, Weighting> m = new java.util.EnumMap<>(Indicator.class);
      m.putAll(defaults);
      Map<Indicator, Weighting> z = zones.get(zone);
      if (z != null) {
        m.putAll(z);
      }
      m.values().removeIf(w -> w.weight() == 0);
      return m;
    }

    /** Every indicator weighted in any zone. */
    public Set<Indicator> indicators() {
      Set<Indicator> s = java.util.EnumSet.noneOf(Indicator.class);
      defaults.forEach((k, v) -> {
        if (v.weight() > 0) {
          s.add(k);
        }
      });
      zones.values().forEach(z -> z.forEach((k, v) -> {
        if (v.weight() > 0) {
          s.add(k);
        }
      }));
      return s;
    }
  }

  /** How classes are drawn within each zone. */
  public enum Method {
    /** Fixed score thresholds. */
    thresholds,
    /** Rank positions: A to the top x%, and so on. */
    percentile,
    /** Zhengzhou: A from the top half re-ranked by one indicator, C from the bottom half by another. */
    two_stage
  }

  /**
   * @param classes class names, best first (the legend order)
   * @param limits thresholds: minimum score per class; percentile: the cumulative share (0..1)
   *     each class reaches down to. The last class takes the rest and has no limit.
   * @param aShare two-stage: share of all firms classed A
   * @param aRankBy two-stage: indicator the top half is re-ranked by (descending)
   * @param cShare two-stage: share of all firms classed C
   * @param cRankBy two-stage: indicator the bottom half is re-ranked by (ascending: worst first)
   */
  public record Classify(
      Method method,
      List<String> classes,
      Map<String, Double> limits,
      double aShare,
      Indicator aRankBy,
      double cShare,
      Indicator cRankBy) {}

  /**
   * @param lowClasses classes whose firms' parcels are redevelopment candidates (e.g. D)
   * @param standardLandSince 标准地 commitments (required tax per mu) bind parcels supplied in or after this year
   * @param belowStandardRatio a parcel produces below standard when its tax per mu is under this share of the requirement
   */
  public record LowRules(Set<String> lowClasses, int standardLandSince, double belowStandardRatio) {}

  /**
   * How a year's list is published, and what a land officer may record against a firm for it.
   *
   * @param noticeDays the 公示 lasts this many calendar days from its first day; objections are
   *     accepted within it, and the list can be published only after it
   * @param adjustments bonus and penalty items (加分/扣分) added to the score
   * @param exemptions reasons a firm is left out of the ranking (免评), besides the scope's own
   *     (new firms, construction period), which the engine finds by itself
   */
  public record Evaluation(int noticeDays, List<Adjustment> adjustments, List<Exemption> exemptions) {
    public static final Evaluation NONE = new Evaluation(7, List.of(), List.of());

    public java.util.Optional<Adjustment> adjustment(String code) {
      return adjustments.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public java.util.Optional<Exemption> exemption(String code) {
      return exemptions.stream().filter(a -> a.code().equals(code)).findFirst();
    }
  }

  /**
   * A bonus (points > 0) or penalty (points < 0) item. {@code capClass}: the best class a firm
   * with this item may have (一票否决: a major safety or environmental incident caps it at D), or null.
   */
  public record Adjustment(String code, String nameZh, String nameEn, double points, String capClass, Citation source) {}

  /** A recorded reason for leaving a firm out of the ranking, e.g. 公用事业. */
  public record Exemption(String code, String nameZh, String nameEn, Citation source) {}

  /**
   * This scheme with some weights, benchmarks or the cap replaced, for a what-if. With a zone
   * the change applies to that zone only; without, to every zone (zone-specific values of the
   * changed indicators are dropped so the change wins everywhere).
   *
   * @param benchmarks a value per indicator; null in the map means "the zone's own average"
   */
  public Scheme withOverrides(Map<Indicator, Double> weights, Map<Indicator, Double> benchmarks, Double cap, String zone) {
    Map<Indicator, Weighting> defaults = new java.util.EnumMap<>(Indicator.class);
    defaults.putAll(scoring.defaults());
    Map<String, Map<Indicator, Weighting>> zones = new LinkedHashMap<>();
    scoring.zones().forEach((z, m) -> {
      Map<Indicator, Weighting> c = new java.util.EnumMap<>(Indicator.class);
      c.putAll(m);
      zones.put(z, c);
    });
    Set<Indicator> touched = new LinkedHashSet<>(weights.keySet());
    touched.addAll(benchmarks.keySet());
    for (Indicator i : touched) {
      if (zone == null) {
        Weighting base = defaults.getOrDefault(i, new Weighting(0, Benchmark.ZONE_AVERAGE));
        defaults.put(i, merged(base, i, weights, benchmarks));
        for (Map.Entry<String, Map<Indicator, Weighting>> z : zones.entrySet()) {
          Weighting zw = z.getValue().remove(i);
          // a zone that only set a benchmark keeps it unless the benchmark itself was overridden
          if (zw != null && !benchmarks.containsKey(i)) {
            z.getValue().put(i, new Weighting(defaults.get(i).weight(), zw.benchmark()));
          }
        }
      } else {
        Map<Indicator, Weighting> zm = zones.computeIfAbsent(zone, k -> new java.util.EnumMap<>(Indicator.class));
        Weighting base = scoring.forZone(zone).getOrDefault(i,
            defaults.getOrDefault(i, new Weighting(0, Benchmark.ZONE_AVERAGE)));
        zm.put(i, merged(base, i, weights, benchmarks));
      }
    }
    Scoring s = new Scoring(Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(zones),
        cap == null ? scoring.cap() : cap);
    return new Scheme(id, nameZh, nameEn, descriptionZh, descriptionEn, basis, scope, s, classify, lowEfficiency, evaluation,
        policies, true);
  }

  private static Weighting merged(Weighting base, Indicator i, Map<Indicator, Double> weights, Map<Indicator, Double> benchmarks) {
    double w = weights.containsKey(i) ? weights.get(i) : base.weight();
    Benchmark b = base.benchmark();
    if (benchmarks.containsKey(i)) {
      Double v = benchmarks.get(i);
      b = v == null ? Benchmark.ZONE_AVERAGE : new Benchmark(v, null);
    }
    return new Weighting(w, b);
  }

  /** Citations as plain maps, for JSON. */
  public List<Map<String, Object>> basisJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Citation c : basis) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("what", c.what());
      if (c.sourceDoc() != null) {
        m.put("source_doc", c.sourceDoc());
        m.put("source_lines", c.sourceLines());
        m.put("citation", zoneatlas.layers.SourceDocs.citations(c.sourceDoc(), c.sourceLines()));
      }
      if (c.url() != null) {
        m.put("url", c.url());
      }
      out.add(m);
    }
    return out;
  }
}
