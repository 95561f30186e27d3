package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.history.LandUseVersions;
import zoneatlas.history.LandUseVersions.Link;

/**
 * The land-use links a write asks for (a parcel's enterprises, or an enterprise's parcels, each as
 * owner or tenant with a share of the parcel): read from the {@code land_uses} property and
 * checked, so that every linked feature exists and no parcel is held by owners, or leased to
 * tenants, for more than 100% of its area.
 */
final class LandLinks {
  private static final double EPS = 1e-9;

  private LandLinks() {}

  /**
   * The links of {@code selfId}, from the request's {@code land_uses} array: on a parcel each item
   * names an {@code enterprise_id}, on an enterprise a {@code parcel_id}.
   */
  static List<Link> parse(JsonNode arr, String selfId, boolean ofParcel, Problems p) {
    List<Link> out = new ArrayList<>();
    if (!arr.isArray()) {
      p.add("land_uses", "必须是列表", "must be an array of links");
      return out;
    }
    String other = ofParcel ? "enterprise_id" : "parcel_id";
    for (int i = 0; i < arr.size(); i++) {
      JsonNode n = arr.get(i);
      String f = "land_uses[" + i + "]";
      if (!n.isObject()) {
        p.add(f, "必须是对象，如 {\"" + other + "\": …, \"role\": \"owner\", \"share\": 1}", "must be an object");
        continue;
      }
      String id = n.path(other).isValueNode() ? n.path(other).asText().strip() : "";
      if (id.isEmpty()) {
        p.add(f + "." + other, (ofParcel ? "企业编号" : "地块编号") + "为必填项", "is required");
        continue;
      }
      String role = n.path("role").asText("owner");
      if (!role.equals("owner") && !role.equals("tenant")) {
        p.add(f + ".role", "用地方式只能是“权属”或“租用”", "must be owner or tenant");
        continue;
      }
      JsonNode s = n.path("share");
      double share = s.isMissingNode() || s.isNull() ? 1.0 : s.isNumber() ? s.asDouble() : Double.NaN;
      if (!(share > 0 && share <= 1 + EPS)) {
        p.add(f + ".share", "占地比例应大于 0、不超过 1（100%），收到 " + s,
            "must be more than 0 and at most 1 (100%), got " + s);
        continue;
      }
      Integer since = null;
      JsonNode y = n.path("since_year");
      if (!y.isMissingNode() && !y.isNull()) {
        if (!y.canConvertToInt() || y.asInt() < 1949 || y.asInt() > Year.now().getValue() + 1) {
          p.add(f + ".since_year", "起始年份无效：" + y, "is not a plausible year: " + y);
          continue;
        }
        since = y.asInt();
      }
      Link l = ofParcel ? new Link(id, selfId, role, share, since) : new Link(selfId, id, role, share, since);
      if (out.stream().anyMatch(l::sameKey)) {
        p.add(f, "同一" + (ofParcel ? "企业" : "地块") + "以同一方式出现了两次：" + id, "lists " + id + " as " + role + " twice");
        continue;
      }
      out.add(l);
    }
    return out;
  }

  /**
   * Checks a parcel's or an enterprise's new links: the features they name exist, and on every parcel
   * they touch the owners' and the tenants' shares each add up to at most 100%.
   *
   * @param before the live links of the feature being written, already locked
   */
  static void check(List<Link> after, List<Link> before, boolean ofParcel, Lookup lk, LandUseVersions luv, Problems p)
      throws SQLException {
    for (int i = 0; i < after.size(); i++) {
      Link l = after.get(i);
      boolean exists = ofParcel ? lk.enterpriseExists(l.enterpriseId()) : lk.parcel(l.parcelId()).isPresent();
      if (!exists) {
        String f = "land_uses[" + i + "]." + (ofParcel ? "enterprise_id" : "parcel_id");
        p.add(f, "没有编号为“" + (ofParcel ? l.enterpriseId() : l.parcelId()) + "”的" + (ofParcel ? "企业" : "地块"),
            "no " + (ofParcel ? "enterprise " + l.enterpriseId() : "parcel " + l.parcelId()));
      }
    }
    Set<String> parcels = new LinkedHashSet<>();
    after.forEach(l -> parcels.add(l.parcelId()));
    for (String parcel : parcels) {
      List<Link> onParcel = new ArrayList<>();
      if (ofParcel) {
        onParcel.addAll(after);
      } else {
        for (Link l : luv.lockParcel(parcel)) {
          if (before.stream().noneMatch(l::sameKey)) {
            onParcel.add(l);
          }
        }
        after.stream().filter(l -> l.parcelId().equals(parcel)).forEach(onParcel::add);
      }
      Map<String, Double> sums = new LinkedHashMap<>();
      onParcel.forEach(l -> sums.merge(l.role(), l.share(), Double::sum));
      sums.forEach((role, sum) -> {
        if (sum > 1 + EPS) {
          boolean owner = role.equals("owner");
          p.add("land_uses", String.format("地块 %s 的%s比例合计 %.1f%%，超过 100%%", parcel, owner ? "权属" : "租用", sum * 100),
              String.format("parcel %s: %s shares add up to %.1f%%, more than 100%%", parcel, owner ? "ownership" : "leased",
                  sum * 100));
        }
      });
    }
  }
}
