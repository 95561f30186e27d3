package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;

/**
 * What a user sees of the places they draw, at the edges the other tests leave: a circle's
 * database prefilter never drops a parcel that reaches the circle, a refused area says how big it
 * was, a position out of range is quoted as it was sent, and distance limits keep their decimals.
 */
class SiteShapesRulesTest {
  static final ObjectMapper M = new ObjectMapper();

  @Test
  void aCirclesPrefilterHoldsEveryPointOfTheCircle() {
    for (double r : new double[] {10_000, 50_000}) {
      Shapes.Circle c = Shapes.circle(113.7, 34.7, r);
      // midway between two vertices of the 256-gon, where its edges cut deepest into the circle
      for (int i = 0; i < Shapes.CIRCLE_VERTICES; i += 16) {
        double az = 360.0 * (i + 0.5) / Shapes.CIRCLE_VERTICES;
        double[] p = Geodesy.destination(113.7, 34.7, az, r);
        assertTrue(c.prefilter().covers(Shapes.GF.createPoint(new Coordinate(p[0], p[1]))),
            "r " + r + ", bearing " + az + ": a parcel touching the circle there must reach the selection");
      }
    }
  }

  @Test
  void anAreaTooLargeToQuerySaysHowLargeItWas() throws Exception {
    String json = "{\"type\":\"Polygon\",\"coordinates\":[" + SiteRulesTest.ring(113, 34, 1.05) + "]}";
    ApiError e = assertThrows(ApiError.class, () -> Shapes.polygon("geometry", M.readTree(json), 10));
    double km2 = Geodesy.areaM2(Shapes.GF.createPolygon(new Coordinate[] {new Coordinate(113, 34), new Coordinate(114.05, 34),
        new Coordinate(114.05, 35.05), new Coordinate(113, 35.05), new Coordinate(113, 34)})) / 1e6;
    assertTrue(km2 > 10_000 && km2 < 12_000, "about 11,000 km²: " + km2);
    assertTrue(e.getMessage().contains(String.format(Locale.ROOT, "encloses %.0f km²; at most 10000 km²", km2)), e.getMessage());
  }

  @Test
  void aPositionOutsideTheAreaServedIsQuotedAsSent() throws Exception {
    ApiError whole = assertThrows(ApiError.class, () -> Shapes.polygon("geometry", M.readTree(
        "{\"type\":\"Polygon\",\"coordinates\":[[[113,34],[140,34],[113,35],[113,34]]]}"), 10));
    assertTrue(whole.getMessage().contains("ring 1, position 2 [140, 34] is outside the area served"), whole.getMessage());
    ApiError frac = assertThrows(ApiError.class, () -> Shapes.polygon("geometry", M.readTree(
        "{\"type\":\"Polygon\",\"coordinates\":[[[113,34],[113.5,34],[113,-0.25],[113,34]]]}"), 10));
    assertTrue(frac.getMessage().contains("position 3 [113, -0.25] is outside"), frac.getMessage());
    assertFalse(frac.getMessage().contains("113.0"), frac.getMessage());
  }

  @Test
  void theConfiguredLimitsAreReadInTheirUnits() {
    SitesService.Limits l = SitesService.Limits.from(zoneatlas.config.Config.of(java.util.Map.of("sites.nearest.max.km", "40",
        "sites.result.limit", "7", "sites.candidates.max", "900", "sites.polygon.max.vertices", "60")));
    assertEquals(40_000.0, l.nearestMaxM(), "kilometres in the file, metres in the searches");
    assertEquals(7, l.results());
    assertEquals(900, l.candidates());
    assertEquals(60, l.maxVertices());
  }

  @Test
  void aFigureHalfAHundredthFromAWholeNumberKeepsItsDecimals() {
    // a 5 m distance limit is 0.005 km: said as 0.01 km, not 0 km
    assertEquals("0.01", StandardLand.fmt(0.005));
    assertEquals("0", StandardLand.fmt(0.004));
    assertEquals("1", StandardLand.fmt(1.0049));
    assertEquals("1.01", StandardLand.fmt(1.006));
  }
}
