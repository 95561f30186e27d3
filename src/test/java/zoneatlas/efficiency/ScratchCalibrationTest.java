package zoneatlas.efficiency;

import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestStores;
import java.util.*;

class ScratchCalibrationTest {
  @Test
  void print() throws Exception {
    long t0 = System.nanoTime();
    EfficiencyData d = new EfficiencyRepository(TestStores.h2()).load();
    System.out.println("load ms " + (System.nanoTime() - t0) / 1e6 + " parcels " + d.parcels.size() + " ents " + d.enterprises.size() + " links " + d.landUses.size() + " years " + d.years());
    Schemes ss = Schemes.load();
    for (int i = 0; i < 8; i++) { for (Scheme s : ss.all()) { long a = System.nanoTime(); EfficiencyEngine.compute(d, s, 2024); System.out.print(s.id() + " " + (System.nanoTime() - a) / 1e6 + "ms; "); } System.out.println(); }
    for (Scheme s : ss.all()) {
      t0 = System.nanoTime();
      EfficiencyResult r = EfficiencyEngine.compute(d, s, 2024);
      System.out.println("== " + s.id() + " ms " + (System.nanoTime() - t0) / 1e6);
      Map<String, Integer> st = new TreeMap<>();
      Map<String, Map<String,Integer>> cls = new TreeMap<>();
      List<Double> scores = new ArrayList<>();
      for (var e : r.enterprises) {
        st.merge(e.status().name(), 1, Integer::sum);
        cls.computeIfAbsent(e.enterprise().zone(), k -> new TreeMap<>()).merge(String.valueOf(e.cls()), 1, Integer::sum);
        if (!Double.isNaN(e.score())) scores.add(e.score());
      }
      Collections.sort(scores);
      System.out.println(st);
      System.out.println(cls);
      int n = scores.size();
      if (n > 0) System.out.println("score pct 10/25/50/75/90: " + scores.get(n/10) + " " + scores.get(n/4) + " " + scores.get(n/2) + " " + scores.get(3*n/4) + " " + scores.get(9*n/10));
      Map<String,Integer> low = new TreeMap<>();
      for (var p : r.parcels) for (var f : p.reasons()) low.merge(f.reason().name(), 1, Integer::sum);
      System.out.println("low " + low);
      for (var g : r.groups.get(Level.zone).values()) System.out.println(g.id() + " ents " + g.enterprises() + " tax/mu " + g.value(Indicator.TAX_PER_MU) + " far " + g.value(Indicator.FAR) + " va/tce " + g.value(Indicator.VALUE_ADDED_PER_TCE) + " lp " + g.value(Indicator.LABOUR_PRODUCTIVITY) + " e/va " + g.value(Indicator.ENERGY_PER_VALUE_ADDED));
      for (var g : r.industrialGroups.get(Level.zone).values()) System.out.println("IND " + g.id() + " ents " + g.enterprises() + " tax/mu " + g.value(Indicator.TAX_PER_MU));
      int small = 0; for (var g : r.groups.get(Level.industrial_park).values()) if (g.enterprises() < 3) small++;
      System.out.println("parks " + r.groups.get(Level.industrial_park).size() + " small " + small + " smp " + r.groups.get(Level.small_micro_park).size() + " boards " + r.groups.get(Level.core_board).size());
    }
  }
}
