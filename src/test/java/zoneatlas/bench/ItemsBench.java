package zoneatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.BenchDatabase;
import zoneatlas.testing.TestServer;

/**
 * Issue 3's benchmark: a bbox request returning about 2,000 of 200,000 parcels, served over HTTP,
 * against the same query's SQL alone (run and read through JDBC) in the same run. Prints medians
 * and the ratio; asserts nothing about time. Run: {@code mvn test -Pbench -Dgroups=bench -Dtest=ItemsBench}.
 */
@Tag("bench")
class ItemsBench {
  static final int RUNS = 60;

  @Test
  void bboxOfAboutTwoThousandParcels() throws Exception {
    SqlStore store = BenchDatabase.parcels();
    // find a window holding ~2,000 parcels: the fabric is uniform, so scale a box by density
    double[] full = extent(store);
    double frac = Math.sqrt(2000.0 / BenchDatabase.PARCELS);
    double w = (full[2] - full[0]) * frac;
    double h = (full[3] - full[1]) * frac;
    Random rnd = new Random(7);
    List<double[]> boxes = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      double x = full[0] + rnd.nextDouble() * (full[2] - full[0] - w);
      double y = full[1] + rnd.nextDouble() * (full[3] - full[1] - h);
      boxes.add(new double[] {x, y, x + w, y + h});
    }
    try (TestServer server = new TestServer(store)) {
      HttpClient http = HttpClient.newHttpClient();
      String sql = "SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,"
          + " floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu, supply_year,"
          + " build_start_year, synthetic, ST_AsGeoJSON(geom, 7) FROM parcels"
          + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))"
          + " ORDER BY id LIMIT 5000";
      // warm both paths
      for (int i = 0; i < 10; i++) {
        runSql(store, sql, boxes.get(i));
        runHttp(http, server, boxes.get(i));
      }
      zoneatlas.layers.FeatureService fs = server.services.features;
      zoneatlas.layers.Layer parcels = server.services.catalog.get("parcels").orElseThrow();
      long[] tSql = new long[RUNS];
      long[] tHttp = new long[RUNS];
      long[] tJava = new long[RUNS];
      long features = 0;
      long bytes = 0;
      for (int i = 0; i < RUNS; i++) {
        // alternate so machine noise hits both alike
        long t0 = System.nanoTime();
        features += runSql(store, sql, boxes.get(i));
        tSql[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        bytes += runHttp(http, server, boxes.get(i));
        tHttp[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        try (com.fasterxml.jackson.core.JsonGenerator g =
            new com.fasterxml.jackson.core.JsonFactory().createGenerator(java.io.OutputStream.nullOutputStream())) {
          g.writeStartArray();
          fs.writeFeatures(parcels, zoneatlas.layers.ItemsQuery.all(5000).withBbox(boxes.get(i)), false, g);
          g.writeEndArray();
        }
        tJava[i] = System.nanoTime() - t0;
      }
      double mSql = median(tSql) / 1e6;
      double mHttp = median(tHttp) / 1e6;
      System.out.printf("ITEMS BENCH: %d parcels, mean %d features/request, %d KB/response%n",
          BenchDatabase.PARCELS, features / RUNS, bytes / RUNS / 1024);
      double mJava = median(tJava) / 1e6;
      System.out.printf("ITEMS BENCH: SQL alone median %.1f ms; server (HTTP GeoJSON) median %.1f ms; ratio %.2f%n",
          mSql, mHttp, mHttp / mSql);
      System.out.printf("ITEMS BENCH: of which feature service without HTTP (SQL + JSON writing) median %.1f ms; ratio %.2f%n",
          mJava, mJava / mSql);
    }
  }

  static double[] extent(SqlStore s) throws Exception {
    try (Connection c = s.connection();
        PreparedStatement ps = c.prepareStatement("SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) FROM parcels");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
    }
  }

  static int runSql(SqlStore s, String sql, double[] b) throws Exception {
    int n = 0;
    try (Connection c = s.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < 8; i++) {
        ps.setDouble(i + 1, b[i % 4]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (int k = 1; k <= 21; k++) {
            rs.getObject(k);
          }
          n++;
        }
      }
    }
    return n;
  }

  /**
   * One request, its body read and dropped. java.net.http.HttpClient decodes large chunked
   * bodies slowly enough to dominate the measurement, so this uses the leaner
   * HttpURLConnection, closer to what curl or a browser costs.
   */
  static long runHttp(HttpClient unused, TestServer server, double[] b) throws Exception {
    String url = server.base() + "/collections/parcels/items?limit=5000&bbox=" + b[0] + "," + b[1] + "," + b[2] + "," + b[3];
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestProperty("Accept", "application/geo+json");
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("HTTP " + c.getResponseCode());
    }
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (java.io.InputStream in = c.getInputStream()) {
      for (int k; (k = in.read(buf)) > 0; ) {
        n += k;
      }
    }
    return n;
  }

  static double median(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
