package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.model.LandUse;
import zoneatlas.store.SqlStore;

/** What both stores must do for the mu-efficiency engine: the same records in, the same numbers out. */
abstract class EfficiencyContract {
  abstract SqlStore store();

  private static final Schemes SCHEMES = Schemes.load();

  EfficiencyData data() throws Exception {
    return new EfficiencyRepository(store()).load();
  }

  private long count(String table) throws Exception {
    try (Connection c = store().connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void everyParcelEnterpriseLinkAndFigureIsLoaded() throws Exception {
    EfficiencyData d = data();
    assertEquals(count("parcels"), d.parcels.size());
    assertEquals(count("enterprises"), d.enterprises.size());
    assertEquals(count("land_uses"), d.landUses.size());
    assertTrue(d.years().size() >= 2, "several years of figures, for trends");
    assertNotEquals("none", d.version);
    assertTrue(d.groups.values().stream().anyMatch(g -> g.level() == Level.industrial_park));
  }

  @Test
  void aSoleOwnerWithoutTenantsCountsItsParcelsGeodesicArea() throws Exception {
    EfficiencyData d = data();
    int year = d.latestYear();
    EfficiencyResult r = EfficiencyEngine.compute(d, SCHEMES.defaultScheme(), year);
    Map<String, Integer> links = new HashMap<>();
    d.landUses.forEach(l -> links.merge(l.parcelId(), 1, Integer::sum));
    int checked = 0;
    for (LandUse l : d.landUses) {
      if (l.role().equals(LandUse.OWNER) && links.get(l.parcelId()) == 1) {
        EnterpriseResult e = r.enterprise(l.enterpriseId()).orElseThrow();
        if (d.landUses.stream().filter(x -> x.enterpriseId().equals(l.enterpriseId())).count() == 1 && e.constructionLandMu() == 0) {
          assertEquals(r.parcel(l.parcelId()).orElseThrow().parcel().areaMu(), e.landMu(), 1e-9);
          if (++checked == 50) {
            break;
          }
        }
      }
    }
    assertTrue(checked > 0);
  }

  @Test
  void everySchemeClassesTheDemoEnterprisesWithItsOwnClasses() throws Exception {
    EfficiencyData d = data();
    for (Scheme s : SCHEMES.all()) {
      EfficiencyResult r = EfficiencyEngine.compute(d, s, d.latestYear());
      long evaluated = r.enterprises.stream().filter(e -> e.status() == Status.evaluated).count();
      assertTrue(evaluated > 100, s.id() + " evaluated " + evaluated);
      for (EnterpriseResult e : r.enterprises) {
        if (e.cls() != null) {
          assertTrue(s.classify().classes().contains(e.cls()), s.id() + ": " + e.cls());
        }
        if (e.status() == Status.evaluated) {
          assertFalse(Double.isNaN(e.score()));
        }
      }
      for (String c : s.classify().classes()) {
        assertTrue(r.enterprises.stream().anyMatch(e -> c.equals(e.cls())), s.id() + " gives nobody class " + c);
      }
    }
  }

  @Test
  void zoneRollUpsHoldEveryContributingEnterprisesTax() throws Exception {
    EfficiencyData d = data();
    EfficiencyResult r = EfficiencyEngine.compute(d, SCHEMES.defaultScheme(), d.latestYear());
    double fromFirms = 0;
    for (EnterpriseResult e : r.enterprises) {
      if (e.figures() != null && e.landMu() > 0 && e.figures().taxWan() != null) {
        fromFirms += e.figures().taxWan();
      }
    }
    double fromZones = r.groups.get(Level.zone).values().stream().mapToDouble(g -> g.totals()[0]).sum();
    assertEquals(fromFirms, fromZones, 1e-6 * fromFirms);
    for (GroupResult park : r.groups.get(Level.industrial_park).values()) {
      GroupResult zone = r.groups.get(Level.zone).get(park.zone());
      assertTrue(park.landMu() <= zone.landMu() + 1e-9);
    }
  }

  @Test
  void lowEfficiencyParcelsComeWithTheirOutlines() throws Exception {
    EfficiencyData d = data();
    EfficiencyResult r = EfficiencyEngine.compute(d, SCHEMES.defaultScheme(), d.latestYear());
    List<String> ids = r.parcels.stream().filter(EfficiencyResult.ParcelResult::lowEfficiency).limit(25)
        .map(p -> p.parcel().id()).toList();
    assertEquals(25, ids.size());
    Map<String, String> g = new EfficiencyRepository(store()).parcelGeoJson(ids);
    assertEquals(ids.size(), g.size());
    JsonNode n = new ObjectMapper().readTree(g.get(ids.get(0)));
    assertEquals("Polygon", n.get("type").asText());
    double lon = n.get("coordinates").get(0).get(0).get(0).asDouble();
    assertTrue(lon > 112 && lon < 115, "lon/lat in CGCS2000: " + lon);
  }

  @Test
  void theIndustrialLandRollUpSumsOnlyIndustrialParcels() throws Exception {
    EfficiencyData d = data();
    EfficiencyResult r = EfficiencyEngine.compute(d, SCHEMES.defaultScheme(), d.latestYear());
    int k = Indicator.TAX_PER_MU.ordinal();
    for (GroupResult zone : r.industrialGroups.get(Level.zone).values()) {
      double num = 0;
      double den = 0;
      int parcels = 0;
      for (EfficiencyResult.ParcelResult p : r.parcels) {
        if (zone.id().equals(p.parcel().zone()) && p.parcel().landUseCode().startsWith("1001")) {
          num += p.num()[k];
          den += p.den()[k];
          parcels++;
        }
      }
      assertEquals(parcels, zone.parcels(), zone.id());
      assertEquals(num / den, zone.value(Indicator.TAX_PER_MU), 1e-9 * (num / den), zone.id());
      assertTrue(zone.parcels() < r.groups.get(Level.zone).get(zone.id()).parcels(), "other land uses are left out");
    }
  }
}
