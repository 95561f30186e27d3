package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;

/**
 * The plans' own targets ({@code efficiency/targets.json}), each citing its plan line, and their
 * comparison with a year's roll-ups: met, not met, no data, or "the plan sets no numeric target".
 * Immutable; thread-safe.
 */
public final class Targets {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FILE = "efficiency/targets.json";
  private final List<Target> all;

  /**
   * One target.
   *
   * @param indicator null for a plan that sets no numeric target (recorded so the map can say so)
   * @param industrialLand compare the roll-up over industrial parcels only
   * @param op {@code >}, {@code >=}, {@code <}, {@code <=}, or {@code growth>=} (per cent over the year before)
   */
  public record Target(String id, List<String> zones, Set<Level> levels, String labelZh, String labelEn,
      Indicator indicator, Indicator.Unit areaUnit, boolean industrialLand, String op, double value, Integer targetYear,
      String kindZh, String kindEn, String sourceDoc, String sourceLines, String noteZh, String noteEn) {}

  /** Outcome of one comparison. */
  public enum Outcome {
    met("达标", "Met"),
    not_met("未达标", "Not met"),
    no_data("无数据", "No data"),
    no_target("无量化目标", "No numeric target");

    public final String nameZh;
    public final String nameEn;

    Outcome(String zh, String en) {
      this.nameZh = zh;
      this.nameEn = en;
    }
  }

  /**
   * One target against one zone or park.
   *
   * @param actual the value in the target's unit (growth in per cent for growth targets)
   * @param enterprises how many enterprises' figures the value rests on (for confidentiality)
   */
  public record Check(Target target, Level level, String groupId, String zone, double actual, int enterprises,
      Outcome outcome) {}

  private Targets(List<Target> all) {
    this.all = List.copyOf(all);
  }

  public List<Target> all() {
    return all;
  }

  public static Targets load() {
    try (InputStream in = Targets.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new Schemes.SchemeException(FILE + " missing");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new Schemes.SchemeException(FILE + ": " + e.getMessage());
    }
  }

  static Targets parse(JsonNode root) {
    List<Target> out = new ArrayList<>();
    for (JsonNode n : root.path("targets")) {
      String id = n.path("id").asText();
      String at = FILE + ": target '" + id + "': ";
      if (id.isEmpty()) {
        throw new Schemes.SchemeException(FILE + ": a target without id");
      }
      if (!n.path("source_doc").isTextual() || !n.path("source_lines").asText().matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
        throw new Schemes.SchemeException(at + "needs source_doc and source_lines (e.g. 189,617)");
      }
      List<String> zones = new ArrayList<>();
      n.path("zones").forEach(z -> zones.add(z.asText()));
      Set<Level> levels = EnumSet.noneOf(Level.class);
      for (JsonNode l : n.path("levels")) {
        Level lv = Level.byParam(l.asText()).filter(Level::isGroup)
            .orElseThrow(() -> new Schemes.SchemeException(at + "level '" + l.asText() + "' is not a roll-up level"));
        levels.add(lv);
      }
      if (zones.isEmpty() || levels.isEmpty()) {
        throw new Schemes.SchemeException(at + "needs zones and levels");
      }
      Indicator ind = null;
      String op = null;
      double value = Double.NaN;
      if (n.hasNonNull("indicator")) {
        ind = Indicator.byKey(n.get("indicator").asText())
            .orElseThrow(() -> new Schemes.SchemeException(at + "unknown indicator " + n.get("indicator")));
        op = n.path("op").asText();
        if (!Set.of(">", ">=", "<", "<=", "growth>=").contains(op)) {
          throw new Schemes.SchemeException(at + "op must be >, >=, <, <= or growth>=, got '" + op + "'");
        }
        if (!n.path("value").isNumber()) {
          throw new Schemes.SchemeException(at + "value must be a number");
        }
        value = n.get("value").asDouble();
      }
      Indicator.Unit unit = "ha".equals(n.path("area_unit").asText()) ? Indicator.Unit.ha : Indicator.Unit.mu;
      out.add(new Target(id, List.copyOf(zones), levels, n.path("label_zh").asText(), n.path("label_en").asText(), ind,
          unit, "industrial".equals(n.path("land").asText()), op, value,
          n.hasNonNull("target_year") ? n.get("target_year").asInt() : null, n.path("kind_zh").asText(),
          n.path("kind_en").asText(), n.get("source_doc").asText(), n.get("source_lines").asText(),
          n.path("note_zh").asText(null), n.path("note_en").asText(null)));
    }
    return new Targets(out);
  }

  /**
   * Every target against every zone or park it applies to.
   *
   * @param previous the year before under the same scheme, for growth targets; may be null
   */
  public List<Check> evaluate(EfficiencyResult r, EfficiencyResult previous) {
    List<Check> out = new ArrayList<>();
    for (Target t : all) {
      if (t.indicator() == null) {
        for (String z : t.zones()) {
          GroupResult g = r.groups.get(Level.zone).get(z);
          out.add(new Check(t, Level.zone, z, z, Double.NaN, g == null ? 0 : g.enterprises(), Outcome.no_target));
        }
        continue;
      }
      for (Level level : t.levels()) {
        Map<String, GroupResult> groups = (t.industrialLand() ? r.industrialGroups : r.groups).get(level);
        for (GroupResult g : groups.values()) {
          if (!t.zones().contains(g.zone())) {
            continue;
          }
          double actual = t.indicator().convert(g.value(t.indicator()), t.areaUnit());
          if (t.op().equals("growth>=")) {
            GroupResult p = previous == null ? null
                : (t.industrialLand() ? previous.industrialGroups : previous.groups).get(level).get(g.id());
            double before = p == null ? Double.NaN : t.indicator().convert(p.value(t.indicator()), t.areaUnit());
            actual = before > 0 ? (actual / before - 1) * 100 : Double.NaN;
          }
          out.add(new Check(t, level, g.id(), g.zone(), actual, g.enterprises(), outcome(t, actual)));
        }
      }
    }
    return out;
  }

  static Outcome outcome(Target t, double v) {
    if (Double.isNaN(v)) {
      return Outcome.no_data;
    }
    boolean met = switch (t.op()) {
      case ">" -> v > t.value();
      case ">=", "growth>=" -> v >= t.value();
      case "<" -> v < t.value();
      case "<=" -> v <= t.value();
      default -> throw new IllegalStateException(t.op());
    };
    return met ? Outcome.met : Outcome.not_met;
  }
}
