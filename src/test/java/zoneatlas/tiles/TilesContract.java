package zoneatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * What every store must do for vector tiles: the features of a tile are the features the items
 * endpoint finds there, every parcel shows even at zoom 11 and the tile stays small, tiles carry
 * only the catalog's tile properties (nothing confidential, the same for every role), bad tile
 * addresses are a 400 naming the part, and the documents around the tiles link up. Subclasses
 * pick the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TilesContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final GeometryFactory GF = new GeometryFactory();
  /** A point among the Zhengzhou ETDZ's parcels (the middle of one of them), set at boot. */
  double lon;
  double lat;
  static final String MVT = "application/vnd.mapbox-vector-tile";
  TestServer server;
  final HttpClient http = HttpClient.newHttpClient();

  abstract SqlStore store();

  @BeforeAll
  void boot() throws Exception {
    server = new TestServer(store());
    JsonNode f = getJson("/collections/parcels/items?limit=1&offset=200&zone=zzetdz").get("features").get(0);
    org.locationtech.jts.geom.Point c = new GeoJsonReader(GF).read(f.get("geometry").toString()).getInteriorPoint();
    lon = c.getX();
    lat = c.getY();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  // ---- helpers ----

  /** The tile at zoom z holding lon/lat. */
  static WebMercatorQuad.Tile tileAt(int z, double lon, double lat) {
    long n = 1L << z;
    double fx = (WebMercatorQuad.x(lon) + WebMercatorQuad.HALF) / (2 * WebMercatorQuad.HALF);
    double fy = (WebMercatorQuad.HALF - WebMercatorQuad.y(lat)) / (2 * WebMercatorQuad.HALF);
    return new WebMercatorQuad.Tile(z, (int) Math.floor(fy * n), (int) Math.floor(fx * n));
  }

  static String path(String collection, WebMercatorQuad.Tile t) {
    return (collection == null ? "" : "/collections/" + collection) + "/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  byte[] tileBytes(String path) throws Exception {
    HttpResponse<byte[]> r = getBytes(path);
    assertEquals(200, r.statusCode(), path + " -> " + new String(r.body()));
    assertEquals(MVT, r.headers().firstValue("Content-Type").orElse(""), path);
    return r.body();
  }

  /** A decoded feature: its layer, id property, integer MVT id, properties and tile-coordinate geometry. */
  record Decoded(String layer, String id, Long mvtId, Map<String, Object> props, Geometry geom) {}

  static Map<String, Decoded> decode(byte[] tile, String layer) throws Exception {
    Map<String, Decoded> out = new TreeMap<>();
    for (Decoded d : decodeAll(tile)) {
      if (d.layer().equals(layer)) {
        assertTrue(out.put(d.id(), d) == null, "feature " + d.id() + " twice in layer " + layer);
      }
    }
    return out;
  }

  static List<Decoded> decodeAll(byte[] tile) throws Exception {
    JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), GF, new TagKeyValueMapConverter(false, "$mvt_id"),
        MvtReader.RING_CLASSIFIER_V2_1);
    List<Decoded> out = new java.util.ArrayList<>();
    for (JtsLayer l : mvt.getLayers()) {
      for (Geometry g : l.getGeometries()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) g.getUserData());
        Object mvtId = props.remove("$mvt_id");
        out.add(new Decoded(l.getName(), (String) props.get("id"), mvtId == null ? null : ((Number) mvtId).longValue(),
            props, g));
      }
    }
    return out;
  }

  JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  /** Ids of the features the items endpoint finds in a lon/lat box (and with the extra query). */
  Set<String> itemIds(String collection, double[] bbox, String extra) throws Exception {
    JsonNode fc = getJson("/collections/" + collection + "/items?limit=10000&bbox=" + bbox[0] + "," + bbox[1] + ","
        + bbox[2] + "," + bbox[3] + extra);
    assertEquals(fc.get("numberMatched").asInt(), fc.get("numberReturned").asInt(), "one page holds them all");
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : fc.get("features")) {
      ids.add(f.get("id").asText());
    }
    return ids;
  }

  // ---- the features of a tile ----

  @Test
  void aParcelTileHoldsExactlyTheParcelsTheItemsEndpointFindsInTheTileAndItsBuffer() throws Exception {
    for (int z : List.of(14, 16)) {
      WebMercatorQuad.Tile t = tileAt(z, lon, lat);
      Map<String, Decoded> tile = decode(tileBytes(path("parcels", t)), "parcels");
      assertFalse(tile.isEmpty(), "parcels in " + t);
      Set<String> inTile = itemIds("parcels", t.lonLat(0), "");
      Set<String> inBuffered = itemIds("parcels", t.lonLat(WebMercatorQuad.BUFFER), "");
      assertTrue(tile.keySet().containsAll(inTile), "every parcel of the tile's own area is in it: " + t);
      assertEquals(inBuffered, tile.keySet(), "the tile holds the parcels of its area and buffer, no others: " + t);
    }
  }

  @Test
  void everyFeatureCarriesItsIdAsTextAndAStableIntegerId() throws Exception {
    WebMercatorQuad.Tile t = tileAt(14, lon, lat);
    for (String c : List.of("parcels", "zones", "industrial-parks", "enterprises")) {
      for (Decoded d : decode(tileBytes(path(c, t)), c).values()) {
        assertNotNull(d.id(), c);
        assertEquals(JavaTiles.featureId(d.id()), d.mvtId(), c + " " + d.id());
        assertTrue(d.mvtId() >= 0 && d.mvtId() < (1L << 53), "exact as a JavaScript number");
      }
    }
  }

  @Test
  void aParcelCarriesWhatTheMapStylesBy() throws Exception {
    Map<String, Decoded> tile = decode(tileBytes(path("parcels", tileAt(16, lon, lat))), "parcels");
    JsonNode fc = getJson("/collections/parcels/items?limit=1&id=" + tile.keySet().iterator().next());
    JsonNode p = fc.get("features").get(0).get("properties");
    Decoded d = tile.values().iterator().next();
    for (String k : List.of("land_use_code", "status", "zone")) {
      assertEquals(p.get(k).asText(), d.props().get(k), k);
    }
  }

  @Test
  void aZoom11TileOverTheWholeZoneIsSmallAndShowsEveryParcelOfTheZoneInIt() throws Exception {
    JsonNode zone = getJson("/collections/zones/items/zzetdz-zone").get("geometry");
    Envelope e = new GeoJsonReader(GF).read(zone.toString()).getEnvelopeInternal();
    for (int z : List.of(9, 11)) {
      WebMercatorQuad.Tile t = tileAt(z, e.centre().x, e.centre().y);
      byte[] bytes = tileBytes(path("parcels", t));
      if (z == 11) {
        assertTrue(bytes.length < 500_000, "z11 tile of the zone: " + bytes.length + " bytes");
      }
      Set<String> expected = itemIds("parcels", t.lonLat(0), "&zone=zzetdz");
      assertTrue(expected.size() > 100, "the zone's parcels in " + t + ": " + expected.size());
      Map<String, Decoded> tile = decode(bytes, "parcels");
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(tile.keySet());
      assertTrue(missing.isEmpty(), "parcels that vanished at z" + z + ": " + missing);
      for (Decoded d : tile.values()) {
        assertTrue(d.geom().getDimension() == 2 && d.geom().getArea() > 0, "a parcel is drawn as an area: " + d.id());
      }
    }
  }

  @Test
  void theDatasetTileHasOneLayerPerPlanCollection() throws Exception {
    WebMercatorQuad.Tile t = tileAt(11, lon, lat);
    byte[] bytes = tileBytes(path(null, t));
    Set<String> layers = new HashSet<>();
    for (Decoded d : decodeAll(bytes)) {
      layers.add(d.layer());
    }
    assertTrue(Set.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure").containsAll(layers),
        layers.toString());
    assertTrue(layers.containsAll(Set.of("zones", "industrial-parks")), layers.toString());
    for (String l : layers) {
      assertEquals(decode(tileBytes(path(l, t)), l).keySet(), decode(bytes, l).keySet(), l);
    }
  }

  @Test
  void aTileWhereNothingIsIsAnEmptyOkAnswer() throws Exception {
    HttpResponse<byte[]> r = getBytes("/collections/parcels/tiles/WebMercatorQuad/12/0/0");
    assertEquals(200, r.statusCode());
    assertEquals(0, r.body().length);
    assertEquals("empty", r.headers().firstValue("OATiles-hint").orElse(""));
  }

  // ---- who sees what ----

  @Test
  void tilesCarryOnlyTheCatalogsTileProperties() throws Exception {
    TileCatalog cat = TileCatalog.load(LayerCatalog.load());
    WebMercatorQuad.Tile t = tileAt(14, lon, lat);
    for (String c : List.of("parcels", "enterprises", "zones", "infrastructure")) {
      Set<String> allowed = new HashSet<>(Set.of("id"));
      cat.get(c).orElseThrow().properties().forEach(col -> allowed.add(col.name()));
      for (Decoded d : decode(tileBytes(path(c, t)), c).values()) {
        assertTrue(allowed.containsAll(d.props().keySet()), c + " " + d.props().keySet());
        for (String k : d.props().keySet()) {
          assertFalse(TileCatalog.FIGURE.matcher(k).matches(), c + "." + k);
        }
      }
    }
  }

  @Test
  void tilesAreTheSameForEveryRole() throws Exception {
    String p = path("parcels", tileAt(15, lon, lat));
    byte[] anonymous = tileBytes(p);
    for (String role : List.of("prospect", "land_officer", "admin")) {
      HttpResponse<byte[]> r = getBytes(p, "Authorization", "Bearer " + server.token(role));
      assertEquals(200, r.statusCode());
      assertArrayEquals(anonymous, r.body(), role);
    }
  }

  @Test
  void theCatalogRefusesATilePropertyThatIsAFigure() throws Exception {
    JsonNode bad = JSON.readTree("{\"plan\":[],\"collections\":{\"zones\":\"plan\",\"core-boards\":\"plan\","
        + "\"industrial-parks\":\"plan\",\"small-micro-parks\":\"plan\",\"infrastructure\":\"plan\","
        + "\"parcels\":[\"req_tax_wan_per_mu\"],\"enterprises\":[]},\"dataset\":[]}");
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> TileCatalog.parse(bad, LayerCatalog.load()));
    assertTrue(e.getMessage().contains("req_tax_wan_per_mu"), e.getMessage());
  }

  // ---- bad addresses ----

  @Test
  void anOutOfRangeTileIsA400NamingThePart() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("/collections/parcels/tiles/WebMercatorQuad/23/0/0", "tileMatrix");
    cases.put("/collections/parcels/tiles/WebMercatorQuad/-1/0/0", "tileMatrix");
    cases.put("/collections/parcels/tiles/WebMercatorQuad/x/0/0", "tileMatrix");
    cases.put("/collections/parcels/tiles/WebMercatorQuad/3/8/0", "tileRow");
    cases.put("/collections/parcels/tiles/WebMercatorQuad/3/0/8", "tileCol");
    cases.put("/collections/parcels/tiles/WebMercatorQuad/0/0/99999999999", "tileCol");
    cases.put("/tiles/WebMercatorQuad/1/2/0", "tileRow");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = server.get(c.getKey());
      assertEquals(400, r.statusCode(), c.getKey());
      assertEquals(c.getValue(), JSON.readTree(r.body()).get("parameter").asText(), c.getKey());
    }
  }

  @Test
  void anUnknownCollectionOrTileMatrixSetIsA404() throws Exception {
    assertEquals(404, server.get("/collections/nope/tiles/WebMercatorQuad/0/0/0").statusCode());
    assertEquals(404, server.get("/collections/nope/tiles").statusCode());
    assertEquals(404, server.get("/collections/parcels/tiles/WorldCRS84Quad/0/0/0").statusCode());
    assertEquals(404, server.get("/tileMatrixSets/WorldCRS84Quad").statusCode());
  }

  @Test
  void aClientWithTheCurrentTileGetsA304() throws Exception {
    String p = path("parcels", tileAt(15, lon, lat));
    HttpResponse<byte[]> first = getBytes(p);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = getBytes(p, "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(200, getBytes(p, "If-None-Match", "\"other\"").statusCode());
  }

  // ---- the documents ----

  @Test
  void eachCollectionLinksToItsTilesetsAndTheLinksResolve() throws Exception {
    for (String c : List.of("parcels", "zones", "enterprises")) {
      JsonNode col = getJson("/collections/" + c);
      String href = null;
      for (JsonNode l : col.get("links")) {
        if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector")) {
          href = l.get("href").asText();
        }
      }
      assertNotNull(href, c);
      JsonNode list = getJson(href.substring(server.base().length()));
      JsonNode ts = list.get("tilesets").get(0);
      assertEquals(WebMercatorQuad.URI, ts.get("tileMatrixSetURI").asText());
      assertEquals("vector", ts.get("dataType").asText());
      String tileset = null;
      for (JsonNode l : ts.get("links")) {
        if (l.get("rel").asText().equals("self")) {
          tileset = l.get("href").asText();
        }
      }
      JsonNode meta = getJson(tileset.substring(server.base().length()));
      String template = null;
      String scheme = null;
      for (JsonNode l : meta.get("links")) {
        if (l.get("rel").asText().equals("item") && l.path("templated").asBoolean()) {
          template = l.get("href").asText();
          assertEquals(MVT, l.get("type").asText());
        }
        if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme")) {
          scheme = l.get("href").asText();
        }
      }
      assertNotNull(template, c);
      assertTrue(template.endsWith("/{tileMatrix}/{tileRow}/{tileCol}"), template);
      assertEquals(c, meta.get("layers").get(0).get("id").asText());
      assertTrue(meta.get("layers").get(0).get("propertiesSchema").get("properties").has("id"));
      WebMercatorQuad.Tile t = tileAt(14, lon, lat);
      String url = template.replace("{tileMatrix}", "" + t.z()).replace("{tileRow}", "" + t.y())
          .replace("{tileCol}", "" + t.x());
      tileBytes(url.substring(server.base().length()));
      JsonNode tms = getJson(scheme.substring(server.base().length()));
      assertEquals(WebMercatorQuad.ID, tms.get("id").asText());
      assertEquals(WebMercatorQuad.MAX_ZOOM + 1, tms.get("tileMatrices").size());
    }
  }

  @Test
  void tileJsonGivesTheTileUrlAndTheLayersFields() throws Exception {
    for (String p : List.of("/collections/parcels/tiles/WebMercatorQuad/tilejson.json",
        "/collections/parcels/tiles/WebMercatorQuad?f=tilejson")) {
      JsonNode tj = getJson(p);
      assertEquals("3.0.0", tj.get("tilejson").asText());
      String url = tj.get("tiles").get(0).asText();
      assertTrue(url.endsWith("/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"), url);
      JsonNode vl = tj.get("vector_layers").get(0);
      assertEquals("parcels", vl.get("id").asText());
      assertTrue(vl.get("fields").has("land_use_code"));
      assertTrue(vl.get("fields").has("id"));
      WebMercatorQuad.Tile t = tileAt(14, lon, lat);
      tileBytes(url.replace("{z}", "" + t.z()).replace("{y}", "" + t.y()).replace("{x}", "" + t.x())
          .substring(server.base().length()));
    }
    JsonNode plan = getJson("/tiles/WebMercatorQuad/tilejson.json");
    assertEquals(5, plan.get("vector_layers").size());
  }

  @Test
  void conformanceDeclaresTheTilesClassesAndTheLandingPageLinksTheTiles() throws Exception {
    String conf = getJson("/conformance").toString();
    for (String c : List.of("core", "tileset", "tilesets-list", "geodata-tilesets", "mvt")) {
      assertTrue(conf.contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/" + c + "\""), c);
    }
    String landing = getJson("/?f=json").get("links").toString();
    assertTrue(landing.contains("/tiles\",\"rel\":\"http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector\""), landing);
    assertTrue(landing.contains("/tileMatrixSets\",\"rel\":\"http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes\""),
        landing);
    getJson("/tileMatrixSets");
    getJson("/tiles");
    getJson("/tiles/WebMercatorQuad");
  }
}
