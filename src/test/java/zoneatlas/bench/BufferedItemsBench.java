package zoneatlas.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import java.io.BufferedOutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.Services;
import zoneatlas.layers.ItemsQuery;
import zoneatlas.layers.Layer;
import zoneatlas.ogc.FeaturesRoutes;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.BenchDatabase;
import zoneatlas.testing.TestStores;

/**
 * Issue 13: what reading a page whole before sending it costs against streaming it from the open
 * result set, both served over HTTP by one Javalin app in the same run (machines here are too noisy
 * to compare runs): ~2,500 of 200,000 parcels per bbox, as ItemsBench, alternating the two paths
 * and SQL alone. Prints medians and ratios; asserts nothing about time. Run:
 * {@code mvn test -Pbench -Dgroups=bench -Dtest=BufferedItemsBench}.
 */
@Tag("bench")
class BufferedItemsBench {
  static final int RUNS = 60;

  @Test
  void bufferedAgainstStreamed() throws Exception {
    SqlStore store = BenchDatabase.parcels();
    Services s = TestStores.services(store);
    Layer parcels = s.catalog.get("parcels").orElseThrow();
    double[] full = ItemsBench.extent(store);
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
    FeaturesRoutes routes = new FeaturesRoutes(s);
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      routes.register(cfg.routes);
      // the way items were served before issue 13: written to the socket while the rows arrive
      cfg.routes.get("/streamed/parcels", ctx -> {
        String[] b = ctx.queryParam("bbox").split(",");
        double[] bbox = Arrays.stream(b).mapToDouble(Double::parseDouble).toArray();
        ctx.contentType("application/geo+json");
        try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(new BufferedOutputStream(ctx.outputStream(), 1 << 16))) {
          g.writeStartObject();
          g.writeStringField("type", "FeatureCollection");
          g.writeArrayFieldStart("features");
          int n = s.features.writeFeatures(parcels, ItemsQuery.all(5000).withBbox(bbox), false, g);
          g.writeEndArray();
          g.writeNumberField("numberMatched", n);
          g.writeNumberField("numberReturned", n);
          g.writeEndObject();
        }
      });
    }).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      String sql = "SELECT id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,"
          + " floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu, supply_year,"
          + " build_start_year, synthetic, ST_AsGeoJSON(geom, 7) FROM parcels"
          + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))"
          + " ORDER BY id LIMIT 5000";
      for (int i = 0; i < 10; i++) {
        ItemsBench.runSql(store, sql, boxes.get(i));
        get(base + "/collections/parcels/items?limit=5000&bbox=" + bbox(boxes.get(i)));
        get(base + "/streamed/parcels?bbox=" + bbox(boxes.get(i)));
      }
      long[] tSql = new long[RUNS];
      long[] tBuffered = new long[RUNS];
      long[] tStreamed = new long[RUNS];
      long bytes = 0;
      for (int i = 0; i < RUNS; i++) {
        String b = bbox(boxes.get(i));
        long t0 = System.nanoTime();
        ItemsBench.runSql(store, sql, boxes.get(i));
        tSql[i] = System.nanoTime() - t0;
        // alternate which goes first, so neither always follows the other's warm cache
        if (i % 2 == 0) {
          t0 = System.nanoTime();
          bytes += get(base + "/collections/parcels/items?limit=5000&bbox=" + b);
          tBuffered[i] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          get(base + "/streamed/parcels?bbox=" + b);
          tStreamed[i] = System.nanoTime() - t0;
        } else {
          t0 = System.nanoTime();
          get(base + "/streamed/parcels?bbox=" + b);
          tStreamed[i] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          bytes += get(base + "/collections/parcels/items?limit=5000&bbox=" + b);
          tBuffered[i] = System.nanoTime() - t0;
        }
      }
      double mSql = median(tSql) / 1e6;
      double mBuf = median(tBuffered) / 1e6;
      double mStr = median(tStreamed) / 1e6;
      System.out.printf("BUFFERED ITEMS BENCH: %d KB/response; SQL alone median %.1f ms%n", bytes / RUNS / 1024, mSql);
      System.out.printf("BUFFERED ITEMS BENCH: streamed (before) median %.1f ms, ratio %.2f; read whole, then sent (now)"
          + " median %.1f ms, ratio %.2f; now/before %.2f%n", mStr, mStr / mSql, mBuf, mBuf / mSql, mBuf / mStr);
    } finally {
      app.stop();
    }
  }

  static String bbox(double[] b) {
    return b[0] + "," + b[1] + "," + b[2] + "," + b[3];
  }

  static long get(String url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("HTTP " + c.getResponseCode() + " " + url);
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
