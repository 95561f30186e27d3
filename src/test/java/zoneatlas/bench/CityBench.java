package zoneatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.demo.DemoLoader;
import zoneatlas.demo.SyntheticGenerator;
import zoneatlas.model.Synthetic;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.ChildServer;
import zoneatlas.testing.PostgisCluster;

/**
 * Issue 11, point 6: a city in PostGIS — by default 1,000,000 parcels and about 300,000 enterprises
 * with land-use links and four years of figures ({@link SyntheticGenerator#benchCity}), plus the
 * demo's plan layers — and the real server started on it as a child JVM with {@code -Xmx1g} and
 * {@code --demo.load false}. Measures the build, the time from launching the JVM to serving, the
 * heap after start and after a few requests (items of a bbox, a z14 tile, search, a zone's
 * summary, each cold then warm), all against the same server started on an empty database of the
 * same schema in the same run (the baseline). Goal: start under 5 s, heap under 1 GB. Prints;
 * asserts nothing about time.
 *
 * <p>The database is built once per cluster and reused, named by size and seed. Sizes:
 * {@code -Dcity.parcels=}, {@code -Dcity.enterprises=}, {@code -Dcity.seed=}. Run: {@code mvn test
 * -Pbench -Dgroups=bench -Dtest=CityBench}.
 */
@Tag("bench")
class CityBench {
  static final int PARCELS = Integer.getInteger("city.parcels", 1_000_000);
  static final int ENTERPRISES = Integer.getInteger("city.enterprises", 300_000);
  static final long SEED = Long.getLong("city.seed", 42L);
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  @Test
  void aCityOfAMillionParcels(@TempDir Path dir) throws Exception {
    PostgisCluster c = PostgisCluster.get();
    String name = String.format(Locale.ROOT, "city_%d_%d_%d", PARCELS, ENTERPRISES, SEED);
    String url = c.jdbcUrl().replace("/zoneatlas", "/" + name);
    long build = buildOnce(c, name, url);
    String emptyUrl = c.jdbcUrl().replace("/zoneatlas", "/city_empty");
    createDatabase(c, "city_empty", true);
    PostgisStore.open(emptyUrl, c.user(), "", 2, 60).close(); // the schema, nothing else

    Run base = run(dir.resolve("empty"), emptyUrl, c.user());
    Run city = run(dir.resolve("city"), url, c.user());

    System.out.printf(Locale.ROOT, "%nCityBench: %,d parcels, %,d enterprises (seed %d)%n", PARCELS, ENTERPRISES, SEED);
    System.out.printf(Locale.ROOT, "  build: %s%n", build < 0 ? "reused" : (build / 1000.0) + " s");
    System.out.printf(Locale.ROOT, "  %-34s %12s %12s %8s%n", "", "city", "empty db", "ratio");
    row("start to serving (ms)", city.startMs, base.startMs);
    row("start to ready: search index built (ms)", city.readyMs, base.readyMs);
    row("heap used after start (MiB)", city.heapStart, base.heapStart);
    row("heap live after start (MiB)", city.liveStart, base.liveStart);
    for (String k : city.requests.keySet()) {
      row(k + " (ms)", city.requests.get(k), base.requests.getOrDefault(k, Double.NaN));
    }
    row("heap used after requests (MiB)", city.heapAfter, base.heapAfter);
    row("heap live after requests (MiB)", city.liveAfter, base.liveAfter);
    System.out.println("  answers (city): " + city.sizes);
    System.out.printf(Locale.ROOT, "  goal: start < 5000 ms (%s), heap < 1024 MiB (%s, -Xmx1g)%n",
        city.startMs < 5000 ? "met" : "missed", city.heapAfter < 1024 ? "met" : "missed");
    System.out.println("  server log of the city start:");
    city.log.lines().filter(l -> !l.contains("GET /")).limit(40).forEach(l -> System.out.println("    " + l));
  }

  private static void row(String what, double city, double base) {
    System.out.printf(Locale.ROOT, "  %-34s %12.1f %12.1f %8.2f%n", what, city, base, city / base);
  }

  /** Builds the city database unless the cluster already holds it; the build's milliseconds, or -1. */
  private static long buildOnce(PostgisCluster c, String name, String url) throws Exception {
    if (createDatabase(c, name, false)) {
      try (Connection conn = DriverManager.getConnection(url, c.user(), "");
          Statement s = conn.createStatement();
          ResultSet r = s.executeQuery("SELECT val FROM meta WHERE name = 'city_built'")) {
        if (r.next()) {
          return -1;
        }
      } catch (java.sql.SQLException e) {
        // half built: start again
      }
      createDatabase(c, name, true);
    }
    long t0 = System.nanoTime();
    Synthetic syn = SyntheticGenerator.benchCity(PARCELS, ENTERPRISES, SEED);
    long t1 = System.nanoTime();
    try (SqlStore store = PostgisStore.open(url, c.user(), "", 4, 3600)) {
      DemoLoader.write(store, DemoLoader.readPlan(), syn, SEED);
      long t2 = System.nanoTime();
      try (Connection conn = store.connection();
          Statement s = conn.createStatement()) {
        s.execute("ANALYZE");
        s.execute("INSERT INTO meta(name, val) VALUES ('city_built', '" + name + "')");
      }
      long t3 = System.nanoTime();
      System.out.printf(Locale.ROOT, "city %s: %,d parcels, %,d enterprises, %,d links, %,d yearly figures;"
          + " generated in %d ms, written in %d ms, analysed in %d ms%n", name, syn.parcels().size(),
          syn.enterprises().size(), syn.landUses().size(), syn.figures().size(), (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
      return (t3 - t0) / 1_000_000;
    }
  }

  /** Creates the database (dropping it first when {@code drop}); whether it existed before. */
  private static boolean createDatabase(PostgisCluster c, String name, boolean drop) throws Exception {
    try (Connection conn = DriverManager.getConnection(c.jdbcUrl().replace("/zoneatlas", "/postgres"), c.user(), "");
        Statement s = conn.createStatement()) {
      boolean exists;
      try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        exists = r.next();
      }
      if (exists && drop) {
        s.execute("DROP DATABASE " + name);
        exists = false;
      }
      if (!exists) {
        s.execute("CREATE DATABASE " + name);
        return false;
      }
      return true;
    }
  }

  static final class Run {
    double startMs;
    double readyMs;
    double heapStart;
    double liveStart;
    double heapAfter;
    double liveAfter;
    final Map<String, Double> requests = new LinkedHashMap<>();
    final Map<String, String> sizes = new LinkedHashMap<>();
    String log;
  }

  private static Run run(Path work, String url, String user) throws Exception {
    Files.createDirectories(work);
    Run out = new Run();
    long t0 = System.nanoTime();
    try (ChildServer s = ChildServer.start(work, List.of("-Xmx1g"),
        List.of("--db.url", url, "--db.user", user, "--demo.load", "false"))) {
      out.startMs = (System.nanoTime() - t0) / 1e6;
      out.heapStart = heapMiB(s.process.pid(), false);
      out.liveStart = heapMiB(s.process.pid(), true);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      // the requests below are timed once the server says it is ready (the search index built in the
      // background), as a load balancer would send them
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (http.send(HttpRequest.newBuilder(URI.create(s.base() + "/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the server was not ready within 5 minutes");
        }
        Thread.sleep(50);
      }
      out.readyMs = (System.nanoTime() - t0) / 1e6;
      // the fabric is centred on 113.775E 34.725N: a ~1.2 km box and the z14 tile there
      int z = 14;
      double lon = 113.775;
      double lat = 34.725;
      int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
      double rad = Math.toRadians(lat);
      int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << z));
      Map<String, String> paths = new LinkedHashMap<>();
      paths.put("items of a bbox", "/collections/parcels/items?limit=1000&bbox=113.769,34.720,113.781,34.730");
      paths.put("tile z14", "/collections/parcels/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
      paths.put("search", "/api/search?q=" + java.net.URLEncoder.encode("合成示例", java.nio.charset.StandardCharsets.UTF_8));
      paths.put("search pinyin", "/api/search?q=hcsl");
      paths.put("summary of a zone", "/api/summary/zones/zzhitech-zone");
      paths.put("collections", "/collections");
      for (Map.Entry<String, String> e : paths.entrySet()) {
        for (String pass : new String[] {"cold", "warm"}) {
          long r0 = System.nanoTime();
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(s.base() + e.getValue()))
              .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
          double ms = (System.nanoTime() - r0) / 1e6;
          if (r.statusCode() != 200) {
            System.out.printf("  %s answered %d: %s%n", e.getValue(), r.statusCode(),
                new String(r.body(), 0, Math.min(300, r.body().length), java.nio.charset.StandardCharsets.UTF_8));
          }
          out.requests.put(e.getKey() + ", " + pass, ms);
          out.sizes.put(e.getKey(), r.statusCode() + ", " + r.body().length / 1024 + " KiB");
        }
      }
      out.heapAfter = heapMiB(s.process.pid(), false);
      out.liveAfter = heapMiB(s.process.pid(), true);
      out.log = s.output();
    }
    return out;
  }

  /** The child's heap in use (after a full GC when {@code live}), from {@code jcmd}. */
  private static double heapMiB(long pid, boolean live) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (live) {
      exec(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
    }
    String out = exec(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
    Matcher m = HEAP_USED.matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
  }

  private static String exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String s = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(1, TimeUnit.MINUTES);
    return s;
  }
}
