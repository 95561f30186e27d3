package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.Services;
import zoneatlas.demo.DemoLoader;
import zoneatlas.geo.Geodesy;
import zoneatlas.http.WebApp;
import zoneatlas.model.Parcel;
import zoneatlas.store.DataWriter;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestStores;

/**
 * The parcels layer with 50,000+ parcels (the demo plus a 224 x 224 grid of 0.5 ha lots at a 100 m
 * pitch, 22 km across): time to draw the first view at zoom 14, time of each reload after a pan,
 * the longest main-thread task while panning, and frames per second during a pan animation.
 * A benchmark: run with {@code mvn test -Pbench -Dgroups=bench -Dtest=ParcelLayerBenchTest}.
 */
@Tag("bench")
class ParcelLayerBenchTest {
  static final int SIDE = 224;
  static final double CENTER_LON = 113.80;
  static final double CENTER_LAT = 34.72;

  static List<Parcel> grid() {
    GeometryFactory gf = new GeometryFactory();
    double dLat = 100 / 110_574.0;
    double dLon = 100 / (111_320.0 * Math.cos(Math.toRadians(CENTER_LAT)));
    List<Parcel> out = new ArrayList<>();
    String[] uses = {"100101", "100102", "110101", "0902", "0802"};
    String[] statuses = {"in_use", "available", "under_construction", "idle", "supplied_not_used"};
    for (int i = 0; i < SIDE; i++) {
      for (int j = 0; j < SIDE; j++) {
        double x = CENTER_LON + (i - SIDE / 2.0) * dLon;
        double y = CENTER_LAT + (j - SIDE / 2.0) * dLat;
        double w = dLon * 0.7;
        double h = dLat * 0.7;
        Polygon p = gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
            new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
        double m2 = Geodesy.areaM2(p);
        int k = (i * 7 + j * 3) % uses.length;
        out.add(new Parcel(String.format("P-BENCH-%06d", i * SIDE + j), "zzetdz", null, null, null, uses[k], "工业用地",
            statuses[(i + j) % statuses.length], m2, m2 / Geodesy.M2_PER_MU, m2, 1.0, 0.4, 1.0, 0.3, 300, 15, 2020, 2021, p));
      }
    }
    return out;
  }

  @Test
  void parcelLayerStaysSmoothWithFiftyThousandParcels() throws Exception {
    SqlStore store = benchStore();
    DemoLoader.load(store, TestStores.SEED);
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      new DataWriter(store, c).parcels(grid());
      c.commit();
    }
    // -Dbench.webdir=DIR serves another copy of the page (e.g. without panels, to compare)
    String webDir = System.getProperty("bench.webdir", "");
    Javalin app = WebApp.create(new Services(TestStores.config().with("web.dir", webDir), store)).start("127.0.0.1", 0);
    try (Browser b = new Browser("http://127.0.0.1:" + app.port(), 1400, 900)) {
      long total = parcelCount(app.port());
      b.open("/?l=zones,industrial-parks,parcels&c=" + CENTER_LAT + "," + CENTER_LON + "&z=14");
      b.waitIdle();
      @SuppressWarnings("unchecked")
      List<Map<String, Number>> first = (List<Map<String, Number>>) b.js("return ZA.test.loadLog()");
      b.js("window.__long = []; new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push(e.duration)))"
          + ".observe({type: 'longtask', buffered: false});");
      List<Long> reloads = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        int before = ((List<?>) b.js("return ZA.test.loadLog()")).size();
        b.js("ZA.map.panBy([arguments[0], arguments[1]], {duration: 0.3})", k % 2 == 0 ? 700 : -350, k < 3 ? 250 : -250);
        b.waitFor(Duration.ofSeconds(60), d -> ((List<?>) b.js("return ZA.test.loadLog()")).size() > before
            && Boolean.FALSE.equals(b.js("return ZA.test.loading()")) ? true : null);
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> log = (List<Map<String, Number>>) b.js("return ZA.test.loadLog()");
        reloads.add(log.get(log.size() - 1).get("ms").longValue());
      }
      // frames per second while the map pans for a second
      Number fps = (Number) b.js(
          "return new Promise(res => { let n = 0; const t0 = performance.now();"
              + "function f(t) { n++; if (t - t0 < 1000) requestAnimationFrame(f); else res(n * 1000 / (t - t0)); }"
              + "ZA.map.panBy([900, 300], {duration: 1.0}); requestAnimationFrame(f); })");
      b.waitIdle();
      @SuppressWarnings("unchecked")
      List<Number> longTasks = (List<Number>) b.js("return window.__long");
      double longest = longTasks.stream().mapToDouble(Number::doubleValue).max().orElse(0);
      Number drawn = (Number) ((Map<?, ?>) b.js("return ZA.test.counts()")).get("parcels");
      b.screenshot("bench-50k-parcels-" + System.getProperty("bench.store", "h2") + ".png");
      String report = String.format(java.util.Locale.ROOT,
          "store: %s%nparcels in the store: %d%nfirst view at z14: parcels loaded and drawn %d ms after navigation start (%s)%n"
              + "reload after each pan (fetch + draw, ms): %s%nlong tasks while panning (ms): %s, longest %.0f ms%n"
              + "frames per second during a 1 s pan animation: %.1f%nparcels drawn at the end: %s%n",
          store.description(), total, first.get(first.size() - 1).get("at").longValue(), first.get(first.size() - 1), reloads,
          longTasks, longest, fps.doubleValue(), drawn);
      System.out.println(report);
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(Browser.SCREENSHOTS.resolve("bench-parcels-" + System.getProperty("bench.store", "h2") + ".txt"),
          report, StandardCharsets.UTF_8);
      assertTrue(total >= 50_000, "the benchmark has 50,000+ parcels: " + total);
    } finally {
      app.stop();
      store.close();
    }
  }

  /**
   * An empty store of its own: embedded H2 by default, PostGIS with {@code -Dbench.store=postgis}
   * (a separate database in the test cluster, so the shared demo database is left alone).
   */
  static SqlStore benchStore() throws Exception {
    if (!"postgis".equals(System.getProperty("bench.store"))) {
      return TestStores.freshH2();
    }
    PostgisCluster pg = PostgisCluster.get();
    try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS zoneatlas_bench");
      st.execute("CREATE DATABASE zoneatlas_bench");
    }
    return PostgisStore.open(pg.jdbcUrl().replaceAll("/zoneatlas$", "/zoneatlas_bench"), pg.user(), "", 8, 60);
  }

  /** numberMatched of the parcels collection. */
  static long parcelCount(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/collections/parcels/items?limit=1")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body()).path("numberMatched").asLong();
  }
}
