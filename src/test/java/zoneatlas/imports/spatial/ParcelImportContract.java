package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.store.DataWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * Parcel imports against a store: both stores run the same checks on a writable store of their
 * own holding the demo plan layers (never the shared demo stores).
 */
abstract class ParcelImportContract {
  static final ObjectMapper JSON = new ObjectMapper();

  abstract SqlStore store();

  record Stored(String id, String zone, String board, String park, String landUseCode, String landUseName, String status,
      double areaM2, double areaMu, Double far, boolean synthetic, Polygon geom) {}

  @BeforeEach
  void emptyParcels() {
    ImportFixtures.clearParcels(store());
  }

  ImportReport run(String fixture, String... kv) throws SQLException {
    return run(ImportFixtures.bytes(fixture), fixture, kv);
  }

  ImportReport run(byte[] bytes, String filename, String... kv) throws SQLException {
    List<String> all = new ArrayList<>(List.of(kv));
    all.add("filename");
    all.add(filename);
    return new ParcelImportService(store(), 100_000_000).importFile(bytes, ImportFixtures.options(all.toArray(String[]::new)));
  }

  Map<String, Stored> stored() throws Exception {
    Map<String, Stored> m = new TreeMap<>();
    try (Connection c = store().connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, zone, board, park, land_use_code, land_use_name, status, area_m2, area_mu,"
            + " far, synthetic, ST_AsBinary(geom) FROM parcels ORDER BY id")) {
      while (rs.next()) {
        double far = rs.getDouble(10);
        Double farOrNull = rs.wasNull() ? null : far;
        m.put(rs.getString(1), new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getDouble(9), farOrNull, rs.getBoolean(11),
            (Polygon) new WKBReader().read(rs.getBytes(12))));
      }
    }
    return m;
  }

  String dataVersion() throws SQLException {
    try (Connection c = store().connection(); PreparedStatement ps = c.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
      ps.setString(1, "data_version");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Every vertex of {@code expected} has a stored vertex within {@code metres}, and the counts agree. */
  static void sameVertices(Polygon expected, Polygon actual, double metres) {
    assertEquals(expected.getNumPoints(), actual.getNumPoints(), "vertex count");
    assertEquals(expected.getNumInteriorRing(), actual.getNumInteriorRing(), "holes");
    for (Coordinate e : expected.getCoordinates()) {
      double best = Double.MAX_VALUE;
      for (Coordinate a : actual.getCoordinates()) {
        best = Math.min(best, Geodesy.distanceM(e.x, e.y, a.x, a.y));
      }
      assertTrue(best < metres, "vertex " + e + " is " + best + " m from the nearest imported vertex");
    }
  }

  void landsOnTheMaster(double metres) throws Exception {
    Map<String, Stored> s = stored();
    assertEquals(Set.of(ImportFixtures.IDS), s.keySet());
    ImportFixtures.master().forEach((id, poly) -> sameVertices(poly, s.get(id).geom(), metres));
  }

  @Test
  void gbkShapefileInGaussKrugerLandsWithinOneCentimetreOfWhereProjPutIt() throws Exception {
    ImportReport r = run("parcels_gbk_4547.zip");
    assertTrue(r.ok(), () -> r.errors().toString());
    assertTrue(r.written());
    assertEquals(3, r.inserted());
    Map<String, Object> body = r.toJson();
    assertTrue(body.get("srs").toString().startsWith("EPSG:4547"), body.get("srs").toString());
    assertEquals("zongdi.prj", body.get("srs_source"));
    landsOnTheMaster(0.01);
  }

  @Test
  void chineseAttributesOfTheGbkShapefileAreReadRight() throws Exception {
    ImportReport r = run("parcels_gbk_4547.zip");
    assertTrue(r.ok(), () -> r.errors().toString());
    @SuppressWarnings("unchecked")
    Map<String, String> mapping = (Map<String, String>) r.toJson().get("mapping");
    assertEquals("宗地编号", mapping.get("id"));
    assertEquals("土地状态", mapping.get("status"));
    assertEquals("容积率", mapping.get("far"));
    Map<String, Stored> s = stored();
    assertEquals("in_use", s.get("410171-001").status());
    assertEquals("idle", s.get("410171-002").status());
    assertEquals("approved_not_supplied", s.get("410171-003").status());
    assertEquals("二类工业用地", s.get("410171-001").landUseName());
    assertEquals("一类物流仓储用地", s.get("410171-002").landUseName());
    assertEquals(1.2, s.get("410171-001").far());
    // the DBF states 10% too much for parcel 002: kept as a warning, the geodesic area stored
    List<Issue> areaWarnings = r.warnings().stream().filter(w -> w.field().equals("area_m2")).toList();
    assertEquals(1, areaWarnings.size(), r.warnings().toString());
    assertEquals("410171-002", areaWarnings.get(0).id());
  }

  @Test
  void importedParcelsAreRealDataPlacedInTheirZoneAndPark() throws Exception {
    ImportReport r = run("parcels.geojson");
    assertTrue(r.ok(), () -> r.errors().toString());
    for (Stored p : stored().values()) {
      assertFalse(p.synthetic());
      assertEquals("zzetdz", p.zone());
      assertEquals(ImportFixtures.PARK, p.park());
      assertNull(p.far(), "a FAR the file does not state stays unknown");
    }
    landsOnTheMaster(0.001);
  }

  @Test
  void geoPackageColumnsAreMappedByParameter() throws Exception {
    ImportReport r = run("parcels_4490.gpkg", "id", "ZDDM", "land_use_code", "DLBM", "status", "TDZT");
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals("EPSG:4490", r.toJson().get("srs").toString().substring(0, 9));
    landsOnTheMaster(0.001);
    assertEquals("approved_not_supplied", stored().get("410171-003").status(), "TDZT 批而未供");
  }

  @Test
  void csvBoundaryPointsWithZonePrefixedEastingsInSurveyingOrder() throws Exception {
    ImportReport r = run("parcels_gk_points.csv");
    assertTrue(r.ok(), () -> r.errors().toString());
    Map<String, Object> body = r.toJson();
    assertTrue(body.get("srs").toString().startsWith("EPSG:4526"), body.get("srs").toString());
    assertEquals("detected", body.get("srs_source"));
    assertTrue(body.get("notes").toString().contains("northings"), body.get("notes").toString());
    // the CSV keeps millimetres: within 1 cm of the drawn parcels
    landsOnTheMaster(0.01);
  }

  @Test
  void spreadsheetWithWktAndCodesStoredAsNumbers() throws Exception {
    ImportReport r = run("parcels_wkt.xlsx");
    assertTrue(r.ok(), () -> r.errors().toString());
    Map<String, Stored> s = stored();
    assertEquals("100102", s.get("410171-001").landUseCode());
    assertEquals("idle", s.get("410171-002").status());
    landsOnTheMaster(0.001);
  }

  @Test
  void aFileWithBadFeaturesWritesNothingAndNamesEachFeatureAndReason() throws Exception {
    String before = dataVersion();
    ImportReport r = run("parcels_bad.geojson");
    assertFalse(r.ok());
    assertFalse(r.written());
    assertTrue(stored().isEmpty(), "the good feature must not be written either");
    assertEquals(before, dataVersion());
    assertHas(r, 2, "bad-bowtie", "geometry", "Self-intersection");
    assertHas(r, 3, "bad-code", "land_use_code", "9999");
    assertHas(r, 4, "bad-ok", "id", "used again");
    assertHas(r, 5, "bad-sea", "geometry", "outside China");
    assertEquals(4, r.errors().size(), r.errors().toString());
  }

  static void assertHas(ImportReport r, int index, String id, String field, String reasonPart) {
    assertTrue(r.errors().stream().anyMatch(e -> e.index() == index && id.equals(e.id()) && e.field().equals(field)
        && e.reason().contains(reasonPart)), "expected " + index + "/" + id + "/" + field + " '" + reasonPart + "' in " + r.errors());
  }

  @Test
  void areasAreGeodesicNeverTheFilesOrDegrees() throws Exception {
    ImportReport r = run("parcels_gbk_4547.zip");
    assertTrue(r.ok(), () -> r.errors().toString());
    Map<String, Stored> s = stored();
    Map<String, Polygon> master = ImportFixtures.master();
    for (String id : ImportFixtures.IDS) {
      double geodesic = Geodesy.areaM2(master.get(id));
      assertEquals(geodesic, s.get(id).areaM2(), 0.05, id);
      assertEquals(s.get(id).areaM2() / Geodesy.M2_PER_MU, s.get(id).areaMu(), 1e-3, id);
    }
    // parcel 001: the Gauss-Kruger plane area PROJ gave (61020.55 m², 0.17° from the central
    // meridian, so within 0.01%) agrees; a degree area would be ~6e-6
    assertEquals(61020.55, s.get("410171-001").areaM2(), 61020.55 * 1e-4);
    // parcel 003 has a hole of 0.001° × 0.0005° (about 5100 m²): its area is the outline less the hole
    Polygon p3 = master.get("410171-003");
    double outline = Geodesy.areaM2(new GeometryFactory().createPolygon(p3.getExteriorRing().getCoordinates()));
    assertTrue(s.get("410171-003").areaM2() < outline - 4000, "hole not subtracted");
  }

  @Test
  void anIdAlreadyStoredIsAnErrorWhenAppending() throws Exception {
    assertTrue(run("parcels.geojson").ok());
    ImportReport again = run("parcels.geojson");
    assertFalse(again.ok());
    assertEquals(3, again.errors().size());
    assertTrue(again.errors().stream().allMatch(e -> e.field().equals("id") && e.reason().contains("already exists")));
    assertEquals(3, stored().size());
  }

  @Test
  void replaceZoneRewritesParcelsBroughtBackAndRemovesTheRestWithTheirLandUses() throws Exception {
    assertTrue(run("parcels.geojson").ok());
    try (Connection c = store().connection()) {
      DataWriter w = new DataWriter(store(), c);
      w.enterprises(List.of(new Enterprise("e-test", "91410100TEST00001X", "测试企业", "Test Co", "zzetdz", null, "equipment",
          "small", 2015, true, new GeometryFactory().createPoint(new Coordinate(113.8285, 34.6485)))));
      w.landUses(List.of(new LandUse("e-test", "410171-001", "owner", 1.0, 2019), new LandUse("e-test", "410171-002", "tenant", 0.5, 2020)));
    }
    ObjectNode fc = (ObjectNode) JSON.readTree(ImportFixtures.bytes("parcels.geojson"));
    ArrayNode features = (ArrayNode) fc.get("features");
    features.remove(1); // 410171-002 is not brought back
    ((ObjectNode) features.get(0).get("properties")).put("status", "部分使用");
    ImportReport r = run(JSON.writeValueAsBytes(fc), "survey.geojson", "mode", "replace-zone", "target_zone", "zzetdz");
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(2, r.updated());
    assertEquals(0, r.inserted());
    assertEquals(1, r.deleted());
    assertEquals(1, r.toJson().get("land_uses_deleted"));
    Map<String, Stored> s = stored();
    assertEquals(Set.of("410171-001", "410171-003"), s.keySet());
    assertEquals("partly_used", s.get("410171-001").status());
    try (Connection c = store().connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT parcel_id FROM land_uses")) {
      assertTrue(rs.next());
      assertEquals("410171-001", rs.getString(1), "the land use of a parcel brought back stays");
      assertFalse(rs.next());
    }
  }

  @Test
  void replaceZoneRefusesParcelsOutsideTheTargetZone() throws Exception {
    ImportReport r = run("parcels.geojson", "mode", "replace-zone", "target_zone", "xxetdz");
    assertFalse(r.ok());
    assertTrue(r.errors().stream().allMatch(e -> e.field().equals("zone") && e.reason().contains("not in target_zone xxetdz")));
  }

  @Test
  void overlapsWithStoredParcelsAndWithinTheFileAreWarnedAbout() throws Exception {
    assertTrue(run("parcels.geojson").ok());
    String square = "[[[113.8300,34.6490],[113.8315,34.6490],[113.8315,34.6495],[113.8300,34.6495],[113.8300,34.6490]]]";
    String fc = "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"id\":\"o1\",\"land_use_code\":\"1001\",\"status\":\"在建\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}},"
        + "{\"type\":\"Feature\",\"properties\":{\"id\":\"o2\",\"land_use_code\":\"1001\",\"status\":\"在建\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}}]}";
    ImportReport r = run(fc.getBytes(StandardCharsets.UTF_8), "overlap.geojson", "dry_run", "true");
    assertTrue(r.ok(), () -> r.errors().toString());
    // o1 and o2 cover 0.0010° × 0.0005° of 410171-001 (113.828-113.831): about 4600 m² each
    assertTrue(r.warnings().stream().anyMatch(w -> w.id().equals("o1") && w.reason().contains("stored parcel 410171-001")),
        r.warnings().toString());
    assertTrue(r.warnings().stream().anyMatch(w -> w.id().equals("o2") && w.reason().contains("parcel o1 of this file")),
        r.warnings().toString());
  }

  @Test
  void aDryRunChecksAndCountsButWritesNothing() throws Exception {
    String before = dataVersion();
    ImportReport r = run("parcels_gbk_4547.zip", "dry_run", "true");
    assertTrue(r.ok());
    assertFalse(r.written());
    assertEquals(3, r.inserted());
    assertTrue(stored().isEmpty());
    assertEquals(before, dataVersion());
  }

  @Test
  void aSuccessfulImportMovesTheDataVersionOn() throws Exception {
    String before = dataVersion();
    ImportReport r = run("parcels.geojson");
    assertTrue(r.ok());
    assertFalse(before.equals(dataVersion()));
    assertEquals(r.toJson().get("data_version"), dataVersion());
  }

  @Test
  void multiPartParcelsAreRefusedAndSinglePartOnesUnwrapped() throws Exception {
    String one = "[[[113.8280,34.6540],[113.8290,34.6540],[113.8290,34.6550],[113.8280,34.6540]]]";
    String two = "[[[113.8300,34.6540],[113.8310,34.6540],[113.8310,34.6550],[113.8300,34.6540]]]";
    String fc = "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"id\":\"m1\",\"land_use_code\":\"1001\",\"status\":\"在用\"},"
        + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" + one + "]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"id\":\"m2\",\"land_use_code\":\"1001\",\"status\":\"在用\"},"
        + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" + one + "," + two + "]}}]}";
    ImportReport r = run(fc.getBytes(StandardCharsets.UTF_8), "multi.geojson");
    assertFalse(r.ok());
    assertEquals(1, r.errors().size());
    assertHas(r, 2, "m2", "geometry", "multi-part");
    ImportReport single = run(fc.replace("," + two, "").getBytes(StandardCharsets.UTF_8), "multi.geojson");
    assertTrue(single.ok(), () -> single.errors().toString());
    assertEquals("Polygon", stored().get("m1").geom().getGeometryType());
  }

  @Test
  void xian1980CoordinatesAreRefusedNotGuessed() {
    ImportFailure e = assertThrows(ImportFailure.class, () -> run("parcels_gk_points.csv", "srs", "EPSG:2383"));
    assertEquals("srs", e.parameter);
    assertTrue(e.getMessage().contains("Xian 1980"));
  }

  @Test
  void unmappedRequiredFieldsAreNamed() {
    ImportFailure e = assertThrows(ImportFailure.class,
        () -> run("parcels_4490.gpkg", "id", "ZDDM", "land_use_code", "DLBM", "status", ""));
    assertEquals("status", e.parameter);
    assertTrue(e.getMessage().contains("TDZT"), e.getMessage());
  }

  // --- over HTTP ------------------------------------------------------------------------------

  @Test
  void onlyAdministratorsMayImportAndTheEndpointAnswersInJson() throws Exception {
    try (TestServer server = new TestServer(store())) {
      HttpClient http = HttpClient.newHttpClient();
      byte[] file = ImportFixtures.bytes("parcels_gbk_4547.zip");
      String url = server.base() + "/api/imports/parcels?dry_run=true";
      assertEquals(401, http.send(post(url, file, null, "application/zip"), HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(403, http.send(post(url, file, server.token("land_officer"), "application/zip"),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      HttpResponse<String> ok = http.send(post(url, file, server.token("admin"), "application/zip"),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, ok.statusCode(), ok.body());
      JsonNode body = JSON.readTree(ok.body());
      assertTrue(body.get("ok").asBoolean());
      assertEquals("shp-zip", body.get("format").asText());
      assertEquals(3, body.get("items").size());
      assertEquals("zzetdz", body.get("items").get(0).get("zone").asText());
      assertTrue(stored().isEmpty());
    }
  }

  @Test
  void aMultipartUploadWithBadFeaturesAnswers400ListingThem() throws Exception {
    try (TestServer server = new TestServer(store())) {
      String boundary = "----zoneatlas-test";
      byte[] file = ImportFixtures.bytes("parcels_bad.geojson");
      var out = new java.io.ByteArrayOutputStream();
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nappend\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"宗地.geojson\"\r\n"
          + "Content-Type: application/geo+json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(file);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          post(server.base() + "/api/imports/parcels", out.toByteArray(), server.token("admin"), "multipart/form-data; boundary=" + boundary),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode(), r.body());
      JsonNode body = JSON.readTree(r.body());
      assertEquals("InvalidImport", body.get("code").asText(), r.body());
      assertTrue(body.has("error_count"), r.body());
      assertEquals(4, body.get("error_count").asInt());
      assertEquals("bad-bowtie", body.get("errors").get(0).get("id").asText());
      assertEquals(2, body.get("errors").get(0).get("index").asInt());
      assertTrue(stored().isEmpty());
    }
  }

  @Test
  void aWholeFileProblemAnswers400NamingTheParameter() throws Exception {
    try (TestServer server = new TestServer(store())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          post(server.base() + "/api/imports/parcels?format=csv&srs=EPSG:2383", ImportFixtures.bytes("parcels_gk_points.csv"),
              server.token("admin"), "text/csv"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode());
      assertEquals("srs", JSON.readTree(r.body()).get("parameter").asText());
      HttpResponse<String> unknown = HttpClient.newHttpClient().send(
          post(server.base() + "/api/imports/parcels?colour=red", ImportFixtures.bytes("parcels.geojson"),
              server.token("admin"), "application/geo+json"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, unknown.statusCode());
      assertEquals("colour", JSON.readTree(unknown.body()).get("parameter").asText());
    }
  }

  static HttpRequest post(String url, byte[] body, String token, String type) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }
}
