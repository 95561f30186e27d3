package zoneatlas.efficiency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.efficiency.Scheme.Weighting;
import zoneatlas.http.ApiError;

/**
 * How the 亩均 results read as tables and JSON: the panel's meta, the ranking tables per level,
 * classes, low-efficiency land, plan targets and trends, with their columns named in both
 * languages. Every value shown to a role that may not see confidential figures is taken through
 * {@link Disclosure} here, and only here. Reads results from {@link EfficiencyService}'s cache.
 */
final class EfficiencyTables {
  private static final JsonFactory JSONF = new JsonFactory();
  private final EfficiencyService svc;
  private final Schemes schemes;
  private final Targets targets;
  private final int minGroup;

  EfficiencyTables(EfficiencyService svc, Schemes schemes, Targets targets, int minGroup) {
    this.svc = svc;
    this.schemes = schemes;
    this.targets = targets;
    this.minGroup = minGroup;
  }

  private EfficiencyData data() throws SQLException {
    return svc.data();
  }

  private EfficiencyResult official(EfficiencyData d, Scheme s, int year) {
    return svc.official(d, s, year);
  }

  private Scheme scheme(String id) {
    return svc.scheme(id);
  }

  private int year(EfficiencyData d, Integer year) {
    return svc.year(d, year);
  }

  private String zone(EfficiencyData d, String zone) {
    return svc.zone(d, zone);
  }

  private Disclosure disclosure(EfficiencyResult r) {
    return svc.disclosure(r);
  }

  /** What the map panel needs to build its controls: years, schemes, indicators, levels. */
  public Map<String, Object> meta() throws SQLException {
    EfficiencyData d = data();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataVersion", d.version);
    m.put("years", d.years());
    m.put("latestYear", d.latestYear());
    m.put("defaultScheme", schemes.defaultScheme().id());
    m.put("minGroupSize", minGroup);
    m.put("synthetic", d.enterprises.stream().anyMatch(e -> e.synthetic()));
    List<Object> zs = new ArrayList<>();
    for (String z : d.zones()) {
      GroupName g = d.groups.get(z);
      zs.add(mapOf("id", z, "name_zh", g == null ? z : g.nameZh(), "name_en", g == null ? z : g.nameEn()));
    }
    m.put("zones", zs);
    List<Object> ss = new ArrayList<>();
    for (Scheme s : schemes.all()) {
      ss.add(schemeJson(s, d.zones()));
    }
    m.put("schemes", ss);
    List<Object> is = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      is.add(mapOf("key", i.key, "key_ha", i.key(Unit.ha), "name_zh", i.nameZh, "name_en", i.nameEn, "unit", i.unit,
          "unit_ha", i.unit(Unit.ha), "perArea", i.perArea, "fromFigures", i.fromFigures));
    }
    m.put("indicators", is);
    List<Object> ls = new ArrayList<>();
    for (Level l : Level.values()) {
      ls.add(mapOf("id", l.param, "collection", l.collection, "name_zh", l.nameZh, "name_en", l.nameEn, "confidential",
          l == Level.enterprise));
    }
    m.put("levels", ls);
    List<Object> rs = new ArrayList<>();
    for (LowReason r : LowReason.values()) {
      rs.add(mapOf("code", r.name(), "name_zh", r.nameZh, "name_en", r.nameEn, "confidential", r.confidential));
    }
    m.put("lowReasons", rs);
    return m;
  }

  static Map<String, Object> schemeJson(Scheme s, List<String> zones) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name_zh", s.nameZh());
    m.put("name_en", s.nameEn());
    m.put("description_zh", s.descriptionZh());
    m.put("description_en", s.descriptionEn());
    m.put("method", s.classify().method().name());
    m.put("classes", s.classify().classes());
    if (!s.classify().limits().isEmpty()) {
      m.put(s.classify().method() == Scheme.Method.thresholds ? "min_score" : "top_share", s.classify().limits());
    }
    if (s.classify().method() == Scheme.Method.two_stage) {
      m.put("a_share", s.classify().aShare());
      m.put("a_rank_by", s.classify().aRankBy().key);
      m.put("c_share", s.classify().cShare());
      m.put("c_rank_by", s.classify().cRankBy().key);
    }
    m.put("cap", s.scoring().cap());
    m.put("weights", weightsJson(s.scoring().defaults()));
    Map<String, Object> zw = new LinkedHashMap<>();
    for (String z : zones) {
      zw.put(z, weightsJson(s.scoring().forZone(z)));
    }
    m.put("zoneWeights", zw);
    Scheme.Scope sc = s.scope();
    m.put("scope", mapOf("min_land_mu", sc.minLandMu(), "min_leased_floor_m2", sc.minLeasedFloorM2(),
        "construction_years", sc.constructionYears(), "new_enterprise_years", sc.newEnterpriseYears(),
        "tenants_take_owner_grade", sc.tenantsTakeOwnerGrade(), "tenant_size_classes", sc.tenantSizeClasses(),
        "exempt_class", sc.exemptClass()));
    m.put("lowClasses", s.lowEfficiency().lowClasses());
    m.put("basis", s.basisJson());
    m.put("evaluation", evaluationJson(s.evaluation()));
    m.put("whatIf", s.whatIf());
    return m;
  }

  private static Map<String, Object> weightsJson(Map<Indicator, Weighting> w) {
    Map<String, Object> m = new LinkedHashMap<>();
    w.forEach((i, x) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("weight", x.weight());
      e.put("benchmark", x.benchmark().zoneAverage() ? "zone_average" : x.benchmark().fixed());
      if (x.benchmark().source() != null) {
        e.put("source_doc", x.benchmark().source().sourceDoc());
        e.put("source_lines", x.benchmark().source().sourceLines());
        e.put("citation", zoneatlas.layers.SourceDocs.citations(x.benchmark().source().sourceDoc(),
            x.benchmark().source().sourceLines()));
      }
      m.put(i.key, e);
    });
    return m;
  }

  /** Indicators per enterprise, parcel or roll-up. */
  public Table indicators(Role role, Level level, Integer year, String schemeId, String zone, Unit unit) throws SQLException {
    boolean conf = role.seesConfidential();
    if (level == Level.enterprise && !conf) {
      throw ApiError.forbidden("level=enterprise shows per-enterprise figures, which are confidential: sign in as a "
          + "land officer or administrator (roll-ups of at least " + minGroup + " enterprises are open to all)");
    }
    EfficiencyData d = data();
    EfficiencyResult r = official(d, scheme(schemeId), year(d, year));
    Disclosure disc = disclosure(r);
    Disclosure.Seen seen = disc.seenBy(role);
    String z = zone(d, zone);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Table.Col> cols;
    int suppressed = 0;
    switch (level) {
      case enterprise -> {
        cols = enterpriseCols(unit, r.scheme);
        for (EnterpriseResult e : r.enterprises) {
          if (z == null || z.equals(e.enterprise().zone())) {
            rows.add(enterpriseRow(e, unit));
          }
        }
      }
      case parcel -> {
        cols = parcelCols(unit, conf);
        for (int i = 0; i < r.parcels.size(); i++) {
          ParcelResult p = r.parcels.get(i);
          if (z == null || z.equals(p.parcel().zone())) {
            Map<String, Object> row = parcelRow(p, unit, conf, seen.parcel(i), disc.whyParcel(i));
            if (Boolean.TRUE.equals(row.get("suppressed"))) {
              suppressed++;
            }
            rows.add(row);
          }
        }
      }
      default -> {
        cols = groupCols(unit, r.scheme);
        for (GroupResult g : r.groups.get(level).values()) {
          if (z == null || z.equals(g.zone())) {
            Map<String, Object> row = groupRow(g, unit, conf, seen.group(level, g.id()), disc.whyGroup(level, g.id()), r);
            if (Boolean.TRUE.equals(row.get("suppressed"))) {
              suppressed++;
            }
            rows.add(row);
          }
        }
      }
    }
    Map<String, Object> meta = baseMeta(r, unit);
    meta.put("level", level.param);
    meta.put("collection", level.collection);
    meta.put("zone", z);
    meta.put("suppressed", suppressed);
    if (suppressed > 0) {
      meta.put("suppressedReason", "figures of fewer than " + minGroup + " enterprises are withheld for your role, and so"
          + " are those of some larger areas, so that no published total can be subtracted down to one or two enterprises");
      meta.put("suppressedReason_zh", "有数据企业不足" + minGroup + "家的地块和区域不公开税收、营收等数据；为防止用合计值相减推算出个别企业的数据，"
          + "部分企业数足够的区域也一并隐去");
    }
    return new Table("indicators-" + level.param, cols, rows, meta);
  }

  Map<String, Object> baseMeta(EfficiencyResult r, Unit unit) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("year", r.year);
    meta.put("scheme", r.scheme.id());
    meta.put("scheme_name_zh", r.scheme.nameZh());
    meta.put("scheme_name_en", r.scheme.nameEn());
    meta.put("classes", r.scheme.classify().classes());
    meta.put("unit", unit.name());
    meta.put("dataVersion", r.data.version);
    meta.put("synthetic", r.data.enterprises.stream().anyMatch(e -> e.synthetic()));
    meta.put("minGroupSize", minGroup);
    meta.put("lists", listStates(r));
    return meta;
  }

  /** A scheme's notice period and its bonus, penalty and exemption items, for the panel's forms. */
  static Map<String, Object> evaluationJson(Scheme.Evaluation ev) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Scheme.Adjustment a : ev.adjustments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", a.code());
      m.put("kind", a.points() >= 0 ? "bonus" : "penalty");
      m.put("name_zh", a.nameZh());
      m.put("name_en", a.nameEn());
      m.put("points", a.points());
      m.put("cap_class", a.capClass());
      items.add(m);
    }
    for (Scheme.Exemption x : ev.exemptions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", x.code());
      m.put("kind", "exemption");
      m.put("name_zh", x.nameZh());
      m.put("name_en", x.nameEn());
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notice_days", ev.noticeDays());
    out.put("items", items);
    return out;
  }

  /**
   * Which list each zone's classes come from: the published one (and its revision), the one on
   * public notice, or the draft the engine computes; a what-if is always labelled as one.
   */
  public static Map<String, Object> listStates(EfficiencyResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String z : r.data.zones()) {
      EfficiencyData.FrozenList l = r.frozen.get(z);
      Map<String, Object> m = new LinkedHashMap<>();
      if (r.scheme.whatIf()) {
        m.put("state", "what_if");
        m.put("label_zh", "模拟测算（非正式结果）");
        m.put("label_en", "What-if (not an official result)");
      } else if (l == null) {
        m.put("state", "draft");
        m.put("label_zh", "草案（尚未公示）");
        m.put("label_en", "Draft (not yet on public notice)");
      } else if (l.published()) {
        m.put("state", "published");
        m.put("revision", l.revision());
        m.put("label_zh", "已公布名单" + (l.revision() > 1 ? "（第" + l.revision() + "版）" : ""));
        m.put("label_en", "Published list" + (l.revision() > 1 ? " (revision " + l.revision() + ")" : ""));
      } else {
        m.put("state", "notice");
        m.put("label_zh", "公示中（" + l.noticeFrom() + " 至 " + l.noticeTo() + "）");
        m.put("label_en", "On public notice (" + l.noticeFrom() + " to " + l.noticeTo() + ")");
      }
      out.put(z, m);
    }
    return out;
  }

  private static List<Table.Col> indicatorCols(Unit unit, boolean figures) {
    List<Table.Col> c = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      if (figures || !i.fromFigures) {
        c.add(new Table.Col(i.key(unit), i.nameZh(unit), i.nameEn(unit), i.unit(unit)));
      }
    }
    return c;
  }

  private static Table.Col col(String key, String zh, String en) {
    return new Table.Col(key, zh, en, null);
  }

  private static Table.Col col(String key, String zh, String en, String unit) {
    return new Table.Col(key, zh, en, unit);
  }

  private static String area(Unit u) {
    return u == Unit.ha ? "公顷" : "亩";
  }

  private static double land(double mu, Unit u) {
    return u == Unit.ha ? mu / Indicator.MU_PER_HA : mu;
  }

  static List<Table.Col> enterpriseCols(Unit u, Scheme s) {
    List<Table.Col> c = new ArrayList<>(List.of(
        col("id", "企业编号", "Enterprise id"), col("uscc", "统一社会信用代码", "USCC"), col("name_zh", "企业名称", "Name (Chinese)"),
        col("name_en", "英文名称", "Name (English)"), col("zone", "开发区", "Zone"), col("park", "园区", "Park"),
        col("industry", "行业", "Industry"), col("size_class", "规模", "Size class"),
        col("founded_year", "成立年份", "Founded"), col("status", "参评状态", "Status"),
        col("status_zh", "参评状态说明", "Status (Chinese)"), col("status_note", "说明", "Status note"),
        col("land_" + u, "计入用地", "Land counted", area(u)), col("owned_land_" + u, "自有用地(扣除出租)", "Own land less leased out", area(u)),
        col("leased_land_" + u, "租入用地", "Leased land", area(u)),
        col("construction_land_" + u, "建设期用地", "Land in construction period", area(u)),
        col("leased_floor_m2", "租赁厂房面积", "Leased floor area", "m²")));
    c.addAll(indicatorCols(u, true));
    c.addAll(List.of(col("score", "综合得分", "Score"), col("rank", "区内排名", "Rank in zone"),
        col("ranked", "区内参评数", "Ranked in zone"), col("class", "分类", "Class"),
        col("class_note", "分类说明", "Class note"), col("missing", "缺项指标", "Missing indicators"),
        col("main_parcel", "主要地块", "Main parcel")));
    for (String f : EfficiencyResult.FIGURES) {
      c.add(col(f, FIGURE_ZH.get(f), f, FIGURE_UNIT.get(f)));
    }
    c.add(col("synthetic", "合成数据", "Synthetic"));
    return c;
  }

  static final Map<String, String> FIGURE_ZH = Map.of("tax_wan", "税收", "revenue_wan", "营业收入", "value_added_wan",
      "增加值", "energy_tce", "综合能耗", "employees", "从业人员", "rnd_wan", "研发经费", "investment_wan", "固定资产投资",
      "pollutant_eq", "主要污染物排放");
  static final Map<String, String> FIGURE_UNIT = Map.of("tax_wan", "万元", "revenue_wan", "万元", "value_added_wan",
      "万元", "energy_tce", "吨标准煤", "employees", "人", "rnd_wan", "万元", "investment_wan", "万元", "pollutant_eq",
      "当量");

  Map<String, Object> enterpriseRow(EnterpriseResult e, Unit u) {
    Map<String, Object> m = new LinkedHashMap<>();
    var en = e.enterprise();
    m.put("id", en.id());
    m.put("uscc", en.uscc());
    m.put("name_zh", en.nameZh());
    m.put("name_en", en.nameEn());
    m.put("zone", en.zone());
    m.put("park", en.park());
    m.put("industry", en.industry());
    m.put("size_class", en.sizeClass());
    m.put("founded_year", en.foundedYear() > 0 ? en.foundedYear() : null);
    m.put("status", e.status().name());
    m.put("status_zh", e.status().nameZh);
    m.put("status_note", e.statusNote());
    m.put("land_" + u, num(land(e.landMu(), u)));
    m.put("owned_land_" + u, num(land(e.ownedLandMu(), u)));
    m.put("leased_land_" + u, num(land(e.leasedLandMu(), u)));
    m.put("construction_land_" + u, num(land(e.constructionLandMu(), u)));
    m.put("leased_floor_m2", num(e.leasedFloorM2()));
    for (Indicator i : Indicator.values()) {
      m.put(i.key(u), num(i.convert(e.value(i), u)));
    }
    m.put("score", num(e.score()));
    m.put("rank", e.rank() > 0 ? e.rank() : null);
    m.put("ranked", e.ranked() > 0 ? e.ranked() : null);
    m.put("class", e.cls());
    m.put("class_note", e.classNote());
    m.put("missing", e.missing().stream().map(i -> i.key).toList());
    m.put("main_parcel", e.mainParcel());
    double[] t = e.figures() == null ? null : EfficiencyResult.figureValues(e.figures());
    for (int k = 0; k < EfficiencyResult.FIGURES.length; k++) {
      m.put(EfficiencyResult.FIGURES[k], t == null ? null : num(t[k]));
    }
    m.put("synthetic", en.synthetic());
    return m;
  }

  List<Table.Col> parcelCols(Unit u, boolean conf) {
    List<Table.Col> c = new ArrayList<>(List.of(
        col("id", "地块编号", "Parcel id"), col("zone", "开发区", "Zone"), col("board", "核心板块", "Core board"),
        col("park", "园区", "Park"), col("small_micro_park", "小微企业园", "Small-micro park"),
        col("land_use_code", "用地代码", "Land-use code"), col("land_use_name", "用地类型", "Land use"),
        col("status", "土地状态", "Status"), col("area_" + u, "地块面积", "Area", area(u)),
        col("enterprises", "有数据企业数", "Enterprises with figures"), col("users", "用地企业数", "Land users"),
        col("land_" + u, "计入用地", "Land counted", area(u))));
    c.addAll(indicatorCols(u, true));
    if (conf) {
      c.add(col("class", "分类", "Class"));
      c.add(col("main_enterprise", "主要用地企业", "Main land user"));
    }
    c.add(col("low_efficiency", "低效原因", "Low-efficiency reasons"));
    c.add(col("suppressed", "已隐去", "Withheld"));
    c.add(col("suppressed_reason", "隐去原因（英文）", "Why withheld"));
    c.add(col("suppressed_reason_zh", "隐去原因", "Why withheld (Chinese)"));
    return c;
  }

  Map<String, Object> parcelRow(ParcelResult p, Unit u, boolean conf, boolean shown, Disclosure.Why why) {
    Map<String, Object> m = new LinkedHashMap<>();
    var pc = p.parcel();
    m.put("id", pc.id());
    m.put("zone", pc.zone());
    m.put("board", pc.board());
    m.put("park", pc.park());
    m.put("small_micro_park", pc.smallMicroPark());
    m.put("land_use_code", pc.landUseCode());
    m.put("land_use_name", pc.landUseName());
    m.put("status", pc.status());
    m.put("area_" + u, num(land(pc.areaMu(), u)));
    m.put("enterprises", p.enterprises());
    m.put("users", p.users());
    boolean hide = !shown;
    m.put("land_" + u, hide ? null : num(land(p.landMu(), u)));
    for (Indicator i : Indicator.values()) {
      m.put(i.key(u), hide && i.fromFigures ? null : num(i.convert(p.value(i), u)));
    }
    if (conf) {
      m.put("class", p.cls());
      m.put("main_enterprise", p.mainEnterprise());
    }
    m.put("low_efficiency", visibleReasons(p, conf).stream().map(f -> f.reason().name()).toList());
    m.put("suppressed", hide && p.enterprises() > 0);
    m.put("suppressed_reason", hide && p.enterprises() > 0 ? withheld(p.enterprises(), why) : null);
    m.put("suppressed_reason_zh", hide && p.enterprises() > 0 ? withheldZh(why) : null);
    return m;
  }

  private String withheld(int n, Disclosure.Why why) {
    if (why == Disclosure.Why.few && n < minGroup) {
      return "figures of " + n + " enterprise" + (n == 1 ? "" : "s") + " (fewer than " + minGroup + ") are withheld";
    }
    if (why == Disclosure.Why.few) {
      return "some figures were reported by fewer than " + minGroup + " of its enterprises and are withheld";
    }
    return why.nameEn;
  }

  private String withheldZh(Disclosure.Why why) {
    if (why == Disclosure.Why.few) {
      return "有数据企业不足" + minGroup + "家，数据不予公开";
    }
    return why.nameZh;
  }

  static List<LowReason.Found> visibleReasons(ParcelResult p, boolean conf) {
    if (conf) {
      return p.reasons();
    }
    return p.reasons().stream().filter(f -> !f.reason().confidential).toList();
  }

  static List<Table.Col> groupCols(Unit u, Scheme s) {
    List<Table.Col> c = new ArrayList<>(List.of(
        col("level", "层级", "Level"), col("id", "编号", "Id"), col("name_zh", "名称", "Name (Chinese)"),
        col("name_en", "英文名称", "Name (English)"), col("feature_id", "图上要素", "Map feature"), col("zone", "开发区", "Zone"),
        col("parcels", "地块数", "Parcels"),
        col("parcel_area_" + u, "地块面积", "Parcel area", area(u)), col("built_area_" + u, "已建成面积", "Built area", area(u)),
        col("enterprises", "有数据企业数", "Enterprises with figures"), col("evaluated", "参评企业数", "Evaluated"),
        col("classed", "定级企业数", "Classed"), col("land_" + u, "企业计入用地", "Enterprise land counted", area(u))));
    c.addAll(indicatorCols(u, true));
    for (String f : EfficiencyResult.FIGURES) {
      c.add(col(f, FIGURE_ZH.get(f) + "合计", f + " (sum)", FIGURE_UNIT.get(f)));
    }
    for (String k : s.classify().classes()) {
      c.add(col("class_" + k, k + "类企业数", "Class " + k));
    }
    c.addAll(List.of(col("low_parcels", "低效地块数", "Low-efficiency parcels"),
        col("low_area_" + u, "低效用地面积", "Low-efficiency area", area(u)),
        col("suppressed", "已隐去", "Withheld"), col("suppressed_reason", "隐去原因（英文）", "Why withheld"),
        col("suppressed_reason_zh", "隐去原因", "Why withheld (Chinese)")));
    return c;
  }

  Map<String, Object> groupRow(GroupResult g, Unit u, boolean conf, boolean shown, Disclosure.Why why, EfficiencyResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    GroupName n = r.data.groups.get(g.id());
    m.put("level", g.level().param);
    m.put("id", g.id());
    m.put("name_zh", n == null ? null : n.nameZh());
    m.put("name_en", n == null ? null : n.nameEn());
    m.put("feature_id", n == null ? g.id() : n.featureId());
    m.put("zone", g.zone());
    m.put("parcels", g.parcels());
    m.put("parcel_area_" + u, num(land(g.parcelAreaMu(), u)));
    m.put("built_area_" + u, num(land(g.builtAreaMu(), u)));
    m.put("enterprises", g.enterprises());
    boolean hide = !shown;
    m.put("evaluated", hide ? null : g.evaluated());
    m.put("classed", hide ? null : g.classed());
    m.put("land_" + u, hide ? null : num(land(g.landMu(), u)));
    for (Indicator i : Indicator.values()) {
      m.put(i.key(u), hide && i.fromFigures ? null : num(i.convert(g.value(i), u)));
    }
    for (int k = 0; k < EfficiencyResult.FIGURES.length; k++) {
      m.put(EfficiencyResult.FIGURES[k], hide ? null : num(g.totals()[k]));
    }
    for (String k : r.scheme.classify().classes()) {
      m.put("class_" + k, hide ? null : g.classCounts().getOrDefault(k, 0));
    }
    m.put("low_parcels", conf ? g.lowParcels() : g.lowParcelsPublic());
    m.put("low_area_" + u, num(land(conf ? g.lowAreaMu() : g.lowAreaPublicMu(), u)));
    m.put("suppressed", hide);
    m.put("suppressed_reason", hide ? withheld(g.enterprises(), why) : null);
    m.put("suppressed_reason_zh", hide ? withheldZh(why) : null);
    return m;
  }

  /** The official classes: counts per zone for everyone, the per-enterprise list for confidential roles. */
  public Map<String, Object> classes(Role role, Integer year, String schemeId, String zone) throws SQLException {
    EfficiencyData d = data();
    EfficiencyResult r = official(d, scheme(schemeId), year(d, year));
    String z = zone(d, zone);
    boolean conf = role.seesConfidential();
    Map<String, Object> m = baseMeta(r, Unit.mu);
    m.put("official", true);
    m.put("zone", z);
    m.put("zones", zoneSummaries(r, null, z, conf));
    if (conf) {
      m.put("enterprises", classTable(r, z).rows());
    } else {
      m.put("enterprisesWithheld", "per-enterprise classes are confidential: sign in as a land officer or administrator");
    }
    return m;
  }

  /** The per-enterprise class list as a table (export), for confidential roles; else the zone counts. */
  public Table classesTable(Role role, Integer year, String schemeId, String zone) throws SQLException {
    EfficiencyData d = data();
    EfficiencyResult r = official(d, scheme(schemeId), year(d, year));
    String z = zone(d, zone);
    if (role.seesConfidential()) {
      return classTable(r, z);
    }
    List<Table.Col> cols = new ArrayList<>(List.of(col("zone", "开发区", "Zone"), col("evaluated", "参评企业数", "Evaluated"),
        col("classed", "定级企业数", "Classed")));
    for (String k : r.scheme.classify().classes()) {
      cols.add(col("class_" + k, k + "类企业数", "Class " + k));
    }
    cols.add(col("suppressed", "已隐去", "Withheld"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> s : zoneSummaries(r, null, z, false)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("zone", s.get("zone"));
      row.put("evaluated", s.get("evaluated"));
      row.put("classed", s.get("classed"));
      @SuppressWarnings("unchecked")
      Map<String, Integer> c = (Map<String, Integer>) s.get("counts");
      for (String k : r.scheme.classify().classes()) {
        row.put("class_" + k, c == null ? null : c.get(k));
      }
      row.put("suppressed", s.get("suppressed"));
      rows.add(row);
    }
    return new Table("classes", cols, rows, baseMeta(r, Unit.mu));
  }

  private Table classTable(EfficiencyResult r, String z) {
    List<Table.Col> cols = List.of(col("id", "企业编号", "Enterprise id"), col("uscc", "统一社会信用代码", "USCC"),
        col("name_zh", "企业名称", "Name (Chinese)"), col("name_en", "英文名称", "Name (English)"), col("zone", "开发区", "Zone"),
        col("park", "园区", "Park"), col("status", "参评状态", "Status"), col("land_mu", "计入用地", "Land counted", "亩"),
        col("score", "综合得分", "Score"), col("rank", "区内排名", "Rank in zone"), col("class", "分类", "Class"),
        col("class_note", "分类说明", "Class note"), col("main_parcel", "主要地块", "Main parcel"),
        col("list_zh", "名单", "List (Chinese)"), col("list_en", "名单（英文）", "List"));
    // which list the class is from: published, on notice, draft (see listStates)
    Map<String, Object> lists = listStates(r);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EnterpriseResult e : r.enterprises) {
      if (z != null && !z.equals(e.enterprise().zone())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.enterprise().id());
      m.put("uscc", e.enterprise().uscc());
      m.put("name_zh", e.enterprise().nameZh());
      m.put("name_en", e.enterprise().nameEn());
      m.put("zone", e.enterprise().zone());
      m.put("park", e.enterprise().park());
      m.put("status", e.status().name());
      m.put("land_mu", num(e.landMu()));
      m.put("score", num(e.score()));
      m.put("rank", e.rank() > 0 ? e.rank() : null);
      m.put("class", e.cls());
      m.put("class_note", e.classNote());
      m.put("main_parcel", e.mainParcel());
      @SuppressWarnings("unchecked")
      Map<String, Object> l = (Map<String, Object>) lists.get(e.enterprise().zone());
      m.put("list_zh", l == null ? null : l.get("label_zh"));
      m.put("list_en", l == null ? null : l.get("label_en"));
      rows.add(m);
    }
    rows.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("zone"), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(m -> m.get("rank") == null ? Integer.MAX_VALUE : (Integer) m.get("rank"))
        .thenComparing(m -> (String) m.get("id")));
    return new Table("classes", cols, rows, baseMeta(r, Unit.mu));
  }

  /** Class counts per zone; with {@code base}, also the official counts and how many firms moved. */
  List<Map<String, Object>> zoneSummaries(EfficiencyResult r, EfficiencyResult base, String z, boolean conf) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    Map<String, Map<String, Integer>> baseCounts = new TreeMap<>();
    Map<String, int[]> stat = new TreeMap<>();
    Map<String, int[]> moved = new TreeMap<>();
    List<String> classes = r.scheme.classify().classes();
    for (int i = 0; i < r.enterprises.size(); i++) {
      EnterpriseResult e = r.enterprises.get(i);
      String zone = e.enterprise().zone();
      if (z != null && !z.equals(zone)) {
        continue;
      }
      counts.computeIfAbsent(zone, k -> zeroCounts(classes));
      int[] st = stat.computeIfAbsent(zone, k -> new int[Status.values().length + 1]);
      st[e.status().ordinal()]++;
      if (e.cls() != null) {
        counts.get(zone).merge(e.cls(), 1, Integer::sum);
        st[Status.values().length]++;
      }
      if (base != null) {
        EnterpriseResult b = base.enterprises.get(i);
        baseCounts.computeIfAbsent(zone, k -> zeroCounts(classes));
        if (b.cls() != null) {
          baseCounts.get(zone).merge(b.cls(), 1, Integer::sum);
        }
        int[] mv = moved.computeIfAbsent(zone, k -> new int[3]);
        if (b.cls() != null && e.cls() != null) {
          int c = Integer.compare(classes.indexOf(e.cls()), classes.indexOf(b.cls()));
          mv[c < 0 ? 0 : c > 0 ? 1 : 2]++;
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> en : counts.entrySet()) {
      int[] st = stat.get(en.getKey());
      int evaluated = st[Status.evaluated.ordinal()];
      boolean hide = !conf && evaluated < minGroup;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("zone", en.getKey());
      GroupName g = r.data.groups.get(en.getKey());
      m.put("name_zh", g == null ? en.getKey() : g.nameZh());
      m.put("name_en", g == null ? en.getKey() : g.nameEn());
      m.put("evaluated", hide ? null : evaluated);
      m.put("classed", hide ? null : st[Status.values().length]);
      Map<String, Integer> byStatus = new LinkedHashMap<>();
      for (Status s : Status.values()) {
        byStatus.put(s.name(), st[s.ordinal()]);
      }
      m.put("byStatus", hide ? null : byStatus);
      m.put("counts", hide ? null : en.getValue());
      if (base != null) {
        m.put("officialCounts", baseCounts.get(en.getKey()));
        int[] mv = moved.get(en.getKey());
        m.put("up", mv[0]);
        m.put("down", mv[1]);
        m.put("same", mv[2]);
      }
      m.put("suppressed", hide);
      out.add(m);
    }
    return out;
  }

  private static Map<String, Integer> zeroCounts(List<String> classes) {
    Map<String, Integer> m = new LinkedHashMap<>();
    classes.forEach(c -> m.put(c, 0));
    return m;
  }

  /** Redevelopment candidates with their reasons (confidential reasons only for roles that may see them). */
  public Table lowEfficiency(Role role, Integer year, String schemeId, String zone, Unit u) throws SQLException {
    EfficiencyData d = data();
    EfficiencyResult r = official(d, scheme(schemeId), year(d, year));
    String z = zone(d, zone);
    boolean conf = role.seesConfidential();
    List<Table.Col> cols = new ArrayList<>(List.of(
        col("id", "地块编号", "Parcel id"), col("zone", "开发区", "Zone"), col("board", "核心板块", "Core board"),
        col("park", "园区", "Park"), col("small_micro_park", "小微企业园", "Small-micro park"),
        col("land_use_code", "用地代码", "Land-use code"), col("land_use_name", "用地类型", "Land use"),
        col("status", "土地状态", "Status"), col("area_" + u, "地块面积", "Area", area(u)),
        col("supply_year", "供地年份", "Supplied"), col("far", "容积率", "FAR"), col("far_min", "容积率控制值", "FAR minimum"),
        col("coverage", "建筑系数", "Coverage", "%"), col("coverage_min", "建筑系数控制值", "Coverage minimum", "%"),
        col("reasons", "低效原因代码", "Reason codes"), col("reasons_zh", "低效原因", "Reasons (Chinese)"),
        col("reasons_en", "Reasons", "Reasons (English)"), col("details", "依据", "Details (Chinese)"),
        col("details_en", "依据（英文）", "Details")));
    if (conf) {
      cols.add(col("class", "分类", "Class"));
      cols.add(col("main_enterprise", "主要用地企业", "Main land user"));
      cols.add(col("main_enterprise_name", "企业名称", "Main land user's name"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ParcelResult p : r.parcels) {
      var pc = p.parcel();
      if (z != null && !z.equals(pc.zone())) {
        continue;
      }
      List<LowReason.Found> rs = visibleReasons(p, conf);
      if (rs.isEmpty()) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", pc.id());
      m.put("zone", pc.zone());
      m.put("board", pc.board());
      m.put("park", pc.park());
      m.put("small_micro_park", pc.smallMicroPark());
      m.put("land_use_code", pc.landUseCode());
      m.put("land_use_name", pc.landUseName());
      m.put("status", pc.status());
      m.put("area_" + u, num(land(pc.areaMu(), u)));
      m.put("supply_year", pc.supplyYear());
      m.put("far", num(pc.far()));
      m.put("far_min", num(pc.farMin()));
      m.put("coverage", num(pc.coverage() * 100));
      m.put("coverage_min", num(pc.coverageMin() * 100));
      m.put("reasons", rs.stream().map(f -> f.reason().name()).toList());
      m.put("reasons_zh", String.join("、", rs.stream().map(f -> f.reason().nameZh).toList()));
      m.put("reasons_en", String.join("; ", rs.stream().map(f -> f.reason().nameEn).toList()));
      m.put("details", String.join("；", rs.stream().map(LowReason.Found::detailZh).toList()));
      m.put("details_en", String.join("; ", rs.stream().map(LowReason.Found::detailEn).toList()));
      if (conf) {
        m.put("class", p.cls());
        m.put("main_enterprise", p.mainEnterprise());
        m.put("main_enterprise_name", r.enterprise(p.mainEnterprise() == null ? "" : p.mainEnterprise())
            .map(e -> e.enterprise().nameZh()).orElse(null));
      }
      rows.add(m);
    }
    String areaKey = "area_" + u;
    rows.sort(Comparator.comparingDouble((Map<String, Object> m) -> -orZero(m.get(areaKey))).thenComparing(m -> (String) m.get("id")));
    Map<String, Object> meta = baseMeta(r, u);
    meta.put("zone", z);
    double total = 0;
    for (Map<String, Object> m : rows) {
      total += orZero(m.get(areaKey));
    }
    meta.put("total_area_" + u, num(total));
    if (!conf) {
      meta.put("withheld", "reasons based on enterprise figures (below standard, low class) are shown to land officers only");
    }
    return new Table("low-efficiency", cols, rows, meta);
  }

  /** The low-efficiency list as a GeoJSON FeatureCollection, parcel outlines from the store. */
  public void writeGeoJson(Table t, OutputStream out) throws SQLException, IOException {
    List<String> ids = t.rows().stream().map(m -> (String) m.get("id")).toList();
    Map<String, String> geoms = svc.repository().parcelGeoJson(ids);
    ObjectMapper om = new ObjectMapper();
    try (JsonGenerator g = JSONF.createGenerator(out)) {
      g.setCodec(om);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      for (Map.Entry<String, Object> e : t.meta().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeObject(e.getValue());
      }
      g.writeNumberField("numberReturned", t.rows().size());
      g.writeArrayFieldStart("features");
      for (Map<String, Object> row : t.rows()) {
        String geom = geoms.get((String) row.get("id"));
        if (geom == null) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", (String) row.get("id"));
        g.writeFieldName("geometry");
        g.writeRawValue(geom);
        g.writeFieldName("properties");
        g.writeObject(row);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** Zones and parks against the plans' targets, each with its citation. */
  public Table targets(Role role, Integer year, String schemeId) throws SQLException {
    EfficiencyData d = data();
    Scheme s = scheme(schemeId);
    int y = year(d, year);
    EfficiencyResult r = official(d, s, y);
    EfficiencyResult prev = d.years().contains(y - 1) ? official(d, s, y - 1) : null;
    Disclosure.Seen seen = disclosure(r).seenBy(role);
    Disclosure.Seen seenBefore = prev == null ? null : disclosure(prev).seenBy(role);
    List<Table.Col> cols = List.of(col("target_id", "目标编号", "Target id"), col("zone", "开发区", "Zone"),
        col("level", "层级", "Level"), col("id", "编号", "Id"), col("name_zh", "名称", "Name (Chinese)"),
        col("name_en", "英文名称", "Name (English)"), col("label_zh", "指标", "Indicator (Chinese)"),
        col("label_en", "Indicator", "Indicator (English)"), col("op", "比较", "Comparison"), col("target", "目标值", "Target"),
        col("actual", "实际值", "Actual"), col("unit", "单位", "Unit"), col("outcome", "结果代码", "Outcome code"),
        col("outcome_zh", "结果", "Outcome"), col("enterprises", "企业数", "Enterprises"),
        col("target_year", "目标年", "Target year"), col("kind_zh", "目标性质", "Kind (Chinese)"),
        col("kind_en", "Kind", "Kind (English)"), col("source_doc", "来源文件", "Source document"),
        col("source_lines", "来源行号", "Source lines"), col("note_zh", "说明", "Note (Chinese)"), col("note_en", "Note", "Note (English)"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Targets.Check c : targets.evaluate(r, prev)) {
      Targets.Target t = c.target();
      boolean hide = !seen.target(c, seenBefore);
      Map<String, Object> m = new LinkedHashMap<>();
      GroupName g = d.groups.get(c.groupId());
      m.put("target_id", t.id());
      m.put("zone", c.zone());
      m.put("level", c.level().param);
      m.put("id", c.groupId());
      m.put("name_zh", g == null ? c.groupId() : g.nameZh());
      m.put("name_en", g == null ? c.groupId() : g.nameEn());
      m.put("feature_id", g == null ? c.groupId() : g.featureId());
      m.put("label_zh", t.labelZh());
      m.put("label_en", t.labelEn());
      m.put("op", t.op());
      m.put("target", t.indicator() == null ? null : t.value());
      m.put("actual", hide ? null : num(c.actual()));
      m.put("unit", t.indicator() == null ? null : "growth>=".equals(t.op()) ? "%" : t.indicator().unit(t.areaUnit()));
      m.put("outcome", hide ? "suppressed" : c.outcome().name());
      m.put("outcome_zh", hide ? "为保护企业数据已隐去" : c.outcome().nameZh);
      m.put("enterprises", c.enterprises());
      m.put("target_year", t.targetYear());
      m.put("kind_zh", t.kindZh());
      m.put("kind_en", t.kindEn());
      m.put("source_doc", t.sourceDoc());
      m.put("source_lines", t.sourceLines());
      m.put("citation", zoneatlas.layers.SourceDocs.citations(t.sourceDoc(), t.sourceLines()));
      m.put("note_zh", t.noteZh());
      m.put("note_en", t.noteEn());
      rows.add(m);
    }
    Map<String, Object> meta = baseMeta(r, Unit.mu);
    meta.put("previousYear", prev == null ? null : prev.year);
    return new Table("targets", cols, rows, meta);
  }

  /** One indicator of every zone or park, year by year. */
  public Table trend(Role role, Level level, Indicator ind, String schemeId, String zone, Unit u) throws SQLException {
    if (!level.isGroup()) {
      throw ApiError.badParam("level", "trends are drawn for roll-ups: small-micro-park, industrial-park, core-board, zone");
    }
    EfficiencyData d = data();
    Scheme s = scheme(schemeId);
    String z = zone(d, zone);
    List<Table.Col> cols = new ArrayList<>(List.of(col("id", "编号", "Id"), col("name_zh", "名称", "Name (Chinese)"),
        col("name_en", "英文名称", "Name (English)"), col("zone", "开发区", "Zone")));
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (int y : d.years()) {
      cols.add(col("y" + y, ind.nameZh(u) + " " + y, ind.nameEn(u) + " " + y, ind.unit(u)));
      EfficiencyResult r = official(d, s, y);
      Disclosure.Seen seen = disclosure(r).seenBy(role);
      for (GroupResult g : r.groups.get(level).values()) {
        if (z != null && !z.equals(g.zone())) {
          continue;
        }
        Map<String, Object> m = rows.computeIfAbsent(g.id(), k -> {
          Map<String, Object> x = new LinkedHashMap<>();
          GroupName n = d.groups.get(k);
          x.put("id", k);
          x.put("name_zh", n == null ? null : n.nameZh());
          x.put("name_en", n == null ? null : n.nameEn());
          x.put("zone", g.zone());
          return x;
        });
        boolean hide = ind.fromFigures && !seen.group(level, g.id());
        m.put("y" + y, hide ? null : num(ind.convert(g.value(ind), u)));
        if (hide) {
          // so a chart can say 已隐去 rather than 无数据 for a value withheld (the row key is not a column: exports skip it)
          m.put("withheld_y" + y, true);
        }
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("level", level.param);
    meta.put("indicator", ind.key(u));
    meta.put("scheme", s.id());
    meta.put("years", d.years());
    meta.put("unit", u.name());
    meta.put("dataVersion", d.version);
    meta.put("minGroupSize", minGroup);
    return new Table("trend-" + ind.key(u), cols, new ArrayList<>(rows.values()), meta);
  }

  // ---------------------------------------------------------------------------------------------

  /** Rounded to 4 decimals; NaN and infinities become null (JSON has no NaN). */
  static Double num(double v) {
    if (!Double.isFinite(v)) {
      return null;
    }
    return Math.round(v * 1e4) / 1e4;
  }

  private static double orZero(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }}
