package zoneatlas.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * The summary's totals computed again by the test from what the OGC API gives: every parcel of the
 * feature walked page by page over /collections/parcels/items, counted, its {@code area_m2}
 * property summed (the summary is defined as the sum of the parcels' stored geodesic areas), and,
 * as an oracle of that stored area, each geometry's area computed here on the CGCS2000 ellipsoid
 * through an equal-area (Albers) projection by GeoTools, which shares no code with the server's
 * GeographicLib polygon areas. 亩 are the test's own 10000/15 m².
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SummaryFromItemsContract {
  static final ObjectMapper JSON = new ObjectMapper();
  /** 1 亩 = 1/15 hectare. */
  static final double M2_PER_MU = 10_000.0 / 15.0;
  /** Albers equal-area on the CGCS2000 ellipsoid, standard parallels around the zones: areas are exact on the ellipsoid. */
  static final String ALBERS = "PROJCS[\"CGCS2000 / Albers Henan (test)\","
      + "GEOGCS[\"CGCS2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],"
      + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
      + "PROJECTION[\"Albers_Conic_Equal_Area\"],PARAMETER[\"standard_parallel_1\",34.5],"
      + "PARAMETER[\"standard_parallel_2\",35.5],PARAMETER[\"latitude_of_origin\",34.0],"
      + "PARAMETER[\"central_meridian\",113.7],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
      + "UNIT[\"metre\",1]]";

  TestServer server;
  MathTransform toEqualArea;

  abstract SqlStore store();

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(store());
    ProjectedCRS albers = (ProjectedCRS) CRS.parseWKT(ALBERS);
    toEqualArea = CRS.findMathTransform(albers.getBaseCRS(), albers, true);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** What the test adds up from the items. */
  static final class Walked {
    long count;
    double m2;
    double geodesicM2;
    double worstParcel;
    final Map<String, double[]> byStatus = new TreeMap<>();
    final Map<String, double[]> byLandUse = new TreeMap<>();
  }

  Walked walk(String filter) throws Exception {
    Walked w = new Walked();
    Set<String> seen = new HashSet<>();
    GeoJsonReader reader = new GeoJsonReader();
    String url = server.base() + "/collections/parcels/items?limit=200&" + filter;
    int pages = 0;
    while (url != null) {
      HttpResponse<String> r = server.get(url.substring(server.base().length()));
      assertEquals(200, r.statusCode(), url + " -> " + r.body());
      JsonNode fc = JSON.readTree(r.body());
      pages++;
      for (JsonNode f : fc.path("features")) {
        assertTrue(seen.add(f.path("id").asText()), "twice: " + f.path("id").asText());
        double m2 = f.at("/properties/area_m2").asDouble();
        Geometry g = JTS.transform(reader.read(f.path("geometry").toString()), toEqualArea);
        double geo = g.getArea();
        // 7 decimals of a degree move a vertex by up to a centimetre: a small parcel's area by a few m² at most
        w.worstParcel = Math.max(w.worstParcel, Math.abs(geo - m2) / m2);
        assertEquals(m2, geo, Math.max(0.005 * m2, 2.0), f.path("id").asText() + ": stored area vs the test's own");
        w.count++;
        w.m2 += m2;
        w.geodesicM2 += geo;
        add(w.byStatus, f.at("/properties/status").asText(), m2);
        add(w.byLandUse, f.at("/properties/land_use_code").asText(), m2);
      }
      url = null;
      for (JsonNode l : fc.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          url = l.path("href").asText();
        }
      }
    }
    assertTrue(w.count > 0, "no parcels for " + filter);
    return w;
  }

  static void add(Map<String, double[]> m, String k, double m2) {
    double[] v = m.computeIfAbsent(k, x -> new double[2]);
    v[0]++;
    v[1] += m2;
  }

  JsonNode summary(String collection, String id) throws Exception {
    HttpResponse<String> r = server.get("/api/summary/" + collection + "/" + id);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /**
   * Count exact; m² to the summary's 0.1; 亩 and hectares to their 0.01 (plus a hair for the order of
   * addition); the test's own geodesic total within 0.01% of the summary's; each group likewise.
   */
  void check(String collection, String id, String filter) throws Exception {
    JsonNode s = summary(collection, id);
    Walked w = walk(filter);
    JsonNode p = s.path("parcels");
    assertEquals(w.count, p.path("count").asLong(), collection + "/" + id + " parcel count");
    assertEquals(w.m2, p.path("area_m2").asDouble(), 0.05 + 1e-9 * w.m2, "m²");
    assertEquals(w.m2 / M2_PER_MU, p.path("area_mu").asDouble(), 0.005 + 1e-9 * w.m2, "亩");
    assertEquals(w.m2 / 10_000, p.path("area_ha").asDouble(), 0.005 + 1e-9 * w.m2, "ha");
    assertEquals(w.geodesicM2, p.path("area_m2").asDouble(), 1e-5 * w.geodesicM2, "the test's own geodesic area");
    checkGroups(s.path("by_status"), w.byStatus, "status");
    checkGroups(s.path("by_land_use"), w.byLandUse, "land use");
    System.out.printf("SummaryFromItems %s/%s: %d parcels, %.2f 亩 walked (summary %.2f); own geodesic total off by %.5f%%,"
        + " worst parcel %.3f%%%n", collection, id, w.count, w.m2 / M2_PER_MU, p.path("area_mu").asDouble(),
        100 * Math.abs(w.geodesicM2 - w.m2) / w.m2, 100 * w.worstParcel);
  }

  static void checkGroups(JsonNode groups, Map<String, double[]> walked, String what) {
    List<String> codes = new ArrayList<>();
    groups.forEach(g -> codes.add(g.path("code").asText()));
    assertEquals(walked.keySet(), new java.util.TreeSet<>(codes), what + " groups");
    for (JsonNode g : groups) {
      double[] v = walked.get(g.path("code").asText());
      assertEquals((long) v[0], g.path("count").asLong(), what + " " + g.path("code").asText() + " count");
      assertEquals(v[1] / M2_PER_MU, g.path("area_mu").asDouble(), 0.005 + 1e-9 * v[1], what + " " + g.path("code").asText() + " 亩");
    }
  }

  @Test
  void aDevelopmentZonesCountAndAreaInMuAreTheSumOfItsParcelsWalkedThroughTheApi() throws Exception {
    check("zones", "zzhitech-zone", "zone=zzhitech");
  }

  @Test
  void anIndustrialParksTotalsAreTheSumOfItsParcels() throws Exception {
    check("industrial-parks", "zzetdz-ip-lugang", "park=zzetdz-ip-lugang");
  }

  @Test
  void aCoreBoardsTotalsAreTheSumOfItsParcels() throws Exception {
    check("core-boards", "zzetdz-cb-qibuqu", "board=zzetdz-cb-qibuqu");
  }
}
