package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import zoneatlas.ogc.Cql2;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Requests built to hurt: each is a 400 naming the parameter at fault, promptly, never a 500 and
 * never seconds of CPU.
 */
class HostileInputTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deeplyNestedCql2IsRefusedNamingFilter() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      String nots = "NOT ".repeat(1000) + "zone = 'zzetdz'";
      refused(s.get("/collections/parcels/items?limit=1&filter=" + enc(nots)), "filter", "nested too deeply");
      String parens = "(".repeat(600) + "zone = 'zzetdz'" + ")".repeat(600);
      refused(s.get("/collections/parcels/items?limit=1&filter=" + enc(parens)), "filter", "nested too deeply");
      String casei = "CASEI(".repeat(200) + "zone" + ")".repeat(200) + " = 'zzetdz'";
      refused(s.get("/collections/parcels/items?limit=1&filter=" + enc(casei)), "filter", "nested too deeply");
      // the deepest allowed still runs
      String deepest = "NOT ".repeat(16) + "(".repeat(16) + "zone = 'zzetdz'" + ")".repeat(16);
      HttpResponse<String> ok = s.get("/collections/parcels/items?limit=1&filter=" + enc(deepest));
      assertEquals(200, ok.statusCode(), ok.body());
    }
    ApiError e = assertThrows(ApiError.class, () -> Cql2.parse("NOT ".repeat(33) + "a = 1"));
    assertEquals("filter", e.parameter);
    Cql2.parse("NOT ".repeat(32) + "a = 1");
  }

  @Test
  void aLineNumberBeyondAnyDocumentIsA400NamingLines() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      refused(s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=99999999999"), "lines", "beyond any document");
      refused(s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=1-99999999999"), "lines", "beyond any document");
      refused(s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=2147483647"), "lines", "outside the document");
    }
  }

  @Test
  void aCombOfFiveThousandVerticesOverAZoneIsRefusedQuickly() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = s.post("/api/inside", "{\"geometry\":" + comb(113.72, 34.62, 113.89, 34.77, 1249) + "}", null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      refused(r, "geometry", "too detailed for the area it covers");
      System.out.printf(Locale.ROOT, "comb refused in %.2f s%n", seconds);
    }
  }

  @Test
  void aDetailedShapeOverAFewParcelsIsStillAnswered() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      // a 4,999-vertex circle of 600 m around a parcel: detailed, but it crosses only the parcels on its rim
      JsonNode some = JSON.readTree(s.get("/collections/parcels/items?limit=1&zone=zzetdz").body()).at("/features/0/geometry");
      JsonNode corner = (some.path("type").asText().equals("Polygon") ? some.at("/coordinates/0/0") : some.at("/coordinates/0/0/0"));
      double lon = corner.get(0).asDouble();
      double lat = corner.get(1).asDouble();
      StringBuilder ring = new StringBuilder("[");
      int n = 4998;
      for (int i = 0; i <= n; i++) {
        double a = 2 * Math.PI * (i % n) / n;
        ring.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
            lon + 0.0066 * Math.cos(a), lat + 0.0054 * Math.sin(a)));
      }
      ring.append("]");
      HttpResponse<String> r = s.post("/api/inside", "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}", null);
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(JSON.readTree(r.body()).path("totals").path("count").asLong() > 0, r.body());
    }
  }

  /** A polygon whose teeth cross everything between x0 and x1: 4 vertices per tooth. */
  static String comb(double x0, double y0, double x1, double y1, int teeth) {
    double w = (x1 - x0) / teeth;
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i < teeth; i++) {
      double xa = x0 + i * w;
      double xb = xa + w * 0.5;
      b.append(String.format(Locale.ROOT, "[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],", xa, y0, xa, y1, xb, y1, xb, y0 + 0.001));
    }
    b.append(String.format(Locale.ROOT, "[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f]]]}", x1, y0 + 0.001, x1, y0 - 0.002, x0,
        y0 - 0.002, x0, y0));
    return b.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void refused(HttpResponse<String> r, String parameter, String says) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    JsonNode j = JSON.readTree(r.body());
    assertEquals(parameter, j.path("parameter").asText(), r.body());
    assertTrue(j.path("description").asText().contains(says), r.body());
  }
}
