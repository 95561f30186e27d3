package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Issue 11's map goal on the demo data: the first parcels drawn at zoom 11 (the whole Zhengzhou ETDZ
 * from vector tiles) within a second of navigation, and the frame rate while the map pans over them.
 * Each page load is a new browser profile (nothing cached by the browser); the first load meets a
 * server whose tile cache is cold, the later ones a warm one, and both are reported. A benchmark:
 * {@code mvn test -Pbench -Dgroups=bench -Dtest=ParcelTilesFirstDrawBenchTest}; its numbers go to
 * {@code target/screenshots/bench-parcel-tiles-z11.txt}.
 */
@Tag("bench")
class ParcelTilesFirstDrawBenchTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int LOADS = 6;

  @Test
  void theWholeZoneAtZoom11IsDrawnWithinASecond() throws Exception {
    try (TestServer server = new TestServer(TestStores.h2())) {
      JsonNode zone = JSON.readTree(server.get("/collections/zones/items/zzetdz-zone").body());
      double[] bbox = MapPageBrowserTest.bbox(zone.path("geometry"));
      String view = "/?l=zones,parcels&c=" + (bbox[1] + bbox[3]) / 2 + "," + (bbox[0] + bbox[2]) / 2 + "&z=11";
      List<Long> firstDraw = new ArrayList<>();
      List<Integer> drawn = new ArrayList<>();
      double fps = 0;
      for (int k = 0; k < LOADS; k++) {
        try (Browser b = new Browser(server.base(), 1400, 900)) {
          b.open(view);
          b.waitFor(Duration.ofSeconds(60), d -> Boolean.TRUE.equals(b.js(
              "return ZA.test.loadLog().some(e => e.key === 'parcels' && e.tiles && e.features > 0)")) ? Boolean.TRUE : null);
          @SuppressWarnings("unchecked")
          List<Map<String, Number>> log = (List<Map<String, Number>>) b.js(
              "return ZA.test.loadLog().filter(e => e.key === 'parcels' && e.tiles && e.features > 0)");
          // ms after navigation start (performance.now), when the first tiles' parcels were drawn
          firstDraw.add(log.get(0).get("at").longValue());
          drawn.add(log.get(0).get("features").intValue());
          if (k == LOADS - 1) {
            b.waitIdle();
            Number f = (Number) b.js("return new Promise(res => { let n = 0; const t0 = performance.now();"
                + "function f(t) { n++; if (t - t0 < 1000) requestAnimationFrame(f); else res(n * 1000 / (t - t0)); }"
                + "ZA.map.panBy([600, 250], {duration: 1.0}); requestAnimationFrame(f); })");
            fps = f.doubleValue();
          }
        }
      }
      List<Long> warm = new ArrayList<>(firstDraw.subList(1, firstDraw.size()));
      warm.sort(null);
      long median = warm.get(warm.size() / 2);
      String report = String.format(Locale.ROOT,
          "first parcels drawn at zoom 11 (ms after navigation start), each load a new browser: %s%n"
              + "cold server tile cache (first load): %d ms; warm (median of the rest): %d ms; goal: under 1000 ms%n"
              + "parcels in the first drawn tiles: %s%nframes per second during a 1 s pan at zoom 11: %.1f%n"
              + "machine load average at the end: %s%n",
          firstDraw, firstDraw.get(0), median, drawn, fps,
          Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
      System.out.println(report);
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(Browser.SCREENSHOTS.resolve("bench-parcel-tiles-z11.txt"), report, StandardCharsets.UTF_8);
      assertTrue(drawn.stream().allMatch(n -> n > 100), "the zone's parcels were drawn from tiles: " + drawn);
    }
  }
}
