package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import zoneatlas.efficiency.Scheme.Citation;

/**
 * What a scheme's classes mean outside the evaluation: the differentiated prices of power, water,
 * gas and discharge each class pays (差别化电价/水价/气价/排污收费), which classes make the
 * leaders list (领跑企业) and which the watch list (重点帮扶/整治名单). Scheme data like the
 * weights, read from the {@code policies} section of a scheme file (see the README there), so a
 * zone changes a surcharge by editing a file, with the source of each rule beside it. Immutable.
 *
 * @param leaderClasses classes on the leaders list (default: the best class)
 * @param watchClasses classes on the watch list (default: the worst class)
 * @param prices a rule per kind of price; a kind without a rule has no list
 */
public record SchemePolicies(List<String> leaderClasses, List<String> watchClasses, Map<PriceKind, PriceRule> prices) {

  /** The four prices that zones differentiate by class. */
  public enum PriceKind {
    power("差别化电价", "Differentiated power price"),
    water("差别化水价", "Differentiated water price"),
    gas("差别化气价", "Differentiated gas price"),
    discharge("差别化排污收费", "Differentiated discharge charge");

    public final String nameZh;
    public final String nameEn;

    PriceKind(String nameZh, String nameEn) {
      this.nameZh = nameZh;
      this.nameEn = nameEn;
    }
  }

  /**
   * One kind of price: the surcharge each class pays on the standard price (negative: a
   * reduction; a class not listed pays the standard price).
   *
   * @param illustrative the amounts are examples of the kind of rule zones adopt, not read from
   *     a cited document: shown as 示例 wherever the rule is printed
   */
  public record PriceRule(PriceKind kind, String unitZh, String unitEn, Map<String, Double> surcharge,
      boolean illustrative, List<Citation> basis) {

    public double surchargeOf(String cls) {
      return surcharge.getOrDefault(cls, 0.0);
    }

    /** "加价 0.1 元/千瓦时", "优惠 0.05 元/千瓦时" or "执行基准价格". */
    public String ruleZh(String cls) {
      double v = surchargeOf(cls);
      if (v == 0) {
        return "执行基准价格";
      }
      return (v > 0 ? "加价 " : "优惠 ") + amount(Math.abs(v)) + " " + unitZh;
    }

    public String ruleEn(String cls) {
      double v = surchargeOf(cls);
      if (v == 0) {
        return "standard price";
      }
      return (v > 0 ? "surcharge of " : "reduction of ") + amount(Math.abs(v)) + " " + unitEn;
    }

    public String rule(String cls, String lang) {
      return "en".equals(lang) ? ruleEn(cls) : ruleZh(cls);
    }
  }

  /** 0.1 → "0.1", 1.0 → "1": amounts as a price notice writes them. */
  static String amount(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A scheme without a {@code policies} section: leaders the best class, watch the worst, no prices. */
  public static SchemePolicies defaults(List<String> classes) {
    return new SchemePolicies(List.of(classes.get(0)), List.of(classes.get(classes.size() - 1)), Map.of());
  }

  /**
   * Parses the {@code policies} section of a scheme file (null or missing: {@link #defaults}).
   * Strict like the rest of the file: an unknown key, class or kind stops the server at start-up,
   * naming the file and the key.
   */
  static SchemePolicies parse(String file, JsonNode n, List<String> classes) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return defaults(classes);
    }
    if (!n.isObject()) {
      throw err(file, "policies", "must be an object");
    }
    only(file, n, "policies.", "leader_classes", "watch_classes", "prices");
    List<String> leaders = classList(file, n, "leader_classes", classes, List.of(classes.get(0)));
    List<String> watch = classList(file, n, "watch_classes", classes, List.of(classes.get(classes.size() - 1)));
    Map<PriceKind, PriceRule> prices = new EnumMap<>(PriceKind.class);
    JsonNode p = n.path("prices");
    if (!p.isMissingNode() && !p.isObject()) {
      throw err(file, "policies.prices", "must be an object of power, water, gas, discharge");
    }
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      String at = "policies.prices." + e.getKey();
      PriceKind kind;
      try {
        kind = PriceKind.valueOf(e.getKey());
      } catch (IllegalArgumentException x) {
        throw err(file, at, "is not a known price (known: power, water, gas, discharge)");
      }
      prices.put(kind, rule(file, at, kind, e.getValue(), classes));
    }
    return new SchemePolicies(leaders, watch, Collections.unmodifiableMap(prices));
  }

  private static PriceRule rule(String file, String at, PriceKind kind, JsonNode n, List<String> classes) {
    if (!n.isObject()) {
      throw err(file, at, "must be an object");
    }
    only(file, n, at + ".", "unit_zh", "unit_en", "surcharge", "illustrative", "basis");
    String unitZh = text(file, n, at, "unit_zh");
    String unitEn = text(file, n, at, "unit_en");
    JsonNode s = n.get("surcharge");
    if (s == null || !s.isObject() || s.isEmpty()) {
      throw err(file, at + ".surcharge", "is required: the surcharge per class, e.g. {\"C\": 0.1, \"D\": 0.3}");
    }
    Map<String, Double> by = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      if (!classes.contains(e.getKey())) {
        throw err(file, at + ".surcharge." + e.getKey(), "is not one of the classes " + classes);
      }
      JsonNode v = e.getValue();
      if (!v.isNumber() || !(Math.abs(v.asDouble()) <= 1000)) {
        throw err(file, at + ".surcharge." + e.getKey(), "must be a number from -1000 to 1000, got " + v);
      }
      by.put(e.getKey(), v.asDouble());
    }
    JsonNode b = n.get("basis");
    if (b == null || !b.isArray() || b.isEmpty()) {
      throw err(file, at + ".basis", "is required: where the rule comes from, [{what, url} or {what, source_doc, source_lines}]");
    }
    List<Citation> basis = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      basis.add(citation(file, b.get(i), at + ".basis[" + i + "]"));
    }
    JsonNode ill = n.get("illustrative");
    if (ill != null && !ill.isBoolean()) {
      throw err(file, at + ".illustrative", "must be true or false");
    }
    return new PriceRule(kind, unitZh, unitEn, Collections.unmodifiableMap(by), ill != null && ill.asBoolean(),
        List.copyOf(basis));
  }

  private static Citation citation(String file, JsonNode n, String at) {
    if (!n.isObject()) {
      throw err(file, at, "must be an object");
    }
    only(file, n, at + ".", "what", "source_doc", "source_lines", "url");
    String what = text(file, n, at, "what");
    String doc = n.path("source_doc").isTextual() ? n.get("source_doc").asText() : null;
    String lines = n.path("source_lines").isTextual() ? n.get("source_lines").asText() : null;
    String url = n.path("url").isTextual() ? n.get("url").asText() : null;
    if ((doc == null) != (lines == null)) {
      throw err(file, at, "needs both source_doc and source_lines");
    }
    if (lines != null && !lines.matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
      throw err(file, at + ".source_lines", "must look like 189 or 189,617 or 1125-1127, got '" + lines + "'");
    }
    if (doc == null && url == null) {
      throw err(file, at, "needs source_doc+source_lines or url");
    }
    return new Citation(what, doc, lines, url);
  }

  private static List<String> classList(String file, JsonNode n, String key, List<String> classes, List<String> dflt) {
    JsonNode v = n.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isArray() || v.isEmpty()) {
      throw err(file, "policies." + key, "must be a non-empty list of classes");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : v) {
      if (!classes.contains(x.asText())) {
        throw err(file, "policies." + key, "'" + x.asText() + "' is not one of the classes " + classes);
      }
      out.add(x.asText());
    }
    return List.copyOf(out);
  }

  private static String text(String file, JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw err(file, at + "." + key, "is required and must be non-empty text");
    }
    return v.asText();
  }

  private static void only(String file, JsonNode n, String at, String... keys) {
    Set<String> ok = Set.of(keys);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ok.contains(k)) {
        throw err(file, at + k, "is not a known key (known: " + String.join(", ", keys) + ")");
      }
    }
  }

  private static Schemes.SchemeException err(String file, String key, String msg) {
    return new Schemes.SchemeException(Schemes.DIR + file + ": " + key + " " + msg);
  }

  /** The section as JSON, for the meta endpoint and the exports' notes. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("leader_classes", leaderClasses);
    m.put("watch_classes", watchClasses);
    Map<String, Object> ps = new LinkedHashMap<>();
    prices.forEach((k, r) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name_zh", k.nameZh);
      x.put("name_en", k.nameEn);
      x.put("unit_zh", r.unitZh());
      x.put("unit_en", r.unitEn());
      x.put("surcharge", r.surcharge());
      x.put("illustrative", r.illustrative());
      List<Map<String, Object>> b = new ArrayList<>();
      for (Citation c : r.basis()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("what", c.what());
        if (c.sourceDoc() != null) {
          cm.put("source_doc", c.sourceDoc());
          cm.put("source_lines", c.sourceLines());
        }
        if (c.url() != null) {
          cm.put("url", c.url());
        }
        b.add(cm);
      }
      x.put("basis", b);
      ps.put(k.name(), x);
    });
    m.put("prices", ps);
    return m;
  }
}
