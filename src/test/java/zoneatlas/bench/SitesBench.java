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
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.demo.DemoLoader;
import zoneatlas.model.PlanFeature;
import zoneatlas.store.DataWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.BenchDatabase;
import zoneatlas.testing.TestServer;

/**
 * Issue 6's benchmark: what-is-here and what-is-near over HTTP on 200,000 parcels (PostGIS) plus
 * the demo plan's features, at {@value #RUNS} random points, against the bare index prefilter
 * query of each (run and read through JDBC) in the same run. Prints p50 and p99 and their ratios;
 * asserts nothing about time. Run: {@code mvn test -Pbench -Dgroups=bench -Dtest=SitesBench}.
 */
@Tag("bench")
class SitesBench {
  static final int RUNS = 500;
  static final int WARM = 50;

  @Test
  void whatIsHereAndWhatIsNearOnTwoHundredThousandParcels() throws Exception {
    SqlStore store = BenchDatabase.parcels();
    int plan = loadPlanOnce(store);
    double[] e = ItemsBench.extent(store);
    Random rnd = new Random(6);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < RUNS + WARM; i++) {
      pts.add(new double[] {e[0] + rnd.nextDouble() * (e[2] - e[0]), e[1] + rnd.nextDouble() * (e[3] - e[1])});
    }
    String hereSql = "SELECT id, ST_AsBinary(geom) FROM parcels WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)";
    String nearSql = "SELECT id, kind, ST_AsBinary(geom) FROM plan_features WHERE layer = 'infrastructure'"
        + " AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)";
    try (TestServer server = new TestServer(store)) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < WARM; i++) {
        double[] p = pts.get(i);
        sql(store, hereSql, p, 0);
        sql(store, nearSql, p, 0.02);
        http(http, server.base() + "/api/here?lon=" + p[0] + "&lat=" + p[1]);
        http(http, server.base() + "/api/near?lon=" + p[0] + "&lat=" + p[1] + "&radius_m=2000");
      }
      long[][] t = new long[4][RUNS];
      long hits = 0;
      long bytesHere = 0;
      long bytesNear = 0;
      for (int i = 0; i < RUNS; i++) {
        double[] p = pts.get(WARM + i);
        // interleaved so machine noise hits all four alike
        long t0 = System.nanoTime();
        hits += sql(store, hereSql, p, 0);
        t[0][i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        bytesHere += http(http, server.base() + "/api/here?lon=" + p[0] + "&lat=" + p[1]);
        t[1][i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        sql(store, nearSql, p, 0.02);
        t[2][i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        bytesNear += http(http, server.base() + "/api/near?lon=" + p[0] + "&lat=" + p[1] + "&radius_m=2000");
        t[3][i] = System.nanoTime() - t0;
      }
      System.out.printf(Locale.ROOT, "SITES BENCH: %d parcels, %d plan features, %d random points over %.3f..%.3fE %.3f..%.3fN;"
          + " %.2f parcels under a point on average; mean response %d B (here), %d B (near)%n",
          BenchDatabase.PARCELS, plan, RUNS, e[0], e[2], e[1], e[3], (double) hits / RUNS, bytesHere / RUNS, bytesNear / RUNS);
      report("what-is-here", t[1], "parcels && point (SQL alone)", t[0]);
      report("what-is-near (9 nearest categories + everything within 2 km)", t[3],
          "infrastructure && 2 km window (SQL alone)", t[2]);
    }
  }

  static void report(String what, long[] server, String baseline, long[] sql) {
    double p50 = pct(server, 50);
    double p99 = pct(server, 99);
    double b50 = pct(sql, 50);
    double b99 = pct(sql, 99);
    System.out.printf(Locale.ROOT, "SITES BENCH: %s over HTTP: p50 %.2f ms, p99 %.2f ms | baseline %s: p50 %.2f ms, p99 %.2f ms"
        + " | ratio p50 %.1fx, p99 %.1fx%n", what, p50, p99, baseline, b50, b99, p50 / b50, p99 / b99);
  }

  static double pct(long[] v, int p) {
    long[] c = v.clone();
    Arrays.sort(c);
    int i = (int) Math.ceil(p / 100.0 * c.length) - 1;
    return c[Math.max(0, Math.min(c.length - 1, i))] / 1e6;
  }

  /** The bench database holds parcels only; what-is-near needs the plan's infrastructure. */
  static int loadPlanOnce(SqlStore store) throws Exception {
    try (Connection c = store.connection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plan_features");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return rs.getInt(1);
        }
      }
      List<PlanFeature> plan = DemoLoader.readPlan();
      c.setAutoCommit(false);
      try {
        new DataWriter(store, c).plan(plan);
        c.commit();
      } catch (Exception ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(true);
      }
      try (PreparedStatement ps = c.prepareStatement("ANALYZE plan_features")) {
        ps.execute();
      }
      return plan.size();
    }
  }

  static int sql(SqlStore s, String sql, double[] p, double pad) throws Exception {
    int n = 0;
    try (Connection c = s.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDouble(1, p[0] - pad);
      ps.setDouble(2, p[1] - pad);
      ps.setDouble(3, p[0] + pad);
      ps.setDouble(4, p[1] + pad);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getString(1);
          rs.getBytes(rs.getMetaData().getColumnCount());
          n++;
        }
      }
    }
    return n;
  }

  static long http(HttpClient http, String url) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + new String(r.body()));
    }
    return r.body().length;
  }
}
