package zoneatlas.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Issue 13's load test: 64 connections for 60 s against one server on PostGIS with the demo data, each
 * a closed loop of mixed requests as the map and API clients send them — items of a bbox (40 %),
 * search (25 %), what-is-here (15 %), nearest infrastructure (15 %) — and PATCHes of a parcel's FAR
 * as a land officer (5 %). Reports throughput, p50/p90/p99/max per kind and overall, and errors (any
 * status other than 200, or an exception). Goal: 0 errors, p99 under 10x p50. Nothing is asserted
 * about time. Run: {@code mvn test -Pbench -Dgroups=bench -Dtest=LoadBench} ({@code -Dload.seconds=},
 * {@code -Dload.connections=}, {@code -Dload.write.percent=} to change the shape).
 */
@Tag("bench")
class LoadBench {
  static final int CONNECTIONS = Integer.getInteger("load.connections", 64);
  static final int SECONDS = Integer.getInteger("load.seconds", 60);
  /** Share of PATCHes; the reads share the rest in the same proportions. */
  static final int WRITE_PERCENT = Integer.getInteger("load.write.percent", 5);
  static final String[] QUERIES = {"jingkai", "郑州", "gx", "产业园", "xinxiang", "物流", "hk", "P-ZZ", "高新", "zz"};

  record Sample(String kind, long micros, int status) {}

  @Test
  void mixedReadsAndWritesAt64Connections() throws Exception {
    SqlStore store = TestStores.postgisCopy();
    List<double[]> points = new ArrayList<>();
    List<String> parcels = new ArrayList<>();
    try (Connection c = store.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom))"
            + " FROM parcels ORDER BY id")) {
      while (rs.next()) {
        parcels.add(rs.getString(1));
        points.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
      }
    }
    try (TestServer server = new TestServer(store, Map.of())) {
      String token = server.token("land_officer");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
      String base = server.base();
      // warm-up: JIT, the search index, caches
      for (int i = 0; i < 50; i++) {
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + enc(QUERIES[i % QUERIES.length]))).build(),
            HttpResponse.BodyHandlers.discarding());
      }
      System.out.printf("LOAD BENCH: %d connections for %d s, %d%% writes, %d parcels, one server on PostGIS (pool 8)%n",
          CONNECTIONS, SECONDS, WRITE_PERCENT, parcels.size());
      long end = System.nanoTime() + SECONDS * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
      Map<String, Integer> errors = new ConcurrentHashMap<>();
      AtomicInteger seq = new AtomicInteger();
      List<Future<List<Sample>>> futures = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int t = 0; t < CONNECTIONS; t++) {
        long seed = 1000 + t;
        futures.add(pool.submit(() -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          List<Sample> out = new ArrayList<>();
          while (System.nanoTime() < end) {
            int roll = rnd.nextInt(100) < WRITE_PERCENT ? 100 : rnd.nextInt(95);
            double[] p = points.get(rnd.nextInt(points.size()));
            String kind;
            HttpRequest.Builder r;
            if (roll < 40) {
              kind = "items-bbox";
              double w = 0.005 + rnd.nextDouble() * 0.02;
              r = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                  "%s/collections/parcels/items?limit=100&bbox=%.5f,%.5f,%.5f,%.5f", base, p[0] - w, p[1] - w, p[0] + w,
                  p[1] + w)));
            } else if (roll < 65) {
              kind = "search";
              r = HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + enc(QUERIES[rnd.nextInt(QUERIES.length)])));
            } else if (roll < 80) {
              kind = "here";
              r = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/api/here?lon=%.6f&lat=%.6f", base, p[0],
                  p[1])));
            } else if (roll < 95) { // 100: a write
              kind = "near";
              r = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, "%s/api/near?lon=%.6f&lat=%.6f", base, p[0],
                  p[1])));
            } else {
              kind = "patch";
              String id = parcels.get(rnd.nextInt(parcels.size()));
              r = HttpRequest.newBuilder(URI.create(base + "/collections/parcels/items/" + enc(id)))
                  .header("Authorization", "Bearer " + token).header("Content-Type", "application/merge-patch+json")
                  .header("X-Request-Id", "load-" + seq.incrementAndGet())
                  .method("PATCH", HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                      "{\"properties\":{\"far\":%.2f}}", 0.8 + rnd.nextInt(200) / 100.0)));
            }
            long s0 = System.nanoTime();
            int status;
            try {
              HttpResponse<Void> resp = http.send(r.timeout(Duration.ofSeconds(60)).build(),
                  HttpResponse.BodyHandlers.discarding());
              status = resp.statusCode();
            } catch (Exception e) {
              status = -1;
              errors.merge(kind + " " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
            out.add(new Sample(kind, (System.nanoTime() - s0) / 1000, status));
            if (status != 200 && status != -1) {
              errors.merge(kind + " " + status, 1, Integer::sum);
            }
          }
          return out;
        }));
      }
      List<Sample> all = new ArrayList<>();
      for (Future<List<Sample>> f : futures) {
        all.addAll(f.get());
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      Map<String, List<Sample>> byKind = new LinkedHashMap<>();
      for (String k : List.of("items-bbox", "search", "here", "near", "patch")) {
        byKind.put(k, new ArrayList<>());
      }
      all.forEach(s -> byKind.get(s.kind()).add(s));
      System.out.printf("%-11s %8s %9s %8s %8s %8s %8s %7s%n", "kind", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms",
          "max ms", "errors");
      byKind.forEach((k, list) -> row(k, list, secs));
      row("all", all, secs);
      long errs = all.stream().filter(s -> s.status() != 200).count();
      double[] pc = percentiles(all);
      System.out.printf("LOAD BENCH: %.0f requests/s, p50 %.1f ms, p99 %.1f ms (p99/p50 = %.1f; goal < 10), %d errors%s%n",
          all.size() / secs, pc[0], pc[2], pc[2] / pc[0], errs, errors.isEmpty() ? "" : " " + errors);
    }
    store.close();
  }

  static void row(String kind, List<Sample> list, double secs) {
    if (list.isEmpty()) {
      return;
    }
    double[] pc = percentiles(list);
    System.out.printf(Locale.ROOT, "%-11s %8d %9.1f %8.1f %8.1f %8.1f %8.1f %7d%n", kind, list.size(), list.size() / secs,
        pc[0], pc[1], pc[2], pc[3], list.stream().filter(s -> s.status() != 200).count());
  }

  /** p50, p90, p99, max in ms. */
  static double[] percentiles(List<Sample> list) {
    long[] v = list.stream().mapToLong(Sample::micros).toArray();
    Arrays.sort(v);
    return new double[] {at(v, 0.50), at(v, 0.90), at(v, 0.99), v[v.length - 1] / 1000.0};
  }

  static double at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
