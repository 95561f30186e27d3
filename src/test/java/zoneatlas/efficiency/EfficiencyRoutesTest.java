package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** The efficiency endpoints on the real server: roles, suppression, what-if, exports, errors. */
class EfficiencyRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;
  private static String officer;
  private static String planner;

  @BeforeAll
  static void start() {
    server = new TestServer(TestStores.h2());
    officer = server.token("land_officer");
    planner = server.token("planner");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void metaListsYearsSchemesAndIndicators() throws Exception {
    JsonNode m = json(server.get("/api/efficiency/meta"), 200);
    assertEquals(3, m.get("schemes").size());
    assertTrue(m.get("years").size() >= 2);
    assertEquals(Indicator.values().length, m.get("indicators").size());
    assertTrue(m.get("synthetic").asBoolean());
  }

  @Test
  void anonymousCallersMayNotSeeEnterpriseLevelFigures() throws Exception {
    JsonNode e = json(server.get("/api/efficiency/indicators?level=enterprise"), 403);
    assertEquals("Forbidden", e.get("code").asText());
    json(server.get("/api/efficiency/indicators?level=enterprise", planner), 403);
  }

  @Test
  void landOfficersSeeEveryEnterprisesFiguresAndClass() throws Exception {
    JsonNode t = json(server.get("/api/efficiency/indicators?level=enterprise&zone=xxetdz", officer), 200);
    assertTrue(t.get("rows").size() > 100);
    JsonNode evaluated = null;
    for (JsonNode r : t.get("rows")) {
      assertEquals("xxetdz", r.get("zone").asText());
      if (r.get("status").asText().equals("evaluated")) {
        evaluated = r;
      }
    }
    assertTrue(evaluated.get("tax_wan").isNumber());
    assertTrue(evaluated.get("class").isTextual());
    assertEquals(18, evaluated.get("uscc").asText().length());
  }

  @Test
  void plannersGetRollUpsWithSmallGroupsWithheld() throws Exception {
    JsonNode parks = json(server.get("/api/efficiency/indicators?level=industrial-park", planner), 200);
    int shown = 0;
    for (JsonNode r : parks.get("rows")) {
      if (r.get("enterprises").asInt() >= 3) {
        assertTrue(r.get("tax_per_mu").isNumber(), r.toString());
        shown++;
      }
    }
    assertTrue(shown > 10);
    JsonNode parcels = json(server.get("/api/efficiency/indicators?level=parcel&zone=zzetdz"), 200);
    int withheld = 0;
    for (JsonNode r : parcels.get("rows")) {
      if (r.get("enterprises").asInt() < 3) {
        assertTrue(r.get("tax_per_mu").isNull(), r.toString());
        assertFalse(r.has("class"), "parcel classes reveal enterprise classes");
        if (r.get("enterprises").asInt() > 0) {
          assertTrue(r.get("suppressed").asBoolean());
          withheld++;
        }
      }
      assertTrue(r.get("far").isNumber(), "floor-area ratio is a parcel attribute, never withheld");
    }
    assertTrue(withheld > 100);
    assertTrue(parcels.get("suppressedReason").asText().contains("fewer than 3"));
  }

  @Test
  void perHectareValuesAreFifteenTimesPerMu() throws Exception {
    JsonNode mu = json(server.get("/api/efficiency/indicators?level=zone", officer), 200).get("rows").get(0);
    JsonNode ha = json(server.get("/api/efficiency/indicators?level=zone&unit=ha", officer), 200).get("rows").get(0);
    assertEquals(mu.get("tax_per_mu").asDouble() * 15, ha.get("tax_per_ha").asDouble(), 0.01);
    assertEquals(mu.get("land_mu").asDouble() / 15, ha.get("land_ha").asDouble(), 0.01);
  }

  @Test
  void classesListEnterprisesOnlyForConfidentialRoles() throws Exception {
    JsonNode anon = json(server.get("/api/efficiency/classes?scheme=percentile"), 200);
    assertFalse(anon.has("enterprises"));
    assertTrue(anon.get("zones").get(0).get("counts").has("D"));
    JsonNode off = json(server.get("/api/efficiency/classes?scheme=percentile", officer), 200);
    assertTrue(off.get("enterprises").size() > 100);
    assertTrue(off.get("official").asBoolean());
  }

  @Test
  void aWhatIfReclassifiesWithoutChangingTheOfficialResult() throws Exception {
    String before = json(server.get("/api/efficiency/classes?scheme=weighted-benchmark&zone=zzetdz", officer), 200).get("enterprises").toString();
    String body = "{\"scheme\":\"weighted-benchmark\",\"zone\":\"zzetdz\",\"weights\":{\"tax_per_mu\":80,\"rnd_intensity\":0}}";
    JsonNode w = json(server.post("/api/efficiency/whatif", body, officer), 200);
    assertTrue(w.get("whatIf").asBoolean());
    JsonNode z = w.get("zones").get(0);
    assertTrue(z.get("up").asInt() + z.get("down").asInt() > 0, "changing weights moves some firms: " + z);
    assertTrue(w.get("parcels").size() > 100);
    assertEquals(80, w.get("scoring").get("zzetdz").get("tax_per_mu").get("weight").asDouble());
    String after = json(server.get("/api/efficiency/classes?scheme=weighted-benchmark&zone=zzetdz", officer), 200).get("enterprises").toString();
    assertEquals(before, after);
  }

  @Test
  void onlyLandOfficersAndAdminsMayRunAWhatIf() throws Exception {
    json(server.post("/api/efficiency/whatif", "{}", null), 401);
    json(server.post("/api/efficiency/whatif", "{}", planner), 403);
    json(server.post("/api/efficiency/whatif", "{}", server.token("admin")), 200);
  }

  @Test
  void aBadWhatIfNamesTheField() throws Exception {
    JsonNode e = json(server.post("/api/efficiency/whatif", "{\"weights\":{\"tax_per_mu\":-5}}", officer), 400);
    assertEquals("weights.tax_per_mu", e.get("parameter").asText());
    e = json(server.post("/api/efficiency/whatif", "{\"benchmarks\":{\"tax_per_mu\":0}}", officer), 400);
    assertEquals("benchmarks.tax_per_mu", e.get("parameter").asText());
    e = json(server.post("/api/efficiency/whatif", "{\"weights\":{\"joy_per_mu\":5}}", officer), 400);
    assertEquals("weights.joy_per_mu", e.get("parameter").asText());
    e = json(server.post("/api/efficiency/whatif", "not json", officer), 400);
    assertEquals("body", e.get("parameter").asText());
  }

  @Test
  void whatIfWeightsThatDoNotAddUpTo100AreRefusedNamingWeights() throws Exception {
    // every weight of the scheme given, one raised from 30 to 100: 170 points
    String all = "{\"scheme\":\"weighted-benchmark\",\"weights\":{\"tax_per_mu\":100,\"value_added_per_mu\":20,"
        + "\"value_added_per_tce\":20,\"value_added_per_pollutant\":10,\"labour_productivity\":10,\"rnd_intensity\":10}}";
    JsonNode e = json(server.post("/api/efficiency/whatif", all, officer), 400);
    assertEquals("weights", e.get("parameter").asText());
    assertTrue(e.get("description_zh").asText().contains("170"), e.toString());
    // every weight given, 90 points: nothing left to redistribute, so refused as well
    e = json(server.post("/api/efficiency/whatif", all.replace("100", "30").replace("\"rnd_intensity\":10", "\"rnd_intensity\":0"),
        officer), 400);
    assertEquals("weights", e.get("parameter").asText());
    assertTrue(e.get("description_zh").asText().contains("90"), e.toString());
    // some weights given, already more than 100 between them
    e = json(server.post("/api/efficiency/whatif", "{\"scheme\":\"weighted-benchmark\",\"weights\":{\"tax_per_mu\":70,"
        + "\"rnd_intensity\":40}}", officer), 400);
    assertEquals("weights", e.get("parameter").asText());
    assertTrue(e.get("description_zh").isTextual());
  }

  @Test
  void aWhatIfWeightMustBeAWholeNumberOfPointsFrom0To100() throws Exception {
    for (String v : new String[] {"30.5", "101", "-1", "\"30\""}) {
      JsonNode e = json(server.post("/api/efficiency/whatif", "{\"weights\":{\"tax_per_mu\":" + v + "}}", officer), 400);
      assertEquals("weights.tax_per_mu", e.get("parameter").asText(), v);
      assertTrue(e.get("description_zh").asText().contains("整数"), e.toString());
    }
  }

  @Test
  void raisingOneWeightRedistributesTheOthersAndMovesFirmsBothWays() throws Exception {
    String body = "{\"scheme\":\"weighted-benchmark\",\"weights\":{\"tax_per_mu\":60}}";
    JsonNode w = json(server.post("/api/efficiency/whatif", body, officer), 200);
    JsonNode meta = w.get("meta");
    assertEquals(100, meta.get("weights_total").asDouble(), 0.001);
    int sum = 0;
    for (JsonNode v : meta.get("weights_used")) {
      assertEquals(v.asDouble(), Math.rint(v.asDouble()), "whole points: " + meta);
      sum += v.asInt();
    }
    assertEquals(100, sum);
    assertEquals(60, meta.get("weights_used").get("tax_per_mu").asInt());
    // the other 40 points in proportion 20:20:10:10:10 (11.4, 11.4, 5.7 ×3 → whole points by largest remainder)
    assertEquals(11, meta.get("weights_used").get("value_added_per_mu").asInt(), meta.toString());
    assertEquals(6, meta.get("weights_used").get("labour_productivity").asInt(), meta.toString());
    assertEquals(5, meta.get("weights_redistributed").size());
    assertEquals("rest_redistributed", meta.get("weights_rule").asText());
    for (JsonNode z : w.get("scoring")) {
      double t = 0;
      for (JsonNode x : z) {
        t += x.get("weight").asDouble();
      }
      assertEquals(100, t, 0.001, "every zone scores with 100 points: " + z);
    }
    JsonNode mv = w.get("moves");
    int up = mv.get("up").asInt();
    int down = mv.get("down").asInt();
    assertTrue(up > 0 && down > 0, "a redistributed weight moves firms up and down: " + up + " up, " + down + " down");
    int inTransitions = 0;
    for (JsonNode t : mv.get("transitions")) {
      inTransitions += t.get("count").asInt();
      if (t.get("from").asText().equals(t.get("to").asText())) {
        assertEquals("same", t.get("direction").asText());
      }
    }
    assertEquals(up + down + mv.get("same").asInt(), inTransitions);
    assertEquals(up + down, mv.get("enterprises").size());
    int ups = 0;
    for (JsonNode f : mv.get("enterprises")) {
      assertNotEquals(f.get("official_class").asText(), f.get("class").asText());
      boolean isUp = f.get("class").asText().compareTo(f.get("official_class").asText()) < 0;
      assertEquals(isUp ? "up" : "down", f.get("direction").asText(), f.toString());
      ups += isUp ? 1 : 0;
    }
    assertEquals(up, ups);
  }

  @Test
  void badParametersAreNamed() throws Exception {
    assertEquals("year", json(server.get("/api/efficiency/indicators?year=1999"), 400).get("parameter").asText());
    assertEquals("level", json(server.get("/api/efficiency/indicators?level=galaxy"), 400).get("parameter").asText());
    assertEquals("scheme", json(server.get("/api/efficiency/classes?scheme=nope"), 400).get("parameter").asText());
    assertEquals("zone", json(server.get("/api/efficiency/low-efficiency?zone=atlantis"), 400).get("parameter").asText());
    assertEquals("format", json(server.get("/api/efficiency/targets?format=pdf"), 400).get("parameter").asText());
    assertEquals("colour", json(server.get("/api/efficiency/targets?colour=red"), 400).get("parameter").asText());
  }

  @Test
  void lowEfficiencyLandIsAMapLayerWithReasons() throws Exception {
    HttpResponse<String> r = server.get("/api/efficiency/low-efficiency?format=geojson&zone=zzetdz");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = JSON.readTree(r.body());
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertTrue(fc.get("features").size() > 20);
    for (JsonNode f : fc.get("features")) {
      assertEquals("Polygon", f.get("geometry").get("type").asText());
      assertFalse(f.get("properties").get("reasons").isEmpty());
      for (JsonNode code : f.get("properties").get("reasons")) {
        assertFalse(LowReason.valueOf(code.asText()).confidential, "anonymous sees no reason drawn from enterprise figures");
      }
    }
    JsonNode off = json(server.get("/api/efficiency/low-efficiency?zone=zzetdz", officer), 200);
    assertTrue(off.get("rows").size() > fc.get("features").size(), "officers also see low-class and below-standard land");
    assertTrue(off.get("rows").toString().contains("low_class"));
  }

  @Test
  void targetsComeWithTheirCitation() throws Exception {
    JsonNode t = json(server.get("/api/efficiency/targets"), 200);
    JsonNode xx = null;
    for (JsonNode r : t.get("rows")) {
      if (r.get("target_id").asText().equals("xxetdz-industrial-tax-per-mu-2025") && r.get("level").asText().equals("zone")) {
        xx = r;
      }
    }
    assertEquals("003_7e57f287e5d0df84.txt", xx.get("source_doc").asText());
    assertEquals("189,617", xx.get("source_lines").asText());
    assertTrue(t.get("rows").toString().contains("no_target"));
    // the industrial land of a zone is no published cell: its tax per mu follows from published cells or is withheld
    if (xx.get("actual").isNull()) {
      assertEquals("suppressed", xx.get("outcome").asText());
      assertFalse(xx.get("outcome_zh").asText().matches(".*[A-Za-z].*"), xx.get("outcome_zh").asText());
    }
    JsonNode off = json(server.get("/api/efficiency/targets", officer), 200);
    for (JsonNode r : off.get("rows")) {
      if (r.get("target_id").asText().equals("xxetdz-industrial-tax-per-mu-2025") && r.get("level").asText().equals("zone")) {
        xx = r;
      }
    }
    assertTrue(xx.get("actual").isNumber());
    assertEquals(xx.get("actual").asDouble() > 15 ? "met" : "not_met", xx.get("outcome").asText());
  }

  @Test
  void trendsHaveOneColumnPerYear() throws Exception {
    JsonNode t = json(server.get("/api/efficiency/trend?level=zone&indicator=tax_per_mu"), 200);
    int years = t.get("years").size();
    assertEquals(4 + years, t.get("columns").size());
    assertTrue(t.get("rows").get(0).get("y" + t.get("years").get(years - 1).asInt()).isNumber());
  }

  @Test
  void tablesExportAsCsvWithABomAndChineseHeaders() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/indicators?level=zone&format=csv", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0));
    assertTrue(text.contains("亩均税收 (万元/亩)"));
    String en = new String(raw("/api/efficiency/indicators?level=zone&format=csv&lang=en", null).body(), StandardCharsets.UTF_8);
    assertTrue(en.contains("Tax per mu (10,000 CNY/mu)"), "units in English too");
  }

  @Test
  void tablesExportAsExcel() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/low-efficiency?format=xlsx", officer);
    assertEquals(200, r.statusCode());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertEquals("地块编号", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
      assertTrue(wb.getSheetAt(0).getLastRowNum() > 50);
    }
  }

  @Test
  void theEnterpriseExportIsAsConfidentialAsTheEnterpriseList() throws Exception {
    assertEquals(403, raw("/api/efficiency/indicators?level=enterprise&format=xlsx", planner).statusCode());
    HttpResponse<byte[]> c = raw("/api/efficiency/classes?format=csv", planner);
    String text = new String(c.body(), StandardCharsets.UTF_8);
    assertFalse(text.contains("统一社会信用代码"), "a planner's class export holds counts, not enterprises");
    assertNotEquals(-1, text.indexOf("A类企业数"));
  }

  private static HttpResponse<byte[]> raw(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theSameRequestIsServedFromTheCacheUntilTheDataChanges() throws Exception {
    EfficiencyService s = server.services.efficiency;
    EfficiencyResult a = s.official("percentile", null);
    EfficiencyResult b = s.official("percentile", null);
    assertTrue(a == b, "the second request reuses the computed result");
    assertFalse(a.scheme.whatIf(), "the cache holds official results only");
  }

  @Test
  void zoneRollUpsAreNamedAndDrawnOnTheirDevelopmentZoneFeature() throws Exception {
    JsonNode t = json(server.get("/api/efficiency/indicators?level=zone"), 200);
    JsonNode zz = null;
    for (JsonNode r : t.get("rows")) {
      if (r.get("id").asText().equals("zzetdz")) {
        zz = r;
      }
    }
    assertEquals("zzetdz-zone", zz.get("feature_id").asText());
    assertEquals("郑州经济技术开发区", zz.get("name_zh").asText());
    assertEquals(200, server.get("/collections/zones/items/" + zz.get("feature_id").asText()).statusCode());
  }
}
