package zoneatlas.editing;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.demo.PlanValidator;
import zoneatlas.geo.Geodesy;
import zoneatlas.history.Versions;
import zoneatlas.layers.Layer;
import zoneatlas.layers.SourcesRoutes;

/**
 * A planner's plan feature (zone, core board, industrial park, small-micro park, infrastructure):
 * the loader's rules (a kind of its layer, a known zone, a citation, a valid geometry in China, a
 * polygon for areas, industrial parks not overlapping) plus what editing adds: a status of 规划 /
 * 拟建 / 在建 / 已建, a period such as 2021-2025, and the schematic flag, which comes off only when a
 * planner replaces the geometry with a surveyed one in the same write and says so.
 */
final class PlanRules extends FeatureRules {
  private static final Set<String> COMPUTED = Set.of("area_m2", "area_mu", "length_km");
  private static final Map<String, String> STATUS = Map.of(
      "planned", "planned", "规划", "planned", "proposed", "proposed", "拟建", "proposed",
      "under_construction", "under_construction", "在建", "under_construction",
      "existing", "existing", "已建", "existing", "已建成", "existing");
  private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern SEED_DOC = Pattern.compile("00[0-9]_[0-9a-f]{16}\\.txt");
  private static final SourcesRoutes SOURCES = new SourcesRoutes();

  @Override
  Set<String> computed() {
    return COMPUTED;
  }

  @Override
  Built build(Layer l, Versions.Row current, Target t, Mode mode, Lookup lk, Problems p) throws SQLException {
    String layer = l.whereLayer();
    Map<String, Object> v = start(l, current);
    String nameZh = required(t, "name_zh", "中文名称", 200, p);
    v.put("name_zh", nameZh);
    String nameEn = text(t, "name_en", 200, p);
    v.put("name_en", nameEn == null ? nameZh : nameEn);
    String kind = required(t, "kind", "类型", 50, p);
    Set<String> kinds = PlanValidator.KINDS.get(layer);
    if (kind != null && !kinds.contains(kind)) {
      p.add("kind", "“" + kind + "”不是本图层的类型；可选：" + String.join("、", kinds.stream().sorted().toList()),
          "'" + kind + "' is not a kind of layer " + layer + "; kinds: " + kinds.stream().sorted().toList());
    }
    v.put("kind", kind);
    v.put("planned_area_km2", number(t, "planned_area_km2", 0.000001, 100000, p));
    v.put("positioning", text(t, "positioning", 2000, p));
    v.put("lead_industries", text(t, "lead_industries", 2000, p));
    v.put("placement_note", text(t, "placement_note", 2000, p));
    v.put("placement_note_zh", text(t, "placement_note_zh", 2000, p));
    v.put("investment_yi", number(t, "investment_yi", 0, 1_000_000, p));
    status(t, v, p);
    period(t, v, p);
    source(t, v, p);

    Geometry g = chosenGeometry(current, t);
    boolean changed = geometryChanged(current, g);
    schematic(current, t, changed, v, p);
    if (g == null) {
      p.add("geometry", "规划要素必须有图形", "a plan feature needs a geometry");
      return new Built(v, null);
    }
    boolean area = !layer.equals("infrastructure");
    if (area && g.getDimension() != 2) {
      p.add("geometry", "本图层的要素必须是多边形，收到 " + g.getGeometryType(), "layer " + layer + " needs a polygon, got "
          + g.getGeometryType());
      return new Built(v, g);
    }
    if (!valid(g, t, p) || !inChina(g, p)) {
      return new Built(v, g);
    }
    g.setSRID(4490);
    double m2 = g.getDimension() == 2 ? Geodesy.areaM2(g) : 0;
    v.put("area_m2", m2 > 0 ? round(m2, 1) : null);
    v.put("area_mu", m2 > 0 ? round(m2 / Geodesy.M2_PER_MU, 2) : null);
    v.put("length_km", g.getDimension() == 1 ? round(Geodesy.lengthM(g) / 1000, 2) : current == null ? null
        : current.get("length_km"));
    String zone = zone(current, t, g, changed, lk, v, p);
    references(t, lk, v, p);
    if (changed && zone != null) {
      placement(layer, current, g, zone, lk, v, p);
    }
    return new Built(v, g);
  }

  private static void status(Target t, Map<String, Object> v, Problems p) {
    String s = text(t, "status", 50, p);
    if (s == null) {
      v.put("status", null);
      return;
    }
    String code = STATUS.get(s);
    if (code == null) {
      p.add("status", "状态只能是 规划、拟建、在建 或 已建，收到“" + s + "”",
          "must be planned, proposed, under_construction or existing, got '" + s + "'");
      return;
    }
    v.put("status", code);
  }

  private static void period(Target t, Map<String, Object> v, Problems p) {
    String s = text(t, "period", 20, p);
    if (s == null) {
      v.put("period", null);
      return;
    }
    Matcher m = PERIOD.matcher(s.replace('–', '-').replace('—', '-').replace(" ", ""));
    if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))
        || Integer.parseInt(m.group(1)) < 1949 || Integer.parseInt(m.group(2)) > 2100) {
      p.add("period", "建设期应写作“起始年-结束年”，如 2021-2025，收到“" + s + "”",
          "must be start-end years such as 2021-2025, got '" + s + "'");
      return;
    }
    v.put("period", m.group(1) + "-" + m.group(2));
  }

  /** Every plan feature cites where it comes from: a seed document and its lines, or another document. */
  private static void source(Target t, Map<String, Object> v, Problems p) {
    String doc = required(t, "source_doc", "来源文件", 200, p);
    String lines = required(t, "source_lines", "来源行号或条款", 100, p);
    v.put("source_doc", doc);
    v.put("source_lines", lines);
    if (doc == null || lines == null || !SEED_DOC.matcher(doc).matches()) {
      return;
    }
    List<String> text = SOURCES.lines(doc);
    if (text == null) {
      p.add("source_doc", "没有这份规划文件：" + doc, "no such plan document: " + doc);
      return;
    }
    try {
      for (int n : SourcesRoutes.parse(lines)) {
        if (n < 1 || n > text.size()) {
          p.add("source_lines", "第 " + n + " 行超出文件范围（共 " + text.size() + " 行）",
              "line " + n + " is outside the document (1.." + text.size() + ")");
          return;
        }
      }
    } catch (RuntimeException e) {
      p.add("source_lines", "行号应写作 939、1125-1127 或 939,941", "must be line numbers like 939, 1125-1127 or 939,941");
    }
  }

  private static void schematic(Versions.Row current, Target t, boolean geometryChanged, Map<String, Object> v,
      Problems p) {
    Boolean asked = bool(t, "schematic", p);
    boolean was = current == null || !Boolean.FALSE.equals(current.get("schematic"));
    boolean now = asked == null ? was : asked;
    if (was && !now && !(geometryChanged && t.names("schematic"))) {
      p.add("schematic", "示意图形只有在同一次提交中替换为实测图形时才能取消“示意”标记",
          "a schematic feature loses the mark only in the write that replaces its geometry with a surveyed one");
      now = true;
    }
    v.put("schematic", now);
  }

  /** The zone the request names, else (for a new or moved feature) the zone outline it lies in most. */
  private static String zone(Versions.Row current, Target t, Geometry g, boolean changed, Lookup lk,
      Map<String, Object> v, Problems p) throws SQLException {
    String zone = t.names("zone") ? text(t, "zone", 50, p) : (String) v.get("zone");
    if (!t.names("zone") && (current == null || changed)) {
      double best = 0;
      for (String z : PlanValidator.ZONES.stream().sorted().toList()) {
        var outline = lk.planFeature(z + "-zone");
        if (outline.isEmpty() || !outline.get().geom().intersects(g)) {
          continue;
        }
        double share = g.getDimension() == 2 ? overlap(g, outline.get().geom()).m2() : 1;
        if (share > best) {
          best = share;
          zone = z;
        }
      }
    }
    if (zone == null) {
      p.add("zone", "所属开发区为必填项（图形不在任何开发区内）", "is required (the geometry lies in no zone)");
      return null;
    }
    if (!PlanValidator.ZONES.contains(zone)) {
      p.add("zone", "未知的开发区“" + zone + "”；可选：" + String.join("、", PlanValidator.ZONES.stream().sorted().toList()),
          "unknown zone '" + zone + "'; zones: " + PlanValidator.ZONES.stream().sorted().toList());
      return null;
    }
    v.put("zone", zone);
    return zone;
  }

  private static void references(Target t, Lookup lk, Map<String, Object> v, Problems p) throws SQLException {
    String[][] refs = {{"board", "core-boards", "核心板块"}, {"park", "industrial-parks", "产业园区"}};
    for (String[] r : refs) {
      if (!t.names(r[0]) && v.get(r[0]) != null) {
        continue;
      }
      String id = text(t, r[0], 100, p);
      if (id != null && lk.planFeature(id).filter(a -> a.layer().equals(r[1])).isEmpty()) {
        p.add(r[0], "没有编号为“" + id + "”的" + r[2], "no " + r[1] + " feature '" + id + "'");
        continue;
      }
      v.put(r[0], id);
    }
  }

  /** Areas stay inside their zone's outline and their park; industrial parks do not overlap each other. */
  private static void placement(String layer, Versions.Row current, Geometry g, String zone, Lookup lk,
      Map<String, Object> v, Problems p) throws SQLException {
    if (layer.equals("zones") || layer.equals("infrastructure")) {
      return;
    }
    var outline = lk.planFeature(zone + "-zone");
    if (outline.isPresent()) {
      double out = outsideM2(g, outline.get().geom());
      if (out > TOLERANCE_M2 && out > Geodesy.areaM2(g) * 0.001) {
        p.add("geometry", String.format("有 %.0f m²（%.2f 亩）在开发区范围之外", out, out / Geodesy.M2_PER_MU),
            String.format("%.0f m² lie outside the zone's outline", out));
      }
    }
    if (layer.equals("small-micro-parks") && v.get("park") != null) {
      var park = lk.planFeature((String) v.get("park"));
      if (park.isPresent()) {
        double out = outsideM2(g, park.get().geom());
        if (out > TOLERANCE_M2) {
          p.add("geometry", String.format("有 %.0f m² 在所属产业园区之外", out), String.format("%.0f m² lie outside its park", out));
        }
      }
    }
    if (layer.equals("industrial-parks")) {
      String self = current == null ? null : current.id();
      for (Lookup.Near n : lk.planLayerNear(layer, g.getEnvelopeInternal())) {
        if (n.id().equals(self)) {
          continue;
        }
        Overlap o = overlap(g, n.geom());
        if (o.m2() > TOLERANCE_M2) {
          p.add(new Problems.Problem("geometry", String.format("与产业园区 %s 重叠 %.0f m²", n.id(), o.m2()),
              String.format("overlaps industrial park %s by %.0f m²", n.id(), o.m2()), null, o.at(), null));
        }
      }
    }
  }
}
