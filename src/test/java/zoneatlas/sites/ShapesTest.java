package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.ApiError;

class ShapesTest {
  static final ObjectMapper M = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  static ApiError refused(String geojson) throws Exception {
    JsonNode n = json(geojson);
    return assertThrows(ApiError.class, () -> Shapes.polygon("geometry", n, 10));
  }

  @Test
  void aBowTieIsRefusedWithTheCrossingPoint() throws Exception {
    ApiError e = refused("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.71],[113.71,34.7],[113.7,34.71],[113.7,34.7]]]}");
    assertEquals("geometry", e.parameter);
    assertTrue(e.getMessage().startsWith("geometry: self-intersection at 113.7050000,34.7050000"), e.getMessage());
  }

  @Test
  void openRingsTooManyVerticesAndOutOfRangePositionsAreNamed() throws Exception {
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.71,34.71],[113.7,34.71]]]}")
        .getMessage().contains("not closed"));
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.72,34.7],[113.73,34.7],[113.74,34.7],"
        + "[113.75,34.7],[113.75,34.71],[113.74,34.71],[113.73,34.71],[113.72,34.71],[113.7,34.7]]]}").getMessage()
        .contains("more than 10 vertices"));
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[213.7,34.7],[113.71,34.7],[113.71,34.71],[213.7,34.7]]]}")
        .getMessage().contains("ring 1, position 1 [213.7, 34.7] is outside the area served"));
    assertTrue(refused("{\"type\":\"LineString\",\"coordinates\":[[113.7,34.7],[113.71,34.7]]}").getMessage()
        .contains("type must be Polygon or MultiPolygon"));
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.7,34.7]]]}").getMessage()
        .contains("at least 4"));
    assertTrue(refused("{\"type\":\"Polygon\",\"coordinates\":[[[113.7,\"x\"],[113.71,34.7],[113.71,34.71],[113.7,34.7]]]}")
        .getMessage().contains("must be [longitude, latitude] numbers"));
  }

  @Test
  void aFeatureWrappingAPolygonIsAccepted() throws Exception {
    Shapes.Area a = Shapes.polygon("geometry", json("{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
        + "{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.71,34.71],[113.7,34.71],[113.7,34.7]]]}}"), 10);
    assertEquals(5, a.geom().getNumPoints());
  }

  @Test
  void radiiAndCoordinatesOutsideTheirRangesAreRefused() {
    assertEquals("radius_m", assertThrows(ApiError.class, () -> Shapes.radius("radius_m", 50_001)).parameter);
    assertThrows(ApiError.class, () -> Shapes.radius("radius_m", 0.5));
    assertTrue(assertThrows(ApiError.class, () -> Shapes.lon("lon", 181)).getMessage().contains("-180..180"));
    assertTrue(assertThrows(ApiError.class, () -> Shapes.lon("lon", 10)).getMessage().contains("outside the area served"));
    assertTrue(assertThrows(ApiError.class, () -> Shapes.lat("lat", -91)).getMessage().contains("-90..90"));
    assertThrows(ApiError.class, () -> Shapes.number("lon", "NaN"));
  }

  @Test
  void aCirclesClippingPolygonFallsShortOfItsAreaByAboutAHundredthOfAPercent() {
    Shapes.Circle c = Shapes.circle(113.7, 34.7, 1000);
    double disc = Math.PI * 1000 * 1000;
    double polygon = Geodesy.areaM2(c.polygon());
    assertTrue(polygon < disc);
    assertEquals(disc, polygon, disc * 1.1e-4);
    assertTrue(c.outer().covers(c.polygon()));
  }
}
