package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The readers get attributes and geometry out of the ogr2ogr-made fixtures as written. */
class ReadersTest {
  @Test
  void gbkShapefileAttributesAndFieldNamesReadAsChinese() {
    SourceData d = ShapefileSource.read(ImportFixtures.bytes("parcels_gbk_4547.zip"), null, null, 100_000_000);
    assertEquals("GB18030", d.encoding());
    assertTrue(d.columns().containsAll(java.util.List.of("宗地编号", "地类编码", "地类名称", "土地状态", "面积", "备注")), d.columns().toString());
    assertEquals(3, d.features().size());
    Map<String, Object> a = d.features().get(0).attributes();
    assertEquals("410171-001", a.get("宗地编号"));
    assertEquals("二类工业用地", a.get("地类名称"));
    assertEquals("在用", a.get("土地状态"));
    assertEquals("上汽基地一号地块", a.get("备注"));
    assertEquals("物流仓储（闲置）", d.features().get(1).attributes().get("备注"));
    assertTrue(d.declaredCrs().contains("CGCS2000_3_Degree_GK_CM_114E"));
  }

  @Test
  void encodingParameterOverridesTheCpg() {
    SourceData d = ShapefileSource.read(ImportFixtures.bytes("parcels_gbk_4547.zip"), null, "ISO-8859-1", 100_000_000);
    assertEquals("ISO-8859-1", d.encoding());
    assertTrue(d.features().get(0).attributes().values().stream().noneMatch("二类工业用地"::equals));
  }

  @Test
  void withoutCpgGbkIsRecognisedFromTheBytes() throws Exception {
    SourceData d = ShapefileSource.read(withoutCpg(ImportFixtures.bytes("parcels_gbk_4547.zip")), null, null, 100_000_000);
    assertEquals("GB18030", d.encoding());
    assertEquals("二类工业用地", d.features().get(0).attributes().get("地类名称"));
    assertTrue(d.notes().stream().anyMatch(n -> n.contains("GBK")), d.notes().toString());
  }

  @Test
  void aWrongEncodingThatGarblesFieldNamesSaysSo() {
    var e = assertThrows(ImportFailure.class,
        () -> ShapefileSource.read(ImportFixtures.bytes("parcels_gbk_4547.zip"), null, "UTF-8", 100_000_000));
    assertTrue(e.getMessage().contains("encoding="), e.getMessage());
  }

  @Test
  void aZipWithoutShapefileIsRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hello".getBytes());
    }
    var e = assertThrows(ImportFailure.class, () -> ShapefileSource.read(out.toByteArray(), null, null, 1000));
    assertTrue(e.getMessage().contains("no .shp"));
  }

  @Test
  void geoPackageNamesItsEpsgCode() {
    SourceData d = GeoPackageSource.read(ImportFixtures.bytes("parcels_4490.gpkg"), null);
    assertEquals("EPSG:4490", d.declaredCrs());
    assertEquals("zd", d.layer());
    assertEquals(java.util.List.of("ZDDM", "DLBM", "TDZT", "ZDMJ"), d.columns());
    assertEquals("批而未供", d.features().get(2).attributes().get("TDZT"));
    assertEquals(2, d.features().get(2).geometry().getNumGeometries() == 1
        ? ((org.locationtech.jts.geom.Polygon) d.features().get(2).geometry().getGeometryN(0)).getNumInteriorRing() + 1 : 0);
  }

  @Test
  void spreadsheetCodesStoredAsNumbersAndWktAreRead() {
    TableSource.Table t = TableSource.readSpreadsheet(ImportFixtures.bytes("parcels_wkt.xlsx"), null);
    assertEquals("宗地", t.sheet());
    assertEquals(100102.0, t.rows().get(0).get(t.columns().indexOf("land_use")));
    ColumnMapping m = ColumnMapping.resolve(t.columns(), Map.of(), true);
    assertEquals("WKT", m.column(ParcelField.WKT));
    assertEquals("parcel_id", m.column(ParcelField.ID));
    assertEquals("land_use", m.column(ParcelField.LAND_USE_CODE));
    SourceData d = TableSource.features(t, m);
    assertEquals(3, d.features().size());
    assertEquals(1, ((org.locationtech.jts.geom.Polygon) d.features().get(2).geometry()).getNumInteriorRing());
  }

  @Test
  void boundaryPointRowsBecomePolygonsWithHoles() {
    TableSource.Table t = TableSource.readCsv(ImportFixtures.bytes("parcels_gk_points.csv"), null);
    ColumnMapping m = ColumnMapping.resolve(t.columns(), Map.of(), true);
    assertEquals("宗地号", m.column(ParcelField.ID));
    assertEquals("圈号", m.column(ParcelField.RING));
    assertEquals("点号", m.column(ParcelField.POINT));
    SourceData d = TableSource.features(t, m);
    assertEquals(3, d.features().size());
    var hole = (org.locationtech.jts.geom.Polygon) d.features().get(2).geometry();
    assertEquals(1, hole.getNumInteriorRing());
    assertEquals(5, hole.getExteriorRing().getNumPoints());
    assertEquals("批而未供", d.features().get(2).attributes().get("状态"));
    assertEquals(2, d.features().get(0).row());
    assertEquals(6, d.features().get(1).row());
  }

  @Test
  void gbkCsvIsRecognised() {
    byte[] gbk = "宗地号,WKT,地类编码,状态\nA1,\"POLYGON((113.828 34.648,113.831 34.648,113.831 34.65,113.828 34.648))\",1001,闲置\n"
        .getBytes(TextEncoding.GB18030);
    TableSource.Table t = TableSource.readCsv(gbk, null);
    assertEquals("宗地号", t.columns().get(0));
    assertEquals("闲置", t.rows().get(0).get(3));
    assertNotEquals(java.util.List.of(), t.notes());
  }

  private static byte[] withoutCpg(byte[] zip) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.getName().endsWith(".cpg")) {
          z.putNextEntry(new ZipEntry(e.getName()));
          z.write(in.readAllBytes());
        }
      }
    }
    return out.toByteArray();
  }
}
