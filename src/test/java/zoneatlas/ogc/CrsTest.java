package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.http.ApiError;

class CrsTest {
  @Test
  void urisCuriesAndShortNamesAllNameTheSameCrs() {
    assertEquals(Crs.Def.EPSG_4547, Crs.parse("crs", "http://www.opengis.net/def/crs/EPSG/0/4547"));
    assertEquals(Crs.Def.EPSG_4547, Crs.parse("crs", "[EPSG:4547]"));
    assertEquals(Crs.Def.EPSG_4547, Crs.parse("crs", "epsg:4547"));
    assertEquals(Crs.Def.CRS84, Crs.parse("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    assertEquals(Crs.Def.EPSG_4490, Crs.parse("crs", "EPSG:4490"));
    assertNull(Crs.parse("crs", null));
  }

  @Test
  void anUnsupportedCrsIsA400NamingTheParameter() {
    ApiError e = assertThrows(ApiError.class, () -> Crs.parse("bbox-crs", "EPSG:32650"));
    assertEquals(400, e.status);
    assertEquals("bbox-crs", e.parameter);
    assertTrue(e.getMessage().contains("EPSG/0/4547"));
  }

  @Test
  void latLonBboxesAreSwappedNotTransformed() {
    assertArrayEquals(new double[] {113.6, 34.7, 113.8, 34.9},
        Crs.geographicBbox(new double[] {34.7, 113.6, 34.9, 113.8}, Crs.Def.EPSG_4490), 0);
    assertArrayEquals(new double[] {113.6, 34.7, 113.8, 34.9},
        Crs.geographicBbox(new double[] {113.6, 34.7, 113.8, 34.9}, Crs.Def.CRS84), 0);
  }

  @Test
  void aGaussKrugerBboxBecomesADensifiedLonLatPolygon() {
    // northing, easting around 113.7E 34.7N; a 4 km square
    Geometry g = Crs.bboxToStorage(new double[] {3841000, 472000, 3845000, 476000}, Crs.Def.EPSG_4547);
    assertEquals(4490, g.getSRID());
    Envelope e = g.getEnvelopeInternal();
    assertTrue(e.getMinX() > 113.69 && e.getMaxX() < 113.75, e.toString());
    assertTrue(e.getMinY() > 34.69 && e.getMaxY() < 34.75, e.toString());
    // 4 km edges cut at 500 m: 8 segments each, 33 points with the closing one
    assertEquals(33, g.getNumPoints());
  }

  @Test
  void webMercatorInputIsTransformedToo() {
    Geometry g = Crs.toStorage(new org.locationtech.jts.geom.GeometryFactory()
        .createPoint(new org.locationtech.jts.geom.Coordinate(12657026.103195205, 4123186.709668859)), Crs.Def.EPSG_3857);
    assertEquals(113.7, g.getCoordinate().x, 1e-7);
    assertEquals(34.7, g.getCoordinate().y, 1e-7);
  }
}
