package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyData.FrozenList;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.model.Enterprise;

/**
 * The rows of the 亩均 tables as a role sees them, straight from a hand-built result (no server):
 * what a withheld parcel or roll-up still shows (areas, FAR and coverage, the public low-efficiency
 * count) and what it does not (land counted, figures, evaluated and class counts), the withholding
 * text in both languages, the confidential columns and reasons only for officers, land and per-area
 * figures per hectare, the class counts of a zone withheld below the minimum group for the public
 * and the what-if's up/down/same against the official classes, which list a zone's classes come
 * from, and a scheme as the panel reads it.
 */
class EfficiencyTablesRulesTest {
  private static final int YEAR = 2024;
  private static final EfficiencyTables TABLES = new EfficiencyTables(null, null, null, 3);

  private static Scheme caseFixed() throws Exception {
    return CaseTable.testScheme("case-fixed");
  }

  /**
   * Zone z, park k: STRONG (class A) and WEAK (class D) on 10 mu each, NOFIG without figures on 10
   * mu, an idle parcel nobody uses; zone y: one firm on 6 mu founded in an unknown year.
   */
  private static TestWorld world() {
    TestWorld w = new TestWorld();
    for (String f : List.of("STRONG", "WEAK", "NOFIG")) {
      w.parcel("P-" + f, "z", "k", 10).firm(f, "z").owns(f, "P-" + f, 1);
    }
    w.figures("STRONG", YEAR, 600, 1500, 100).figures("WEAK", YEAR, 10, 10, 100);
    w.parcel("IDLE", "z", "k", 30, "idle", 2019);
    w.parcel("P-Y", "y", "ky", 6);
    w.ents.add(new Enterprise("YF", "UYF", "企业YF", "Firm YF", "y", null, "测试", "规上", 0, false, null));
    w.owns("YF", "P-Y", 1).figures("YF", YEAR, 100, 100, 10);
    w.groups.put("k", new GroupName("k", Level.industrial_park, "测试园", "Test park", "z", "feat-k"));
    return w;
  }

  private static EfficiencyResult result() throws Exception {
    return EfficiencyEngine.compute(world().data(), caseFixed(), YEAR);
  }

  private static int parcelIndex(EfficiencyResult r, String id) {
    return r.data.parcelIndex.get(id);
  }

  @Test
  void aWithheldParcelShowsItsLandButNoFiguresAndSaysWhyInBothLanguages() throws Exception {
    EfficiencyResult r = result();
    ParcelResult weak = r.parcels.get(parcelIndex(r, "P-WEAK"));
    assertEquals(1, weak.enterprises());
    Map<String, Object> hidden = TABLES.parcelRow(weak, Unit.ha, false, false, Disclosure.Why.few);
    assertEquals(0.6667, hidden.get("area_ha"), "10 mu in hectares, to 4 decimals");
    assertNull(hidden.get("land_ha"), "land counted is withheld with the figures");
    assertNull(hidden.get("tax_per_ha"));
    assertNull(hidden.get("labour_productivity"));
    assertEquals(1.2, hidden.get("far"), "FAR and coverage are the parcel's own, never withheld");
    assertEquals(45.0, hidden.get("coverage"));
    assertEquals(true, hidden.get("suppressed"));
    assertEquals("figures of 1 enterprise (fewer than 3) are withheld", hidden.get("suppressed_reason"));
    assertEquals("有数据企业不足3家，数据不予公开", hidden.get("suppressed_reason_zh"));
    assertFalse(hidden.containsKey("class"), "no class column for the public");
    assertFalse(hidden.containsKey("main_enterprise"));
    assertEquals(List.of(), hidden.get("low_efficiency"), "a low-class occupant is a confidential reason");

    Map<String, Object> officer = TABLES.parcelRow(weak, Unit.mu, true, true, Disclosure.Why.published);
    assertEquals(10.0, officer.get("land_mu"));
    assertEquals(1.0, officer.get("tax_per_mu"), "10 万元 over 10 mu");
    assertEquals("D", officer.get("class"));
    assertEquals("WEAK", officer.get("main_enterprise"));
    assertEquals(List.of("low_class"), officer.get("low_efficiency"));
    assertEquals(false, officer.get("suppressed"));
    assertNull(officer.get("suppressed_reason"));
    assertNull(officer.get("suppressed_reason_zh"));
    Map<String, Object> perHa = TABLES.parcelRow(weak, Unit.ha, true, true, Disclosure.Why.published);
    assertEquals(15.0, perHa.get("tax_per_ha"), "per-area figures × 15 per hectare");
    assertEquals(0.1, perHa.get("value_added_per_tce"), "not per area: unchanged");

    // nobody's figures on it: nothing to withhold, so not marked withheld
    ParcelResult idle = r.parcels.get(parcelIndex(r, "IDLE"));
    Map<String, Object> idleRow = TABLES.parcelRow(idle, Unit.mu, false, false, Disclosure.Why.few);
    assertEquals(false, idleRow.get("suppressed"));
    assertNull(idleRow.get("suppressed_reason"));
    assertNull(idleRow.get("suppressed_reason_zh"));
    assertEquals(List.of("idle"), idleRow.get("low_efficiency"), "a status reason is public");
    assertEquals(0, idleRow.get("enterprises"));

    // the other reasons a parcel or area is withheld
    Map<String, Object> compl = TABLES.parcelRow(weak, Unit.mu, false, false, Disclosure.Why.complementary);
    assertEquals(Disclosure.Why.complementary.nameEn, compl.get("suppressed_reason"));
    assertEquals(Disclosure.Why.complementary.nameZh, compl.get("suppressed_reason_zh"));
  }

  @Test
  void aWithheldRollUpKeepsItsAreasAndPublicLowLandButNoCountsOrFigures() throws Exception {
    EfficiencyResult r = result();
    GroupResult k = r.groups.get(Level.industrial_park).get("k");
    Map<String, Object> hidden = TABLES.groupRow(k, Unit.mu, false, false, Disclosure.Why.few, r);
    assertEquals("industrial-park", hidden.get("level"));
    assertEquals("测试园", hidden.get("name_zh"));
    assertEquals("Test park", hidden.get("name_en"));
    assertEquals("feat-k", hidden.get("feature_id"));
    assertEquals(4, hidden.get("parcels"));
    assertEquals(60.0, hidden.get("parcel_area_mu"));
    assertEquals(2, hidden.get("enterprises"), "the count of firms with figures is public: it is why a value is withheld");
    assertNull(hidden.get("evaluated"));
    assertNull(hidden.get("classed"));
    assertNull(hidden.get("land_mu"));
    assertNull(hidden.get("tax_per_mu"));
    assertNull(hidden.get("tax_wan"));
    assertNull(hidden.get("class_A"));
    assertNull(hidden.get("class_D"));
    assertEquals(1.2, hidden.get("far"));
    assertEquals(1, hidden.get("low_parcels"), "the public count leaves the low-class parcel out");
    assertEquals(30.0, hidden.get("low_area_mu"));
    assertEquals(true, hidden.get("suppressed"));
    assertEquals("figures of 2 enterprises (fewer than 3) are withheld", hidden.get("suppressed_reason"));
    assertEquals("有数据企业不足3家，数据不予公开", hidden.get("suppressed_reason_zh"));

    Map<String, Object> shown = TABLES.groupRow(k, Unit.ha, true, true, Disclosure.Why.published, r);
    assertEquals(4.0, shown.get("parcel_area_ha"));
    assertEquals(2, shown.get("evaluated"), "NOFIG has no figures: not evaluated");
    assertEquals(2, shown.get("classed"));
    assertEquals(1, shown.get("class_A"));
    assertEquals(0, shown.get("class_B"));
    assertEquals(1, shown.get("class_D"));
    assertEquals(610.0, shown.get("tax_wan"));
    assertEquals(2, shown.get("low_parcels"), "officers count the low-class parcel too");
    assertEquals(2.6667, shown.get("low_area_ha"));
    assertEquals(false, shown.get("suppressed"));
    assertNull(shown.get("suppressed_reason"));

    // a roll-up with enough firms withheld because some figure has too few reporters
    GroupResult y = r.groups.get(Level.industrial_park).get("ky");
    Map<String, Object> few = new EfficiencyTables(null, null, null, 1).groupRow(y, Unit.mu, false, false, Disclosure.Why.few, r);
    assertEquals("some figures were reported by fewer than 1 of its enterprises and are withheld", few.get("suppressed_reason"));
    assertNull(few.get("name_zh"), "a park with no name on record");
    assertEquals("ky", few.get("feature_id"), "drawn by its id");
    Map<String, Object> struct = TABLES.groupRow(y, Unit.mu, false, false, Disclosure.Why.structure, r);
    assertEquals(Disclosure.Why.structure.nameEn, struct.get("suppressed_reason"));
    assertEquals(Disclosure.Why.structure.nameZh, struct.get("suppressed_reason_zh"));
  }

  @Test
  void anEnterpriseRowLeavesUnknownsEmpty() throws Exception {
    EfficiencyResult r = result();
    EnterpriseResult strong = r.enterprise("STRONG").orElseThrow();
    Map<String, Object> m = TABLES.enterpriseRow(strong, Unit.ha);
    assertEquals(2010, m.get("founded_year"));
    assertEquals("evaluated", m.get("status"));
    assertEquals("参评", m.get("status_zh"));
    assertEquals(0.6667, m.get("land_ha"));
    assertEquals(900.0, m.get("tax_per_ha"));
    assertEquals(1, m.get("rank"));
    assertEquals(2, m.get("ranked"));
    assertEquals("A", m.get("class"));
    assertEquals(600.0, m.get("tax_wan"));
    assertEquals("P-STRONG", m.get("main_parcel"));
    assertEquals(true, m.get("synthetic"));
    Map<String, Object> nofig = TABLES.enterpriseRow(r.enterprise("NOFIG").orElseThrow(), Unit.mu);
    assertEquals("no_figures", nofig.get("status"));
    assertNull(nofig.get("rank"), "not ranked: no rank rather than 0");
    assertNull(nofig.get("ranked"));
    assertNull(nofig.get("tax_wan"));
    assertNull(nofig.get("score"), "no score rather than NaN");
    Map<String, Object> yf = TABLES.enterpriseRow(r.enterprise("YF").orElseThrow(), Unit.mu);
    assertNull(yf.get("founded_year"), "founding year 0 means unknown");
    assertEquals(1, yf.get("ranked"));
    assertEquals(false, yf.get("synthetic"));
    List<String> keys = EfficiencyTables.enterpriseCols(Unit.ha, r.scheme).stream().map(Table.Col::key).toList();
    assertEquals(keys, List.copyOf(m.keySet()), "every column has its value, in order");
  }

  @Test
  void officersAloneGetTheConfidentialColumns() throws Exception {
    EfficiencyResult r = result();
    List<String> pub = TABLES.parcelCols(Unit.mu, false).stream().map(Table.Col::key).toList();
    List<String> off = TABLES.parcelCols(Unit.mu, true).stream().map(Table.Col::key).toList();
    assertFalse(pub.contains("class"));
    assertFalse(pub.contains("main_enterprise"));
    assertTrue(off.contains("class") && off.contains("main_enterprise"));
    assertEquals(off.size(), pub.size() + 2);
    ParcelResult p = r.parcels.get(parcelIndex(r, "P-STRONG"));
    assertEquals(pub, List.copyOf(TABLES.parcelRow(p, Unit.mu, false, true, Disclosure.Why.published).keySet()));
    assertEquals(off, List.copyOf(TABLES.parcelRow(p, Unit.mu, true, true, Disclosure.Why.published).keySet()));
    List<String> grp = EfficiencyTables.groupCols(Unit.ha, r.scheme).stream().map(Table.Col::key).toList();
    GroupResult k = r.groups.get(Level.industrial_park).get("k");
    List<String> row = List.copyOf(TABLES.groupRow(k, Unit.ha, true, true, Disclosure.Why.published, r).keySet());
    assertEquals(grp, row, "every column has its value, in order");
    assertTrue(grp.containsAll(List.of("class_A", "class_D", "low_area_ha", "tax_wan")), grp.toString());
  }

  @Test
  void zoneClassCountsAreWithheldFromThePublicBelowTheMinimumAndAWhatIfCountsWhoMoved() throws Exception {
    EfficiencyResult r = result();
    List<Map<String, Object>> pub = TABLES.zoneSummaries(r, null, null, false);
    assertEquals(List.of("y", "z"), pub.stream().map(m -> m.get("zone")).toList(), "zones in order");
    Map<String, Object> z = pub.get(1);
    assertEquals("z", z.get("name_zh"), "a zone with no name on record");
    assertNull(z.get("evaluated"), "2 evaluated firms are fewer than 3");
    assertNull(z.get("classed"));
    assertNull(z.get("counts"));
    assertNull(z.get("byStatus"));
    assertEquals(true, z.get("suppressed"));
    assertFalse(z.containsKey("up"));
    Map<String, Object> open = new EfficiencyTables(null, null, null, 2).zoneSummaries(r, null, "z", false).get(0);
    assertEquals(2, open.get("evaluated"), "exactly the minimum is shown");
    assertEquals(false, open.get("suppressed"));
    List<Map<String, Object>> off = TABLES.zoneSummaries(r, null, "z", true);
    assertEquals(1, off.size(), "one zone asked for");
    Map<String, Object> oz = off.get(0);
    assertEquals(2, oz.get("evaluated"));
    assertEquals(2, oz.get("classed"));
    assertEquals(Map.of("A", 1, "B", 0, "C", 0, "D", 1), oz.get("counts"));
    @SuppressWarnings("unchecked")
    Map<String, Integer> byStatus = (Map<String, Integer>) oz.get("byStatus");
    assertEquals(2, byStatus.get("evaluated"));
    assertEquals(1, byStatus.get("no_figures"));
    assertEquals(0, byStatus.get("exempt_new"));

    // a what-if with a benchmark so low that WEAK rises to A and one so high that STRONG falls
    Scheme s = caseFixed();
    EfficiencyResult easy = EfficiencyEngine.compute(world().data(),
        s.withOverrides(Map.of(), Map.of(Indicator.TAX_PER_MU, 0.01, Indicator.VALUE_ADDED_PER_MU, 0.01,
            Indicator.VALUE_ADDED_PER_TCE, 0.001), null, null), YEAR);
    Map<String, Object> up = TABLES.zoneSummaries(easy, r, "z", true).get(0);
    assertEquals(Map.of("A", 1, "B", 0, "C", 0, "D", 1), up.get("officialCounts"));
    assertEquals(Map.of("A", 2, "B", 0, "C", 0, "D", 0), up.get("counts"));
    assertEquals(1, up.get("up"));
    assertEquals(0, up.get("down"));
    assertEquals(1, up.get("same"));
    EfficiencyResult hard = EfficiencyEngine.compute(world().data(),
        s.withOverrides(Map.of(), Map.of(Indicator.TAX_PER_MU, 1e6, Indicator.VALUE_ADDED_PER_MU, 1e6,
            Indicator.VALUE_ADDED_PER_TCE, 1e6), null, null), YEAR);
    Map<String, Object> down = TABLES.zoneSummaries(hard, r, "z", true).get(0);
    assertEquals(0, down.get("up"));
    assertEquals(1, down.get("down"));
    assertEquals(1, down.get("same"));
  }

  @Test
  void eachZoneSaysWhichListItsClassesComeFrom() throws Exception {
    TestWorld w = new TestWorld();
    for (String z : List.of("a", "b", "c", "d")) {
      w.parcel("P-" + z, z, "k-" + z, 10).firm("F" + z, z).owns("F" + z, "P-" + z, 1).figures("F" + z, YEAR, 600, 1500, 100);
    }
    LocalDate from = LocalDate.of(2025, 3, 1);
    LocalDate to = LocalDate.of(2025, 3, 5);
    List<FrozenList> lists = List.of(
        new FrozenList(1, "a", "case-fixed", YEAR, 2, "published", from, to, Map.of()),
        new FrozenList(2, "b", "case-fixed", YEAR, 1, "published", from, to, Map.of()),
        new FrozenList(3, "c", "case-fixed", YEAR, 0, "notice", from, to, Map.of()),
        new FrozenList(4, "d", "other-scheme", YEAR, 1, "published", from, to, Map.of()));
    EfficiencyData d = new EfficiencyData("t", w.parcels, w.ents, w.links, w.figs, Map.of(), List.of(), lists);
    EfficiencyResult r = EfficiencyEngine.compute(d, caseFixed(), YEAR);
    Map<String, Object> states = EfficiencyTables.listStates(r);
    assertEquals(Map.of("state", "published", "revision", 2, "label_zh", "已公布名单（第2版）", "label_en",
        "Published list (revision 2)"), states.get("a"));
    assertEquals(Map.of("state", "published", "revision", 1, "label_zh", "已公布名单", "label_en", "Published list"),
        states.get("b"), "a first revision is just the published list");
    assertEquals(Map.of("state", "notice", "label_zh", "公示中（2025-03-01 至 2025-03-05）", "label_en",
        "On public notice (2025-03-01 to 2025-03-05)"), states.get("c"));
    assertEquals(Map.of("state", "draft", "label_zh", "草案（尚未公示）", "label_en", "Draft (not yet on public notice)"),
        states.get("d"), "another scheme's list is not this one's");
    // a firm not on its zone's frozen list has no class
    assertNull(r.enterprise("Fa").orElseThrow().cls());
    assertEquals("not on the published list revision 2", r.enterprise("Fa").orElseThrow().classNote());
    assertEquals("A", r.enterprise("Fd").orElseThrow().cls());
    EfficiencyResult whatIf = EfficiencyEngine.compute(d, caseFixed().withOverrides(Map.of(), Map.of(), 2.0, null), YEAR);
    @SuppressWarnings("unchecked")
    Map<String, Object> wa = (Map<String, Object>) EfficiencyTables.listStates(whatIf).get("a");
    assertEquals("what_if", wa.get("state"));
    assertEquals("模拟测算（非正式结果）", wa.get("label_zh"));
    assertEquals("A", whatIf.enterprise("Fa").orElseThrow().cls(), "a what-if recomputes, frozen lists or not");
    assertEquals(states, TABLES.baseMeta(r, Unit.ha).get("lists"));
    assertEquals("ha", TABLES.baseMeta(r, Unit.ha).get("unit"));
    assertEquals(true, TABLES.baseMeta(r, Unit.ha).get("synthetic"));
  }

  @Test
  void aSchemeReadsForThePanelWithItsMethodsOwnFields() throws Exception {
    Scheme s = caseFixed();
    Map<String, Object> j = EfficiencyTables.schemeJson(s, List.of("z"));
    assertEquals("thresholds", j.get("method"));
    assertEquals(Map.of("A", 90.0, "B", 70.0, "C", 50.0), j.get("min_score"));
    assertFalse(j.containsKey("top_share"));
    assertFalse(j.containsKey("a_share"));
    assertEquals(1.5, j.get("cap"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> weights = (Map<String, Map<String, Object>>) j.get("weights");
    assertEquals(50.0, weights.get("tax_per_mu").get("weight"));
    assertEquals(20.0, weights.get("tax_per_mu").get("benchmark"));
    assertEquals(List.of("tax_per_mu", "value_added_per_mu", "value_added_per_tce"), List.copyOf(weights.keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Object> zw = (Map<String, Object>) j.get("zoneWeights");
    assertEquals(weights, zw.get("z"));
    @SuppressWarnings("unchecked")
    Map<String, Object> scope = (Map<String, Object>) j.get("scope");
    assertEquals(3.0, scope.get("min_land_mu"));
    assertEquals(true, scope.get("tenants_take_owner_grade"));
    assertEquals(false, j.get("whatIf"));
    Map<String, Object> avg = EfficiencyTables.schemeJson(s.withOverrides(Map.of(), java.util.Collections.singletonMap(
        Indicator.TAX_PER_MU, null), null, null), List.of());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> aw = (Map<String, Map<String, Object>>) avg.get("weights");
    assertEquals("zone_average", aw.get("tax_per_mu").get("benchmark"));
    assertEquals(true, avg.get("whatIf"));

    Schemes all = Schemes.load();
    Map<String, Object> pct = EfficiencyTables.schemeJson(all.get("percentile").orElseThrow(), List.of());
    assertEquals("percentile", pct.get("method"));
    assertTrue(pct.containsKey("top_share"));
    assertFalse(pct.containsKey("min_score"));
    Map<String, Object> two = EfficiencyTables.schemeJson(all.get("zhengzhou-two-stage").orElseThrow(), List.of());
    assertEquals("two_stage", two.get("method"));
    assertTrue(two.containsKey("a_share") && two.containsKey("c_share"));
    assertTrue(two.get("a_rank_by") instanceof String && two.get("c_rank_by") instanceof String);

    Map<String, Object> ev = EfficiencyTables.evaluationJson(new Scheme.Evaluation(9, List.of(
        new Scheme.Adjustment("plus", "加", "Plus", 3, null, null), new Scheme.Adjustment("veto", "否", "Veto", 0, "D", null),
        new Scheme.Adjustment("minus", "减", "Minus", -4, null, null)),
        List.of(new Scheme.Exemption("ex", "免", "Exempt", null))));
    assertEquals(9, ev.get("notice_days"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) ev.get("items");
    assertEquals(List.of("bonus", "bonus", "penalty", "exemption"), items.stream().map(m -> m.get("kind")).toList());
    assertEquals("D", items.get(1).get("cap_class"));
    assertEquals(-4.0, items.get(2).get("points"));
    assertEquals("免", items.get(3).get("name_zh"));
    assertFalse(items.get(3).containsKey("points"));
  }

  @Test
  void numbersAreRoundedToFourDecimalsAndNeverNaN() {
    assertEquals(1.2346, EfficiencyTables.num(1.23456));
    assertEquals(-1.2346, EfficiencyTables.num(-1.23456));
    assertNull(EfficiencyTables.num(Double.NaN));
    assertNull(EfficiencyTables.num(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, EfficiencyTables.num(0.00004));
    assertEquals(Map.of("a", 1, "b", "x"), EfficiencyTables.mapOf("a", 1, "b", "x"));
  }
}
