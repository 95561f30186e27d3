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
 * infrastructure category (geodesic, in Java), and pass the standard-land test for the
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
  record Query(List<String> statuses, Double areaMuMin, Double areaMuMax, String landUse, String zone, String park,
      Map<String, Double> maxDistanceM, Investor investor, int limit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Distance(String feature_id, String name_zh, String name_en, double distance_m, double max_m) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Site(int rank, String id, String zone, String board, String park, String small_micro_park,
      String land_use_code, String land_use_name, String status, String status_zh, double area_mu, double area_ha,
      Double req_invest_wan_per_mu, Double req_tax_wan_per_mu, double[] point, Map<String, Distance> distances,
      StandardLand.Test standard_land, Double score, List<Reason> reasons, String card) {}

  record Result(Query query, long candidates, long qualified, int numberReturned, boolean truncated,
      Map<String, Long> excluded, String ranking, List<Site> sites, boolean synthetic) {}

  private record Scored(ParcelRow p, Map<String, Distance> d, StandardLand.Test t, Double score) {}

  Result find(Query q) throws SQLException {
    Map<String, Long> excluded = new TreeMap<>();
    List<Scored> found = new ArrayList<>();
    long[] seen = {0};
    try (Connection c = repo.connection()) {
      Map<String, KindIndex> indexes = new LinkedHashMap<>();
      for (var e : q.maxDistanceM().entrySet()) {
        indexes.put(e.getKey(), new KindIndex(repo.infrastructureOfKind(c, e.getKey(), MAX_FEATURES), e.getValue()));
      }
      CandidateFilter f = new CandidateFilter(q.statuses(), q.areaMuMin(), q.areaMuMax(), q.landUse(), q.zone(), q.park());
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
    return new Result(q, seen[0], found.size(), sites.size(), found.size() > sites.size(), excluded, ranking(q), sites,
        true);
  }

  private static String ranking(Query q) {
    List<String> parts = new ArrayList<>();
    if (!q.maxDistanceM().isEmpty()) {
      parts.add("proximity = mean over the chosen categories of (1 - distance/limit)");
    }
    if (q.investor().invest_wan() != null || q.investor().tax_wan() != null) {
      parts.add("land fit = parcel area / the largest area the project qualifies for there (totals ÷ requirement per mu;"
          + " only for parcels that set a requirement)");
    }
    if (parts.isEmpty()) {
      return "no distance limits or project totals given: largest parcels first";
    }
    return "score = mean of the parts that apply to the parcel: " + String.join("; ", parts)
        + "; higher first, parcels without a score last, then larger parcels";
  }

  /** The tests of one parcel; null (and a count in {@code excluded}) when it fails one. */
  private Scored assess(ParcelRow p, Query q, Map<String, KindIndex> indexes, Map<String, Long> excluded) {
    Map<String, Distance> dist = new LinkedHashMap<>();
    double proximity = 0;
    if (!indexes.isEmpty()) {
      Plane plane = Plane.forLongitude(p.geom().getEnvelopeInternal().centre().x);
      Projected site = Projected.of(p.geom(), plane);
      for (var e : indexes.entrySet()) {
        KindIndex ki = e.getValue();
        Distance best = ki.nearest(site, plane);
        if (best == null) {
          excluded.merge("farther_than_limit." + e.getKey(), 1L, Long::sum);
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
        excluded.merge("investment_intensity_below_requirement", 1L, Long::sum);
        return null;
      }
      if (Boolean.FALSE.equals(t.tax_ok())) {
        excluded.merge("tax_per_mu_below_requirement", 1L, Long::sum);
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
    reasons.add(new Reason("status", true, "状态：" + st.zh(), "status: " + st.en()));
    if (q.areaMuMin() != null || q.areaMuMax() != null) {
      String range = (q.areaMuMin() == null ? "" : StandardLand.fmt(q.areaMuMin())) + "–"
          + (q.areaMuMax() == null ? "" : StandardLand.fmt(q.areaMuMax()));
      reasons.add(new Reason("area", true, String.format(Locale.ROOT, "面积 %.2f 亩，在 %s 亩范围内", p.areaMu(), range),
          String.format(Locale.ROOT, "area %.2f mu, within %s mu", p.areaMu(), range)));
    }
    if (q.landUse() != null) {
      reasons.add(new Reason("land_use", true, "用地 " + p.landUseCode() + " " + p.landUseName() + "，属 " + q.landUse() + " 类",
          "land use " + p.landUseCode() + " is in class " + q.landUse()));
    }
    for (var e : s.d().entrySet()) {
      Labels.Label k = Labels.kind(e.getKey());
      Distance d = e.getValue();
      reasons.add(new Reason("distance." + e.getKey(), true,
          String.format(Locale.ROOT, "距最近%s（%s）%s，不超过 %s", k.zh(), d.name_zh(), km(d.distance_m()), km(d.max_m())),
          String.format(Locale.ROOT, "nearest %s (%s) %s, within %s", k.en(), d.name_en(), km(d.distance_m()), km(d.max_m()))));
    }
    if (s.t() != null) {
      reasons.addAll(s.t().reasons());
    }
    Point ip = p.geom().getInteriorPoint();
    return new Site(rank, p.id(), p.zone(), p.board(), p.park(), p.smallMicroPark(), p.landUseCode(), p.landUseName(),
        p.status(), st.zh(), Out.round(p.areaMu(), 2), Out.ha(p.areaM2()), p.reqInvestWanPerMu(), p.reqTaxWanPerMu(),
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
    return m < 1000 ? String.format(Locale.ROOT, "%.0f m", m) : String.format(Locale.ROOT, "%.2f km", m / 1000);
  }

  /** One category's features, indexed by their boxes widened by the category's distance limit. */
  private static final class KindIndex {
    final double maxM;
    final STRtree tree = new STRtree();
    final Map<String, Projected> projected = new HashMap<>();

    KindIndex(List<PlanRow> rows, double maxM) {
      this.maxM = maxM;
      for (PlanRow r : rows) {
        tree.insert(Proximity.window(r.geom().getEnvelopeInternal(), maxM), r);
      }
      tree.build();
    }

    /** The nearest feature within the limit, or null. */
    Distance nearest(Projected site, Plane plane) {
      Envelope e = site.lonLat().getEnvelopeInternal();
      Distance best = null;
      String bestId = null;
      double bestM = Double.POSITIVE_INFINITY;
      for (Object o : tree.query(e)) {
        PlanRow r = (PlanRow) o;
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
