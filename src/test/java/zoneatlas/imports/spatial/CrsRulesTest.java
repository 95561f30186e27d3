package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.imports.spatial.SourceCrsTest.point;

import java.util.List;
import java.util.Set;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

/**
 * How a file's coordinate system is settled when the file is vague (survivors of a PIT run over
 * Reprojector and SourceCrs): how many coordinates must agree before a Gauss-Kruger zone is
 * guessed from the eastings' prefix, what the note tells the land officer, which EPSG code a
 * Gauss-Kruger definition gets from its parameters alone, and which zone prefixes it accepts.
 */
class CrsRulesTest {
  /** (northing-first) a point of zone 38 with its prefix, and the same without it */
  static final double[] ZONED = {38484415.2, 3835777.9};
  static final double[] PLAIN = {484415.2, 3835777.9};

  // ---- Reprojector: deciding from the coordinates

  @Test
  void aZoneIsGuessedOnlyWhenMostCoordinatesAreGaussKrugerWithThatPrefix() {
    // one Gauss-Kruger coordinate in two is not "most": the system is not guessed at all
    ImportFailure half = assertThrows(ImportFailure.class,
        () -> Reprojector.decide(null, null, List.of(point(ZONED[0], ZONED[1]), point(5000, 5000)), false));
    assertEquals("srs", half.parameter);
    assertTrue(half.getMessage().contains("cannot tell"), half.getMessage());
    // all Gauss-Kruger, but only half carry the prefix: projected metres, zone not guessed
    ImportFailure prefix = assertThrows(ImportFailure.class,
        () -> Reprojector.decide(null, null, List.of(point(ZONED[0], ZONED[1]), point(PLAIN[0], PLAIN[1])), false));
    assertEquals("srs", prefix.parameter);
    assertTrue(prefix.getMessage().contains("projected metres"), prefix.getMessage());
    // two in three with the prefix: zone 38
    Reprojector r = Reprojector.decide(null, null,
        List.of(point(ZONED[0], ZONED[1]), point(ZONED[0] + 10, ZONED[1]), point(PLAIN[0], PLAIN[1])), false);
    assertEquals(4526, r.crs.epsg);
    assertFalse(r.swapAxes);
  }

  @Test
  void theDetectionNoteNamesZoneWidthAndCentralMeridian() {
    Reprojector three = Reprojector.decide(null, null, List.of(point(ZONED[0], ZONED[1])), false);
    assertTrue(three.notes.get(0).contains("3-degree Gauss-Kruger zone 38 (EPSG:4526, central meridian 114°E)"), three.notes.toString());
    assertTrue(three.notesZh.get(0).contains("3 度带第 38 带（EPSG:4526，中央经线 114°E）"), three.notesZh.toString());
    assertEquals(1, three.notes.size(), "easting first: no surveying-order note");
    // the westernmost 3-degree zone is 25 (75°E)
    Reprojector west = Reprojector.decide(null, null, List.of(point(25500000, 4429000)), false);
    assertEquals(4513, west.crs.epsg);
    assertTrue(west.notes.get(0).contains("3-degree Gauss-Kruger zone 25 (EPSG:4513, central meridian 75°E)"), west.notes.toString());
    assertTrue(west.notesZh.get(0).contains("3 度带第 25 带（EPSG:4513，中央经线 75°E）"), west.notesZh.toString());
    // 6-degree zone 20 is at 117°E
    Reprojector six = Reprojector.decide(null, null, List.of(point(20448688.8557344, 4418598.00125859)), false);
    assertTrue(six.notes.get(0).contains("6-degree Gauss-Kruger zone 20 (EPSG:4498, central meridian 117°E)"), six.notes.toString());
    assertTrue(six.notesZh.get(0).contains("6 度带第 20 带（EPSG:4498，中央经线 117°E）"), six.notesZh.toString());
  }

  @Test
  void aDetectedZoneInSurveyingOrderSaysItReadXAsNorthing() {
    Reprojector r = Reprojector.decide(null, null, List.of(point(ZONED[1], ZONED[0])), true);
    assertTrue(r.swapAxes);
    assertEquals(2, r.notes.size(), r.notes.toString());
    assertTrue(r.notes.get(1).contains("X holds northings"), r.notes.toString());
    assertTrue(r.notesZh.get(1).contains("纵坐标"), r.notesZh.toString());
  }

  @Test
  void underAGivenGaussKrugerCrsAxesAreSwappedOnlyWhenMostRowsAreNorthingFirst() {
    SourceCrs gk = SourceCrs.ofEpsg(4547);
    // coordinates of neither order are read as written
    assertFalse(Reprojector.decide(gk, "the srs parameter", List.of(point(5000, 5000)), true).swapAxes);
    // a tie is read as written
    assertFalse(Reprojector.decide(gk, "the srs parameter",
        List.of(point(PLAIN[0], PLAIN[1]), point(PLAIN[1], PLAIN[0])), true).swapAxes);
    assertTrue(Reprojector.decide(gk, "the srs parameter", List.of(point(PLAIN[1], PLAIN[0])), true).swapAxes);
  }

  @Test
  void aGivenCrsIsRefusedOnlyWhenMostCoordinatesContradictIt() {
    List<org.locationtech.jts.geom.Geometry> half = List.of(point(113.83, 34.65), point(PLAIN[0], PLAIN[1]));
    assertEquals(4490, Reprojector.decide(SourceCrs.ofEpsg(4490), "the srs parameter", half, false).crs.epsg);
    assertEquals(4547, Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", half, false).crs.epsg);
    List<org.locationtech.jts.geom.Geometry> most = List.of(point(113.83, 34.65), point(113.84, 34.65), point(PLAIN[0], PLAIN[1]));
    ImportFailure e = assertThrows(ImportFailure.class, () -> Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", most, false));
    assertTrue(e.getMessage().contains("longitude/latitude degrees"), e.getMessage());
    assertTrue(e.messageZh.contains("所选"), e.messageZh);
  }

  @Test
  void anEightDigitEastingCarriesAZonePrefixEvenAtExactlyTenMillion() {
    Reprojector r = Reprojector.decide(SourceCrs.ofEpsg(4547), "the srs parameter", List.of(), false);
    Reprojector.CoordinateProblem p = assertThrows(Reprojector.CoordinateProblem.class,
        () -> r.toLonLat(point(10_000_000, PLAIN[1])));
    assertTrue(p.getMessage().contains("zone prefix 10"), p.getMessage());
    assertTrue(p.zh.contains("带号 10"), p.zh);
  }

  private static String refusal(double x, double y) {
    return assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(x, y)), false)).getMessage();
  }

  @Test
  void chinasEdgesInDegreesAreInsideEitherWayRound() {
    assertEquals(4490, Reprojector.decide(null, null, List.of(point(73, 3)), false).crs.epsg);
    assertEquals(4490, Reprojector.decide(null, null, List.of(point(136, 54)), false).crs.epsg);
    assertTrue(refusal(3, 73).contains("swapped"), refusal(3, 73));
    assertTrue(refusal(54, 136).contains("swapped"), refusal(54, 136));
    // degree-sized up to 180 either sign: degrees, but not in China
    assertTrue(refusal(-180, 180).contains("look like degrees but none lies in China"), refusal(-180, 180));
    assertTrue(refusal(180.5, 50).contains("cannot tell"), refusal(180.5, 50));
  }

  @Test
  void gaussKrugerEastingsLieWithin400KmOfTheMeridianAndNorthingsWithinChina() {
    // with a zone prefix: 100 km to 900 km after it, inclusive
    assertEquals(4526, Reprojector.decide(null, null, List.of(point(38100000, PLAIN[1])), false).crs.epsg);
    assertEquals(4526, Reprojector.decide(null, null, List.of(point(38900000, PLAIN[1])), false).crs.epsg);
    assertTrue(refusal(38099999, PLAIN[1]).contains("cannot tell"), refusal(38099999, PLAIN[1]));
    assertTrue(refusal(38900001, PLAIN[1]).contains("cannot tell"), refusal(38900001, PLAIN[1]));
    // without one
    for (double[] ok : new double[][] {{100000, PLAIN[1]}, {900000, PLAIN[1]}, {PLAIN[0], 1_000_000}, {PLAIN[0], 6_100_000}}) {
      assertTrue(refusal(ok[0], ok[1]).contains("projected metres"), refusal(ok[0], ok[1]));
    }
    for (double[] no : new double[][] {{99999, PLAIN[1]}, {900001, PLAIN[1]}, {PLAIN[0], 999_999}, {PLAIN[0], 6_100_001}}) {
      assertTrue(refusal(no[0], no[1]).contains("cannot tell"), refusal(no[0], no[1]));
    }
  }

  @Test
  void swappedAxesInAGisFileAreTheFilesFaultAndInATableTheMappings() {
    ImportFailure gis = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(34.65, 113.83)), false));
    assertEquals("file", gis.parameter);
    assertTrue(gis.getMessage().startsWith("file: ") && gis.getMessage().contains("fix it in the GIS"), gis.getMessage());
    assertTrue(gis.messageZh.contains("GIS 软件"), gis.messageZh);
    ImportFailure table = assertThrows(ImportFailure.class, () -> Reprojector.decide(null, null, List.of(point(34.65, 113.83)), true));
    assertEquals("lon", table.parameter);
    assertTrue(table.getMessage().startsWith("lon: ") && table.getMessage().contains("map lon="), table.getMessage());
    assertTrue(table.messageZh.contains("“经度”对应到经度列"), table.messageZh);
  }

  @Test
  void theOrderIsJudgedByTheFirst200000Coordinates() {
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    org.locationtech.jts.geom.Coordinate[] lonLat = new org.locationtech.jts.geom.Coordinate[100_000];
    java.util.Arrays.fill(lonLat, new org.locationtech.jts.geom.Coordinate(113.83, 34.65));
    org.locationtech.jts.geom.Coordinate[] latLon = new org.locationtech.jts.geom.Coordinate[100_001];
    java.util.Arrays.fill(latLon, new org.locationtech.jts.geom.Coordinate(34.65, 113.83));
    List<org.locationtech.jts.geom.Geometry> sample = List.of(gf.createMultiPointFromCoords(lonLat),
        gf.createMultiPointFromCoords(latLon), point(34.65, 113.83));
    assertEquals(4490, Reprojector.decide(null, null, sample, false).crs.epsg);
  }

  // ---- SourceCrs: codes from parameters

  /** The fixture's ESRI .prj renamed, with another central meridian and false easting, parsed without any lookup. */
  static CoordinateReferenceSystem esri(String name, String cm, double falseEasting) throws Exception {
    return CRS.parseWKT(SourceCrsTest.prj().replace("CGCS2000_3_Degree_GK_CM_114E", name)
        .replace("PARAMETER[\"Central_Meridian\",114.0]", "PARAMETER[\"Central_Meridian\"," + cm + "]")
        .replace("PARAMETER[\"False_Easting\",500000.0]", "PARAMETER[\"False_Easting\"," + falseEasting + "]"));
  }

  @Test
  void zonePrefixedDefinitionsGetTheirZonesCodeAtTheEdgesOfBothFamilies() throws Exception {
    assertEquals(4513, SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_Zone_25", "75.0", 25500000)));
    assertEquals(4533, SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_Zone_45", "135.0", 45500000)));
    assertEquals(4491, SourceCrs.chinaCode(esri("CGCS2000_GK_Zone_13", "75.0", 13500000)));
    assertEquals(4501, SourceCrs.chinaCode(esri("CGCS2000_GK_Zone_23", "135.0", 23500000)));
    // a prefix that does not match the meridian names no zone
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_Zone_38", "117.0", 38500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_GK_Zone_20", "114.0", 20500000)));
  }

  @Test
  void definitionsWithoutPrefixAreTold3Or6DegreeByTheirName() throws Exception {
    assertEquals(4502, SourceCrs.chinaCode(esri("CGCS2000_GK_CM_75E", "75.0", 500000)));
    assertEquals(4509, SourceCrs.chinaCode(esri("CGCS2000_GK_CM_117E", "117.0", 500000)));
    assertEquals(4512, SourceCrs.chinaCode(esri("CGCS2000_GK_CM_135E", "135.0", 500000)));
    assertEquals(4534, SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_75E", "75.0", 500000)));
    assertEquals(4548, SourceCrs.chinaCode(esri("CGCS2000_3-Degree_GK_CM_117E", "117.0", 500000)));
    assertEquals(4554, SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_135E", "135.0", 500000)));
    // a 6-degree name on a meridian no 6-degree zone has is a 3-degree zone
    assertEquals(4547, SourceCrs.chinaCode(esri("CGCS2000_GK_CM_114E", "114.0", 500000)));
    // meridians outside China or between zones have no code
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_72E", "72.0", 500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_138E", "138.0", 500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_GK_CM_69E", "69.0", 500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_GK_CM_141E", "141.0", 500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_116E", "116.0", 500000)));
    assertNull(SourceCrs.chinaCode(esri("CGCS2000_3_Degree_GK_CM_114_5E", "114.5", 500000)));
  }

  @Test
  void zonePrefixesOfMeridiansOutsideChinaAreNone() throws Exception {
    for (String cm : List.of("69.0", "72.0", "138.0", "141.0")) {
      assertEquals(Set.of(), SourceCrs.gaussKruger(esri("x", cm, 500000)).prefixes(), cm);
    }
    assertEquals(Set.of(), SourceCrs.gaussKruger(esri("x", "114.5", 500000)).prefixes());
    // a false easting that is no whole zone prefix is no Gauss-Kruger zone of China
    assertNull(SourceCrs.gaussKruger(esri("x", "114.0", 400000)));
    assertNull(SourceCrs.gaussKruger(esri("x", "114.0", 38400000)));
  }

  @Test
  void aCgcs2000ProjectionThatIsNotTransverseMercatorHasNoZone() throws Exception {
    CoordinateReferenceSystem lambert = CRS.parseWKT("PROJCS[\"CGCS2000_Lambert\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
        + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
        + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",500000.0],"
        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Standard_Parallel_1\",30.0],"
        + "PARAMETER[\"Standard_Parallel_2\",40.0],PARAMETER[\"Latitude_Of_Origin\",35.0],UNIT[\"Meter\",1.0]]");
    assertEquals("CGCS2000", SourceCrs.datumName(lambert));
    assertNull(SourceCrs.gaussKruger(lambert));
    assertNull(SourceCrs.chinaCode(lambert));
  }

  @Test
  void aLocalGridHasNoDatumAndIsRefused() throws Exception {
    CoordinateReferenceSystem local = CRS.parseWKT("LOCAL_CS[\"site grid\",LOCAL_DATUM[\"site\",0],UNIT[\"metre\",1.0],"
        + "AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]");
    assertEquals("unknown", SourceCrs.datumName(local));
    assertNull(SourceCrs.chinaCode(local));
  }

  @Test
  void aPrjTextIsReadAsItsCrsOnceAndThenRemembered() {
    String prj = SourceCrsTest.prj();
    SourceCrs first = SourceCrs.parse(prj, "file");
    assertEquals(4547, first.epsg);
    assertSame(first, SourceCrs.ofWkt(prj, "file"));
    assertEquals(4547, SourceCrs.ofWkt(prj, "file").epsg);
  }
}
