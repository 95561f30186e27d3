package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * EPSG:4547 output checked against PROJ, not against the database's own ST_Transform: the stored
 * CGCS2000 vertices (read from the table at full precision) go through GDAL's {@code gdaltransform}
 * (PROJ), and every vertex the API writes with {@code crs=.../EPSG/0/4547} must be within 1 mm of
 * PROJ's easting and northing, in the authority's axis order (northing first). Fails, not skips,
 * when GDAL cannot run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrsProjOracleContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GK = "http://www.opengis.net/def/crs/EPSG/0/4547";
  TestServer server;
  @TempDir
  Path tmp;

  abstract SqlStore store();

  @BeforeAll
  void start() {
    server = new TestServer(store());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /**
   * PROJ's projection of lon/lat pairs (CGCS2000, EPSG:4490; PROJ treats EPSG:4326 to EPSG:4547 the
   * same, as a null datum shift) to {easting, northing}.
   */
  List<double[]> proj(List<double[]> lonLat) throws Exception {
    StringBuilder in = new StringBuilder();
    for (double[] p : lonLat) {
      in.append(String.format(java.util.Locale.ROOT, "%.15f %.15f%n", p[0], p[1]));
    }
    Path input = Files.writeString(tmp.resolve("in.txt"), in);
    Path output = tmp.resolve("out.txt");
    ProcessBuilder pb = new ProcessBuilder("gdaltransform", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4547", "-output_xy")
        .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      fail("cannot run gdaltransform (install gdal-bin: scripts/install-deps.sh): " + e.getMessage());
      return null;
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("gdaltransform did not finish");
    }
    assertEquals(0, p.exitValue(), Files.readString(output));
    List<double[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(output)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
    }
    assertEquals(lonLat.size(), out.size(), "one projected point per input");
    return out;
  }

  /** The stored geometries of some features, straight from the table at full precision. */
  Map<String, Geometry> stored(String table, List<String> ids) throws Exception {
    Map<String, Geometry> m = new LinkedHashMap<>();
    WKTReader wkt = new WKTReader();
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement("SELECT ST_AsText(geom) FROM " + table + " WHERE id = ?")) {
      for (String id : ids) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), id);
          m.put(id, wkt.read(rs.getString(1)));
        }
      }
    }
    return m;
  }

  void checkAgainstProj(String collection, String table, String query, int atLeast) throws Exception {
    HttpResponse<String> r = server.get("/collections/" + collection + "/items?crs="
        + URLEncoder.encode(GK, StandardCharsets.UTF_8) + query);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("<" + GK + ">", r.headers().firstValue("Content-Crs").orElse(""));
    JsonNode fc = JSON.readTree(r.body());
    List<String> ids = new ArrayList<>();
    fc.path("features").forEach(f -> ids.add(f.path("id").asText()));
    assertTrue(ids.size() >= 5, "features to check: " + ids.size());
    Map<String, Geometry> db = stored(table, ids);
    List<double[]> lonLat = new ArrayList<>();
    for (Geometry g : db.values()) {
      for (Coordinate c : g.getCoordinates()) {
        lonLat.add(new double[] {c.x, c.y});
      }
    }
    List<double[]> en = proj(lonLat);
    int k = 0;
    int checked = 0;
    double worst = 0;
    for (JsonNode f : fc.path("features")) {
      Geometry g = db.get(f.path("id").asText());
      List<double[]> api = positions(f.path("geometry").path("coordinates"), new ArrayList<>());
      assertEquals(g.getNumPoints(), api.size(), "as many vertices as stored for " + f.path("id").asText());
      for (int i = 0; i < g.getNumPoints(); i++) {
        double[] want = en.get(k++);
        // the API writes northing, easting; rings may start at another vertex (H2GIS's precision
        // reducer re-orders them), so each PROJ vertex is matched to the nearest one written
        double best = Double.MAX_VALUE;
        for (double[] p : api) {
          best = Math.min(best, Math.hypot(p[0] - want[1], p[1] - want[0]));
        }
        worst = Math.max(worst, best);
        assertTrue(best <= 0.001, f.path("id").asText() + " vertex " + i + ": " + best * 1000 + " mm from PROJ's "
            + want[1] + ", " + want[0]);
        checked++;
      }
    }
    assertTrue(checked >= atLeast, "vertices checked: " + checked);
    System.out.printf("CrsProjOracle %s: %d vertices of %d features within %.3f mm of PROJ%n", collection, checked,
        ids.size(), worst * 1000);
  }

  static List<double[]> positions(JsonNode n, List<double[]> out) {
    if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
      out.add(new double[] {n.get(0).asDouble(), n.get(1).asDouble()});
    } else {
      n.forEach(c -> positions(c, out));
    }
    return out;
  }

  @Test
  void parcelsOfEveryZoneInGaussKrugerAreWhereProjPutsThemToTheMillimetre() throws Exception {
    for (String zone : List.of("zzetdz", "zzhitech", "xxetdz")) {
      checkAgainstProj("parcels", "parcels", "&zone=" + zone + "&limit=25&sortby=-area_m2", 100);
    }
  }

  @Test
  void enterprisePointsInGaussKrugerAreWhereProjPutsThem() throws Exception {
    checkAgainstProj("enterprises", "enterprises", "&limit=40", 40);
  }

  @Test
  void oneFeatureInGaussKrugerIsWhereProjPutsIt() throws Exception {
    String id = JSON.readTree(server.get("/collections/parcels/items?limit=1&zone=xxetdz").body()).at("/features/0/id").asText();
    assertNotNull(id);
    HttpResponse<String> r = server.get("/collections/parcels/items/" + id + "?crs=EPSG:4547");
    assertEquals(200, r.statusCode());
    List<double[]> api = positions(JSON.readTree(r.body()).path("geometry").path("coordinates"), new ArrayList<>());
    Geometry g = stored("parcels", List.of(id)).get(id);
    List<double[]> lonLat = new ArrayList<>();
    for (Coordinate c : g.getCoordinates()) {
      lonLat.add(new double[] {c.x, c.y});
    }
    for (double[] want : proj(lonLat)) {
      double best = Double.MAX_VALUE;
      for (double[] p : api) {
        best = Math.min(best, Math.hypot(p[0] - want[1], p[1] - want[0]));
      }
      assertTrue(best <= 0.001, best * 1000 + " mm");
    }
  }
}
