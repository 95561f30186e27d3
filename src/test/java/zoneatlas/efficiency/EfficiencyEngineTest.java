package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;

/** The engine's rules that the case table cannot show in one row: co-ownership, roll-ups, ties, what-ifs. */
class EfficiencyEngineTest {
  private static final Schemes SCHEMES = Schemes.load();

  private static Scheme scheme(String id) {
    return SCHEMES.get(id).orElseThrow();
  }

  @Test
  void coOwnersShareWhatIsNotLeasedOutByTheirOwnership() {
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 40).firm("A", "z").firm("B", "z").firm("T", "z")
        .owns("A", "P1", 0.75).owns("B", "P1", 0.25).leases("T", "P1", 0.5, null);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), scheme("weighted-benchmark"), 2024);
    assertEquals(15, r.enterprise("A").orElseThrow().landMu(), 1e-9);
    assertEquals(5, r.enterprise("B").orElseThrow().landMu(), 1e-9);
    assertEquals(20, r.enterprise("T").orElseThrow().landMu(), 1e-9);
  }

  @Test
  void ownershipSharesOverOneHundredPercentNameTheParcel() {
    TestWorld w = new TestWorld().parcel("P9", "z", "k", 10).firm("A", "z").firm("B", "z").owns("A", "P9", 0.7).owns("B", "P9", 0.6);
    EfficiencyDataException e = assertThrows(EfficiencyDataException.class,
        () -> EfficiencyEngine.compute(w.data(), scheme("weighted-benchmark"), 2024));
    assertTrue(e.getMessage().startsWith("parcel P9: ownership shares add up to 130%"), e.getMessage());
    assertTrue(e.getMessage().contains("A 70%") && e.getMessage().contains("B 60%"), e.getMessage());
  }

  @Test
  void aLinkToAMissingParcelIsADataError() {
    TestWorld w = new TestWorld().firm("A", "z").owns("A", "NOPE", 1);
    EfficiencyDataException e = assertThrows(EfficiencyDataException.class,
        () -> EfficiencyEngine.compute(w.data(), scheme("weighted-benchmark"), 2024));
    assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
  }

  @Test
  void twoFigureSetsForOneYearAreADataError() {
    TestWorld w = new TestWorld().firm("A", "z").figures("A", 2024, 1, 1, 1).figures("A", 2024, 2, 2, 2);
    assertThrows(EfficiencyDataException.class, w::data);
  }

  @Test
  void aLeaseCountsFromItsSinceYear() {
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10).firm("O", "z").firm("T", "z").owns("O", "P1", 1)
        .leases("T", "P1", 0.4, 2024);
    EfficiencyData d = w.data();
    assertEquals(10, EfficiencyEngine.compute(d, scheme("weighted-benchmark"), 2023).enterprise("O").orElseThrow().landMu(), 1e-9);
    assertEquals(6, EfficiencyEngine.compute(d, scheme("weighted-benchmark"), 2024).enterprise("O").orElseThrow().landMu(), 1e-9);
  }

  @Test
  void aParkRollUpIsTotalTaxOverTotalLandNotAnAverageOfRatios() {
    // A: 10 mu in park k1, 30 mu in k2, tax 400 (10/mu); B: 10 mu in k1, tax 300 (30/mu)
    TestWorld w = new TestWorld().parcel("P1", "z", "k1", 10).parcel("P2", "z", "k2", 30).parcel("P3", "z", "k1", 10)
        .firm("A", "z").firm("B", "z").owns("A", "P1", 1).owns("A", "P2", 1).owns("B", "P3", 1)
        .figures("A", 2024, 400, 1000, 100).figures("B", 2024, 300, 500, 100);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), scheme("weighted-benchmark"), 2024);
    GroupResult k1 = r.groups.get(Level.industrial_park).get("k1");
    // k1 holds a quarter of A's land (100 of A's tax) and all of B: (100 + 300) / 20 mu
    assertEquals(20, k1.value(Indicator.TAX_PER_MU), 1e-9);
    assertEquals(2, k1.enterprises());
    assertEquals(400, k1.totals()[0], 1e-9);
    GroupResult zone = r.groups.get(Level.zone).get("z");
    assertEquals(700.0 / 50, zone.value(Indicator.TAX_PER_MU), 1e-9);
    assertEquals(2, zone.enterprises());
    // the parcel view shares A's figures by land
    assertEquals(10, r.parcel("P2").orElseThrow().value(Indicator.TAX_PER_MU), 1e-9);
    assertEquals(300, r.parcel("P2").orElseThrow().totals()[0], 1e-9);
  }

  @Test
  void perHectareIsFifteenTimesPerMu() {
    assertEquals("tax_per_ha", Indicator.TAX_PER_MU.key(Indicator.Unit.ha));
    assertEquals("万元/公顷", Indicator.TAX_PER_MU.unit(Indicator.Unit.ha));
    assertEquals(300, Indicator.TAX_PER_MU.convert(20, Indicator.Unit.ha), 1e-12);
    assertEquals(2.5, Indicator.VALUE_ADDED_PER_TCE.convert(2.5, Indicator.Unit.ha), 1e-12);
    assertEquals(Indicator.TAX_PER_MU, Indicator.byKey("tax_per_ha").orElseThrow());
  }

  @Test
  void equalScoresShareTheirRankAndClass() {
    TestWorld w = new TestWorld();
    for (int i = 1; i <= 4; i++) {
      w.parcel("P" + i, "z", "k", 10).firm("F" + i, "z").owns("F" + i, "P" + i, 1);
    }
    w.figures("F1", 2024, 300, 1000, 400).figures("F2", 2024, 200, 1000, 400).figures("F3", 2024, 200, 1000, 400)
        .figures("F4", 2024, 100, 1000, 400);
    EfficiencyResult r = EfficiencyEngine.compute(w.data(), scheme("percentile"), 2024);
    assertEquals(2, r.enterprise("F2").orElseThrow().rank());
    assertEquals(2, r.enterprise("F3").orElseThrow().rank());
    assertEquals(r.enterprise("F2").orElseThrow().cls(), r.enterprise("F3").orElseThrow().cls());
    assertEquals(4, r.enterprise("F4").orElseThrow().rank());
  }

  @Test
  void aFirmAloneInItsZoneIsNotPutAtTheBottomByPercentiles() {
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10).firm("F", "z").owns("F", "P1", 1).figures("F", 2024, 10, 10, 10);
    assertEquals("B", EfficiencyEngine.compute(w.data(), scheme("percentile"), 2024).enterprise("F").orElseThrow().cls());
  }

  @Test
  void exemptFirmsAreTreatedAsTheSchemesExemptClass() {
    TestWorld w = new TestWorld().parcel("P1", "z", "k", 10, "in_use", 2023).firm("F", "z").owns("F", "P1", 1)
        .figures("F", 2024, 10, 10, 10);
    EfficiencyResult p = EfficiencyEngine.compute(w.data(), scheme("percentile"), 2024);
    assertEquals(Status.exempt_construction, p.enterprise("F").orElseThrow().status());
    assertEquals("B", p.enterprise("F").orElseThrow().cls());
    assertNull(EfficiencyEngine.compute(w.data(), scheme("weighted-benchmark"), 2024).enterprise("F").orElseThrow().cls());
  }

  @Test
  void aWhatIfChangesClassesWithoutTouchingTheOfficialScheme() {
    TestWorld w = new TestWorld();
    for (int i = 1; i <= 6; i++) {
      w.parcel("P" + i, "z", "k", 10).firm("F" + i, "z").owns("F" + i, "P" + i, 1).figures("F" + i, 2024, 100 * i, 1000 * (7 - i), 400);
    }
    Scheme official = scheme("weighted-benchmark");
    Map<Indicator, Scheme.Weighting> before = official.scoring().forZone("z");
    Scheme what = official.withOverrides(Map.of(Indicator.TAX_PER_MU, 100.0, Indicator.VALUE_ADDED_PER_MU, 0.0), Map.of(), null, null);
    assertEquals(before, official.scoring().forZone("z"));
    assertEquals(100, what.scoring().forZone("z").get(Indicator.TAX_PER_MU).weight());
    assertNull(what.scoring().forZone("z").get(Indicator.VALUE_ADDED_PER_MU));
    assertTrue(what.whatIf());
    EfficiencyData d = w.data();
    EfficiencyResult a = EfficiencyEngine.compute(d, official, 2024);
    EfficiencyResult b = EfficiencyEngine.compute(d, what, 2024);
    assertNotEquals(a.enterprise("F6").orElseThrow().score(), b.enterprise("F6").orElseThrow().score());
  }

  @Test
  void aZoneOnlyOverrideLeavesOtherZonesAlone() {
    Scheme s = scheme("weighted-benchmark");
    Scheme what = s.withOverrides(Map.of(Indicator.TAX_PER_MU, 50.0), Map.of(Indicator.TAX_PER_MU, 25.0), null, "zzetdz");
    assertEquals(50, what.scoring().forZone("zzetdz").get(Indicator.TAX_PER_MU).weight());
    assertEquals(25, what.scoring().forZone("zzetdz").get(Indicator.TAX_PER_MU).benchmark().fixed());
    assertEquals(s.scoring().forZone("xxetdz"), what.scoring().forZone("xxetdz"));
  }

  @Test
  void aGlobalOverrideOfAWeightKeepsAZonesPlanBenchmark() {
    Scheme what = scheme("weighted-benchmark").withOverrides(Map.of(Indicator.TAX_PER_MU, 45.0), Map.of(), null, null);
    Scheme.Weighting x = what.scoring().forZone("xxetdz").get(Indicator.TAX_PER_MU);
    assertEquals(45, x.weight());
    assertEquals(15, x.benchmark().fixed());
  }

  @Test
  void notesShowNumbersToTwoDecimals() {
    assertEquals("12", EfficiencyEngine.fmt(12));
    assertEquals("12.5", EfficiencyEngine.fmt(12.5));
    assertEquals("12.05", EfficiencyEngine.fmt(12.049));
    assertEquals("0.07", EfficiencyEngine.fmt(0.07));
    assertEquals("-3.1", EfficiencyEngine.fmt(-3.1));
  }
}
