package zoneatlas.editing;

import java.sql.SQLException;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import zoneatlas.demo.PlanValidator;
import zoneatlas.demo.SynthUscc;
import zoneatlas.history.Versions;
import zoneatlas.layers.Layer;

/**
 * A land officer's enterprise: a unified social credit code (统一社会信用代码) with a correct check
 * character and held by no other enterprise, a name, a known zone and park, a point on the map in
 * China (placed inside its first parcel when the request gives no point but links it to parcels).
 */
final class EnterpriseRules extends FeatureRules {
  private static final Set<String> COMPUTED = Set.of("synthetic");

  @Override
  Set<String> computed() {
    return COMPUTED;
  }

  @Override
  Built build(Layer l, Versions.Row current, Target t, Mode mode, Lookup lk, Problems p) throws SQLException {
    Map<String, Object> v = start(l, current);
    String uscc = required(t, "uscc", "统一社会信用代码", 18, p);
    if (uscc != null) {
      uscc = uscc.toUpperCase(Locale.ROOT);
      if (!SynthUscc.isValid(uscc)) {
        p.add("uscc", "“" + uscc + "”不是有效的统一社会信用代码（18 位，末位校验码须正确）",
            "'" + uscc + "' is not a valid unified social credit code (18 characters with a correct check character)");
      } else {
        var holder = lk.enterpriseWithUscc(uscc);
        if (holder.isPresent() && (current == null || !holder.get().equals(current.id()))) {
          p.add("uscc", "统一社会信用代码 " + uscc + " 已属于企业 " + holder.get(), "uscc " + uscc + " already belongs to "
              + holder.get());
        }
      }
    }
    v.put("uscc", uscc);
    String nameZh = required(t, "name_zh", "企业名称", 200, p);
    v.put("name_zh", nameZh);
    String nameEn = text(t, "name_en", 200, p);
    v.put("name_en", nameEn == null ? nameZh : nameEn);
    v.put("industry", text(t, "industry", 100, p));
    String size = text(t, "size_class", 10, p);
    if (size != null && !size.equals("规上") && !size.equals("规下")) {
      p.add("size_class", "企业规模只能是“规上”或“规下”", "must be 规上 (above designated size) or 规下");
    }
    v.put("size_class", size);
    Double founded = number(t, "founded_year", 1949, Year.now().getValue(), p);
    v.put("founded_year", founded == null ? null : founded.longValue());
    v.put("synthetic", current == null ? Boolean.FALSE : current.get("synthetic"));
    String park = text(t, "park", 100, p);
    if (park != null && lk.planFeature(park).filter(a -> a.layer().equals("industrial-parks")).isEmpty()) {
      p.add("park", "没有编号为“" + park + "”的产业园区", "no industrial park '" + park + "'");
    }
    v.put("park", park);

    Geometry g = chosenGeometry(current, t);
    if (g instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
      g = mp.getGeometryN(0);
    }
    if (g != null && !(g instanceof Point)) {
      p.add("geometry", "企业位置必须是一个点，收到 " + g.getGeometryType(), "must be a point, got " + g.getGeometryType());
      g = null;
    } else if (g != null && inChina(g, p)) {
      g.setSRID(4490);
    }
    String zone = text(t, "zone", 50, p);
    if (zone == null && t.landUses() != null && t.landUses().size() > 0) {
      var first = lk.parcel(t.landUses().get(0).path("parcel_id").asText(""));
      if (first.isPresent()) {
        zone = first.get().zone();
        if (g == null) {
          g = first.get().geom().getInteriorPoint();
          g.setSRID(4490);
        }
      }
    }
    if (zone == null) {
      p.add("zone", "所属开发区为必填项", "is required");
    } else if (!PlanValidator.ZONES.contains(zone)) {
      p.add("zone", "未知的开发区“" + zone + "”", "unknown zone '" + zone + "'");
    }
    v.put("zone", zone);
    return new Built(v, g);
  }
}
