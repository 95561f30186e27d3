package zoneatlas.efficiency;

import static zoneatlas.efficiency.EfficiencyTables.mapOf;
import static zoneatlas.efficiency.EfficiencyTables.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.http.ApiError;


/**
 * What-if scoring for land officers: the official scheme with some weights, benchmarks or the cap
 * replaced ({@link Scheme#withOverrides}), computed for one request and never cached, then compared
 * firm by firm with the official (published, when there is one) list: who moves up, who moves down.
 */
final class WhatIf {
  private final EfficiencyService svc;
  private final EfficiencyTables tables;

  WhatIf(EfficiencyService svc, EfficiencyTables tables) {
    this.svc = svc;
    this.tables = tables;
  }

  private EfficiencyData data() throws SQLException {
    return svc.data();
  }

  private EfficiencyResult official(EfficiencyData d, Scheme s, int year) {
    return svc.official(d, s, year);
  }

  private Scheme scheme(String id) {
    return svc.scheme(id);
  }

  private int year(EfficiencyData d, Integer year) {
    return svc.year(d, year);
  }

  private String zone(EfficiencyData d, String zone) {
    return svc.zone(d, zone);
  }

  private static EfficiencyResult compute(EfficiencyData d, Scheme s, int year) {
    return EfficiencyService.compute(d, s, year);
  }

  private Map<String, Object> baseMeta(EfficiencyResult r, Unit unit) {
    return tables.baseMeta(r, unit);
  }

  private List<Map<String, Object>> zoneSummaries(EfficiencyResult r, EfficiencyResult base, String z, boolean conf) {
    return tables.zoneSummaries(r, base, z, conf);
  }

  /**
   * A what-if: the scheme with the request's weights, benchmarks or cap, computed for this
   * request only. The official (cached) result is read for comparison and never replaced.
   */
  public Map<String, Object> whatIf(Role role, JsonNode body) throws SQLException {
    if (!role.atLeast(Role.land_officer)) {
      throw role == Role.anonymous ? ApiError.unauthorized("what-if scoring needs a land officer or administrator: sign in")
          : ApiError.forbidden("what-if scoring is for land officers and administrators");
    }
    if (body == null || !body.isObject()) {
      throw ApiError.badParam("body", "must be a JSON object like {\"scheme\":\"...\",\"weights\":{\"tax_per_mu\":40}}");
    }
    Set<String> known = Set.of("scheme", "year", "zone", "weights", "benchmarks", "cap");
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw ApiError.unknownParam(k, String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
    EfficiencyData d = data();
    Scheme s = scheme(body.path("scheme").isTextual() ? body.get("scheme").asText() : null);
    Integer y = null;
    if (body.hasNonNull("year")) {
      if (!body.get("year").canConvertToInt() || !body.get("year").isIntegralNumber()) {
        throw ApiError.badParam("year", "must be a whole number");
      }
      y = body.get("year").asInt();
    }
    int year = year(d, y);
    String zone = zone(d, body.path("zone").isTextual() ? body.get("zone").asText() : null);
    // whole points adding up to 100: see WhatIfWeights for why and for the rule on partial weights
    Map<Indicator, Double> schemeWeights = new EnumMap<>(Indicator.class);
    (zone == null ? s.scoring().defaults() : s.scoring().forZone(zone)).forEach((i, x) -> schemeWeights.put(i, x.weight()));
    WhatIfWeights ww = WhatIfWeights.resolve(body.path("weights"), schemeWeights);
    Map<Indicator, Double> weights = ww.overrides(zone == null ? s.scoring().indicators() : Set.of());
    Map<Indicator, Double> benchmarks = new EnumMap<>(Indicator.class);
    JsonNode b = body.path("benchmarks");
    if (!b.isMissingNode() && !b.isObject()) {
      throw ApiError.badParam("benchmarks", "must be an object of indicator: value or \"zone_average\"");
    }
    for (Map.Entry<String, JsonNode> e : b.properties()) {
      Indicator i = Indicator.byKey(e.getKey()).orElseThrow(() -> ApiError.badParam("benchmarks." + e.getKey(),
          "unknown indicator; indicators: " + Indicator.keys()));
      JsonNode v = e.getValue();
      if (v.isTextual() && v.asText().equals("zone_average")) {
        benchmarks.put(i, null);
      } else if (v.isNumber() && v.asDouble() > 0 && Double.isFinite(v.asDouble())) {
        benchmarks.put(i, v.asDouble());
      } else {
        throw ApiError.badParam("benchmarks." + e.getKey(), "must be a positive number or \"zone_average\", got " + v);
      }
    }
    Double cap = null;
    if (body.hasNonNull("cap")) {
      if (!body.get("cap").isNumber() || !(body.get("cap").asDouble() >= 0.1) || body.get("cap").asDouble() > 100) {
        throw ApiError.badParam("cap", "must be a number from 0.1 to 100");
      }
      cap = body.get("cap").asDouble();
    }
    Scheme what = s.withOverrides(weights, benchmarks, cap, zone);
    for (String z : zone == null ? d.zones() : List.of(zone)) {
      if (what.scoring().forZone(z).isEmpty()) {
        throw ApiError.badParam("weights", "at least one indicator needs a positive weight (zone " + z + ")");
      }
    }
    EfficiencyResult official = official(d, s, year);
    EfficiencyResult result = compute(d, what, year);
    Map<String, Object> m = baseMeta(result, Unit.mu);
    m.put("official", false);
    m.put("whatIf", true);
    m.put("note", "what-if result for this request only; the official result is unchanged");
    m.put("zone", zone);
    m.put("scoring", EfficiencyTables.schemeJson(what, zone == null ? d.zones() : List.of(zone)).get("zoneWeights"));
    m.put("cap", what.scoring().cap());
    m.put("zones", zoneSummaries(result, official, zone, true));
    List<Map<String, Object>> ents = new ArrayList<>();
    for (int i = 0; i < result.enterprises.size(); i++) {
      EnterpriseResult e = result.enterprises.get(i);
      EnterpriseResult o = official.enterprises.get(i);
      if ((zone != null && !zone.equals(e.enterprise().zone())) || (e.cls() == null && o.cls() == null)) {
        continue;
      }
      ents.add(mapOf("id", e.enterprise().id(), "name_zh", e.enterprise().nameZh(), "name_en", e.enterprise().nameEn(),
          "zone", e.enterprise().zone(), "official_class", o.cls(), "class", e.cls(), "official_score", num(o.score()),
          "score", num(e.score()), "changed", !java.util.Objects.equals(o.cls(), e.cls())));
    }
    m.put("enterprises", ents);
    m.put("moves", moves(result, official, zone));
    Map<String, Object> meta = ww.json();
    meta.put("compared_with", "official");
    meta.put("compared_with_zh", "与正式（已发布）分类对比");
    m.put("meta", meta);
    Map<String, String> parcels = new LinkedHashMap<>();
    for (ParcelResult p : result.parcels) {
      if (p.cls() != null && (zone == null || zone.equals(p.parcel().zone()))) {
        parcels.put(p.parcel().id(), p.cls());
      }
    }
    m.put("parcels", parcels);
    return m;
  }

  /**
   * How the what-if's classes differ from the official (published) ones: firms up, down and the
   * same, per class transition, and the firms that move (for land officers: the route admits no
   * one else). Classes are best first, so a smaller index is up. Firms classed in only one of
   * the two (none today: scope does not depend on weights) are left out.
   */
  private static Map<String, Object> moves(EfficiencyResult result, EfficiencyResult official, String zone) {
    List<String> classes = result.scheme.classify().classes();
    Map<String, int[]> byTransition = new LinkedHashMap<>();
    for (String from : classes) {
      for (String to : classes) {
        byTransition.put(from + "|" + to, new int[1]);
      }
    }
    int up = 0;
    int down = 0;
    int same = 0;
    List<Map<String, Object>> movers = new ArrayList<>();
    for (int i = 0; i < result.enterprises.size(); i++) {
      EnterpriseResult e = result.enterprises.get(i);
      EnterpriseResult o = official.enterprises.get(i);
      if ((zone != null && !zone.equals(e.enterprise().zone())) || e.cls() == null || o.cls() == null) {
        continue;
      }
      int c = Integer.compare(classes.indexOf(e.cls()), classes.indexOf(o.cls()));
      byTransition.get(o.cls() + "|" + e.cls())[0]++;
      if (c == 0) {
        same++;
        continue;
      }
      String dir = c < 0 ? "up" : "down";
      if (c < 0) {
        up++;
      } else {
        down++;
      }
      movers.add(mapOf("id", e.enterprise().id(), "name_zh", e.enterprise().nameZh(), "name_en", e.enterprise().nameEn(),
          "zone", e.enterprise().zone(), "direction", dir, "official_class", o.cls(), "class", e.cls(),
          "official_score", num(o.score()), "score", num(e.score())));
    }
    movers.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("direction"))
        .thenComparing(m -> classes.indexOf((String) m.get("official_class")))
        .thenComparing(m -> classes.indexOf((String) m.get("class")))
        .thenComparing(m -> (String) m.get("id")));
    List<Map<String, Object>> transitions = new ArrayList<>();
    for (String from : classes) {
      for (String to : classes) {
        int n = byTransition.get(from + "|" + to)[0];
        int c = Integer.compare(classes.indexOf(to), classes.indexOf(from));
        transitions.add(mapOf("from", from, "to", to, "direction", c < 0 ? "up" : c > 0 ? "down" : "same", "count", n));
      }
    }
    return mapOf("up", up, "down", down, "same", same, "transitions", transitions, "enterprises", movers);
  }
}
