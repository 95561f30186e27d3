package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyData.FrozenList;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.PolicyLists.Book;
import zoneatlas.efficiency.PolicyLists.LandCategory;
import zoneatlas.efficiency.PolicyLists.ListStatus;
import zoneatlas.efficiency.PolicyLists.Sheet;
import zoneatlas.http.ApiError;
import zoneatlas.model.Parcel;
import zoneatlas.testing.TestStores;

/**
 * The policy lists' rules without a server: why a firm has its class in words, a watched firm's
 * two weakest and a leader's two strongest indicators, its bonus and penalty items with their
 * points, each low-efficiency finding written out and the category a parcel is listed under,
 * the status line (draft, on notice, published revision n, differs by zone), the classes a list
 * holds in the order it holds them, and (on the demo, one service for the class) the workbooks'
 * sheets, titles, file names and notes.
 */
class PolicyListsRulesTest {
  private static final int YEAR = 2024;
  private static final PolicyLists LISTS = new PolicyLists(null, null);

  private static TestWorld world() {
    TestWorld w = new TestWorld();
    for (String f : List.of("STRONG", "WEAK")) {
      w.parcel("P-" + f, "z", "k", 10).firm(f, "z").owns(f, "P-" + f, 1);
    }
    w.figures("STRONG", YEAR, 600, 1500, 100).figures("WEAK", YEAR, 10, 10, 100);
    w.groups.put("z", new GroupName("z", Level.zone, "测试开发区", "Test Zone (ETDZ)", "z", "z"));
    return w;
  }

  private static EfficiencyResult result(List<FrozenList> lists) throws Exception {
    TestWorld w = world();
    return EfficiencyEngine.compute(new EfficiencyData("t", w.parcels, w.ents, w.links, w.figs, w.groups, List.of(), lists),
        CaseTable.testScheme("case-fixed"), YEAR);
  }

  private static EnterpriseResult with(EnterpriseResult e, Status status, String classNote, List<String> adjustments) {
    return new EnterpriseResult(e.enterprise(), status, e.statusNote(), e.landMu(), e.ownedLandMu(), e.leasedLandMu(),
        e.constructionLandMu(), e.leasedFloorM2(), e.figures(), e.values(), e.score(), e.scoreParts(), e.missing(), e.cls(),
        classNote, e.rank(), e.ranked(), e.mainParcel(), e.adjustPoints(), adjustments);
  }

  @Test
  void aFirmsClassIsExplainedAndItsStrongAndWeakPointsNamed() throws Exception {
    EfficiencyResult r = result(List.of());
    EnterpriseResult strong = r.enterprise("STRONG").orElseThrow();
    EnterpriseResult weak = r.enterprise("WEAK").orElseThrow();
    assertEquals("综合评价定级", PolicyLists.classBasis(strong, "zh"));
    assertEquals("comprehensive evaluation", PolicyLists.classBasis(strong, "en"));
    EnterpriseResult tenant = with(strong, Status.evaluated, "tenant: takes the grade of owner X of parcel P", List.of());
    assertEquals("承租企业，随出租方定级", PolicyLists.classBasis(tenant, "zh"));
    assertEquals("tenant: takes its landlord's class", PolicyLists.classBasis(tenant, "en"));
    EnterpriseResult exempt = with(strong, Status.exempt_new, "exempt (exempt_new), given A", List.of());
    assertEquals("新设企业免评，按A类对待", PolicyLists.classBasis(exempt, "zh"));
    assertEquals("Exempt: newly founded; treated as class A", PolicyLists.classBasis(exempt, "en"));
    assertEquals("综合评价定级", PolicyLists.classBasis(with(strong, Status.evaluated, null, List.of()), "zh"));

    Scheme s = r.scheme;
    // WEAK: value added per mu scores 1 % of its weight, tax and value added per tce 5 % each (tax first)
    assertEquals("亩均增加值、亩均税收", PolicyLists.points(s, weak, false, "zh"));
    assertEquals("Value added per mu, Tax per mu", PolicyLists.points(s, weak, false, "en"));
    assertEquals("亩均税收、亩均增加值", PolicyLists.points(s, strong, true, "zh"), "all capped alike: indicator order");
    double[] parts = weak.scoreParts().clone();
    parts[Indicator.TAX_PER_MU.ordinal()] = Double.NaN;
    parts[Indicator.VALUE_ADDED_PER_MU.ordinal()] = Double.NaN;
    EnterpriseResult one = new EnterpriseResult(weak.enterprise(), weak.status(), null, 10, 10, 0, 0, 0, null, weak.values(),
        1, parts, List.of(), "D", null, 2, 2, null, 0, List.of());
    assertEquals("单位能耗增加值", PolicyLists.points(s, one, false, "zh"), "only indicators with a score");
    EnterpriseResult none = new EnterpriseResult(weak.enterprise(), weak.status(), null, 10, 10, 0, 0, 0, null, weak.values(),
        1, null, List.of(), "D", null, 0, 0, null, 0, List.of());
    assertNull(PolicyLists.points(s, none, true, "zh"));

    EnterpriseResult items = with(weak, Status.evaluated, null, List.of("high_tech", "safety_incident", "unknown"));
    assertEquals("高新技术企业 +5分；发生较大及以上安全生产事故 -10分", PolicyLists.adjustments(s, items, "zh"));
    assertEquals("High-tech enterprise +5 points; Major safety incident -10 points", PolicyLists.adjustments(s, items, "en"));
    assertNull(PolicyLists.adjustments(s, with(weak, Status.evaluated, null, List.of()), "zh"));
    assertNull(PolicyLists.adjustments(s, with(weak, Status.evaluated, null, null), "zh"));
    assertNull(PolicyLists.adjustments(s, with(weak, Status.evaluated, null, List.of("unknown")), "zh"));
  }

  @Test
  void aListHoldsItsClassesBestFirstWithRankScoreAndFigures() throws Exception {
    EfficiencyResult r = result(List.of());
    Table watch = LISTS.rankedTable(r, null, "zh", List.of("D"), false);
    assertEquals("watch", watch.name());
    assertEquals(1, watch.rows().size());
    Map<String, Object> w = watch.rows().get(0);
    assertEquals(1, w.get("no"));
    assertEquals("UWEAK", w.get("uscc"));
    assertEquals("企业WEAK", w.get("name"));
    assertEquals("测试开发区", w.get("zone"));
    assertNull(w.get("park"), "a park with no name is not named by its code in Chinese");
    assertEquals("2/2", w.get("rank"));
    assertEquals(10.0, w.get("land_mu"));
    assertEquals(1.0, w.get("tax_per_mu"));
    assertEquals(4.0, w.get("revenue_per_mu"));
    assertEquals(Math.round(r.enterprise("WEAK").orElseThrow().score() * 10) / 10.0, w.get("score"));
    assertEquals("主要短板", watch.columns().get(12).zh());
    Table both = LISTS.rankedTable(r, "z", "en", List.of("A", "D"), true);
    assertEquals(List.of("USTRONG", "UWEAK"), both.rows().stream().map(m -> m.get("uscc")).toList());
    assertEquals(List.of(1, 2), both.rows().stream().map(m -> m.get("no")).toList());
    assertEquals("Test Zone (ETDZ)", both.rows().get(0).get("zone"));
    assertNull(both.rows().get(0).get("park"), "a firm with no park on record");
    assertEquals("Strengths", both.columns().get(12).en());
    assertEquals("10,000 CNY/mu", both.columns().get(10).unit());
    assertTrue(LISTS.rankedTable(r, "y", "zh", List.of("A", "D"), true).rows().isEmpty(), "another zone's firms are not listed");
  }

  @Test
  void eachFindingIsWrittenOutAndTheParcelListedUnderItsFirstCategory() throws Exception {
    EfficiencyResult r = result(List.of());
    Parcel pc = new Parcel("P", "z", "b", "k", null, "100101", "一类工业用地", "idle", 1, 1, 1, 0.6, 0.3, 1.0, 0.4, 300, 20,
        2019, 2020, null);
    Parcel unknown = new Parcel("Q", "z", "b", "k", null, "100101", "一类工业用地", "idle", 1, 1, 1, 0.6, 0.3, 1.0, 0.4, 300, 20,
        null, null, null);
    int n = Indicator.values().length;
    double[] num = new double[n];
    double[] den = new double[n];
    num[Indicator.TAX_PER_MU.ordinal()] = 12.345;
    den[Indicator.TAX_PER_MU.ordinal()] = 1;
    List<LowReason.Found> all = new java.util.ArrayList<>();
    for (LowReason x : LowReason.values()) {
      all.add(new LowReason.Found(x, "", ""));
    }
    ParcelResult p = new ParcelResult(pc, 1, 1, 1, num, den, new double[8], "D", null, false, all);
    assertEquals("已批准建设，尚未供应；2019年供地，至2024年未动工；闲置土地（2019年供地）；部分建设使用（2019年供地）；"
        + "2020年开工建设，2024年未投产；亩均税收 12.35 万元/亩，低于标准地承诺 20 万元/亩；主要用地企业为D类；容积率 0.6，低于控制值 1；"
        + "建筑系数 30%，低于控制值 40%", PolicyLists.facts(r, p, "zh"));
    assertEquals("approved for construction, not yet supplied; supplied 2019, not started by 2024; idle land, supplied 2019; "
        + "partly built and used, supplied 2019; building started 2020, not producing in 2024; tax per mu 12.35 below the "
        + "standard-land commitment of 20 (10,000 CNY per mu); main classed user is class D; FAR 0.6 below the minimum 1; "
        + "coverage 30% below the minimum 40%", PolicyLists.facts(r, p, "en"));
    ParcelResult q = new ParcelResult(unknown, 0, 0, 0, num, den, new double[8], null, null, false, all.subList(1, 5));
    assertEquals("供地年份不详，至2024年未动工；闲置土地；部分建设使用；已建成，2024年未投产", PolicyLists.facts(r, q, "zh"));
    assertEquals("supply year unknown, not started by 2024; idle land; partly built and used; built, not producing in 2024",
        PolicyLists.facts(r, q, "en"));

    assertEquals(LandCategory.approved_not_supplied, LandCategory.of(all));
    assertEquals(LandCategory.supplied_not_used, LandCategory.of(List.of(f(LowReason.far_below_min), f(LowReason.idle))));
    assertEquals(LandCategory.supplied_not_used, LandCategory.of(List.of(f(LowReason.supplied_not_used))));
    assertEquals(LandCategory.partly_used, LandCategory.of(List.of(f(LowReason.low_class), f(LowReason.partly_used))));
    assertEquals(LandCategory.built_not_producing, LandCategory.of(List.of(f(LowReason.built_not_producing),
        f(LowReason.below_standard))));
    assertEquals(LandCategory.below_standard, LandCategory.of(List.of(f(LowReason.coverage_below_min), f(LowReason.below_standard))));
    assertEquals(LandCategory.other, LandCategory.of(List.of(f(LowReason.low_class), f(LowReason.coverage_below_min))));
    assertNull(LandCategory.of(List.of()));

    assertEquals("闲置", PolicyLists.statusName("idle", "zh"));
    assertEquals("supplied, not used", PolicyLists.statusName("supplied_not_used", "en"));
    assertEquals("odd", PolicyLists.statusName("odd", "zh"));
    assertNull(PolicyLists.statusName(null, "zh"));
  }

  private static LowReason.Found f(LowReason r) {
    return new LowReason.Found(r, "", "");
  }

  @Test
  void everyListSaysWhetherItIsADraftOnNoticeOrPublished() throws Exception {
    assertEquals(ListStatus.DRAFT, LISTS.listStatus(result(List.of()), null));
    assertEquals(ListStatus.DRAFT, LISTS.listStatus(result(List.of()), "z"));
    LocalDate d = LocalDate.of(2025, 3, 1);
    EfficiencyResult pub = result(List.of(new FrozenList(1, "z", "case-fixed", YEAR, 2, "published", d, d, Map.of())));
    ListStatus two = LISTS.listStatus(pub, "z");
    assertEquals(new ListStatus("published", 2, "已公布 第2版", "Published, revision 2"), two);
    assertEquals(two, LISTS.listStatus(pub, null), "one zone: its status is the list's");
    assertEquals("Published, revision 2", two.label("en"));
    assertEquals("已公布 第2版", two.label("zh"));
    EfficiencyResult notice = result(List.of(new FrozenList(1, "z", "case-fixed", YEAR, 0, "notice", d, d, Map.of())));
    assertEquals(ListStatus.notice(), LISTS.listStatus(notice, null));
    assertEquals("公示中", LISTS.listStatus(notice, "z").zh());
    EfficiencyResult whatIf = EfficiencyEngine.compute(pub.data, pub.scheme.withOverrides(Map.of(), Map.of(), 2.0, null), YEAR);
    assertEquals(ListStatus.DRAFT, LISTS.listStatus(whatIf, "z"), "a what-if is never an official list");

    // a second zone with a classed firm and no list: the zones differ
    TestWorld w = world();
    w.parcel("P-Y", "y", "ky", 10).firm("YF", "y").owns("YF", "P-Y", 1).figures("YF", YEAR, 600, 1500, 100);
    w.parcel("P-E", "e", "ke", 10);
    EfficiencyData data = new EfficiencyData("t", w.parcels, w.ents, w.links, w.figs, w.groups, List.of(),
        List.of(new FrozenList(1, "z", "case-fixed", YEAR, 1, "published", d, d, Map.of())));
    EfficiencyResult mixed = EfficiencyEngine.compute(data, CaseTable.testScheme("case-fixed"), YEAR);
    assertEquals(ListStatus.MIXED, LISTS.listStatus(mixed, null));
    assertEquals(ListStatus.DRAFT, LISTS.listStatus(mixed, "y"));
    TestWorld empty = new TestWorld().parcel("P", "z", "k", 10);
    assertEquals(ListStatus.DRAFT, LISTS.listStatus(EfficiencyEngine.compute(empty.data(), CaseTable.testScheme("case-fixed"),
        YEAR), null), "nothing classed anywhere: a draft");
  }

  @Test
  void numbersUnitsNamesAndCitationsAreWrittenAsAReaderExpects() throws Exception {
    assertEquals("10,000 CNY/mu", PolicyLists.unit("en", "万元/亩"));
    assertEquals("tce/ha", PolicyLists.unit("en", "吨标准煤/公顷"));
    assertEquals("m² · firms · parcels · points", PolicyLists.unit("en", "平方米 · 家 · 宗 · 分"));
    assertEquals("万元/亩", PolicyLists.unit("zh", "万元/亩"));
    assertNull(PolicyLists.unit("en", null));
    assertEquals(1.24, PolicyLists.round2(1.236));
    assertNull(PolicyLists.round2(Double.NaN));
    assertNull(PolicyLists.round2(Double.POSITIVE_INFINITY));
    assertEquals("–", PolicyLists.fmt(Double.NaN));
    assertEquals("1.5", PolicyLists.fmt(1.5));
    assertEquals("2", PolicyLists.fmt(2.004));
    assertEquals("zhengzhou-etdz-city", PolicyLists.slug("Zhengzhou ETDZ (city)"));
    assertEquals("zone", PolicyLists.slug("郑州"));
    EfficiencyData d = result(List.of()).data;
    assertNull(PolicyLists.groupName(d, null, "zh"));
    assertEquals("测试开发区", PolicyLists.groupName(d, "z", "zh"));
    assertEquals("Test Zone (ETDZ)", PolicyLists.groupName(d, "z", "en"));
    assertNull(PolicyLists.groupName(d, "k", "zh"));
    assertEquals("k", PolicyLists.groupName(d, "k", "en"));
    assertEquals("z", PolicyLists.zone(d, "z"));
    assertNull(PolicyLists.zone(d, " "));
    assertEquals("zone", assertThrows(ApiError.class, () -> PolicyLists.zone(d, "atlantis")).parameter);
    assertEquals(403, assertThrows(ApiError.class, () -> PolicyLists.requireOfficer(Role.planner, "lists")).status);
    PolicyLists.requireOfficer(Role.land_officer, "lists");
    assertTrue(PolicyLists.now("zh").matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}"), PolicyLists.now("zh"));
    assertTrue(PolicyLists.now("en").endsWith(" (Beijing time)"));
    assertEquals(PolicyLists.Kind.low_land, PolicyLists.Kind.byParam("low-land").orElseThrow());
    assertTrue(PolicyLists.Kind.byParam("low_land").isEmpty());
    assertTrue(PolicyLists.Kind.params().startsWith("power, water, gas, discharge, prices"));

    SchemePolicies.PriceRule power = Schemes.load().get("weighted-benchmark").orElseThrow().policies().prices()
        .get(SchemePolicies.PriceKind.power);
    String zh = PolicyLists.citationsZh(power);
    assertTrue(zh.startsWith("金额为示例。"), zh);
    assertTrue(zh.contains(" https://") && zh.contains("行）"), zh);
    String en = PolicyLists.citationsEn(power);
    assertTrue(en.startsWith("Amounts are examples. https://"), en);
    assertTrue(en.matches(".*; \\S+\\.txt line [\\d,-]+.*"), en);
    SchemePolicies.PriceRule real = new SchemePolicies.PriceRule(power.kind(), "元", "CNY", Map.of("D", 1.0), false,
        power.basis());
    assertFalse(PolicyLists.citationsZh(real).startsWith("金额为示例"));
    assertFalse(PolicyLists.citationsEn(real).startsWith("Amounts"));
  }

  private static EfficiencyService svc;

  private static synchronized PolicyLists demo() {
    svc = DemoService.get();
    return new PolicyLists(svc, zone -> Map.of());
  }

  @Test
  void theDemosListsHaveTheirSheetsTitlesFilesAndNotes() throws Exception {
    PolicyLists l = demo();
    assertEquals(403, assertThrows(ApiError.class, () -> l.list(Role.planner, PolicyLists.Kind.power, null, null, null, "zh"))
        .status);
    int year = svc.data().latestYear();
    Book power = l.list(Role.land_officer, PolicyLists.Kind.power, null, "weighted-benchmark", "zzetdz", "zh");
    assertEquals(List.of("差别化电价名单", "说明"), power.sheets().stream().map(s -> s.name("zh")).toList());
    assertEquals(List.of("Differentiated power price list", "Notes"), power.sheets().stream().map(s -> s.name("en")).toList());
    assertEquals(power.sheets().get(0).table(), power.csv());
    assertEquals(year + "年郑州经济技术开发区差别化电价名单", power.titleZh());
    assertEquals("Differentiated power price list, " + PolicyLists.groupName(svc.data(), "zzetdz", "en") + ", " + year,
        power.titleEn());
    assertEquals("郑州经济技术开发区", power.meta().get("zone_name"));
    assertEquals(year, power.meta().get("year"));
    assertEquals("weighted-benchmark", power.meta().get("scheme"));
    assertEquals(0, power.meta().get("status_revision"));
    // best class first, then by zone, rank in zone and credit code; numbered from 1
    List<String> order = List.of("A", "B", "C", "D");
    List<Map<String, Object>> priceRows = power.csv().rows();
    EfficiencyResult official = svc.official("weighted-benchmark", null);
    for (int i = 0; i < priceRows.size(); i++) {
      assertEquals(i + 1, priceRows.get(i).get("no"));
      if (i > 0) {
        int a = order.indexOf((String) priceRows.get(i - 1).get("class"));
        int b = order.indexOf((String) priceRows.get(i).get("class"));
        assertTrue(a <= b, "best class first");
      }
    }
    int classedInZone = 0;
    for (EfficiencyResult.EnterpriseResult e : official.enterprises) {
      if ("zzetdz".equals(e.enterprise().zone()) && e.cls() != null) {
        classedInZone++;
      }
    }
    assertEquals(classedInZone, priceRows.size(), "every classed firm of the zone, no other");
    assertEquals(power.titleZh() + ".xlsx", power.file("zh"));
    assertTrue(power.file("en").matches(year + "-[a-z0-9-]+-power-price-list\\.xlsx"), power.file("en"));
    assertEquals(power.titleEn(), power.title("en"));
    assertEquals("power", power.meta().get("kind"));
    assertEquals("draft", power.meta().get("status"));
    assertEquals("草案", power.meta().get("status_label"));
    assertEquals("zzetdz", power.meta().get("zone"));
    assertEquals(true, power.meta().get("synthetic"));
    for (Map<String, Object> row : power.csv().rows()) {
      double s = ((Number) row.get("surcharge")).doubleValue();
      assertEquals(switch ((String) row.get("class")) {
        case "D" -> 0.3;
        case "C" -> 0.1;
        default -> 0.0;
      }, s, 1e-9);
    }
    Map<String, Object> notes = new java.util.LinkedHashMap<>();
    power.sheets().get(1).table().rows().forEach(m -> notes.put((String) m.get("item"), m.get("value")));
    assertEquals("差别化电价名单", notes.get("名单"));
    assertEquals("草案", notes.get("名单状态"));
    assertEquals(year + "年", notes.get("评价年度"));
    assertEquals("郑州经济技术开发区", notes.get("开发区"));
    assertEquals("加权对标评分", String.valueOf(notes.get("评价方案")).substring(0, 6));
    assertTrue(((String) notes.get("差别化电价 · 依据")).startsWith("金额为示例。"));
    assertTrue(notes.containsKey("生成时间"));
    assertEquals("加价 0.3 元/千瓦时", notes.get("差别化电价 · D类"));
    assertEquals("执行基准价格", notes.get("差别化电价 · A类"));
    assertTrue(((String) notes.get("数据说明")).startsWith("合成示例数据"));
    Map<String, Object> j = power.json();
    assertEquals(power.csv().rows().size(), j.get("numberReturned"));
    assertEquals(2, ((List<?>) j.get("sheets")).size());

    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] png = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    List<Sheet> twice = new java.util.ArrayList<>(power.sheets());
    twice.add(power.sheets().get(1));
    Workbooks.xlsx(twice, List.of(new Workbooks.Picture("说明", "图：区位", png, 640, 400)), "zh", out);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(out.toByteArray()))) {
      assertEquals(List.of("差别化电价名单", "说明", "说明 (2)", "说明 (3)"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
      org.apache.poi.ss.usermodel.Sheet sh = wb.getSheetAt(0);
      assertEquals("加价标准 (元/千瓦时)", sh.getRow(0).getCell(8).getStringCellValue());
      assertTrue(wb.getFontAt(sh.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold(), "a bold header");
      assertEquals(1, sh.getPaneInformation().getHorizontalSplitPosition(), "the header row stays in view");
      assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, sh.getRow(1).getCell(0).getCellType());
      assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, sh.getRow(1).getCell(1).getCellType());
      assertEquals(power.csv().rows().size() + 1, sh.getPhysicalNumberOfRows());
      int unitWidth = sh.getColumnWidth(8) / 256;
      assertEquals(Workbooks.textWidth("加价标准 (元/千瓦时)") + 2, unitWidth, "as wide as its header");
      assertTrue(sh.getColumnWidth(0) / 256 >= 6, "never narrower than 6");
      org.apache.poi.ss.usermodel.Sheet notesSheet = wb.getSheetAt(1);
      boolean wrapped = false;
      for (org.apache.poi.ss.usermodel.Row row : notesSheet) {
        org.apache.poi.ss.usermodel.Cell c = row.getCell(1);
        if (c != null && c.getStringCellValue().length() > 40) {
          assertTrue(c.getCellStyle().getWrapText(), "long text wraps");
          wrapped = true;
        } else if (c != null && row.getRowNum() > 0) {
          assertFalse(c.getCellStyle().getWrapText(), "short text does not");
        }
        assertTrue(notesSheet.getColumnWidth(1) / 256 <= 60, "never wider than 60");
      }
      assertTrue(wrapped);
      org.apache.poi.ss.usermodel.Sheet pic = wb.getSheetAt(3);
      assertEquals("图：区位", pic.getRow(0).getCell(0).getStringCellValue());
      var shapes = ((org.apache.poi.xssf.usermodel.XSSFDrawing) pic.getDrawingPatriarch()).getShapes();
      assertEquals(1, shapes.size());
      var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shapes.get(0).getAnchor();
      assertEquals(10, anchor.getCol2(), "640 px over 64 px columns");
      assertEquals(21, anchor.getRow2(), "a caption row, then 400 px over 20 px rows");
    }

    Book prices = l.list(Role.admin, PolicyLists.Kind.prices, null, "weighted-benchmark", null, "en");
    assertEquals(List.of("Differentiated power price list", "Differentiated water price list", "Differentiated gas price list",
        "Differentiated discharge charge list", "Notes"), prices.sheets().stream().map(Sheet::nameEn).toList());
    assertNull(prices.csv(), "four tables are no one CSV");
    assertFalse(prices.json().containsKey("rows"));
    assertTrue(prices.file("en").matches(year + "-price-lists\\.xlsx"), prices.file("en"));
    assertEquals("Differentiated price lists (power, water, gas, discharge), " + year, prices.titleEn());
    Map<String, Object> enNotes = new java.util.LinkedHashMap<>();
    prices.sheets().get(4).table().rows().forEach(m -> enNotes.put((String) m.get("item"), m.get("value")));
    assertEquals("all zones", enNotes.get("Zone"));
    assertEquals(String.valueOf(year), enNotes.get("Year"));
    assertEquals("surcharge of 1 CNY/m³", String.valueOf(enNotes.get("Differentiated water price · class D")).replace("CNY/t", "CNY/m³"));
    assertTrue(((String) enNotes.get("Data")).startsWith("synthetic demonstration data"));
    assertNull(prices.meta().get("zone_name"));

    Book watch = l.list(Role.land_officer, PolicyLists.Kind.watch, null, "zhengzhou-two-stage", null, "zh");
    assertTrue(watch.titleZh().endsWith("C类重点帮扶整治名单"), watch.titleZh());
    assertTrue(watch.csv().rows().stream().allMatch(m -> "C".equals(m.get("class"))));
    assertEquals("watch-list", watch.file("en").replaceAll("^\\d+-", "").replace(".xlsx", ""));
    Book leaders = l.list(Role.land_officer, PolicyLists.Kind.leaders, null, "zhengzhou-two-stage", null, "en");
    assertTrue(leaders.csv().rows().stream().allMatch(m -> "A".equals(m.get("class"))));
    assertEquals("Leaders", leaders.sheets().get(0).nameEn());

    PolicyLists placed = new PolicyLists(svc, new zoneatlas.efficiency.report.ReportRepository(TestStores.h2()));
    Book low = placed.list(Role.land_officer, PolicyLists.Kind.low_land, null, null, "zzetdz", "zh");
    assertEquals(year + "年郑州经济技术开发区低效用地清单", low.titleZh());
    assertTrue(low.csv().rows().stream().allMatch(m -> m.get("lon") instanceof Double && m.get("lat") instanceof Double),
        "every parcel placed by its centre");
    assertTrue(low.csv().rows().stream().allMatch(m -> "郑州经济技术开发区".equals(m.get("zone"))));
    assertTrue(low.csv().rows().stream().noneMatch(m -> String.valueOf(m.get("facts")).isEmpty()));
    for (int i = 0; i < low.csv().rows().size(); i++) {
      assertEquals(i + 1, low.csv().rows().get(i).get("no"));
    }
    assertEquals(List.of("分类汇总", "批而未供", "供而未用", "用而未尽", "建而未投", "投而未达标", "其他低效情形", "说明"),
        low.sheets().stream().map(s -> s.name("zh")).toList());
    List<Map<String, Object>> sum = low.sheets().get(0).table().rows();
    int parcels = 0;
    for (int i = 0; i < sum.size(); i++) {
      List<Map<String, Object>> rows = low.sheets().get(i + 1).table().rows();
      assertEquals(rows.size(), sum.get(i).get("parcels"));
      double area = rows.stream().mapToDouble(m -> ((Number) m.get("area_mu")).doubleValue()).sum();
      assertEquals(PolicyLists.round2(area), sum.get(i).get("area_mu"));
      for (int k = 1; k < rows.size(); k++) {
        assertTrue(((Number) rows.get(k - 1).get("area_mu")).doubleValue() >= ((Number) rows.get(k).get("area_mu")).doubleValue(),
            "largest first");
        assertEquals(k + 1, rows.get(k).get("no"));
      }
      parcels += rows.size();
    }
    assertEquals(parcels, low.csv().rows().size());
    assertTrue(parcels > 0);
    assertFalse(low.csv().rows().get(0).containsKey("parcel"), "the Chinese list names no parcel id");
    assertTrue(l.list(Role.land_officer, PolicyLists.Kind.low_land, null, null, "zzetdz", "en").csv().rows().get(0)
        .containsKey("parcel"));
  }
}
