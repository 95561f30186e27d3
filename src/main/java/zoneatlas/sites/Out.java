package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import zoneatlas.geo.Geodesy;

/** Shapes of the answers shared by several site queries, and rounding for output. */
final class Out {
  private Out() {}

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  static Double round(Double v, int decimals) {
    return v == null ? null : round(v.doubleValue(), decimals);
  }

  static double mu(double m2) {
    return round(m2 / Geodesy.M2_PER_MU, 2);
  }

  static double ha(double m2) {
    return round(m2 / 10_000, 4);
  }

  static double[] lonLat(Coordinate c) {
    return new double[] {round(c.x, 7), round(c.y, 7)};
  }

  /** GeoJSON geometry text, 7 decimals (about 1 cm), without a crs member. */
  static String geojson(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter(7);
    w.setEncodeCRS(false);
    return w.write(g);
  }

  /** A plan feature as answers cite it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FeatureRef(String id, String layer, String layer_zh, String name_zh, String name_en, String kind,
      String kind_zh, String kind_en, String zone, String status) {
    static FeatureRef of(SiteRepo.PlanRow r) {
      boolean infra = "infrastructure".equals(r.layer());
      Labels.Label k = infra ? Labels.kind(r.kind()) : null;
      Labels.Label l = Labels.LAYER.get(r.layer());
      return new FeatureRef(r.id(), r.layer(), l == null ? null : l.zh(), r.nameZh(), r.nameEn(), r.kind(),
          k == null ? null : k.zh(), k == null ? null : k.en(), r.zone(), r.status());
    }
  }

  /** Parcels of one land-use class or status: count, area, and the part inside the query shape. */
  record Group(String code, String name_zh, String name_en, long count, double area_mu, double area_ha, Double part_mu,
      double share) {}

  /** Accumulates {@link Group}s: count, full area and clipped area per code, in m². */
  static final class Grouper {
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Labels.Label> names = new LinkedHashMap<>();

    void add(String code, Labels.Label name, double areaM2, double partM2) {
      double[] s = sums.computeIfAbsent(code, k -> new double[3]);
      s[0]++;
      s[1] += areaM2;
      s[2] += partM2;
      names.putIfAbsent(code, name);
    }

    /** Largest first by the clipped (else full) area; share of the total of that area. */
    List<Group> groups(boolean withPart) {
      double total = 0;
      for (double[] s : sums.values()) {
        total += withPart ? s[2] : s[1];
      }
      List<Group> out = new ArrayList<>();
      for (var e : sums.entrySet()) {
        double[] s = e.getValue();
        Labels.Label n = names.get(e.getKey());
        double basis = withPart ? s[2] : s[1];
        out.add(new Group(e.getKey(), n.zh(), n.en(), (long) s[0], mu(s[1]), ha(s[1]), withPart ? mu(s[2]) : null,
            total > 0 ? round(basis / total, 4) : 0));
      }
      out.sort(Comparator.comparingDouble((Group g) -> withPart ? g.part_mu() : g.area_mu()).reversed()
          .thenComparing(Group::code));
      return out;
    }
  }

  /** One line of a why-this-site list: what was checked, whether it passed, in both languages. */
  record Reason(String code, boolean ok, String zh, String en) {}
}
