package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.geo.Referencing;
import zoneatlas.ogc.Crs;
import zoneatlas.search.SearchHit;
import zoneatlas.search.SearchService;
import zoneatlas.testing.TestServer;

/**
 * Issue 15, part 5: reads in parallel threads while imports move the data version get exactly the
 * answer of one data version, never a mix and never a 500; and the caches built on first use (the
 * 亩均 results, the search index, the CRS transformations) give every one of many threads asking at
 * once the same, correct answer. Threads start together at a latch; every wait is bounded; nothing
 * is timed. Run on both stores: PostgreSQL's MVCC and H2's MVStore each have to give a read one snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrencyContract {
  /** A store of the test's own holding the demo data: the imports write to it. */
  abstract SqlStore writableStore();

  static final ObjectMapper JSON = new ObjectMapper();
  static final int THREADS = 8;
  SqlStore store;
  TestServer server;
  String officer;

  @BeforeAll
  void start() {
    store = writableStore();
    server = new TestServer(store, Map.of());
    officer = server.token("land_officer");
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  String one(String sql, Object... params) throws Exception {
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    }
  }

  /** A 亩均 table without its data version: what two versions of equal data answer alike. */
  static JsonNode content(String body) throws Exception {
    ObjectNode n = (ObjectNode) JSON.readTree(body);
    n.remove("dataVersion");
    return n;
  }

  /** Runs {@code task} in {@link #THREADS} threads released together; each thread's results, in order. */
  static <T> List<T> together(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<T>> fs = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        fs.add(pool.submit(() -> {
          gate.await();
          return task.call();
        }));
      }
      gate.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : fs) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- reads while imports move the data version ------------------------------------------------

  @Test
  void readsDuringImportsGetExactlyTheAnswerOfOneDataVersion() throws Exception {
    String zone = "zzhitech";
    String entPath = "/api/efficiency/indicators?level=enterprise&zone=" + zone;
    String zonePath = "/api/efficiency/indicators?level=zone";
    JsonNode ents = JSON.readTree(server.get(entPath, officer).body());
    int year = ents.path("year").asInt();
    JsonNode e = null;
    for (JsonNode r : ents.path("rows")) {
      if ("evaluated".equals(r.path("status").asText()) && r.path("land_mu").asDouble() > 2) {
        e = r;
        break;
      }
    }
    assertNotNull(e);
    String uscc = e.path("uscc").asText();
    double oldTax = Double.parseDouble(one("SELECT tax_wan FROM enterprise_figures f JOIN enterprises x ON x.id = "
        + "f.enterprise_id WHERE x.uscc = ? AND f.year = ?", uscc, year));
    // two states of the data, A and B, told apart by one enterprise's tax
    String[] csv = {
        "uscc,year,tax_wan\n" + uscc + "," + year + "," + Math.round(oldTax + 1000) + "\n",
        "uscc,year,tax_wan\n" + uscc + "," + year + "," + Math.round(oldTax + 3000) + "\n"};
    Map<String, Integer> stateOfVersion = new ConcurrentHashMap<>();
    JsonNode[] entAnswer = new JsonNode[2];
    JsonNode[] zoneAnswer = new JsonNode[2];
    for (int s = 0; s < 2; s++) {
      stateOfVersion.put(importFigures(csv[s]), s);
      entAnswer[s] = content(ok(server.get(entPath, officer)));
      zoneAnswer[s] = content(ok(server.get(zonePath)));
    }
    assertFalse(entAnswer[0].equals(entAnswer[1]), "the two states answer differently");
    assertFalse(zoneAnswer[0].equals(zoneAnswer[1]), "the two states answer differently for everyone");

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    // each read: its data version label and the state its content is of
    ConcurrentLinkedQueue<Object[]> seen = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        boolean anonymous = t % 2 == 1;
        fs.add(pool.submit(() -> {
          gate.await();
          for (int n = 0; n < 400 && (writing.get() || n < 5); n++) {
            HttpResponse<String> r = anonymous ? server.get(zonePath) : server.get(entPath, officer);
            reads.incrementAndGet();
            if (r.statusCode() != 200) {
              problems.add(r.statusCode() + " " + r.body());
              continue;
            }
            JsonNode c = content(r.body());
            JsonNode[] known = anonymous ? zoneAnswer : entAnswer;
            int state = c.equals(known[0]) ? 0 : c.equals(known[1]) ? 1 : -1;
            if (state < 0) {
              problems.add("an answer of neither state (a mix?) at version " + JSON.readTree(r.body()).path("dataVersion"));
            }
            seen.add(new Object[] {JSON.readTree(r.body()).path("dataVersion").asText(), state});
          }
          return null;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        gate.await();
        try {
          for (int k = 0; k < 12; k++) {
            int s = k % 2;
            stateOfVersion.put(importFigures(csv[s]), s);
            // let every reader read this version at least once before the next import (no timing: a count)
            // (at most THREADS reads were under way as it committed: twice as many ensures THREADS began after)
            int target = reads.get() + 2 * THREADS;
            for (int w = 0; w < 6000 && reads.get() < target; w++) {
              Thread.sleep(10);
            }
          }
        } finally {
          writing.set(false);
        }
        return null;
      });
      gate.countDown();
      writer.get(300, TimeUnit.SECONDS);
      for (Future<?> f : fs) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(problems.isEmpty(), problems.size() + " bad answers of " + reads.get() + ", e.g. " + problems.peek());
    Set<Integer> states = new java.util.HashSet<>();
    for (Object[] s : seen) {
      Integer expected = stateOfVersion.get((String) s[0]);
      assertNotNull(expected, "an answer labelled with a version no import wrote: " + s[0]);
      assertEquals(expected, s[1], "an answer labelled " + s[0] + " holds the other state's figures");
      states.add((Integer) s[1]);
    }
    assertEquals(Set.of(0, 1), states, "reads saw both states (" + reads.get() + " reads)");
  }

  String importFigures(String csv) throws Exception {
    HttpResponse<String> r = server.request("POST", "/api/imports/figures", csv, officer, "Content-Type", "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    String v = JSON.readTree(r.body()).path("dataVersion").asText();
    assertFalse(v.isEmpty(), r.body());
    return v;
  }

  static String ok(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  // ---- first use of each cache, by many threads at once -----------------------------------------

  @Test
  void manyThreadsFirstAskingAFreshServerForMuEfficiencyTablesGetOneAndTheSameCorrectAnswer() throws Exception {
    try (TestServer fresh = new TestServer(store, Map.of())) {
      String token = fresh.token("land_officer");
      List<String> paths = List.of("/api/efficiency/indicators?level=zone", "/api/efficiency/classes?zone=zzetdz",
          "/api/efficiency/indicators?level=industrial-park&zone=zzhitech");
      List<List<String>> answers = together(() -> {
        List<String> mine = new ArrayList<>();
        for (String p : paths) {
          mine.add(ok(fresh.get(p, token)));
        }
        return mine;
      });
      for (int i = 0; i < paths.size(); i++) {
        String first = answers.get(0).get(i);
        for (List<String> a : answers) {
          assertTrue(JSON.readTree(first).equals(JSON.readTree(a.get(i))), paths.get(i) + ": every thread, one answer");
        }
        // the server the other tests warmed computed the same from the same data
        assertTrue(JSON.readTree(ok(server.get(paths.get(i), officer))).equals(JSON.readTree(first)),
            paths.get(i) + ": the warm server and the fresh one answer alike");
      }
    }
  }

  @Test
  void manyThreadsFirstSearchingANewIndexGetOneAndTheSameCorrectAnswer() throws Exception {
    String id = one("SELECT id FROM enterprises WHERE zone = 'zzetdz' ORDER BY id");
    String name = one("SELECT name_zh FROM enterprises WHERE id = ?", id);
    String park = one("SELECT id FROM plan_features WHERE layer = 'industrial-parks' ORDER BY id");
    String parkName = one("SELECT name_zh FROM plan_features WHERE id = ?", park);
    SearchService s = new SearchService(store);
    assertFalse(s.ready(), "no index yet");
    List<List<List<SearchHit>>> answers = together(() -> List.of(
        s.search(name, 10, Set.of("enterprises")), s.search(parkName, 10, Set.of("industrial-parks"))));
    for (List<List<SearchHit>> a : answers) {
      assertEquals(answers.get(0), a, "every thread, one answer");
    }
    assertEquals(id, answers.get(0).get(0).get(0).id(), "the enterprise by its full name first");
    assertEquals(park, answers.get(0).get(1).get(0).id(), "the park by its full name first");
    // over HTTP, the server's own index agrees
    JsonNode http = JSON.readTree(ok(server.get("/api/search?collections=enterprises&q="
        + URLEncoder.encode(name, StandardCharsets.UTF_8))));
    assertEquals(id, http.at("/results/0/id").asText());
  }

  @Test
  void manyThreadsFirstAskingForGaussKrugerTransformsGetOneAndTheSameCorrectAnswer() throws Exception {
    // the transformations are cached per JVM: forget them, so these requests are their first use
    for (Object[] f : new Object[][] {{Crs.class, "TO_STORAGE"}, {Referencing.class, "SYSTEMS"}, {Referencing.class, "TRANSFORMS"}}) {
      Field field = ((Class<?>) f[0]).getDeclaredField((String) f[1]);
      field.setAccessible(true);
      ((Map<?, ?>) field.get(null)).clear();
    }
    String parcel = one("SELECT id FROM parcels WHERE zone = 'zzetdz' ORDER BY id");
    Point c = new GeoJsonReader().read(JSON.readTree(ok(server.get("/collections/parcels/items/" + parcel)))
        .path("geometry").toString()).getInteriorPoint();
    // a 600 m box around the parcel in CGCS2000 / 3-degree Gauss-Kruger CM 114E (northing first),
    // worked out here with GeoTools on its own, not through the server's caches
    MathTransform toGk = CRS.findMathTransform(CRS.decode("EPSG:4490", true), CRS.decode("EPSG:4547", false), true);
    Coordinate gk = JTS.transform(new Coordinate(c.getX(), c.getY()), null, toGk);
    String bbox = (gk.x - 300) + "," + (gk.y - 300) + "," + (gk.x + 300) + "," + (gk.y + 300);
    String items = "/collections/parcels/items?limit=500&bbox-crs=EPSG:4547&bbox=" + bbox;
    List<List<String>> answers = together(() -> {
      List<String> ids = new ArrayList<>();
      JsonNode fc = JSON.readTree(ok(server.get(items)));
      fc.path("features").forEach(f -> ids.add(f.path("id").asText()));
      ids.add("matched=" + fc.path("numberMatched").asText());
      return ids;
    });
    for (List<String> a : answers) {
      assertEquals(answers.get(0), a, "every thread, one answer");
    }
    assertTrue(answers.get(0).contains(parcel), "the parcel at the box's centre is found: " + answers.get(0));
    // the box in lon/lat, read by CRS84: the same parcels but for the slivers at the box's curved edges
    MathTransform back = toGk.inverse();
    Coordinate lo = JTS.transform(new Coordinate(gk.x - 300, gk.y - 300), null, back);
    Coordinate hi = JTS.transform(new Coordinate(gk.x + 300, gk.y + 300), null, back);
    JsonNode ll = JSON.readTree(ok(server.get("/collections/parcels/items?limit=1&bbox=" + Math.min(lo.x, hi.x) + ","
        + Math.min(lo.y, hi.y) + "," + Math.max(lo.x, hi.x) + "," + Math.max(lo.y, hi.y))));
    long n = Long.parseLong(answers.get(0).get(answers.get(0).size() - 1).substring(8));
    assertTrue(Math.abs(n - ll.path("numberMatched").asLong()) <= 2, n + " parcels in the Gauss-Kruger box, "
        + ll.path("numberMatched") + " in its lon/lat rectangle");
  }
}
