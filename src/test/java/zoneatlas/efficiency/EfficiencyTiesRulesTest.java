package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.model.Enterprise;
import zoneatlas.model.YearFigures;

/**
 * Engine rules the other tests leave open: who a parcel's main user and main owner are when two
 * hold equal land (the smaller id, so the map's labels never flicker), which owner's grade a tenant
 * takes, a two-stage scheme's firm that did not report the figure it is ranked by (never A, first
 * for C), and a founding year on record as 0 (unknown: never "new").
 */
class EfficiencyTiesRulesTest {
  private static final int YEAR = 2024;

  private static Scheme caseFixed() throws Exception {
    return CaseTable.testScheme("case-fixed");
  }

  @Test
  void equalLandGoesToTheSmallerIdAndTheTenantTakesThatOwnersGrade() throws Exception {
    TestWorld w = new TestWorld();
    // P1: the strong owner has the smaller id; P2: the weak one has
    w.parcel("P1", "z", "k", 20).firm("A1", "z").firm("B1", "z").owns("A1", "P1", 0.5).owns("B1", "P1", 0.5);
    w.parcel("P2", "z", "k", 20).firm("A2", "z").firm("B2", "z").owns("A2", "P2", 0.5).owns("B2", "P2", 0.5);
    w.figures("A1", YEAR, 600, 1500, 100).figures("B1", YEAR, 10, 10, 100);
    w.figures("A2", YEAR, 10, 10, 100).figures("B2", YEAR, 600, 1500, 100);
    w.firm("T1", "z").leases("T1", "P1", 0.1, 2015).firm("T2", "z").leases("T2", "P2", 0.1, 2015);
    // T3 leases on both parcels, more on P2: it takes P2's owner's grade
    w.firm("T3", "z").leases("T3", "P1", 0.05, 2015).leases("T3", "P2", 0.08, 2015);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals("A", r.enterprise("A1").orElseThrow().cls());
    assertEquals("D", r.enterprise("B1").orElseThrow().cls());
    assertEquals("D", r.enterprise("A2").orElseThrow().cls());
    assertEquals("A", r.enterprise("B2").orElseThrow().cls());
    assertEquals("A1", r.parcel("P1").orElseThrow().mainEnterprise());
    assertEquals("A2", r.parcel("P2").orElseThrow().mainEnterprise());
    assertEquals("A", r.parcel("P1").orElseThrow().cls());
    assertEquals("D", r.parcel("P2").orElseThrow().cls(), "the parcel's class is its main classed user's");
    assertEquals("A", r.enterprise("T1").orElseThrow().cls());
    assertEquals("tenant: takes the grade of owner A1 of parcel P1", r.enterprise("T1").orElseThrow().classNote());
    assertEquals("D", r.enterprise("T2").orElseThrow().cls());
    assertEquals("tenant: takes the grade of owner A2 of parcel P2", r.enterprise("T2").orElseThrow().classNote());
    assertEquals("D", r.enterprise("T3").orElseThrow().cls());
    assertTrue(r.enterprise("T3").orElseThrow().classNote().endsWith("of parcel P2"));

    // the larger owner wins whatever its id
    TestWorld u = new TestWorld();
    u.parcel("P", "z", "k", 20).firm("A", "z").firm("B", "z").owns("A", "P", 0.4).owns("B", "P", 0.6);
    u.figures("A", YEAR, 600, 1500, 100).figures("B", YEAR, 10, 10, 100).firm("T", "z").leases("T", "P", 0.1, 2015);
    EfficiencyResult s = EfficiencyEngine.compute(u.data(), caseFixed(), YEAR);
    assertEquals("B", s.parcel("P").orElseThrow().mainEnterprise());
    assertEquals("D", s.enterprise("T").orElseThrow().cls());
  }

  @Test
  void aTwoStageFirmWithoutItsRankingFigureIsNeverAAndFirstForC() throws Exception {
    Scheme two = Schemes.load().get("zhengzhou-two-stage").orElseThrow();
    TestWorld w = new TestWorld();
    for (int i = 0; i < 10; i++) {
      String f = "F" + i;
      w.parcel("P" + i, "z", "k", 10).firm(f, "z").owns(f, "P" + i, 1);
      double k = 10 - i;
      if (i == 0) {
        // the best firm by every other figure, but no tax reported
        w.figs.add(new YearFigures(f, YEAR, null, 4000.0 * k, 1000.0 * k, 10.0, 20, 100.0 * k, 100.0, 1.0));
      } else if (i == 6) {
        // a lower-half firm that reported no energy: revenue per tce unknown
        w.figs.add(new YearFigures(f, YEAR, 100.0 * k, 4000.0 * k, 1000.0 * k, null, 20, 100.0 * k, 100.0, null));
      } else {
        w.figs.add(new YearFigures(f, YEAR, 100.0 * k, 4000.0 * k, 1000.0 * k, 10.0, 20, 100.0 * k, 100.0, 1.0));
      }
    }
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), two, YEAR);
    List<String> classes = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      classes.add(r.enterprise("F" + i).orElseThrow().cls());
    }
    assertNotEquals("A", classes.get(0), "no tax figure: ranked last for A " + classes);
    assertEquals("A", classes.get(1), classes.toString());
    assertEquals("A", classes.get(2), classes.toString());
    assertEquals("C", classes.get(6), "no energy figure: first for C " + classes);
    assertEquals(1, classes.stream().filter("C"::equals).count(), classes.toString());
  }

  @Test
  void anUnknownFoundingYearIsNeverANewFirm() throws Exception {
    TestWorld w = new TestWorld().parcel("P", "z", "k", 10).parcel("Q", "z", "k", 10).parcel("R", "z", "k", 10);
    w.ents.add(new Enterprise("OLD", "UOLD", "甲", "Old", "z", null, "测试", "规上", 0, true, null));
    w.ents.add(new Enterprise("NEW", "UNEW", "乙", "New", "z", null, "测试", "规上", YEAR - 1, true, null));
    w.ents.add(new Enterprise("TWO", "UTWO", "丙", "Two", "z", null, "测试", "规上", YEAR - 2, true, null));
    w.owns("OLD", "P", 1).owns("NEW", "Q", 1).owns("TWO", "R", 1);
    w.figures("OLD", YEAR, 600, 1500, 100).figures("NEW", YEAR, 600, 1500, 100).figures("TWO", YEAR, 600, 1500, 100);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), caseFixed(), YEAR);
    assertEquals(Status.evaluated, r.enterprise("OLD").orElseThrow().status(), "founding year 0 means unknown");
    assertEquals(Status.exempt_new, r.enterprise("NEW").orElseThrow().status());
    assertEquals("founded 2023", r.enterprise("NEW").orElseThrow().statusNote());
    assertEquals(Status.evaluated, r.enterprise("TWO").orElseThrow().status(), "two full years is no longer new");
    assertNull(r.enterprise("NEW").orElseThrow().cls(), "no exempt class in this scheme: a new firm has none");
  }
}
