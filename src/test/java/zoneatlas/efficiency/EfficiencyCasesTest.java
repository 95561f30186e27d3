package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;

/**
 * Runs every row of {@code src/test/resources/efficiency/cases.csv} (inputs → expected
 * indicators, status, score, class, low-efficiency reasons or error) as its own test. A planner
 * extends the table; nothing here needs to change.
 */
class EfficiencyCasesTest {
  private static final Schemes SHIPPED = Schemes.load();

  @TestFactory
  Stream<DynamicTest> everyRowOfTheCaseTableHolds() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<CaseTable.Row>> w : CaseTable.worlds(CaseTable.rows()).entrySet()) {
      List<CaseTable.Row> rows = w.getValue();
      String schemeId = rows.get(0).get("scheme");
      Scheme s = CaseTable.testScheme(schemeId);
      if (s == null) {
        s = SHIPPED.get(schemeId).orElseThrow(() -> new AssertionError("cases.csv line " + rows.get(0).line()
            + ": unknown scheme " + schemeId));
      }
      for (CaseTable.Row r : rows) {
        if (!r.get("scheme").equals(schemeId)) {
          fail("cases.csv line " + r.line() + ": every row of world " + w.getKey() + " needs scheme " + schemeId);
        }
      }
      Scheme scheme = s;
      int year = Integer.parseInt(rows.get(0).or("year", "2024"));
      for (CaseTable.Row r : rows) {
        String name = "line " + r.line() + ": " + r.get("case") + " [" + r.get("enterprise") + "]";
        tests.add(DynamicTest.dynamicTest(name, () -> check(r, rows, scheme, year)));
      }
    }
    assertFalse(tests.isEmpty(), "the case table is empty");
    return tests.stream();
  }

  private static void check(CaseTable.Row r, List<CaseTable.Row> world, Scheme scheme, int year) {
    EfficiencyData d = CaseTable.build(world);
    String err = r.get("expect_error");
    if (!err.isEmpty()) {
      EfficiencyDataException e = assertThrows(EfficiencyDataException.class, () -> EfficiencyEngine.compute(d, scheme, year));
      assertTrue(e.getMessage().contains(err), "error was: " + e.getMessage());
      return;
    }
    EfficiencyResult res = EfficiencyEngine.compute(d, scheme, year);
    EnterpriseResult e = res.enterprise(r.get("enterprise")).orElseThrow();
    if (!r.get("expect_status").isEmpty()) {
      assertEquals(r.get("expect_status"), e.status().name(), "status (" + e.statusNote() + ")");
    }
    number(r, "expect_land_mu", e.landMu());
    for (Indicator i : Indicator.values()) {
      number(r, "expect_" + i.key, e.value(i));
    }
    number(r, "expect_score", e.score());
    String cls = r.get("expect_class");
    if (!cls.isEmpty()) {
      assertEquals(cls.equals("-") ? null : cls, e.cls(), "class (score " + e.score() + ", " + e.classNote() + ")");
    }
    String low = r.get("expect_low");
    if (!low.isEmpty()) {
      List<String> got = res.parcel("P-" + r.get("enterprise")).map(p -> p.reasons().stream().map(f -> f.reason().name()).toList())
          .orElse(List.of());
      assertEquals(low.equals("-") ? List.of() : List.of(low.split(";")), got, "low-efficiency reasons");
    }
  }

  /** Checks a number to the decimals the expectation is written with; '-' expects no value. */
  private static void number(CaseTable.Row r, String col, double actual) {
    String want = r.get(col);
    if (want.isEmpty()) {
      return;
    }
    if (want.equals("-")) {
      assertTrue(Double.isNaN(actual), col + ": expected no value, got " + actual);
      return;
    }
    BigDecimal w = new BigDecimal(want);
    double tol = 0.5 * Math.pow(10, -Math.max(0, w.scale())) + 1e-9;
    assertFalse(Double.isNaN(actual), col + ": expected " + want + ", got no value");
    assertEquals(w.doubleValue(), actual, tol, col);
  }

  @Test
  @DisplayName("the case table covers every status, every shipped scheme and the data error")
  void theCaseTableCoversTheRules() throws Exception {
    List<CaseTable.Row> rows = CaseTable.rows();
    for (Status s : Status.values()) {
      assertTrue(rows.stream().anyMatch(r -> r.get("expect_status").equals(s.name())), "no case expects status " + s);
    }
    for (Scheme s : SHIPPED.all()) {
      assertTrue(rows.stream().anyMatch(r -> r.get("scheme").equals(s.id())), "no case uses scheme " + s.id());
    }
    assertTrue(rows.stream().anyMatch(r -> !r.get("expect_error").isEmpty()));
    for (Indicator i : Indicator.values()) {
      assertTrue(rows.stream().anyMatch(r -> !r.get("expect_" + i.key).isEmpty() && !r.get("expect_" + i.key).equals("-")),
          "no case expects a value of " + i.key);
    }
    // the two-stage classes follow from the scores: every row of the Zhengzhou scheme has its score worked out by hand
    List<CaseTable.Row> zz = rows.stream().filter(r -> r.get("scheme").equals("zhengzhou-two-stage")).toList();
    assertFalse(zz.isEmpty());
    for (CaseTable.Row r : zz) {
      assertFalse(r.get("expect_score").isEmpty(), "cases.csv line " + r.line() + " (Zhengzhou two-stage) states no score");
    }
  }

  @Test
  void anExpectationColumnTheTestDoesNotKnowStopsTheTable() {
    List<String> header = new ArrayList<>(CaseTable.expectColumns());
    CaseTable.checkExpectations(header);
    header.add("expect_tax_per_mou");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CaseTable.checkExpectations(header));
    assertTrue(e.getMessage().contains("expect_tax_per_mou"), e.getMessage());
    List<String> short1 = new ArrayList<>(CaseTable.expectColumns());
    short1.remove("expect_revenue_per_tce");
    assertThrows(IllegalStateException.class, () -> CaseTable.checkExpectations(short1));
  }
}
