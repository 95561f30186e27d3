package zoneatlas.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.demo.SyntheticGenerator.Ctx;
import zoneatlas.demo.SyntheticGenerator.Ent;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Parcel;
import zoneatlas.model.ParcelStatus;
import zoneatlas.model.YearFigures;

/**
 * Parcel attributes and enterprise figures for the synthetic demo.
 *
 * <p>Land-use codes and names follow 《国土空间调查、规划、用途管制用地用海分类指南》 (2023): 100101-100103
 * 一/二/三类工业用地, 110101-110102 物流仓储, 1102 储备库用地, 0802 科研用地, 0901 商业用地, 0902 商务金融用地,
 * 1303 供电用地, 1305 供热用地, 1306 通信用地.
 */
final class SynthAttrs {
  private SynthAttrs() {}

  static final Map<String, String> LAND_USE_NAMES = Map.ofEntries(
      Map.entry("100101", "一类工业用地"),
      Map.entry("100102", "二类工业用地"),
      Map.entry("100103", "三类工业用地"),
      Map.entry("110101", "一类物流仓储用地"),
      Map.entry("110102", "二类物流仓储用地"),
      Map.entry("1102", "储备库用地"),
      Map.entry("0802", "科研用地"),
      Map.entry("0901", "商业用地"),
      Map.entry("0902", "商务金融用地"),
      Map.entry("1303", "供电用地"),
      Map.entry("1305", "供热用地"),
      Map.entry("1306", "通信用地"));

  private static final Object[][] MIX_INDUSTRIAL = {
    {"100101", .30}, {"100102", .53}, {"100103", .08}, {"110101", .04}, {"0802", .02}, {"1303", .015},
    {"1305", .005}, {"0902", .01}
  };
  private static final Object[][] MIX_LOGISTICS = {
    {"110101", .55}, {"110102", .13}, {"1102", .10}, {"100101", .15}, {"0902", .05}, {"1303", .02}
  };
  private static final Object[][] MIX_INNOVATION = {
    {"0802", .45}, {"0902", .25}, {"0901", .10}, {"100101", .15}, {"1303", .03}, {"1306", .02}
  };
  private static final Object[][] MIX_SERVICE = {
    {"0902", .40}, {"0901", .30}, {"0802", .20}, {"100101", .05}, {"1303", .03}, {"1306", .02}
  };
  private static final Object[][] MIX_SMALL_MICRO = {{"100101", .75}, {"100102", .25}};

  /** Status mix of blocks already built up (80% of blocks). */
  private static final Object[][] STATUS_DEVELOPED = {
    {ParcelStatus.in_use, .82}, {ParcelStatus.partly_used, .04}, {ParcelStatus.built_not_producing, .03},
    {ParcelStatus.idle, .04}, {ParcelStatus.supplied_not_used, .02}, {ParcelStatus.under_construction, .03},
    {ParcelStatus.available, .01}, {ParcelStatus.approved_not_supplied, .01}
  };
  /** Status mix of blocks still being developed (20% of blocks); together about 70/6/4/4/5/4/3/4. */
  private static final Object[][] STATUS_NEW = {
    {ParcelStatus.in_use, .22}, {ParcelStatus.available, .26}, {ParcelStatus.approved_not_supplied, .16},
    {ParcelStatus.under_construction, .13}, {ParcelStatus.supplied_not_used, .12}, {ParcelStatus.idle, .04},
    {ParcelStatus.partly_used, .04}, {ParcelStatus.built_not_producing, .03}
  };
  private static final Object[][] STATUS_SMALL_MICRO = {
    {ParcelStatus.in_use, .80}, {ParcelStatus.available, .06}, {ParcelStatus.under_construction, .04},
    {ParcelStatus.built_not_producing, .04}, {ParcelStatus.partly_used, .03}, {ParcelStatus.idle, .03}
  };

  /** Land-use class of a code: IND, LOG, RES, BUS, COM, UTIL. */
  static String classOf(String code) {
    if (code.startsWith("1001")) {
      return "IND";
    }
    if (code.startsWith("11")) {
      return "LOG";
    }
    if (code.equals("0802")) {
      return "RES";
    }
    if (code.equals("0902")) {
      return "BUS";
    }
    if (code.equals("0901")) {
      return "COM";
    }
    return "UTIL";
  }

  @SuppressWarnings("unchecked")
  static <T> T pick(Object[][] mix, Random rnd) {
    double x = rnd.nextDouble();
    double acc = 0;
    for (Object[] kv : mix) {
      acc += (Double) kv[1];
      if (x < acc) {
        return (T) kv[0];
      }
    }
    return (T) mix[mix.length - 1][0];
  }

  static <T> T pick(List<T> xs, Random rnd) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  static double uniform(Random rnd, double a, double b) {
    return a + rnd.nextDouble() * (b - a);
  }

  static double lognormal(Random rnd, double median, double sigma) {
    return median * Math.exp(sigma * rnd.nextGaussian());
  }

  static double round(double x, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(x * f) / f;
  }

  // ---------------------------------------------------------------------------------------------
  // zones

  static String cityZh(String zone) {
    return zone != null && zone.startsWith("xx") ? "新乡" : "郑州";
  }

  static String cityEn(String zone) {
    return zone != null && zone.startsWith("xx") ? "Xinxiang" : "Zhengzhou";
  }

  /** An administrative-division code where companies of the zone register. */
  static String regionCode(String zone, Random rnd) {
    String[] codes;
    if (zone == null) {
      codes = new String[] {"410100"};
    } else if (zone.startsWith("xx")) {
      codes = new String[] {"410772", "410721", "410702"}; // 新乡经开区, 新乡县, 红旗区
    } else if (zone.equals("zzetdz")) {
      codes = new String[] {"410173", "410122", "410104"}; // 郑州经开区, 中牟县, 管城回族区
    } else if (zone.equals("zzhitech")) {
      codes = new String[] {"410172", "410102", "410108"}; // 郑州高新区, 中原区, 惠济区
    } else {
      codes = new String[] {"410100", "410105", "410171"};
    }
    return codes[rnd.nextInt(codes.length)];
  }

  /**
   * Sets the park's 标准地 requirements and its FAR minimum. Investment intensity 万元/亩 and
   * tax 万元/亩/年: Zhengzhou ETDZ 350-450 / 20-30, Zhengzhou high-tech zone 300-450 / 20-30,
   * other Zhengzhou 300-450 / 15-30, Xinxiang ETDZ 250-350 / 15-20.
   */
  static void initCtx(Ctx c, Random rnd) {
    String z = c.zone == null ? "" : c.zone;
    if (z.startsWith("xx")) {
      c.reqInvest = 250 + 10 * rnd.nextInt(11);
      c.reqTax = 15 + rnd.nextInt(6);
    } else if (z.equals("zzetdz")) {
      c.reqInvest = 350 + 10 * rnd.nextInt(11);
      c.reqTax = 20 + rnd.nextInt(11);
    } else if (z.equals("zzhitech")) {
      c.reqInvest = 300 + 10 * rnd.nextInt(16);
      c.reqTax = 20 + rnd.nextInt(11);
    } else {
      c.reqInvest = 300 + 10 * rnd.nextInt(16);
      c.reqTax = 15 + rnd.nextInt(16);
    }
    c.farMinInd = farMinFor(c.industries.get(0));
  }

  /** FAR minimum for industrial land by industry (工业项目建设用地控制指标 style, 0.7-1.2). */
  static double farMinFor(String industry) {
    String s = industry == null ? "" : industry;
    if (s.matches(".*(电子|信息|半导体|集成电路|芯片|光电|软件|传感|终端|计算|网络|人工智能|物联|智联|北斗|数字|通讯).*")) {
      return 1.2;
    }
    if (s.matches(".*(建材|水泥|铸造|锅炉).*")) {
      return 0.7;
    }
    if (s.matches(".*(化工|材料|金属|铝|钢|冶|纺织|家居|木).*")) {
      return 0.8;
    }
    if (s.matches(".*(汽车|商用车|乘用车|发动机|装备|机械|盾构|起重|机器人|环保|设备|电机).*")) {
      return 1.0;
    }
    if (s.matches(".*(医|药|生物|诊断|食品|粮食|健康).*")) {
      return 1.0;
    }
    return 1.0;
  }

  private static Object[][] mixFor(Ctx c, boolean smp) {
    if (smp) {
      return MIX_SMALL_MICRO;
    }
    String k = c.kind == null ? "" : c.kind;
    return switch (k) {
      case "logistics_park", "bonded_zone" -> MIX_LOGISTICS;
      case "innovation_park" -> MIX_INNOVATION;
      case "service_park" -> MIX_SERVICE;
      default -> MIX_INDUSTRIAL;
    };
  }

  static String industryFor(String code, Ctx c, List<String> industries, Random rnd) {
    String cls = classOf(code);
    String k = c.kind == null ? "" : c.kind;
    switch (cls) {
      case "IND":
        return pick(industries, rnd);
      case "LOG":
        if (code.equals("1102")) {
          return "仓储服务";
        }
        return c.logistics() ? pick(industries, rnd) : "现代物流";
      case "RES":
        return k.equals("innovation_park") ? pick(industries, rnd) : pick(List.of("研发服务", "检验检测"), rnd);
      case "BUS":
        return k.equals("service_park") || k.equals("bonded_zone")
            ? pick(industries, rnd)
            : pick(List.of("商务服务", "金融服务", "科技服务"), rnd);
      case "COM":
        return pick(List.of("商业服务", "餐饮服务", "零售"), rnd);
      default:
        return code.equals("1303") ? "电力供应" : code.equals("1305") ? "热力供应" : "通信服务";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // parcels

  /** A parcel with every attribute filled; {@code smpId} null outside small-micro parks. */
  static Parcel parcel(String id, Ctx c, String smpId, List<String> industries, boolean developed,
      SynthFabric.Lot lot, Random rnd) {
    boolean smp = smpId != null;
    String code = pick(mixFor(c, smp), rnd);
    String cls = classOf(code);
    ParcelStatus st;
    if (cls.equals("UTIL")) {
      st = ParcelStatus.in_use;
    } else if (smp) {
      st = pick(STATUS_SMALL_MICRO, rnd);
    } else {
      st = pick(developed ? STATUS_DEVELOPED : STATUS_NEW, rnd);
    }
    Integer supply = null;
    Integer build = null;
    switch (st) {
      case in_use -> {
        supply = 2005 + rnd.nextInt(17);
        build = Math.min(2022, supply + rnd.nextInt(3));
      }
      case partly_used -> {
        supply = 2005 + rnd.nextInt(17);
        build = Math.min(2023, supply + rnd.nextInt(3));
      }
      case built_not_producing -> {
        supply = 2008 + rnd.nextInt(14);
        build = Math.min(2022, supply + rnd.nextInt(3));
      }
      case under_construction -> {
        supply = 2018 + rnd.nextInt(7);
        build = supply + rnd.nextInt(Math.min(2, 2024 - supply) + 1);
      }
      case supplied_not_used -> supply = 2022 + rnd.nextInt(3);
      case idle -> supply = 2008 + rnd.nextInt(14);
      default -> { }
    }
    double farMin;
    double covMin;
    switch (cls) {
      case "IND" -> {
        farMin = smp ? Math.max(1.0, c.farMinInd) : c.farMinInd;
        covMin = 0.30;
      }
      case "LOG" -> {
        farMin = 0.8;
        covMin = 0.30;
      }
      case "RES" -> {
        farMin = 1.2;
        covMin = 0;
      }
      case "BUS", "COM" -> {
        farMin = 2.0;
        covMin = 0;
      }
      default -> {
        farMin = 0;
        covMin = 0;
      }
    }
    double far = 0;
    double cov = 0;
    if (st == ParcelStatus.in_use || st == ParcelStatus.built_not_producing) {
      switch (cls) {
        case "IND", "LOG" -> {
          double top = cls.equals("IND") ? (smp ? 2.4 : 2.0) : 1.5;
          far = farMin + (top - farMin) * Math.pow(rnd.nextDouble(), 1.3);
          cov = cls.equals("IND") ? uniform(rnd, 0.32, 0.60) : uniform(rnd, 0.40, 0.62);
          if (rnd.nextDouble() < 0.10) { // below the control indicators
            double m = rnd.nextDouble();
            if (m < 0.75) {
              far = uniform(rnd, 0.35, farMin - 0.05);
            }
            if (m >= 0.5) {
              cov = uniform(rnd, 0.15, 0.28);
            }
          }
        }
        case "RES" -> {
          far = uniform(rnd, 1.2, 3.0);
          cov = uniform(rnd, 0.20, 0.40);
        }
        case "BUS", "COM" -> {
          far = uniform(rnd, 2.0, 4.5);
          cov = uniform(rnd, 0.25, 0.45);
        }
        default -> {
          far = uniform(rnd, 0.2, 0.8);
          cov = uniform(rnd, 0.15, 0.40);
        }
      }
    } else if (st == ParcelStatus.partly_used) {
      far = uniform(rnd, 0.1, 0.5);
      cov = uniform(rnd, 0.08, 0.25);
    }
    far = round(far, 2);
    cov = round(cov, 3);
    double invest = 0;
    double tax = 0;
    if (cls.equals("IND")) {
      invest = c.reqInvest;
      tax = c.reqTax;
    } else if (cls.equals("LOG")) {
      invest = Math.round(c.reqInvest * 0.07) * 10.0;
      tax = Math.round(c.reqTax * 0.6);
    }
    double area = lot.areaM2();
    return new Parcel(id, c.zone, c.board, c.park, smpId, code, LAND_USE_NAMES.get(code), st.name(), area,
        area / Geodesy.M2_PER_MU, round(far * area, 1), far, cov, farMin, covMin, invest, tax, supply, build,
        lot.geom());
  }

  // ---------------------------------------------------------------------------------------------
  // points

  static Point interiorPoint(Polygon p) {
    Coordinate c = p.getInteriorPoint().getCoordinate();
    Point pt = roundedPoint(c.x, c.y);
    return p.contains(pt) ? pt : roundedPoint(p.getCoordinates()[0].x, p.getCoordinates()[0].y);
  }

  static Point randomPointIn(Polygon p, Random rnd) {
    Envelope e = p.getEnvelopeInternal();
    for (int i = 0; i < 40; i++) {
      Point pt = roundedPoint(uniform(rnd, e.getMinX(), e.getMaxX()), uniform(rnd, e.getMinY(), e.getMaxY()));
      if (p.contains(pt)) {
        return pt;
      }
    }
    return interiorPoint(p);
  }

  static Point roundedPoint(double lon, double lat) {
    return SynthFabric.GF.createPoint(new CoordinateXY(SynthFabric.PM.makePrecise(lon), SynthFabric.PM.makePrecise(lat)));
  }

  // ---------------------------------------------------------------------------------------------
  // figures

  private static double zoneRevFactor(String zone) {
    if (zone == null) {
      return 1.0;
    }
    if (zone.startsWith("xx")) {
      return 0.78;
    }
    return switch (zone) {
      case "zzhitech" -> 1.08;
      case "zzetdz" -> 1.0;
      default -> 0.92;
    };
  }

  /**
   * Yearly figures 2021-2024. Calibration (2024, producing enterprises): revenue per mu lognormal,
   * median about 600 万元/亩 (industrial, Zhengzhou ETDZ; × 1.08 high-tech zone, × 0.78 Xinxiang),
   * 10% low performers at 5-30% of that; tax about 4.4% of revenue, so about 26 万元/亩 for the median
   * producing enterprise and 18-20 万元/亩 for the median of all industrial enterprises (owners of
   * idle or unbuilt land, partly used land and low performers included);
   * value added 20-30% of revenue; value added per tce median 3.0 / 2.0 / 1.1 万元 for 一/二/三类
   * industry; R&amp;D 1-5% of revenue; about 2% of rows miss one or two figures. Non-producing land
   * owners pay land-use tax only (0.4-1.2 万元/亩) and invest while building.
   */
  static List<YearFigures> figures(Ent e, Random rnd) {
    Parcel main = e.main();
    String code = e.landUseCode;
    String cls = classOf(code);
    ParcelStatus st = e.owner ? ParcelStatus.valueOf(main.status()) : ParcelStatus.in_use;
    double landMu = e.landMu();
    boolean producing = st == ParcelStatus.in_use || st == ParcelStatus.partly_used;
    int prodStart;
    if (!e.owner) {
      prodStart = e.sinceYear;
    } else if (producing) {
      prodStart = Math.min(SyntheticGenerator.LAST_YEAR, main.buildStartYear() + 1 + (rnd.nextDouble() < 0.3 ? 1 : 0));
    } else {
      prodStart = Integer.MAX_VALUE;
    }
    double revMed;
    double taxMed;
    double vaLo;
    double vaHi;
    double tceMed;
    double empMed;
    double rdLo;
    double rdHi;
    switch (cls) {
      case "IND" -> {
        revMed = 600 * zoneRevFactor(e.ctx.zone) * (code.equals("100103") ? 0.9 : 1.0);
        taxMed = 0.044;
        vaLo = 0.20;
        vaHi = 0.30;
        tceMed = code.equals("100101") ? 3.0 : code.equals("100102") ? 2.0 : 1.1;
        empMed = 120;
        rdLo = 0.01;
        rdHi = 0.05;
      }
      case "LOG" -> {
        revMed = 280 * zoneRevFactor(e.ctx.zone);
        taxMed = 0.035;
        vaLo = 0.25;
        vaHi = 0.35;
        tceMed = 4;
        empMed = 150;
        rdLo = 0.002;
        rdHi = 0.01;
      }
      case "RES" -> {
        revMed = 260 * zoneRevFactor(e.ctx.zone);
        taxMed = 0.06;
        vaLo = 0.35;
        vaHi = 0.50;
        tceMed = 8;
        empMed = 45;
        rdLo = 0.05;
        rdHi = 0.15;
      }
      case "BUS" -> {
        revMed = 500 * zoneRevFactor(e.ctx.zone);
        taxMed = 0.06;
        vaLo = 0.30;
        vaHi = 0.45;
        tceMed = 12;
        empMed = 70;
        rdLo = 0.002;
        rdHi = 0.02;
      }
      case "COM" -> {
        revMed = 600 * zoneRevFactor(e.ctx.zone);
        taxMed = 0.04;
        vaLo = 0.15;
        vaHi = 0.25;
        tceMed = 10;
        empMed = 90;
        rdLo = 0.0;
        rdHi = 0.005;
      }
      default -> {
        revMed = 300;
        taxMed = 0.05;
        vaLo = 0.25;
        vaHi = 0.40;
        tceMed = 1.2;
        empMed = 200;
        rdLo = 0.002;
        rdHi = 0.01;
      }
    }
    double revPerMu = lognormal(rnd, revMed, 0.55);
    if (rnd.nextDouble() < 0.10) {
      revPerMu *= uniform(rnd, 0.05, 0.30);
    }
    double perf = st == ParcelStatus.partly_used ? 0.45 : 1.0;
    double taxRate = lognormal(rnd, taxMed, 0.25);
    double vaRate = uniform(rnd, vaLo, vaHi);
    double vaPerTce = Math.max(0.4, lognormal(rnd, tceMed, 0.35));
    double revPerEmp = lognormal(rnd, empMed, 0.35);
    double rdRate = uniform(rnd, rdLo, rdHi);
    double maintRate = uniform(rnd, 0.01, 0.06);
    double pollPerTce = code.equals("100103") ? uniform(rnd, 0.8, 2.5)
        : code.equals("100102") ? uniform(rnd, 0.2, 0.8)
        : code.equals("100101") ? uniform(rnd, 0.02, 0.2) : uniform(rnd, 0.005, 0.05);
    double growth = Math.exp(0.05 + 0.04 * rnd.nextGaussian());
    double landTaxPerMu = uniform(rnd, 0.4, 1.2);
    double reqInvest = main.reqInvestWanPerMu() > 0 ? main.reqInvestWanPerMu() : 300;
    double buildInvest = reqInvest * landMu * uniform(rnd, 0.6, 1.2);
    Integer buildStart = main.buildStartYear();
    Integer supply = main.supplyYear();
    double base = revPerMu * landMu * perf;

    List<YearFigures> out = new ArrayList<>(4);
    for (int y = SyntheticGenerator.FIRST_YEAR; y <= SyntheticGenerator.LAST_YEAR; y++) {
      double ramp = y < prodStart ? 0 : y == prodStart && prodStart > SyntheticGenerator.FIRST_YEAR ? 0.5 : 1;
      boolean hasLand = e.owner ? supply != null && y >= supply : y >= e.sinceYear;
      double tax;
      double rev;
      double va;
      double tce;
      int emp;
      double rd;
      double inv;
      double poll;
      if (ramp > 0) {
        rev = base * Math.pow(growth, y - SyntheticGenerator.LAST_YEAR) * Math.exp(0.05 * rnd.nextGaussian()) * ramp;
        tax = rev * taxRate * Math.exp(0.05 * rnd.nextGaussian()) + (e.owner ? landMu * landTaxPerMu : 0);
        va = rev * vaRate;
        tce = va / vaPerTce;
        emp = (int) Math.max(3, Math.round(rev / revPerEmp));
        rd = rev * rdRate;
        inv = rev * maintRate;
        poll = tce * pollPerTce;
      } else {
        rev = 0;
        va = 0;
        tce = 0;
        rd = 0;
        poll = 0;
        tax = e.owner && hasLand ? landMu * landTaxPerMu : 0;
        emp = hasLand ? 1 + rnd.nextInt(8) : 0;
        inv = 0;
        if (e.owner && buildStart != null && y >= buildStart) {
          int span;
          if (st == ParcelStatus.built_not_producing) {
            span = 2;
          } else if (producing) {
            span = Math.max(1, prodStart - buildStart);
          } else {
            span = 3;
          }
          if (y < buildStart + span) {
            inv = buildInvest / span;
          }
        }
      }
      Double[] v = {round(tax, 1), round(rev, 1), round(va, 1), round(tce, 1), null, round(rd, 1), round(inv, 1),
        round(poll, 1)};
      Integer employees = emp;
      if (rnd.nextDouble() < 0.02) { // not reported
        int k = 1 + rnd.nextInt(2);
        for (int j = 0; j < k; j++) {
          int f = rnd.nextInt(8);
          if (f == 4) {
            employees = null;
          } else {
            v[f] = null;
          }
        }
      }
      out.add(new YearFigures(e.id, y, v[0], v[1], v[2], v[3], employees, v[5], v[6], v[7]));
    }
    return out;
  }
}
