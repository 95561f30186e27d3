package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * What the map's import panel reads from a parcel import: the preview (the file's features as they
 * would be stored, in CRS84, each with its problems), every problem and note in Chinese beside the
 * English, the file's columns and the fields they map to, and a Chinese description of a file
 * that cannot be used at all. On the embedded store (the checks behind them are the store
 * contract's, run on both stores by {@link ParcelImportContract}).
 */
class ParcelImportPreviewTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Two English words in a row: a Chinese text must hold none (codes like EPSG:4547 or zzetdz are fine). */
  static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}[\\s,;:.]+[A-Za-z]{2,}");
  static SqlStore store;

  @BeforeAll
  static void open() {
    store = ImportFixtures.h2WithPlan();
  }

  @BeforeEach
  void emptyParcels() {
    ImportFixtures.clearParcels(store);
  }

  static ImportReport run(byte[] bytes, String filename, String... kv) throws SQLException {
    List<String> all = new ArrayList<>(List.of(kv));
    all.add("filename");
    all.add(filename);
    return new ParcelImportService(store, 100_000_000).importFile(bytes, ImportFixtures.options(all.toArray(String[]::new)));
  }

  static ImportReport run(String fixture, String... kv) throws SQLException {
    return run(ImportFixtures.bytes(fixture), fixture, kv);
  }

  /** The report as the client reads it: through JSON. */
  static JsonNode json(ImportReport r) {
    return JSON.valueToTree(r.toJson());
  }

  static void chinese(String s, Supplier<String> what) {
    assertNotNull(s, what);
    assertTrue(s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
        () -> what.get() + " is not Chinese: " + s);
    assertFalse(ENGLISH.matcher(s).find(), () -> what.get() + " holds English words: " + s);
  }

  static JsonNode feature(JsonNode preview, int index) {
    for (JsonNode f : preview.get("features")) {
      if (f.get("properties").get("index").asInt() == index) {
        return f;
      }
    }
    throw new AssertionError("no feature " + index + " in the preview");
  }

  static Polygon polygon(JsonNode geometry) throws Exception {
    return (Polygon) new GeoJsonReader().read(geometry.toString());
  }

  /** The GK boundary-point CSV with the zone prefix 38 stripped from its eastings: metres, no CRS named. */
  static byte[] csvWithoutZonePrefix() {
    String csv = new String(ImportFixtures.bytes("parcels_gk_points.csv"), StandardCharsets.UTF_8);
    String stripped = csv.replaceAll(",38(\\d{6}(?:\\.\\d+)?)", ",$1");
    assertFalse(csv.equals(stripped));
    return stripped.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDryRunPreviewsEveryFeatureInCrs84AsItWouldBeStored() throws Exception {
    ImportReport r = run("parcels_gbk_4547.zip", "dry_run", "true");
    assertTrue(r.ok(), () -> r.errors().toString());
    JsonNode p = json(r).get("preview");
    assertEquals("FeatureCollection", p.get("type").asText());
    assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", p.get("crs").asText());
    assertEquals(3, p.get("total").asInt());
    assertFalse(p.get("capped").asBoolean());
    assertEquals(3, p.get("features").size());
    Map<String, Polygon> master = ImportFixtures.master();
    for (JsonNode f : p.get("features")) {
      JsonNode props = f.get("properties");
      String id = props.get("id").asText();
      assertEquals(props.get("index").asInt(), f.get("id").asInt(), "the feature id is its index in the file");
      assertEquals("zzetdz", props.get("zone").asText(), id);
      assertEquals(ImportFixtures.PARK, props.get("park").asText(), id);
      // as stored: the same vertices within a centimetre of where PROJ put them, the geodesic area in mu
      Polygon shown = polygon(f.get("geometry"));
      ParcelImportContract.sameVertices(master.get(id), shown, 0.01);
      assertEquals(Geodesy.areaM2(master.get(id)) / Geodesy.M2_PER_MU, props.get("area_mu").asDouble(), 1e-3, id);
    }
    JsonNode first = feature(p, 1);
    assertEquals("410171-001", first.get("properties").get("id").asText());
    assertEquals("100102", first.get("properties").get("land_use_code").asText());
    assertEquals("二类工业用地", first.get("properties").get("land_use_name").asText());
    assertEquals("in_use", first.get("properties").get("status").asText());
    assertEquals("ok", first.get("properties").get("level").asText());
    assertEquals(0, first.get("properties").get("problems").size());
    // 002 states 10% too much area: a warning, in both languages
    JsonNode second = feature(p, 2).get("properties");
    assertEquals("warning", second.get("level").asText());
    JsonNode w = second.get("problems").get(0);
    assertEquals("warning", w.get("level").asText());
    assertEquals("area_m2", w.get("field").asText());
    assertTrue(w.get("reason").asText().contains("geodesic"), w.toString());
    chinese(w.get("reason_zh").asText(), () -> "area warning");
    assertTrue(w.get("reason_zh").asText().contains("面积"), w.toString());
  }

  @Test
  void aRefusedFilePreviewsEveryFeatureWithItsChineseProblems() throws Exception {
    ImportReport r = run("parcels_bad.geojson");
    assertFalse(r.ok());
    JsonNode p = json(r).get("preview");
    assertNotNull(p, "a refused import carries the preview");
    assertEquals(5, p.get("features").size());
    // the first bad-ok has no problem of its own; the file is refused for the others
    assertEquals("ok", feature(p, 1).get("properties").get("level").asText());
    JsonNode bowtie = feature(p, 2);
    assertEquals("Polygon", bowtie.get("geometry").get("type").asText(), "an invalid polygon is still shown");
    assertEquals("error", bowtie.get("properties").get("level").asText());
    assertTrue(bowtie.get("properties").get("problems").get(0).get("reason_zh").asText().contains("自相交"), bowtie.toString());
    JsonNode code = feature(p, 3);
    assertEquals("Polygon", code.get("geometry").get("type").asText());
    assertEquals("9999", code.get("properties").get("land_use_code").asText(), "the code as the file writes it");
    JsonNode problem = code.get("properties").get("problems").get(0);
    assertEquals("error", problem.get("level").asText());
    assertEquals("land_use_code", problem.get("field").asText());
    assertTrue(problem.get("reason").asText().contains("unknown land-use code 9999"), problem.toString());
    String zh = problem.get("reason_zh").asText();
    chinese(zh, () -> "unknown code");
    assertTrue(zh.contains("用地分类代码 9999") && zh.contains("国土空间用地用海分类"), zh);
    assertTrue(feature(p, 4).get("properties").get("problems").get(0).get("reason_zh").asText().contains("重复"));
    // in the sea, off Japan: no geometry to draw, the reason says why
    JsonNode sea = feature(p, 5);
    assertTrue(sea.get("geometry").isNull(), sea.toString());
    assertTrue(sea.get("properties").get("problems").get(0).get("reason_zh").asText().contains("中国境外"), sea.toString());
  }

  @Test
  void everyProblemAndNoteComesInChineseToo() throws Exception {
    List<ImportReport> reports = List.of(run("parcels_bad.geojson"), run("parcels_gbk_4547.zip", "dry_run", "true"),
        run("parcels_gk_points.csv", "dry_run", "true"), run("parcels_4490.gpkg", "dry_run", "true", "id", "ZDDM",
            "land_use_code", "DLBM", "status", "TDZT", "encoding", "GBK"),
        run(csvWithoutZonePrefix(), "points.csv", "dry_run", "true", "srs", "EPSG:4547", "supply_year", "点号"));
    int issues = 0;
    int notes = 0;
    for (ImportReport r : reports) {
      for (Issue i : concat(r.errors(), r.warnings())) {
        chinese(i.reasonZh(), () -> i.toString());
        issues++;
      }
      JsonNode j = json(r);
      assertEquals(j.get("notes").size(), j.get("notes_zh").size(), j.toString());
      for (JsonNode n : j.get("notes_zh")) {
        chinese(n.asText(), () -> "note");
        notes++;
      }
      for (JsonNode e : j.get("errors")) {
        assertTrue(e.has("reason_zh"), "the listed errors carry reason_zh: " + e);
      }
    }
    assertTrue(issues >= 7 && notes >= 3, issues + " issues, " + notes + " notes");
  }

  static List<Issue> concat(List<Issue> a, List<Issue> b) {
    List<Issue> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  @Test
  void theReportListsTheColumnsAndTheFieldsTheyMapToWithChineseTitles() throws Exception {
    JsonNode j = json(run("parcels_gbk_4547.zip", "dry_run", "true"));
    List<String> columns = new ArrayList<>();
    j.get("columns").forEach(c -> columns.add(c.asText()));
    assertTrue(columns.containsAll(List.of("宗地编号", "土地状态", "容积率")), columns.toString());
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    j.get("fields").forEach(f -> fields.put(f.get("field").asText(), f));
    JsonNode id = fields.get("id");
    assertEquals("宗地编号", id.get("title_zh").asText());
    assertEquals("Parcel id", id.get("title_en").asText());
    assertTrue(id.get("required").asBoolean());
    assertEquals("宗地编号", id.get("column").asText());
    assertTrue(id.get("guessed").asBoolean());
    assertEquals("用地分类代码", fields.get("land_use_code").get("title_zh").asText());
    assertFalse(fields.get("far").get("required").asBoolean());
    assertFalse(fields.containsKey("wkt"), "a shapefile carries its own geometry: no geometry columns to map");
    for (JsonNode f : fields.values()) {
      chinese(f.get("title_zh").asText(), () -> f.toString());
    }
    assertEquals("来自 zongdi.prj 文件", j.get("srs_source_zh").asText());
    // a table: the geometry columns are fields too, and the columns include them
    JsonNode csv = json(run("parcels_gk_points.csv", "dry_run", "true"));
    Map<String, JsonNode> csvFields = new LinkedHashMap<>();
    csv.get("fields").forEach(f -> csvFields.put(f.get("field").asText(), f));
    assertTrue(csvFields.get("x").get("geometry").asBoolean());
    assertEquals("X", csvFields.get("x").get("column").asText());
    assertEquals("界址点号", csvFields.get("point").get("title_zh").asText());
    assertTrue(csv.get("columns").toString().contains("\"Y\""), csv.get("columns").toString());
  }

  @Test
  void aFileNamingNoCrsFailsOnSrsInChineseWithItsColumnsThenLandsWithTheChosenOne() throws Exception {
    byte[] csv = csvWithoutZonePrefix();
    ImportFailure e = assertThrows(ImportFailure.class, () -> run(csv, "points.csv", "dry_run", "true"));
    assertEquals("srs", e.parameter);
    chinese(e.messageZh, () -> "no CRS");
    assertTrue(e.messageZh.contains("未声明坐标系") && e.messageZh.contains("EPSG:4547"), e.messageZh);
    assertTrue(e.details.get("columns").toString().contains("宗地号"), e.details.toString());
    assertNotNull(e.details.get("fields"), e.details.toString());
    assertEquals("宗地号", ((Map<?, ?>) e.details.get("mapping")).get("id"));
    ImportReport r = run(csv, "points.csv", "dry_run", "true", "srs", "EPSG:4547");
    assertTrue(r.ok(), () -> r.errors().toString());
    JsonNode p = json(r).get("preview");
    Map<String, Polygon> master = ImportFixtures.master();
    for (JsonNode f : p.get("features")) {
      ParcelImportContract.sameVertices(master.get(f.get("properties").get("id").asText()), polygon(f.get("geometry")), 0.01);
    }
  }

  @Test
  void anUnmappedRequiredFieldFailsInChineseWithTheFieldsToMap() {
    ImportFailure e = assertThrows(ImportFailure.class,
        () -> run("parcels_4490.gpkg", "id", "ZDDM", "land_use_code", "DLBM", "status", ""));
    assertEquals("status", e.parameter);
    chinese(e.messageZh, () -> "unmapped status");
    assertTrue(e.messageZh.contains("土地状态") && e.messageZh.contains("TDZT"), e.messageZh);
    assertEquals(List.of("ZDDM", "DLBM", "TDZT", "ZDMJ"), e.details.get("columns"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) e.details.get("fields");
    Map<String, Object> status = fields.stream().filter(f -> f.get("field").equals("status")).findFirst().orElseThrow();
    assertEquals(true, status.get("required"));
    assertEquals(null, status.get("column"));
    assertEquals("ZDDM", fields.stream().filter(f -> f.get("field").equals("id")).findFirst().orElseThrow().get("column"));
  }

  @Test
  void wholeFileProblemsHaveChineseDescriptions() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Supplier<ImportReport>> cases = new LinkedHashMap<>();
    cases.put("not JSON", () -> call(() -> run("{\"type\":".getBytes(StandardCharsets.UTF_8), "a.geojson")));
    cases.put("empty", () -> call(() -> run(new byte[0], "a.csv")));
    cases.put("zip without shapefile", () -> call(() -> run(zip.toByteArray(), "a.zip")));
    cases.put("lone .shp", () -> call(() -> run(new byte[] {1, 2, 3}, "a.shp")));
    cases.put("unknown format", () -> call(() -> run("x".getBytes(StandardCharsets.UTF_8), "a.csv", "format", "dwg")));
    cases.put("unknown column", () -> call(() -> run("parcels.geojson", "id", "宗地代码")));
    cases.put("Xian 1980", () -> call(() -> run("parcels_gk_points.csv", "srs", "EPSG:2383")));
    cases.put("unknown encoding", () -> call(() -> run("parcels_gk_points.csv", "encoding", "KLINGON")));
    cases.put("unknown target zone", () -> call(() -> run("parcels.geojson", "mode", "replace-zone", "target_zone", "nowhere")));
    cases.put("table without geometry", () -> call(() -> run("宗地号,地类编码,状态\nA1,1001,在用\n".getBytes(StandardCharsets.UTF_8), "a.csv")));
    for (var c : cases.entrySet()) {
      ImportFailure e = assertThrows(ImportFailure.class, c.getValue()::get, c.getKey());
      chinese(e.messageZh, c::getKey);
    }
  }

  interface Call {
    ImportReport run() throws Exception;
  }

  static ImportReport call(Call c) {
    try {
      return c.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPreviewOverTheCapKeepsTheFeaturesWithProblemsFirst() {
    ImportReport r = new ImportReport();
    r.dryRun = true;
    r.checked = new ArrayList<>();
    int n = ImportReport.PREVIEW_MAX + 10;
    for (int i = 1; i <= n; i++) {
      ParcelChecker.Candidate c = new ParcelChecker.Candidate();
      c.index = i;
      c.id = "p" + i;
      r.checked.add(c);
    }
    r.errors.add(new Issue(n, null, "p" + n, "status", "no status", "缺少土地状态"));
    r.warnings.add(new Issue(n - 1, null, "p" + (n - 1), "geometry", "large", "面积偏大"));
    JsonNode p = JSON.valueToTree(r.preview());
    assertTrue(p.get("capped").asBoolean());
    assertEquals(n, p.get("total").asInt());
    assertEquals(ImportReport.PREVIEW_MAX, p.get("features").size());
    assertEquals("error", feature(p, n).get("properties").get("level").asText());
    assertEquals("warning", feature(p, n - 1).get("properties").get("level").asText());
    assertTrue(feature(p, n).get("geometry").isNull());
    // in file order, the first ones kept
    assertEquals(1, p.get("features").get(0).get("id").asInt());
  }

  // --- over HTTP ------------------------------------------------------------------------------

  @Test
  void theEndpointAnswersThePreviewAndChineseDescriptions() throws Exception {
    try (TestServer server = new TestServer(store)) {
      HttpClient http = HttpClient.newHttpClient();
      String admin = server.token("admin");
      String base = server.base() + "/api/imports/parcels";
      HttpResponse<String> dry = http.send(ParcelImportContract.post(base + "?dry_run=true", ImportFixtures.bytes("parcels.geojson"),
          admin, "application/geo+json"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, dry.statusCode(), dry.body());
      JsonNode ok = JSON.readTree(dry.body());
      assertEquals(3, ok.get("preview").get("features").size());
      assertTrue(ok.get("fields").isArray() && ok.get("columns").isArray());

      HttpResponse<String> bad = http.send(ParcelImportContract.post(base + "?dry_run=true", ImportFixtures.bytes("parcels_bad.geojson"),
          admin, "application/geo+json"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, bad.statusCode());
      JsonNode refused = JSON.readTree(bad.body());
      assertEquals("InvalidImport", refused.get("code").asText());
      chinese(refused.get("description_zh").asText(), () -> "400 description");
      assertEquals(5, refused.get("preview").get("features").size());
      chinese(refused.get("errors").get(0).get("reason_zh").asText(), () -> "listed error");

      HttpResponse<String> noCrs = http.send(ParcelImportContract.post(base + "?dry_run=true&format=csv", csvWithoutZonePrefix(),
          admin, "text/csv"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, noCrs.statusCode());
      JsonNode whole = JSON.readTree(noCrs.body());
      assertEquals("srs", whole.get("parameter").asText());
      assertEquals("InvalidParameterValue", whole.get("code").asText());
      chinese(whole.get("description_zh").asText(), () -> "no-CRS description");
      assertTrue(whole.get("columns").toString().contains("宗地号"), whole.toString());
      assertTrue(whole.get("fields").isArray(), whole.toString());

      // a real import answers its counts and the change, no preview
      HttpResponse<String> done = http.send(ParcelImportContract.post(base + "?reason=" + java.net.URLEncoder.encode("测试导入",
          StandardCharsets.UTF_8), ImportFixtures.bytes("parcels.geojson"), admin, "application/geo+json"),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, done.statusCode(), done.body());
      JsonNode written = JSON.readTree(done.body());
      assertTrue(written.get("written").asBoolean());
      assertFalse(written.has("preview"));
      assertTrue(written.get("change_id").isNumber(), written.toString());
    }
  }
}
