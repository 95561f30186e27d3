package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import zoneatlas.http.ApiError;
import zoneatlas.sites.Out.Reason;
import zoneatlas.sites.Proximity.Nearest;
import zoneatlas.sites.Proximity.Projected;
import zoneatlas.sites.SiteRepo.CandidateFilter;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlanRow;
import zoneatlas.sites.StandardLand.Investor;

/**
 * The investment site finder: parcels open to investors (by default available or idle) that
 * pass the attribute filters (in SQL), lie within the longest acceptable distance of each chosen
 * infrastructure category (geodesic, in Java; only facilities that can serve the parcel count,
 * {@link ServiceArea}), and pass the standard-land test for the
 * investor's projected investment and tax. Only qualifying sites are listed, ranked, each with
 * the reasons it qualifies; the answer also counts the candidates each test turned away.
 *
 * <p>Infrastructure is a small table, so each chosen category is read whole once; an R-tree of
 * its features' boxes widened by the distance limit gives each parcel the few features worth
 * measuring.
 */
final class SiteFinder {
  static final List<String> DEFAULT_STATUSES = List.of("available", "idle");
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final int MAX_FEATURES = 10_000;

  private final SiteRepo repo;
  private final SitesService.Limits limits;

  SiteFinder(SiteRepo repo, SitesService.Limits limits) {
    this.repo = repo;
    this.limits = limits;
  }

  /** A checked finder request. {@code maxDistanceM} keeps the caller's category order. */
  record Query(List<String> statuses, Double areaMuMin, Double areaMuMax, String landUse, String zone, String board,
      String park, Map<String, Double> maxDistanceM, Investor investor, int limit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Distance(String feature_id, String name_zh, String name_en, double distance_m, double max_m) {}

  /** {@code name_zh/en}: the parcel as readers name it ({@link Labels#parcelName}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Site(int rank, String id, String name_zh, String name_en, String zone, String board, String park,
      String small_micro_park, String land_use_code, String land_use_name, String status, String status_zh,
      String status_en, double area_mu, double area_ha, Double req_invest_wan_per_mu, Double req_tax_wan_per_mu,
      double[] point, Map<String, Distance> distances, StandardLand.Test standard_land, Double score,
      List<Reason> reasons, String card) {}

  /** Why some candidates were turned away: {@code count} parcels, said in each language. */
  record Excluded(String code, long count, String zh, String en) {}

  /**
   * {@code excluded}: counts by code (for programs); {@code excluded_reasons}: the same as
   * sentences. {@code ranking} (English) and {@code ranking_zh}: how the list is ordered.
   */
  record Result(Query query, long candidates, long qualified, int numberReturned, boolean truncated,
      Map<String, Long> excluded, List<Excluded> excluded_reasons, String ranking, String ranking_zh,
      List<Site> sites, boolean synthetic) {}

  private record Scored(ParcelRow p, Map<String, Distance> d, StandardLand.Test t, Double score) {}

  Result find(Query q) throws SQLException {
    Map<String, Long> excluded = new TreeMap<>();
    List<Scored> found = new ArrayList<>();
    long[] seen = {0};
    try (Connection c = repo.connection()) {
      Map<String, KindIndex> indexes = new LinkedHashMap<>();
      for (var e : q.maxDistanceM().entrySet()) {
        indexes.put(e.getKey(), new KindIndex(e.getKey(), repo.infrastructureOfKind(c, e.getKey(), MAX_FEATURES),
            e.getValue()));
      }
      CandidateFilter f = new CandidateFilter(q.statuses(), q.areaMuMin(), q.areaMuMax(), q.landUse(), q.zone(),
          q.board(), q.park());
      repo.candidates(c, f, limits.candidates() + 1, p -> {
        if (++seen[0] > limits.candidates()) {
          throw ApiError.badParam("filters", "more than " + limits.candidates()
              + " parcels match the attribute filters; narrow them (zone, park, land_use, area_mu_min/max)");
        }
        Scored s = assess(p, q, indexes, excluded);
        if (s != null) {
          found.add(s);
        }
        return true;
      });
    }
    found.sort(Comparator.comparing((Scored s) -> s.score() == null ? Double.POSITIVE_INFINITY : -s.score())
        .thenComparing(s -> -s.p().areaMu()).thenComparing(s -> s.p().id()));
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < found.size() && i < q.limit(); i++) {
      sites.add(site(i + 1, found.get(i), q));
    }
    return new Result(q, seen[0], found.size(), sites.size(), found.size() > sites.size(), excluded,
        excludedReasons(excluded, q), ranking(q, false), ranking(q, true), sites, true);
  }

  /** The ranking formula in words, in Chinese or English. */
  static String ranking(Query q, boolean zh) {
    boolean near = !q.maxDistanceM().isEmpty();
    boolean fit = q.investor().invest_wan() != null || q.investor().tax_wan() != null;
    if (!near && !fit) {
      return zh ? "未设距离要求，也未填项目投资或税收总额：按面积从大到小排列。"
          : "No distance limits and no project totals given: largest parcels first.";
    }
    List<String> parts = new ArrayList<>();
    if (near) {
      parts.add(zh ? "接近程度：对所选的每类设施算“1 − 实际距离 ÷ 要求的最远距离”（紧挨设施为 1，恰在最远距离上为 0），再取平均"
          : "nearness: for each chosen kind of facility, 1 − distance ÷ the longest acceptable distance (1 next to it,"
              + " 0 at the limit), averaged");
    }
    if (fit) {
      parts.add(zh ? "用地匹配：地块面积 ÷ 项目可申请的最大面积（项目投资或税收总额 ÷ 该地块每亩要求，取较小者），最高为 1，"
              + "即地块越接近项目按标准地可用的面积越好；地块未设要求时不计此项"
          : "land fit: the parcel's area ÷ the largest area the project qualifies for there (its investment or tax"
              + " total ÷ the parcel's requirement per mu, the smaller), at most 1, so a parcel the project can just fill"
              + " ranks high; left out where the parcel sets no requirement");
    }
    if (zh) {
      return "得分在 0 到 1 之间：" + (parts.size() > 1 ? "取以下两项的平均。" : "") + String.join("；", parts)
          + "。得分高的在前；同分时面积大的在前。";
    }
    return "The score runs from 0 to 1" + (parts.size() > 1 ? ", the mean of two parts: " : ": ") + String.join("; ", parts)
        + ". Higher scores first; on a tie, larger parcels first.";
  }

  /** Each count of turned-away candidates as a sentence. */
  static List<Excluded> excludedReasons(Map<String, Long> excluded, Query q) {
    List<Excluded> out = new ArrayList<>();
    for (var e : excluded.entrySet()) {
      String code = e.getKey();
      long n = e.getValue();
      String zh;
      String en;
      if (code.startsWith(FARTHER)) {
        String kind = code.substring(FARTHER.length());
        Labels.Label k = Labels.kind(kind);
        Double limit = q.maxDistanceM().get(kind);
        String lim = limit == null ? "" : StandardLand.fmt(limit / 1000);
        ServiceArea.Scope scope = ServiceArea.rule(kind).scope();
        zh = String.format(Locale.ROOT, "%d 个地块距%s超过要求的 %s 公里%s", n, k.zh(), lim,
            scope == ServiceArea.Scope.any ? "" : scope == ServiceArea.Scope.city ? "（只计同城设施）" : "（只计本开发区及全市性设施）");
        en = String.format(Locale.ROOT, "%d %s farther than the required %s km from a %s%s", n, n == 1 ? "parcel is" : "parcels are",
            lim, k.en(), scope == ServiceArea.Scope.any ? "" : scope == ServiceArea.Scope.city ? " (of the same city)"
                : " (of the same zone or the city-wide plan)");
      } else if (code.equals(BELOW_INVEST)) {
        zh = n + " 个地块要求的投资强度（万元/亩）高于本项目在该地块上能达到的";
        en = n + (n == 1 ? " parcel requires" : " parcels require") + " a higher investment per mu than the project reaches there";
      } else if (code.equals(BELOW_TAX)) {
        zh = n + " 个地块要求的亩均税收高于本项目在该地块上能达到的";
        en = n + (n == 1 ? " parcel requires" : " parcels require") + " a higher tax per mu than the project reaches there";
      } else {
        zh = n + " 个地块未通过其他条件";
        en = n + " turned away for other reasons";
      }
      out.add(new Excluded(code, n, zh, en));
    }
    return out;
  }

  static final String FARTHER = "farther_than_limit.";
  static final String BELOW_INVEST = "investment_intensity_below_requirement";
  static final String BELOW_TAX = "tax_per_mu_below_requirement";

  /** The tests of one parcel; null (and a count in {@code excluded}) when it fails one. */
  private Scored assess(ParcelRow p, Query q, Map<String, KindIndex> indexes, Map<String, Long> excluded) {
    Map<String, Distance> dist = new LinkedHashMap<>();
    double proximity = 0;
    if (!indexes.isEmpty()) {
      Plane plane = Plane.forLongitude(p.geom().getEnvelopeInternal().centre().x);
      Projected site = Projected.of(p.geom(), plane);
      for (var e : indexes.entrySet()) {
        KindIndex ki = e.getValue();
        Distance best = ki.nearest(site, p.zone(), plane);
        if (best == null) {
          excluded.merge(FARTHER + e.getKey(), 1L, Long::sum);
          return null;
        }
        dist.put(e.getKey(), best);
        proximity += 1 - best.distance_m() / ki.maxM;
      }
      proximity /= indexes.size();
    }
    StandardLand.Test t = null;
    if (q.investor().given()) {
      t = StandardLand.test(p, q.investor());
      if (Boolean.FALSE.equals(t.invest_ok())) {
        excluded.merge(BELOW_INVEST, 1L, Long::sum);
        return null;
      }
      if (Boolean.FALSE.equals(t.tax_ok())) {
        excluded.merge(BELOW_TAX, 1L, Long::sum);
        return null;
      }
    }
    List<Double> parts = new ArrayList<>();
    if (!indexes.isEmpty()) {
      parts.add(proximity);
    }
    if (t != null && t.max_area_mu() != null) {
      parts.add(Math.min(1.0, p.areaMu() / t.max_area_mu()));
    }
    Double score = parts.isEmpty() ? null : Out.round(parts.stream().mapToDouble(Double::doubleValue).average().orElse(0), 4);
    return new Scored(p, dist, t, score);
  }

  private Site site(int rank, Scored s, Query q) {
    ParcelRow p = s.p();
    Labels.Label st = Labels.status(p.status());
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason("status", true, "土地状态为" + st.zh() + "，可供招商", "status: " + st.en() + ", open to investors"));
    if (q.areaMuMin() != null || q.areaMuMax() != null) {
      String min = q.areaMuMin() == null ? null : StandardLand.fmt(q.areaMuMin());
      String max = q.areaMuMax() == null ? null : StandardLand.fmt(q.areaMuMax());
      String zh = min != null && max != null ? "在要求的 " + min + "–" + max + " 亩之间"
          : min != null ? "不小于要求的 " + min + " 亩" : "不大于要求的 " + max + " 亩";
      String en = min != null && max != null ? "within the required " + min + "–" + max + " mu"
          : min != null ? "at least the required " + min + " mu" : "at most the required " + max + " mu";
      reasons.add(new Reason("area", true, String.format(Locale.ROOT, "面积 %.2f 亩，%s", p.areaMu(), zh),
          String.format(Locale.ROOT, "area %.2f mu, %s", p.areaMu(), en)));
    }
    if (q.landUse() != null) {
      reasons.add(new Reason("land_use", true, "用地分类 " + p.landUseCode() + " " + p.landUseName() + "，属所选的 " + q.landUse() + " 类",
          "land-use code " + p.landUseCode() + ", in the chosen class " + q.landUse()));
    }
    for (var e : s.d().entrySet()) {
      Labels.Label k = Labels.kind(e.getKey());
      Distance d = e.getValue();
      reasons.add(new Reason("distance." + e.getKey(), true,
          String.format(Locale.ROOT, "距最近的%s（%s）%s，在要求的 %s 以内", k.zh(), d.name_zh(), kmZh(d.distance_m()),
              kmZh(d.max_m())),
          String.format(Locale.ROOT, "nearest %s (%s) %s away, within the required %s", k.en(), d.name_en(),
              km(d.distance_m()), km(d.max_m()))));
    }
    if (s.t() != null) {
      reasons.addAll(s.t().reasons());
    }
    Point ip = p.geom().getInteriorPoint();
    Labels.Label name = Labels.parcelName(p.id(), p.zone());
    return new Site(rank, p.id(), name.zh(), name.en(), p.zone(), p.board(), p.park(), p.smallMicroPark(),
        p.landUseCode(), p.landUseName(), p.status(), st.zh(), st.en(), Out.round(p.areaMu(), 2), Out.ha(p.areaM2()), p.reqInvestWanPerMu(), p.reqTaxWanPerMu(),
        Out.lonLat(ip.getCoordinate()), s.d(), s.t(), s.score(), reasons, cardLink(p.id(), q.investor()));
  }

  static String cardLink(String id, Investor inv) {
    StringBuilder b = new StringBuilder("/site.html?id=").append(java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    appendParam(b, "invest_wan", inv.invest_wan());
    appendParam(b, "invest_wan_per_mu", inv.invest_wan_per_mu());
    appendParam(b, "tax_wan", inv.tax_wan());
    appendParam(b, "tax_wan_per_mu", inv.tax_wan_per_mu());
    return b.toString();
  }

  private static void appendParam(StringBuilder b, String name, Double v) {
    if (v != null) {
      b.append('&').append(name).append('=').append(StandardLand.fmt(v));
    }
  }

  static String km(double m) {
    return m < 1000 ? String.format(Locale.ROOT, "%.0f m", m) : StandardLand.fmt(m / 1000) + " km";
  }

  /** A distance as Chinese readers write it: 米 below a kilometre, else 公里. */
  static String kmZh(double m) {
    return m < 1000 ? String.format(Locale.ROOT, "%.0f 米", m) : StandardLand.fmt(m / 1000) + " 公里";
  }

  /** One category's features, indexed by their boxes widened by the category's distance limit. */
  private static final class KindIndex {
    final String kind;
    final double maxM;
    final STRtree tree = new STRtree();
    final Map<String, Projected> projected = new HashMap<>();

    KindIndex(String kind, List<PlanRow> rows, double maxM) {
      this.kind = kind;
      this.maxM = maxM;
      for (PlanRow r : rows) {
        tree.insert(Proximity.window(r.geom().getEnvelopeInternal(), maxM), r);
      }
      tree.build();
    }

    /** The nearest feature within the limit that can serve a parcel of {@code zone}, or null. */
    Distance nearest(Projected site, String zone, Plane plane) {
      Envelope e = site.lonLat().getEnvelopeInternal();
      Distance best = null;
      String bestId = null;
      double bestM = Double.POSITIVE_INFINITY;
      for (Object o : tree.query(e)) {
        PlanRow r = (PlanRow) o;
        if (!ServiceArea.serves(kind, r.zone(), zone)) {
          continue;
        }
        Projected f = projected.computeIfAbsent(plane.epsg + "/" + r.id(), k -> Projected.of(r.geom(), plane));
        Nearest n = Proximity.between(site, f, plane);
        if (n.metres() > maxM) {
          continue;
        }
        if (best == null || n.metres() < bestM || (n.metres() == bestM && r.id().compareTo(bestId) < 0)) {
          best = new Distance(r.id(), r.nameZh(), r.nameEn(), Out.round(n.metres(), 1), maxM);
          bestId = r.id();
          bestM = n.metres();
        }
      }
      return best;
    }
  }
}
