package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.model.Parcel;

/**
 * How a 亩均 download reads in one language, rule by rule and without a server: which columns a
 * Chinese or English reader gets (codes and the other language left out), how values are written
 * (zones, levels, statuses, reasons, missing indicators and notes in words, yes/no, two decimals),
 * sheet and file names, units, and the vocabulary those words come from (indicator keys and units
 * per hectare, level names, statuses, the engine's notes in Chinese).
 */
class ExportViewRulesTest {
  private static final Map<String, GroupName> GROUPS = Map.of(
      "zz", new GroupName("zz", Level.zone, "郑州经开区", "Zhengzhou ETDZ", "zz", "f-zz"),
      "zz-ip-1", new GroupName("zz-ip-1", Level.industrial_park, "汽车产业园", "Auto park", "zz", "f-ip-1"));

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

  private static List<String> keys(Table t) {
    return t.columns().stream().map(Table.Col::key).toList();
  }

  @Test
  void eachLanguageGetsItsOwnWordsAndNoCodeColumnWhoseWordsAreThere() {
    List<Table.Col> cols = List.of(col("target_id", "目标编号", "Target id", null), col("id", "编号", "Id", null),
        col("name_zh", "名称", "Name (Chinese)", null), col("name_en", "英文名称", "Name (English)", null),
        col("feature_id", "图上要素", "Map feature", null), col("zone", "开发区", "Zone", null),
        col("status", "状态", "Status", null), col("status_zh", "状态说明", "Status (Chinese)", null),
        col("label_zh", "指标", "Indicator (Chinese)", null), col("label_en", "Indicator", "Indicator (English)", null),
        col("reasons", "原因代码", "Reason codes", null), col("reasons_zh", "原因", "Reasons (Chinese)", null),
        col("reasons_en", "Reasons", "Reasons (English)", null), col("details", "依据", "Details (Chinese)", null),
        col("details_en", "依据（英文）", "Details", null), col("area_mu", "面积", "Area", "亩"),
        col("energy", "能耗", "Energy", "万元/吨标准煤"), col("source_doc", "来源文件", "Source document", null),
        col("source_lines", "来源行号", "Source lines", null), col("outcome", "结果代码", "Outcome code", null));
    Map<String, Object> r = row("target_id", "t1", "id", "zz-ip-1", "name_zh", "汽车产业园", "name_en", "Auto park",
        "feature_id", "f-ip-1", "zone", "zz", "status", "in_use", "status_zh", "在用", "label_zh", "亩均税收",
        "label_en", "Tax per mu", "reasons", List.of("idle"), "reasons_zh", "闲置", "reasons_en", "Idle",
        "details", "闲置", "details_en", "idle", "area_mu", 12.345, "energy", 3.0, "source_doc", "nowhere.txt",
        "source_lines", "12,14", "outcome", "not_met");
    Table t = new Table("targets", cols, List.of(r), Map.of("year", 2024));
    Table zh = ExportView.localized(t, "zh", GROUPS);
    // a park's id goes (its name is there), map ids go, English goes, codes whose Chinese is there go
    assertEquals(List.of("name_zh", "zone", "status_zh", "label_zh", "reasons_zh", "details", "area_mu", "energy", "source",
        "outcome"), keys(zh));
    assertEquals("规划目标对照", zh.name());
    Map<String, Object> zr = zh.rows().get(0);
    assertEquals("郑州经开区", zr.get("zone"), "a zone by its name");
    assertEquals(new BigDecimal("12.35"), zr.get("area_mu"), "two decimals, rounded half up");
    assertEquals("第12、14行", zr.get("source"), "the plan source as a citation");
    assertEquals("not_met", zr.get("outcome"));
    assertEquals("万元/吨标准煤", zh.columns().get(7).unit());
    assertEquals("规划依据", zh.columns().get(8).zh());

    Table en = ExportView.localized(t, "en", GROUPS);
    assertEquals(List.of("name_zh", "name_en", "zone", "status", "label_en", "reasons_en", "details_en", "area_mu", "energy",
        "source", "outcome"), keys(en));
    Map<String, Object> er = en.rows().get(0);
    assertEquals("Zhengzhou ETDZ", er.get("zone"));
    assertEquals("in use", er.get("status"));
    assertEquals("Idle", er.get("reasons_en"));
    assertEquals("lines 12, 14", er.get("source"));
    assertEquals("not met", er.get("outcome"), "outcome codes read as words in English");
    assertEquals("10,000 CNY/tce", en.columns().get(8).unit(), "units in English words");
    assertEquals("mu", en.columns().get(7).unit());
    assertEquals("Plan targets", en.name());
  }

  @Test
  void anIdStaysWhenItIsNoZoneOrParkAndWhenNoNameFollows() {
    List<Table.Col> cols = List.of(col("id", "地块编号", "Parcel id", null), col("name_zh", "名称", "Name", null));
    Table parcels = new Table("low-efficiency", cols, List.of(row("id", null, "name_zh", "甲"), row("id", "P-1", "name_zh", "甲")),
        Map.of());
    assertEquals(List.of("id", "name_zh"), keys(ExportView.localized(parcels, "zh", GROUPS)), "parcel ids are no group");
    Table parks = new Table("x", cols, List.of(row("id", null, "name_zh", "甲"), row("id", "zz-ip-1", "name_zh", "甲")), Map.of());
    assertEquals(List.of("name_zh"), keys(ExportView.localized(parks, "zh", GROUPS)), "the first id found decides");
    Table empty = new Table("x", cols, List.of(), Map.of());
    assertEquals(List.of("id", "name_zh"), keys(ExportView.localized(empty, "zh", GROUPS)));
    Table noName = new Table("x", List.of(col("id", "编号", "Id", null)), List.of(row("id", "zz-ip-1")), Map.of());
    assertEquals(List.of("id"), keys(ExportView.localized(noName, "en", GROUPS)));
    assertEquals("zz-ip-1", ExportView.localized(noName, "en", GROUPS).rows().get(0).get("id"), "an id column is not a park column");
  }

  @Test
  void valuesAreWrittenInTheReadersWords() {
    assertNull(ExportView.value("x", null, "zh", GROUPS));
    assertEquals("是", ExportView.value("suppressed", true, "zh", GROUPS));
    assertEquals("否", ExportView.value("suppressed", false, "zh", GROUPS));
    assertEquals("yes", ExportView.value("suppressed", true, "en", GROUPS));
    assertEquals("no", ExportView.value("suppressed", false, "en", GROUPS));
    assertNull(ExportView.value("tax", Double.NaN, "zh", GROUPS), "no NaN in a sheet");
    assertNull(ExportView.value("tax", Double.POSITIVE_INFINITY, "zh", GROUPS));
    assertEquals(new BigDecimal("15383531.30"), ExportView.value("tax", 1.53835313E7, "zh", GROUPS), "written out in full");
    assertEquals(new BigDecimal("0.13"), ExportView.value("tax", 0.125f, "zh", GROUPS));
    assertEquals("7", ExportView.value("parcels", 7, "zh", GROUPS), "whole numbers are written as they are");
    assertEquals("郑州经开区、汽车产业园", ExportView.value("park", List.of("zz", "zz-ip-1"), "zh", GROUPS));
    assertEquals("Zhengzhou ETDZ; Auto park", ExportView.value("park", List.of("zz", "zz-ip-1"), "en", GROUPS));
    assertEquals("汽车产业园", ExportView.value("small_micro_park", "zz-ip-1", "zh", GROUPS));
    assertEquals("郑州经开区", ExportView.value("board", "zz", "zh", GROUPS));
    assertEquals("unknown-park", ExportView.value("park", "unknown-park", "zh", GROUPS));
    assertEquals("zz", ExportView.value("name", "zz", "zh", GROUPS), "only zone, board and park columns are looked up");
    // levels by their URL name or enum name
    assertEquals("产业园区", ExportView.value("level", "industrial-park", "zh", GROUPS));
    assertEquals("Small-micro park", ExportView.value("level", "small_micro_park", "en", GROUPS));
    assertEquals("nope", ExportView.value("level", "nope", "zh", GROUPS));
    // a parcel's land status, else an enterprise's evaluation status
    assertEquals("闲置", ExportView.value("status", "idle", "zh", GROUPS));
    assertEquals("built, not producing", ExportView.value("status", "built_not_producing", "en", GROUPS));
    assertEquals("新设企业免评", ExportView.value("status", "exempt_new", "zh", GROUPS));
    assertEquals("No figures for the year", ExportView.value("status", "no_figures", "en", GROUPS));
    assertEquals("nope", ExportView.value("status", "nope", "en", GROUPS));
    // reasons, given as a list or as one joined text
    assertEquals("闲置、容积率低于控制指标", ExportView.value("low_efficiency", List.of("idle", "far_below_min"), "zh", GROUPS));
    assertEquals("Idle; Occupied by a low-class enterprise", ExportView.value("reasons", "idle;low_class", "en", GROUPS));
    assertEquals("闲置、xx", ExportView.value("reasons", "idle, xx", "zh", GROUPS));
    assertEquals("亩均税收", ExportView.value("missing", "tax_per_mu", "zh", GROUPS));
    assertEquals("R&D intensity", ExportView.value("missing", "rnd_intensity", "en", GROUPS));
    assertEquals("odd", ExportView.value("missing", "odd", "en", GROUPS));
    assertEquals("2023年成立", ExportView.value("status_note", "founded 2023", "zh", GROUPS));
    assertEquals("founded 2023", ExportView.value("class_note", "founded 2023", "en", GROUPS));
    assertEquals("2020年无申报数据", ExportView.value("class_note", "no figures for 2020", "zh", GROUPS));
    assertEquals("not_met", ExportView.value("outcome", "not_met", "zh", GROUPS));
    assertEquals("no data", ExportView.value("outcome", "no_data", "en", GROUPS));
    assertEquals("a_b", ExportView.value("label", "a_b", "en", GROUPS), "only outcomes lose their underscores");
  }

  @Test
  void sheetsAndFilesAreNamedInTheReadersLanguage() {
    assertEquals("产业园区亩均效益", ExportView.sheetName(named("indicators-industrial-park"), "zh"));
    assertEquals("Mu efficiency by core board", ExportView.sheetName(named("indicators-core-board"), "en"));
    assertEquals("Mu efficiency by industrial par", ExportView.sheetName(named("indicators-industrial-park"), "en"), "31 at most");
    assertEquals("indicators-nope", ExportView.sheetName(named("indicators-nope"), "en"));
    assertEquals("亩均税收历年变化", ExportView.sheetName(named("trend-tax_per_mu"), "zh"));
    assertEquals("Tax per mu by year", ExportView.sheetName(named("trend-tax_per_ha"), "en"));
    assertEquals("历年变化", ExportView.sheetName(named("trend-nope"), "zh"));
    assertEquals("Trend", ExportView.sheetName(named("trend-nope"), "en"));
    assertEquals("分类结果", ExportView.sheetName(named("classes"), "zh"));
    assertEquals("Classes", ExportView.sheetName(named("classes"), "en"));
    assertEquals("Low-efficiency land", ExportView.sheetName(named("low-efficiency"), "en"));
    assertEquals("规划目标对照", ExportView.sheetName(named("targets"), "zh"));
    assertEquals("a b c d", ExportView.sheetName(named("a[b]c/d"), "zh"), "no character Excel refuses");
    String longName = "x".repeat(40);
    assertEquals(31, ExportView.sheetName(named(longName), "en").length());
    assertEquals("x".repeat(31), ExportView.sheetName(named("x".repeat(31)), "en"));

    Table zh = new Table("产业园区亩均效益", List.of(), List.of(),
        Map.of("year", 2024, "scheme_name_zh", "综合 评价", "scheme_name_en", "Weighted score"));
    assertEquals("亩均效益_产业园区亩均效益_2024年_综合_评价.csv", ExportView.fileName(zh, "zh", "csv"));
    Table en = new Table("Mu efficiency by zone", List.of(), List.of(),
        Map.of("year", 2024, "scheme_name_zh", "综合", "scheme_name_en", "Weighted score"));
    assertEquals("mu-efficiency_mu_efficiency_by_zone_2024_Weighted_score.xlsx", ExportView.fileName(en, "en", "xlsx"));
    assertEquals("亩均效益_趋势.csv", ExportView.fileName(new Table("趋势", List.of(), List.of(), Map.of()), "zh", "csv"));
    assertEquals("tce/10,000 CNY", ExportView.unitEn("吨标准煤/万元"));
    assertEquals("person", ExportView.unitEn("人"));
    assertEquals("ha", ExportView.unitEn("公顷"));
    assertEquals("10,000 CNY/pollutant equivalent", ExportView.unitEn("万元/当量"));
  }

  private static Table named(String n) {
    return new Table(n, List.of(), List.of(), Map.of());
  }

  @Test
  void workbookSheetNamesAreLegalAndUniqueAndChineseColumnsWide() {
    Set<String> used = new HashSet<>();
    assertEquals("名单", Workbooks.sheetName("名单", used));
    assertEquals("名单 (2)", Workbooks.sheetName("名单", used));
    assertEquals("名单 (3)", Workbooks.sheetName("名单", used));
    assertEquals("Abc (2)", Workbooks.sheetName("Abc", new HashSet<>(Set.of("abc"))), "Excel's names ignore case");
    String thirty = "y".repeat(31);
    Set<String> u2 = new HashSet<>();
    assertEquals(thirty, Workbooks.sheetName(thirty, u2));
    String second = Workbooks.sheetName(thirty, u2);
    assertEquals("y".repeat(27) + " (2)", second);
    assertEquals(31, second.length());
    String twentySeven = "z".repeat(27);
    Set<String> u3 = new HashSet<>(Set.of(twentySeven));
    assertEquals(twentySeven + " (2)", Workbooks.sheetName(twentySeven, u3), "31 characters fit whole");
    assertEquals("a_b", Workbooks.sheetName("a/b", new HashSet<>()));
    assertEquals(0, Workbooks.textWidth(""));
    assertEquals(3, Workbooks.textWidth("abc"));
    assertEquals(4, Workbooks.textWidth("亩均"));
    assertEquals(5, Workbooks.textWidth("a亩均"));
  }

  @Test
  void indicatorsLevelsAndStatusesNameThemselvesInBothUnitsAndLanguages() {
    assertEquals("tax_per_ha", Indicator.TAX_PER_MU.key(Unit.ha));
    assertEquals("tax_per_mu", Indicator.TAX_PER_MU.key(Unit.mu));
    assertEquals("万元/公顷", Indicator.TAX_PER_MU.unit(Unit.ha));
    assertEquals("万元/亩", Indicator.TAX_PER_MU.unit(Unit.mu));
    assertEquals("万元/吨标准煤", Indicator.VALUE_ADDED_PER_TCE.unit(Unit.ha), "not per area: no conversion");
    assertEquals("地均税收", Indicator.TAX_PER_MU.nameZh(Unit.ha));
    assertEquals("亩均税收", Indicator.TAX_PER_MU.nameZh(Unit.mu));
    assertEquals("Tax per hectare", Indicator.TAX_PER_MU.nameEn(Unit.ha));
    assertEquals("Tax per mu", Indicator.TAX_PER_MU.nameEn(Unit.mu));
    assertEquals(30.0, Indicator.TAX_PER_MU.convert(2, Unit.ha));
    assertEquals(2.0, Indicator.TAX_PER_MU.convert(2, Unit.mu));
    assertEquals(2.0, Indicator.RND_INTENSITY.convert(2, Unit.ha));
    assertEquals(Indicator.TAX_PER_MU, Indicator.byKey(" TAX_per_ha ").orElseThrow());
    assertTrue(Indicator.byKey(null).isEmpty());
    assertTrue(Indicator.byKey("tax").isEmpty());
    assertTrue(Indicator.keys().startsWith("tax_per_mu, revenue_per_mu, "), Indicator.keys());
    assertTrue(Indicator.keys().endsWith(", far, coverage"));

    assertFalse(Level.enterprise.isGroup());
    assertFalse(Level.parcel.isGroup());
    for (Level l : Level.GROUPS) {
      assertTrue(l.isGroup(), l.name());
    }
    Parcel p = new Parcel("P", "zz", "zz-b", "zz-ip-1", "zz-smp", "100101", "工业", "in_use", 1, 1, 1, 1, 0.5, 1, 0.3,
        300, 20, 2010, 2010, null);
    assertEquals("zz-smp", Level.small_micro_park.groupOf(p));
    assertEquals("zz-ip-1", Level.industrial_park.groupOf(p));
    assertEquals("zz-b", Level.core_board.groupOf(p));
    assertEquals("zz", Level.zone.groupOf(p));
    assertThrows(IllegalStateException.class, () -> Level.parcel.groupOf(p));
    assertEquals(Level.core_board, Level.byParam("core-board").orElseThrow());
    assertTrue(Level.byParam("core_board").isEmpty());
    assertEquals("enterprise, parcel, small-micro-park, industrial-park, core-board, zone", Level.params());

    List<Status> exempt = new ArrayList<>();
    for (Status s : Status.values()) {
      if (s.exempt()) {
        exempt.add(s);
      }
    }
    assertEquals(List.of(Status.exempt_new, Status.exempt_construction, Status.exempt_recorded), exempt);
    assertEquals("Supplied, not used", LowReason.supplied_not_used.nameEn, "a status's words, capitalised");
    assertEquals("供而未用", LowReason.supplied_not_used.nameZh);
    assertEquals("容积率", new Table.Col("far", "容积率", "FAR", "").header("zh"), "no empty unit brackets");
    assertEquals("FAR", new Table.Col("far", "容积率", "FAR", null).header("en"));
    assertEquals("Area (mu)", new Table.Col("a", "面积", "Area", "mu").header("en"));
    assertEquals("en", new LowReason.Found(LowReason.idle, "zh", "en").detail("en"));
    assertEquals("zh", new LowReason.Found(LowReason.idle, "zh", "en").detail("zh"));
  }

  @Test
  void theEnginesNotesReadInChinese() {
    assertNull(EngineNotes.zh(null));
    assertEquals("全部用地供地不足3年（评价年度2024年）", EngineNotes.zh("all land supplied less than 3 years before 2024"));
    assertEquals("地块P-1无面积", EngineNotes.zh("parcel P-1 has no area"));
    assertEquals("2024年无用地关系", EngineNotes.zh("no land link in 2024"));
    assertEquals("全部用地已出租", EngineNotes.zh(" all its land is leased out "));
    assertEquals("用地2.5亩，不足3亩", EngineNotes.zh("2.5 mu < 3 mu"));
    assertEquals("用地2.5亩，不足3亩；租赁厂房800平方米，不足1,000平方米",
        EngineNotes.zh("2.5 mu < 3 mu, leased floor 800 m² < 1,000 m²"));
    // the engine names one exemption, whose English name holds commas
    assertEquals("经认定免评：公用事业企业（供水、供电、燃气、污水处理等）",
        EngineNotes.zh("recorded exemption: Public utility (water, power, gas, sewage)"));
    assertEquals("因上市企业、高新技术企业降为C类（原为B类）", EngineNotes.zh("capped at C by Listed company, High-tech enterprise (was B)"));
    assertEquals("因上市企业、Odd降为C类（原为B类）", EngineNotes.zh("capped at C by Listed company, Odd (was B)"));
    assertEquals("免评（新设企业免评），定为B类", EngineNotes.zh("exempt (exempt_new), given B"));
    assertEquals("免评（odd），定为B类", EngineNotes.zh("exempt (odd), given B"));
    assertEquals("不在第2版公布名单中", EngineNotes.zh("not on the published list revision 2"));
    assertEquals("不在公示名单中", EngineNotes.zh("not on the public-notice list"));
    assertEquals("第2版公布名单", EngineNotes.zh("published list revision 2"));
    assertEquals("第2版公布名单：改正", EngineNotes.zh("published list revision 2: 改正"));
    assertEquals("公示名单", EngineNotes.zh("public-notice list"));
    assertEquals("公示名单：异议成立", EngineNotes.zh("public-notice list: 异议成立"));
    assertEquals("承租企业：取地块P-1产权企业E-1的等级", EngineNotes.zh("tenant: takes the grade of owner E-1 of parcel P-1"));
    assertEquals("something else", EngineNotes.zh("something else"));
  }
}
