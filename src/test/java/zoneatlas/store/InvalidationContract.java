package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyService;
import zoneatlas.efficiency.Indicator;
import zoneatlas.efficiency.Level;
import zoneatlas.tiles.WebMercatorQuad;
import zoneatlas.testing.TestServer;

/**
 * Issue 15, part 2: every write (a figure import, a parcel import appending or replacing a zone, an
 * edit of a parcel or an enterprise) shows in every derived output of a server that had them all
 * warm: the 亩均 indicators and classes, search, summaries, counts, vector tiles and ETags. Each
 * output is checked for the value the write must give, not just for a change; where that value is a
 * whole computation (classes, ranks), it is compared with a cold {@link EfficiencyService} built
 * after the write over the same store, which has no cache to be stale. Run against both stores on a
 * database of this class's own; the zone replacement runs last as it empties most of a zone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InvalidationContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final GeometryFactory GF = new GeometryFactory();
  static final String MERGE = "application/merge-patch+json";
  final HttpClient http = HttpClient.newHttpClient();
  SqlStore store;
  TestServer server;
  String officer;
  String admin;

  /** A store of this class's own, loaded with the demo data. */
  abstract SqlStore writableStore();

  @BeforeAll
  void start() {
    store = writableStore();
    server = new TestServer(store, Map.of());
    officer = server.token("land_officer");
    admin = server.token("admin");
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  HttpResponse<byte[]> bytes(String path, String token, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode json(String path, String token) throws Exception {
    HttpResponse<byte[]> r = bytes(path, token);
    assertEquals(200, r.statusCode(), path + " -> " + new String(r.body(), StandardCharsets.UTF_8));
    return JSON.readTree(r.body());
  }

  static String etag(HttpResponse<?> r) {
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r.uri()));
  }

  /** The current ETag of each path, as {@code token} reads it. */
  Map<String, String> etags(List<String> paths, String token) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String p : paths) {
      HttpResponse<byte[]> r = bytes(p, token);
      assertEquals(200, r.statusCode(), p);
      m.put(p, etag(r));
    }
    return m;
  }

  /**
   * A client holding the answers of {@code before} asks again with If-None-Match: each must come back
   * whole (200) with another tag, and that new tag must then be answered 304 (it is current).
   */
  void staleCopiesAreSentAgain(Map<String, String> before, String token, String what) throws Exception {
    for (Map.Entry<String, String> e : before.entrySet()) {
      HttpResponse<byte[]> r = bytes(e.getKey(), token, "If-None-Match", e.getValue());
      assertEquals(200, r.statusCode(), e.getKey() + " after " + what + ": a copy of the old data is stale");
      assertTrue(r.body().length > 0, e.getKey());
      String now = etag(r);
      assertNotEquals(e.getValue(), now, e.getKey() + " after " + what);
      assertEquals(304, bytes(e.getKey(), token, "If-None-Match", now).statusCode(), e.getKey() + ": the new tag is current");
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String one(String sql, Object... params) throws Exception {
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no row for " + sql + " " + Arrays.toString(params));
        return rs.getString(1);
      }
    }
  }

  String dataVersion() throws Exception {
    return one("SELECT val FROM meta WHERE name = 'data_version'");
  }

  /** The row of {@code id} in a 亩均 table's rows (or null). */
  static JsonNode row(JsonNode table, String arrayName, String id) {
    for (JsonNode r : table.path(arrayName)) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    return null;
  }

  /** What a server with no cache answers now: the cold truth an answer after a write must equal. */
  JsonNode coldIndicators(Level level, String zone, int minGroup) throws Exception {
    EfficiencyService cold = new EfficiencyService(store, minGroup);
    return JSON.readTree(JSON.writeValueAsString(
        cold.indicators(Role.land_officer, level, null, null, zone, Indicator.Unit.mu).json()));
  }

  JsonNode coldClasses(String zone, int minGroup) throws Exception {
    EfficiencyService cold = new EfficiencyService(store, minGroup);
    return JSON.readTree(JSON.writeValueAsString(cold.classes(Role.land_officer, null, null, zone)));
  }

  HttpResponse<String> importFigures(String csv) {
    return server.request("POST", "/api/imports/figures", csv, officer, "Content-Type", "text/csv");
  }

  HttpResponse<String> importParcels(String query, String geojson) {
    return server.request("POST", "/api/imports/parcels" + query, geojson, admin, "Content-Type", "application/geo+json");
  }

  // ---- tiles ----

  static WebMercatorQuad.Tile tileAt(int z, double lon, double lat) {
    long n = 1L << z;
    double fx = (WebMercatorQuad.x(lon) + WebMercatorQuad.HALF) / (2 * WebMercatorQuad.HALF);
    double fy = (WebMercatorQuad.HALF - WebMercatorQuad.y(lat)) / (2 * WebMercatorQuad.HALF);
    return new WebMercatorQuad.Tile(z, (int) Math.floor(fy * n), (int) Math.floor(fx * n));
  }

  static String tilePath(WebMercatorQuad.Tile t) {
    return "/collections/parcels/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
  }

  /** The parcels of a tile: id → properties. */
  static Map<String, Map<String, Object>> parcelsInTile(byte[] tile) throws Exception {
    JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), GF, new TagKeyValueMapConverter(false, "$mvt_id"),
        MvtReader.RING_CLASSIFIER_V2_1);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (JtsLayer l : mvt.getLayers()) {
      if (l.getName().equals("parcels")) {
        for (Geometry g : l.getGeometries()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> props = (Map<String, Object>) g.getUserData();
          out.put((String) props.get("id"), props);
        }
      }
    }
    return out;
  }

  byte[] tile(String path) throws Exception {
    HttpResponse<byte[]> r = bytes(path, null);
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  Geometry geometry(String collection, String id) throws Exception {
    return new GeoJsonReader(GF).read(json("/collections/" + collection + "/items/" + enc(id), null).path("geometry").toString());
  }

  static String geojson(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter(9);
    w.setEncodeCRS(false);
    return w.write(g);
  }

  /** {@code g} scaled about its interior point: a shape inside it (for a convex or nearly convex parcel). */
  static Geometry shrunk(Geometry g, double f) {
    Point c = g.getInteriorPoint();
    return AffineTransformation.scaleInstance(f, f, c.getX(), c.getY()).transform(g);
  }

  static int countOf(JsonNode groups, String code) {
    for (JsonNode g : groups) {
      if (g.path("code").asText().equals(code)) {
        return g.path("count").asInt();
      }
    }
    return 0;
  }

  // ---- a figure import --------------------------------------------------------------------------

  @Test
  @Order(1)
  void aFigureImportShowsInTheIndicatorsClassesZoneTotalsAndTheirETags() throws Exception {
    String zone = "zzhitech";
    String entPath = "/api/efficiency/indicators?level=enterprise&zone=" + zone;
    String zonePath = "/api/efficiency/indicators?level=zone";
    String classPath = "/api/efficiency/classes?zone=" + zone;
    JsonNode ents = json(entPath, officer);
    int year = ents.path("year").asInt();
    int minGroup = ents.path("minGroupSize").asInt();
    // an evaluated enterprise in class D: the import lifts its tax per mu far past the benchmark
    JsonNode e = null;
    for (JsonNode r : ents.path("rows")) {
      if ("D".equals(r.path("class").asText()) && r.path("land_mu").asDouble() > 2 && r.path("tax_per_mu").isNumber()) {
        e = r;
        break;
      }
    }
    assertNotNull(e, "an enterprise of class D in " + zone);
    String id = e.path("id").asText();
    String uscc = e.path("uscc").asText();
    double land = e.path("land_mu").asDouble();
    double oldTax = Double.parseDouble(one("SELECT tax_wan FROM enterprise_figures WHERE enterprise_id = ? AND year = ?", id, year));
    double newTax = Math.round(oldTax + 400 * land);
    JsonNode zoneBefore = row(json(zonePath, officer), "rows", zone);
    JsonNode classesBefore = json(classPath, officer);
    assertEquals("D", row(classesBefore, "enterprises", id).path("class").asText());
    Map<String, String> tags = etags(List.of(entPath, zonePath, classPath, "/api/efficiency/meta",
        "/api/efficiency/low-efficiency?zone=" + zone), officer);

    HttpResponse<String> imp = importFigures("uscc,year,tax_wan\n" + uscc + "," + year + "," + newTax + "\n");
    assertEquals(200, imp.statusCode(), imp.body());
    String version = dataVersion();

    JsonNode after = json(entPath, officer);
    assertEquals(version, after.path("dataVersion").asText(), "the table is of the data version the import wrote");
    JsonNode ea = row(after, "rows", id);
    assertEquals(newTax / land, ea.path("tax_per_mu").asDouble(), newTax / land * 1e-3 + 1e-4,
        "tax per mu = the imported tax over the land counted");
    assertEquals(land, ea.path("land_mu").asDouble(), 1e-9, "the land did not change");
    JsonNode zoneAfter = row(json(zonePath, officer), "rows", zone);
    assertEquals(zoneBefore.path("tax_wan").asDouble() + (newTax - oldTax), zoneAfter.path("tax_wan").asDouble(), 0.01,
        "the zone's tax total moves by exactly what the import added");
    JsonNode classesAfter = json(classPath, officer);
    JsonNode ca = row(classesAfter, "enterprises", id);
    assertTrue(ca.path("score").asDouble() > row(classesBefore, "enterprises", id).path("score").asDouble(),
        "a higher tax per mu scores higher");
    assertNotEquals("D", ca.path("class").asText(), "lifted out of class D: " + ca);
    // classes and ranks are a whole computation: the warm server's answer is what a cold one gives
    // (compared without printing: a failure would print two tables of thousands of rows)
    assertTrue(coldClasses(zone, minGroup).equals(classesAfter), "classes after the import = a cold computation");
    assertTrue(coldIndicators(Level.enterprise, zone, minGroup).equals(after), "indicators after the import = a cold computation");
    staleCopiesAreSentAgain(tags, officer, "a figure import");
  }

  // ---- a parcel import, appending ---------------------------------------------------------------

  @Test
  @Order(2)
  void anAppendedParcelShowsInCountsSearchSummaryTilesIndicatorsAndETags() throws Exception {
    String zone = "zzhitech";
    // an available parcel with a park and no enterprise: the new parcel is drawn inside it (an overlap is only a warning)
    String host = one("SELECT id FROM parcels WHERE zone = ? AND park IS NOT NULL AND status = 'available' "
        + "AND id NOT IN (SELECT parcel_id FROM land_uses) ORDER BY id", zone);
    String park = one("SELECT park FROM parcels WHERE id = ?", host);
    Geometry inner = shrunk(geometry("parcels", host), 0.5);
    assertTrue(inner instanceof Polygon && inner.isValid());
    Point pt = inner.getInteriorPoint();
    WebMercatorQuad.Tile t = tileAt(16, pt.getX(), pt.getY());
    String itemsPath = "/collections/parcels/items?limit=1&zone=" + zone;
    String idlePath = "/collections/parcels/items?limit=1&zone=" + zone + "&status=idle";
    long matched = json(itemsPath, null).path("numberMatched").asLong();
    long idle = json(idlePath, null).path("numberMatched").asLong();
    long featureCount = json("/collections/parcels", null).path("featureCount").asLong();
    JsonNode summary = json("/api/summary/industrial-parks/" + park, null);
    JsonNode parcelTable = json("/api/efficiency/indicators?level=parcel&zone=" + zone, officer);
    assertFalse(parcelsInTile(tile(tilePath(t))).containsKey("INV-NEW-1"));
    Map<String, String> tags = etags(List.of(itemsPath, idlePath, "/collections/parcels", tilePath(t)), null);
    Map<String, String> officerTags = etags(List.of("/api/efficiency/indicators?level=parcel&zone=" + zone), officer);

    String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"INV-NEW-1\","
        + "\"land_use_code\":\"100101\",\"status\":\"闲置\"},\"geometry\":" + geojson(inner) + "}]}";
    HttpResponse<String> imp = importParcels("?format=geojson", file);
    assertEquals(200, imp.statusCode(), imp.body());
    JsonNode report = JSON.readTree(imp.body());
    assertEquals(1, report.path("inserted").asInt(), imp.body());
    JsonNode stored = json("/collections/parcels/items/INV-NEW-1", null);
    assertEquals(zone, stored.at("/properties/zone").asText());
    assertEquals(park, stored.at("/properties/park").asText());
    double areaM2 = stored.at("/properties/area_m2").asDouble();

    assertEquals(matched + 1, json(itemsPath, null).path("numberMatched").asLong(), "numberMatched of the zone");
    assertEquals(idle + 1, json(idlePath, null).path("numberMatched").asLong(), "numberMatched of the zone's idle parcels");
    assertEquals(featureCount + 1, json("/collections/parcels", null).path("featureCount").asLong(), "the layer's count");
    JsonNode found = json("/api/search?q=INV-NEW-1", null);
    assertEquals("INV-NEW-1", found.at("/results/0/id").asText(), found.toString());
    JsonNode s2 = json("/api/summary/industrial-parks/" + park, null);
    assertEquals(summary.at("/parcels/count").asLong() + 1, s2.at("/parcels/count").asLong(), "the park's parcel count");
    assertEquals(summary.at("/parcels/area_m2").asDouble() + areaM2, s2.at("/parcels/area_m2").asDouble(), 0.2,
        "the park's area grows by the new parcel's");
    assertEquals(countOf(summary.path("by_status"), "idle") + 1, countOf(s2.path("by_status"), "idle"));
    Map<String, Object> inTile = parcelsInTile(tile(tilePath(t))).get("INV-NEW-1");
    assertNotNull(inTile, "the new parcel is drawn in tile " + t);
    assertEquals("idle", inTile.get("status"));
    JsonNode parcels2 = json("/api/efficiency/indicators?level=parcel&zone=" + zone, officer);
    assertEquals(parcelTable.path("rows").size() + 1, parcels2.path("rows").size(), "the 亩均 parcel table has one row more");
    JsonNode pr = row(parcels2, "rows", "INV-NEW-1");
    assertNotNull(pr, "the new parcel is in the 亩均 parcel table");
    assertEquals("idle", pr.path("status").asText());
    staleCopiesAreSentAgain(tags, null, "a parcel import");
    staleCopiesAreSentAgain(officerTags, officer, "a parcel import");
  }

  // ---- edits ------------------------------------------------------------------------------------

  @Test
  @Order(3)
  void aParcelEditShowsInTheTileTheSummaryTheCountsAndTheMuEfficiencyParcelTable() throws Exception {
    String zone = "zzhitech";
    String id = one("SELECT id FROM parcels WHERE zone = ? AND park IS NOT NULL AND status = 'supplied_not_used' ORDER BY id", zone);
    String park = one("SELECT park FROM parcels WHERE id = ?", id);
    Point pt = geometry("parcels", id).getInteriorPoint();
    WebMercatorQuad.Tile t = tileAt(16, pt.getX(), pt.getY());
    String building = "/collections/parcels/items?limit=1&zone=" + zone + "&status=under_construction";
    long n = json(building, null).path("numberMatched").asLong();
    JsonNode summary = json("/api/summary/industrial-parks/" + park, null);
    assertEquals("supplied_not_used", parcelsInTile(tile(tilePath(t))).get(id).get("status"));
    String parcelTable = "/api/efficiency/indicators?level=parcel&zone=" + zone;
    assertEquals("supplied_not_used", row(json(parcelTable, officer), "rows", id).path("status").asText());
    Map<String, String> tags = etags(List.of(building, tilePath(t)), null);

    HttpResponse<String> p = server.request("PATCH", "/collections/parcels/items/" + id,
        "{\"properties\":{\"status\":\"under_construction\"}}", officer, "Content-Type", MERGE);
    assertEquals(200, p.statusCode(), p.body());

    assertEquals("under_construction", parcelsInTile(tile(tilePath(t))).get(id).get("status"), "the tile draws the new status");
    assertEquals(n + 1, json(building, null).path("numberMatched").asLong());
    JsonNode s2 = json("/api/summary/industrial-parks/" + park, null);
    assertEquals(countOf(summary.path("by_status"), "supplied_not_used") - 1, countOf(s2.path("by_status"), "supplied_not_used"));
    assertEquals(countOf(summary.path("by_status"), "under_construction") + 1, countOf(s2.path("by_status"), "under_construction"));
    assertEquals(summary.at("/parcels/count").asLong(), s2.at("/parcels/count").asLong());
    assertEquals("under_construction", row(json(parcelTable, officer), "rows", id).path("status").asText(),
        "the 亩均 parcel table reads the edited status");
    staleCopiesAreSentAgain(tags, null, "a parcel edit");
  }

  @Test
  @Order(4)
  void aRenamedEnterpriseIsFoundByItsNewNameAndNamedSoInTheMuEfficiencyTables() throws Exception {
    String zone = "zzhitech";
    String entPath = "/api/efficiency/indicators?level=enterprise&zone=" + zone;
    JsonNode r0 = null;
    for (JsonNode r : json(entPath, officer).path("rows")) {
      if ("evaluated".equals(r.path("status").asText())) {
        r0 = r;
        break;
      }
    }
    assertNotNull(r0);
    String id = r0.path("id").asText();
    String oldName = r0.path("name_zh").asText();
    String newName = "合成示例·郑州澜沧失效检验科技有限公司";
    JsonNode hit = json("/api/search?q=" + enc(oldName) + "&collections=enterprises", null);
    assertEquals(id, hit.at("/results/0/id").asText(), "found by its old name first");
    assertEquals(0, json("/api/search?q=" + enc("澜沧失效检验"), null).path("numberReturned").asInt());
    Map<String, String> tags = etags(List.of(entPath, "/api/efficiency/classes?zone=" + zone), officer);

    HttpResponse<String> p = server.request("PATCH", "/collections/enterprises/items/" + enc(id),
        "{\"properties\":{\"name_zh\":\"" + newName + "\"}}", officer, "Content-Type", MERGE);
    assertEquals(200, p.statusCode(), p.body());

    JsonNode found = json("/api/search?q=" + enc("澜沧失效检验"), null);
    assertEquals(1, found.path("numberReturned").asInt(), found.toString());
    assertEquals(id, found.at("/results/0/id").asText());
    assertEquals(newName, found.at("/results/0/name_zh").asText());
    JsonNode byPinyin = json("/api/search?q=lancangshixiao&collections=enterprises", null);
    assertEquals(id, byPinyin.at("/results/0/id").asText(), "the new name's pinyin is indexed too: " + byPinyin);
    JsonNode old = json("/api/search?q=" + enc(oldName) + "&collections=enterprises", null);
    for (JsonNode h : old.path("results")) {
      if (h.path("id").asText().equals(id)) {
        assertEquals(newName, h.path("name_zh").asText(), "no hit carries the old name");
      }
    }
    assertEquals(newName, row(json(entPath, officer), "rows", id).path("name_zh").asText(), "the 亩均 table names it anew");
    assertEquals(newName, row(json("/api/efficiency/classes?zone=" + zone, officer), "enterprises", id).path("name_zh").asText());
    staleCopiesAreSentAgain(tags, officer, "a rename");
  }

  // ---- a parcel import replacing a zone (last: it empties most of the zone) -----------------------

  @Test
  @Order(9)
  void replacingAZonesParcelsLeavesExactlyTheFilesParcelsEverywhere() throws Exception {
    String zone = "xxetdz";
    List<String> keep = new ArrayList<>();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM parcels WHERE zone = ? AND status = 'in_use' AND park IS NOT NULL ORDER BY id")) {
      ps.setString(1, zone);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && keep.size() < 2) {
          keep.add(rs.getString(1));
        }
      }
    }
    assertEquals(2, keep.size());
    String gone = one("SELECT id FROM parcels WHERE zone = ? AND id NOT IN (?, ?) ORDER BY id", zone, keep.get(0), keep.get(1));
    Point gp = geometry("parcels", gone).getInteriorPoint();
    WebMercatorQuad.Tile t = tileAt(16, gp.getX(), gp.getY());
    assertTrue(parcelsInTile(tile(tilePath(t))).containsKey(gone));
    String itemsPath = "/collections/parcels/items?limit=1&zone=" + zone;
    long before = json(itemsPath, null).path("numberMatched").asLong();
    assertTrue(before > 100, "the zone has " + before + " parcels");
    long featureCount = json("/collections/parcels", null).path("featureCount").asLong();
    String zonesRows = "/api/efficiency/indicators?level=zone";
    assertTrue(row(json(zonesRows, officer), "rows", zone).path("parcels").asLong() > 100);
    Map<String, String> tags = etags(List.of(itemsPath, "/collections/parcels", tilePath(t)), null);
    Map<String, String> officerTags = etags(List.of(zonesRows), officer);

    StringBuilder file = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < keep.size(); i++) {
      JsonNode f = json("/collections/parcels/items/" + enc(keep.get(i)), null);
      file.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(keep.get(i))
          .append("\",\"land_use_code\":\"").append(f.at("/properties/land_use_code").asText())
          .append("\",\"status\":\"").append(i == 0 ? "闲置" : "在用").append("\"},\"geometry\":")
          .append(f.path("geometry")).append("}");
    }
    file.append("]}");
    HttpResponse<String> imp = importParcels("?format=geojson&mode=replace-zone&target_zone=" + zone, file.toString());
    assertEquals(200, imp.statusCode(), imp.body());
    JsonNode report = JSON.readTree(imp.body());
    assertEquals(2, report.path("updated").asInt(), imp.body());
    assertEquals(before - 2, report.path("deleted").asLong(), imp.body());

    assertEquals(2, json(itemsPath, null).path("numberMatched").asLong(), "only the file's parcels are left in the zone");
    assertEquals(featureCount - (before - 2), json("/collections/parcels", null).path("featureCount").asLong());
    assertEquals(404, bytes("/collections/parcels/items/" + enc(gone), null).statusCode());
    assertEquals("idle", json("/collections/parcels/items/" + enc(keep.get(0)), null).at("/properties/status").asText());
    assertFalse(parcelsInTile(tile(tilePath(t))).containsKey(gone), "a removed parcel is no longer drawn");
    JsonNode zoneSummary = json("/api/summary/zones/" + one("SELECT id FROM plan_features WHERE layer = 'zones' AND zone = ? AND kind = 'development_zone'", zone), null);
    assertEquals(2, zoneSummary.at("/parcels/count").asLong(), zoneSummary.toString());
    assertEquals(1, countOf(zoneSummary.path("by_status"), "idle"));
    assertEquals(1, countOf(zoneSummary.path("by_status"), "in_use"));
    JsonNode zoneRow = row(json(zonesRows, officer), "rows", zone);
    assertEquals(2, zoneRow.path("parcels").asLong(), "the 亩均 zone row counts the zone's two parcels");
    assertEquals(0, json("/api/search?q=" + enc(gone), null).path("numberReturned").asInt(), "a removed parcel is not found");
    staleCopiesAreSentAgain(tags, null, "a zone replacement");
    staleCopiesAreSentAgain(officerTags, officer, "a zone replacement");
  }
}
