package zoneatlas.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;

/**
 * Parcel totals of zones, core boards and parks, the same checks for both stores. Expectations
 * come from plain SQL over the demo data, so they hold whatever the generator made.
 */
abstract class SummaryContract {
  abstract SqlStore store();

  SummaryService service() {
    return new SummaryService(store());
  }

  String one(String sql, Object... params) throws SQLException {
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a row for " + sql);
        return rs.getString(1);
      }
    }
  }

  /** The parcel-richest feature of a plan layer, by the given parcel column. */
  String richest(String column) throws SQLException {
    return one("SELECT " + column + " FROM parcels WHERE " + column + " IS NOT NULL GROUP BY " + column
        + " ORDER BY COUNT(*) DESC, " + column + " LIMIT 1");
  }

  void assertTotalsMatch(SummaryService.Summary s, String column, String value) throws SQLException {
    long count = Long.parseLong(one("SELECT COUNT(*) FROM parcels WHERE " + column + " = ?", value));
    double m2 = Double.parseDouble(one("SELECT SUM(area_m2) FROM parcels WHERE " + column + " = ?", value));
    long ents = Long.parseLong(one("SELECT COUNT(DISTINCT lu.enterprise_id) FROM land_uses lu JOIN parcels p ON p.id = lu.parcel_id WHERE p."
        + column + " = ?", value));
    assertTrue(count > 0);
    assertEquals(count, s.parcels().count());
    assertEquals(m2 / Geodesy.M2_PER_MU, s.parcels().area_mu(), 0.01);
    assertEquals(m2 / 10_000, s.parcels().area_ha(), 0.01);
    assertEquals(ents, s.enterprises());
    assertEquals(count, s.by_land_use().stream().mapToLong(SummaryService.Group::count).sum());
    assertEquals(count, s.by_status().stream().mapToLong(SummaryService.Group::count).sum());
    assertEquals(1.0, s.by_land_use().stream().mapToDouble(SummaryService.Group::share).sum(), 0.001);
    assertEquals(s.parcels().area_mu(), s.by_status().stream().mapToDouble(SummaryService.Group::area_mu).sum(), 0.1);
    for (int i = 1; i < s.by_land_use().size(); i++) {
      assertTrue(s.by_land_use().get(i - 1).area_ha() >= s.by_land_use().get(i).area_ha(), "largest first");
    }
    assertTrue(s.synthetic());
  }

  @Test
  void industrialParkTotalsAreThoseOfItsParcels() throws SQLException {
    String park = richest("park");
    SummaryService.Summary s = service().summarize("industrial-parks", park).orElseThrow();
    assertTotalsMatch(s, "park", park);
    assertEquals(one("SELECT name_zh FROM plan_features WHERE id = ?", park), s.feature().name_zh());
  }

  @Test
  void landUseGroupsCarryCodeNameCountAndArea() throws SQLException {
    String park = richest("park");
    SummaryService.Summary s = service().summarize("industrial-parks", park).orElseThrow();
    Map<String, Long> expected = new TreeMap<>();
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT land_use_code, COUNT(*) FROM parcels WHERE park = ? GROUP BY land_use_code")) {
      ps.setString(1, park);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          expected.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    s.by_land_use().forEach(g -> actual.put(g.code(), g.count()));
    assertEquals(expected, actual);
    s.by_land_use().forEach(g -> assertFalse(g.name() == null || g.name().isBlank()));
  }

  @Test
  void coreBoardTotalsAreThoseOfItsParcels() throws SQLException {
    String board = richest("board");
    assertTotalsMatch(service().summarize("core-boards", board).orElseThrow(), "board", board);
  }

  @Test
  void smallMicroParkTotalsAreThoseOfItsParcels() throws SQLException {
    String smp = richest("small_micro_park");
    assertTotalsMatch(service().summarize("small-micro-parks", smp).orElseThrow(), "small_micro_park", smp);
  }

  @Test
  void developmentZoneTotalsAreThoseOfItsZoneCode() throws SQLException {
    String zone = richest("zone");
    String zoneId = one("SELECT id FROM plan_features WHERE layer = 'zones' AND kind = 'development_zone' AND zone = ?", zone);
    SummaryService.Summary s = service().summarize("zones", zoneId).orElseThrow();
    assertTotalsMatch(s, "zone", zone);
    assertTrue(s.method().contains("parcels.zone"), s.method());
  }

  @Test
  void spatialMatchAgreesWithTheZoneCodeForADevelopmentZone() throws SQLException {
    // the outline match used for districts, checked on a zone whose parcels all lie inside it
    String zone = richest("zone");
    String zoneId = one("SELECT id FROM plan_features WHERE layer = 'zones' AND kind = 'development_zone' AND zone = ?", zone);
    SummaryService.Summary byCode = service().summarize("zones", zoneId).orElseThrow();
    SummaryService.Summary byOutline = service().summarize("zones", zoneId, true).orElseThrow();
    assertTrue(byOutline.method().contains("outline"), byOutline.method());
    assertEquals(byCode.parcels().count(), byOutline.parcels().count());
    assertEquals(byCode.parcels().area_mu(), byOutline.parcels().area_mu(), 0.01);
    assertEquals(byCode.enterprises(), byOutline.enterprises());
  }

  @Test
  void featureFactsCarryPlannedAndDrawnArea() throws SQLException {
    String zone = richest("zone");
    String zoneId = one("SELECT id FROM plan_features WHERE layer = 'zones' AND kind = 'development_zone' AND zone = ?", zone);
    SummaryService.Summary s = service().summarize("zones", zoneId).orElseThrow();
    double m2 = Double.parseDouble(one("SELECT area_m2 FROM plan_features WHERE id = ?", zoneId));
    assertEquals(m2 / Geodesy.M2_PER_MU, s.feature().drawn_area_mu(), 0.01);
    assertEquals(m2 / 10_000, s.feature().drawn_area_ha(), 0.01);
  }

  @Test
  void unknownFeatureOrFeatureOfAnotherLayerIsEmpty() throws SQLException {
    assertTrue(service().summarize("industrial-parks", "no-such-park").isEmpty());
    String board = richest("board");
    assertTrue(service().summarize("industrial-parks", board).isEmpty(), "a board id is no park");
  }
}
