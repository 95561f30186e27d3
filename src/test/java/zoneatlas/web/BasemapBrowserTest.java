package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import zoneatlas.Services;
import zoneatlas.http.WebApp;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Basemaps: none requests an outside host unless configured, and an AMap (GCJ-02) basemap moves
 * the data onto GCJ-02 instead of leaving it a few hundred metres off.
 */
@Tag("browser")
class BasemapBrowserTest {
  /** A 1x1 PNG as the "AMap" tile URL, so the test needs no internet. */
  static final String TILE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  @Test
  void withoutConfigurationOnlyOfflineBasemapsAreOffered() {
    try (TestServer server = new TestServer(TestStores.h2());
        Browser b = new Browser(server.base(), 1200, 800)) {
      b.open("/");
      List<String> values = b.driver.findElements(By.cssSelector("input[name=basemap]")).stream()
          .map(e -> e.getAttribute("value")).toList();
      assertEquals(List.of("none", "outline"), values);
      assertEquals("outline", b.js("return ZA.test.basemap()"));
      assertEquals(List.of(), b.outsideRequests());
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void gcj02OffsetNearZhengzhouIsHundredsOfMetresAndInvertible() {
    try (TestServer server = new TestServer(TestStores.h2());
        Browser b = new Browser(server.base(), 1200, 800)) {
      b.open("/");
      @SuppressWarnings("unchecked")
      List<Number> g = (List<Number>) b.js("return ZA.test.gcj.wgsToGcj(113.75, 34.75)");
      double dx = (g.get(0).doubleValue() - 113.75) * 111_320 * Math.cos(Math.toRadians(34.75));
      double dy = (g.get(1).doubleValue() - 34.75) * 110_574;
      double offset = Math.hypot(dx, dy);
      assertTrue(offset > 100 && offset < 1000, "GCJ-02 offset in metres: " + offset);
      @SuppressWarnings("unchecked")
      List<Number> back = (List<Number>) b.js("return ZA.test.gcj.gcjToWgs(arguments[0], arguments[1])", g.get(0), g.get(1));
      assertEquals(113.75, back.get(0).doubleValue(), 1e-8);
      assertEquals(34.75, back.get(1).doubleValue(), 1e-8);
    }
  }

  @Test
  void amapBasemapShiftsTheDataToGcj02AndWarns() {
    Services s = new Services(TestStores.config().with("basemap.amap.url", TILE), TestStores.h2());
    Javalin app = WebApp.create(s).start("127.0.0.1", 0);
    try (Browser b = new Browser("http://127.0.0.1:" + app.port(), 1200, 800)) {
      b.open("/?c=34.75,113.75&z=14");
      String project = "const p = ZA.map.project(L.latLng(34.75, 113.75), 14); return {x: p.x, y: p.y}";
      @SuppressWarnings("unchecked")
      Map<String, Number> before = (Map<String, Number>) b.js(project);
      b.driver.findElement(By.cssSelector("input[name=basemap][value=amap]")).click();
      assertEquals("GCJ02:3857", b.js("return ZA.test.crs()"));
      @SuppressWarnings("unchecked")
      Map<String, Number> after = (Map<String, Number>) b.js(project);
      double moved = Math.hypot(after.get("x").doubleValue() - before.get("x").doubleValue(),
          after.get("y").doubleValue() - before.get("y").doubleValue());
      // at zoom 14 a pixel is about 8 m here: a few hundred metres is tens of pixels
      assertTrue(moved > 10 && moved < 150, "the data moved by " + moved + " px onto GCJ-02");
      WebElement note = b.driver.findElement(By.cssSelector(".bm-note"));
      assertTrue(note.isDisplayed() && note.getText().contains("GCJ-02"), "a visible warning: " + note.getText());
      b.js("ZA.permalink.flush()");
      assertTrue(b.driver.getCurrentUrl().contains("b=amap"));
      b.driver.findElement(By.cssSelector("input[name=basemap][value=outline]")).click();
      assertEquals("EPSG:3857", b.js("return ZA.test.crs()"));
      @SuppressWarnings("unchecked")
      Map<String, Number> back = (Map<String, Number>) b.js(project);
      assertEquals(before.get("x").doubleValue(), back.get("x").doubleValue(), 1e-6);
      b.js("ZA.permalink.flush()");
      assertFalse(b.driver.getCurrentUrl().contains("b=amap"));
      assertEquals(List.of(), b.outsideRequests());
      assertEquals(List.of(), b.consoleErrors());
    } finally {
      app.stop();
    }
  }
}
