package zoneatlas.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.demo.SynthFabric.Block;
import zoneatlas.demo.SynthFabric.Frame;
import zoneatlas.demo.SynthFabric.Lot;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.ParcelStatus;
import zoneatlas.model.PlanFeature;
import zoneatlas.model.Synthetic;
import zoneatlas.model.YearFigures;

/**
 * Seeded generator of the demo's SYNTHETIC parcels, enterprises, land links and yearly figures.
 * Nothing it makes is real; every enterprise name starts with {@code 合成示例·} / {@code Synthetic
 * Sample} and carries {@code synthetic = true}.
 *
 * <h2>Parcel fabric</h2>
 *
 * Every polygon of layer {@code industrial-parks} gets a local road grid (blocks of 250-500 m,
 * roads of 20-30 m with a 40 m arterial every third road, rotated by up to ±12° per park). Each
 * block is split into rows and lots, lots are clipped to the park and rounded to 7 decimals;
 * pieces under 1 mu or sliver-shaped are dropped. Small-micro parks (layer {@code
 * small-micro-parks}) get the same grid with 3-20 mu lots and their id in {@link
 * Parcel#smallMicroPark()}; a small-micro park that lies outside every industrial park (the plans
 * place many inside a core board only) is filled on its own, and its parcels then carry the
 * small-micro park's {@code park} property as {@link Parcel#park()}, which may be null. Parks are
 * taken sorted by id, zone-level plans before the city-level plan ({@code zone = zhengzhou}); where
 * parks overlap, the later one only gets the part not already filled, so parcels never overlap.
 *
 * <h2>How many parcels</h2>
 *
 * Lot sizes are realistic at scale 1: industrial parks median 40 mu, mostly 15-150 mu, a few
 * 150-400 mu or whole blocks; logistics parks and bonded zones median 60 mu; innovation and
 * service parks median 25 mu; small-micro parks 3-20 mu (drawn 3-16 mu, a row's last lot up to 1.2
 * times that), never scaled. The generator estimates the count from the regions' geodesic areas
 * (area × {@value #FILL} / (mean lot × {@value #MEAN_SHRINK})) and, when that gives fewer than
 * {@link #MIN_DEMO_PARCELS} × {@value #TARGET_MARGIN}, shrinks all park lot sizes by one common
 * factor, never below {@link #MIN_SCALE} (an industrial median of 3 mu). If the laid fabric still
 * has fewer than {@link #MIN_DEMO_PARCELS}, it starts again from the same seed with the factor
 * reduced in proportion (at most three tries). So the demo plan (tens of km²) gives at least 5,000
 * parcels (about 6,000 with lots around 13 mu); big plans keep real lot sizes and give more; a plan
 * too small even at the smallest factor gives what fits.
 *
 * <h2>Attributes</h2>
 *
 * See {@link SynthAttrs}: land use per park kind from the national classification, a status mix
 * of about 70% in use, 6% available, 4% approved-not-supplied, 4% supplied-not-used, 5% under
 * construction, 4% partly used, 3% built-not-producing, 4% idle (clustered: a fifth of the blocks
 * are "still developing"); FAR and coverage 0 for unbuilt land, including land under
 * construction; {@code reqInvestWanPerMu} / {@code reqTaxWanPerMu} set for industrial and
 * logistics land only (0 = no 标准地 requirement). Enterprises: one owner per supplied parcel
 * (about 12% of owners hold 2-3 neighbouring parcels), 1-3 tenants on 15% of in-use parcels and
 * 2-6 tenants on 85% of in-use small-micro park parcels; yearly figures 2021-2024 per
 * {@link SynthAttrs#figures}.
 *
 * <h2>Determinism</h2>
 *
 * One {@link Random} seeded from the seed drives everything; features are taken in id order and
 * no hash order is used, so the same seed and plan give equal output.
 */
public final class SyntheticGenerator {
  /** The demo aims at no fewer parcels than this. */
  public static final int MIN_DEMO_PARCELS = 5000;
  /** Smallest lot-size factor used to reach {@link #MIN_DEMO_PARCELS}. */
  public static final double MIN_SCALE = 0.075;
  /** First and last year of {@link YearFigures}. */
  public static final int FIRST_YEAR = 2021;
  public static final int LAST_YEAR = 2024;

  static final String LAYER_PARKS = "industrial-parks";
  static final String LAYER_SMALL_MICRO = "small-micro-parks";

  /** Share of a region's area that ends up in parcels (roads and dropped slivers take the rest). */
  private static final double FILL = 0.86;
  /** Mean laid lot over mean drawn lot size (clipping at park edges and row ends makes lots smaller). */
  private static final double MEAN_SHRINK = 0.72;
  /** The fabric aims this much above {@link #MIN_DEMO_PARCELS}. */
  private static final double TARGET_MARGIN = 1.12;

  private final long seed;

  public SyntheticGenerator(long seed) {
    this.seed = seed;
  }

  // ---------------------------------------------------------------------------------------------
  // plan -> regions to fill

  /** Per-park context shared by its parcels and enterprises. */
  static final class Ctx {
    final String zone;
    final String board;
    final String park;
    final String kind;
    final List<String> industries;
    /** Set when parcels are attributed (random per park). */
    double reqInvest;
    double reqTax;
    double farMinInd;

    Ctx(String zone, String board, String park, String kind, List<String> industries) {
      this.zone = zone;
      this.board = board;
      this.park = park;
      this.kind = kind;
      this.industries = industries;
    }

    boolean logistics() {
      return "logistics_park".equals(kind) || "bonded_zone".equals(kind);
    }
  }

  /** A polygonal area filled with one lot size: a park's main part or one small-micro park. */
  record Region(Ctx ctx, String smpId, List<String> industries, Geometry geom, SizeSpec size1) {
    /** Lot sizes with park lots multiplied by {@code scale}; small-micro park lots never scale. */
    SizeSpec size(double scale) {
      return smpId != null ? size1 : size1.withScale(scale);
    }

    double areaM2() {
      return Geodesy.areaM2(geom);
    }
  }

  /** A park (or stand-alone small-micro park): its outline for the grid and its regions. */
  record Area(Ctx ctx, Geometry outline, List<Region> regions) {}

  /** A laid lot before attributes. */
  record RawLot(Region region, boolean developed, Lot lot) {}

  private static Geometry polygonal(Geometry g) {
    if (g == null || g.isEmpty() || !(g instanceof Polygonal)) {
      return null;
    }
    Geometry f = g.isValid() ? g : GeometryFixer.fix(g);
    f = SynthFabric.FLOAT.createGeometry(f);
    return f.isEmpty() ? null : f;
  }

  private static Geometry union(Geometry a, Geometry b) {
    return a == null ? b : OverlayNGRobust.overlay(a, b, OverlayNG.UNION);
  }

  private static Geometry minus(Geometry a, Geometry b) {
    return b == null ? a : OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
  }

  private static Geometry inter(Geometry a, Geometry b) {
    return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
  }

  /** What is already filled, as a list of outlines; {@link #near} unions those touching an envelope. */
  private static final class Claimed {
    final List<Geometry> parts = new ArrayList<>();

    void add(Geometry g) {
      parts.add(g);
    }

    /** Buffered union of the claimed outlines near {@code env}, or null. */
    Geometry near(Envelope env) {
      Envelope e = new Envelope(env);
      e.expandBy(SynthFabric.GAP_DEG * 2);
      Geometry u = null;
      for (Geometry g : parts) {
        if (g.getEnvelopeInternal().intersects(e)) {
          u = union(u, g);
        }
      }
      return u == null ? null : u.buffer(SynthFabric.GAP_DEG);
    }
  }

  /** The regions to fill, in fill order; lot sizes at scale 1. No randomness. */
  private static List<Area> areas(List<PlanFeature> plan) {
    Comparator<PlanFeature> order =
        Comparator.comparing((PlanFeature f) -> "zhengzhou".equals(f.zone()) ? 1 : 0)
            .thenComparing(PlanFeature::id);
    List<PlanFeature> parks = new ArrayList<>();
    List<PlanFeature> smps = new ArrayList<>();
    Map<String, Geometry> geoms = new HashMap<>();
    for (PlanFeature f : plan) {
      Geometry g = polygonal(f.geom());
      if (g == null || f.id() == null) {
        continue;
      }
      if (LAYER_PARKS.equals(f.layer())) {
        parks.add(f);
        geoms.put(f.id(), g);
      } else if (LAYER_SMALL_MICRO.equals(f.layer())) {
        smps.add(f);
        geoms.put(f.id(), g);
      }
    }
    parks.sort(order);
    smps.sort(order);
    List<Area> out = new ArrayList<>();
    Claimed claimed = new Claimed(); // every outline filled so far (unbuffered)
    Map<String, Geometry> smpLeft = new LinkedHashMap<>();
    for (PlanFeature s : smps) {
      smpLeft.put(s.id(), geoms.get(s.id()));
    }
    for (PlanFeature p : parks) {
      Geometry g = geoms.get(p.id());
      Geometry inset = minus(g.buffer(-SynthFabric.INSET_DEG), claimed.near(g.getEnvelopeInternal()));
      if (inset.isEmpty()) {
        continue;
      }
      Ctx ctx = new Ctx(p.zone(), p.board(), p.id(), p.kind(), industries(p, defaultIndustries(p.kind())));
      List<Region> regions = new ArrayList<>();
      Geometry main = inset;
      Geometry smpTaken = null;
      for (PlanFeature s : smps) {
        Geometry left = smpLeft.get(s.id());
        if (left.isEmpty() || !left.getEnvelopeInternal().intersects(inset.getEnvelopeInternal())) {
          continue;
        }
        Geometry part = inter(left, inset);
        if (Geodesy.areaM2(part) < 5 * SynthFabric.MIN_AREA_M2) {
          continue;
        }
        Geometry shrunk = inter(left.buffer(-SynthFabric.GAP_DEG), inset);
        if (smpTaken != null) {
          shrunk = minus(shrunk, smpTaken.buffer(SynthFabric.GAP_DEG));
        }
        smpTaken = union(smpTaken, left);
        main = minus(main, left.buffer(SynthFabric.GAP_DEG));
        smpLeft.put(s.id(), minus(left, g));
        List<String> ind = industries(s, ctx.industries);
        regions.add(new Region(ctx, s.id(), ind, shrunk, SizeSpec.smallMicro()));
      }
      regions.add(0, new Region(ctx, null, ctx.industries, main, SizeSpec.forKind(p.kind())));
      out.add(new Area(ctx, g, regions));
      claimed.add(g);
    }
    // small-micro parks (or their parts) outside every industrial park: filled on their own
    for (PlanFeature s : smps) {
      Geometry left = smpLeft.get(s.id());
      if (left.isEmpty() || Geodesy.areaM2(left) < 5 * SynthFabric.MIN_AREA_M2) {
        continue;
      }
      Geometry region = minus(left.buffer(-SynthFabric.INSET_DEG), claimed.near(left.getEnvelopeInternal()));
      if (region.isEmpty()) {
        continue;
      }
      Ctx ctx = new Ctx(s.zone(), s.board(), s.park(), s.kind(), industries(s, defaultIndustries("small_micro_park")));
      List<Region> regions = List.of(new Region(ctx, s.id(), ctx.industries, region, SizeSpec.smallMicro()));
      out.add(new Area(ctx, geoms.get(s.id()), regions));
      claimed.add(geoms.get(s.id()));
    }
    return out;
  }

  static List<String> industries(PlanFeature f, List<String> fallback) {
    Object v = f.props() == null ? null : f.props().get("lead_industries");
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String s : v.toString().split("[、，,；;/]")) {
        String t = s.strip();
        if (t.endsWith("等")) {
          t = t.substring(0, t.length() - 1);
        }
        t = t.replaceAll("[（(][^）)]*[）)]", "").strip();
        if (!t.isEmpty() && t.length() <= 16) {
          out.add(t);
        }
      }
    }
    return out.isEmpty() ? fallback : out;
  }

  static List<String> defaultIndustries(String kind) {
    if (kind == null) {
      kind = "";
    }
    return switch (kind) {
      case "logistics_park" -> List.of("现代物流", "冷链物流", "仓储服务");
      case "bonded_zone" -> List.of("保税物流", "跨境电商", "国际贸易");
      case "innovation_park" -> List.of("软件和信息服务", "研发服务", "科技服务");
      case "service_park" -> List.of("商务服务", "科技服务", "金融服务");
      case "small_micro_park", "standard_factory", "incubator" -> List.of("智能制造", "电子元器件", "科技服务");
      default -> List.of("装备制造", "汽车零部件", "电子信息", "新材料", "食品加工");
    };
  }

  // ---------------------------------------------------------------------------------------------
  // lot sizes

  /** Lot size distribution in mu: lognormal around a median, clamped, with a few large lots. */
  static final class SizeSpec implements SynthFabric.LotSize {
    final double median;
    final double sigma;
    final double min;
    final double max;
    final double pLarge;
    final double largeMin;
    final double largeMax;
    final double pWhole;
    final double scale;

    SizeSpec(double median, double sigma, double min, double max, double pLarge, double largeMin,
        double largeMax, double pWhole, double scale) {
      this.median = median;
      this.sigma = sigma;
      this.min = min;
      this.max = max;
      this.pLarge = pLarge;
      this.largeMin = largeMin;
      this.largeMax = largeMax;
      this.pWhole = pWhole;
      this.scale = scale;
    }

    /** Lot sizes of a park kind at scale 1. */
    static SizeSpec forKind(String kind) {
      if ("logistics_park".equals(kind) || "bonded_zone".equals(kind)) {
        return new SizeSpec(60, 0.55, 20, 200, 0.05, 200, 450, 0.05, 1);
      }
      if ("innovation_park".equals(kind) || "service_park".equals(kind)) {
        return new SizeSpec(25, 0.6, 8, 100, 0.02, 100, 200, 0.01, 1);
      }
      return new SizeSpec(40, 0.6, 15, 150, 0.04, 150, 400, 0.03, 1);
    }

    /** The same distribution with every lot multiplied by {@code s} (no whole-block lots below 0.6). */
    SizeSpec withScale(double s) {
      double whole = s >= 0.6 ? pWhole : 0;
      return new SizeSpec(median, sigma, min, max, pLarge, largeMin, largeMax, whole, s);
    }

    static SizeSpec smallMicro() {
      return new SizeSpec(8, 0.45, 3, 16, 0, 0, 0, 0, 1);
    }

    @Override
    public double sample(Random rnd) {
      double mu;
      if (pLarge > 0 && rnd.nextDouble() < pLarge) {
        mu = largeMin + rnd.nextDouble() * (largeMax - largeMin);
      } else {
        mu = Math.min(max, Math.max(min, median * Math.exp(sigma * rnd.nextGaussian())));
      }
      return mu * scale * Geodesy.M2_PER_MU;
    }

    @Override
    public double typical() {
      return median * scale * Geodesy.M2_PER_MU;
    }

    @Override
    public double pWholeBlock() {
      return pWhole;
    }

    /** Mean lot area in m² (numerical integral of the clamped lognormal, no randomness). */
    double meanM2() {
      double sum = 0;
      double wsum = 0;
      for (double z = -5; z <= 5; z += 0.01) {
        double w = Math.exp(-z * z / 2);
        sum += w * Math.min(max, Math.max(min, median * Math.exp(sigma * z)));
        wsum += w;
      }
      double m = (1 - pLarge) * sum / wsum + pLarge * (largeMin + largeMax) / 2;
      return m * scale * Geodesy.M2_PER_MU;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // fabric

  private static List<RawLot> fabric(List<Area> areas, double scale, Random rnd) {
    List<RawLot> out = new ArrayList<>();
    for (Area a : areas) {
      Envelope env = a.outline.getEnvelopeInternal();
      double rot = (rnd.nextDouble() * 2 - 1) * 12;
      Frame frame = new Frame(env.centre().x, env.centre().y, rot);
      List<Block> blocks = SynthFabric.grid(frame.uvEnvelope(a.outline), rnd, 250, 500);
      List<PreparedGeometry> preps = new ArrayList<>();
      List<SizeSpec> sizes = new ArrayList<>();
      for (Region r : a.regions) {
        preps.add(PreparedGeometryFactory.prepare(r.geom));
        sizes.add(r.size(scale));
      }
      for (Block b : blocks) {
        Polygon bp = frame.polygon(new double[] {b.u0(), b.v0(), b.u1(), b.v0(), b.u1(), b.v1(), b.u0(), b.v1(), b.u0(), b.v0()});
        for (int i = 0; i < a.regions.size(); i++) {
          Region r = a.regions.get(i);
          PreparedGeometry prep = preps.get(i);
          if (!r.geom.getEnvelopeInternal().intersects(bp.getEnvelopeInternal()) || !prep.intersects(bp)) {
            continue;
          }
          boolean covered = prep.covers(bp);
          boolean developed = rnd.nextDouble() >= 0.2;
          for (double[] ring : SynthFabric.lots(b, sizes.get(i), rnd)) {
            Polygon lot = frame.polygon(ring);
            for (Polygon piece : SynthFabric.clip(lot, r.geom, prep, covered)) {
              Lot l = SynthFabric.finish(piece);
              if (l != null) {
                out.add(new RawLot(r, developed, l));
              }
            }
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // generate

  /**
   * Fills the industrial parks (layer "industrial-parks") with a parcel fabric and enterprises.
   * Same seed + same plan => identical output.
   */
  public Synthetic generate(List<PlanFeature> plan) {
    List<Area> areas = areas(plan);
    double scale = findScale(areas, MIN_DEMO_PARCELS * TARGET_MARGIN);
    Random rnd = new Random(seed);
    List<RawLot> lots = fabric(areas, scale, rnd);
    for (int attempt = 0; attempt < 2 && lots.size() < MIN_DEMO_PARCELS && scale > MIN_SCALE; attempt++) {
      scale = Math.max(MIN_SCALE, scale * lots.size() / (MIN_DEMO_PARCELS * TARGET_MARGIN));
      rnd = new Random(seed);
      lots = fabric(areas, scale, rnd);
    }
    return new Builder(rnd).build(areas, lots);
  }

  /** The largest factor in [MIN_SCALE, 1] whose expected count reaches {@code target}. */
  private static double findScale(List<Area> areas, double target) {
    // parks' expected count is proportional to 1/scale; small-micro parks do not scale
    double smp = 0;
    double parks = 0;
    for (Area a : areas) {
      for (Region r : a.regions) {
        double n = r.areaM2() * FILL / (r.size(1.0).meanM2() * MEAN_SHRINK);
        if (r.smpId != null) {
          smp += n;
        } else {
          parks += n;
        }
      }
    }
    double need = target - smp;
    if (parks <= 0 || need <= parks) {
      return 1.0;
    }
    return Math.max(MIN_SCALE, parks / need);
  }

  /** Benchmark fabric: exactly n parcels (no enterprises) tiled over a region around Zhengzhou. */
  public static List<Parcel> benchParcels(int n, long seed) {
    return SynthBench.parcels(n, seed);
  }

  /**
   * The city benchmark's data: exactly {@code parcels} parcels laid as by {@link #benchParcels}
   * (the same seed gives the same parcels), and about {@code enterprises} enterprises (a few over
   * when the last owner brings tenants) with their land-use links and yearly figures, made by the
   * demo's rules from supplied parcels taken with the probability that spreads them over the whole
   * fabric. Deterministic from the seed.
   */
  public static Synthetic benchCity(int parcels, int enterprises, long seed) {
    List<Ctx> ctxs = new ArrayList<>(parcels);
    List<Parcel> ps = SynthBench.parcels(parcels, seed, ctxs);
    Builder b = new Builder(new Random(seed ^ 0x5DEECE66DL));
    b.parcels.addAll(ps);
    b.parcelCtx.addAll(ctxs);
    for (Ctx c : ctxs) {
      b.parcelInd.add(c.industries);
    }
    // about 0.9 of parcels are supplied and an owner brings ~0.1 tenants and takes ~1.1 parcels
    b.pTake = Math.min(1.0, enterprises / (0.9 * Math.max(1, parcels)) * 1.05);
    b.maxEnts = enterprises;
    return b.finish();
  }

  // ---------------------------------------------------------------------------------------------
  // attributes, enterprises, figures

  /** Mutable enterprise while it is being built. */
  static final class Ent {
    final String id;
    final Ctx ctx;
    final List<String> industries;
    final String industry;
    final String landUseCode;
    final boolean owner;
    final List<Parcel> parcels = new ArrayList<>();
    final List<Double> shares = new ArrayList<>();
    Integer sinceYear;
    Point geom;

    Ent(String id, Ctx ctx, List<String> industries, String industry, String landUseCode, boolean owner) {
      this.id = id;
      this.ctx = ctx;
      this.industries = industries;
      this.industry = industry;
      this.landUseCode = landUseCode;
      this.owner = owner;
    }

    Parcel main() {
      Parcel best = parcels.get(0);
      for (Parcel p : parcels) {
        if (p.areaM2() > best.areaM2()) {
          best = p;
        }
      }
      return best;
    }

    double landMu() {
      double s = 0;
      for (int i = 0; i < parcels.size(); i++) {
        s += parcels.get(i).areaMu() * shares.get(i);
      }
      return s;
    }
  }

  private static final class Builder {
    final Random rnd;
    final SynthNames names = new SynthNames();
    final java.util.Set<String> usccs = new java.util.HashSet<>();
    final Map<String, Integer> parcelSeq = new HashMap<>();
    final List<Parcel> parcels = new ArrayList<>();
    /** Each parcel's park and industries (a region's, which for a park's main region are the park's). */
    final List<Ctx> parcelCtx = new ArrayList<>();
    final List<List<String>> parcelInd = new ArrayList<>();
    final List<Ent> ents = new ArrayList<>();
    final List<LandUse> landUses = new ArrayList<>();
    /** Share of supplied parcels that get enterprises; below 1 only for the city benchmark. */
    double pTake = 1.0;
    int maxEnts = Integer.MAX_VALUE;

    Builder(Random rnd) {
      this.rnd = rnd;
    }

    Synthetic build(List<Area> areas, List<RawLot> lots) {
      for (Area a : areas) {
        SynthAttrs.initCtx(a.ctx, rnd);
      }
      for (RawLot l : lots) {
        Region r = l.region;
        String id = parcelId(r.ctx.zone);
        Parcel p = SynthAttrs.parcel(id, r.ctx, r.smpId, r.industries, l.developed, l.lot, rnd);
        parcels.add(p);
        parcelCtx.add(r.ctx);
        parcelInd.add(r.industries);
      }
      return finish();
    }

    /** Enterprises, links and figures for parcels already attributed, in their order. */
    Synthetic finish() {
      assignEnterprises();
      List<Enterprise> enterprises = new ArrayList<>(ents.size());
      List<YearFigures> figures = new ArrayList<>(ents.size() * (LAST_YEAR - FIRST_YEAR + 1));
      for (Ent e : ents) {
        List<YearFigures> f = SynthAttrs.figures(e, rnd);
        figures.addAll(f);
        enterprises.add(enterprise(e, f));
      }
      return new Synthetic(List.copyOf(parcels), List.copyOf(enterprises), List.copyOf(landUses), List.copyOf(figures));
    }

    String parcelId(String zone) {
      String z = zone == null ? "NA" : zone.toUpperCase(java.util.Locale.ROOT);
      int k = parcelSeq.merge(z, 1, Integer::sum);
      return String.format(java.util.Locale.ROOT, "P-%s-%06d", z, k);
    }

    String nextEntId() {
      return String.format(java.util.Locale.ROOT, "E-%06d", ents.size() + 1);
    }

    void assignEnterprises() {
      Ent last = null;
      for (int i = 0; i < parcels.size(); i++) {
        Parcel p = parcels.get(i);
        Ctx ctx = parcelCtx.get(i);
        List<String> industries = parcelInd.get(i);
        ParcelStatus st = ParcelStatus.valueOf(p.status());
        if (st == ParcelStatus.available || st == ParcelStatus.approved_not_supplied) {
          continue;
        }
        // the demo takes every supplied parcel and draws nothing here, so its stream is unchanged
        if (ents.size() >= maxEnts || (pTake < 1.0 && rnd.nextDouble() >= pTake)) {
          continue;
        }
        boolean smp = p.smallMicroPark() != null;
        Ent owner;
        if (last != null && last.ctx == ctx && last.parcels.size() < 3 && last.landUseCode.equals(p.landUseCode())
            && last.parcels.get(0).status().equals(p.status()) && rnd.nextDouble() < 0.12) {
          owner = last;
        } else {
          String ind = smp && rnd.nextDouble() < 0.5 ? "园区运营" : SynthAttrs.industryFor(p.landUseCode(), ctx, industries, rnd);
          owner = new Ent(nextEntId(), ctx, industries, ind, p.landUseCode(), true);
          ents.add(owner);
        }
        boolean tenants = st == ParcelStatus.in_use && (smp ? rnd.nextDouble() < 0.85 : rnd.nextDouble() < 0.15);
        double ownerShare = 1.0;
        double[] tenantShares = new double[0];
        if (tenants) {
          int n = smp ? 2 + rnd.nextInt(5) : 1 + rnd.nextInt(3);
          double leased = smp ? 0.7 + rnd.nextDouble() * 0.25 : 0.2 + rnd.nextDouble() * 0.4;
          ownerShare = floor4(1 - leased);
          double[] w = new double[n];
          double ws = 0;
          for (int k = 0; k < n; k++) {
            w[k] = 0.5 + rnd.nextDouble();
            ws += w[k];
          }
          tenantShares = new double[n];
          for (int k = 0; k < n; k++) {
            tenantShares[k] = floor4(leased * w[k] / ws);
          }
        }
        owner.parcels.add(p);
        owner.shares.add(ownerShare);
        if (owner.sinceYear == null) {
          owner.sinceYear = p.supplyYear();
        }
        landUses.add(new LandUse(owner.id, p.id(), LandUse.OWNER, ownerShare, p.supplyYear()));
        for (double share : tenantShares) {
          String ind = SynthAttrs.industryFor(p.landUseCode(), ctx, industries, rnd);
          Ent t = new Ent(nextEntId(), ctx, industries, ind, p.landUseCode(), false);
          int from = Math.max(p.buildStartYear() == null ? p.supplyYear() : p.buildStartYear() + 1, 2008);
          from = Math.min(from, LAST_YEAR);
          t.sinceYear = from + rnd.nextInt(LAST_YEAR - from + 1);
          t.parcels.add(p);
          t.shares.add(share);
          t.geom = SynthAttrs.randomPointIn(p.geom(), rnd);
          ents.add(t);
          landUses.add(new LandUse(t.id, p.id(), LandUse.TENANT, share, t.sinceYear));
        }
        last = owner;
      }
      for (Ent e : ents) {
        if (e.geom == null) {
          e.geom = SynthAttrs.interiorPoint(e.main().geom());
        }
      }
    }

    Enterprise enterprise(Ent e, List<YearFigures> f) {
      String city = SynthAttrs.cityZh(e.ctx.zone);
      String[] nm = names.next(city, SynthAttrs.cityEn(e.ctx.zone), e.industry, rnd);
      String uscc;
      do {
        uscc = SynthUscc.random(SynthAttrs.regionCode(e.ctx.zone, rnd), rnd);
      } while (!usccs.add(uscc));
      int since = e.sinceYear == null ? LAST_YEAR : e.sinceYear;
      int founded = Math.max(1995, Math.min(LAST_YEAR, since - rnd.nextInt(e.owner ? 11 : 9)));
      double rev = 0;
      for (YearFigures y : f) {
        if (y.year() == LAST_YEAR && y.revenueWan() != null) {
          rev = y.revenueWan();
        }
      }
      String sizeClass = rev >= 2000 ? "规上" : "规下";
      Parcel main = e.main();
      return new Enterprise(e.id, uscc, nm[0], nm[1], main.zone(), main.park(), e.industry, sizeClass, founded, true, e.geom);
    }
  }

  static double floor4(double x) {
    return Math.floor(x * 1e4) / 1e4;
  }

}
