package zoneatlas.efficiency;

import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.SchemePolicies.PriceKind;
import zoneatlas.efficiency.SchemePolicies.PriceRule;
import zoneatlas.http.ApiError;
import zoneatlas.model.Parcel;
import zoneatlas.model.ParcelStatus;

/**
 * The lists a zone sends out after its annual evaluation: per price (power, water, gas,
 * discharge) every classed firm with its class and the scheme's price rule, the leaders (A) and
 * the watch list (D, 重点帮扶/整治), and the low-efficiency land by its five categories. They
 * name firms with their credit codes and rest on confidential figures, so only land officers and
 * administrators get them. Classes come from {@link EfficiencyService#official}, which gives the
 * frozen published list once a year is published, so a list never disagrees with the map.
 *
 * <p>Every value is in the requested language; in Chinese no internal id or code is written
 * (zones, parks and schemes by name, parcels by place and centre point). Stateless apart from the
 * services; thread-safe.
 */
public final class PolicyLists {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final EfficiencyService eff;
  private final ParcelPlaces places;

  /** Where a parcel is, for lists that may not name it by id: its centre point by parcel id. */
  public interface ParcelPlaces {
    Map<String, double[]> centres(String zone) throws SQLException;
  }

  public PolicyLists(EfficiencyService eff, ParcelPlaces places) {
    this.eff = eff;
    this.places = places;
  }

  /** The kinds of list, by their name in {@code /api/efficiency/policy/{kind}}. */
  public enum Kind {
    power("power"),
    water("water"),
    gas("gas"),
    discharge("discharge"),
    prices("prices"),
    leaders("leaders"),
    watch("watch"),
    low_land("low-land");

    public final String param;

    Kind(String param) {
      this.param = param;
    }

    public static Optional<Kind> byParam(String s) {
      return Arrays.stream(values()).filter(k -> k.param.equals(s)).findFirst();
    }

    public static String params() {
      return String.join(", ", Arrays.stream(values()).map(k -> k.param).toList());
    }

    PriceKind price() {
      return switch (this) {
        case power -> PriceKind.power;
        case water -> PriceKind.water;
        case gas -> PriceKind.gas;
        case discharge -> PriceKind.discharge;
        default -> null;
      };
    }
  }

  /**
   * Where a year's list stands: a draft, on public notice (公示), or published (revision n).
   * Printed on every list and report.
   */
  public record ListStatus(String code, int revision, String zh, String en) {
    public static final ListStatus DRAFT = new ListStatus("draft", 0, "草案", "Draft");
    public static final ListStatus MIXED = new ListStatus("mixed", 0, "各开发区不同（草案、公示中或已公布）",
        "Differs by zone (draft, on notice or published)");

    public static ListStatus notice() {
      return new ListStatus("notice", 0, "公示中", "On public notice");
    }

    public static ListStatus published(int revision) {
      return new ListStatus("published", revision, "已公布 第" + revision + "版", "Published, revision " + revision);
    }

    public String label(String lang) {
      return "en".equals(lang) ? en : zh;
    }
  }

  /**
   * The status line of the lists and reports built from this result: the one place that says
   * whether what is printed is a draft, on notice or published.
   */
  public ListStatus listStatus(EfficiencyResult r, String zone) {
    if (r.scheme.whatIf()) {
      return ListStatus.DRAFT;
    }
    if (zone != null) {
      return of(r.frozen.get(zone));
    }
    // all zones: one status when they agree, else "differs by zone"
    java.util.Set<ListStatus> seen = new java.util.LinkedHashSet<>();
    for (String z : r.data.zones()) {
      if (r.enterprises.stream().anyMatch(e -> z.equals(e.enterprise().zone()) && e.cls() != null)
          || r.frozen.containsKey(z)) {
        seen.add(of(r.frozen.get(z)));
      }
    }
    return seen.size() == 1 ? seen.iterator().next() : seen.isEmpty() ? ListStatus.DRAFT : ListStatus.MIXED;
  }

  private static ListStatus of(EfficiencyData.FrozenList l) {
    return l == null ? ListStatus.DRAFT : l.published() ? ListStatus.published(l.revision()) : ListStatus.notice();
  }

  /** One sheet of a workbook: its name in both languages and its table. */
  public record Sheet(String nameZh, String nameEn, Table table) {
    public String name(String lang) {
      return "en".equals(lang) ? nameEn : nameZh;
    }
  }

  /**
   * A list ready to write: sheets for Excel (the notes last), the one table CSV takes (null when
   * the list has several tables of different columns), a title and file names in both languages.
   */
  public record Book(String titleZh, String titleEn, String fileZh, String fileEn, List<Sheet> sheets, Table csv,
      Map<String, Object> meta) {
    public String title(String lang) {
      return "en".equals(lang) ? titleEn : titleZh;
    }

    public String file(String lang) {
      return "en".equals(lang) ? fileEn : fileZh;
    }

    /** JSON: the meta, the sheets; a single-table list also has its columns and rows at the top. */
    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>(meta);
      List<Map<String, Object>> ss = new ArrayList<>();
      for (Sheet s : sheets) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name_zh", s.nameZh());
        x.put("name_en", s.nameEn());
        x.put("columns", s.table().columns());
        x.put("rows", s.table().rows());
        ss.add(x);
      }
      if (csv != null) {
        m.put("columns", csv.columns());
        m.put("rows", csv.rows());
        m.put("numberReturned", csv.rows().size());
      }
      m.put("sheets", ss);
      return m;
    }
  }

  /** Refuses roles below land officer: these lists name firms and rest on their figures. */
  public static void requireOfficer(Role role, String what) {
    if (!role.seesConfidential()) {
      throw new ApiError(403, "Forbidden", null, what + " name enterprises and rest on their confidential figures: sign in"
          + " as a land officer or administrator", Map.of("description_zh", "该名单含企业名称和保密数据，仅国土管理人员和管理员可以查看；请以相应身份登录"));
    }
  }

  /** The list of a kind for a year, scheme and (optional) zone, in one language. */
  public Book list(Role role, Kind kind, Integer year, String schemeId, String zone, String lang) throws SQLException {
    requireOfficer(role, "policy lists");
    EfficiencyResult r = eff.official(schemeId, year);
    String z = zone(r.data, zone);
    return switch (kind) {
      case power, water, gas, discharge -> prices(r, z, lang, List.of(kind.price()), kind);
      case prices -> prices(r, z, lang, List.of(PriceKind.values()), kind);
      case leaders -> ranked(r, z, lang, true);
      case watch -> ranked(r, z, lang, false);
      case low_land -> lowLand(r, z, lang);
    };
  }

  /** The zone parameter checked against the data: null for every zone. */
  public static String zone(EfficiencyData d, String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    if (!d.zones().contains(zone)) {
      throw ApiError.badParam("zone", "unknown zone '" + zone + "'; zones: " + String.join(", ", d.zones()));
    }
    return zone;
  }

  // ---------------------------------------------------------------------------------------------
  // price lists

  private Book prices(EfficiencyResult r, String z, String lang, List<PriceKind> kinds, Kind kind) {
    SchemePolicies pol = r.scheme.policies();
    List<Sheet> sheets = new ArrayList<>();
    Table first = null;
    for (PriceKind pk : kinds) {
      PriceRule rule = pol.prices().get(pk);
      if (rule == null) {
        if (kinds.size() == 1) {
          throw ApiError.notFound("the scheme '" + r.scheme.id() + "' sets no " + pk.name() + " price rule"
              + " (policies.prices." + pk.name() + " in its file)");
        }
        continue;
      }
      Table t = priceTable(r, z, lang, rule);
      first = first == null ? t : first;
      sheets.add(new Sheet(pk.nameZh + "名单", pk.nameEn + " list", t));
    }
    if (sheets.isEmpty()) {
      throw ApiError.notFound("the scheme '" + r.scheme.id() + "' sets no price rule (policies.prices in its file)");
    }
    String whatZh = kinds.size() == 1 ? kinds.get(0).nameZh + "名单" : "差别化价格名单（电、水、气、排污）";
    String whatEn = kinds.size() == 1 ? kinds.get(0).nameEn + " list" : "Differentiated price lists (power, water, gas, discharge)";
    String fileEn = kinds.size() == 1 ? kinds.get(0).name() + "-price-list" : "price-lists";
    List<String[]> rules = new ArrayList<>();
    for (PriceKind pk : kinds) {
      PriceRule rule = pol.prices().get(pk);
      if (rule == null) {
        continue;
      }
      for (String c : r.scheme.classify().classes()) {
        rules.add(new String[] {pk.nameZh + " · " + c + "类", pk.nameEn + " · class " + c, rule.ruleZh(c), rule.ruleEn(c)});
      }
      rules.add(new String[] {pk.nameZh + " · 依据", pk.nameEn + " · basis", citationsZh(rule), citationsEn(rule)});
    }
    sheets.add(notes(r, z, lang, whatZh, whatEn, rules));
    return book(r, z, lang, kind, whatZh, whatEn, fileEn, sheets, kinds.size() == 1 ? first : null);
  }

  private Table priceTable(EfficiencyResult r, String z, String lang, PriceRule rule) {
    String unit = "en".equals(lang) ? rule.unitEn() : rule.unitZh();
    List<Table.Col> cols = List.of(col("no", "序号", "No."), col("uscc", "统一社会信用代码", "Unified social credit code"),
        col("name", "企业名称", "Enterprise"), col("zone", "开发区", "Zone"), col("park", "园区", "Park"),
        col("class", "分类等级", "Class"), col("class_basis", "定级依据", "Class basis"),
        col("rule", "价格政策", "Price rule"), new Table.Col("surcharge", "加价标准", "Surcharge", unit));
    List<String> classes = r.scheme.classify().classes();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EnterpriseResult e : classed(r, z)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uscc", e.enterprise().uscc());
      m.put("name", name(e, lang));
      m.put("zone", groupName(r.data, e.enterprise().zone(), lang));
      m.put("park", groupName(r.data, e.enterprise().park(), lang));
      m.put("class", e.cls());
      m.put("class_basis", classBasis(e, lang));
      m.put("rule", rule.rule(e.cls(), lang));
      m.put("surcharge", rule.surchargeOf(e.cls()));
      rows.add(m);
    }
    number(rows);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("price", rule.kind().name());
    meta.put("unit", unit);
    meta.put("classes", classes);
    return new Table("price-" + rule.kind().name(), cols, rows, meta);
  }

  /** Classed firms of the zone (or all), best class first, then by zone, rank in zone and credit code. */
  private static List<EnterpriseResult> classed(EfficiencyResult r, String z) {
    List<String> classes = r.scheme.classify().classes();
    List<EnterpriseResult> out = new ArrayList<>();
    for (EnterpriseResult e : r.enterprises) {
      if (e.cls() != null && (z == null || z.equals(e.enterprise().zone()))) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparingInt((EnterpriseResult e) -> classes.indexOf(e.cls()))
        .thenComparing(e -> e.enterprise().zone())
        .thenComparingInt(e -> e.rank() > 0 ? e.rank() : Integer.MAX_VALUE)
        .thenComparing(e -> e.enterprise().uscc()));
    return out;
  }

  /**
   * Why a firm has its class, in words: ranked in the evaluation, exempt and given the scheme's
   * class, or a tenant taking its landlord's. The engine's note is English and names ids, so the
   * case is read from the status and the note's kind, never printed.
   */
  static String classBasis(EnterpriseResult e, String lang) {
    boolean en = "en".equals(lang);
    if (e.classNote() != null && e.classNote().startsWith("tenant")) {
      return en ? "tenant: takes its landlord's class" : "承租企业，随出租方定级";
    }
    if (e.status().exempt()) {
      return en ? e.status().nameEn + "; treated as class " + e.cls() : e.status().nameZh + "，按" + e.cls() + "类对待";
    }
    return en ? "comprehensive evaluation" : "综合评价定级";
  }

  // ---------------------------------------------------------------------------------------------
  // leaders and watch list

  private Book ranked(EfficiencyResult r, String z, String lang, boolean leaders) {
    SchemePolicies pol = r.scheme.policies();
    List<String> wanted = leaders ? pol.leaderClasses() : pol.watchClasses();
    String cls = String.join("、", wanted);
    String whatZh = leaders ? cls + "类领跑企业名单" : cls + "类重点帮扶整治名单";
    String whatEn = leaders ? "Class " + String.join("/", wanted) + " leaders"
        : "Class " + String.join("/", wanted) + " watch list (support and remediation)";
    Table t = rankedTable(r, z, lang, wanted, leaders);
    List<Sheet> sheets = new ArrayList<>();
    sheets.add(new Sheet(whatZh, leaders ? "Leaders" : "Watch list", t));
    List<String[]> rules = new ArrayList<>();
    rules.add(new String[] {"入选类别", "Classes listed", cls + "类", String.join(", ", wanted)});
    rules.add(new String[] {leaders ? "主要优势" : "主要短板", leaders ? "Strengths" : "Weaknesses",
        leaders ? "得分与基准之比最高的两项指标" : "得分与基准之比最低的两项指标",
        leaders ? "the two indicators scoring highest against their benchmark" : "the two indicators scoring lowest against their benchmark"});
    sheets.add(notes(r, z, lang, whatZh, whatEn, rules));
    return book(r, z, lang, leaders ? Kind.leaders : Kind.watch, whatZh, whatEn, leaders ? "leaders" : "watch-list", sheets, t);
  }

  /** The firms of the given classes with score, rank, the main indicators and their strong or weak points. */
  public Table rankedTable(EfficiencyResult r, String z, String lang, List<String> wanted, boolean strengths) {
    List<Table.Col> cols = List.of(col("no", "序号", "No."), col("uscc", "统一社会信用代码", "Unified social credit code"),
        col("name", "企业名称", "Enterprise"), col("zone", "开发区", "Zone"), col("park", "园区", "Park"),
        col("class", "分类等级", "Class"), col("class_basis", "定级依据", "Class basis"), col("score", "综合得分", "Score"),
        col("rank", "区内排名", "Rank in zone"), new Table.Col("land_mu", "计入用地", "Land counted", unit(lang, "亩")),
        new Table.Col("tax_per_mu", "亩均税收", "Tax per mu", unit(lang, "万元/亩")),
        new Table.Col("revenue_per_mu", "亩均营业收入", "Revenue per mu", unit(lang, "万元/亩")),
        col("points", strengths ? "主要优势" : "主要短板", strengths ? "Strengths" : "Weaknesses"),
        col("adjustments", "加分扣分事项", "Bonus and penalty items"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EnterpriseResult e : classed(r, z)) {
      if (!wanted.contains(e.cls())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uscc", e.enterprise().uscc());
      m.put("name", name(e, lang));
      m.put("zone", groupName(r.data, e.enterprise().zone(), lang));
      m.put("park", groupName(r.data, e.enterprise().park(), lang));
      m.put("class", e.cls());
      m.put("class_basis", classBasis(e, lang));
      m.put("score", e.rank() > 0 ? EfficiencyService.num(Math.round(e.score() * 10) / 10.0) : null);
      m.put("rank", e.rank() > 0 ? e.rank() + "/" + e.ranked() : null);
      m.put("land_mu", EfficiencyService.num(Math.round(e.landMu() * 100) / 100.0));
      m.put("tax_per_mu", round2(e.value(Indicator.TAX_PER_MU)));
      m.put("revenue_per_mu", round2(e.value(Indicator.REVENUE_PER_MU)));
      m.put("points", points(r.scheme, e, strengths, lang));
      m.put("adjustments", adjustments(r.scheme, e, lang));
      rows.add(m);
    }
    number(rows);
    return new Table(strengths ? "leaders" : "watch", cols, rows, new LinkedHashMap<>());
  }

  /**
   * The two weighted indicators that scored best (or worst) against their benchmark: what a
   * leader does well, what a watched firm is helped or pressed on.
   */
  static String points(Scheme s, EnterpriseResult e, boolean best, String lang) {
    Map<Indicator, Scheme.Weighting> w = s.scoring().forZone(e.enterprise().zone());
    List<Indicator> ind = new ArrayList<>();
    Map<Indicator, Double> ratio = new EnumMap<>(Indicator.class);
    for (Map.Entry<Indicator, Scheme.Weighting> x : w.entrySet()) {
      double p = e.scoreParts() == null ? Double.NaN : e.scoreParts()[x.getKey().ordinal()];
      if (x.getValue().weight() > 0 && Double.isFinite(p)) {
        ratio.put(x.getKey(), p / x.getValue().weight());
        ind.add(x.getKey());
      }
    }
    ind.sort(Comparator.comparingDouble((Indicator i) -> best ? -ratio.get(i) : ratio.get(i)).thenComparing(Enum::ordinal));
    List<String> names = ind.stream().limit(2).map(i -> "en".equals(lang) ? i.nameEn : i.nameZh).toList();
    return names.isEmpty() ? null : String.join("en".equals(lang) ? ", " : "、", names);
  }

  /** The bonus and penalty items recorded against the firm this year, by name with their points. */
  static String adjustments(Scheme s, EnterpriseResult e, String lang) {
    if (e.adjustments() == null || e.adjustments().isEmpty() || s.evaluation() == null) {
      return null;
    }
    boolean en = "en".equals(lang);
    List<String> out = new ArrayList<>();
    for (String code : e.adjustments()) {
      s.evaluation().adjustment(code).ifPresent(a -> out.add((en ? a.nameEn() : a.nameZh()) + " "
          + (a.points() > 0 ? "+" : "") + SchemePolicies.amount(a.points()) + (en ? " points" : "分")));
    }
    return out.isEmpty() ? null : String.join(en ? "; " : "；", out);
  }

  // ---------------------------------------------------------------------------------------------
  // low-efficiency land by category

  /**
   * The five categories of low-efficiency land (and the rest, outside them). 批而未供 is land
   * approved for construction that has not been supplied: the government's to supply, not a user's
   * land left unused, so it is its own category and said to be different wherever it is listed.
   */
  public enum LandCategory {
    approved_not_supplied("批而未供", "Approved, not supplied",
        "已批准为建设用地、尚未供应的土地，属政府待供应土地；与已供应后未动工的“供而未用”不是一类，单列统计",
        "land approved for construction but not yet supplied: the government's to supply, not a user's land left unused;"
            + " counted apart from supplied-but-unused land"),
    supplied_not_used("供而未用", "Supplied, not used",
        "已供应（出让或划拨）给用地单位但未按期动工的土地，含闲置土地", "land supplied to a user and not started on time, idle land included"),
    partly_used("用而未尽", "Partly used", "已动工但未按约定全部建设使用的土地", "land started but not built or used in full"),
    built_not_producing("建而未投", "Built, not producing", "已建成但未投产的土地", "land built on but not in production"),
    below_standard("投而未达标", "Producing below the commitment", "已投产但亩均税收未达到标准地出让承诺的土地",
        "land in production whose tax per mu is below its standard-land commitment"),
    other("其他低效情形", "Other low-efficiency land",
        "不属上述五类：低效企业用地、容积率或建筑系数低于控制指标", "outside the five: low-class occupants, FAR or coverage below the control indicators");

    public final String nameZh;
    public final String nameEn;
    public final String noteZh;
    public final String noteEn;

    LandCategory(String nameZh, String nameEn, String noteZh, String noteEn) {
      this.nameZh = nameZh;
      this.nameEn = nameEn;
      this.noteZh = noteZh;
      this.noteEn = noteEn;
    }

    /** The category of a parcel with these reasons: the first of the five found, else other. */
    public static LandCategory of(List<LowReason.Found> reasons) {
      LandCategory best = null;
      for (LowReason.Found f : reasons) {
        LandCategory c = switch (f.reason()) {
          case approved_not_supplied -> approved_not_supplied;
          case supplied_not_used, idle -> supplied_not_used;
          case partly_used -> partly_used;
          case built_not_producing -> built_not_producing;
          case below_standard -> below_standard;
          default -> other;
        };
        if (best == null || c.ordinal() < best.ordinal()) {
          best = c;
        }
      }
      return best;
    }
  }

  private Book lowLand(EfficiencyResult r, String z, String lang) throws SQLException {
    boolean en = "en".equals(lang);
    Map<String, double[]> centres = new LinkedHashMap<>();
    for (String zone : z == null ? r.data.zones() : List.of(z)) {
      centres.putAll(places.centres(zone));
    }
    List<Table.Col> cols = new ArrayList<>(List.of(col("no", "序号", "No."), col("category", "类别", "Category"),
        col("zone", "开发区", "Zone"), col("board", "核心板块", "Core board"), col("park", "园区", "Park"),
        col("small_micro_park", "小微企业园", "Small-micro park"), col("land_use", "用地类型", "Land use"),
        col("status", "土地状态", "Land status"), new Table.Col("area_mu", "地块面积", "Area", unit(lang, "亩")),
        col("supply_year", "供地年份", "Year supplied"), col("facts", "具体情形", "Details"),
        col("main_enterprise", "主要用地企业", "Main land user"), col("uscc", "统一社会信用代码", "Unified social credit code"),
        new Table.Col("lon", "中心点经度", "Centre longitude", "°"), new Table.Col("lat", "中心点纬度", "Centre latitude", "°")));
    if (en) {
      // an English reader (and the map's search) may use the parcel's id; the Chinese list names places only
      cols.add(1, col("parcel", "地块编号", "Parcel id"));
    }
    Map<LandCategory, List<Map<String, Object>>> by = new EnumMap<>(LandCategory.class);
    for (LandCategory c : LandCategory.values()) {
      by.put(c, new ArrayList<>());
    }
    for (ParcelResult p : r.parcels) {
      Parcel pc = p.parcel();
      if ((z != null && !z.equals(pc.zone())) || p.reasons().isEmpty()) {
        continue;
      }
      LandCategory c = LandCategory.of(p.reasons());
      Map<String, Object> m = new LinkedHashMap<>();
      if (en) {
        m.put("parcel", pc.id());
      }
      m.put("category", en ? c.nameEn : c.nameZh);
      m.put("zone", groupName(r.data, pc.zone(), lang));
      m.put("board", groupName(r.data, pc.board(), lang));
      m.put("park", groupName(r.data, pc.park(), lang));
      m.put("small_micro_park", groupName(r.data, pc.smallMicroPark(), lang));
      m.put("land_use", en ? pc.landUseCode() + " " + pc.landUseName() : pc.landUseName());
      m.put("status", statusName(pc.status(), lang));
      m.put("area_mu", round2(pc.areaMu()));
      m.put("supply_year", pc.supplyYear());
      m.put("facts", facts(r, p, lang));
      Optional<EnterpriseResult> main = p.mainEnterprise() == null ? Optional.empty() : r.enterprise(p.mainEnterprise());
      m.put("main_enterprise", main.map(e -> name(e, lang)).orElse(null));
      m.put("uscc", main.map(e -> e.enterprise().uscc()).orElse(null));
      double[] xy = centres.get(pc.id());
      m.put("lon", xy == null ? null : Math.round(xy[0] * 1e6) / 1e6);
      m.put("lat", xy == null ? null : Math.round(xy[1] * 1e6) / 1e6);
      by.get(c).add(m);
    }
    List<Map<String, Object>> all = new ArrayList<>();
    List<Table.Col> sumCols = List.of(col("category", "类别", "Category"), col("note", "类别说明", "What it is"),
        col("parcels", "宗数", "Parcels"), new Table.Col("area_mu", "面积", "Area", unit(lang, "亩")));
    List<Map<String, Object>> sum = new ArrayList<>();
    List<Sheet> sheets = new ArrayList<>();
    for (LandCategory c : LandCategory.values()) {
      List<Map<String, Object>> rows = by.get(c);
      rows.sort(Comparator.comparingDouble((Map<String, Object> m) -> -((Number) m.get("area_mu")).doubleValue())
          .thenComparing(m -> String.valueOf(m.get("park"))));
      double area = rows.stream().mapToDouble(m -> ((Number) m.get("area_mu")).doubleValue()).sum();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("category", en ? c.nameEn : c.nameZh);
      s.put("note", en ? c.noteEn : c.noteZh);
      s.put("parcels", rows.size());
      s.put("area_mu", round2(area));
      sum.add(s);
      all.addAll(rows);
    }
    sheets.add(new Sheet("分类汇总", "Summary", new Table("low-land-summary", sumCols, sum, new LinkedHashMap<>())));
    for (LandCategory c : LandCategory.values()) {
      List<Map<String, Object>> rows = new ArrayList<>(by.get(c));
      number(rows);
      sheets.add(new Sheet(c.nameZh, c.nameEn, new Table("low-land-" + c.name(), cols, rows, new LinkedHashMap<>())));
    }
    List<Map<String, Object>> numbered = new ArrayList<>();
    for (Map<String, Object> m : all) {
      numbered.add(new LinkedHashMap<>(m));
    }
    number(numbered);
    Table csv = new Table("low-land", cols, numbered, new LinkedHashMap<>());
    List<String[]> rules = new ArrayList<>();
    for (LandCategory c : LandCategory.values()) {
      rules.add(new String[] {c.nameZh, c.nameEn, c.noteZh, c.noteEn});
    }
    rules.add(new String[] {"归类规则", "Rule", "一宗地有多项情形时，按上列顺序归入第一类；各项情形均列在“具体情形”中",
        "a parcel with several findings is listed under the first category above; all its findings are in Details"});
    rules.add(new String[] {"中心点坐标", "Centre point", "CGCS2000 经纬度，地块内一点（示意几何）",
        "CGCS2000 longitude and latitude of a point inside the parcel (schematic geometry)"});
    sheets.add(notes(r, z, lang, "低效用地清单", "Low-efficiency land list", rules));
    return book(r, z, lang, Kind.low_land, "低效用地清单", "Low-efficiency land list", "low-efficiency-land", sheets, csv);
  }

  /** Every finding on a parcel, written out from its data (the engine's own notes mix languages and ids). */
  static String facts(EfficiencyResult r, ParcelResult p, String lang) {
    boolean en = "en".equals(lang);
    Parcel pc = p.parcel();
    List<String> out = new ArrayList<>();
    for (LowReason.Found f : p.reasons()) {
      Integer sy = pc.supplyYear();
      String s = switch (f.reason()) {
        case approved_not_supplied -> en ? "approved for construction, not yet supplied" : "已批准建设，尚未供应";
        case supplied_not_used -> sy == null ? (en ? "supply year unknown, not started by " + r.year : "供地年份不详，至" + r.year + "年未动工")
            : (en ? "supplied " + sy + ", not started by " + r.year : sy + "年供地，至" + r.year + "年未动工");
        case idle -> en ? "idle land" + (sy == null ? "" : ", supplied " + sy) : "闲置土地" + (sy == null ? "" : "（" + sy + "年供地）");
        case partly_used -> en ? "partly built and used" + (sy == null ? "" : ", supplied " + sy)
            : "部分建设使用" + (sy == null ? "" : "（" + sy + "年供地）");
        case built_not_producing -> pc.buildStartYear() == null ? (en ? "built, not producing in " + r.year : "已建成，" + r.year + "年未投产")
            : (en ? "building started " + pc.buildStartYear() + ", not producing in " + r.year
                : pc.buildStartYear() + "年开工建设，" + r.year + "年未投产");
        case below_standard -> {
          double need = r.scheme.lowEfficiency().belowStandardRatio() * pc.reqTaxWanPerMu();
          String tax = fmt(p.value(Indicator.TAX_PER_MU));
          yield en ? "tax per mu " + tax + " below the standard-land commitment of " + fmt(need) + " (10,000 CNY per mu)"
              : "亩均税收 " + tax + " 万元/亩，低于标准地承诺 " + fmt(need) + " 万元/亩";
        }
        case low_class -> en ? "main classed user is class " + p.cls() : "主要用地企业为" + p.cls() + "类";
        case far_below_min -> en ? "FAR " + fmt(pc.far()) + " below the minimum " + fmt(pc.farMin())
            : "容积率 " + fmt(pc.far()) + "，低于控制值 " + fmt(pc.farMin());
        case coverage_below_min -> en ? "coverage " + fmt(pc.coverage() * 100) + "% below the minimum " + fmt(pc.coverageMin() * 100) + "%"
            : "建筑系数 " + fmt(pc.coverage() * 100) + "%，低于控制值 " + fmt(pc.coverageMin() * 100) + "%";
      };
      out.add(s);
    }
    return String.join(en ? "; " : "；", out);
  }

  static String statusName(String status, String lang) {
    try {
      ParcelStatus s = ParcelStatus.valueOf(status);
      return "en".equals(lang) ? s.en : s.zh;
    } catch (IllegalArgumentException | NullPointerException e) {
      return status;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  private Book book(EfficiencyResult r, String z, String lang, Kind kind, String whatZh, String whatEn, String fileEn,
      List<Sheet> sheets, Table csv) {
    String zoneZh = z == null ? "" : groupName(r.data, z, "zh");
    String zoneEn = z == null ? "" : groupName(r.data, z, "en");
    String titleZh = r.year + "年" + zoneZh + whatZh;
    String titleEn = whatEn + (z == null ? "" : ", " + zoneEn) + ", " + r.year;
    String fileZh = titleZh + ".xlsx";
    String fileName = r.year + (z == null ? "" : "-" + slug(zoneEn)) + "-" + fileEn + ".xlsx";
    ListStatus st = listStatus(r, z);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("kind", kind.param);
    meta.put("title", "en".equals(lang) ? titleEn : titleZh);
    meta.put("year", r.year);
    meta.put("scheme", r.scheme.id());
    meta.put("scheme_name", "en".equals(lang) ? r.scheme.nameEn() : r.scheme.nameZh());
    meta.put("zone", z);
    meta.put("zone_name", z == null ? null : groupName(r.data, z, lang));
    meta.put("status", st.code());
    meta.put("status_revision", st.revision());
    meta.put("status_label", st.label(lang));
    meta.put("synthetic", r.data.enterprises.stream().anyMatch(e -> e.synthetic()));
    meta.put("policies", r.scheme.policies().json());
    meta.put("dataVersion", r.data.version);
    return new Book(titleZh, titleEn, fileZh, fileName, List.copyOf(sheets), csv, meta);
  }

  /** The notes sheet: what the list is, its status, scheme, year, zone, the rules behind it, and the data's nature. */
  private Sheet notes(EfficiencyResult r, String z, String lang, String whatZh, String whatEn, List<String[]> rules) {
    boolean en = "en".equals(lang);
    List<Map<String, Object>> rows = new ArrayList<>();
    ListStatus st = listStatus(r, z);
    note(rows, en ? "List" : "名单", en ? whatEn : whatZh);
    note(rows, en ? "Status" : "名单状态", st.label(lang));
    note(rows, en ? "Year" : "评价年度", en ? String.valueOf(r.year) : r.year + "年");
    note(rows, en ? "Scheme" : "评价方案", en ? r.scheme.nameEn() : r.scheme.nameZh());
    note(rows, en ? "Zone" : "开发区", z == null ? (en ? "all zones" : "全部开发区") : groupName(r.data, z, lang));
    for (String[] x : rules) {
      note(rows, en ? x[1] : x[0], en ? x[3] : x[2]);
    }
    if (r.data.enterprises.stream().anyMatch(e -> e.synthetic())) {
      note(rows, en ? "Data" : "数据说明", en ? "synthetic demonstration data: the enterprises, credit codes and figures are not real"
          : "合成示例数据：企业、统一社会信用代码和各项数据均非真实");
    }
    note(rows, en ? "Generated" : "生成时间", now(lang));
    List<Table.Col> cols = List.of(col("item", "项目", "Item"), col("value", "内容", "Value"));
    return new Sheet("说明", "Notes", new Table("notes", cols, rows, new LinkedHashMap<>()));
  }

  private static void note(List<Map<String, Object>> rows, String item, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item", item);
    m.put("value", value);
    rows.add(m);
  }

  /** Now in Asia/Shanghai, as a Chinese reader writes it (2024年12月7日 14:05) or ISO-like in English. */
  public static String now(String lang) {
    ZonedDateTime t = ZonedDateTime.now(SHANGHAI);
    return "en".equals(lang) ? t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)) + " (Beijing time)"
        : t.format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.ROOT));
  }

  static String citationsZh(PriceRule rule) {
    List<String> s = new ArrayList<>();
    for (Scheme.Citation c : rule.basis()) {
      s.add(c.what() + (c.sourceDoc() != null ? "（第" + c.sourceLines() + "行）" : "") + (c.url() != null ? " " + c.url() : ""));
    }
    return (rule.illustrative() ? "金额为示例。" : "") + String.join("；", s);
  }

  static String citationsEn(PriceRule rule) {
    List<String> s = new ArrayList<>();
    for (Scheme.Citation c : rule.basis()) {
      s.add(c.sourceDoc() != null ? c.sourceDoc() + " line " + c.sourceLines() : c.url());
    }
    return (rule.illustrative() ? "Amounts are examples. " : "") + String.join("; ", s);
  }

  static String name(EnterpriseResult e, String lang) {
    return "en".equals(lang) ? e.enterprise().nameEn() : e.enterprise().nameZh();
  }

  /** A zone's, board's or park's name (never its code); null for none. */
  public static String groupName(EfficiencyData d, String id, String lang) {
    if (id == null) {
      return null;
    }
    GroupName g = d.groups.get(id);
    if (g == null) {
      return "en".equals(lang) ? id : null;
    }
    return "en".equals(lang) ? g.nameEn() : g.nameZh();
  }

  private static void number(List<Map<String, Object>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> m = rows.get(i);
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("no", i + 1);
      x.putAll(m);
      x.put("no", i + 1);
      rows.set(i, x);
    }
  }

  /** A unit in the list's language: 万元/亩 reads "10,000 CNY/mu" in English. */
  public static String unit(String lang, String zh) {
    if (!"en".equals(lang) || zh == null) {
      return zh;
    }
    return zh.replace("万元", "10,000 CNY").replace("吨标准煤", "tce").replace("公顷", "ha").replace("亩", "mu")
        .replace("平方米", "m²").replace("家", "firms").replace("宗", "parcels").replace("分", "points");
  }

  static Double round2(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
  }

  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    return SchemePolicies.amount(Math.round(v * 100) / 100.0);
  }

  static String slug(String s) {
    String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return x.isEmpty() ? "zone" : x;
  }

  private static Table.Col col(String key, String zh, String en) {
    return new Table.Col(key, zh, en, null);
  }
}
