package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.StandardLand.Investor;

class StandardLandTest {
  static ParcelRow parcel(double mu, Double reqInvest, Double reqTax) {
    return new ParcelRow("P1", "z", null, null, null, "100101", "一类工业用地", "available", mu * 10000 / 15, mu, null, null,
        null, 1.0, 0.4, reqInvest, reqTax, null, null, true, null);
  }

  @Test
  void totalsAreSpreadOverTheParcelSoABiggerParcelNeedsMore() {
    Investor inv = new Investor(30_000.0, null, 1_500.0, null);
    // 100 mu: 300 万元/亩 and 15 万元/亩 — exactly the requirement
    StandardLand.Test t100 = StandardLand.test(parcel(100, 300.0, 15.0), inv);
    assertTrue(t100.qualifies());
    assertEquals(300, t100.invest_wan_per_mu(), 1e-9);
    assertEquals(100, t100.max_area_mu(), 1e-9);
    // 120 mu: 250 万元/亩 < 300
    StandardLand.Test t120 = StandardLand.test(parcel(120, 300.0, 15.0), inv);
    assertFalse(t120.qualifies());
    assertFalse(t120.invest_ok());
  }

  @Test
  void perMuFiguresAreComparedDirectly() {
    Investor inv = new Investor(null, 320.0, null, 12.0);
    StandardLand.Test t = StandardLand.test(parcel(500, 300.0, 15.0), inv);
    assertTrue(t.invest_ok());
    assertFalse(t.tax_ok());
    assertFalse(t.qualifies());
    assertNull(t.max_area_mu());
  }

  @Test
  void aParcelWithoutRequirementsQualifiesAndAMissingFigureIsNotChecked() {
    StandardLand.Test none = StandardLand.test(parcel(50, 0.0, null), new Investor(10.0, null, null, null));
    assertTrue(none.qualifies());
    StandardLand.Test untested = StandardLand.test(parcel(50, 300.0, 20.0), new Investor(20_000.0, null, null, null));
    assertTrue(untested.qualifies());
    assertNull(untested.tax_ok());
    assertEquals(2, untested.reasons().size());
  }
}
