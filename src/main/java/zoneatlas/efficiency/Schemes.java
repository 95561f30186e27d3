package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zoneatlas.efficiency.Scheme.Benchmark;
import zoneatlas.efficiency.Scheme.Citation;
import zoneatlas.efficiency.Scheme.Classify;
import zoneatlas.efficiency.Scheme.LowRules;
import zoneatlas.efficiency.Scheme.Method;
import zoneatlas.efficiency.Scheme.Scope;
import zoneatlas.efficiency.Scheme.Scoring;
import zoneatlas.efficiency.Scheme.Weighting;

/**
 * The scoring schemes shipped as data under {@code efficiency/schemes/} (listed in {@code
 * schemes.txt}). Parsing is strict, unknown keys included, so a planner's typo in a weight file
 * stops the server at start-up with the file and the key named, instead of silently scoring with
 * a default. Immutable after loading; thread-safe.
 */
public final class Schemes {
  static final String DIR = "efficiency/schemes/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Scheme> byId;

  private Schemes(Map<String, Scheme> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** Thrown for a scheme file that cannot be used, naming the file and the key. */
  public static final class SchemeException extends RuntimeException {
    public SchemeException(String message) {
      super(message);
    }
  }

  /** Every scheme listed in {@code efficiency/schemes/schemes.txt}. */
  public static Schemes load() {
    Map<String, Scheme> m = new LinkedHashMap<>();
    for (String file : listed()) {
      try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream(DIR + file)) {
        if (in == null) {
          throw new SchemeException(DIR + file + ": listed in schemes.txt but missing");
        }
        Scheme s = parse(file, JSON.readTree(in));
        if (m.put(s.id(), s) != null) {
          throw new SchemeException(DIR + file + ": scheme id '" + s.id() + "' used twice");
        }
      } catch (IOException e) {
        throw new SchemeException(DIR + file + ": " + e.getMessage());
      }
    }
    if (m.isEmpty()) {
      throw new SchemeException(DIR + "schemes.txt lists no scheme");
    }
    return new Schemes(m);
  }

  public static Schemes of(Scheme... schemes) {
    Map<String, Scheme> m = new LinkedHashMap<>();
    for (Scheme s : schemes) {
      m.put(s.id(), s);
    }
    return new Schemes(m);
  }

  private static List<String> listed() {
    try (InputStream in = Schemes.class.getClassLoader().getResourceAsStream(DIR + "schemes.txt")) {
      if (in == null) {
        throw new SchemeException(DIR + "schemes.txt missing");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
          .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    } catch (IOException e) {
      throw new SchemeException(DIR + "schemes.txt: " + e.getMessage());
    }
  }

  public Optional<Scheme> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Scheme> all() {
    return List.copyOf(byId.values());
  }

  /** The first listed scheme: what the map shows when no scheme is chosen. */
  public Scheme defaultScheme() {
    return byId.values().iterator().next();
  }

  public String ids() {
    return String.join(", ", byId.keySet());
  }

  // ---------------------------------------------------------------------------------------------

  /** Parses one scheme document; {@code file} names it in errors. */
  public static Scheme parse(String file, JsonNode n) {
    P p = new P(file);
    p.only(n, "", "id", "name_zh", "name_en", "description_zh", "description_en", "basis", "scope", "scoring",
        "classify", "low_efficiency", "evaluation", "policies");
    String id = p.text(n, "id", true);
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw p.err("id", "must be lower-case letters, digits and '-', got '" + id + "'");
    }
    List<Citation> basis = new ArrayList<>();
    JsonNode b = n.path("basis");
    for (int i = 0; i < b.size(); i++) {
      basis.add(p.citation(b.get(i), "basis[" + i + "]", true));
    }
    Scope scope = p.scope(p.obj(n, "scope"));
    Scoring scoring = p.scoring(p.obj(n, "scoring"));
    Classify classify = p.classify(p.obj(n, "classify"), scoring);
    LowRules low = p.low(p.obj(n, "low_efficiency"), classify);
    if (scope.exemptClass() != null && !classify.classes().contains(scope.exemptClass())) {
      throw p.err("scope.exempt_class", "'" + scope.exemptClass() + "' is not one of the classes " + classify.classes());
    }
    Scheme.Evaluation ev = n.has("evaluation") ? p.evaluation(p.obj(n, "evaluation"), classify) : Scheme.Evaluation.NONE;
    return new Scheme(id, p.text(n, "name_zh", true), p.text(n, "name_en", true), p.text(n, "description_zh", false),
        p.text(n, "description_en", false), List.copyOf(basis), scope, scoring, classify, low, ev,
        SchemePolicies.parse(file, n.get("policies"), classify.classes()), false);
  }

  /** Parsing helpers that name file and key in every error. */
  private static final class P {
    final String file;

    P(String file) {
      this.file = file;
    }

    SchemeException err(String key, String msg) {
      return new SchemeException(DIR + file + ": " + key + " " + msg);
    }

    void only(JsonNode n, String at, String... keys) {
      Set<String> ok = Set.of(keys);
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!ok.contains(k)) {
          throw err(at + k, "is not a known key (known: " + String.join(", ", keys) + ")");
        }
      }
    }

    JsonNode obj(JsonNode n, String key) {
      JsonNode v = n.get(key);
      if (v == null || !v.isObject()) {
        throw err(key, "is required and must be an object");
      }
      return v;
    }

    String text(JsonNode n, String key, boolean required) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        if (required) {
          throw err(key, "is required");
        }
        return null;
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        throw err(key, "must be non-empty text");
      }
      return v.asText();
    }

    double number(JsonNode n, String at, String key, double dflt, double min, double max) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        if (Double.isNaN(dflt)) {
          throw err(at + key, "is required");
        }
        return dflt;
      }
      if (!v.isNumber()) {
        throw err(at + key, "must be a number, got " + v);
      }
      double d = v.asDouble();
      if (!(d >= min && d <= max)) {
        throw err(at + key, "must be between " + min + " and " + max + ", got " + d);
      }
      return d;
    }

    Citation citation(JsonNode n, String at, boolean needWhat) {
      only(n, at + ".", "what", "source_doc", "source_lines", "url");
      String doc = n.path("source_doc").isTextual() ? n.get("source_doc").asText() : null;
      String lines = n.path("source_lines").isTextual() ? n.get("source_lines").asText() : null;
      String url = n.path("url").isTextual() ? n.get("url").asText() : null;
      if ((doc == null) != (lines == null)) {
        throw err(at, "needs both source_doc and source_lines");
      }
      if (lines != null && !lines.matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
        throw err(at + ".source_lines", "must look like 189 or 189,617 or 1125-1127, got '" + lines + "'");
      }
      if (doc == null && url == null) {
        throw err(at, "needs source_doc+source_lines or url");
      }
      String what = n.path("what").isTextual() ? n.get("what").asText() : null;
      if (needWhat && what == null) {
        throw err(at + ".what", "is required");
      }
      return new Citation(what, doc, lines, url);
    }

    Scheme.Evaluation evaluation(JsonNode n, Classify classify) {
      only(n, "evaluation.", "notice_days", "adjustments", "exemptions");
      int days = (int) number(n, "evaluation.", "notice_days", 7, 1, 90);
      Set<String> codes = new LinkedHashSet<>();
      List<Scheme.Adjustment> adj = new ArrayList<>();
      JsonNode a = n.path("adjustments");
      for (int i = 0; i < a.size(); i++) {
        String at = "evaluation.adjustments[" + i + "]";
        JsonNode x = a.get(i);
        only(x, at + ".", "code", "name_zh", "name_en", "points", "cap_class", "source");
        String code = itemCode(x, at, codes);
        String cap = x.path("cap_class").isTextual() ? x.get("cap_class").asText() : null;
        if (cap != null && !classify.classes().contains(cap)) {
          throw err(at + ".cap_class", "'" + cap + "' is not one of the classes " + classify.classes());
        }
        double pts = number(x, at + ".", "points", Double.NaN, -100, 100);
        if (pts == 0 && cap == null) {
          throw err(at + ".points", "must not be 0 for an item that caps no class");
        }
        adj.add(new Scheme.Adjustment(code, text(x, "name_zh", true), text(x, "name_en", true), pts, cap,
            citation(source(x, at), at + ".source", false)));
      }
      List<Scheme.Exemption> ex = new ArrayList<>();
      JsonNode e = n.path("exemptions");
      for (int i = 0; i < e.size(); i++) {
        String at = "evaluation.exemptions[" + i + "]";
        JsonNode x = e.get(i);
        only(x, at + ".", "code", "name_zh", "name_en", "source");
        ex.add(new Scheme.Exemption(itemCode(x, at, codes), text(x, "name_zh", true), text(x, "name_en", true),
            citation(source(x, at), at + ".source", false)));
      }
      return new Scheme.Evaluation(days, List.copyOf(adj), List.copyOf(ex));
    }

    private JsonNode source(JsonNode x, String at) {
      JsonNode v = x.get("source");
      if (v == null || !v.isObject()) {
        throw err(at + ".source", "is required: where the item comes from (source_doc+source_lines or url)");
      }
      return v;
    }

    private String itemCode(JsonNode x, String at, Set<String> seen) {
      String code = x.path("code").asText("");
      if (!code.matches("[a-z][a-z0-9_]*")) {
        throw err(at + ".code", "must be lower-case letters, digits and '_', got '" + code + "'");
      }
      if (!seen.add(code)) {
        throw err(at + ".code", "'" + code + "' is used twice");
      }
      return code;
    }

    Scope scope(JsonNode n) {
      only(n, "scope.", "min_land_mu", "min_leased_floor_m2", "construction_years", "new_enterprise_years",
          "tenants_take_owner_grade", "tenant_size_classes", "exempt_class");
      Set<String> sizes = new LinkedHashSet<>();
      n.path("tenant_size_classes").forEach(x -> sizes.add(x.asText()));
      JsonNode ex = n.get("exempt_class");
      return new Scope(
          number(n, "scope.", "min_land_mu", 0, 0, 1e6),
          number(n, "scope.", "min_leased_floor_m2", 0, 0, 1e9),
          (int) number(n, "scope.", "construction_years", 0, 0, 50),
          (int) number(n, "scope.", "new_enterprise_years", 0, 0, 50),
          n.path("tenants_take_owner_grade").asBoolean(false),
          Collections.unmodifiableSet(sizes),
          ex == null || ex.isNull() ? null : ex.asText());
    }

    Indicator indicator(String at, String key) {
      return Indicator.byKey(key).orElseThrow(() -> err(at, "names an unknown indicator '" + key + "' (known: " + Indicator.keys() + ")"));
    }

    Benchmark benchmark(JsonNode v, String at, JsonNode entry) {
      if (v == null || v.isNull()) {
        return null;
      }
      if (v.isTextual() && v.asText().equals("zone_average")) {
        return Benchmark.ZONE_AVERAGE;
      }
      if (!v.isNumber() || !(v.asDouble() > 0)) {
        throw err(at, "must be a positive number or \"zone_average\", got " + v);
      }
      Citation c = entry.has("source_doc") || entry.has("url")
          ? new Citation(entry.path("what").asText(null), entry.path("source_doc").asText(null),
              entry.path("source_lines").asText(null), entry.path("url").asText(null))
          : null;
      if (c != null) {
        citation(citationPart(entry), at, false);
      }
      return new Benchmark(v.asDouble(), c);
    }

    private static JsonNode citationPart(JsonNode entry) {
      com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
      for (String k : List.of("what", "source_doc", "source_lines", "url")) {
        if (entry.has(k)) {
          o.set(k, entry.get(k));
        }
      }
      return o;
    }

    Scoring scoring(JsonNode n) {
      only(n, "scoring.", "cap", "weights", "zones");
      double cap = number(n, "scoring.", "cap", Double.NaN, 0.1, 100);
      Map<Indicator, Weighting> defaults = new EnumMap<>(Indicator.class);
      JsonNode w = obj(n, "weights");
      for (Map.Entry<String, JsonNode> e : w.properties()) {
        String at = "scoring.weights." + e.getKey();
        Indicator i = indicator(at, e.getKey());
        only(e.getValue(), at + ".", "weight", "benchmark", "what", "source_doc", "source_lines", "url");
        double weight = number(e.getValue(), at + ".", "weight", Double.NaN, 0, 1000);
        Benchmark bm = benchmark(e.getValue().get("benchmark"), at + ".benchmark", e.getValue());
        if (bm == null) {
          throw err(at + ".benchmark", "is required (a number or \"zone_average\")");
        }
        defaults.put(i, new Weighting(weight, bm));
      }
      if (defaults.values().stream().mapToDouble(Weighting::weight).sum() <= 0) {
        throw err("scoring.weights", "must give at least one indicator a positive weight");
      }
      Map<String, Map<Indicator, Weighting>> zones = new LinkedHashMap<>();
      JsonNode z = n.path("zones");
      for (Map.Entry<String, JsonNode> ze : z.properties()) {
        Map<Indicator, Weighting> zm = new EnumMap<>(Indicator.class);
        for (Map.Entry<String, JsonNode> e : ze.getValue().properties()) {
          String at = "scoring.zones." + ze.getKey() + "." + e.getKey();
          Indicator i = indicator(at, e.getKey());
          only(e.getValue(), at + ".", "weight", "benchmark", "what", "source_doc", "source_lines", "url");
          Weighting base = defaults.getOrDefault(i, new Weighting(0, Benchmark.ZONE_AVERAGE));
          double weight = number(e.getValue(), at + ".", "weight", base.weight(), 0, 1000);
          Benchmark bm = benchmark(e.getValue().get("benchmark"), at + ".benchmark", e.getValue());
          zm.put(i, new Weighting(weight, bm == null ? base.benchmark() : bm));
        }
        zones.put(ze.getKey(), Collections.unmodifiableMap(zm));
      }
      return new Scoring(Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(zones), cap);
    }

    Classify classify(JsonNode n, Scoring scoring) {
      only(n, "classify.", "method", "classes", "min_score", "top_share", "a_share", "a_rank_by", "c_share", "c_rank_by");
      String m = text(n, "method", true);
      Method method;
      try {
        method = Method.valueOf(m);
      } catch (IllegalArgumentException e) {
        throw err("classify.method", "must be thresholds, percentile or two_stage, got '" + m + "'");
      }
      List<String> classes = new ArrayList<>();
      n.path("classes").forEach(x -> classes.add(x.asText()));
      if (classes.size() < 2 || new LinkedHashSet<>(classes).size() != classes.size()) {
        throw err("classify.classes", "must list at least two distinct class names, best first");
      }
      Map<String, Double> limits = new LinkedHashMap<>();
      double aShare = 0;
      double cShare = 0;
      Indicator aBy = null;
      Indicator cBy = null;
      switch (method) {
        case thresholds, percentile -> {
          String key = method == Method.thresholds ? "min_score" : "top_share";
          JsonNode l = obj(n, key);
          double prev = method == Method.thresholds ? Double.POSITIVE_INFINITY : 0;
          for (int k = 0; k < classes.size() - 1; k++) {
            String c = classes.get(k);
            double v = number(l, "classify." + key + ".", c, Double.NaN, 0, method == Method.thresholds ? 1e6 : 1);
            if (method == Method.thresholds ? v >= prev : v <= prev) {
              throw err("classify." + key + "." + c, method == Method.thresholds
                  ? "must be below the better class's minimum" : "must be above the better class's share");
            }
            prev = v;
            limits.put(c, v);
          }
          if (l.size() != classes.size() - 1) {
            throw err("classify." + key, "needs one value per class except the last (" + classes.subList(0, classes.size() - 1) + ")");
          }
        }
        case two_stage -> {
          if (classes.size() != 3) {
            throw err("classify.classes", "two_stage needs exactly three classes (A, B, C)");
          }
          aShare = number(n, "classify.", "a_share", Double.NaN, 0, 0.5);
          cShare = number(n, "classify.", "c_share", Double.NaN, 0, 0.5);
          aBy = indicator("classify.a_rank_by", text(n, "a_rank_by", true));
          cBy = indicator("classify.c_rank_by", text(n, "c_rank_by", true));
        }
        default -> throw new IllegalStateException();
      }
      return new Classify(method, List.copyOf(classes), Collections.unmodifiableMap(limits), aShare, aBy, cShare, cBy);
    }

    LowRules low(JsonNode n, Classify c) {
      only(n, "low_efficiency.", "low_classes", "standard_land_since", "below_standard_ratio");
      Set<String> low = new LinkedHashSet<>();
      n.path("low_classes").forEach(x -> low.add(x.asText()));
      for (String s : low) {
        if (!c.classes().contains(s)) {
          throw err("low_efficiency.low_classes", "'" + s + "' is not one of the classes " + c.classes());
        }
      }
      return new LowRules(Collections.unmodifiableSet(low),
          (int) number(n, "low_efficiency.", "standard_land_since", 0, 0, 3000),
          number(n, "low_efficiency.", "below_standard_ratio", 1.0, 0, 10));
    }
  }
}
