package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.Parcel;

/**
 * Engine rules the case table has no row for: the low-efficiency reasons of land nobody reports
 * figures for (批而未供, 供而未用 after a full year, 建而未投, control indicators on built land
 * only), the standard-land commitment from its first year, and what a roll-up counts of them.
 * Uses the case table's hand-computable scheme (case-fixed: construction period 3 years,
 * standard land from 2021 at 100 % of the commitment, D is a low class).
 */
class EfficiencyEngineRulesTest {
  private static final int YEAR = 2024;

  private static Scheme caseFixed() throws Exception {
    return CaseTable.testScheme("case-fixed");
  }

  /** A 10 mu industrial parcel in zone z, park k, with the given status, years and control figures. */
  private static Parcel parcel(String id, String status, Integer supply, Integer buildStart, double far, double farMin,
      double cov, double covMin, double reqTax) {
    double m2 = 10 * Geodesy.M2_PER_MU;
    return new Parcel(id, "z", "board-z", "k", null, "100101", "一类工业用地", status, m2, 10, far * m2, far, cov, farMin, covMin,
        300, reqTax, supply, buildStart, null);
  }

  private static Parcel plain(String id, String status, Integer supply) {
    return parcel(id, status, supply, supply, 1.2, 0, 0.45, 0, 0);
  }

  private static List<LowReason> reasons(EfficiencyResult r, String parcel) {
    return r.parcel(parcel).orElseThrow().reasons().stream().map(LowReason.Found::reason).toList();
  }

  private static String detailEn(EfficiencyResult r, String parcel, LowReason reason) {
    return r.parcel(parcel).orElseThrow().reasons().stream().filter(f -> f.reason() == reason).findFirst().orElseThrow()
        .detailEn();
  }

  @Test
  void landNotYetInUseIsNamedByWhatIsMissingAndSinceWhen() throws Exception {
    TestWorld w = new TestWorld();
    w.parcels.add(plain("APPROVED", "approved_not_supplied", null));
    w.parcels.add(plain("SUPPLIED-THIS-YEAR", "supplied_not_used", YEAR));
    w.parcels.add(plain("SUPPLIED-LAST-YEAR", "supplied_not_used", YEAR - 1));
    w.parcels.add(plain("SUPPLIED-UNKNOWN", "supplied_not_used", null));
    w.parcels.add(plain("IDLE", "idle", 2019));
    w.parcels.add(plain("IDLE-UNKNOWN", "idle", null));
    w.parcels.add(parcel("BUILT", "built_not_producing", 2015, 2018, 1.2, 0, 0.45, 0, 0));
    w.parcels.add(parcel("BUILT-NEW", "built_not_producing", YEAR - 1, YEAR - 1, 1.2, 0, 0.45, 0, 0));
    w.parcels.add(plain("IN-USE", "in_use", 2015));
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals(List.of(LowReason.approved_not_supplied), reasons(r, "APPROVED"));
    assertEquals("approved, not yet supplied", detailEn(r, "APPROVED", LowReason.approved_not_supplied));
    // 闲置土地处置办法 art. 2: not started a full year after supply
    assertEquals(List.of(), reasons(r, "SUPPLIED-THIS-YEAR"));
    assertEquals(List.of(LowReason.supplied_not_used), reasons(r, "SUPPLIED-LAST-YEAR"));
    assertEquals("supplied 2023, not started by 2024", detailEn(r, "SUPPLIED-LAST-YEAR", LowReason.supplied_not_used));
    assertEquals("supply year unknown, not started by 2024", detailEn(r, "SUPPLIED-UNKNOWN", LowReason.supplied_not_used));
    assertEquals("supplied 2019, idle", detailEn(r, "IDLE", LowReason.idle));
    assertEquals("idle", detailEn(r, "IDLE-UNKNOWN", LowReason.idle));
    assertEquals(List.of(LowReason.built_not_producing), reasons(r, "BUILT"));
    assertEquals("built 2018, not producing in 2024", detailEn(r, "BUILT", LowReason.built_not_producing));
    // still in its construction period: not yet expected to produce
    assertEquals(List.of(), reasons(r, "BUILT-NEW"));
    assertTrue(r.parcel("BUILT-NEW").orElseThrow().inConstruction());
    assertEquals(List.of(), reasons(r, "IN-USE"));
  }

  @Test
  void controlIndicatorsBindBuiltLandOnly() throws Exception {
    TestWorld w = new TestWorld();
    w.parcels.add(parcel("LOW-FAR", "in_use", 2015, 2016, 0.5, 1.0, 0.45, 0.3, 0));
    w.parcels.add(parcel("AT-FAR", "in_use", 2015, 2016, 1.0, 1.0, 0.3, 0.3, 0));
    w.parcels.add(parcel("LOW-COV", "partly_used", 2015, 2016, 1.2, 1.0, 0.2, 0.3, 0));
    w.parcels.add(parcel("NOT-BUILT", "supplied_not_used", YEAR, null, 0, 1.0, 0, 0.3, 0));
    w.parcels.add(parcel("BUILT-LOW", "built_not_producing", 2015, 2016, 0.5, 1.0, 0.45, 0, 0));
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals(List.of(LowReason.far_below_min), reasons(r, "LOW-FAR"));
    assertEquals("FAR 0.5 below the minimum 1", detailEn(r, "LOW-FAR", LowReason.far_below_min));
    assertEquals(List.of(), reasons(r, "AT-FAR"), "at the control value is not below it");
    assertEquals(List.of(LowReason.partly_used, LowReason.coverage_below_min), reasons(r, "LOW-COV"));
    assertEquals("coverage 20% below the minimum 30%", detailEn(r, "LOW-COV", LowReason.coverage_below_min));
    assertEquals(List.of(), reasons(r, "NOT-BUILT"), "nothing built yet: no ratio to fall short");
    assertEquals(List.of(LowReason.built_not_producing, LowReason.far_below_min), reasons(r, "BUILT-LOW"));
  }

  /** Firm F alone on parcel P (10 mu, supplied in {@code supply}, committed to 30 万元 tax per mu), paying {@code tax}. */
  private static EfficiencyResult standardLand(int supply, double tax) throws Exception {
    TestWorld w = new TestWorld().firm("F", "z").owns("F", "P", 1).figures("F", YEAR, tax, 1000, 100);
    w.parcels.add(parcel("P", "in_use", supply, supply, 1.2, 0, 0.45, 0, 30));
    return EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
  }

  @Test
  void theStandardLandCommitmentBindsFromItsFirstYearAndOnlyBelowIt() throws Exception {
    EfficiencyResult r = standardLand(2021, 299);
    assertEquals(List.of(LowReason.below_standard), reasons(r, "P"));
    assertTrue(detailEn(r, "P", LowReason.below_standard).startsWith("tax per mu 29.9 below 30 "),
        detailEn(r, "P", LowReason.below_standard));
    assertTrue(LowReason.below_standard.confidential, "it rests on the firm's tax");
    assertEquals(List.of(), reasons(standardLand(2021, 300), "P"), "meeting the commitment exactly meets it");
    assertEquals(List.of(), reasons(standardLand(2020, 100), "P"), "supplied before standard land began");
    // supplied 2022 is still in its construction period in 2024
    assertEquals(List.of(), reasons(standardLand(2022, 100), "P"));
  }

  @Test
  void aRollUpCountsItsLowLandAndWhatTheMapMayShowOfIt() throws Exception {
    // F: 25 + 3 + 10 points, a D; G: 75 + 30 + 30, an A
    TestWorld w = new TestWorld().firm("F", "z").owns("F", "P", 1).figures("F", YEAR, 100, 100, 100)
        .firm("G", "z").owns("G", "IN-USE", 1).figures("G", YEAR, 600, 1000, 100);
    w.parcels.add(parcel("P", "in_use", 2021, 2021, 1.2, 0, 0.45, 0, 30));
    w.parcels.add(plain("IDLE", "idle", 2019));
    w.parcels.add(parcel("BUILT", "built_not_producing", 2015, 2018, 0.8, 0, 0.45, 0, 0));
    w.parcels.add(plain("IN-USE", "in_use", 2015));
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    GroupResult z = r.groups.get(Level.zone).get("z");
    assertEquals(4, z.parcels());
    assertEquals(40, z.parcelAreaMu(), 1e-9);
    // idle land is not built: it is left out of the FAR and coverage denominator
    assertEquals(30, z.builtAreaMu(), 1e-9);
    assertEquals((1.2 * 10 + 0.8 * 10 + 1.2 * 10) / 30, z.value(Indicator.FAR), 1e-9);
    assertEquals(45, z.value(Indicator.COVERAGE), 1e-9);
    // P is below its standard (10 < 30) and F is classed D; IDLE and BUILT are low by status
    assertEquals(3, z.lowParcels());
    assertEquals(30, z.lowAreaMu(), 1e-9);
    // without figures the map may show only IDLE and BUILT as low
    assertEquals(2, z.lowParcelsPublic());
    assertEquals(20, z.lowAreaPublicMu(), 1e-9);
    assertEquals(2, z.enterprises());
    assertEquals(2, z.evaluated());
    assertEquals(2, z.classed());
    assertEquals("D", r.enterprise("F").orElseThrow().cls());
    assertEquals("A", r.enterprise("G").orElseThrow().cls());
    assertEquals(1, z.classCounts().get("A"));
    assertEquals(0, z.classCounts().get("B"));
    assertEquals(1, z.classCounts().get("D"));
    assertEquals(List.of("A", "B", "C", "D"), List.copyOf(z.classCounts().keySet()), "every class, best first");
    ParcelResult p = r.parcel("P").orElseThrow();
    assertEquals("D", p.cls());
    assertEquals("F", p.mainEnterprise());
    assertNull(r.parcel("IDLE").orElseThrow().cls());
  }

  private static Enterprise firm(String id, String size, int founded) {
    return new Enterprise(id, "U" + id, "企业" + id, "Firm " + id, "z", null, "测试", size, founded, true, null);
  }

  private static EfficiencyData withFlags(TestWorld w, EfficiencyData.Flag... flags) {
    return new EfficiencyData("test", w.parcels, w.ents, w.links, w.figs, w.groups, List.of(flags), List.of());
  }

  @Test
  void theWorstCapAmongAFirmsVetoItemsWinsAndNoCapLiftsAClass() throws Exception {
    ObjectNode n;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("efficiency/test-schemes/case-fixed.json")) {
      n = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ArrayNode) n.at("/evaluation/adjustments")).addObject().put("code", "env_warning").put("name_zh", "环保警告")
        .put("name_en", "Environmental warning").put("points", -1).put("cap_class", "C").putObject("source")
        .put("url", "https://example.invalid/test");
    Scheme s = Schemes.parse("case-fixed.json", n);
    TestWorld w = new TestWorld();
    // 75 + 45 + 30 = 150 points each before the items: A; WEAK scores under 50: D
    for (String f : List.of("ONE", "BOTH", "BOTH2", "WEAK")) {
      w.parcel("P-" + f, "z", "k", 10).firm(f, "z").owns(f, "P-" + f, 1);
      w.figures(f, YEAR, f.equals("WEAK") ? 10 : 600, f.equals("WEAK") ? 10 : 1500, 100);
    }
    int y = YEAR;
    EfficiencyResult r = EfficiencyEngine.compute(withFlags(w, new EfficiencyData.Flag("ONE", y, "env_warning", null),
        new EfficiencyData.Flag("BOTH", y, "env_warning", null), new EfficiencyData.Flag("BOTH", y, "safety_incident", null),
        new EfficiencyData.Flag("BOTH2", y, "safety_incident", null), new EfficiencyData.Flag("BOTH2", y, "env_warning", null),
        new EfficiencyData.Flag("WEAK", y, "env_warning", null)), s, YEAR);
    assertEquals("C", r.enterprise("ONE").orElseThrow().cls());
    assertEquals(149, r.enterprise("ONE").orElseThrow().score(), 1e-9);
    assertEquals("capped at C by Environmental warning (was A)", r.enterprise("ONE").orElseThrow().classNote());
    assertEquals("D", r.enterprise("BOTH").orElseThrow().cls());
    assertEquals("D", r.enterprise("BOTH2").orElseThrow().cls(), "whichever item was recorded first");
    assertEquals("capped at D by Major safety incident, Environmental warning (was A)",
        r.enterprise("BOTH2").orElseThrow().classNote());
    assertEquals("D", r.enterprise("WEAK").orElseThrow().cls(), "a cap is the best class allowed, not a class given");
    assertNull(r.enterprise("WEAK").orElseThrow().classNote());
  }

  @Test
  void onlyTheListedSizeOfTenantTakesItsLandlordsGrade() {
    // weighted-benchmark: tenants of size 规下 take the owner's grade; a lone owner scores 100 against its own zone: B
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10).firm("O", "z").owns("O", "P1", 1)
        .leases("SMALL", "P1", 0.1, null).leases("LARGE", "P1", 0.1, null)
        .figures("O", YEAR, 300, 1000, 100).figures("SMALL", YEAR, 1, 1, 1).figures("LARGE", YEAR, 1, 1, 1);
    w.ents.add(firm("SMALL", "规下", 2010));
    w.ents.add(firm("LARGE", "规上", 2010));
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), Schemes.load().get("weighted-benchmark").orElseThrow(), YEAR);
    assertEquals("B", r.enterprise("O").orElseThrow().cls());
    assertEquals(Status.below_scope, r.enterprise("SMALL").orElseThrow().status());
    assertEquals("B", r.enterprise("SMALL").orElseThrow().cls());
    assertEquals("tenant: takes the grade of owner O of parcel P1", r.enterprise("SMALL").orElseThrow().classNote());
    assertEquals(Status.below_scope, r.enterprise("LARGE").orElseThrow().status());
    assertNull(r.enterprise("LARGE").orElseThrow().cls());
  }

  @Test
  void aFirmIsNewForItsFirstYearsOnly() throws Exception {
    // case-fixed: founded less than 2 years before the evaluation year is exempt
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10).parcel("P2", "z", "k", 10).owns("TWO", "P1", 1)
        .owns("ONE", "P2", 1).figures("TWO", YEAR, 300, 1000, 100).figures("ONE", YEAR, 300, 1000, 100);
    w.ents.add(firm("TWO", "规上", YEAR - 2));
    w.ents.add(firm("ONE", "规上", YEAR - 1));
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals(Status.evaluated, r.enterprise("TWO").orElseThrow().status());
    assertEquals(Status.exempt_new, r.enterprise("ONE").orElseThrow().status());
    assertEquals("founded 2023", r.enterprise("ONE").orElseThrow().statusNote());
  }

  @Test
  void aFirmsMainParcelIsWhereItHoldsMostLandAndItsStatusSaysWhyItHasNone() throws Exception {
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10).parcel("P2", "z", "k", 30).parcel("P3", "z", "k", 20)
        .firm("F", "z").owns("F", "P1", 1).owns("F", "P2", 1).owns("F", "P3", 1).figures("F", YEAR, 300, 1000, 100)
        .firm("NOLINK", "z").parcel("P4", "z", "k", 10).firm("LESSOR", "z").owns("LESSOR", "P4", 1).firm("T", "z")
        .leases("T", "P4", 1, null).parcel("P5", "z", "k", 0).firm("ZERO", "z").owns("ZERO", "P5", 1);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals("P2", r.enterprise("F").orElseThrow().mainParcel());
    assertEquals(60, r.enterprise("F").orElseThrow().landMu(), 1e-9);
    assertNull(r.enterprise("NOLINK").orElseThrow().mainParcel());
    assertEquals(Status.no_land, r.enterprise("NOLINK").orElseThrow().status());
    assertEquals("no land link in 2024", r.enterprise("NOLINK").orElseThrow().statusNote());
    assertEquals("all its land is leased out", r.enterprise("LESSOR").orElseThrow().statusNote());
    assertEquals("P4", r.enterprise("LESSOR").orElseThrow().mainParcel());
    assertEquals("parcel P5 has no area", r.enterprise("ZERO").orElseThrow().statusNote());
    assertEquals(Status.no_figures, r.enterprise("T").orElseThrow().status());
    assertEquals("no figures for 2024", r.enterprise("T").orElseThrow().statusNote());
  }
}
