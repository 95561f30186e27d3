package zoneatlas.efficiency.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyData;
import zoneatlas.efficiency.EfficiencyResult;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.EfficiencyService;
import zoneatlas.efficiency.Indicator;
import zoneatlas.efficiency.Level;
import zoneatlas.efficiency.PolicyLists;
import zoneatlas.efficiency.PolicyLists.LandCategory;
import zoneatlas.efficiency.PolicyLists.ListStatus;
import zoneatlas.efficiency.PolicyLists.Sheet;
import zoneatlas.efficiency.Scheme;
import zoneatlas.efficiency.SchemePolicies;
import zoneatlas.efficiency.Status;
import zoneatlas.efficiency.Table;
import zoneatlas.efficiency.Workbooks;
import zoneatlas.http.ApiError;

/**
 * A zone's annual 亩均 evaluation report (年度亩均效益综合评价报告): the scheme and its rules,
 * the distribution of classes, the years' trend, the zone map coloured by class, the leaders and
 * the watch list, and the low-efficiency land by category. Built once as a {@link Model} of
 * tables, which the PDF (PDFBox, drawn here) and the Excel workbook both print, so the two never
 * differ. For land officers and administrators only: it names firms and their figures. Classes
 * come from {@link EfficiencyService#official} (the published list once there is one) and the
 * status line from {@link PolicyLists#listStatus}. In Chinese nothing internal is printed: zones,
 * parks and the scheme by name, no parcel ids. Thread-safe (the font is loaded per document).
 */
public final class AnnualReport {
  /** Colours of the trend lines: the zone first (dark), then its parks. */
  private static final Color[] LINES = {new Color(0x26, 0x32, 0x38), new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
    new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0x17, 0xbe, 0xcf)};
  private static final int MAX_PARK_LINES = 6;
  private final EfficiencyService eff;
  private final PolicyLists lists;
  private final ReportRepository repo;
  private final String fontPath;

  public AnnualReport(EfficiencyService eff, PolicyLists lists, ReportRepository repo, String fontPath) {
    this.eff = eff;
    this.lists = lists;
    this.repo = repo;
    this.fontPath = fontPath;
  }

  /** Everything the report prints, in one language. */
  public record Model(String lang, String title, String fileZh, String fileEn, String zoneName, int year, String schemeName,
      ListStatus status, List<String[]> about, List<String[]> rules, Table weights, Table prices, List<String> priceBasis,
      Table distribution,
      Table statuses, Table trend, List<String> trendYears, List<Line> trendLines, String trendUnit, Table leaders,
      Table watch, Table low, ZoneMapImage.Drawn map, List<String> classes, String leaderClasses, String watchClasses,
      boolean synthetic) {

    /** The tables as workbook sheets, in report order. */
    public List<Sheet> sheets() {
      boolean en = "en".equals(lang);
      List<Sheet> s = new ArrayList<>();
      List<Map<String, Object>> aboutRows = new ArrayList<>();
      for (String[] kv : about) {
        aboutRows.add(row("item", kv[0], "value", kv[1]));
      }
      for (String[] kv : rules) {
        aboutRows.add(row("item", kv[0], "value", kv[1]));
      }
      List<Table.Col> kv = List.of(new Table.Col("item", "项目", "Item", null), new Table.Col("value", "内容", "Value", null));
      s.add(new Sheet("报告说明", "About", new Table("about", kv, aboutRows, Map.of())));
      s.add(new Sheet("指标权重", "Weights", weights));
      if (!prices.rows().isEmpty()) {
        s.add(new Sheet("差别化价格", "Prices", prices));
      }
      s.add(new Sheet("分类分布", "Classes", distribution));
      s.add(new Sheet("参评情况", "Evaluation status", statuses));
      s.add(new Sheet("历年趋势", "Trend", trend));
      s.add(new Sheet(leaderClasses + "类领跑企业", en ? "Leaders" : leaderClasses + "类领跑企业", leaders));
      s.add(new Sheet(watchClasses + "类重点帮扶整治", en ? "Watch list" : watchClasses + "类重点帮扶整治", watch));
      s.add(new Sheet("低效用地汇总", "Low-efficiency land", low));
      return s;
    }
  }

  /** One line of the trend chart. */
  public record Line(String name, List<Double> values) {}

  /** The report of a zone, year and scheme in one language ("zh" or "en"). */
  public Model model(Role role, String zone, Integer year, String schemeId, String lang) throws SQLException {
    PolicyLists.requireOfficer(role, "the annual evaluation report and its lists");
    boolean en = "en".equals(lang);
    EfficiencyResult r = eff.official(schemeId, year);
    EfficiencyData d = r.data;
    if (zone == null || zone.isBlank()) {
      throw ApiError.badParam("zone", "required: the zone the report is for; zones: " + String.join(", ", d.zones()));
    }
    String z = PolicyLists.zone(d, zone);
    Scheme s = r.scheme;
    List<String> classes = s.classify().classes();
    String zoneName = PolicyLists.groupName(d, z, lang);
    String schemeName = en ? s.nameEn() : s.nameZh();
    ListStatus st = lists.listStatus(r, z);
    String title = en ? "Annual mu-efficiency evaluation report " + r.year + ": " + zoneName
        : r.year + "年度" + zoneName + "工业企业亩均效益综合评价报告";
    boolean synthetic = d.enterprises.stream().anyMatch(e -> e.synthetic());

    List<String[]> about = new ArrayList<>();
    about.add(new String[] {t(en, "开发区", "Zone"), zoneName});
    about.add(new String[] {t(en, "评价年度", "Year"), en ? String.valueOf(r.year) : r.year + "年"});
    about.add(new String[] {t(en, "评价方案", "Scheme"), schemeName});
    about.add(new String[] {t(en, "名单状态", "List status"), st.label(lang)});
    about.add(new String[] {t(en, "生成时间", "Generated"), PolicyLists.now(lang)});
    if (synthetic) {
      about.add(new String[] {t(en, "数据说明", "Data"), t(en, "本报告的企业、统一社会信用代码和各项经济数据均为合成示例数据，不代表真实企业；地图中的地块形状为示意。",
          "The enterprises, credit codes and figures in this report are synthetic demonstration data, not real firms; parcel shapes on the map are schematic.")});
    }

    SchemePolicies pol = s.policies();
    String leaderClasses = String.join("、", pol.leaderClasses());
    String watchClasses = String.join("、", pol.watchClasses());
    List<String[]> rules = rules(s, z, en);

    // weights of this zone
    List<Map<String, Object>> wrows = new ArrayList<>();
    for (Map.Entry<Indicator, Scheme.Weighting> w : s.scoring().forZone(z).entrySet()) {
      Indicator i = w.getKey();
      Scheme.Benchmark b = w.getValue().benchmark();
      wrows.add(row("indicator", en ? i.nameEn : i.nameZh, "weight", w.getValue().weight(), "benchmark",
          b.zoneAverage() ? t(en, "本区参评企业总体水平", "the zone's evaluated firms as a whole")
              : Num.num(b.fixed()) + " " + PolicyLists.unit(lang, i.unit)));
    }
    Table weights = new Table("weights", List.of(col("indicator", "指标", "Indicator"), col("weight", "权重", "Weight", PolicyLists.unit(lang, "分")),
        col("benchmark", "基准值", "Benchmark")), wrows, Map.of());

    // price rules: one row per kind, a column per class
    List<Table.Col> pcols = new ArrayList<>(List.of(col("price", "价格政策", "Price")));
    for (String c : classes) {
      pcols.add(col("class_" + c, c + "类", "Class " + c));
    }
    pcols.add(col("basis", "依据", "Basis"));
    List<Map<String, Object>> prow = new ArrayList<>();
    for (SchemePolicies.PriceRule pr : pol.prices().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("price", en ? pr.kind().nameEn : pr.kind().nameZh);
      for (String c : classes) {
        m.put("class_" + c, pr.rule(c, lang));
      }
      m.put("basis", basis(pr, en));
      prow.add(m);
    }
    Table prices = new Table("prices", pcols, prow, Map.of());

    // distribution of classes and evaluation status in the zone
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, double[]> land = new LinkedHashMap<>();
    classes.forEach(c -> {
      counts.put(c, new int[1]);
      land.put(c, new double[1]);
    });
    Map<Status, int[]> byStatus = new LinkedHashMap<>();
    for (Status x : Status.values()) {
      byStatus.put(x, new int[1]);
    }
    int classed = 0;
    for (EnterpriseResult e : r.enterprises) {
      if (!z.equals(e.enterprise().zone())) {
        continue;
      }
      byStatus.get(e.status())[0]++;
      if (e.cls() != null) {
        counts.get(e.cls())[0]++;
        land.get(e.cls())[0] += e.landMu();
        classed++;
      }
    }
    List<Map<String, Object>> drows = new ArrayList<>();
    for (String c : classes) {
      int n = counts.get(c)[0];
      drows.add(row("class", en ? "Class " + c : c + "类", "enterprises", n, "share", classed == 0 ? null : round(100.0 * n / classed, 1),
          "land_mu", round(land.get(c)[0], 2)));
    }
    drows.add(row("class", t(en, "合计", "Total"), "enterprises", classed, "share", classed == 0 ? null : 100.0, "land_mu",
        round(land.values().stream().mapToDouble(x -> x[0]).sum(), 2)));
    Table distribution = new Table("classes", List.of(col("class", "分类等级", "Class"), col("enterprises", "企业数", "Enterprises", PolicyLists.unit(lang, "家")),
        col("share", "占定级企业", "Share of classed", "%"), col("land_mu", "计入用地", "Land counted", PolicyLists.unit(lang, "亩"))),
        drows, Map.of());
    List<Map<String, Object>> srows = new ArrayList<>();
    byStatus.forEach((x, n) -> {
      if (n[0] > 0) {
        srows.add(row("status", en ? x.nameEn : x.nameZh, "enterprises", n[0]));
      }
    });
    Table statuses = new Table("status", List.of(col("status", "参评状态", "Status"), col("enterprises", "企业数", "Enterprises", PolicyLists.unit(lang, "家"))),
        srows, Map.of());

    // the years: the zone's indicators and classes, and the tax per mu of the zone and its largest parks
    List<Integer> years = new ArrayList<>(d.years());
    List<Table.Col> tcols = new ArrayList<>(List.of(col("year", "年度", "Year"), col("evaluated", "参评企业数", "Evaluated", PolicyLists.unit(lang, "家"))));
    Indicator[] shown = {Indicator.TAX_PER_MU, Indicator.REVENUE_PER_MU, Indicator.VALUE_ADDED_PER_MU, Indicator.VALUE_ADDED_PER_TCE};
    for (Indicator i : shown) {
      tcols.add(col(i.key, i.nameZh, i.nameEn, PolicyLists.unit(lang, i.unit)));
    }
    for (String c : classes) {
      tcols.add(col("class_" + c, c + "类企业数", "Class " + c, PolicyLists.unit(lang, "家")));
    }
    List<Map<String, Object>> trows = new ArrayList<>();
    List<GroupResult> parks = parks(r, z);
    List<Line> lines = new ArrayList<>();
    List<Double> zoneLine = new ArrayList<>();
    List<List<Double>> parkLines = new ArrayList<>();
    parks.forEach(p -> parkLines.add(new ArrayList<>()));
    for (int y : years) {
      EfficiencyResult ry = y == r.year ? r : eff.official(s.id(), y);
      GroupResult g = ry.groups.get(Level.zone).get(z);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("year", String.valueOf(y));
      m.put("evaluated", g == null ? null : g.evaluated());
      for (Indicator i : shown) {
        m.put(i.key, g == null ? null : round(g.value(i), 2));
      }
      for (String c : classes) {
        m.put("class_" + c, g == null ? null : g.classCounts().getOrDefault(c, 0));
      }
      trows.add(m);
      zoneLine.add(g == null ? null : round(g.value(Indicator.TAX_PER_MU), 2));
      for (int k = 0; k < parks.size(); k++) {
        GroupResult pg = ry.groups.get(Level.industrial_park).get(parks.get(k).id());
        parkLines.get(k).add(pg == null ? null : round(pg.value(Indicator.TAX_PER_MU), 2));
      }
    }
    lines.add(new Line(zoneName + t(en, "（全区）", " (whole zone)"), zoneLine));
    for (int k = 0; k < parks.size(); k++) {
      String n = PolicyLists.groupName(d, parks.get(k).id(), lang);
      lines.add(new Line(n == null ? t(en, "园区", "Park") : n, parkLines.get(k)));
    }
    Table trend = new Table("trend", tcols, trows, Map.of());

    Table leaders = lists.rankedTable(r, z, lang, pol.leaderClasses(), true);
    Table watch = lists.rankedTable(r, z, lang, pol.watchClasses(), false);

    // low-efficiency land by category
    Map<LandCategory, double[]> low = new LinkedHashMap<>();
    for (LandCategory c : LandCategory.values()) {
      low.put(c, new double[2]);
    }
    Map<String, String> classOf = new LinkedHashMap<>();
    for (ParcelResult p : r.parcels) {
      if (!z.equals(p.parcel().zone())) {
        continue;
      }
      if (p.cls() != null) {
        classOf.put(p.parcel().id(), p.cls());
      }
      if (!p.reasons().isEmpty()) {
        double[] x = low.get(LandCategory.of(p.reasons()));
        x[0]++;
        x[1] += p.parcel().areaMu();
      }
    }
    List<Map<String, Object>> lrows = new ArrayList<>();
    low.forEach((c, x) -> lrows.add(row("category", en ? c.nameEn : c.nameZh, "note", en ? c.noteEn : c.noteZh, "parcels",
        (int) x[0], "area_mu", round(x[1], 2))));
    Table lowT = new Table("low", List.of(col("category", "类别", "Category"), col("note", "类别说明", "What it is"),
        col("parcels", "宗数", "Parcels", PolicyLists.unit(lang, "宗")), col("area_mu", "面积", "Area", PolicyLists.unit(lang, "亩"))),
        lrows, Map.of());

    Map<String, Geometry> geoms = repo.parcels(z);
    ZoneMapImage.Drawn map = ZoneMapImage.draw(geoms, classOf, classes, repo.outlines(z), 1500, 1400);

    String fileZh = title + ".pdf";
    String fileEn = r.year + "-" + slug(PolicyLists.groupName(d, z, "en")) + "-annual-evaluation-report.pdf";
    return new Model(lang, title, fileZh, fileEn, zoneName, r.year, schemeName, st, about, rules, weights, prices,
        priceBasis(pol, en), distribution,
        statuses, trend, years.stream().map(String::valueOf).toList(), lines, PolicyLists.unit(lang, Indicator.TAX_PER_MU.unit), leaders, watch, lowT,
        map, classes, leaderClasses, watchClasses, synthetic);
  }

  /** The zone's parks with the most enterprises, for the trend chart (a chart of 40 lines reads as none). */
  private static List<GroupResult> parks(EfficiencyResult r, String z) {
    return r.groups.get(Level.industrial_park).values().stream().filter(g -> z.equals(g.zone()) && g.enterprises() > 0)
        .sorted(Comparator.comparingInt(GroupResult::enterprises).reversed().thenComparing(GroupResult::id))
        .limit(MAX_PARK_LINES).toList();
  }

  /** The scheme's rules in words: score, classes, scope, exemptions, bonus and penalty items, low-efficiency land. */
  static List<String[]> rules(Scheme s, String zone, boolean en) {
    List<String[]> out = new ArrayList<>();
    String desc = en ? s.descriptionEn() : s.descriptionZh();
    if (desc != null) {
      out.add(new String[] {t(en, "方案说明", "About the scheme"), desc});
    }
    out.add(new String[] {t(en, "综合得分", "Score"), en
        ? "the sum over the weighted indicators of value ÷ benchmark × weight, each at most " + Num.num(s.scoring().cap()) + " × its weight"
        : "各项指标“指标值 ÷ 基准值 × 权重”之和，单项得分最高为权重的" + Num.num(s.scoring().cap()) + "倍"});
    Scheme.Classify c = s.classify();
    List<String> cl = c.classes();
    String method = switch (c.method()) {
      case thresholds -> {
        List<String> parts = new ArrayList<>();
        c.limits().forEach((k, v) -> parts.add(en ? "class " + k + " from " + Num.num(v) + " points"
            : k + "类不低于" + Num.num(v) + "分"));
        parts.add(en ? "the rest class " + cl.get(cl.size() - 1) : "其余为" + cl.get(cl.size() - 1) + "类");
        yield (en ? "by score: " : "按综合得分定级：") + String.join(en ? "; " : "，", parts);
      }
      case percentile -> {
        List<String> parts = new ArrayList<>();
        double prev = 0;
        for (Map.Entry<String, Double> e : c.limits().entrySet()) {
          parts.add(en ? "class " + e.getKey() + " ranks " + pct(prev) + "–" + pct(e.getValue()) + "%"
              : e.getKey() + "类为第" + pct(prev) + "%至" + pct(e.getValue()) + "%");
          prev = e.getValue();
        }
        parts.add(en ? "the rest class " + cl.get(cl.size() - 1) : "其余为" + cl.get(cl.size() - 1) + "类");
        yield (en ? "by rank in the zone: " : "按区内综合得分名次定级：") + String.join(en ? "; " : "，", parts);
      }
      case two_stage -> en
          ? "two stages: the top half by score is re-ranked by " + c.aRankBy().nameEn + " and the first " + pct(c.aShare())
              + "% of all evaluated firms are class " + cl.get(0) + "; the bottom half is ranked by " + c.cRankBy().nameEn
              + " from the lowest and " + pct(c.cShare()) + "% are class " + cl.get(2) + "; the rest are class " + cl.get(1)
          : "两段式：综合得分前50%的企业按" + c.aRankBy().nameZh + "排序，取全部参评企业的" + pct(c.aShare()) + "%为" + cl.get(0)
              + "类；得分后50%的企业按" + c.cRankBy().nameZh + "从低到高排序，取" + pct(c.cShare()) + "%为" + cl.get(2) + "类；其余为"
              + cl.get(1) + "类";
    };
    out.add(new String[] {t(en, "定级方法", "Classes"), method});
    Scheme.Scope sc = s.scope();
    List<String> scope = new ArrayList<>();
    scope.add(en ? "firms with at least " + Num.num(sc.minLandMu()) + " mu of land"
        + (sc.minLeasedFloorM2() > 0 ? " or " + Num.num(sc.minLeasedFloorM2()) + " m² of leased floor area" : "")
        : "用地不少于" + Num.num(sc.minLandMu()) + "亩"
            + (sc.minLeasedFloorM2() > 0 ? "或租用厂房不少于" + Num.num(sc.minLeasedFloorM2()) + "平方米" : "") + "的企业参评");
    if (sc.constructionYears() > 0) {
      scope.add(en ? "land supplied less than " + sc.constructionYears() + " years before is in its construction period and"
          + " left out of the land counted; a firm with only such land is exempt"
          : "供地不满" + sc.constructionYears() + "年的用地处于建设期，不计入用地面积，只有建设期用地的企业免评");
    }
    if (sc.newEnterpriseYears() > 0) {
      scope.add(en ? "firms founded less than " + sc.newEnterpriseYears() + " years before are exempt"
          : "成立不满" + sc.newEnterpriseYears() + "年的新设企业免评");
    }
    if (sc.tenantsTakeOwnerGrade()) {
      scope.add(en ? "tenants without land of their own" + (sc.tenantSizeClasses().isEmpty() ? "" : " (" + String.join(", ",
          sc.tenantSizeClasses().stream().map(x -> x.equals("规下") ? "below designated size" : x.equals("规上") ? "above designated size" : x)
              .toList()) + ")")
          + " take their landlord's class"
          : (sc.tenantSizeClasses().isEmpty() ? "" : String.join("、", sc.tenantSizeClasses())) + "承租企业随出租方定级");
    }
    scope.add(sc.exemptClass() == null ? t(en, "免评企业不定等级", "exempt firms are not classed")
        : en ? "exempt firms are treated as class " + sc.exemptClass() : "免评企业按" + sc.exemptClass() + "类对待");
    out.add(new String[] {t(en, "参评范围与免评", "Scope and exemptions"), String.join(en ? "; " : "；", scope)});
    Scheme.Evaluation ev = s.evaluation();
    if (ev != null && !ev.exemptions().isEmpty()) {
      out.add(new String[] {t(en, "经认定免评情形", "Recorded exemptions"),
          String.join(en ? "; " : "；", ev.exemptions().stream().map(x -> en ? x.nameEn() : x.nameZh()).toList())});
    }
    if (ev != null && !ev.adjustments().isEmpty()) {
      List<String> a = new ArrayList<>();
      for (Scheme.Adjustment x : ev.adjustments()) {
        String pts = (x.points() > 0 ? "+" : "") + Num.num(x.points());
        String cap = x.capClass() == null ? "" : en ? ", at best class " + x.capClass() : "，最高定为" + x.capClass() + "类";
        a.add(en ? x.nameEn() + " " + pts + " points" + cap : x.nameZh() + " " + pts + "分" + cap);
      }
      out.add(new String[] {t(en, "加分与扣分", "Bonus and penalty items"), String.join(en ? "; " : "；", a)});
    }
    Scheme.LowRules lr = s.lowEfficiency();
    List<String> low = new ArrayList<>();
    if (!lr.lowClasses().isEmpty()) {
      low.add(en ? "land of class " + String.join("/", lr.lowClasses()) + " firms is a redevelopment candidate"
          : String.join("、", lr.lowClasses()) + "类企业用地列为低效用地（再开发候选）");
    }
    if (lr.standardLandSince() > 0) {
      low.add(en ? "standard land supplied from " + lr.standardLandSince() + " producing below its tax commitment is below standard"
          : lr.standardLandSince() + "年起出让的标准地，亩均税收低于出让承诺的为投而未达标");
    }
    low.add(en ? "land approved but not yet supplied is the government's to supply, counted apart from supplied land left unused"
        : "批而未供为尚未供应的政府待供应土地，与已供应未使用的土地分开统计");
    out.add(new String[] {t(en, "低效用地", "Low-efficiency land"), String.join(en ? "; " : "；", low)});
    return out;
  }

  /** Every source of the price rules once, the note that amounts are examples first when one is. */
  private static List<String> priceBasis(SchemePolicies pol, boolean en) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    if (pol.prices().values().stream().anyMatch(SchemePolicies.PriceRule::illustrative)) {
      out.add(t(en, "价格金额为示例，以本地价格主管部门文件为准。", "The amounts are examples; the local price authority's notice decides."));
    }
    for (SchemePolicies.PriceRule pr : pol.prices().values()) {
      for (Scheme.Citation c : pr.basis()) {
        out.add(en ? (c.sourceDoc() != null ? "plan line " + c.sourceLines() : c.url())
            : c.what() + (c.sourceDoc() != null ? "（第" + c.sourceLines() + "行）" : "") + (c.url() != null ? " " + c.url() : ""));
      }
    }
    return List.copyOf(out);
  }

  private static String basis(SchemePolicies.PriceRule pr, boolean en) {
    List<String> s = new ArrayList<>();
    for (Scheme.Citation c : pr.basis()) {
      if (en) {
        s.add(c.sourceDoc() != null ? "plan line " + c.sourceLines() : c.url());
      } else {
        s.add(c.what() + (c.sourceDoc() != null ? "（第" + c.sourceLines() + "行）" : "") + (c.url() != null ? " " + c.url() : ""));
      }
    }
    return (pr.illustrative() ? t(en, "金额为示例。", "Amounts are examples. ") : "") + String.join(en ? "; " : "；", s);
  }

  // ---------------------------------------------------------------------------------------------
  // PDF

  /** The report as a PDF in the model's language, A4, the font subset embedded. */
  public void pdf(Model m, OutputStream out) throws IOException {
    boolean en = "en".equals(m.lang());
    try (PDDocument doc = new PDDocument(); ReportFont f = ReportFont.load(doc, fontPath)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(m.title());
      info.setCreator("ZoneAtlas");
      PdfLayout p = new PdfLayout(doc, f.font);
      p.newPage();
      p.title(m.title());
      p.fields(m.about(), en ? 90 : 60);

      p.heading(t(en, "一、评价方案与规则", "1. Scheme and rules"));
      p.fields(m.rules(), en ? 120 : 90);
      p.subheading(t(en, "指标与权重", "Indicators and weights"));
      table(p, m.weights(), m.lang(), new float[] {3, 1, 3});
      if (!m.prices().rows().isEmpty()) {
        p.subheading(t(en, "差别化价格政策", "Differentiated prices"));
        // the basis once under the table: it is the same text for every price
        List<String> keys = m.prices().columns().stream().map(Table.Col::key).filter(k -> !k.equals("basis")).toList();
        float[] w = new float[keys.size()];
        java.util.Arrays.fill(w, 1.5f);
        table(p, m.prices(), m.lang(), keys, w);
        for (String b : m.priceBasis()) {
          p.para(b, 8, PdfLayout.MUTED);
        }
      }

      p.heading(t(en, "二、分类结果", "2. Classes"));
      List<Double> vals = new ArrayList<>();
      List<Color> cols = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < m.classes().size(); i++) {
        Map<String, Object> r = m.distribution().rows().get(i);
        vals.add(((Number) r.get("enterprises")).doubleValue());
        cols.add(ZoneMapImage.classColor(m.classes().get(i), m.classes()));
        labels.add((String) r.get("class"));
      }
      p.barChart(labels, vals, cols, t(en, "企业数（家）", "firms"), t(en, "不足3家企业，已隐去", "fewer than 3 firms: withheld"), 120);
      table(p, m.distribution(), m.lang(), new float[] {2, 1.5f, 1.5f, 1.5f});
      table(p, m.statuses(), m.lang(), new float[] {3, 1});

      p.heading(t(en, "三、历年趋势", "3. Trend over the years"));
      p.para(t(en, "亩均税收（万元/亩）：全区与企业最多的" + (m.trendLines().size() - 1) + "个园区",
          "Tax per mu (10,000 CNY per mu): the whole zone and its " + (m.trendLines().size() - 1) + " parks with the most firms"),
          9, PdfLayout.MUTED);
      List<PdfLayout.Series> series = new ArrayList<>();
      for (int i = 0; i < m.trendLines().size(); i++) {
        series.add(new PdfLayout.Series(m.trendLines().get(i).name(), LINES[i % LINES.length], m.trendLines().get(i).values()));
      }
      p.lineChart(m.trendYears(), series, m.trendUnit(), 150);
      float[] tw = new float[m.trend().columns().size()];
      java.util.Arrays.fill(tw, 1.2f);
      tw[0] = 0.8f;
      table(p, m.trend(), m.lang(), tw);

      p.newPage();
      p.heading(t(en, "四、分类分布图", "4. Map of classes"));
      float[] box = p.image(m.map().image(), PdfLayout.WIDTH);
      double metresPerPoint = m.map().metresPerPixel() * m.map().image().getWidth() / box[2];
      double bar = niceMetres(metresPerPoint * 90);
      p.scaleBar(box, (float) (bar / metresPerPoint), bar >= 1000 ? Num.num(bar / 1000) + t(en, " 公里", " km")
          : Num.num(bar) + t(en, " 米", " m"));
      List<Color> lc = new ArrayList<>();
      List<String> ll = new ArrayList<>();
      for (String c : m.classes()) {
        lc.add(ZoneMapImage.classColor(c, m.classes()));
        ll.add(en ? "class " + c : c + "类");
      }
      lc.add(ZoneMapImage.NO_CLASS);
      ll.add(t(en, "未定级或无企业", "not classed or no firm"));
      p.legend(lc, ll);
      p.para(t(en, "注：地块按其主要定级企业的分类着色；粗线为开发区范围，虚线为产业园区范围。地块形状为示意，企业与数据为合成示例，不代表真实情况。",
          "Parcels take the class of their main classed firm; the heavy line is the zone, dashed lines its parks. Parcel shapes"
              + " are schematic and the firms and figures synthetic."), 8.5f, PdfLayout.MUTED);

      p.heading(t(en, "五、" + m.leaderClasses() + "类领跑企业名单", "5. Leaders (class " + m.leaderClasses() + ")"));
      rankedTable(p, m.leaders(), m.lang(), en);
      p.heading(t(en, "六、" + m.watchClasses() + "类重点帮扶整治名单", "6. Watch list (class " + m.watchClasses() + ")"));
      rankedTable(p, m.watch(), m.lang(), en);
      p.heading(t(en, "七、低效用地", "7. Low-efficiency land"));
      table(p, m.low(), m.lang(), new float[] {1.3f, 4.5f, 0.8f, 1});
      p.finish();
      p.footers(m.title() + " · " + m.status().label(m.lang()), en);
      doc.save(out);
    }
  }

  public byte[] pdf(Model m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf(m, out);
    return out.toByteArray();
  }

  private static void rankedTable(PdfLayout p, Table t, String lang, boolean en) throws IOException {
    if (t.rows().isEmpty()) {
      p.para(t(en, "本年度无此类企业。", "No firm this year."));
      return;
    }
    List<String> keys = List.of("no", "uscc", "name", "park", "score", "rank", "tax_per_mu", "points");
    table(p, t, lang, keys, new float[] {0.5f, 2.2f, 2.6f, 2, 0.8f, 0.9f, 1, 2});
  }

  private static void table(PdfLayout p, Table t, String lang, float[] widths) throws IOException {
    table(p, t, lang, t.columns().stream().map(Table.Col::key).toList(), widths);
  }

  private static void table(PdfLayout p, Table t, String lang, List<String> keys, float[] widths) throws IOException {
    List<Table.Col> cols = new ArrayList<>();
    for (String k : keys) {
      t.columns().stream().filter(c -> c.key().equals(k)).findFirst().ifPresent(cols::add);
    }
    List<String> head = cols.stream().map(c -> c.header(lang)).toList();
    boolean[] right = new boolean[cols.size()];
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, Object> r : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < cols.size(); i++) {
        Object v = r.get(cols.get(i).key());
        if (v instanceof Number n) {
          right[i] = true;
          cells.add(Num.num(n.doubleValue()));
        } else {
          cells.add(v == null ? "–" : v.toString());
        }
      }
      rows.add(cells);
    }
    p.table(head, rows, widths, right);
  }

  // ---------------------------------------------------------------------------------------------
  // Excel

  /** The same tables as the PDF, a sheet each (named in the report's language), and the map as a picture sheet. */
  public void xlsx(Model m, OutputStream out) throws IOException {
    boolean en = "en".equals(m.lang());
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(m.map().image(), "png", png);
    int w = 900;
    int h = w * m.map().image().getHeight() / m.map().image().getWidth();
    Workbooks.xlsx(m.sheets(), List.of(new Workbooks.Picture(t(en, "分类分布图", "Map"),
        t(en, "地块按主要定级企业的分类着色（示意图，合成示例数据）", "Parcels by the class of their main classed firm (schematic, synthetic data)"),
        png.toByteArray(), w, h)), m.lang(), out);
  }

  // ---------------------------------------------------------------------------------------------

  private static double niceMetres(double m) {
    double[] steps = {100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000};
    double best = steps[0];
    for (double s : steps) {
      if (s <= m) {
        best = s;
      }
    }
    return best;
  }

  private static String pct(double share) {
    return Num.num(Math.round(share * 1000) / 10.0);
  }

  private static Double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static String slug(String s) {
    String x = s == null ? "" : s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return x.isEmpty() ? "zone" : x;
  }

  private static String t(boolean en, String zh, String eng) {
    return en ? eng : zh;
  }

  private static Table.Col col(String key, String zh, String en) {
    return new Table.Col(key, zh, en, null);
  }

  private static Table.Col col(String key, String zh, String en, String unit) {
    return new Table.Col(key, zh, en, unit);
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Numbers as the report prints them. */
  static final class Num {
    private Num() {}

    static String num(double v) {
      if (!Double.isFinite(v)) {
        return "–";
      }
      if (Math.abs(v - Math.rint(v)) < 1e-9) {
        return String.format(java.util.Locale.ROOT, "%,d", (long) Math.rint(v));
      }
      String s = String.format(java.util.Locale.ROOT, "%,.2f", v);
      return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
