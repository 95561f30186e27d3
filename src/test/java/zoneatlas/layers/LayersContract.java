package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.geo.Geodesy;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * What every store must do for the layer endpoints: the same features, bbox hits that really
 * intersect, stable paging, filters, errors. Subclasses pick the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LayersContract {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Around the Zhengzhou ETDZ start-up area: holds plan features and parcels. */
  static final double[] BBOX = {113.74, 34.66, 113.80, 34.71};
  TestServer server;

  abstract SqlStore store();

  @BeforeAll
  void boot() {
    server = new TestServer(store());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  static Geometry geometry(JsonNode feature) throws Exception {
    return new GeoJsonReader(new GeometryFactory()).read(feature.get("geometry").toString());
  }

  @Test
  void everyPlanLayerHasFeaturesAndEachCitesItsSource() throws Exception {
    for (String id : List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure")) {
      JsonNode fc = getJson("/collections/" + id + "/items?limit=10000");
      assertTrue(fc.get("numberMatched").asLong() > 0, id);
      assertEquals(fc.get("numberMatched").asLong(), fc.get("numberReturned").asLong(), id);
      for (JsonNode f : fc.get("features")) {
        JsonNode p = f.get("properties");
        assertTrue(p.get("source_doc").asText().endsWith(".txt"), f.get("id").asText());
        assertFalse(p.get("source_lines").asText().isBlank(), f.get("id").asText());
        assertTrue(p.get("schematic").asBoolean(), f.get("id").asText());
      }
    }
  }

  @Test
  void theDemoHasAtLeastFiveThousandSyntheticParcelsAcrossTheThreeZones() throws Exception {
    for (String zone : List.of("zzetdz", "zzhitech", "xxetdz")) {
      JsonNode fc = getJson("/collections/parcels/items?limit=1&zone=" + zone);
      assertTrue(fc.get("numberMatched").asLong() > 100, zone);
    }
    JsonNode all = getJson("/collections/parcels/items?limit=1");
    assertTrue(all.get("numberMatched").asLong() >= 5000, "parcels: " + all.get("numberMatched"));
    assertTrue(all.get("features").get(0).get("properties").get("synthetic").asBoolean());
  }

  @Test
  void parcelAreasAreGeodesicAndInMu() throws Exception {
    JsonNode fc = getJson("/collections/parcels/items?limit=50");
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      double m2 = Geodesy.areaM2(geometry(f));
      assertEquals(m2, p.get("area_m2").asDouble(), m2 * 1e-4, f.get("id").asText());
      assertEquals(p.get("area_m2").asDouble() / (10000.0 / 15.0), p.get("area_mu").asDouble(), 0.01);
    }
  }

  @Test
  void aBboxReturnsOnlyFeaturesThatIntersectIt() throws Exception {
    String b = BBOX[0] + "," + BBOX[1] + "," + BBOX[2] + "," + BBOX[3];
    JsonNode fc = getJson("/collections/parcels/items?limit=10000&bbox=" + b);
    assertTrue(fc.get("numberReturned").asInt() > 10, "parcels in bbox: " + fc.get("numberReturned"));
    Geometry box = new GeometryFactory().toGeometry(new Envelope(BBOX[0], BBOX[2], BBOX[1], BBOX[3]));
    for (JsonNode f : fc.get("features")) {
      assertTrue(geometry(f).intersects(box), f.get("id").asText());
    }
  }

  @Test
  void pagesAreDisjointStableAndAddUpToTheWhole() throws Exception {
    JsonNode whole = getJson("/collections/parcels/items?zone=xxetdz&limit=300");
    long matched = whole.get("numberMatched").asLong();
    Set<String> seen = new HashSet<>();
    List<String> ordered = new ArrayList<>();
    String next = "/collections/parcels/items?zone=xxetdz&limit=100";
    int pages = 0;
    while (next != null && pages < 3) {
      JsonNode fc = getJson(next);
      for (JsonNode f : fc.get("features")) {
        assertTrue(seen.add(f.get("id").asText()), "repeated " + f.get("id"));
        ordered.add(f.get("id").asText());
      }
      next = null;
      for (JsonNode l : fc.get("links")) {
        if (l.get("rel").asText().equals("next")) {
          String href = l.get("href").asText();
          assertTrue(href.contains("zone=xxetdz") && href.contains("limit=100"), href);
          next = href.substring(server.base().length());
        }
      }
      pages++;
    }
    List<String> first300 = new ArrayList<>();
    whole.get("features").forEach(f -> first300.add(f.get("id").asText()));
    assertEquals(first300.subList(0, ordered.size()), ordered);
    assertTrue(matched >= 300, "xxetdz parcels: " + matched);
  }

  @Test
  void aPropertyFilterKeepsOnlyMatchingFeatures() throws Exception {
    JsonNode fc = getJson("/collections/infrastructure/items?kind=metro_line&limit=1000");
    assertTrue(fc.get("numberReturned").asInt() > 0);
    for (JsonNode f : fc.get("features")) {
      assertEquals("metro_line", f.get("properties").get("kind").asText());
    }
    JsonNode none = getJson("/collections/parcels/items?status=no_such_status");
    assertEquals(0, none.get("numberMatched").asInt());
  }

  @Test
  void oneFeatureByIdAndA404ForAnUnknownOne() throws Exception {
    JsonNode fc = getJson("/collections/industrial-parks/items?limit=1");
    String id = fc.get("features").get(0).get("id").asText();
    JsonNode f = getJson("/collections/industrial-parks/items/" + id);
    assertEquals("Feature", f.get("type").asText());
    assertEquals(id, f.get("id").asText());
    assertEquals(404, server.get("/collections/industrial-parks/items/no-such-feature").statusCode());
    // a parcel id is not a park
    String parcel = getJson("/collections/parcels/items?limit=1").get("features").get(0).get("id").asText();
    assertEquals(404, server.get("/collections/industrial-parks/items/" + parcel).statusCode());
  }

  @Test
  void itemsAreGeoJsonWithCountsAndATimeStamp() throws Exception {
    HttpResponse<String> r = server.get("/collections/zones/items");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = JSON.readTree(r.body());
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertNotNull(fc.get("timeStamp"));
    assertEquals(fc.get("features").size(), fc.get("numberReturned").asInt());
  }

  @Test
  void collectionsDescribeTitlesCountsExtentAndSchema() throws Exception {
    JsonNode cs = getJson("/collections");
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    cs.get("collections").forEach(c -> byId.put(c.get("id").asText(), c));
    assertTrue(byId.keySet().containsAll(List.of("zones", "core-boards", "industrial-parks", "small-micro-parks",
        "infrastructure", "parcels", "enterprises")), byId.keySet().toString());
    JsonNode parks = byId.get("industrial-parks");
    assertEquals("产业园区", parks.get("title_zh").asText());
    assertEquals("Polygon", parks.get("geometryType").asText());
    assertTrue(parks.get("featureCount").asLong() > 0);
    JsonNode bbox = parks.get("extent").get("spatial").get("bbox").get(0);
    assertTrue(bbox.get(0).asDouble() > 112 && bbox.get(2).asDouble() < 115, bbox.toString());
    assertEquals("number", parks.get("properties").get("planned_area_km2").get("type").asText());
  }

  @Test
  void badParametersGet400NamingTheParameter() throws Exception {
    for (String[] c : new String[][] {
        {"/collections/parcels/items?bbox=1,2,3", "bbox"},
        {"/collections/parcels/items?bbox=113,34,abc,35", "bbox"},
        {"/collections/parcels/items?bbox=113,35,114,34", "bbox"}, // latitude does not wrap (longitude does: the antimeridian)
        {"/collections/parcels/items?limit=-1", "limit"},
        {"/collections/parcels/items?limit=ten", "limit"},
        {"/collections/parcels/items?offset=-5", "offset"},
        {"/collections/parcels/items?colour=red", "colour"},
        {"/collections/parcels/items?area_mu=big", "area_mu"},
    }) {
      HttpResponse<String> r = server.get(c[0]);
      assertEquals(400, r.statusCode(), c[0]);
      JsonNode e = JSON.readTree(r.body());
      assertEquals(c[1], e.get("parameter").asText(), c[0] + " -> " + r.body());
      assertFalse(r.body().contains("Exception"), r.body());
    }
    HttpResponse<String> r = server.get("/collections/no-such-layer/items");
    assertEquals(404, r.statusCode());
    assertTrue(JSON.readTree(r.body()).get("description").asText().contains("no-such-layer"));
  }

  @Test
  void aPlanFeatureCarriesItsPlacementNoteInBothLanguagesAsLoaded() throws Exception {
    JsonNode f = getJson("/collections/industrial-parks/items/zzetdz-ip-wuliuyuanqu");
    String zh = f.at("/properties/placement_note_zh").asText();
    String en = f.at("/properties/placement_note").asText();
    assertTrue(zh.startsWith("整个园区设有自己的管委会（第9行）"), zh);
    assertTrue(en.startsWith("Whole park with its own admin committee (line 9)"), en);
    assertFalse(en.contains(".geojson") || en.contains("planned_area_km2"), en);
  }

  @Test
  void aLimitAboveTheMaximumIsCappedNotRefused() throws Exception {
    try (TestServer small = new TestServer(store(), Map.of("items.limit.max", "50", "items.limit.default", "10"))) {
      HttpResponse<String> r = small.get("/collections/parcels/items?limit=999999999");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode fc = JSON.readTree(r.body());
      assertEquals(50, fc.get("numberReturned").asInt());
      assertEquals(10, JSON.readTree(small.get("/collections/parcels/items").body()).get("numberReturned").asInt());
    }
  }
}
