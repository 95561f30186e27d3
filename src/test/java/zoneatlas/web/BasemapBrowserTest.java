package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
      assertEquals(List.of("none", "demo"), values);
      assertEquals("demo", b.js("return ZA.test.basemap()"));
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
      b.driver.findElement(By.cssSelector("input[name=basemap][value=demo]")).click();
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

  @Test
  void theDemoBasemapIsDrawnUnderTheDataAndSaysItIsSchematic() {
    try (TestServer server = new TestServer(TestStores.h2());
        Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?c=34.80,113.80&z=9");
      b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js("return !!document.querySelector('.za-bm-label')")));
      String labels = (String) b.js("return [...document.querySelectorAll('.za-bm-label')].map(e => e.textContent).join(' ')");
      for (String name : List.of("郑州市", "新乡市", "黄河")) {
        assertTrue(labels.contains(name), name + " written on the basemap: " + labels);
      }
      // the boundaries, rivers and roads are painted: the basemap pane holds a canvas with pixels that are not the background
      Number painted = (Number) b.js("const c = document.querySelector('.leaflet-zaBasemap-pane canvas'); if (!c) return 0;"
          + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
          + "for (let i = 0; i < d.length; i += 4 * 97) if (d[i + 3] > 0) n++; return n;");
      assertTrue(painted.intValue() > 100, "basemap pixels painted: " + painted);
      WebElement note = b.driver.findElement(By.cssSelector(".za-mapnote"));
      assertTrue(note.isDisplayed() && note.getText().contains("示意底图") && note.getText().contains("非测绘成果"), note.getText());
      String sideNote = b.driver.findElement(By.cssSelector(".bm-note")).getText();
      assertTrue(sideNote.contains("手工绘制"), "the layer list says how it was made: " + sideNote);
      assertFalse(note.getText().contains("审图号"), "no review number configured, none shown");
      assertEquals(List.of(), b.outsideRequests());
      assertEquals(List.of(), b.consoleErrors());
      b.screenshot("basemap-demo-desktop.png");
    }
    try (TestServer server = new TestServer(TestStores.h2());
        Browser b = new Browser(server.base(), 390, 844)) {
      b.open("/?c=34.74,113.74&z=10");
      b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js("return !!document.querySelector('.za-bm-label')")));
      assertTrue(b.driver.findElement(By.cssSelector(".za-mapnote")).isDisplayed());
      b.screenshot("basemap-demo-phone.png");
    }
  }

  @Test
  void anOfflineTilePackageIsTheDefaultBasemapServedByTheServerItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("zhengzhou.mbtiles");
    int[] centre = tileOf(113.74, 34.74, 9);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
      st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
      st.execute("INSERT INTO metadata VALUES ('name', '测试离线底图'), ('format', 'png'), ('minzoom', '9'), ('maxzoom', '9'),"
          + " ('attribution', '测试瓦片')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (9, ?, ?, ?)")) {
        for (int dx = -3; dx <= 3; dx++) {
          for (int dy = -3; dy <= 3; dy++) {
            ps.setInt(1, centre[0] + dx);
            ps.setInt(2, (1 << 9) - 1 - (centre[1] + dy));
            ps.setBytes(3, png(new Color(200 + dx * 5, 220, 200 + dy * 5)));
            ps.execute();
          }
        }
      }
    }
    try (TestServer server = new TestServer(TestStores.h2(), Map.of("basemap.package", file.toString(),
        "basemap.package.name", "内网离线底图"));
        Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?c=34.74,113.74&z=9");
      assertEquals("package", b.js("return ZA.test.basemap()"), "the package is the default");
      WebElement label = b.driver.findElement(By.xpath("//input[@name='basemap'][@value='package']/.."));
      assertTrue(label.getText().contains("内网离线底图"), label.getText());
      Number loaded = b.waitFor(Duration.ofSeconds(20), d -> {
        Number n = (Number) b.js("return [...document.querySelectorAll('img.leaflet-tile-loaded')]"
            + ".filter(i => i.src.includes('/basemap/tiles/9/') && i.naturalWidth === 256).length");
        return n.intValue() >= 4 ? n : null;
      });
      assertTrue(loaded.intValue() >= 4, "tiles of the package drawn: " + loaded);
      assertEquals(List.of(), b.outsideRequests());
      assertEquals(List.of(), b.consoleErrors());
      b.screenshot("basemap-package.png");
    }
  }

  @Test
  void theReviewNumberIsShownOnTheMapAndOnThePrintedSiteCard() throws Exception {
    String number = "豫S（2025）018号";
    try (TestServer server = new TestServer(TestStores.h2(), Map.of("map.review.number", number));
        Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/");
      WebElement review = b.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.cssSelector(".za-mapnote-review")));
      assertEquals("审图号：" + number, review.getText());
      String parcel = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(server.get("/collections/parcels/items?limit=1").body()).path("features").path(0).path("id").asText();
      b.driver.get(server.base() + "/site.html?id=" + parcel);
      WebElement onCard = b.waitFor(Duration.ofSeconds(20), d -> {
        WebElement e = d.findElement(By.id("review-number"));
        return e.isDisplayed() ? e : null;
      });
      assertEquals("审图号：" + number, onCard.getText());
      // on the card itself, so it prints with it, and still there once the card is drawn
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#card .loading")).isEmpty() ? true : null);
      assertEquals(Boolean.TRUE, b.js("const l = document.getElementById('review-number');"
          + " return l.parentNode.id === 'card' && l.parentNode.lastElementChild === l && !l.hidden"));
      b.screenshot("site-card-review-number.png");
      b.driver.findElement(By.id("lang")).click();
      b.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("review-number")).getText().equals("Map review no. " + number));
    }
  }

  @Test
  void aTiandituKeyOffersTiandituFirstAndTheDemoBasemapStaysOffered() {
    try (TestServer server = new TestServer(TestStores.h2(), Map.of("basemap.tianditu.key", "public-browser-key"));
        Browser b = new Browser(server.base(), 1200, 800)) {
      b.open("/");
      List<String> values = b.driver.findElements(By.cssSelector("input[name=basemap]")).stream()
          .map(e -> e.getAttribute("value")).toList();
      assertEquals(List.of("none", "demo", "tianditu-vec", "tianditu-img"), values);
      assertEquals("tianditu-vec", b.js("return ZA.test.basemap()"));
    }
  }

  static int[] tileOf(double lon, double lat, int z) {
    double n = 1 << z;
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new int[] {x, y};
  }

  static byte[] png(Color c) throws IOException {
    BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, 256, 256);
    g.setColor(Color.GRAY);
    g.drawRect(0, 0, 255, 255);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
