package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.testing.TestStores;

/** The embedded store and PostGIS, loaded from the same seed, give bit-identical results. */
@Tag("postgis")
class EfficiencyStoresAgreeTest {
  @Test
  void bothStoresGiveExactlyTheSameIndicatorsScoresAndClasses() throws Exception {
    EfficiencyData h2 = new EfficiencyRepository(TestStores.h2()).load();
    EfficiencyData pg = new EfficiencyRepository(TestStores.postgis()).load();
    assertEquals(h2.years(), pg.years());
    for (Scheme s : Schemes.load().all()) {
      for (int year : h2.years()) {
        EfficiencyResult a = EfficiencyEngine.compute(h2, s, year);
        EfficiencyResult b = EfficiencyEngine.compute(pg, s, year);
        assertEquals(a.enterprises.size(), b.enterprises.size());
        for (int i = 0; i < a.enterprises.size(); i++) {
          EnterpriseResult x = a.enterprises.get(i);
          EnterpriseResult y = b.enterprises.get(i);
          String at = s.id() + " " + year + " " + x.enterprise().id();
          assertEquals(x.enterprise().id(), y.enterprise().id(), at);
          assertEquals(x.status(), y.status(), at);
          assertEquals(Double.doubleToLongBits(x.landMu()), Double.doubleToLongBits(y.landMu()), at);
          assertEquals(Double.doubleToLongBits(x.score()), Double.doubleToLongBits(y.score()), at);
          assertEquals(x.cls(), y.cls(), at);
          for (Indicator ind : Indicator.values()) {
            assertEquals(Double.doubleToLongBits(x.value(ind)), Double.doubleToLongBits(y.value(ind)), at + " " + ind.key);
          }
        }
        for (Level l : Level.GROUPS) {
          assertEquals(a.groups.get(l).keySet(), b.groups.get(l).keySet());
          for (GroupResult g : a.groups.get(l).values()) {
            GroupResult h = b.groups.get(l).get(g.id());
            for (Indicator ind : Indicator.values()) {
              assertEquals(Double.doubleToLongBits(g.value(ind)), Double.doubleToLongBits(h.value(ind)), l + " " + g.id() + " " + ind.key);
            }
            assertEquals(g.classCounts(), h.classCounts());
          }
        }
      }
    }
  }
}
