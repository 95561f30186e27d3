package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * What the map gets from an import report without a store (survivors of a PIT run over
 * ImportReport): a refused shape of any kind is still drawn in the preview as GeoJSON, rounded to
 * about a centimetre, and the body of a 400 carries only the facts learnt before the file failed.
 */
class ImportReportRulesTest {
  private static Map<String, Object> json(String wkt) throws Exception {
    Geometry g = new WKTReader().read(wkt);
    return ImportReport.geometry(g);
  }

  @Test
  void everyKindOfShapeIsDrawnAsGeoJsonRoundedToACentimetre() throws Exception {
    assertEquals(Map.of("type", "Point", "coordinates", List.of(113.1234568, 34.5)), json("POINT (113.12345678 34.5)"));
    assertEquals(Map.of("type", "LineString", "coordinates", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0))),
        json("LINESTRING (1 2, 3 4)"));
    assertEquals(Map.of("type", "LineString", "coordinates", List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0),
        List.of(0.0, 0.0))), json("LINEARRING (0 0, 1 0, 1 1, 0 0)"));
    Map<String, Object> holed = json("POLYGON ((0 0, 10 0, 10 10, 0 0), (1 1, 2 1, 2 2, 1 1))");
    assertEquals("Polygon", holed.get("type"));
    assertEquals(2, ((List<?>) holed.get("coordinates")).size(), "outline and hole");
    Map<String, Object> multi = json("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
    assertEquals("MultiPolygon", multi.get("type"));
    assertEquals(List.of(List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 0.0))),
        List.of(List.of(List.of(5.0, 5.0), List.of(6.0, 5.0), List.of(6.0, 6.0), List.of(5.0, 5.0)))), multi.get("coordinates"));
    assertEquals(Map.of("type", "MultiPoint", "coordinates", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0))),
        json("MULTIPOINT ((1 2), (3 4))"));
    Map<String, Object> gc = json("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))");
    assertEquals("GeometryCollection", gc.get("type"));
    assertEquals(List.of(Map.of("type", "Point", "coordinates", List.of(1.0, 2.0)),
        Map.of("type", "LineString", "coordinates", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)))), gc.get("geometries"));
    assertFalse(gc.containsKey("coordinates"));
  }

  @Test
  void aFailedFilesFactsCarryOnlyWhatWasLearnt() {
    ImportReport early = new ImportReport();
    early.format = "geojson";
    Map<String, Object> f = early.fileFacts();
    assertEquals("geojson", f.get("format"));
    for (String absent : List.of("layer", "encoding", "srs", "srs_source", "srs_source_zh", "columns", "fields")) {
      assertFalse(f.containsKey(absent), absent);
    }
    assertTrue(f.containsKey("mapping") && f.containsKey("notes") && f.containsKey("notes_zh"));
    ImportReport late = new ImportReport();
    late.format = "shp-zip";
    late.layer = "zongdi";
    late.encoding = "GB18030";
    late.srs = "EPSG:4547";
    late.srsSource = "zongdi.prj";
    late.srsSourceZh = "来自 zongdi.prj 文件";
    late.columns = List.of("宗地编号");
    late.fields = List.of();
    Map<String, Object> g = late.fileFacts();
    assertEquals("zongdi", g.get("layer"));
    assertEquals("GB18030", g.get("encoding"));
    assertEquals("EPSG:4547", g.get("srs"));
    assertEquals("zongdi.prj", g.get("srs_source"));
    assertEquals("来自 zongdi.prj 文件", g.get("srs_source_zh"));
    assertEquals(List.of("宗地编号"), g.get("columns"));
  }
}
