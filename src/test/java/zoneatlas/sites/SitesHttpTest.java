package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The site routes through the real HTTP server: bad input gets a 400 naming the problem, roles
 * see what they may, exports are well formed. Validation does not depend on the store, so the
 * embedded one serves.
 */
class SitesHttpTest {
  static final ObjectMapper M = new ObjectMapper();
  static TestServer server;
  static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[LON0,LAT0],[LON1,LAT0],[LON1,LAT1],[LON0,LAT1],[LON0,LAT0]]]}";

  @BeforeAll
  static void start() {
    server = new TestServer(TestStores.h2());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return M.readTree(r.body());
  }

  /** Asserts a 400 whose body names {@code parameter} and contains {@code text}. */
  static void refused(HttpResponse<String> r, String parameter, String text) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    JsonNode b = json(r);
    assertEquals(parameter, b.path("parameter").asText(), r.body());
    assertTrue(b.path("description").asText().contains(text), r.body());
    assertFalse(r.body().contains("Exception"), "no stack trace: " + r.body());
  }

  /** A square around a demo parcel, about {@code d} degrees across. */
  static String square(double d) throws Exception {
    HttpResponse<String> r = server.get("/api/sites/find?limit=1&status=in_use");
    JsonNode site = json(r).path("sites").get(0);
    double lon = site.path("point").get(0).asDouble();
    double lat = site.path("point").get(1).asDouble();
    return SQUARE.replace("LON0", Double.toString(lon - d / 2)).replace("LON1", Double.toString(lon + d / 2))
        .replace("LAT0", Double.toString(lat - d / 2)).replace("LAT1", Double.toString(lat + d / 2));
  }

  @Test
  void aSelfIntersectingPolygonIsRefusedWithWhereItCrosses() throws Exception {
    String bowtie = "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.71],[113.71,34.7],[113.7,34.71],[113.7,34.7]]]}}";
    refused(server.post("/api/inside", bowtie, null), "geometry", "self-intersection at 113.7050000,34.7050000");
  }

  @Test
  void tooManyVerticesAnOpenRingAndMissingInputAreRefused() throws Exception {
    StringBuilder ring = new StringBuilder("[");
    int n = 5001;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      ring.append('[').append(113.7 + 0.01 * Math.cos(a)).append(',').append(34.7 + 0.01 * Math.sin(a)).append("],");
    }
    ring.append("[113.71,34.7]]");
    refused(server.post("/api/inside", "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}", null),
        "geometry", "more than 5000 vertices");
    refused(server.post("/api/inside", "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.7,34.7],[113.71,34.7],[113.71,34.71],[113.7,34.72]]]}}", null),
        "geometry", "not closed");
    refused(server.post("/api/inside", "{}", null), "geometry", "is required");
    refused(server.post("/api/inside", "not json", null), "body", "not valid JSON");
    refused(server.post("/api/inside", "{\"center\":[113.7,34.7],\"radius_m\":100,\"colour\":\"red\"}", null), "colour", "unknown");
    refused(server.post("/api/inside", "{\"center\":[113.7,34.7],\"radius_m\":100,\"mode\":\"touches\"}", null), "mode",
        "intersects or within");
    refused(server.post("/api/inside?format=pdf", "{\"center\":[113.7,34.7],\"radius_m\":100}", null), "format", "json, geojson or csv");
  }

  @Test
  void absurdRadiiAndCoordinatesAreRefused() throws Exception {
    refused(server.post("/api/inside", "{\"center\":[113.7,34.7],\"radius_m\":1e7}", null), "radius_m", "between 1 and 50000");
    refused(server.post("/api/inside", "{\"center\":[213.7,34.7],\"radius_m\":100}", null), "center", "-180..180");
    refused(server.get("/api/near?lon=113.7&lat=34.7&radius_m=0"), "radius_m", "between 1 and 50000");
    refused(server.get("/api/near?lon=200&lat=34.7"), "lon", "-180..180");
    refused(server.get("/api/near?lon=2.35&lat=48.85"), "lon", "outside the area served");
    refused(server.get("/api/here?lon=113.7&lat=95"), "lat", "-90..90");
    refused(server.get("/api/here?lon=113.7&lat=abc"), "lat", "must be a number");
    refused(server.get("/api/here?lon=113.7"), "lat", "is required");
    refused(server.get("/api/here?lon=113.7&lat=34.7&tolerance_m=5000"), "tolerance_m", "between 0 and 500");
    refused(server.get("/api/near?lon=113.7&lat=34.7&parcel=P-1"), "parcel", "not both");
    refused(server.get("/api/near?lon=113.7&lat=34.7&categories=spaceport"), "categories", "unknown infrastructure category");
    refused(server.get("/api/here?lon=113.7&lat=34.7&x=1"), "x", "unknown parameter");
  }

  @Test
  void corridorsNeedALineAndASensibleWidth() throws Exception {
    refused(server.get("/api/corridor/zhengzhou-rail-station-zhengzhou-east"), "id", "a corridor needs a line");
    refused(server.get("/api/corridor/zzetdz-inf-hanghai-lu?width_m=0"), "width_m", "between 1 and 500");
    refused(server.get("/api/corridor/zzetdz-inf-hanghai-lu?width_m=900"), "width_m", "between 1 and 500");
    refused(server.get("/api/corridor/zzhitech-inf-gongshui-chuiliulu"), "width_m", "is required for infrastructure of kind");
    assertEquals(404, server.get("/api/corridor/no-such-road").statusCode());
    HttpResponse<String> ok = server.get("/api/corridor/zzetdz-inf-hanghai-lu");
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(json(ok).path("width_source").asText().startsWith("assumed default for road"));
    assertEquals(40, json(ok).path("width_m").asDouble());
  }

  @Test
  void siteFinderAndCardsRefuseBadFilters() throws Exception {
    refused(server.get("/api/sites/find?status=for_sale"), "status", "unknown status");
    refused(server.get("/api/sites/find?max_m.spaceport=1000"), "max_m.spaceport", "unknown infrastructure category");
    refused(server.get("/api/sites/find?max_m.rail_station=0"), "max_m.rail_station", "between 1 and");
    refused(server.get("/api/sites/find?invest_wan=100&invest_wan_per_mu=3"), "invest_wan_per_mu", "not both");
    refused(server.get("/api/sites/find?land_use=abc"), "land_use", "2 to 6 digits");
    refused(server.get("/api/sites/find?area_mu_min=50&area_mu_max=10"), "area_mu_min", "must not exceed");
    refused(server.get("/api/sites/find?limit=100000"), "limit", "between 1 and 500");
    refused(server.post("/api/sites/find", "{\"max_m\":{\"rail_station\":\"far\"}}", null), "max_m.rail_station", "must be a number");
    refused(server.get("/api/sites/compare?ids=a,b,c,d"), "ids", "at most 3");
    refused(server.get("/api/sites/bad%20id/card"), "id", "an id is 1-100");
    assertEquals(404, server.get("/api/sites/P-NOPE-1/card").statusCode());
  }

  @Test
  void theFinderTakesTheSameFiltersAsQueryOrBody() throws Exception {
    HttpResponse<String> get = server.get("/api/sites/find?area_mu_min=5&max_m.rail_station=30000&invest_wan=20000&limit=20");
    HttpResponse<String> post = server.post("/api/sites/find",
        "{\"area_mu_min\":5,\"max_m\":{\"rail_station\":30000},\"invest_wan\":20000,\"limit\":20}", null);
    assertEquals(200, get.statusCode(), get.body());
    assertEquals(200, post.statusCode(), post.body());
    assertEquals(json(get).path("sites"), json(post).path("sites"));
    assertTrue(json(get).path("sites").size() > 0);
    JsonNode first = json(get).path("sites").get(0);
    assertTrue(first.path("card").asText().startsWith("/site.html?id="));
    HttpResponse<String> card = server.get(first.path("card").asText().replace("/site.html?id=", "/api/sites/")
        .replaceFirst("&", "/card?"));
    assertEquals(200, card.statusCode(), card.body());
    assertTrue(json(card).path("standard_land").path("qualifies").asBoolean());
    HttpResponse<String> svg = server.get("/api/sites/" + first.path("id").asText() + "/map.svg");
    assertEquals(200, svg.statusCode());
    assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
  }

  @Test
  void insideShowsFiguresByRoleOverHttp() throws Exception {
    String body = "{\"geometry\":" + square(0.03) + "}";
    JsonNode anon = json(server.post("/api/inside", body, null));
    JsonNode planner = json(server.post("/api/inside", body, server.token("planner")));
    JsonNode officer = json(server.post("/api/inside", body, server.token("land_officer")));
    assertTrue(anon.path("efficiency").path("total").path("enterprises").asInt() >= 3, anon.path("efficiency").toString());
    assertTrue(anon.path("efficiency").path("total").path("tax_wan").isMissingNode());
    assertTrue(anon.path("efficiency").path("enterprises").isMissingNode());
    assertTrue(planner.path("efficiency").path("total").path("tax_wan").isNumber());
    assertTrue(planner.path("efficiency").path("enterprises").isMissingNode());
    assertTrue(officer.path("efficiency").path("enterprises").isArray());
    assertEquals(anon.path("totals"), officer.path("totals"));
  }

  @Test
  void insideExportsAsGeoJsonAndCsv() throws Exception {
    String body = "{\"geometry\":" + square(0.01) + ",\"mode\":\"within\"}";
    JsonNode plain = json(server.post("/api/inside", body, null));
    int n = plain.path("numberReturned").asInt();
    assertTrue(n > 0);
    HttpResponse<String> gj = server.post("/api/inside?format=geojson", body, null);
    assertEquals(200, gj.statusCode());
    JsonNode fc = json(gj);
    assertEquals("FeatureCollection", fc.path("type").asText());
    assertEquals(n, fc.path("features").size());
    assertEquals("Polygon", fc.path("features").get(0).path("geometry").path("type").asText());
    HttpResponse<String> csv = server.post("/api/inside?format=csv", body, null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String text = csv.body().startsWith("\uFEFF") ? csv.body().substring(1) : csv.body();
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
    assertEquals(n, rows.size());
    JsonNode first = plain.path("parcels").get(0);
    // the Chinese export: Chinese headers, names and words for codes, areas to two decimals of 亩
    assertEquals(first.path("id").asText(), rows.get(0).get("地块编号"));
    assertEquals(String.format(java.util.Locale.ROOT, "%.2f", first.path("inside_mu").asDouble()), rows.get(0).get("范围内面积（亩）"));
    assertEquals(first.path("status_zh").asText(), rows.get(0).get("土地状态"));
    String zone = rows.get(0).get("所属开发区");
    assertTrue(zone.contains("开发区") || zone.endsWith("区"), zone);
    for (CSVRecord r : rows) {
      for (String cell : r) {
        assertFalse(cell.matches(".*(zzetdz|zzhitech|xxetdz|_).*") || cell.matches("[a-z ]{3,}"), "a code in the Chinese export: " + cell);
      }
    }
    String cd = csv.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(cd.contains("filename*=UTF-8''%E8%8C%83%E5%9B%B4%E5%86%85%E5%9C%B0%E5%9D%97_"), cd); // 范围内地块_
    assertTrue(cd.matches("attachment; filename=\"inside-parcels_\\d{8}\\.csv\".*"), cd);
    // and the English one
    HttpResponse<String> en = server.post("/api/inside?format=csv&lang=en", body, null);
    List<CSVRecord> enRows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(en.body().substring(1))).getRecords();
    assertEquals(first.path("id").asText(), enRows.get(0).get("Parcel id"));
    assertTrue(enRows.get(0).get("Zone").matches("[A-Za-z -]+"), enRows.get(0).get("Zone"));
    assertTrue(en.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''parcels-inside_"));
    refused(server.post("/api/inside?format=csv&lang=fr", body, null), "lang", "zh or en");
  }

  @Test
  void anAreaReachingTooManyParcelsIsRefusedAndLongListsAreCut() throws Exception {
    try (TestServer small = new TestServer(TestStores.h2(), Map.of("sites.candidates.max", "10", "sites.result.limit", "3"))) {
      String body = "{\"geometry\":" + square(0.05) + "}";
      refused(small.post("/api/inside", body, null), "geometry", "reaches more than 10 parcels");
      JsonNode cut = json(small.post("/api/inside", "{\"geometry\":" + square(0.004) + "}", null));
      assertTrue(cut.path("numberMatched").asInt() > 3, cut.toString());
      assertEquals(3, cut.path("numberReturned").asInt());
      assertTrue(cut.path("truncated").asBoolean());
    }
  }

  @Test
  void whatIsHereAndNearAnswerOverHttp() throws Exception {
    HttpResponse<String> find = server.get("/api/sites/find?limit=1");
    JsonNode site = json(find).path("sites").get(0);
    double lon = site.path("point").get(0).asDouble();
    double lat = site.path("point").get(1).asDouble();
    JsonNode here = json(server.get("/api/here?lon=" + lon + "&lat=" + lat));
    assertEquals("parcels", here.path("results").get(0).path("collection").asText());
    assertEquals(site.path("id").asText(), here.path("results").get(0).path("id").asText());
    JsonNode near = json(server.get("/api/near?parcel=" + site.path("id").asText() + "&radius_m=2000"));
    assertEquals(Labels.DEFAULT_NEAR.size(), near.path("nearest").size());
    assertTrue(near.path("within").isArray());
    assertEquals(200, server.get("/api/sites/categories").statusCode());
  }
}
