package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.imports.spatial.ParcelImportRulesTest.X;
import static zoneatlas.imports.spatial.ParcelImportRulesTest.Y;
import static zoneatlas.imports.spatial.ParcelImportRulesTest.collection;
import static zoneatlas.imports.spatial.ParcelImportRulesTest.feature;
import static zoneatlas.imports.spatial.ParcelImportRulesTest.props;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;

/**
 * What a parcel import reports and writes as a whole (survivors of a PIT run over
 * ParcelImportService), on an embedded store of its own with the demo plan: an unknown target
 * zone is refused naming the zones, long files list 200 parcels but count and measure all, a
 * parcel overlapping many stored ones is warned about five times, the note when srs= replaces a
 * file's unusable CRS, and a write that stores exactly the parcels of a clean file.
 */
class ParcelImportServiceRulesTest {
  static SqlStore store;

  @BeforeAll
  static void open() {
    // once per JVM: a mutation-testing minion runs this class once per mutant
    if (store == null) {
      store = ImportFixtures.h2WithPlan();
    }
  }

  @BeforeEach
  void emptyParcels() {
    ImportFixtures.clearParcels(store);
  }

  static ImportReport importFile(byte[] bytes, String... kv) throws SQLException {
    List<String> all = new ArrayList<>(List.of(kv));
    all.add("filename");
    all.add("a.geojson");
    return new ParcelImportService(store, 100_000_000).importFile(bytes, ImportFixtures.options(all.toArray(String[]::new)));
  }

  static List<String> storedIds() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = store.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM parcels ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  @Test
  void anUnknownTargetZoneIsRefusedNamingTheZones() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> importFile(collection("", feature(X, Y, 0.001, props("A", ""))),
        "mode", "replace-zone", "target_zone", "atlantis", "dry_run", "true"));
    assertEquals("target_zone", e.parameter);
    assertTrue(e.getMessage().startsWith("target_zone: unknown zone 'atlantis'; zones: ") && e.getMessage().contains("zzetdz"),
        e.getMessage());
    assertTrue(e.messageZh.contains("“atlantis”不存在") && e.messageZh.contains("zzetdz"), e.messageZh);
  }

  @Test
  void aLongFileListsTwoHundredParcelsButCountsAndMeasuresAll() throws Exception {
    String[] features = new String[201];
    for (int i = 0; i < features.length; i++) {
      features[i] = feature(100.0 + (i % 20) * 0.002, 30.0 + (i / 20) * 0.002, 0.001, props("P" + i, "\"zone\":\"zzetdz\""));
    }
    ImportReport r = importFile(collection("", features), "dry_run", "true");
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(201, r.parcels);
    assertEquals(201, r.features);
    assertEquals(ParcelImportService.MAX_LISTED, r.items.size());
    assertEquals("P199", r.items.get(199).get("id"));
    double listed = r.items.stream().mapToDouble(m -> (Double) m.get("area_m2")).sum();
    assertTrue(r.areaM2 > listed + 5000, r.areaM2 + " vs " + listed + ": the 201st parcel counts too");
    assertEquals(201, r.inserted());
    assertTrue(storedIds().isEmpty(), "a dry run writes nothing");
  }

  @Test
  void aParcelOverlappingManyStoredOnesIsWarnedAboutFiveOfThem() throws Exception {
    String[] six = new String[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = feature(100.0 + i * 0.001, 30.0, 0.001, props("S" + i, "\"zone\":\"zzetdz\""));
    }
    ImportReport stored = importFile(collection("", six));
    assertTrue(stored.written(), stored.errors().toString());
    assertEquals(List.of("S0", "S1", "S2", "S3", "S4", "S5"), storedIds());
    ImportReport r = importFile(collection("", feature(100.0, 30.0, 0.006, props("BIG", "\"zone\":\"zzetdz\""))), "dry_run", "true");
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(5, r.warnings().size(), r.warnings().toString());
    assertTrue(r.warnings().stream().allMatch(w -> w.id().equals("BIG") && w.reason().startsWith("overlaps stored parcel S")
        && w.reason().contains("(zone zzetdz)")), r.warnings().toString());
    assertTrue(r.warnings().get(0).reasonZh().startsWith("与库中已有地块 S"), r.warnings().toString());
    // a stored parcel of the zone being replaced is not an overlap: it goes
    ImportReport replace = importFile(collection("", feature(100.0, 30.0, 0.006, props("BIG", "\"zone\":\"zzetdz\""))),
        "dry_run", "true", "mode", "replace-zone", "target_zone", "zzetdz");
    assertTrue(replace.warnings().isEmpty(), replace.warnings().toString());
    assertEquals(6, replace.deleted());
  }

  @Test
  void replacingAZoneWritesTheFileAndRemovesWhatItLeftOut() throws Exception {
    ImportReport first = importFile(collection("", feature(100.0, 30.0, 0.001, props("A", "\"zone\":\"zzetdz\"")),
        feature(100.002, 30.0, 0.001, props("B", "\"zone\":\"zzetdz\""))));
    assertTrue(first.written(), first.errors().toString());
    assertEquals(2, first.inserted());
    ImportReport second = importFile(collection("", feature(100.0, 30.0, 0.001, props("A", "\"zone\":\"zzetdz\"")),
        feature(100.004, 30.0, 0.001, props("C", "\"zone\":\"zzetdz\""))), "mode", "replace-zone", "target_zone", "zzetdz");
    assertTrue(second.written(), second.errors().toString());
    assertEquals(1, second.updated());
    assertEquals(1, second.inserted());
    assertEquals(1, second.deleted());
    assertEquals(List.of("A", "C"), storedIds());
  }

  @Test
  void aFileWithOneBadFeatureWritesNoneOfIt() throws Exception {
    ImportReport r = importFile(collection("", feature(100.0, 30.0, 0.001, props("A", "\"zone\":\"zzetdz\"")),
        feature(100.002, 30.0, 0.001, props("B", "\"zone\":\"nowhere\""))));
    assertFalse(r.ok());
    assertFalse(r.written());
    assertEquals(1, r.errors().size(), r.errors().toString());
    assertTrue(storedIds().isEmpty(), "nothing half-written");
  }

  @Test
  void srsReplacingAnUnusableFileCrsSaysSo() throws Exception {
    String crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:999999\"}},";
    ImportReport r = importFile(collection(crs, feature(X, Y, 0.001, props("A", ""))), "srs", "EPSG:4490", "dry_run", "true");
    assertTrue(r.ok(), r.errors().toString());
    assertTrue(r.notes.contains("srs=EPSG:4490 overrides the coordinate system the file names in its the GeoJSON crs member"),
        r.notes.toString());
    assertTrue(r.notesZh.stream().anyMatch(n -> n.endsWith("（来自 GeoJSON 的 crs 成员）")), r.notesZh.toString());
    assertEquals("the srs parameter", r.srsSource);
    assertEquals("所选", r.srsSourceZh);
  }

  @Test
  void aSmallMicroParkGivesTheParcelItsZoneBoardAndPark() throws Exception {
    // far from every plan area: only the mapped small-micro park places it
    ImportReport onBoard = importFile(collection("", feature(100.0, 30.0, 0.001,
        props("A", "\"small_micro_park\":\"zzetdz-sm-jianye\""))), "dry_run", "true");
    assertTrue(onBoard.ok(), onBoard.errors().toString());
    assertEquals("zzetdz", onBoard.items.get(0).get("zone"));
    assertEquals("zzetdz-cb-qibuqu", onBoard.items.get(0).get("board"));
    assertEquals(null, onBoard.items.get(0).get("park"));
    assertEquals("zzetdz-sm-jianye", onBoard.items.get(0).get("small_micro_park"));
    ImportReport inPark = importFile(collection("", feature(100.0, 30.0, 0.001,
        props("A", "\"small_micro_park\":\"zzetdz-sm-zhongxing\""))), "dry_run", "true");
    assertTrue(inPark.ok(), inPark.errors().toString());
    assertEquals("zzetdz-ip-jienenghuanbao", inPark.items.get(0).get("park"));
    assertEquals("zzetdz", inPark.items.get(0).get("zone"));
  }

  @Test
  void aSmallMicroParkOfAnotherZoneIsThatFieldsError() throws Exception {
    ImportReport r = importFile(collection("", feature(100.0, 30.0, 0.001,
        props("A", "\"zone\":\"zzhitech\",\"small_micro_park\":\"zzetdz-sm-jianye\""))), "dry_run", "true");
    assertFalse(r.ok());
    Issue i = ParcelImportRulesTest.only(r.errors(), "small_micro_park");
    assertEquals("zzetdz-sm-jianye belongs to zone zzetdz, the parcel to zone zzhitech", i.reason());
    assertEquals("小微企业园 zzetdz-sm-jianye 属于开发区 zzetdz，而地块属于开发区 zzhitech", i.reasonZh());
  }

  @Test
  void withoutPlanLayersAParcelNeedsAZoneColumnAndIsToldWhy() throws Exception {
    ImportReport r = new ParcelImportService(zoneatlas.testing.TestStores.freshH2(), 100_000_000).importFile(
        collection("", feature(X, Y, 0.001, props("A", ""))), ImportFixtures.options("filename", "a.geojson", "dry_run", "true"));
    assertFalse(r.ok());
    Issue i = ParcelImportRulesTest.only(r.errors(), "zone");
    assertEquals("the store holds no plan layers to place the parcel in: map a zone column (zone=)", i.reason());
    assertTrue(i.reasonZh().startsWith("库中没有可用于确定地块位置的规划图层"), i.reasonZh());
  }
}
