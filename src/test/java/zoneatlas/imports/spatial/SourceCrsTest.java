package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import zoneatlas.geo.Geodesy;

/**
 * Coordinates land where PROJ puts them. The reference values are gdaltransform's (GDAL 3.6 /
 * PROJ 9, Debian gdal-bin), e.g. {@code echo 113.83 34.65 | gdaltransform -s_srs EPSG:4490
 * -t_srs EPSG:4547 -output_xy} → 484415.212643817 3835777.96580698.
 */
class SourceCrsTest {
  private static final GeometryFactory GF = new GeometryFactory();

  /** {lon, lat, srid, x, y} from gdaltransform. */
  private static final double[][] PROJ = {
    {113.83, 34.65, 4547, 484415.212643817, 3835777.96580698},
    {113.83, 34.65, 4526, 38484415.2126438, 3835777.96580698},
    {113.83, 34.65, 4546, 759478.329817499, 3839410.02900191},
    {116.4, 39.9, 4498, 20448688.8557344, 4418598.00125859},
    {116.4, 39.9, 4509, 448688.855734416, 4418598.00125859},
    {113.83, 34.65, 32649, 759374.538484198, 3837874.26509536},
  };

  @Test
  void gaussKrugerAndUtmCoordinatesLandWithinOneCentimetreOfProj() {
    for (double[] p : PROJ) {
      Reprojector r = Reprojector.decide(SourceCrs.ofEpsg((int) p[2]), "test", List.of(point(p[3], p[4])), false);
      Coordinate c = r.toLonLat(point(p[3], p[4])).getCoordinate();
      double m = Geodesy.distanceM(c.x, c.y, p[0], p[1]);
      assertTrue(m < 0.01, "EPSG:" + (int) p[2] + " is off by " + m + " m");
    }
  }

  @Test
  void zonePrefixIsStrippedOrAddedToFitTheCrs() {
    // EPSG:4547 has no prefix, yet a zone-38 easting is the same place; EPSG:4526 has one, yet a bare easting is too
    Reprojector noPrefix = Reprojector.decide(SourceCrs.ofEpsg(4547), "test", List.of(point(38484415.2126438, 3835777.96580698)), false);
    Reprojector prefixed = Reprojector.decide(SourceCrs.ofEpsg(4526), "test", List.of(point(484415.212643817, 3835777.96580698)), false);
    for (Coordinate c : new Coordinate[] {
      noPrefix.toLonLat(point(38484415.2126438, 3835777.96580698)).getCoordinate(),
      prefixed.toLonLat(point(484415.212643817, 3835777.96580698)).getCoordinate()}) {
      assertTrue(Geodesy.distanceM(c.x, c.y, 113.83, 34.65) < 0.01, c.toString());
    }
  }

  @Test
  void aZonePrefixThatContradictsTheCentralMeridianIsRefusedPerFeature() {
    Reprojector r = Reprojector.decide(SourceCrs.ofEpsg(4547), "test", List.of(point(37484415.2, 3835777.9)), false);
    var e = assertThrows(Reprojector.CoordinateProblem.class, () -> r.toLonLat(point(37484415.2, 3835777.9)));
    assertTrue(e.getMessage().contains("zone prefix 37"), e.getMessage());
  }

  @Test
  void esriPrjOfTheShapefileIsIdentifiedAsEpsg4547() throws Exception {
    SourceCrs c = SourceCrs.ofWkt(prj(), "file");
    assertEquals(4547, c.epsg);
    assertEquals(114.0, c.gk.centralMeridian());
    assertEquals(0, c.gk.crsPrefix());
  }

  @Test
  void zonedEsriNameWithPrefixedFalseEastingIsEpsg4526() {
    String wkt = prj().replace("CGCS2000_3_Degree_GK_CM_114E", "CGCS2000_3_Degree_GK_Zone_38")
        .replace("PARAMETER[\"False_Easting\",500000.0]", "PARAMETER[\"False_Easting\",38500000.0]");
    assertEquals(4526, SourceCrs.ofWkt(wkt, "file").epsg);
  }

  @Test
  void prefixesNameTheirZones() {
    assertEquals(4526, SourceCrs.codeForPrefix(38));
    assertEquals(4513, SourceCrs.codeForPrefix(25));
    assertEquals(4498, SourceCrs.codeForPrefix(20));
    assertNull(SourceCrs.codeForPrefix(24));
  }

  @Test
  void xian1980AndBeijing1954AreRefusedNamingTheDatum() {
    var xian = assertThrows(ImportFailure.class, () -> SourceCrs.ofEpsg(2383));
    assertEquals("srs", xian.parameter);
    assertTrue(xian.getMessage().contains("Xian 1980"), xian.getMessage());
    var beijing = assertThrows(ImportFailure.class, () -> SourceCrs.parse("EPSG:2437", "srs"));
    assertTrue(beijing.getMessage().contains("Beijing 1954"), beijing.getMessage());
  }

  @Test
  void srsSpellingsAreUnderstood() {
    assertEquals(4547, SourceCrs.parse("urn:ogc:def:crs:EPSG::4547", "srs").epsg);
    assertEquals(4547, SourceCrs.parse("http://www.opengis.net/def/crs/EPSG/0/4547", "srs").epsg);
    assertEquals(4547, SourceCrs.parse("epsg:4547", "srs").epsg);
    assertEquals(4326, SourceCrs.parse("urn:ogc:def:crs:OGC:1.3:CRS84", "srs").epsg);
    assertThrows(ImportFailure.class, () -> SourceCrs.parse("Gauss", "srs"));
  }

  static Geometry point(double x, double y) {
    return GF.createPoint(new Coordinate(x, y));
  }

  static String prj() {
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(ImportFixtures.bytes("parcels_gbk_4547.zip")))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (e.getName().endsWith(".prj")) {
          return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no .prj in the fixture");
  }
}
