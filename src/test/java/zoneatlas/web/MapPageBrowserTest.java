package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import zoneatlas.geo.Geodesy;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The map page in headless Chromium against the real server and the demo data: it loads with no
 * console error and no request beyond the server, draws every layer group, shows a clicked or
 * searched park, restores a shared link, fits a phone, measures areas geodesically. Screenshots go
 * to target/screenshots/; the time to the first drawn layer is printed and written there too.
 */
@Tag("browser")
class MapPageBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> GROUPS = List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "parcels",
      "infra-metro", "infra-rail", "infra-roads", "infra-logistics", "infra-utilities", "infra-public", "enterprises");
  static TestServer server;
  /** The largest industrial park of the demo data: id, Chinese name, bbox. */
  static String parkId;
  static String parkName;
  static double[] parkBbox;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(TestStores.h2());
    JsonNode parks = JSON.readTree(server.get("/collections/industrial-parks/items?limit=1000").body());
    JsonNode best = null;
    for (JsonNode f : parks.path("features")) {
      if (best == null || f.path("properties").path("area_m2").asDouble() > best.path("properties").path("area_m2").asDouble()) {
        best = f;
      }
    }
    assertNotNull(best, "the demo data has industrial parks");
    parkId = best.path("id").asText();
    parkName = best.path("properties").path("name_zh").asText();
    parkBbox = bbox(best.path("geometry"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static double[] bbox(JsonNode geometry) {
    double[] b = {180, 90, -180, -90};
    List<JsonNode> stack = new ArrayList<>(List.of(geometry.path("coordinates")));
    while (!stack.isEmpty()) {
      JsonNode n = stack.remove(stack.size() - 1);
      if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
        b[0] = Math.min(b[0], n.get(0).asDouble());
        b[1] = Math.min(b[1], n.get(1).asDouble());
        b[2] = Math.max(b[2], n.get(0).asDouble());
        b[3] = Math.max(b[3], n.get(1).asDouble());
      } else {
        n.forEach(stack::add);
      }
    }
    return b;
  }

  static String parkCenterQuery(double zoom) {
    return "c=" + (parkBbox[1] + parkBbox[3]) / 2 + "," + (parkBbox[0] + parkBbox[2]) / 2 + "&z=" + zoom;
  }

  static void assertClean(Browser b) {
    assertEquals(List.of(), b.consoleErrors(), "console errors");
    assertEquals(List.of(), b.outsideRequests(), "requests that left 127.0.0.1");
  }

  @Test
  void pageLoadsWithNoConsoleErrorsAndNoOutsideRequests() throws IOException {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      b.waitIdle();
      assertTrue(b.driver.getTitle().contains("开发区"), "Chinese title: " + b.driver.getTitle());
      assertEquals("图层", b.driver.findElement(By.id("tab-btn-layers")).getText());
      assertClean(b);
      Number firstDraw = (Number) b.js("return ZA.test.firstDrawMs");
      assertNotNull(firstDraw, "a layer was drawn");
      b.screenshot("map-overview.png");
      String report = "time to first drawn layer (ms since navigation start, demo data, H2, headless Chromium): "
          + firstDraw.longValue();
      System.out.println(report);
      Files.writeString(Browser.SCREENSHOTS.resolve("timing.txt"), report + "\n", StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyLayerGroupDrawsFeatures() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=" + String.join(",", GROUPS) + "&" + parkCenterQuery(15));
      b.waitIdle();
      @SuppressWarnings("unchecked")
      Map<String, Number> counts = (Map<String, Number>) b.js("return ZA.test.counts()");
      for (String g : GROUPS) {
        assertTrue(counts.containsKey(g) && counts.get(g).intValue() > 0, "group " + g + " draws features: " + counts);
      }
      // both canvases really have paint on them: plan and infrastructure, and the parcels' own
      for (String pane : List.of("overlay", "zaParcels")) {
        Number painted = (Number) b.js(
            "const c = document.querySelector('.leaflet-' + arguments[0] + '-pane canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 16) if (d[i] > 0) n++; return n;", pane);
        assertTrue(painted.intValue() > 10_000, "painted pixels on the " + pane + " canvas: " + painted);
      }
      assertClean(b);
      b.screenshot("all-layers-z15.png");
    }
  }

  @Test
  void clickingAKnownParkShowsItsNameAreaAndSource() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=industrial-parks");
      b.js("ZA.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {padding: [150, 150], animate: false})",
          parkBbox[0], parkBbox[1], parkBbox[2], parkBbox[3]);
      @SuppressWarnings("unchecked")
      Map<String, Number> p = (Map<String, Number>) b.js("return ZA.test.interiorPoint('industrial-parks', arguments[0])", parkId);
      WebElement map = b.driver.findElement(By.id("map"));
      int dx = p.get("x").intValue() - map.getSize().getWidth() / 2;
      int dy = p.get("y").intValue() - map.getSize().getHeight() / 2;
      new Actions(b.driver).moveToElement(map, dx, dy).click().perform();
      WebElement title = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> t = d.findElements(By.cssSelector("#tab-details .za-title"));
        return t.isEmpty() || t.get(0).getText().isEmpty() ? null : t.get(0);
      });
      assertEquals(parkName, title.getText());
      String card = b.driver.findElement(By.id("tab-details")).getText();
      assertTrue(card.contains("亩") && card.contains("公顷"), "area in mu and ha: " + card);
      assertTrue(card.contains("规划依据") && card.contains("行"), "source document and line: " + card);
      assertTrue(card.contains("示意"), "schematic badge: " + card);
      // the park's parcel totals arrive from /api/summary
      b.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("tab-details")).getText().contains("地块数"));
      // and the plan's own words at the cited lines from /api/sources, in Chinese quotes
      String quote = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> q = d.findElements(By.cssSelector("#tab-details .za-source-text"));
        return q.isEmpty() || q.get(0).getText().length() < 3 ? null : q.get(0).getText();
      });
      assertTrue(quote.matches("(?s)第\\d+行.*“.+”.*") && quote.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          "cited plan text, line by line: " + quote);
      assertTrue(b.driver.getCurrentUrl().contains("s=industrial-parks:" + parkId) || waitUrl(b, "s=industrial-parks:" + parkId));
      assertClean(b);
      b.screenshot("park-details.png");
    }
  }

  @Test
  void clickingInsideAParkAtParcelZoomSelectsTheParcelThere() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=industrial-parks,parcels&" + parkCenterQuery(16));
      b.waitIdle();
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) b.js("return ZA.test.parcelIds()");
      assertFalse(ids.isEmpty(), "parcels drawn at zoom 16 in the park");
      // the parcel nearest the centre of the view, so the click lands well inside the map
      String id = (String) b.js("const c = ZA.map.getSize().divideBy(2); let best = null, d = 1e9;"
          + "for (const id of ZA.test.parcelIds()) { const p = ZA.test.interiorPoint('parcels', id); if (!p) continue;"
          + "const e = Math.hypot(p.x - c.x, p.y - c.y); if (e < d) { d = e; best = id; } } return best;");
      @SuppressWarnings("unchecked")
      Map<String, Number> p = (Map<String, Number>) b.js("return ZA.test.interiorPoint('parcels', arguments[0])", id);
      WebElement map = b.driver.findElement(By.id("map"));
      new Actions(b.driver).moveToElement(map, p.get("x").intValue() - map.getSize().getWidth() / 2,
          p.get("y").intValue() - map.getSize().getHeight() / 2).click().perform();
      WebElement title = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> t = d.findElements(By.cssSelector("#tab-details .za-title"));
        return t.isEmpty() || !t.get(0).getText().equals(ParcelTitle.zh(id)) ? null : t.get(0);
      });
      assertEquals(ParcelTitle.zh(id), title.getText());
      String card = b.driver.findElement(By.id("tab-details")).getText();
      assertTrue(card.contains("合成数据") && card.contains("亩") && card.contains("公顷"), card);
      assertClean(b);
      b.screenshot("parcel-details.png");
    }
  }

  static boolean waitUrl(Browser b, String part) {
    return b.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().contains(part) ? Boolean.TRUE : null);
  }

  @Test
  void searchFindsAKnownParkByChineseAndByPinyin() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      WebElement input = b.driver.findElement(By.id("search-input"));
      input.sendKeys(parkName);
      // the list updates as the name is typed: wait for the answer to the whole name
      String first = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> li = d.findElements(By.cssSelector("#search-results li[data-i]"));
        return li.isEmpty() || !li.get(0).getText().startsWith(parkName + "\n") ? null : li.get(0).getText();
      });
      assertTrue(first.contains("产业园区"), "the first result is the industrial park: " + first);
      input.sendKeys(Keys.ENTER);
      b.waitFor(Duration.ofSeconds(10), d -> parkName.equals(
          d.findElements(By.cssSelector("#tab-details .za-title")).stream().findFirst().map(WebElement::getText).orElse("")));
      assertTrue(waitUrl(b, "s=industrial-parks:" + parkId));

      // "jingkai" is 经开 (the ETDZ's short name) in pinyin
      input.clear();
      input.sendKeys("jingkai");
      // a result named 经开... and marked as found by its pinyin
      String hit = b.waitFor(Duration.ofSeconds(10), d -> {
        for (WebElement li : d.findElements(By.cssSelector("#search-results li[data-i]"))) {
          String[] lines = li.getText().split("\n");
          if (lines[0].contains("经开") && lines[lines.length - 1].contains("拼音")) {
            return li.getText();
          }
        }
        return null;
      });
      assertNotNull(hit);
      assertClean(b);
    }
  }

  @Test
  void permalinkRestoresViewLayersAndSelectedFeature() {
    String url;
    List<?> visible;
    double lat = (parkBbox[1] + parkBbox[3]) / 2;
    double lng = (parkBbox[0] + parkBbox[2]) / 2;
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      b.js("ZA.map.setView([arguments[0], arguments[1]], 15, {animate: false})", lat, lng);
      b.driver.findElement(By.cssSelector("#tab-layers input[data-key='core-boards']")).click();
      b.driver.findElement(By.cssSelector("#tab-layers input[data-key='infra-roads']")).click();
      assertEquals(parkId, b.js("return ZA.selectFeature('industrial-parks', arguments[0], {fit: false}).then(f => f.id)", parkId));
      b.waitIdle();
      b.js("ZA.permalink.flush()");
      url = b.driver.getCurrentUrl();
      visible = (List<?>) b.js("return ZA.test.visible()");
      assertFalse(visible.contains("core-boards"));
      assertFalse(visible.contains("infra-roads"));
      assertTrue(url.contains("s=industrial-parks:" + parkId), url);
    }
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      URI u = URI.create(url);
      b.open(u.getRawPath() + "?" + u.getRawQuery());
      b.waitIdle();
      assertEquals(visible, b.js("return ZA.test.visible()"));
      assertEquals(15.0, ((Number) b.js("return ZA.map.getZoom()")).doubleValue());
      assertEquals(lat, ((Number) b.js("return ZA.map.getCenter().lat")).doubleValue(), 1e-4);
      assertEquals(lng, ((Number) b.js("return ZA.map.getCenter().lng")).doubleValue(), 1e-4);
      assertEquals(Map.of("collection", "industrial-parks", "id", parkId), b.js("return ZA.selected"));
      assertEquals(parkName, b.driver.findElement(By.cssSelector("#tab-details .za-title")).getText());
      assertFalse(b.driver.findElement(By.cssSelector("#tab-layers input[data-key='core-boards']")).isSelected());
      assertClean(b);
      b.screenshot("permalink-restored.png");
    }
  }

  @Test
  void englishSwitchRelabelsThePageAndStaysInTheLink() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?s=industrial-parks:" + parkId);
      b.driver.findElement(By.id("lang-toggle")).click();
      assertEquals("Layers", b.driver.findElement(By.id("tab-btn-layers")).getText());
      assertTrue(waitUrl(b, "lang=en"));
      b.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("tab-details")).getText().contains("Drawn area"));
      b.js("ZA.permalink.flush()");
      String url = b.driver.getCurrentUrl();
      URI u = URI.create(url);
      b.open(u.getRawPath() + "?" + u.getRawQuery());
      assertEquals("en", b.js("return ZA.lang"));
      assertEquals("Details", b.driver.findElement(By.id("tab-btn-details")).getText());
      assertClean(b);
    }
  }

  @Test
  void phoneSizeWindowShowsAUsableLayout() {
    try (Browser b = new Browser(server.base(), 390, 844)) {
      b.open("/");
      b.waitIdle();
      long width = (Long) b.js("return window.innerWidth");
      assertTrue(width <= 400, "phone width " + width);
      assertTrue((Long) b.js("return document.documentElement.scrollWidth") <= width, "nothing wider than the screen");
      WebElement search = b.driver.findElement(By.id("search-input"));
      assertTrue(search.isDisplayed() && search.getSize().getWidth() >= 180, "search box usable: " + search.getSize());
      WebElement map = b.driver.findElement(By.id("map"));
      assertTrue(map.getSize().getHeight() >= 600, "map fills the screen: " + map.getSize());
      WebElement sheet = b.driver.findElement(By.id("sidebar"));
      assertTrue(sheet.getSize().getHeight() <= 60, "the panel starts as a closed bottom sheet: " + sheet.getSize());
      b.screenshot("phone-map.png");
      search.sendKeys(parkName);
      b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#search-results li[data-i]")).isEmpty() ? null : true);
      search.sendKeys(Keys.ENTER);
      WebElement title = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> t = d.findElements(By.cssSelector("#tab-details .za-title"));
        return t.isEmpty() || !t.get(0).isDisplayed() ? null : t.get(0);
      });
      assertEquals(parkName, title.getText());
      b.waitFor(Duration.ofSeconds(5), d -> sheet.getSize().getHeight() > 300 ? true : null);
      assertTrue(sheet.getLocation().getY() > 250, "the map stays visible above the open sheet");
      b.waitIdle();
      assertClean(b);
      b.screenshot("phone-details.png");
    }
  }

  @Test
  void tabletSizeWindowKeepsSidebarAndMapSideBySide() {
    try (Browser b = new Browser(server.base(), 820, 1180)) {
      b.open("/?s=industrial-parks:" + parkId);
      b.waitIdle();
      WebElement side = b.driver.findElement(By.id("sidebar"));
      WebElement map = b.driver.findElement(By.id("map"));
      assertTrue(side.getSize().getWidth() < 400 && map.getSize().getWidth() >= 420, side.getSize() + " / " + map.getSize());
      assertTrue(map.getLocation().getX() >= side.getSize().getWidth() - 1, "map right of the sidebar");
      assertClean(b);
      b.screenshot("tablet.png");
    }
  }

  @Test
  void measuredAreaIsGeodesicInMuAndHectares() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=zones&" + parkCenterQuery(14));
      b.driver.findElement(By.cssSelector(".za-measure-area")).click();
      WebElement map = b.driver.findElement(By.id("map"));
      int[][] px = {{-200, -120}, {180, -140}, {120, 160}, {-160, 100}};
      Actions a = new Actions(b.driver);
      for (int[] p : px) {
        // Geoman puts a vertex where the last mousemove left its hint marker: move, settle, click
        a.moveToElement(map, p[0], p[1]).pause(Duration.ofMillis(150)).click().pause(Duration.ofMillis(250));
      }
      a.moveToElement(map, px[0][0], px[0][1]).pause(Duration.ofMillis(150)).click().perform();
      WebElement label;
      try {
        label = b.waitFor(Duration.ofSeconds(15), d -> {
          List<WebElement> l = d.findElements(By.cssSelector(".za-measure-label"));
          return l.isEmpty() ? null : l.get(0);
        });
      } catch (org.openqa.selenium.TimeoutException e) {
        b.screenshot("measure-area-failed.png");
        throw new AssertionError("no measurement: drawing " + b.js("return ZA.map.pm.globalDrawModeEnabled()") + ", vertices "
            + b.js("const l = ZA.map.pm.Draw.Polygon._layer; return l ? l.getLatLngs().length : -1") + ", console "
            + b.consoleErrors(), e);
      }
      String text = label.getText();
      assertTrue(text.contains("亩") && text.contains("公顷"), text);
      // the drawn corners' area computed here with GeographicLib (Java)
      @SuppressWarnings("unchecked")
      List<List<Map<String, Number>>> shapes = (List<List<Map<String, Number>>>) b.js("return ZA.test.measured()");
      List<Map<String, Number>> corners = shapes.get(0);
      assertEquals(px.length, corners.size(), "one vertex per click");
      Coordinate[] ring = new Coordinate[corners.size() + 1];
      for (int i = 0; i < corners.size(); i++) {
        ring[i] = new Coordinate(corners.get(i).get("lng").doubleValue(), corners.get(i).get("lat").doubleValue());
      }
      ring[corners.size()] = ring[0];
      double mu = Geodesy.areaMu(new GeometryFactory().createPolygon(ring));
      double shown = Double.parseDouble(text.substring(0, text.indexOf('亩')).replace(",", "").trim());
      assertTrue(mu > 1000, "a real area was drawn: " + mu + " mu");
      assertEquals(mu, shown, mu * 0.001 + 0.01, "area in mu: " + text);
      assertClean(b);
      b.screenshot("measure-area.png");
    }
  }

  @Test
  void loginShowsTheRoleAndLogoutForgetsTheToken() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      b.driver.findElement(By.id("login-btn")).click();
      b.driver.findElement(By.cssSelector("#login-form input[name=username]")).sendKeys("planner");
      b.driver.findElement(By.cssSelector("#login-form input[name=password]")).sendKeys(TestStores.PASSWORD + Keys.ENTER);
      WebElement role = b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#auth .role")).stream().findFirst().orElse(null));
      assertEquals("规划人员", role.getText());
      assertNotNull(b.js("return localStorage.getItem('za.token')"));
      assertEquals("planner", b.js("return ZA.api('/api/me').then(m => m.username)"));
      b.driver.findElement(By.id("logout-btn")).click();
      b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.id("login-btn")).isEmpty() ? null : true);
      assertEquals(null, b.js("return localStorage.getItem('za.token')"));
      assertClean(b);
    }
  }
}
