package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyData.Flag;
import zoneatlas.efficiency.EfficiencyData.FrozenList;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * What the engine's input promises: ids are unique, figures and recorded items name firms that
 * exist, only the newest frozen list of a zone counts, zones come from parcels and firms alike,
 * investment adds up over the years on record (unknown where none reports it), and an indicator
 * with nothing under it is no value rather than an infinite one.
 */
class EfficiencyDataRulesTest {
  private static TestWorld world() {
    return new TestWorld().parcel("P1", "z", "k", 10).parcel("P2", "a", "k2", 5).firm("F", "z").firm("G", "q")
        .owns("F", "P1", 1);
  }

  @Test
  void badDataIsRefusedNamingWhatIsWrong() {
    TestWorld w = world().parcel("P1", "z", "k", 3);
    assertEquals("parcel id 'P1' appears twice", assertThrows(EfficiencyDataException.class, w::data).getMessage());
    TestWorld f = world().firm("F", "z");
    assertEquals("enterprise id 'F' appears twice", assertThrows(EfficiencyDataException.class, f::data).getMessage());
    TestWorld ghost = world().figures("NOBODY", 2024, 1, 1, 1);
    assertTrue(assertThrows(EfficiencyDataException.class, ghost::data).getMessage().contains("'NOBODY', which does not exist"));
    TestWorld twice = world().figures("F", 2024, 1, 1, 1).figures("F", 2024, 2, 2, 2);
    assertEquals("enterprise 'F' has two sets of figures for 2024",
        assertThrows(EfficiencyDataException.class, twice::data).getMessage());
    TestWorld w2 = world();
    assertThrows(EfficiencyDataException.class, () -> new EfficiencyData("t", w2.parcels, w2.ents, w2.links, w2.figs,
        Map.of(), List.of(new Flag("NOBODY", 2024, "listed", null)), List.of()));
  }

  @Test
  void yearsZonesFlagsAndTheNewestListAreWhatTheDataHolds() {
    TestWorld w = world();
    EfficiencyData none = w.data();
    assertTrue(none.years().isEmpty());
    assertNull(none.latestYear(), "no figures: no latest year");
    assertEquals(List.of("a", "q", "z"), none.zones(), "zones of parcels and of firms, sorted");
    w.figures("F", 2022, 1, 1, 1).figures("F", 2024, 1, 1, 1).figures("G", 2023, 1, 1, 1);
    LocalDate d = LocalDate.of(2025, 1, 1);
    List<FrozenList> lists = new ArrayList<>(List.of(
        new FrozenList(1, "z", "s", 2024, 0, "notice", d, d, Map.of()),
        new FrozenList(2, "z", "s", 2024, 2, "published", d, d, Map.of()),
        new FrozenList(3, "z", "s", 2024, 1, "published", d, d, Map.of()),
        new FrozenList(4, "z", "s", 2023, 1, "published", d, d, Map.of())));
    EfficiencyData data = new EfficiencyData("t", w.parcels, w.ents, w.links, w.figs, Map.of(),
        List.of(new Flag("F", 2024, "listed", null), new Flag("F", 2024, "high_tech", "note"), new Flag("G", 2023, "x", null)),
        lists);
    assertEquals(List.of(2022, 2023, 2024), List.copyOf(data.years()));
    assertEquals(2024, data.latestYear());
    assertEquals(2, data.list("z", "s", 2024).revision(), "the newest revision, whatever the order loaded");
    assertTrue(data.list("z", "s", 2024).published());
    assertFalse(lists.get(0).published());
    assertEquals(1, data.list("z", "s", 2023).revision());
    assertNull(data.list("z", "other", 2024));
    assertNull(data.list("a", "s", 2024));
    assertEquals(List.of("listed", "high_tech"), data.flags("F", 2024));
    assertEquals(List.of(), data.flags("F", 2023));
    assertEquals(List.of(), data.flags("G", 2024));
    assertEquals(List.of("x"), data.flags("G", 2023));
  }

  @Test
  void investmentAddsUpOverTheYearsOnRecordAndIsUnknownWhereNoneReportsIt() {
    TestWorld w = world().firm("H", "z");
    w.figs.add(new YearFigures("F", 2022, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 100.0, 1.0));
    w.figs.add(new YearFigures("F", 2023, 1.0, 1.0, 1.0, 1.0, 1, 1.0, null, 1.0));
    w.figs.add(new YearFigures("F", 2024, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 50.0, 1.0));
    w.figs.add(new YearFigures("F", 2025, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 70.0, 1.0));
    w.figs.add(new YearFigures("H", 2024, 1.0, 1.0, 1.0, 1.0, 1, 1.0, null, 1.0));
    EfficiencyData d = w.data();
    double[] sum = d.cumulativeInvestment(2024);
    assertEquals(150.0, sum[d.enterpriseIndex.get("F")], "2022 and 2024, not the later 2025");
    assertTrue(Double.isNaN(sum[d.enterpriseIndex.get("G")]), "no figures at all");
    assertTrue(Double.isNaN(sum[d.enterpriseIndex.get("H")]), "figures without investment");
    assertEquals(100.0, d.cumulativeInvestment(2022)[d.enterpriseIndex.get("F")]);
    assertNull(d.figures(2019));
    assertEquals(3, d.figures(2024).length);
  }

  @Test
  void anIndicatorWithNothingUnderItIsNoValue() {
    int n = Indicator.values().length;
    double[] num = new double[n];
    double[] den = new double[n];
    num[Indicator.TAX_PER_MU.ordinal()] = 5;
    num[Indicator.REVENUE_PER_MU.ordinal()] = 6;
    den[Indicator.REVENUE_PER_MU.ordinal()] = 2;
    Parcel pc = new Parcel("P", "z", "b", "k", null, "100101", "工业", "idle", 1, 1, 1, 0.8, 0.3, 1, 0.2, 300, 20, 2010,
        2010, null);
    ParcelResult p = new ParcelResult(pc, 0, 0, 0, num, den, new double[8], null, null, false, List.of());
    assertTrue(Double.isNaN(p.value(Indicator.TAX_PER_MU)), "5 over nothing");
    assertEquals(3.0, p.value(Indicator.REVENUE_PER_MU));
    assertEquals(0.8, p.value(Indicator.FAR));
    assertEquals(30.0, p.value(Indicator.COVERAGE), 1e-9);
    assertFalse(p.lowEfficiency());
    ParcelResult low = new ParcelResult(pc, 0, 0, 0, num, den, new double[8], null, null, false,
        List.of(new LowReason.Found(LowReason.idle, "闲置", "idle")));
    assertTrue(low.lowEfficiency());
    GroupResult g = new GroupResult(Level.zone, "z", "z", 1, 1, 1, 0, 0, 0, 0, num, den, new double[8], Map.of(), 0, 0, 0, 0);
    assertTrue(Double.isNaN(g.value(Indicator.TAX_PER_MU)));
    assertEquals(3.0, g.value(Indicator.REVENUE_PER_MU));
    double[] f = EfficiencyResult.figureValues(new YearFigures("F", 2024, 1.0, null, 3.0, 4.0, null, 6.0, 7.0, 8.0));
    assertEquals(1.0, f[0]);
    assertTrue(Double.isNaN(f[1]));
    assertTrue(Double.isNaN(f[4]), "employees not reported");
    assertEquals(8.0, f[7]);
    Table t = new Table("t", List.of(new Table.Col("a", "甲", "A", null)), List.of(Map.of("a", 1)), Map.of("year", 2024));
    Map<String, Object> j = t.json();
    assertEquals(2024, j.get("year"));
    assertEquals(1, j.get("numberReturned"));
    assertEquals(List.of("year", "columns", "rows", "numberReturned"), List.copyOf(j.keySet()));
  }
}
