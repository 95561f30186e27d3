package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * An in-memory world of any size for the benchmark (not via the store): zones of parks of
 * parcels, most parcels with one owner, some with tenants, four years of figures with a few
 * gaps. Seeded, so runs are comparable.
 */
final class SyntheticWorld {
  private SyntheticWorld() {}

  static final String[] ZONES = {"xxetdz", "zzetdz", "zzhitech", "zhengzhou"};
  static final String[] STATUS = {"in_use", "in_use", "in_use", "in_use", "in_use", "in_use", "partly_used",
    "built_not_producing", "supplied_not_used", "idle", "under_construction"};

  /** A world of about {@code enterprises} enterprises. */
  static EfficiencyData make(int enterprises, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Parcel> parcels = new ArrayList<>();
    List<Enterprise> ents = new ArrayList<>();
    List<LandUse> links = new ArrayList<>();
    List<YearFigures> figs = new ArrayList<>();
    int e = 0;
    int p = 0;
    while (e < enterprises) {
      String zone = ZONES[p % ZONES.length];
      String park = zone + "-park-" + (p / 400) % 60;
      String smp = rnd.nextDouble() < 0.08 ? zone + "-smp-" + (p / 200) % 20 : null;
      double mu = smp != null ? 3 + rnd.nextDouble() * 17 : Math.exp(Math.log(40) + 0.8 * rnd.nextGaussian());
      String status = STATUS[rnd.nextInt(STATUS.length)];
      int supply = 2000 + rnd.nextInt(25);
      double far = status.equals("in_use") ? 0.5 + rnd.nextDouble() * 1.8 : 0.2;
      double m2 = mu * Geodesy.M2_PER_MU;
      String pid = String.format("P-%07d", p++);
      parcels.add(new Parcel(pid, zone, zone + "-board-" + (p % 5), park, smp, rnd.nextDouble() < 0.85 ? "100102" : "110101",
          "工业用地", status, m2, mu, far * m2, far, 0.2 + rnd.nextDouble() * 0.4, 1.0, 0.3, 300, 20, supply, supply, null));
      String owner = String.format("E-%07d", e++);
      ents.add(firm(owner, zone, park, rnd));
      int tenants = smp != null ? 2 + rnd.nextInt(4) : rnd.nextDouble() < 0.15 ? 1 + rnd.nextInt(3) : 0;
      double leased = tenants == 0 ? 0 : 0.2 + rnd.nextDouble() * 0.6;
      links.add(new LandUse(owner, pid, LandUse.OWNER, 1.0, supply));
      figures(owner, figs, mu * (1 - leased), rnd);
      for (int t = 0; t < tenants && e < enterprises; t++) {
        String tid = String.format("E-%07d", e++);
        ents.add(firm(tid, zone, park, rnd));
        links.add(new LandUse(tid, pid, LandUse.TENANT, Math.floor(leased / tenants * 1e4) / 1e4, 2015 + rnd.nextInt(10)));
        figures(tid, figs, mu * leased / tenants, rnd);
      }
    }
    return new EfficiencyData("bench", parcels, ents, links, figs, Map.of());
  }

  private static Enterprise firm(String id, String zone, String park, SplittableRandom rnd) {
    return new Enterprise(id, "U" + id, "合成示例·" + id, "Synthetic " + id, zone, park, "装备制造",
        rnd.nextDouble() < 0.6 ? "规上" : "规下", 1995 + rnd.nextInt(30), true, null);
  }

  private static void figures(String id, List<YearFigures> out, double mu, SplittableRandom rnd) {
    double revPerMu = Math.exp(Math.log(500) + 0.6 * rnd.nextGaussian());
    for (int y = 2021; y <= 2024; y++) {
      double rev = revPerMu * mu * (0.85 + 0.05 * (y - 2021));
      Double energy = rnd.nextDouble() < 0.02 ? null : rev * 0.25 / (1 + rnd.nextDouble() * 3);
      out.add(new YearFigures(id, y, rev * 0.04, rev, rev * 0.25, energy, (int) Math.max(3, rev / 120), rev * 0.02,
          rev * 0.03, energy == null ? null : energy * 0.1));
    }
  }
}
