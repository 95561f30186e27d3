package zoneatlas.basemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.Services;
import zoneatlas.config.Config;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The offline tile package (basemap.package) served at /basemap/tiles/{z}/{x}/{y}: a tiny MBTiles
 * and a tiny PMTiles made here, read back through the server byte for byte.
 */
class BasemapPackageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void tileIdsFollowThePmtilesHilbertCurve() {
    // known answers from the reference implementation (npm pmtiles 4.5.0, zxyToTileId)
    assertEquals(0, PmtilesPackage.tileId(0, 0, 0));
    assertEquals(1, PmtilesPackage.tileId(1, 0, 0));
    assertEquals(2, PmtilesPackage.tileId(1, 0, 1));
    assertEquals(3, PmtilesPackage.tileId(1, 1, 1));
    assertEquals(4, PmtilesPackage.tileId(1, 1, 0));
    assertEquals(5, PmtilesPackage.tileId(2, 0, 0));
    assertEquals(76, PmtilesPackage.tileId(3, 5, 2));
    assertEquals(1189559, PmtilesPackage.tileId(10, 837, 413));
    assertEquals(304513485L, PmtilesPackage.tileId(14, 13398, 6522));
    assertEquals(1247270940821L, PmtilesPackage.tileId(20, 858000, 413000));
  }

  @Test
  void anMbtilesPackageIsServedTileByTileWithItsRowsFlipped() throws Exception {
    Path file = dir.resolve("city.mbtiles");
    byte[] png = "\u0089PNG fake tile 1/1/0".getBytes(StandardCharsets.ISO_8859_1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
      st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
      st.execute("INSERT INTO metadata VALUES ('name', '郑州离线影像'), ('format', 'png'), ('minzoom', '0'),"
          + " ('maxzoom', '2'), ('bounds', '113.5,34.5,114.1,35.3'), ('attribution', '© 测试')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
        // XYZ 1/1/0 (north-east) is TMS row 1
        ps.setInt(1, 1);
        ps.setInt(2, 1);
        ps.setInt(3, 1);
        ps.setBytes(4, png);
        ps.execute();
      }
    }
    try (TestServer server = new TestServer(TestStores.h2(), Map.of("basemap.package", file.toString()))) {
      HttpResponse<byte[]> tile = get(server, "/basemap/tiles/1/1/0");
      assertEquals(200, tile.statusCode());
      assertTrue(tile.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
      assertArrayEquals(png, tile.body());
      assertArrayEquals(png, get(server, "/basemap/tiles/1/1/0.png").body(), "an extension after the row is allowed");
      String etag = tile.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, get(server, "/basemap/tiles/1/1/0", "If-None-Match", etag).statusCode());

      assertEquals(204, get(server, "/basemap/tiles/1/1/1").statusCode(), "nothing stored there: empty, not an error");
      assertEquals(204, get(server, "/basemap/tiles/5/3/3").statusCode(), "beyond the package's zooms: empty");

      HttpResponse<byte[]> bad = get(server, "/basemap/tiles/1/2/0");
      assertEquals(400, bad.statusCode());
      assertEquals("x", JSON.readTree(bad.body()).path("parameter").asText());
      assertEquals("y", JSON.readTree(get(server, "/basemap/tiles/1/0/abc").body()).path("parameter").asText());

      JsonNode tj = JSON.readTree(get(server, "/basemap/tiles.json").body());
      assertEquals("3.0.0", tj.path("tilejson").asText());
      assertEquals("png", tj.path("format").asText());
      assertEquals("郑州离线影像", tj.path("name").asText());
      assertEquals(2, tj.path("maxzoom").asInt());
      assertEquals(113.5, tj.path("bounds").path(0).asDouble(), 1e-9);
      assertTrue(tj.path("tiles").path(0).asText().endsWith("/basemap/tiles/{z}/{x}/{y}"), tj.toString());

      JsonNode cfg = JSON.readTree(server.get("/api/client-config").body());
      assertEquals("/basemap/tiles/{z}/{x}/{y}", cfg.path("package").path("url").asText());
      assertEquals(false, cfg.path("package").path("vector").asBoolean());
    }
  }

  @Test
  void aPmtilesPackageWithALeafDirectoryServesGzippedVectorTilesUnzipped() throws Exception {
    Map<Long, byte[]> tiles = new TreeMap<>();
    byte[] a = "vector tile 10/837/413".getBytes(StandardCharsets.UTF_8);
    byte[] b = "vector tile 14/13398/6522".getBytes(StandardCharsets.UTF_8);
    tiles.put(PmtilesPackage.tileId(10, 837, 413), gzip(a));
    tiles.put(PmtilesPackage.tileId(14, 13398, 6522), gzip(b));
    Path file = dir.resolve("city.pmtiles");
    Files.write(file, pmtiles(tiles, "{\"name\":\"离线矢量\",\"vector_layers\":[{\"id\":\"roads\"},{\"id\":\"water\"}]}"));

    try (TestServer server = new TestServer(TestStores.h2(), Map.of("basemap.package", file.toString()))) {
      HttpResponse<byte[]> t1 = get(server, "/basemap/tiles/10/837/413");
      assertEquals(200, t1.statusCode());
      assertTrue(t1.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.mapbox-vector-tile"));
      assertArrayEquals(a, t1.body());
      assertArrayEquals(b, get(server, "/basemap/tiles/14/13398/6522.pbf").body());
      assertEquals(204, get(server, "/basemap/tiles/14/13398/6523").statusCode());
      JsonNode tj = JSON.readTree(get(server, "/basemap/tiles.json").body());
      assertEquals("pbf", tj.path("format").asText());
      assertEquals("pmtiles", tj.path("package").asText());
      assertEquals("roads", tj.path("vector_layers").path(0).path("id").asText());
      assertEquals(10, tj.path("minzoom").asInt());
      assertEquals(14, tj.path("maxzoom").asInt());
    }
  }

  @Test
  void withoutAPackageTheTileRoutesSaySoAndTheDemoBasemapIsServed() throws Exception {
    try (TestServer server = new TestServer(TestStores.h2())) {
      HttpResponse<byte[]> none = get(server, "/basemap/tiles/1/0/0");
      assertEquals(404, none.statusCode());
      assertTrue(JSON.readTree(none.body()).path("description").asText().contains("basemap.package"));
      HttpResponse<byte[]> demo = get(server, "/basemap/demo.geojson");
      assertEquals(200, demo.statusCode());
      assertTrue(demo.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
      JsonNode fc = JSON.readTree(demo.body());
      List<String> kinds = new ArrayList<>();
      fc.path("features").forEach(f -> kinds.add(f.path("properties").path("layer").asText()));
      assertTrue(kinds.containsAll(List.of("boundary", "water", "road", "place")), "layers drawn: " + kinds);
      fc.path("features").forEach(f -> assertTrue(f.path("properties").path("schematic").asBoolean(),
          "every feature is marked schematic: " + f.path("properties")));
      assertNotNull(fc.path("source_note_zh").asText(null), "the collection carries its source note");
    }
  }

  @Test
  void aPackageThatIsNotThereStopsTheServerAtStartNamingTheSetting() {
    Config c = TestStores.config().with("basemap.package", dir.resolve("missing.mbtiles").toString());
    Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> new Services(c, TestStores.h2()));
    assertTrue(e.getMessage().contains("basemap.package") && e.getMessage().contains("missing.mbtiles"), e.getMessage());
  }

  private HttpResponse<byte[]> get(TestServer server, String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  /**
   * A PMTiles v3 file of these tiles (gzip tiles of type MVT, gzip directories): each tile one entry
   * in a leaf directory, the root directory one entry pointing at that leaf.
   */
  static byte[] pmtiles(Map<Long, byte[]> tiles, String metadata) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    List<long[]> entries = new ArrayList<>();
    for (Map.Entry<Long, byte[]> t : tiles.entrySet()) {
      entries.add(new long[] {t.getKey(), data.size(), t.getValue().length, 1});
      data.write(t.getValue());
    }
    byte[] leaf = gzip(directory(entries));
    byte[] root = gzip(directory(List.<long[]>of(new long[] {entries.get(0)[0], 0, leaf.length, 0})));
    byte[] meta = gzip(metadata.getBytes(StandardCharsets.UTF_8));
    long rootAt = PmtilesPackage.HEADER_BYTES;
    long metaAt = rootAt + root.length;
    long leafAt = metaAt + meta.length;
    long dataAt = leafAt + leaf.length;
    ByteBuffer h = ByteBuffer.allocate(PmtilesPackage.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    h.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
    h.putLong(rootAt).putLong(root.length).putLong(metaAt).putLong(meta.length).putLong(leafAt).putLong(leaf.length)
        .putLong(dataAt).putLong(data.size()).putLong(tiles.size()).putLong(tiles.size()).putLong(tiles.size());
    h.put((byte) 1).put((byte) 2).put((byte) 2).put((byte) 1).put((byte) 10).put((byte) 14);
    h.putInt(1135000000).putInt(345000000).putInt(1141000000).putInt(353000000).put((byte) 12)
        .putInt(1137800000).putInt(347000000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(h.array());
    out.write(root);
    out.write(meta);
    out.write(leaf);
    out.write(data.toByteArray());
    return out.toByteArray();
  }

  /** Entries {tileId, offset, length, runLength}, encoded as the spec says (offset 0 = right after the previous). */
  static byte[] directory(List<long[]> entries) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    varint(b, entries.size());
    long last = 0;
    for (long[] e : entries) {
      varint(b, e[0] - last);
      last = e[0];
    }
    for (long[] e : entries) {
      varint(b, e[3]);
    }
    for (long[] e : entries) {
      varint(b, e[2]);
    }
    for (int i = 0; i < entries.size(); i++) {
      long[] e = entries.get(i);
      boolean contiguous = i > 0 && entries.get(i - 1)[1] + entries.get(i - 1)[2] == e[1];
      varint(b, contiguous ? 0 : e[1] + 1);
    }
    return b.toByteArray();
  }

  static void varint(ByteArrayOutputStream b, long v) {
    while ((v & ~0x7fL) != 0) {
      b.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    b.write((int) v);
  }
}
