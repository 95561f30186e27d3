package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/** A few parcels, firms, links and figures built by hand for engine tests. */
final class TestWorld {
  final List<Parcel> parcels = new ArrayList<>();
  final List<Enterprise> ents = new ArrayList<>();
  final List<LandUse> links = new ArrayList<>();
  final List<YearFigures> figs = new ArrayList<>();
  final Map<String, EfficiencyData.GroupName> groups = new HashMap<>();

  TestWorld parcel(String id, String zone, String park, double mu) {
    return parcel(id, zone, park, mu, "in_use", 2010);
  }

  TestWorld parcel(String id, String zone, String park, double mu, String status, Integer supply) {
    double m2 = mu * Geodesy.M2_PER_MU;
    parcels.add(new Parcel(id, zone, "board-" + zone, park, null, "100101", "一类工业用地", status, m2, mu, 1.2 * m2, 1.2, 0.45,
        1.0, 0.3, 300, 20, supply, supply, null));
    return this;
  }

  TestWorld firm(String id, String zone) {
    ents.add(new Enterprise(id, "U" + id, "企业" + id, "Firm " + id, zone, null, "测试", "规上", 2010, true, null));
    return this;
  }

  TestWorld owns(String firm, String parcel, double share) {
    links.add(new LandUse(firm, parcel, LandUse.OWNER, share, null));
    return this;
  }

  TestWorld leases(String firm, String parcel, double share, Integer since) {
    links.add(new LandUse(firm, parcel, LandUse.TENANT, share, since));
    return this;
  }

  /** Tax, value added and energy of one year; other figures reported as plausible constants. */
  TestWorld figures(String firm, int year, double tax, double va, double energy) {
    figs.add(new YearFigures(firm, year, tax, va * 4, va, energy, 20, va * 0.1, 100.0, energy * 0.1));
    return this;
  }

  EfficiencyData data() {
    return new EfficiencyData("test", parcels, ents, links, figs, groups);
  }
}
