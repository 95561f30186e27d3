package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * The OGC API - Features contract, run against both stores: Part 1 resources and paging, Part 2
 * CRS handling, Part 3 filters compared with the same question asked of the database directly,
 * sorting, and the HTML views.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OgcApiContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  TestServer server;

  abstract SqlStore store();

  @BeforeAll
  void start() {
    server = new TestServer(store());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode error(String path, int status) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(status, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Ids the database itself gives for a WHERE clause on a table. */
  Set<String> dbIds(String table, String where, Object... params) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  long dbCount(String table, String where) throws Exception {
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Follows next links from the first page; every id in order. */
  List<String> allPages(String firstPath) throws Exception {
    List<String> ids = new ArrayList<>();
    String url = server.base() + firstPath;
    int pages = 0;
    while (url != null) {
      assertTrue(++pages < 500, "too many pages");
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, r.statusCode(), url + " -> " + r.body());
      JsonNode fc = JSON.readTree(r.body());
      for (JsonNode f : fc.path("features")) {
        ids.add(f.path("id").asText());
      }
      url = null;
      for (JsonNode l : fc.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          url = l.path("href").asText();
        }
      }
    }
    return ids;
  }

  Set<String> filterIds(String layer, String cql) throws Exception {
    List<String> ids = allPages("/collections/" + layer + "/items?limit=1000&filter=" + enc(cql));
    Set<String> set = new TreeSet<>(ids);
    assertEquals(ids.size(), set.size(), "an id came twice for " + cql);
    return set;
  }

  @Test
  void theLandingPageLinksToTheApiDefinitionConformanceAndData() throws Exception {
    JsonNode landing = JSON.readTree(get("/", "application/json").body());
    Map<String, String> byRel = new LinkedHashMap<>();
    for (JsonNode l : landing.path("links")) {
      byRel.put(l.path("rel").asText(), l.path("href").asText());
      if (l.path("rel").asText().equals("service-desc")) {
        assertEquals("application/vnd.oai.openapi+json;version=3.0", l.path("type").asText());
      }
    }
    for (String rel : List.of("self", "service-desc", "service-doc", "conformance", "data")) {
      assertNotNull(byRel.get(rel), "landing page lacks rel=" + rel);
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(byRel.get(rel))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), rel);
    }
    assertTrue(get("/api?f=html", "*/*").body().contains("/collections/parcels/items"));
  }

  @Test
  void conformanceDeclaresCoreCrsFilteringAndCql2Classes() throws Exception {
    List<String> declared = new ArrayList<>();
    json("/conformance").path("conformsTo").forEach(c -> declared.add(c.asText()));
    assertEquals(Conformance.CLASSES, declared);
    for (String c : List.of("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/oas30",
        "ogcapi-features-2/1.0/conf/crs", "ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter",
        "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/basic-cql2")) {
      assertTrue(declared.contains("http://www.opengis.net/spec/" + c), c);
    }
  }

  @Test
  void theApiDefinitionIsSelfContainedOpenApi30WithTheLimitsDeclared() throws Exception {
    HttpResponse<String> r = server.get("/api");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai.openapi+json;version=3.0"));
    JsonNode api = JSON.readTree(r.body());
    assertTrue(api.path("openapi").asText().startsWith("3.0."));
    List<String> refs = new ArrayList<>();
    collectRefs(api, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/components/"), "non-local $ref " + ref);
      assertFalse(api.at(ref.substring(1)).isMissingNode(), "dangling $ref " + ref);
    }
    JsonNode limit = api.at("/components/parameters/limit/schema");
    assertEquals(1, limit.path("minimum").asInt());
    assertEquals(10000, limit.path("maximum").asInt());
    assertEquals(100, limit.path("default").asInt());
    for (String p : List.of("bbox", "bbox-crs", "crs", "filter", "filter-lang", "filter-crs", "sortby", "offset", "datetime")) {
      assertEquals(p, api.at("/components/parameters/" + p + "/name").asText(), p);
    }
    for (String c : List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure", "parcels",
        "enterprises")) {
      assertTrue(api.path("paths").has("/collections/" + c + "/items"), c);
      assertTrue(api.path("paths").has("/collections/" + c + "/items/{featureId}"), c);
      assertTrue(api.path("paths").has("/collections/" + c + "/queryables"), c);
    }
    Set<String> names = new HashSet<>();
    api.at("/paths/~1collections~1parcels~1items/get/parameters").forEach(p -> names.add(p.path("name").asText()));
    assertTrue(names.containsAll(List.of("zone", "status", "area_mu")), names.toString());
  }

  static void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.properties().forEach(e -> {
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), out);
        }
      });
    } else if (n.isArray()) {
      n.forEach(c -> collectRefs(c, out));
    }
  }

  @Test
  void collectionsListEveryLayerWithItsExactCountAndCrsList() throws Exception {
    JsonNode cols = json("/collections");
    assertEquals(7, cols.path("collections").size());
    for (JsonNode c : cols.path("collections")) {
      String id = c.path("id").asText();
      long expected = id.equals("parcels") || id.equals("enterprises") ? dbCount(id, "1 = 1")
          : dbCount("plan_features", "layer = '" + id + "'");
      assertEquals(expected, c.path("featureCount").asLong(), id);
      assertEquals("http://www.opengis.net/def/crs/EPSG/0/4490", c.path("storageCrs").asText());
      List<String> crs = new ArrayList<>();
      c.path("crs").forEach(x -> crs.add(x.asText()));
      assertTrue(crs.containsAll(List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
          "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/4490",
          "http://www.opengis.net/def/crs/EPSG/0/4547", "http://www.opengis.net/def/crs/EPSG/0/3857")), crs.toString());
      assertEquals(4, c.at("/extent/spatial/bbox/0").size());
    }
  }

  @Test
  void pagesCarryCountsTimestampAndLinksThatKeepEveryParameter() throws Exception {
    JsonNode fc = json("/collections/parcels/items?limit=7&zone=zzetdz&sortby=-area_m2");
    assertEquals(dbCount("parcels", "zone = 'zzetdz'"), fc.path("numberMatched").asLong());
    assertEquals(7, fc.path("numberReturned").asInt());
    assertEquals(7, fc.path("features").size());
    assertTrue(fc.path("timeStamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    String next = null;
    String self = null;
    for (JsonNode l : fc.path("links")) {
      if (l.path("rel").asText().equals("next")) {
        next = l.path("href").asText();
        assertEquals("application/geo+json", l.path("type").asText());
      }
      if (l.path("rel").asText().equals("self")) {
        self = l.path("href").asText();
      }
    }
    assertNotNull(next);
    assertTrue(next.contains("zone=zzetdz") && next.contains("sortby=-area_m2") && next.contains("limit=7")
        && next.contains("offset=7"), next);
    assertTrue(self.contains("zone=zzetdz") && self.contains("limit=7"), self);
    JsonNode second = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(next)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    boolean prev = false;
    for (JsonNode l : second.path("links")) {
      prev |= l.path("rel").asText().equals("prev") && l.path("href").asText().contains("offset=0");
    }
    assertTrue(prev, "second page links back to the first");
  }

  @Test
  void followingNextLinksVisitsEveryMatchingFeatureOnce() throws Exception {
    List<String> ids = allPages("/collections/parcels/items?limit=50&zone=zzhitech&status=idle");
    assertEquals(dbIds("parcels", "zone = 'zzhitech' AND status = 'idle'"), new TreeSet<>(ids));
    assertEquals(new HashSet<>(ids).size(), ids.size());
  }

  @Test
  void limitHasADefaultAndIsCappedAtTheMaximum() throws Exception {
    assertEquals(100, json("/collections/parcels/items").path("numberReturned").asInt());
    JsonNode capped = json("/collections/enterprises/items?limit=999999&f=json");
    assertEquals(Math.min(10000, dbCount("enterprises", "1 = 1")), capped.path("numberReturned").asLong());
    assertEquals("limit", error("/collections/parcels/items?limit=0", 400).path("parameter").asText());
  }

  @Test
  void unknownAndInvalidParametersAreRefusedWith400NamingThem() throws Exception {
    assertEquals("UnknownParameter", error("/collections/parcels/items?colour=red", 400).path("code").asText());
    assertEquals("bbox", error("/collections/parcels/items?bbox=1,2,3", 400).path("parameter").asText());
    assertEquals("bbox", error("/collections/parcels/items?bbox=113,35,114,34", 400).path("parameter").asText());
    assertEquals("crs", error("/collections/parcels/items?crs=EPSG:32650", 400).path("parameter").asText());
    assertEquals("bbox-crs", error("/collections/parcels/items?bbox=1,2,3,4&bbox-crs=urn:x", 400).path("parameter").asText());
    assertEquals("filter", error("/collections/parcels/items?filter=" + enc("zone = "), 400).path("parameter").asText());
    assertEquals("filter-lang", error("/collections/parcels/items?filter=" + enc("zone = 'a'") + "&filter-lang=cql2-json", 400)
        .path("parameter").asText());
    assertEquals("sortby", error("/collections/parcels/items?sortby=colour", 400).path("parameter").asText());
    assertEquals("datetime", error("/collections/parcels/items?datetime=yesterday", 400).path("parameter").asText());
    assertEquals("f", error("/collections/parcels/items?f=xml", 400).path("parameter").asText());
    assertEquals("area_mu", error("/collections/parcels/items?area_mu=big", 400).path("parameter").asText());
    assertEquals(404, server.get("/collections/nope/items").statusCode());
    assertEquals(404, server.get("/collections/parcels/items/no-such-id").statusCode());
    assertEquals(200, server.get("/collections/parcels/items?datetime=2020-01-01T00:00:00Z/..").statusCode());
  }

  @Test
  void bboxReturnsExactlyTheIntersectingFeatures() throws Exception {
    Set<String> api = new TreeSet<>(allPages("/collections/parcels/items?limit=40&bbox=113.55,34.78,113.60,34.83"));
    Set<String> db = dbIds("parcels", "ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))");
    assertTrue(db.size() > 40, "the bbox should span several pages: " + db.size());
    assertEquals(db, api);
  }

  @Test
  void bboxInLatLonOrderOrInGaussKrugerMetresSelectsTheSameWay() throws Exception {
    Set<String> lonLat = new TreeSet<>(allPages("/collections/parcels/items?limit=500&bbox=113.55,34.78,113.60,34.83"));
    Set<String> latLon = new TreeSet<>(allPages("/collections/parcels/items?limit=500&bbox=34.78,113.55,34.83,113.60&bbox-crs="
        + enc("http://www.opengis.net/def/crs/EPSG/0/4326")));
    assertEquals(lonLat, latLon);
    // EPSG:4547 is northing, easting; the database answers the same rectangle in its own projection
    double n1 = 3850000;
    double e1 = 458000;
    double n2 = 3856000;
    double e2 = 464000;
    Set<String> gk = new TreeSet<>(allPages("/collections/parcels/items?limit=500&bbox=" + n1 + "," + e1 + "," + n2 + "," + e2
        + "&bbox-crs=EPSG:4547"));
    Set<String> db = dbIds("parcels", "ST_Intersects(ST_Transform(geom, 4547), ST_MakeEnvelope(?, ?, ?, ?, 4547))",
        e1, n1, e2, n2);
    assertTrue(db.size() > 10, "expected parcels in the test rectangle, got " + db.size());
    assertEquals(db, gk);
  }

  @Test
  void outputCrsSwapsOrProjectsTheCoordinatesAndSaysSoInContentCrs() throws Exception {
    String path = "/collections/parcels/items?limit=3&sortby=area_m2";
    HttpResponse<String> plain = server.get(path);
    assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", plain.headers().firstValue("Content-Crs").orElse(""));
    JsonNode lonLat = JSON.readTree(plain.body());
    HttpResponse<String> r4326 = server.get(path + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326"));
    assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4326>", r4326.headers().firstValue("Content-Crs").orElse(""));
    JsonNode latLon = JSON.readTree(r4326.body());
    HttpResponse<String> r4547 = server.get(path + "&crs=EPSG:4547");
    assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4547>", r4547.headers().firstValue("Content-Crs").orElse(""));
    JsonNode gk = JSON.readTree(r4547.body());
    // an independent check of the database's projection: GeoTools, authority axis order (northing, easting)
    MathTransform mt = CRS.findMathTransform(CRS.decode("EPSG:4490", true), CRS.decode("EPSG:4547", false), true);
    int checked = 0;
    for (int f = 0; f < 3; f++) {
      JsonNode ring = lonLat.at("/features/" + f + "/geometry/coordinates/0");
      JsonNode ringLatLon = latLon.at("/features/" + f + "/geometry/coordinates/0");
      JsonNode ringGk = gk.at("/features/" + f + "/geometry/coordinates/0");
      assertEquals(ring.size(), ringGk.size());
      assertEquals(ring.size(), ringLatLon.size());
      // the rings may start at another vertex (H2GIS's precision reducer re-orders them): match by nearest
      for (int i = 0; i < ring.size(); i++) {
        double lon = ring.get(i).get(0).asDouble();
        double lat = ring.get(i).get(1).asDouble();
        assertTrue(nearest(ringLatLon, lat, lon) == 0, "lat/lon output holds the swapped vertex " + lon + "," + lat);
        double[] out = new double[2];
        mt.transform(new double[] {lon, lat}, 0, out, 0, 1);
        // the CRS84 output has 7 decimals (~1 cm); projected output is rounded to the millimetre
        double d = nearest(ringGk, out[0], out[1]);
        assertTrue(d < 0.02, "northing,easting of " + lon + "," + lat + " off by " + d + " m");
        checked++;
      }
    }
    assertTrue(checked >= 12);
    JsonNode merc = json(path + "&crs=EPSG:3857");
    double x = merc.at("/features/0/geometry/coordinates/0/0/0").asDouble();
    assertEquals(6378137.0 * Math.toRadians(lonLat.at("/features/0/geometry/coordinates/0/0/0").asDouble()), x, 0.01);
  }

  /** Distance from (a, b) to the closest position of a ring. */
  static double nearest(JsonNode ring, double a, double b) {
    double best = Double.MAX_VALUE;
    for (JsonNode p : ring) {
      best = Math.min(best, Math.hypot(p.get(0).asDouble() - a, p.get(1).asDouble() - b));
    }
    return best;
  }

  @Test
  void cql2FiltersReturnWhatTheDatabaseReturnsForTheSameQuestion() throws Exception {
    assertEquals(dbIds("parcels", "zone = 'zzetdz' AND area_mu > 20 AND status <> 'in_use'"),
        filterIds("parcels", "zone = 'zzetdz' AND area_mu > 20 AND status <> 'in_use'"));
    assertEquals(dbIds("parcels", "status IN ('idle', 'available') OR far < 0.3"),
        filterIds("parcels", "status IN ('idle', 'available') OR far < 0.3"));
    assertEquals(dbIds("parcels", "area_mu BETWEEN 50 AND 80 AND NOT (zone = 'xxetdz')"),
        filterIds("parcels", "area_mu BETWEEN 50 AND 80 AND NOT zone = 'xxetdz'"));
    assertEquals(dbIds("parcels", "small_micro_park IS NOT NULL AND supply_year >= 2015"),
        filterIds("parcels", "small_micro_park IS NOT NULL AND supply_year >= 2015"));
    assertEquals(dbIds("parcels", "land_use_name LIKE '%工业%' AND zone = 'zzhitech'"),
        filterIds("parcels", "land_use_name LIKE '%工业%' AND zone = 'zzhitech'"));
    assertEquals(dbIds("parcels", "zone = 'zzhitech'"), filterIds("parcels", "CASEI(zone) = CASEI('ZZHITECH')"));
    assertEquals(dbIds("plan_features", "layer = 'infrastructure' AND kind IN ('substation', 'power_plant')"),
        filterIds("infrastructure", "kind IN ('substation','power_plant')"));
    assertEquals(dbIds("plan_features", "layer = 'industrial-parks' AND schematic = TRUE"),
        filterIds("industrial-parks", "schematic = TRUE"));
    Set<String> spatial = filterIds("parcels",
        "S_INTERSECTS(geom, POLYGON((113.55 34.78, 113.60 34.78, 113.60 34.83, 113.55 34.78))) AND status = 'in_use'");
    assertEquals(dbIds("parcels", "ST_Intersects(geom, ST_GeomFromText('POLYGON((113.55 34.78, 113.60 34.78, 113.60 34.83, "
        + "113.55 34.78))', 4490)) AND status = 'in_use'"), spatial);
    assertFalse(spatial.isEmpty());
    assertEquals(dbIds("parcels", "ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))"),
        filterIds("parcels", "S_INTERSECTS(geom, BBOX(113.55, 34.78, 113.60, 34.83))"));
    assertEquals(dbIds("parcels", "ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))"),
        new TreeSet<>(allPages("/collections/parcels/items?limit=1000&filter-crs=EPSG:4326&filter="
            + enc("S_INTERSECTS(geom, BBOX(34.78, 113.55, 34.83, 113.60))"))));
    Set<String> within = filterIds("enterprises", "S_WITHIN(geom, BBOX(113.70, 34.70, 113.80, 34.80))");
    assertEquals(dbIds("enterprises", "ST_Within(geom, ST_MakeEnvelope(113.70, 34.70, 113.80, 34.80, 4490))"), within);
    assertFalse(within.isEmpty());
  }

  @Test
  void theDraftFilterLanguageNameThatGdalSendsIsAccepted() throws Exception {
    JsonNode fc = json("/collections/parcels/items?limit=1&filter-lang=cql-text&filter=" + enc("zone = 'zzhitech'"));
    assertEquals(dbCount("parcels", "zone = 'zzhitech'"), fc.path("numberMatched").asLong());
  }

  @Test
  void sortbyOrdersByTheNamedPropertiesThenById() throws Exception {
    JsonNode desc = json("/collections/parcels/items?limit=200&sortby=-area_m2");
    double last = Double.MAX_VALUE;
    for (JsonNode f : desc.path("features")) {
      double a = f.at("/properties/area_m2").asDouble();
      assertTrue(a <= last, "not descending");
      last = a;
    }
    // an unencoded + arrives as a space: still ascending
    JsonNode asc = json("/collections/parcels/items?limit=200&sortby=zone,+area_mu");
    String lastZone = "";
    double lastMu = -1;
    for (JsonNode f : asc.path("features")) {
      String z = f.at("/properties/zone").asText();
      double mu = f.at("/properties/area_mu").asDouble();
      assertTrue(z.compareTo(lastZone) > 0 || (z.equals(lastZone) && mu >= lastMu), "not ascending");
      lastZone = z;
      lastMu = mu;
    }
  }

  @Test
  void oneFeatureHasSelfAndCollectionLinksAndTheRequestedCrs() throws Exception {
    String id = json("/collections/parcels/items?limit=1").at("/features/0/id").asText();
    HttpResponse<String> r = server.get("/collections/parcels/items/" + id + "?crs=EPSG:4547");
    assertEquals(200, r.statusCode());
    assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4547>", r.headers().firstValue("Content-Crs").orElse(""));
    JsonNode f = JSON.readTree(r.body());
    assertEquals(id, f.path("id").asText());
    Map<String, String> rels = new LinkedHashMap<>();
    f.path("links").forEach(l -> rels.put(l.path("rel").asText(), l.path("href").asText()));
    assertTrue(rels.get("self").endsWith("/collections/parcels/items/" + id + "?crs=EPSG%3A4547"), rels.toString());
    assertTrue(rels.get("collection").endsWith("/collections/parcels"));
    assertTrue(f.at("/geometry/coordinates/0/0/0").asDouble() > 3_000_000, "northing first");
  }

  @Test
  void queryablesAreAJsonSchemaOfTheVisibleColumnsAndTheGeometry() throws Exception {
    HttpResponse<String> r = server.get("/collections/parcels/queryables");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/schema+json"));
    JsonNode q = JSON.readTree(r.body());
    assertEquals("object", q.path("type").asText());
    assertEquals("string", q.at("/properties/zone/type").asText());
    assertEquals("number", q.at("/properties/area_mu/type").asText());
    assertEquals("geometry-polygon", q.at("/properties/geom/format").asText());
    assertTrue(get("/collections/parcels/queryables", "application/geo+json, application/json").headers()
        .firstValue("Content-Type").orElse("").startsWith("application/json"), "GDAL 3.6 only takes application/json");
  }

  @Test
  void everyResourceHasAnHtmlViewWithChineseTitles() throws Exception {
    String id = json("/collections/parcels/items?limit=1").at("/features/0/id").asText();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/?f=html", "开发区规划图层服务");
    pages.put("/conformance?f=html", "符合性声明");
    pages.put("/api?f=html", "接口说明");
    pages.put("/collections?f=html", "图层目录");
    pages.put("/collections/parcels?f=html", "地块");
    pages.put("/collections/parcels/queryables?f=html", "可查询字段");
    pages.put("/collections/parcels/items?f=html&limit=5&zone=zzetdz", "要素");
    pages.put("/collections/parcels/items/" + id + "?f=html", id);
    for (Map.Entry<String, String> e : pages.entrySet()) {
      HttpResponse<String> r = server.get(e.getKey());
      assertEquals(200, r.statusCode(), e.getKey());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), e.getKey());
      assertTrue(r.body().contains("<title>") && r.body().contains(e.getValue()), e.getKey());
    }
    String items = server.get("/collections/parcels/items?f=html&limit=5&zone=zzetdz").body();
    assertTrue(items.contains("/webjars/leaflet/1.9.4/dist/leaflet.js"));
    assertTrue(items.contains("下一页"), "a next-page link");
    assertTrue(items.contains("zone=zzetdz"), "paging keeps the filter");
    // a browser gets HTML without asking by name
    HttpResponse<String> browser = get("/collections", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertTrue(browser.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals(200, server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
  }
}
