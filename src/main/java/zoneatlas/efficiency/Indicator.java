package zoneatlas.efficiency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The mu-efficiency (亩均效益) indicators, each a numerator over a denominator so that an
 * enterprise's value and a park's roll-up are the same formula (a roll-up is the sum of
 * numerators over the sum of denominators, never a mean of ratios). Money is in 万元, land in mu
 * (亩); per-area indicators are also given per hectare (× 15) because national development-zone
 * evaluations work in hectares.
 */
public enum Indicator {
  /** 亩均税收: tax over land. */
  TAX_PER_MU("tax_per_mu", "亩均税收", "Tax per mu", "万元/亩", true, true),
  /** 亩均营业收入: revenue over land. */
  REVENUE_PER_MU("revenue_per_mu", "亩均营业收入", "Revenue per mu", "万元/亩", true, true),
  /** 亩均增加值: value added over land. */
  VALUE_ADDED_PER_MU("value_added_per_mu", "亩均增加值", "Value added per mu", "万元/亩", true, true),
  /** 单位能耗增加值: value added per tonne of standard coal. */
  VALUE_ADDED_PER_TCE("value_added_per_tce", "单位能耗增加值", "Value added per tce", "万元/吨标准煤", false, true),
  /** 单位能耗营业收入: revenue per tonne of standard coal (Zhengzhou ranks C-class firms by 单位能耗总产值). */
  REVENUE_PER_TCE("revenue_per_tce", "单位能耗营业收入", "Revenue per tce", "万元/吨标准煤", false, true),
  /** 单位排放增加值: value added per pollutant equivalent. */
  VALUE_ADDED_PER_POLLUTANT("value_added_per_pollutant", "单位排放增加值", "Value added per pollutant equivalent",
      "万元/当量", false, true),
  /** 全员劳动生产率: value added per employee. */
  LABOUR_PRODUCTIVITY("labour_productivity", "全员劳动生产率", "Labour productivity", "万元/人", false, true),
  /** 研发经费投入强度: R&amp;D spending over revenue, per cent. */
  RND_INTENSITY("rnd_intensity", "研发经费投入强度", "R&D intensity", "%", false, true),
  /**
   * 投资强度: fixed-asset investment over land. The figures hold each year's investment, so the
   * numerator is the sum of every year on record up to the evaluation year.
   */
  INVESTMENT_INTENSITY("investment_intensity", "投资强度", "Investment intensity", "万元/亩", true, true),
  /** 万元增加值能耗: energy per value added (lower is better); the form the plans state energy targets in. */
  ENERGY_PER_VALUE_ADDED("energy_per_value_added", "万元增加值能耗", "Energy per 10,000 CNY value added",
      "吨标准煤/万元", false, true),
  /** 容积率: floor area over land area, land-weighted over the parcels. */
  FAR("far", "容积率", "Floor-area ratio", "", false, false),
  /** 建筑系数: building coverage, per cent of land, land-weighted over the parcels. */
  COVERAGE("coverage", "建筑系数", "Building coverage", "%", false, false);

  public final String key;
  public final String nameZh;
  public final String nameEn;
  /** Unit per mu (or the unit when not per area). */
  public final String unit;
  /** Divided by land area: converts to per hectare by × 15. */
  public final boolean perArea;
  /** Built from enterprise figures, so per-enterprise values are confidential. */
  public final boolean fromFigures;

  Indicator(String key, String nameZh, String nameEn, String unit, boolean perArea, boolean fromFigures) {
    this.key = key;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.unit = unit;
    this.perArea = perArea;
    this.fromFigures = fromFigures;
  }

  /** Mu per hectare. */
  public static final double MU_PER_HA = 15.0;

  /** The key in a given area unit: {@code tax_per_mu} becomes {@code tax_per_ha}. */
  public String key(Unit u) {
    return u == Unit.ha ? key.replace("_per_mu", "_per_ha") : key;
  }

  public String unit(Unit u) {
    return u == Unit.ha && perArea ? unit.replace("/亩", "/公顷") : unit;
  }

  public String nameZh(Unit u) {
    return u == Unit.ha ? nameZh.replace("亩均", "地均") : nameZh;
  }

  public String nameEn(Unit u) {
    return u == Unit.ha ? nameEn.replace("per mu", "per hectare") : nameEn;
  }

  /** A per-mu value in the given unit. */
  public double convert(double perMu, Unit u) {
    return u == Unit.ha && perArea ? perMu * MU_PER_HA : perMu;
  }

  public static Optional<Indicator> byKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String k = key.trim().toLowerCase(Locale.ROOT).replace("_per_ha", "_per_mu");
    return Arrays.stream(values()).filter(i -> i.key.equals(k)).findFirst();
  }

  public static String keys() {
    return Arrays.stream(values()).map(i -> i.key).collect(Collectors.joining(", "));
  }

  /** Area unit of per-area indicators and of land. */
  public enum Unit {
    mu,
    ha
  }
}
