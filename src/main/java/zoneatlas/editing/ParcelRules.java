package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.geo.Geodesy;
import zoneatlas.history.Versions;
import zoneatlas.imports.spatial.LandUseClasses;
import zoneatlas.imports.spatial.PlanAreas;
import zoneatlas.imports.spatial.StatusLabels;
import zoneatlas.layers.Layer;
import zoneatlas.model.ParcelStatus;

/**
 * A land officer's parcel (地块): one valid polygon in China, overlapping no neighbour by more than
 * {@value FeatureRules#TOLERANCE_M2} m², inside its park and small-micro park; a land-use code of the
 * national classification; a status that follows the land cycle; figures within range. Areas in m²
 * and mu are recomputed geodesically on every geometry change, the land-use name from the code;
 * zone, board, park and small-micro park are placed from the plan when the geometry changes, unless
 * the request names them.
 */
final class ParcelRules extends FeatureRules {
  private static final Set<String> COMPUTED = Set.of("area_m2", "area_mu", "land_use_name", "synthetic");
  private static final String[][] PLACES = {
    {"board", "core-boards", "核心板块"}, {"park", "industrial-parks", "产业园区"}, {"small_micro_park", "small-micro-parks", "小微企业园"}};

  /** Parcels the write replaces or removes (a split's parent, a merge's parts): not neighbours to overlap. */
  private final Set<String> replaced;

  ParcelRules() {
    this(Set.of());
  }

  ParcelRules(Set<String> replaced) {
    this.replaced = replaced;
  }

  @Override
  Set<String> computed() {
    return COMPUTED;
  }

  @Override
  Built build(Layer l, Versions.Row current, Target t, Mode mode, Lookup lk, Problems p) throws SQLException {
    Map<String, Object> v = start(l, current);
    landUse(t, v, p);
    status(current, t, mode, v, p);
    v.put("floor_area_m2", number(t, "floor_area_m2", 0, 1e8, p));
    v.put("far", number(t, "far", 0, 30, p));
    v.put("coverage", number(t, "coverage", 0, 1, p));
    v.put("far_min", number(t, "far_min", 0, 30, p));
    v.put("coverage_min", number(t, "coverage_min", 0, 1, p));
    v.put("req_invest_wan_per_mu", number(t, "req_invest_wan_per_mu", 0, 1e6, p));
    v.put("req_tax_wan_per_mu", number(t, "req_tax_wan_per_mu", 0, 1e5, p));
    Long supply = year(t, "supply_year", p);
    Long start = year(t, "build_start_year", p);
    if (supply != null && start != null && start < supply) {
      p.add("build_start_year", "开工年份（" + start + "）早于供地年份（" + supply + "）",
          "construction cannot start (" + start + ") before the land was supplied (" + supply + ")");
    }
    v.put("supply_year", supply);
    v.put("build_start_year", start);
    v.put("synthetic", current == null ? Boolean.FALSE : current.get("synthetic"));

    Geometry g = chosenGeometry(current, t);
    if (g == null) {
      p.add("geometry", "地块必须有图形（多边形）", "a parcel needs a polygon geometry");
      return new Built(v, null);
    }
    boolean changed = geometryChanged(current, g);
    Polygon poly = onePolygon(g, p, "地块");
    if (poly == null || !valid(poly, t, p) || !inChina(poly, p)) {
      return new Built(v, poly);
    }
    poly.setSRID(4490);
    double m2 = Geodesy.areaM2(poly);
    if (m2 < TOLERANCE_M2) {
      p.add("geometry", "地块面积不足 1 m²", "the parcel encloses less than 1 m²");
      return new Built(v, poly);
    }
    v.put("area_m2", round(m2, 2));
    v.put("area_mu", round(m2 / Geodesy.M2_PER_MU, 4));
    if (changed) {
      overlaps(current == null ? null : current.id(), poly, lk, p);
    }
    place(current, t, poly, m2, changed, v, lk, p);
    return new Built(v, poly);
  }

  private static void landUse(Target t, Map<String, Object> v, Problems p) {
    JsonNode raw = t.get("land_use_code");
    String code = raw == null ? null : LandUseClasses.normalise(raw.isNumber() ? raw.numberValue() : raw.asText());
    if (code == null || code.isEmpty()) {
      p.add("land_use_code", "用地分类代码为必填项（国土空间用地用海分类，如 100101 一类工业用地）",
          "is required (a code of the national land-use classification, e.g. 100101)");
      return;
    }
    String name = LandUseClasses.name(code);
    if (name == null) {
      p.add("land_use_code", "“" + code + "”不是国土空间用地用海分类中的代码（如 1001 工业用地、100101 一类工业用地、1101 物流仓储用地）",
          "'" + code + "' is not a code of the national land-use classification (e.g. 1001, 100101, 1101)");
      return;
    }
    v.put("land_use_code", code);
    v.put("land_use_name", name);
  }

  private static void status(Versions.Row current, Target t, Mode mode, Map<String, Object> v, Problems p) {
    JsonNode raw = t.get("status");
    if (raw == null || raw.asText().isBlank()) {
      p.add("status", "土地状态为必填项", "is required");
      return;
    }
    ParcelStatus to = StatusLabels.parse(raw.asText());
    if (to == null) {
      p.add("status", "未知的土地状态“" + raw.asText() + "”；可选：" + labels(List.of(ParcelStatus.values()), true),
          "unknown status '" + raw.asText() + "'; one of " + labels(List.of(ParcelStatus.values()), false));
      return;
    }
    ParcelStatus from = current == null ? null : StatusLabels.parse((String) current.get("status"));
    if (mode == Mode.UPDATE && from != null && !StatusCycle.allowed(from, to)) {
      List<ParcelStatus> next = StatusCycle.next(from);
      p.add("status", "土地状态不能从“" + from.zh + "”直接变为“" + to.zh + "”；按土地供应周期，下一步只能是："
          + labels(next, true) + "（或保持“" + from.zh + "”）",
          "the land cycle does not go from " + from.name() + " to " + to.name() + "; allowed next: " + labels(next, false)
              + " (or stay " + from.name() + ")");
      return;
    }
    v.put("status", to.name());
  }

  static String labels(List<ParcelStatus> list, boolean zh) {
    List<String> out = new ArrayList<>();
    for (ParcelStatus s : list) {
      out.add(zh ? s.zh : s.name());
    }
    return String.join(zh ? "、" : ", ", out);
  }

  private void overlaps(String self, Polygon poly, Lookup lk, Problems p) throws SQLException {
    Map<String, Overlap> hits = new LinkedHashMap<>();
    for (Lookup.Near n : lk.parcelsNear(poly.getEnvelopeInternal())) {
      if (n.id().equals(self) || replaced.contains(n.id())) {
        continue;
      }
      Overlap o = overlap(poly, n.geom());
      if (o.m2() > TOLERANCE_M2) {
        hits.put(n.id(), o);
      }
    }
    hits.entrySet().stream().sorted(LARGEST_FIRST).limit(5).forEach(e -> p.add(new Problems.Problem("geometry",
        String.format("与相邻地块 %s 重叠 %.1f m²（%.3f 亩），超过 1 m² 的容差；请沿相邻地块边界绘制（可开启吸附）", e.getKey(),
            e.getValue().m2(), e.getValue().m2() / Geodesy.M2_PER_MU),
        String.format("overlaps parcel %s by %.1f m², more than the 1 m² tolerance; draw along the neighbour's edge",
            e.getKey(), e.getValue().m2()), null, e.getValue().at(), null)));
  }

  /**
   * Zone, board, park and small-micro park. A new or moved parcel is placed by its largest overlap
   * with the plan; a name the request gives is kept if it exists. Either way the parcel must lie
   * inside the park and small-micro park it ends up in.
   */
  private static void place(Versions.Row current, Target t, Polygon poly, double m2, boolean changed,
      Map<String, Object> v, Lookup lk, Problems p) throws SQLException {
    PlanAreas plan = lk.planAreasNear(poly.getEnvelopeInternal());
    PlanAreas.Placement placed = changed ? plan.place(poly, m2) : null;
    for (String[] place : PLACES) {
      String field = place[0];
      if (t.names(field)) {
        String id = text(t, field, 100, p);
        if (id != null && lk.planFeature(id).filter(a -> a.layer().equals(place[1])).isEmpty()) {
          p.add(field, "没有编号为“" + id + "”的" + place[2], "no " + place[1] + " feature '" + id + "'");
          continue;
        }
        v.put(field, id);
      } else if (changed) {
        v.put(field, field.equals("board") ? placed.board() : field.equals("park") ? placed.park() : placed.smallMicroPark());
      }
    }
    if (t.names("zone")) {
      String zone = text(t, "zone", 50, p);
      if (zone == null || !plan.zoneCodes().contains(zone)) {
        p.add("zone", "未知的开发区“" + zone + "”", "unknown zone '" + zone + "'; zones: " + plan.zoneCodes());
      } else {
        v.put("zone", zone);
      }
    } else if (changed) {
      v.put("zone", placed.zone());
    }
    if (v.get("zone") == null && !p.has("zone")) {
      p.add("geometry", "地块不在任何开发区范围内；请检查位置，或在“所属开发区”中指定", "lies in none of the zones; check the"
          + " position or name the zone");
    }
    if (!changed && current != null && !t.names("park") && !t.names("small_micro_park")) {
      return;
    }
    for (String[] place : PLACES) {
      String id = (String) v.get(place[0]);
      if (id == null || place[0].equals("board")) {
        continue;
      }
      var area = lk.planFeature(id);
      if (area.isEmpty()) {
        continue;
      }
      double outside = outsideM2(poly, area.get().geom());
      if (outside > TOLERANCE_M2) {
        p.add(place[0], String.format("地块有 %.1f m²（%.3f 亩）在所属%s“%s”范围之外；请沿其边界绘制，或清空“所属%s”", outside,
            outside / Geodesy.M2_PER_MU, place[2], id, place[2]),
            String.format("%.1f m² of the parcel lie outside its %s %s; draw along its boundary or clear the field",
                outside, place[1], id));
      }
    }
  }
}
