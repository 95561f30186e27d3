package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;
import zoneatlas.tiles.WebMercatorQuad;

/**
 * Imports through one server, read through another over the same PostGIS database (issue 15 part
 * 2; editing is covered by editing/TwoServersPostgisTest): B's warm 亩均 tables, search index,
 * tiles, counts and ETags show what A imported, on B's very next request.
 */
@Tag("postgis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidationTwoServersPostgisTest {
  SqlStore storeA;
  SqlStore storeB;
  TestServer a;
  TestServer b;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    String url = TestStores.postgisCopyUrl();
    storeA = TestStores.openPostgis(url);
    storeB = TestStores.openPostgis(url);
    a = new TestServer(storeA, Map.of());
    b = new TestServer(storeB, Map.of());
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    storeA.close();
    storeB.close();
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.uri() + " -> " + r.body());
    return InvalidationContract.JSON.readTree(r.body());
  }

  HttpResponse<byte[]> bytes(TestServer s, String path, String... headers) throws Exception {
    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(s.base() + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      rb.header(headers[i], headers[i + 1]);
    }
    return http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void figuresAndParcelsImportedThroughOneServerAreWhatTheOtherServesNext() throws Exception {
    String officerA = a.token("land_officer");
    String officerB = b.token("land_officer");
    String zone = "zzhitech";
    String entPath = "/api/efficiency/indicators?level=enterprise&zone=" + zone;
    // warm everything on B first, so a stale cache would show
    JsonNode ents = json(b.get(entPath, officerB));
    JsonNode e = null;
    for (JsonNode r : ents.path("rows")) {
      if ("evaluated".equals(r.path("status").asText()) && r.path("land_mu").asDouble() > 2) {
        e = r;
        break;
      }
    }
    assertNotNull(e);
    String id = e.path("id").asText();
    double land = e.path("land_mu").asDouble();
    String entTag = b.get(entPath, officerB).headers().firstValue("ETag").orElseThrow();
    String host = json(b.get("/collections/parcels/items?limit=1&zone=" + zone + "&status=available")).at("/features/0/id").asText();
    Geometry inner = InvalidationContract.shrunk(new GeoJsonReader().read(
        json(b.get("/collections/parcels/items/" + host)).path("geometry").toString()), 0.5);
    Point pt = inner.getInteriorPoint();
    String tile = InvalidationContract.tilePath(InvalidationContract.tileAt(16, pt.getX(), pt.getY()));
    HttpResponse<byte[]> tileBefore = bytes(b, tile);
    assertFalse(InvalidationContract.parcelsInTile(tileBefore.body()).containsKey("INV-AB-1"));
    String tileTag = tileBefore.headers().firstValue("ETag").orElseThrow();
    String itemsPath = "/collections/parcels/items?limit=1&zone=" + zone;
    long matched = json(b.get(itemsPath)).path("numberMatched").asLong();
    assertEquals(0, json(b.get("/api/search?q=INV-AB-1")).path("numberReturned").asInt());

    // figures through A
    double newTax = 777.0 * Math.round(land);
    HttpResponse<String> f = a.request("POST", "/api/imports/figures", "uscc,year,tax_wan\n" + e.path("uscc").asText() + ","
        + ents.path("year").asInt() + "," + newTax + "\n", officerA, "Content-Type", "text/csv");
    assertEquals(200, f.statusCode(), f.body());
    JsonNode onB = json(b.get(entPath, officerB));
    assertEquals(InvalidationContract.JSON.readTree(f.body()).path("dataVersion").asText(), onB.path("dataVersion").asText());
    JsonNode row = InvalidationContract.row(onB, "rows", id);
    assertEquals(newTax / land, row.path("tax_per_mu").asDouble(), newTax / land * 1e-3, "B's 亩均 table has A's import");
    assertEquals(200, bytes(b, entPath, "Authorization", "Bearer " + officerB, "If-None-Match", entTag).statusCode(),
        "B's old ETag is stale");

    // a parcel through A
    String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"INV-AB-1\","
        + "\"land_use_code\":\"100101\",\"status\":\"在建\"},\"geometry\":" + InvalidationContract.geojson(inner) + "}]}";
    HttpResponse<String> p = a.request("POST", "/api/imports/parcels?format=geojson", file, a.token("admin"),
        "Content-Type", "application/geo+json");
    assertEquals(200, p.statusCode(), p.body());
    assertEquals(matched + 1, json(b.get(itemsPath)).path("numberMatched").asLong(), "B counts A's parcel");
    assertEquals("INV-AB-1", json(b.get("/api/search?q=INV-AB-1")).at("/results/0/id").asText(), "B finds A's parcel");
    HttpResponse<byte[]> tileAfter = bytes(b, tile, "If-None-Match", tileTag);
    assertEquals(200, tileAfter.statusCode(), "B's tile ETag moved");
    Map<String, Object> drawn = InvalidationContract.parcelsInTile(tileAfter.body()).get("INV-AB-1");
    assertNotNull(drawn, "B's tile draws A's parcel");
    assertEquals("under_construction", drawn.get("status"));
    JsonNode parcels = json(b.get("/api/efficiency/indicators?level=parcel&zone=" + zone, officerB));
    assertTrue(InvalidationContract.row(parcels, "rows", "INV-AB-1") != null, "B's 亩均 parcel table has A's parcel");
    assertEquals(new String(tileAfter.body(), StandardCharsets.ISO_8859_1),
        new String(bytes(a, tile).body(), StandardCharsets.ISO_8859_1), "both servers draw the same tile");
  }
}
