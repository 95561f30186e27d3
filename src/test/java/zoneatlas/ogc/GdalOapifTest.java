package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * A real OGC API - Features client against the server over PostGIS: GDAL's OAPIF driver
 * (Debian gdal-bin, installed by scripts/install-deps.sh). These tests fail, not skip, when
 * GDAL cannot run: the point is that a standard client reads every layer.
 */
@Tag("gdal")
@Tag("postgis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdalOapifTest {
  static final ObjectMapper JSON = new ObjectMapper();
  TestServer server;
  SqlStore store;
  @TempDir
  Path tmp;

  @BeforeAll
  void start() {
    store = TestStores.postgis();
    server = new TestServer(store);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  record Run(int exit, String output) {}

  /** Runs a GDAL program; its stdout and stderr together. */
  Run gdal(String... cmd) throws Exception {
    Path log = Files.createTempFile(tmp, "gdal", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
    pb.environment().put("no_proxy", "127.0.0.1,localhost");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      fail("cannot run " + cmd[0] + " (install gdal-bin: scripts/install-deps.sh): " + e.getMessage());
      return null;
    }
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish in 300 s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return new Run(p.exitValue(), out);
  }

  String source() {
    return "OAPIF:" + server.base() + "/";
  }

  long dbCount(String sql) throws Exception {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  Set<String> dbIds(String sql, Object... params) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
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

  /** The "id" of every feature ogr2ogr wrote. */
  static List<String> ids(Path geojson) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode f : JSON.readTree(geojson.toFile()).path("features")) {
      ids.add(f.at("/properties/id").asText());
    }
    return ids;
  }

  @Test
  void gdalListsEveryCollectionWithTheExactFeatureCount() throws Exception {
    Run r = gdal("ogrinfo", "-ro", "-al", "-so", source());
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)").matcher(r.output());
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2)));
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String layer : List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure")) {
      expected.put(layer, dbCount("SELECT COUNT(*) FROM plan_features WHERE layer = '" + layer + "'"));
    }
    expected.put("parcels", dbCount("SELECT COUNT(*) FROM parcels"));
    expected.put("enterprises", dbCount("SELECT COUNT(*) FROM enterprises"));
    assertEquals(expected, counts, r.output());
    assertTrue(expected.values().stream().allMatch(n -> n > 0));
  }

  @Test
  void ogr2ogrWithASpatialFilterPagesThroughExactlyTheFeaturesInTheBbox() throws Exception {
    Path out = tmp.resolve("bbox.geojson");
    Run r = gdal("ogr2ogr", "--debug", "on", "-f", "GeoJSON", out.toString(), source(), "parcels",
        "-oo", "PAGE_SIZE=25", "-spat", "113.55", "34.78", "113.60", "34.83");
    List<String> got = ids(out);
    Set<String> expected = dbIds("SELECT id FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope(113.55, 34.78, 113.60, 34.83, 4490))");
    assertTrue(expected.size() > 75, "the bbox must span several 25-feature pages: " + expected.size());
    assertEquals(expected, new TreeSet<>(got));
    assertEquals(got.size(), new TreeSet<>(got).size(), "no feature twice");
    long pages = r.output().lines().filter(l -> l.contains("Fetch(") && l.contains("/collections/parcels/items")
        && l.contains("bbox=")).count();
    assertTrue(pages >= 4, "GDAL followed the next links: " + pages + " bbox pages");
  }

  @Test
  void aCql2FilterThroughGdalIsRunByTheServerAndReturnsTheRightSubset() throws Exception {
    Path out = tmp.resolve("filter.geojson");
    Run r = gdal("ogr2ogr", "--debug", "on", "-f", "GeoJSON", out.toString(), source(), "parcels",
        "-oo", "PAGE_SIZE=100", "-where", "zone = 'zzhitech' AND area_mu > 30 AND status <> 'in_use'");
    Set<String> expected = dbIds("SELECT id FROM parcels WHERE zone = 'zzhitech' AND area_mu > 30 AND status <> 'in_use'");
    assertTrue(expected.size() > 5, "expected a real subset: " + expected.size());
    assertEquals(expected, new TreeSet<>(ids(out)));
    assertTrue(r.output().contains("CQL text detected"), "GDAL saw the filter support declared in /api");
    assertTrue(r.output().lines().anyMatch(l -> l.contains("Fetch(") && l.contains("filter=")),
        "the filter went to the server:\n" + r.output());
    assertTrue(!r.output().contains("ERROR"), r.output());
  }

  @Test
  void epsg4547OutputMatchesPostgisTransformWithinOneCentimetre() throws Exception {
    int vertices = 0;
    double worst = 0;
    for (String layer : List.of("parcels", "infrastructure", "enterprises")) {
      JsonNode fc = JSON.readTree(server.get("/collections/" + layer + "/items?limit=40&crs="
          + "http://www.opengis.net/def/crs/EPSG/0/4547").body());
      assertEquals(40, fc.path("features").size(), layer);
      for (JsonNode f : fc.path("features")) {
        String table = layer.equals("infrastructure") ? "plan_features" : layer;
        String wkt;
        try (Connection c = store.connection();
            PreparedStatement ps = c.prepareStatement("SELECT ST_AsText(ST_Transform(geom, 4547)) FROM " + table + " WHERE id = ?")) {
          ps.setString(1, f.path("id").asText());
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            wkt = rs.getString(1);
          }
        }
        Geometry pg = new WKTReader().read(wkt);
        List<double[]> api = new ArrayList<>();
        positions(f.path("geometry").path("coordinates"), api);
        assertEquals(pg.getNumPoints(), api.size(), f.path("id").asText());
        for (Coordinate c : pg.getCoordinates()) {
          // PostGIS writes easting, northing; EPSG:4547 (and so the API) is northing, easting
          double best = Double.MAX_VALUE;
          for (double[] p : api) {
            best = Math.min(best, Math.hypot(p[0] - c.y, p[1] - c.x));
          }
          assertTrue(best <= 0.01, f.path("id").asText() + ": " + best + " m from PostGIS");
          worst = Math.max(worst, best);
          vertices++;
        }
      }
    }
    assertTrue(vertices > 200, "vertices compared: " + vertices);
    System.out.printf("EPSG:4547 output vs PostGIS ST_Transform: %d vertices, largest difference %.4f m%n", vertices, worst);
  }

  static void positions(JsonNode coords, List<double[]> out) {
    if (coords.isArray() && coords.size() > 0 && coords.get(0).isNumber()) {
      out.add(new double[] {coords.get(0).asDouble(), coords.get(1).asDouble()});
      return;
    }
    coords.forEach(c -> positions(c, out));
  }
}
