package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.Disclosure;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyService;
import zoneatlas.efficiency.Level;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;
import zoneatlas.sites.Out.Group;
import zoneatlas.sites.SiteRepo.LandFigure;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.Shapes.Area;
import zoneatlas.sites.Shapes.Circle;
import zoneatlas.sites.Shapes.Shape;

/**
 * What is inside a drawn polygon, rectangle or circle: the parcels that meet it (or lie wholly
 * within it), their area in mu and ha, both whole and the part inside the shape, by land use and
 * status, and tax and revenue sums, as far as the caller's role may see: land officers and
 * administrators the exact sums of the enterprises on the parcels (and each enterprise); planners
 * only the sum of the cells already published ({@link Disclosure}) that lie wholly inside the
 * shape, so that no two drawn areas can be subtracted to reveal one enterprise.
 *
 * <p>The store returns the parcels whose geometry may meet the shape; whether one does, and
 * the area of the part inside (clipped with JTS, measured with {@link Geodesy#areaM2}), is
 * decided here, so both stores give the same answer. Circles are selected by exact geodesic
 * distance from the centre (see {@link Circle}). Totals cover every matching parcel even when the
 * list is cut at the result limit; a shape whose prefilter finds more than the candidate limit
 * is refused rather than run unbounded.
 */
final class InsideService {
  static final int MIN_GROUP = 3;
  /**
   * Clipping work one request may do, in vertex visits: each parcel that crosses the shape's edge
   * is clipped against the whole shape, so the cost is about (shape vertices + parcel vertices) per
   * such parcel. A hand-drawn area of a few hundred vertices over a park clips a few hundred
   * parcels (~10^5); a 5,000-vertex comb laid over a zone crosses every parcel there and spent
   * seconds of CPU per anonymous request. 2.5·10^6 (a 5,000-vertex shape across 500 parcels, a
   * 500-vertex one across 5,000) is about a third of a second of one core.
   */
  static final long CLIP_BUDGET = 2_500_000;
  private final SiteRepo repo;
  private final SitesService.Limits limits;
  private final EfficiencyService efficiency;

  InsideService(SiteRepo repo, SitesService.Limits limits, EfficiencyService efficiency) {
    this.repo = repo;
    this.limits = limits;
    this.efficiency = efficiency;
  }

  enum Mode {
    intersects,
    within
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ShapeInfo(String type, String mode, double area_m2, double area_mu, double area_ha, Double radius_m,
      double[] center, Integer vertices) {}

  record Totals(long count, double area_mu, double area_ha, double inside_mu, double inside_ha) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Parcel(String id, String zone, String park, String small_micro_park, String land_use_code,
      String land_use_name, String status, String status_zh, double area_mu, double area_ha, double inside_mu,
      double inside_ha, double inside_share, boolean within, @JsonIgnore Geometry geom) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EffGroup(String code, String name, long enterprises, double land_mu, Long with_figures, Double tax_wan,
      Double revenue_wan, Double tax_wan_per_mu, Double revenue_wan_per_mu, String suppressed, String suppressed_zh) {}

  /** A published cell counted in a planner's sum. */
  record Counted(String level, String level_zh, String id, String name_zh, int parcels) {}

  record EffEnterprise(String id, String name_zh, String name_en, List<String> parcels, double land_mu_here,
      double land_mu_all, Double tax_wan, Double revenue_wan, Double tax_wan_here, Double revenue_wan_here,
      Double tax_wan_per_mu) {}

  /**
   * @param counted for planners: the published cells the sums are made of (coarsest first)
   * @param parcels_left_out for planners: selected parcels whose figures are in no counted cell
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Efficiency(String label_zh, String label_en, String access, String access_zh, Integer year, EffGroup total,
      List<EffGroup> by_land_use, List<EffEnterprise> enterprises, String method, String method_zh,
      List<Counted> counted, Integer parcels_counted, Integer parcels_left_out) {}

  record Result(ShapeInfo shape, Totals totals, List<Group> by_land_use, List<Group> by_status, long numberMatched,
      int numberReturned, boolean truncated, int limit, List<Parcel> parcels, Efficiency efficiency, boolean synthetic,
      String method) {}

  Result inside(Shape shape, Mode mode, Role role, int limit) throws SQLException {
    Plane plane = shape instanceof Circle ? Plane.forLongitude(shape.refLon()) : null;
    List<Parcel> list = new ArrayList<>();
    Out.Grouper byUse = new Out.Grouper();
    Out.Grouper byStatus = new Out.Grouper();
    Map<String, ParcelRow> matched = new HashMap<>();
    Set<String> within = new HashSet<>();
    double[] sums = new double[2];
    long[] seen = {0};
    Budget budget = new Budget(shape);
    try (Connection c = repo.connection()) {
      repo.parcelsIntersecting(c, shape.prefilter(), limits.candidates() + 1, p -> {
        if (++seen[0] > limits.candidates()) {
          throw ApiError.badParam("geometry", "reaches more than " + limits.candidates()
              + " parcels; draw a smaller area");
        }
        Match m = match(shape, mode, p, plane, budget);
        if (m == null) {
          return true;
        }
        matched.put(p.id(), p);
        if (m.within) {
          within.add(p.id());
        }
        sums[0] += p.areaM2();
        sums[1] += m.insideM2;
        byUse.add(p.landUseCode(), new Labels.Label(p.landUseName(), p.landUseCode()), p.areaM2(), m.insideM2);
        byStatus.add(p.status(), Labels.status(p.status()), p.areaM2(), m.insideM2);
        if (list.size() < limit) {
          Labels.Label st = Labels.status(p.status());
          list.add(new Parcel(p.id(), p.zone(), p.park(), p.smallMicroPark(), p.landUseCode(), p.landUseName(),
              p.status(), st.zh(), Out.round(p.areaMu(), 2), Out.ha(p.areaM2()), Out.mu(m.insideM2), Out.ha(m.insideM2),
              p.areaM2() > 0 ? Out.round(Math.min(1, m.insideM2 / p.areaM2()), 4) : 0, m.within, p.geom()));
        }
        return true;
      });
      Efficiency eff = efficiency(repo.landFigures(c, shape.prefilter()), matched, role);
      if (!role.seesConfidential() && role.atLeast(Role.planner)) {
        eff = published(eff, matched, within);
      }
      double shapeM2 = Geodesy.areaM2(shape.polygon());
      ShapeInfo info = shape instanceof Circle ci
          ? new ShapeInfo("circle", mode.name(), Out.round(shapeM2, 1), Out.mu(shapeM2), Out.ha(shapeM2), ci.radiusM(),
              new double[] {ci.lon(), ci.lat()}, null)
          : new ShapeInfo("polygon", mode.name(), Out.round(shapeM2, 1), Out.mu(shapeM2), Out.ha(shapeM2), null, null,
              shape.polygon().getNumPoints());
      Totals totals = new Totals(matched.size(), Out.mu(sums[0]), Out.ha(sums[0]), Out.mu(sums[1]), Out.ha(sums[1]));
      String method = (mode == Mode.within ? "parcels wholly within the shape" : "parcels meeting the shape")
          + (shape instanceof Circle ? " (by geodesic distance from the centre)" : "")
          + "; area_mu is the parcel's whole geodesic area, inside_mu the geodesic area of its part inside the shape"
          + (shape instanceof Circle ? " (circle clipped as a " + Shapes.CIRCLE_VERTICES + "-gon)" : "");
      return new Result(info, totals, byUse.groups(true), byStatus.groups(true), matched.size(), list.size(),
          matched.size() > list.size(), limit, list, eff, true, method);
    }
  }

  private record Match(boolean within, double insideM2) {}

  /** The clipping work left to a request; refuses the shape once it would run out. */
  static final class Budget {
    private final int shapeVertices;
    private final String parameter;
    private long used;
    private int clipped;

    Budget(Shape shape) {
      this.shapeVertices = shape.polygon().getNumPoints();
      this.parameter = shape instanceof Circle ? "radius_m" : "geometry";
    }

    void spend(Geometry parcel) {
      used += shapeVertices + parcel.getNumPoints();
      clipped++;
      if (used > CLIP_BUDGET) {
        throw ApiError.badParam(parameter, "is too detailed for the area it covers: its " + shapeVertices
            + " vertices cross more than " + (clipped - 1) + " parcels, more clipping than one request may do;"
            + " simplify the shape (fewer vertices) or draw a smaller area");
      }
    }
  }

  /** Whether the parcel is selected, and the area of its part inside the shape; null if not selected. */
  private static Match match(Shape shape, Mode mode, ParcelRow p, Plane plane, Budget budget) {
    Geometry g = p.geom();
    if (shape instanceof Area a) {
      if (!a.prepared().intersects(g)) {
        return null;
      }
      boolean within = a.prepared().covers(g);
      if (mode == Mode.within && !within) {
        return null;
      }
      if (within) {
        return new Match(true, p.areaM2());
      }
      budget.spend(g);
      return new Match(false, Geodesy.areaM2(clip(g, a.geom())));
    }
    Circle ci = (Circle) shape;
    boolean within = Proximity.farthestVertexM(ci.lon(), ci.lat(), g) <= ci.radiusM();
    if (mode == Mode.within && !within) {
      return null;
    }
    if (!within && Proximity.nearestVertexM(ci.lon(), ci.lat(), g) > ci.radiusM() && !g.covers(ci.centre())
        && Proximity.between(ci.centre(), g, plane).metres() > ci.radiusM()) {
      return null;
    }
    if (within) {
      return new Match(true, p.areaM2());
    }
    budget.spend(g);
    return new Match(false, Geodesy.areaM2(clip(g, ci.polygon())));
  }

  private static Geometry clip(Geometry parcel, Geometry shape) {
    return OverlayNGRobust.overlay(parcel, shape, OverlayNG.INTERSECTION);
  }

  /**
   * Simple sums, not the official mu-efficiency evaluation: each enterprise's latest-year tax and
   * revenue are apportioned to the selection by its land there over all its land, then summed per
   * group. A link's land is the evaluation's (a tenant's share of the parcel, the owners the rest),
   * so the firms on a parcel never hold more land than it has. Who sees what: anonymous and prospects only counts and land;
   * land officers and administrators the sums (of groups of at least {@value #MIN_GROUP}
   * enterprises) and the per-enterprise list. Planners get {@link #published} instead.
   */
  private static Efficiency efficiency(List<LandFigure> rows, Map<String, ParcelRow> matched, Role role) {
    Map<String, Ent> ents = new TreeMap<>();
    Integer year = null;
    for (LandFigure r : rows) {
      ParcelRow p = matched.get(r.parcelId());
      if (p == null) {
        continue;
      }
      Ent e = ents.computeIfAbsent(r.enterpriseId(), k -> new Ent(r));
      double mu = r.landMu();
      e.here += mu;
      e.byUse.merge(p.landUseCode(), mu, Double::sum);
      e.useNames.putIfAbsent(p.landUseCode(), p.landUseName());
      e.parcels.add(r.parcelId());
      if (r.year() != null) {
        year = r.year();
      }
    }
    boolean sums = role.atLeast(Role.planner);
    EffGroup total = group("all", "合计 total", ents.values(), null, sums);
    Map<String, String> names = new TreeMap<>();
    ents.values().forEach(e -> names.putAll(e.useNames));
    List<EffGroup> byUse = new ArrayList<>();
    for (var n : names.entrySet()) {
      List<Ent> in = ents.values().stream().filter(e -> e.byUse.containsKey(n.getKey())).toList();
      byUse.add(group(n.getKey(), n.getValue(), in, n.getKey(), sums));
    }
    byUse.sort(Comparator.comparingDouble(EffGroup::land_mu).reversed().thenComparing(EffGroup::code));
    List<EffEnterprise> list = null;
    if (role.seesConfidential()) {
      list = new ArrayList<>();
      for (Ent e : ents.values()) {
        double w = e.weight(null);
        list.add(new EffEnterprise(e.id, e.nameZh, e.nameEn, List.copyOf(new java.util.TreeSet<>(e.parcels)),
            Out.round(e.here, 2), Out.round(e.all, 2), Out.round(e.tax, 2), Out.round(e.revenue, 2),
            e.tax == null ? null : Out.round(e.tax * w, 2), e.revenue == null ? null : Out.round(e.revenue * w, 2),
            e.tax == null || e.all <= 0 ? null : Out.round(e.tax / e.all, 2)));
      }
    }
    String access = role.seesConfidential() ? "aggregates and per-enterprise figures"
        : sums ? "aggregates of groups of at least " + MIN_GROUP + " enterprises"
            : "counts and land only; tax and revenue sums are shown to planners and above";
    String accessZh = role.seesConfidential() ? "汇总及分企业数据"
        : sums ? "仅显示不少于 " + MIN_GROUP + " 家企业的汇总" : "仅显示企业数与用地；税收、营收汇总限规划人员及以上查看";
    return new Efficiency("简易亩均合计（按用地面积分摊，非官方亩均评价）",
        "Simple per-mu sums (apportioned by land area; not the official mu-efficiency evaluation)", access, accessZh, year, total,
        byUse, list,
        "enterprises owning or renting the selected parcels; each enterprise's latest-year tax and revenue (万元) are"
            + " apportioned to the selection by its land there (a tenant its leased share of the parcel, the owners what is not leased out) over all its land; per mu = sum ÷ that"
            + " land of the enterprises with figures; figures are synthetic",
        "所选地块上的自有及租用企业；各企业最近一年的税收、营收（万元）按其在所选范围内的用地（承租企业为租用份额，业主为未出租部分）占其全部用地的比例计入；"
            + "亩均值为合计除以有数据企业的这部分用地；数据为合成数据",
        null, null, null);
  }

  /**
   * The planner's answer: the exact per-enterprise sums are replaced by the sum of the published
   * cells lying wholly inside the shape, greedily from zones down to parcels (see
   * {@link Disclosure#cover}); nothing when there is none. Enterprise counts and land stay.
   */
  private Efficiency published(Efficiency exact, Map<String, ParcelRow> matched, Set<String> within) throws SQLException {
    Disclosure disc = efficiency == null ? null : efficiency.released(null);
    List<Counted> counted = new ArrayList<>();
    double tax = 0;
    double rev = 0;
    double land = 0;
    int parcels = 0;
    boolean taxSeen = false;
    Integer year = null;
    if (disc != null) {
      year = disc.result().year;
      List<Integer> cand = new ArrayList<>();
      for (String id : matched.keySet()) {
        int i = disc.parcelIndex(id);
        if (i >= 0) {
          cand.add(i);
        }
      }
      int[] candidates = cand.stream().mapToInt(Integer::intValue).toArray();
      var r = disc.result();
      for (Disclosure.Counted x : disc.cover(candidates, i -> within.contains(r.parcels.get(i).parcel().id()))) {
        GroupName n = r.data.groups.get(x.id());
        counted.add(new Counted(x.level().param, x.level().nameZh, x.id(),
            x.level() == Level.parcel ? null : n == null ? x.id() : n.nameZh(), x.parcels()));
        parcels += x.parcels();
        if (!Double.isNaN(x.totals()[0])) {
          tax += x.totals()[0];
          taxSeen = true;
        }
        if (!Double.isNaN(x.totals()[1])) {
          rev += x.totals()[1];
        }
        land += x.landMu();
      }
    }
    EffGroup t = exact.total();
    EffGroup total = counted.isEmpty() || !taxSeen
        ? new EffGroup(t.code(), t.name(), t.enterprises(), t.land_mu(), null, null, null, null, null,
            "no published area or parcel lies wholly inside the shape: tax and revenue withheld",
            "所选范围内没有完整包含已公开数据的地块或园区，不显示税收、营收")
        : new EffGroup(t.code(), t.name(), t.enterprises(), t.land_mu(), null, Out.round(tax, 2), Out.round(rev, 2),
            land > 0 ? Out.round(tax / land, 2) : null, land > 0 ? Out.round(rev / land, 2) : null, null, null);
    List<EffGroup> byUse = new ArrayList<>();
    for (EffGroup g : exact.by_land_use()) {
      byUse.add(new EffGroup(g.code(), g.name(), g.enterprises(), g.land_mu(), null, null, null, null, null,
          "tax and revenue by land use are shown to land officers only", "按用地类型的税收、营收仅向土地管理人员提供"));
    }
    int leftOut = Math.max(0, matched.size() - parcels);
    return new Efficiency(exact.label_zh(), exact.label_en(),
        "sums of the published parcels and areas lying wholly inside the shape",
        "仅汇总完整位于所选范围内、已公开数据的地块和园区", year, total, byUse, null,
        "the tax and revenue (万元) of the year shown are the sum of the cells already published in the 亩均 tables"
            + " (zones, core boards, parks, small-micro parks, parcels) that lie wholly inside the shape, coarsest first and"
            + " without overlap; parcels in no such cell are left out, so that no difference of two drawn areas reveals one"
            + " enterprise; per mu = sum ÷ land counted in those cells; figures are synthetic",
        "税收、营收为完整位于所选范围内、已在亩均效益表中公开的开发区、核心板块、园区、小微企业园和地块的合计（从大到小取，不重复），"
            + "其余地块不计入，以防两个范围相减推算出单个企业的数据；亩均值为合计除以这些单元的计入用地；数据为合成数据",
        counted, parcels, leftOut);
  }

  /** Sums of one group; figures only when allowed and the group has enough enterprises. */
  private static EffGroup group(String code, String name, java.util.Collection<Ent> ents, String use, boolean sums) {
    double land = 0;
    double landFig = 0;
    double tax = 0;
    double rev = 0;
    long withFig = 0;
    for (Ent e : ents) {
      double here = use == null ? e.here : e.byUse.get(use);
      land += here;
      if (e.tax != null && e.all > 0) {
        double w = here / e.all;
        landFig += here;
        tax += e.tax * w;
        rev += e.revenue == null ? 0 : e.revenue * w;
        withFig++;
      }
    }
    if (!sums) {
      return new EffGroup(code, name, ents.size(), Out.round(land, 2), null, null, null, null, null,
          "tax and revenue are shown to planners and above", "税收、营收汇总限规划人员及以上查看");
    }
    if (ents.size() < MIN_GROUP) {
      return new EffGroup(code, name, ents.size(), Out.round(land, 2), null, null, null, null, null,
          "fewer than " + MIN_GROUP + " enterprises: figures withheld", "企业不足" + MIN_GROUP + "家，不显示税收、营收");
    }
    return new EffGroup(code, name, ents.size(), Out.round(land, 2), withFig, Out.round(tax, 2), Out.round(rev, 2),
        landFig > 0 ? Out.round(tax / landFig, 2) : null, landFig > 0 ? Out.round(rev / landFig, 2) : null, null, null);
  }

  private static final class Ent {
    final String id;
    final String nameZh;
    final String nameEn;
    final double all;
    final Double tax;
    final Double revenue;
    double here;
    final Map<String, Double> byUse = new LinkedHashMap<>();
    final Map<String, String> useNames = new LinkedHashMap<>();
    final Set<String> parcels = new HashSet<>();

    Ent(LandFigure r) {
      id = r.enterpriseId();
      nameZh = r.nameZh();
      nameEn = r.nameEn();
      all = r.enterpriseLandMu() == null ? 0 : r.enterpriseLandMu();
      tax = r.taxWan();
      revenue = r.revenueWan();
    }

    double weight(String use) {
      double h = use == null ? here : byUse.getOrDefault(use, 0.0);
      return all > 0 ? h / all : 0;
    }
  }
}
