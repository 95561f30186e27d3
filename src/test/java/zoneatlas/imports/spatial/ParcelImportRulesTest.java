package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;

/**
 * What an import decides from the plan and the file as a whole, on the embedded store (survivors
 * of a PIT run over ParcelImportService): placement in zones and parks, overlaps inside the file,
 * the notes a user reads, the counts and areas of a dry run, and which required field is named.
 */
class ParcelImportRulesTest {
  static SqlStore store;

  @BeforeAll
  static void open() {
    store = ImportFixtures.h2WithPlan();
  }

  @BeforeEach
  void emptyParcels() {
    ImportFixtures.clearParcels(store);
  }

  /** A square at (x, y) of {@code side} degrees as a GeoJSON feature with these properties. */
  static String feature(double x, double y, double side, String props) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
        + x + "," + y + "],[" + (x + side) + "," + y + "],[" + (x + side) + "," + (y + side) + "],[" + x + "," + (y + side)
        + "],[" + x + "," + y + "]]]}}";
  }

  static String props(String id, String more) {
    return "\"id\":\"" + id + "\",\"land_use_code\":\"1001\",\"status\":\"在用\"" + (more.isEmpty() ? "" : "," + more);
  }

  static byte[] collection(String crsMember, String... features) {
    return ("{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":[" + String.join(",", features) + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static ImportReport run(byte[] bytes, String filename, String... kv) throws SQLException {
    List<String> all = new ArrayList<>(List.of(kv));
    all.add("filename");
    all.add(filename);
    all.add("dry_run");
    all.add("true");
    return new ParcelImportService(store, 100_000_000).importFile(bytes, ImportFixtures.options(all.toArray(String[]::new)));
  }

  /** Inside 宗地 410171-001 of the fixtures: zone zzetdz, the park of the fixtures. */
  static final double X = 113.828;
  static final double Y = 34.648;

  static Issue only(List<Issue> l, String field) {
    List<Issue> of = l.stream().filter(i -> i.field().equals(field)).toList();
    assertEquals(1, of.size(), l.toString());
    return of.get(0);
  }

  @Test
  void aParcelIsPlacedInTheZoneAndParkItLiesIn() throws Exception {
    ImportReport r = run(collection("", feature(X, Y, 0.002, props("A", "")), feature(X + 0.003, Y, 0.001, props("B", ""))),
        "a.geojson");
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(2, r.parcels);
    assertEquals(2, r.inserted());
    assertEquals(0, r.updated());
    assertEquals("zzetdz", r.items.get(0).get("zone"));
    assertEquals(ImportFixtures.PARK, r.items.get(0).get("park"));
    double a = (Double) r.items.get(0).get("area_m2");
    double b = (Double) r.items.get(1).get("area_m2");
    assertEquals(a + b, r.areaM2, 0.01);
    assertEquals(Math.round(a / Geodesy.M2_PER_MU * 10_000) / 10_000.0, (Double) r.items.get(0).get("area_mu"), 1e-4);
    assertEquals("1001", r.items.get(0).get("land_use_code"));
    assertEquals("in_use", r.items.get(0).get("status"));
    assertFalse(r.written(), "a dry run writes nothing");
  }

  @Test
  void aMappedZoneBoardOrParkMustExistAndAgree() throws Exception {
    ImportReport zone = run(collection("", feature(X, Y, 0.001, props("A", "\"zone\":\"nowhere\""))), "a.geojson");
    assertTrue(only(zone.errors(), "zone").reason().startsWith("unknown zone 'nowhere'; zones: "), zone.errors().toString());
    ImportReport board = run(collection("", feature(X, Y, 0.001, props("A", "\"board\":\"nope\""))), "a.geojson");
    assertEquals("no core-boards feature with id 'nope' in the plan", only(board.errors(), "board").reason());
    assertEquals("规划图层中没有编号为“nope”的核心板块", only(board.errors(), "board").reasonZh());
    ImportReport park = run(collection("", feature(X, Y, 0.001, props("A", "\"park\":\"nope\""))), "a.geojson");
    assertEquals("规划图层中没有编号为“nope”的产业园区", only(park.errors(), "park").reasonZh());
    ImportReport smp = run(collection("", feature(X, Y, 0.001, props("A", "\"small_micro_park\":\"nope\""))), "a.geojson");
    assertEquals("规划图层中没有编号为“nope”的小微企业园", only(smp.errors(), "small_micro_park").reasonZh());
    ImportReport other = run(collection("", feature(X, Y, 0.001, props("A", "\"board\":\"zzhitech-cb-hexin\""))), "a.geojson");
    Issue i = only(other.errors(), "board");
    assertEquals("zzhitech-cb-hexin belongs to zone zzhitech, the parcel to zone zzetdz", i.reason());
    assertEquals("核心板块 zzhitech-cb-hexin 属于开发区 zzhitech，而地块属于开发区 zzetdz", i.reasonZh());
    ImportReport mapped = run(collection("", feature(X, Y, 0.001, props("A", "\"board\":\"zzetdz-cb-qibuqu\""))), "a.geojson");
    assertTrue(mapped.ok(), mapped.errors().toString());
    assertEquals("zzetdz-cb-qibuqu", mapped.items.get(0).get("board"));
  }

  @Test
  void aParcelOutsideEveryZoneNeedsAZoneColumn() throws Exception {
    // in China, far from every plan zone
    ImportReport r = run(collection("", feature(100.0, 30.0, 0.001, props("A", ""))), "a.geojson");
    assertEquals("lies in none of the plan's zones: map a zone column (zone=) or check the coordinates",
        only(r.errors(), "zone").reason());
    ImportReport given = run(collection("", feature(100.0, 30.0, 0.001, props("A", "\"zone\":\"zzetdz\""))), "a.geojson");
    assertTrue(given.ok(), given.errors().toString());
    assertEquals("zzetdz", given.items.get(0).get("zone"));
  }

  @Test
  void parcelsOfOneFileThatOverlapAreWarnedAboutOnceNotWhenTheyOnlyTouch() throws Exception {
    ImportReport r = run(collection("", feature(X, Y, 0.001, props("A", "")), feature(X + 0.0005, Y, 0.001, props("B", "")),
        feature(X + 0.001, Y, 0.001, props("C", ""))), "a.geojson");
    assertTrue(r.ok(), r.errors().toString());
    // B overlaps A by half, C overlaps B by half; C only touches A (an overlap of 0 m²)
    assertEquals(2, r.warnings().size(), r.warnings().toString());
    assertEquals("B", r.warnings().get(0).id());
    assertTrue(r.warnings().get(0).reason().startsWith("overlaps parcel A of this file by "), r.warnings().toString());
    assertEquals("C", r.warnings().get(1).id());
    assertTrue(r.warnings().get(1).reason().startsWith("overlaps parcel B of this file by "), r.warnings().toString());
    ImportReport touching = run(collection("", feature(X, Y, 0.001, props("A", "")), feature(X + 0.001, Y, 0.001, props("B", ""))),
        "a.geojson");
    assertTrue(touching.warnings().isEmpty(), touching.warnings().toString());
  }

  @Test
  void theNotesSayWhatTheParametersChanged() throws Exception {
    String crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}},";
    ImportReport over = run(collection(crs, feature(X, Y, 0.001, props("A", ""))), "a.geojson", "srs", "EPSG:4326",
        "encoding", "GBK");
    assertTrue(over.ok(), over.errors().toString());
    assertTrue(over.notes.contains("encoding= is ignored for geojson: the format fixes its own encoding (UTF-8)"), over.notes.toString());
    assertTrue(over.notes.stream().anyMatch(n -> n.startsWith("srs=EPSG:4326 overrides the coordinate system the file names")
        && n.endsWith(" (EPSG:4490)")), over.notes.toString());
    assertEquals(over.notes.size(), over.notesZh.size());
    ImportReport same = run(collection(crs, feature(X, Y, 0.001, props("A", ""))), "a.geojson", "srs", "EPSG:4490");
    assertTrue(same.notes.stream().noneMatch(n -> n.contains("overrides")), same.notes.toString());
    ImportReport fromFile = run(collection(crs, feature(X, Y, 0.001, props("A", ""))), "a.geojson");
    assertEquals("the GeoJSON crs member", fromFile.srsSource);
    assertTrue(fromFile.notes.stream().noneMatch(n -> n.contains("encoding=")), fromFile.notes.toString());
    ImportReport csv = run(("id,land_use_code,status,wkt\nA,1001,在用,\"POLYGON((" + X + " " + Y + ", " + (X + 0.001) + " " + Y
        + ", " + (X + 0.001) + " " + (Y + 0.001) + ", " + X + " " + Y + "))\"\n").getBytes(StandardCharsets.UTF_8), "a.csv",
        "encoding", "UTF-8");
    assertTrue(csv.notes.stream().noneMatch(n -> n.contains("encoding=")), "a CSV reads its encoding parameter: " + csv.notes);
  }

  @Test
  void aMissingRequiredFieldIsNamedWithAnExampleColumnName() {
    ImportFailure e = assertThrows(ImportFailure.class,
        () -> run("id,status,wkt\nA,在用,POINT(1 2)\n".getBytes(StandardCharsets.UTF_8), "a.csv"));
    assertEquals("land_use_code", e.parameter);
    assertTrue(e.getMessage().startsWith("land_use_code: no column holds the parcel's land use code; map it,"
        + " e.g. land_use_code=地类编码 (the file's columns are "), e.getMessage());
    assertTrue(e.messageZh.startsWith("文件中没有与“用地分类代码”对应的列"), e.messageZh);
    ImportFailure empty = assertThrows(ImportFailure.class,
        () -> run("id,land_use_code,status,wkt\n".getBytes(StandardCharsets.UTF_8), "a.csv"));
    assertEquals("file", empty.parameter);
    assertEquals("file: holds no features", empty.getMessage());
    assertEquals(List.of("id", "land_use_code", "status", "wkt"), empty.details.get("columns"));
  }

  @Test
  void anIdAlreadyInAnotherZoneCannotBeReplacedFromThisOne() throws Exception {
    ImportReport first = new ParcelImportService(store, 100_000_000).importFile(
        collection("", feature(X, Y, 0.001, props("A", ""))), ImportFixtures.options("filename", "a.geojson"));
    assertTrue(first.written(), first.errors().toString());
    ImportReport again = run(collection("", feature(X, Y, 0.001, props("A", ""))), "a.geojson");
    assertTrue(only(again.errors(), "id").reason().startsWith("parcel A already exists (zone zzetdz)"), again.errors().toString());
    ImportReport replace = run(collection("", feature(X, Y, 0.001, props("A", "")), feature(X + 0.002, Y, 0.001, props("B", ""))),
        "a.geojson", "mode", "replace-zone", "target_zone", "zzetdz");
    assertTrue(replace.ok(), replace.errors().toString());
    assertEquals(1, replace.updated());
    assertEquals(1, replace.inserted());
    // far from the plan's parks, so only the zone column places it
    ImportReport elsewhere = run(collection("", feature(100.0, 30.0, 0.001, props("A", "\"zone\":\"zzhitech\""))), "a.geojson",
        "mode", "replace-zone", "target_zone", "zzhitech");
    assertFalse(elsewhere.ok());
    assertEquals("parcel A exists in zone zzetdz; replace-zone only replaces parcels of zzhitech",
        elsewhere.errors().stream().filter(i -> i.field().equals("id")).findFirst().orElseThrow().reason());
  }
}
