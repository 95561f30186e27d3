package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/**
 * What the GIS readers take from a file and what they refuse, without a store (survivors of a PIT
 * run over GeoJsonSource, GeoPackageSource and ShapefileSource): which layer is read, which CRS
 * the file names, attribute values as written, and a refusal that names the parameter to fix.
 */
class ReaderRulesTest {
  private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.701,34.7],"
      + "[113.701,34.701],[113.7,34.701],[113.7,34.7]]]}";

  private static SourceData geojson(String json) {
    return GeoJsonSource.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean chinese(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  // ---- GeoJSON

  @Test
  void geoJsonPropertiesKeepTheirTypesAndColumnsComeInFileOrder() {
    SourceData d = geojson("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"zddm\":\"A-1\",\"far\":1.5,\"n\":7,\"ok\":true,\"note\":null,"
        + "\"tags\":[1,2]},\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"properties\":{\"zddm\":\"A-2\",\"extra\":\"x\"},\"geometry\":null}]}");
    assertEquals(SourceFormat.GEOJSON, d.format());
    assertEquals(List.of("zddm", "far", "n", "ok", "note", "tags", "extra"), d.columns());
    assertEquals(2, d.features().size());
    Map<String, Object> a = d.features().get(0).attributes();
    assertEquals("A-1", a.get("zddm"));
    assertEquals(1.5, ((Number) a.get("far")).doubleValue());
    assertEquals(7, ((Number) a.get("n")).intValue());
    assertEquals(Boolean.TRUE, a.get("ok"));
    assertTrue(a.containsKey("note"));
    assertNull(a.get("note"));
    assertEquals("[1,2]", a.get("tags"));
    assertEquals(1, d.features().get(0).index());
    assertEquals(2, d.features().get(1).index());
    assertTrue(d.features().get(0).geometry() instanceof Polygon);
    assertNull(d.features().get(1).geometry(), "a null geometry is no geometry, not a problem");
    assertTrue(d.features().get(1).problems().isEmpty());
    assertNull(d.declaredCrs());
    assertNull(d.declaredBy());
  }

  @Test
  void aGeoJsonFeatureIdIsTheParcelIdUnlessAPropertyIsCalledId() {
    SourceData d = geojson("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"id\":\"F-1\",\"properties\":{\"a\":1},\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"id\":\"F-2\",\"properties\":{\"id\":\"P-2\"},\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"id\":null,\"properties\":{\"a\":3},\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"id\":42,\"geometry\":" + SQUARE + "}]}");
    assertEquals("F-1", d.features().get(0).attributes().get("id"));
    assertEquals("P-2", d.features().get(1).attributes().get("id"));
    assertTrue(!d.features().get(2).attributes().containsKey("id"), "a null feature id is no id");
    assertEquals(42, ((Number) d.features().get(3).attributes().get("id")).intValue());
    assertEquals(List.of("a", "id"), d.columns());
  }

  @Test
  void aSingleFeatureOrABareGeometryIsOneFeature() {
    SourceData f = geojson("{\"type\":\"Feature\",\"properties\":{\"zddm\":\"B\"},\"geometry\":" + SQUARE + "}");
    assertEquals(1, f.features().size());
    assertEquals("B", f.features().get(0).attributes().get("zddm"));
    for (String type : List.of("Polygon", "MultiPolygon", "Point", "LineString", "MultiPoint", "MultiLineString")) {
      String coords = switch (type) {
        case "Polygon" -> "[[[113.7,34.7],[113.701,34.7],[113.701,34.701],[113.7,34.7]]]";
        case "MultiPolygon" -> "[[[[113.7,34.7],[113.701,34.7],[113.701,34.701],[113.7,34.7]]]]";
        case "Point" -> "[113.7,34.7]";
        case "LineString", "MultiPoint" -> "[[113.7,34.7],[113.701,34.7]]";
        default -> "[[[113.7,34.7],[113.701,34.7]]]";
      };
      SourceData g = geojson("{\"type\":\"" + type + "\",\"coordinates\":" + coords + "}");
      assertEquals(1, g.features().size(), type);
      assertEquals(type, g.features().get(0).geometry().getGeometryType(), type);
      assertTrue(g.columns().isEmpty(), type);
    }
    SourceData gc = geojson("{\"type\":\"GeometryCollection\",\"geometries\":[" + SQUARE + "]}");
    assertEquals("GeometryCollection", gc.features().get(0).geometry().getGeometryType());
  }

  @Test
  void aGeoJsonThatIsNoFeatureCollectionIsRefusedNamingTheFile() {
    ImportFailure t = assertThrows(ImportFailure.class, () -> geojson("{\"type\":\"Topology\"}"));
    assertEquals("file", t.parameter);
    assertTrue(t.getMessage().contains("'Topology'"), t.getMessage());
    assertTrue(t.messageZh.contains("Topology") && chinese(t.messageZh), t.messageZh);
    ImportFailure none = assertThrows(ImportFailure.class, () -> geojson("{\"features\":[]}"));
    assertEquals("file", none.parameter);
    for (String notObject : List.of("[1,2]", "\"text\"", "null", "")) {
      ImportFailure e = assertThrows(ImportFailure.class, () -> geojson(notObject), notObject);
      assertEquals("file", e.parameter, notObject);
      assertTrue(chinese(e.messageZh), e.messageZh);
    }
  }

  @Test
  void brokenJsonSaysWhereInChinese() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> geojson("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}"));
    assertEquals("file", e.parameter);
    assertTrue(e.getMessage().startsWith("file: not valid JSON"), e.getMessage());
    assertTrue(e.messageZh.contains("第 3 行"), e.messageZh);
    assertTrue(e.messageZh.contains("列"), e.messageZh);
    ImportFailure first = assertThrows(ImportFailure.class, () -> geojson("{\"type\": }"));
    assertTrue(first.messageZh.contains("第 1 行"), first.messageZh);
  }

  @Test
  void aGeoJsonCrsMemberNamesTheFilesCrs() {
    SourceData d = geojson("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
        + "{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[]}");
    assertEquals("urn:ogc:def:crs:EPSG::4547", d.declaredCrs());
    assertEquals("the GeoJSON crs member", d.declaredBy());
    ImportFailure e = assertThrows(ImportFailure.class, () -> geojson("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":"
        + "\"link\",\"properties\":{\"href\":\"x\"}},\"features\":[]}"));
    assertEquals("file", e.parameter);
    assertTrue(e.getMessage().contains("crs member"), e.getMessage());
    SourceData notAnObject = geojson("{\"type\":\"FeatureCollection\",\"crs\":null,\"features\":[]}");
    assertNull(notAnObject.declaredCrs());
  }

  @Test
  void anUnreadableGeoJsonGeometryIsThatFeaturesProblem() {
    SourceData d = geojson("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"zddm\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"x\"}},"
        + "{\"type\":\"Feature\",\"properties\":{\"zddm\":\"B\"},\"geometry\":" + SQUARE + "}]}");
    SourceFeature bad = d.features().get(0);
    assertNull(bad.geometry());
    assertEquals(1, bad.problems().size());
    assertEquals("geometry", bad.problems().get(0).field());
    assertTrue(chinese(bad.problems().get(0).reasonZh()));
    assertTrue(d.features().get(1).problems().isEmpty());
    assertTrue(d.features().get(1).geometry() instanceof Polygon);
  }

  // ---- GeoPackage

  /** The fixture with a second feature table {@code zd2}: a copy of {@code zd} whose CRS row is {@code srsId}. */
  private static byte[] gpkgWithSecondTable(int srsId, String srsSql) throws Exception {
    Path tmp = Files.createTempFile("readerrules", ".gpkg");
    try {
      Files.write(tmp, ImportFixtures.bytes("parcels_4490.gpkg"));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp); Statement s = c.createStatement()) {
        String ddl;
        try (var rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE type='table' AND name='zd'")) {
          rs.next();
          ddl = rs.getString(1);
        }
        s.execute(ddl.replaceFirst("(?i)CREATE TABLE\\s+\"?zd\"?", "CREATE TABLE \"zd2\""));
        s.execute("INSERT INTO zd2 SELECT * FROM zd");
        if (srsSql != null) {
          for (String sql : srsSql.split("; ")) {
            s.execute(sql);
          }
        }
        s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y,"
            + " max_x, max_y, srs_id) SELECT 'zd2', data_type, 'zd2', description, last_change, min_x, min_y, max_x, max_y, "
            + srsId + " FROM gpkg_contents WHERE table_name = 'zd'");
        s.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)"
            + " SELECT 'zd2', column_name, geometry_type_name, " + srsId + ", z, m FROM gpkg_geometry_columns WHERE table_name = 'zd'");
      }
      return Files.readAllBytes(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Test
  void aGeoPackageLayerIsChosenByNameIgnoringCase() {
    SourceData d = GeoPackageSource.read(ImportFixtures.bytes("parcels_4490.gpkg"), "ZD");
    assertEquals("zd", d.layer());
    assertEquals(SourceFormat.GPKG, d.format());
    assertEquals("gpkg_spatial_ref_sys", d.declaredBy());
    assertEquals(3, d.features().size());
    assertEquals(List.of(1, 2, 3), d.features().stream().map(SourceFeature::index).toList());
    ImportFailure e = assertThrows(ImportFailure.class, () -> GeoPackageSource.read(ImportFixtures.bytes("parcels_4490.gpkg"), "zongdi"));
    assertEquals("layer", e.parameter);
    assertTrue(e.getMessage().contains("'zongdi'") && e.getMessage().contains("[zd]"), e.getMessage());
    assertTrue(e.messageZh.contains("zongdi") && e.messageZh.contains("zd"), e.messageZh);
  }

  @Test
  void aGeoPackageWithSeveralLayersAsksWhichAndReadsTheOneNamed() throws Exception {
    byte[] two = gpkgWithSecondTable(4490, null);
    ImportFailure e = assertThrows(ImportFailure.class, () -> GeoPackageSource.read(two, null));
    assertEquals("layer", e.parameter);
    assertTrue(e.getMessage().contains("zd") && e.getMessage().contains("zd2"), e.getMessage());
    assertTrue(e.messageZh.contains("zd2"), e.messageZh);
    SourceData d = GeoPackageSource.read(two, "zd2");
    assertEquals("zd2", d.layer());
    assertEquals(3, d.features().size());
    assertEquals("批而未供", d.features().get(2).attributes().get("TDZT"));
  }

  @Test
  void aGeoPackageCrsIsItsEpsgCodeItsWktOrNoneWhenUndefined() throws Exception {
    // an undefined system (srs_id 0 is "undefined geographic" in every GeoPackage)
    SourceData undefined = GeoPackageSource.read(gpkgWithSecondTable(0, null), "zd2");
    assertNull(undefined.declaredCrs());
    assertNull(undefined.declaredBy());
    // a custom system known only by its WKT
    String wkt = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,"
        + "298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
    SourceData custom = GeoPackageSource.read(gpkgWithSecondTable(990001, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
        + " organization, organization_coordsys_id, definition) VALUES ('custom', 990001, 'NONE', 990001, ' " + wkt + " ')"), "zd2");
    assertEquals(wkt, custom.declaredCrs());
    assertEquals("gpkg_spatial_ref_sys", custom.declaredBy());
    // an EPSG row written in lower case still names its code
    SourceData lower = GeoPackageSource.read(gpkgWithSecondTable(990002, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
        + " organization, organization_coordsys_id, definition) VALUES ('gk', 990002, 'epsg', 4547, 'undefined')"), "zd2");
    assertEquals("EPSG:4547", lower.declaredCrs());
    // an EPSG row without a code: a 400 naming the file, never an exception of the GeoPackage library
    byte[] noCode = gpkgWithSecondTable(990003, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
        + " organization, organization_coordsys_id, definition) VALUES ('none', 990003, 'EPSG', 0, ' Undefined ')");
    ImportFailure e = assertThrows(ImportFailure.class, () -> GeoPackageSource.read(noCode, "zd2"));
    assertEquals("file", e.parameter);
    assertTrue(e.messageZh.contains("zd2"), e.messageZh);
  }

  @Test
  void geoPackageTextIsTrimmedAndBinaryColumnsReadAsEmpty() throws Exception {
    SourceData d = GeoPackageSource.read(gpkgWithSecondTable(4490, "ALTER TABLE zd2 ADD COLUMN photo BLOB; "
        + "UPDATE zd2 SET photo = x'0102', TDZT = '  ' || TDZT || ' '"), "zd2");
    assertEquals("批而未供", d.features().get(2).attributes().get("TDZT"));
    assertTrue(d.columns().contains("photo"), d.columns().toString());
    assertTrue(d.features().get(0).attributes().containsKey("photo"));
    assertNull(d.features().get(0).attributes().get("photo"));
  }

  @Test
  void bytesThatAreNoGeoPackageAreRefusedNamingTheFile() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> GeoPackageSource.read("not a database".getBytes(StandardCharsets.UTF_8), null));
    assertEquals("file", e.parameter);
    assertTrue(chinese(e.messageZh), e.messageZh);
  }

  // ---- Shapefile

  private static Map<String, byte[]> fixture() throws Exception {
    return ShapefileAbuseTest.entries(ImportFixtures.bytes("parcels_gbk_4547.zip"));
  }

  private static String stem(Map<String, byte[]> entries) {
    return entries.keySet().stream().filter(n -> n.endsWith(".shp")).findFirst().orElseThrow().replace(".shp", "");
  }

  /** The fixture's parts renamed to {@code newStem}.*, plus {@code extra}. */
  private static Map<String, byte[]> renamed(Map<String, byte[]> entries, String newStem) {
    String old = stem(entries);
    Map<String, byte[]> m = new LinkedHashMap<>();
    entries.forEach((k, v) -> m.put(k.startsWith(old) ? newStem + k.substring(old.length()) : k, v));
    return m;
  }

  private static SourceData shp(Map<String, byte[]> entries, String layer) throws Exception {
    return ShapefileSource.read(ShapefileAbuseTest.zip(entries), layer, null, 100_000_000);
  }

  @Test
  void aZipWithSeveralShapefilesAsksWhichAndFindsItByNameOrPath() throws Exception {
    Map<String, byte[]> two = new LinkedHashMap<>(renamed(fixture(), "data/zongdi"));
    two.putAll(renamed(fixture(), "data/other"));
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(two, null));
    assertEquals("layer", e.parameter);
    assertTrue(e.getMessage().contains("data/zongdi") && e.getMessage().contains("data/other"), e.getMessage());
    assertTrue(e.messageZh.contains("data/zongdi"), e.messageZh);
    SourceData byName = shp(two, "ZONGDI");
    assertEquals("zongdi", byName.layer(), "the layer is named without its folder");
    assertEquals("zongdi.prj", byName.declaredBy());
    assertEquals("other", shp(two, "data/OTHER").layer());
    ImportFailure unknown = assertThrows(ImportFailure.class, () -> shp(two, "third"));
    assertEquals("layer", unknown.parameter);
    assertTrue(unknown.getMessage().contains("'third'"), unknown.getMessage());
    assertTrue(unknown.messageZh.contains("third"), unknown.messageZh);
  }

  @Test
  void aShapefileWithoutItsShxOrDbfIsRefusedNamingThePart() throws Exception {
    for (String part : List.of(".shx", ".dbf")) {
      Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
      m.remove("zongdi" + part);
      ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null), part);
      assertEquals("file", e.parameter);
      assertTrue(e.getMessage().contains("zongdi.shp comes without its " + part), e.getMessage());
      assertTrue(e.messageZh.contains(part), e.messageZh);
    }
  }

  @Test
  void anEmptyPrjNamesNoCrsAndMacFoldersAndHiddenFilesAreSkipped() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
    m.put("zongdi.prj", "  \n".getBytes(StandardCharsets.UTF_8));
    m.put("__MACOSX/zongdi.shp", new byte[] {1, 2, 3});
    m.put("._other.shp", new byte[] {1, 2, 3});
    m.put("readme.txt", new byte[] {1});
    SourceData d = shp(m, null);
    assertNull(d.declaredCrs());
    assertNull(d.declaredBy());
    assertEquals("zongdi", d.layer());
    assertEquals(3, d.features().size());
    assertEquals(List.of(1, 2, 3), d.features().stream().map(SourceFeature::index).toList());
    assertEquals(SourceFormat.SHP_ZIP, d.format());
    assertTrue(!d.columns().contains("pk") && !d.columns().contains("PK"), d.columns().toString());
  }

  @Test
  void aPrjOrCpgOfMoreThan64KbIsNoPrj() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
    byte[] big = new byte[64 * 1024 + 1];
    Arrays.fill(big, (byte) ' ');
    m.put("zongdi.prj", big);
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null));
    assertEquals("file", e.parameter);
    assertTrue(e.getMessage().contains("larger than 64 KB"), e.getMessage());
    Arrays.fill(big, 0, 64 * 1024, (byte) ' ');
    m.put("zongdi.prj", Arrays.copyOf(big, 64 * 1024));
    assertNull(shp(m, null).declaredCrs(), "exactly 64 KB of blanks is still read (and names nothing)");
  }

  @Test
  void aShapefileLargerThanTheLimitIsRefusedSayingWhichLimit() throws Exception {
    byte[] zip = ShapefileAbuseTest.zip(renamed(fixture(), "zongdi"));
    ImportFailure limit = assertThrows(ImportFailure.class, () -> ShapefileSource.read(zip, null, null, 1000));
    assertEquals("file", limit.parameter);
    assertTrue(limit.getMessage().contains("more than 1 MB") && limit.getMessage().contains("the import limit"), limit.getMessage());
    assertTrue(limit.messageZh.contains("导入大小上限"), limit.messageZh);
  }

  @Test
  void zipEntryNamesWrittenInGbkAreRead() throws Exception {
    Map<String, byte[]> m = renamed(fixture(), "宗地");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out, TextEncoding.GB18030)) {
      for (var e : m.entrySet()) {
        z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        z.write(e.getValue());
      }
    }
    // a Chinese Windows zip tool writes GBK names without the UTF-8 flag, as ZipOutputStream does for GB18030
    byte[] zip = out.toByteArray();
    SourceData d = ShapefileSource.read(zip, null, null, 100_000_000);
    assertEquals("宗地", d.layer());
    assertEquals(3, d.features().size());
  }

  @Test
  void aCpgNamesTheEncodingAndABlankOneIsIgnored() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
    m.put("zongdi.cpg", " GBK\r\n".getBytes(StandardCharsets.ISO_8859_1));
    SourceData gbk = shp(m, null);
    assertEquals("二类工业用地", gbk.features().get(0).attributes().get("地类名称"));
    assertTrue(gbk.notes().isEmpty(), "a .cpg needs no note");
    m.put("zongdi.cpg", "  ".getBytes(StandardCharsets.ISO_8859_1));
    SourceData blank = shp(m, null);
    assertEquals("GB18030", blank.encoding(), "a blank .cpg falls through to the bytes");
    assertEquals("二类工业用地", blank.features().get(0).attributes().get("地类名称"));
  }

  @Test
  void theDbfLanguageByteForGbkIsHonoured() throws Exception {
    for (int ldid : new int[] {0x4D, 0x7A}) {
      Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
      m.remove("zongdi.cpg");
      byte[] dbf = m.get("zongdi.dbf").clone();
      dbf[29] = (byte) ldid;
      m.put("zongdi.dbf", dbf);
      SourceData d = shp(m, null);
      assertEquals("GB18030", d.encoding());
      assertTrue(d.notes().get(0).contains("language byte"), d.notes().toString());
      assertTrue(chinese(d.notesZh().get(0)));
    }
  }

  @Test
  void damagedHeadersAndRecordsAreRefusedNamingThePart() throws Exception {
    Map<String, byte[]> good = renamed(fixture(), "zongdi");
    record Case(String part, java.util.function.UnaryOperator<byte[]> change, String says) {}
    List<Case> cases = List.of(
        new Case(".shx", b -> ShapefileAbuseTest.poke(b.clone(), 32, 1), "another shape type"),
        new Case(".shp", b -> Arrays.copyOf(b, 99), "shorter than a shapefile header"),
        new Case(".shp", b -> ShapefileAbuseTest.pokeBig(b.clone(), 0, 9995), "does not start as a shapefile"),
        new Case(".shp", b -> ShapefileAbuseTest.poke(b.clone(), 28, 1001), "header does not match its length"),
        new Case(".shx", b -> ShapefileAbuseTest.pokeBig(Arrays.copyOf(b, b.length + 4), 24, (b.length + 4) / 2),
            "not a header and whole 8-byte records"),
        new Case(".shx", b -> ShapefileAbuseTest.pokeBig(b.clone(), 100, 49), "points outside the .shp"),
        new Case(".shp", b -> ShapefileAbuseTest.poke(b.clone(), 108, 3), "has shape type 3 in a file of type 5"),
        new Case(".shp", b -> ShapefileAbuseTest.poke(b.clone(), 100 + 8 + 36, 0), "counts more parts or points"),
        new Case(".dbf", b -> Arrays.copyOf(b, 32), "shorter than a dBASE header"),
        new Case(".dbf", b -> pokeShort(b.clone(), 8, 32), "header does not match its length"),
        new Case(".dbf", b -> pokeShort(b.clone(), 10, 0), "header does not match its length"));
    for (Case k : cases) {
      Map<String, byte[]> m = ShapefileAbuseTest.with(good, "zongdi" + k.part(), k.change());
      ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null), k.says());
      assertEquals("file", e.parameter, k.says());
      assertTrue(e.getMessage().contains("the " + k.part() + " part") && e.getMessage().contains(k.says()),
          k.says() + " → " + e.getMessage());
    }
    // exactly the records the header says is fine
    assertEquals(3, shp(good, null).features().size());
  }

  @Test
  void theFileTypeMustBeOneAParcelShapefileCanHave() throws Exception {
    Map<String, byte[]> good = renamed(fixture(), "zongdi");
    Map<String, byte[]> m = ShapefileAbuseTest.with(ShapefileAbuseTest.with(good, "zongdi.shp",
        b -> ShapefileAbuseTest.poke(b.clone(), 32, 31)), "zongdi.shx", b -> ShapefileAbuseTest.poke(b.clone(), 32, 31));
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null));
    assertTrue(e.getMessage().contains("shape type 31 is not one"), e.getMessage());
  }

  @Test
  void shapefileFeaturesCarryTheirPolygonsAndTheGeometryIsNoAttribute() throws Exception {
    SourceData d = shp(renamed(fixture(), "zongdi"), null);
    for (SourceFeature f : d.features()) {
      assertTrue(f.geometry() instanceof org.locationtech.jts.geom.Polygon || f.geometry() instanceof org.locationtech.jts.geom.MultiPolygon,
          String.valueOf(f.geometry()));
      assertTrue(f.geometry().getEnvelopeInternal().getMinX() > 400_000, "still in the file's metres");
      assertTrue(f.attributes().values().stream().noneMatch(v -> v instanceof org.locationtech.jts.geom.Geometry));
    }
    assertEquals(List.of("宗地编号", "地类编码", "地类名称", "土地状态", "面积", "容积率", "供地年份", "备注"), d.columns());
  }

  @Test
  void aWrongEncodingNamesTheDatabasesOwnReason() {
    ImportFailure e = assertThrows(ImportFailure.class,
        () -> ShapefileSource.read(ImportFixtures.bytes("parcels_gbk_4547.zip"), null, "UTF-8", 100_000_000));
    assertTrue(e.getMessage().matches("(?s).*UTF-8 encoding \\([^)].*\\); if names look garbled.*"), e.getMessage());
  }

  @Test
  void aDbfTooShortForItsLanguageByteIsADamagedFileNotACrash() throws Exception {
    for (int n : new int[] {29, 30}) {
      Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
      m.remove("zongdi.cpg");
      m.put("zongdi.dbf", Arrays.copyOf(m.get("zongdi.dbf"), n));
      ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null), "n=" + n);
      assertEquals("file", e.parameter);
      assertTrue(e.getMessage().contains("the .dbf part"), e.getMessage());
    }
  }

  @Test
  void aDbfOfPlainAsciiWithoutCpgIsReadAsUtf8() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>(renamed(fixture(), "zongdi"));
    m.remove("zongdi.cpg");
    byte[] dbf = m.get("zongdi.dbf").clone();
    // every byte that is not ASCII becomes a letter (field names stay unique: they differ by position)
    for (int i = 32; i < dbf.length; i++) {
      if (dbf[i] < 0) {
        dbf[i] = (byte) ('a' + i % 26);
      }
    }
    m.put("zongdi.dbf", dbf);
    SourceData d = shp(m, null);
    assertEquals("UTF-8", d.encoding());
    assertTrue(d.notes().isEmpty(), d.notes().toString());
    assertEquals("410171-001", d.features().get(0).attributes().values().iterator().next());
  }

  @Test
  void aZipOfMoreThan10000EntriesIsRefused() throws Exception {
    for (int n : new int[] {10_000, 10_001}) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
        for (int i = 0; i < n; i++) {
          z.putNextEntry(new java.util.zip.ZipEntry("f" + i + ".txt"));
          z.closeEntry();
        }
      }
      ImportFailure e = assertThrows(ImportFailure.class, () -> ShapefileSource.read(out.toByteArray(), null, null, 100_000_000));
      assertEquals(n > 10_000, e.getMessage().contains("more than 10000 entries"), n + ": " + e.getMessage());
    }
  }

  @Test
  void everyUnzippedByteCountsAgainstTheLimitAndExactlyTheLimitIsRead() throws Exception {
    Map<String, byte[]> m = renamed(fixture(), "zongdi");
    long all = m.values().stream().mapToLong(b -> b.length).sum();
    byte[] zip = ShapefileAbuseTest.zip(m);
    assertEquals(3, ShapefileSource.read(zip, null, null, all).features().size());
    ImportFailure e = assertThrows(ImportFailure.class, () -> ShapefileSource.read(zip, null, null, all - 1));
    assertTrue(e.getMessage().contains("unzips to more than"), e.getMessage());
  }

  @Test
  void theShxIsCheckedRecordByRecord() throws Exception {
    Map<String, byte[]> good = renamed(fixture(), "zongdi");
    // the second record's offset, then its length, pointing past the .shp
    for (int at : new int[] {108, 112}) {
      Map<String, byte[]> m = ShapefileAbuseTest.with(good, "zongdi.shx", b -> ShapefileAbuseTest.pokeBig(b, at, 10_000));
      ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null));
      assertTrue(e.getMessage().contains("record 2 points outside"), e.getMessage());
    }
    // the last record claiming 4 bytes more than the .shp holds
    Map<String, byte[]> longer = ShapefileAbuseTest.with(good, "zongdi.shx", b -> ShapefileAbuseTest.pokeBig(b, 100 + 2 * 8 + 4, 212 / 2 + 2));
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(longer, null));
    assertTrue(e.getMessage().contains("record 3 points outside"), e.getMessage());
    // a record of the .shp naming another type is named by its number
    Map<String, byte[]> second = ShapefileAbuseTest.with(good, "zongdi.shp", b -> ShapefileAbuseTest.poke(b, 236 + 8, 3));
    ImportFailure t = assertThrows(ImportFailure.class, () -> shp(second, null));
    assertTrue(t.getMessage().contains("record 2 has shape type 3"), t.getMessage());
  }

  @Test
  void partAndPointCountsMustFitTheRecord() throws Exception {
    Map<String, byte[]> good = renamed(fixture(), "zongdi");
    // record 1: 1 part, 5 points, exactly 44 + 4 + 80 bytes; one more of either does not fit
    for (int[] poke : new int[][] {{100 + 8 + 36, 2}, {100 + 8 + 40, 6}}) {
      Map<String, byte[]> m = ShapefileAbuseTest.with(good, "zongdi.shp", b -> ShapefileAbuseTest.poke(b, poke[0], poke[1]));
      ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null));
      assertTrue(e.getMessage().contains("record 1 counts more parts or points"), e.getMessage());
    }
    // record 3 has 2 parts of 10 points: a part starting at the 10th point starts past the end
    Map<String, byte[]> m = ShapefileAbuseTest.with(good, "zongdi.shp", b -> ShapefileAbuseTest.poke(b, 372 + 8 + 44 + 4, 10));
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(m, null));
    assertTrue(e.getMessage().contains("record 3 has parts out of order"), e.getMessage());
  }

  @Test
  void theDbfHeaderMustMatchItsRecords() throws Exception {
    Map<String, byte[]> good = renamed(fixture(), "zongdi");
    // one record more than the file holds
    Map<String, byte[]> more = ShapefileAbuseTest.with(good, "zongdi.dbf", b -> ShapefileAbuseTest.poke(b, 4, 4));
    ImportFailure e = assertThrows(ImportFailure.class, () -> shp(more, null));
    assertTrue(e.getMessage().contains("the .dbf part") && e.getMessage().contains("header does not match"), e.getMessage());
    // 33 bytes are a header's length, but not this header's
    Map<String, byte[]> cut = ShapefileAbuseTest.with(good, "zongdi.dbf", b -> Arrays.copyOf(b, 33));
    ImportFailure c = assertThrows(ImportFailure.class, () -> shp(cut, null));
    assertTrue(c.getMessage().contains("header does not match"), c.getMessage());
    // without the end-of-file byte some tools omit, the records still fit exactly
    Map<String, byte[]> noEof = ShapefileAbuseTest.with(good, "zongdi.dbf", b -> Arrays.copyOf(b, b.length - 1));
    assertEquals(3, shp(noEof, null).features().size());
  }

  private static byte[] pokeShort(byte[] b, int at, int littleEndian) {
    b[at] = (byte) littleEndian;
    b[at + 1] = (byte) (littleEndian >> 8);
    return b;
  }
}
