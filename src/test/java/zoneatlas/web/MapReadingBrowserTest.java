package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Reading the map as a user does, checked on what the page shows: a click inside a core board at
 * parcel zoom selects the parcel and offers the others under it (此处有：…); the 此处 list names
 * each kind once; the legend lists only what is drawn, thematic first, collapsed on a phone; panels
 * follow logouts and zooms; one wheel notch is one zoom level; the 亩均 controls fit a phone.
 * Screenshots at desktop and phone sizes go to target/screenshots/.
 */
@Tag("browser")
class MapReadingBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;
  /** A point inside a parcel inside an industrial park inside a core board: lon, lat; and that parcel and board. */
  static double[] spot;
  static String spotParcel;
  static String spotBoardName;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(TestStores.h2());
    JsonNode boards = JSON.readTree(server.get("/collections/core-boards/items?limit=100").body());
    for (JsonNode board : boards.path("features")) {
      double[] bb = MapPageBrowserTest.bbox(board.path("geometry"));
      String box = bb[0] + "," + bb[1] + "," + bb[2] + "," + bb[3];
      JsonNode parcels = JSON.readTree(server.get("/collections/parcels/items?limit=40&bbox=" + box).body());
      for (JsonNode p : parcels.path("features")) {
        double[] c = centre(p.path("geometry"));
        JsonNode here = JSON.readTree(server.get("/api/here?lon=" + c[0] + "&lat=" + c[1]).body());
        List<String> kinds = new ArrayList<>();
        here.path("results").forEach(r -> kinds.add(r.path("collection").asText()));
        if (kinds.contains("parcels") && kinds.contains("core-boards") && kinds.contains("industrial-parks")
            && p.path("id").asText().equals(first(here, "parcels").path("id").asText())) {
          spot = c;
          spotParcel = p.path("id").asText();
          spotBoardName = first(here, "core-boards").path("label_zh").asText();
          return;
        }
      }
    }
    throw new IllegalStateException("no parcel inside a park inside a core board in the demo data");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode first(JsonNode here, String collection) {
    for (JsonNode r : here.path("results")) {
      if (r.path("collection").asText().equals(collection)) {
        return r;
      }
    }
    return JSON.missingNode();
  }

  /** The middle of a parcel's bounding box, nudged to its first ring's vertex average (parcels are near-convex). */
  static double[] centre(JsonNode geometry) {
    JsonNode ring = geometry.path("type").asText().equals("Polygon") ? geometry.path("coordinates").path(0)
        : geometry.path("coordinates").path(0).path(0);
    double x = 0;
    double y = 0;
    int n = ring.size() - 1;
    for (int i = 0; i < n; i++) {
      x += ring.get(i).get(0).asDouble();
      y += ring.get(i).get(1).asDouble();
    }
    return new double[] {x / n, y / n};
  }

  static String spotView(int zoom) {
    return String.format(Locale.ROOT, "c=%.6f,%.6f&z=%d", spot[1], spot[0], zoom);
  }

  static void clickCentre(Browser b) {
    WebElement map = b.driver.findElement(By.id("map"));
    @SuppressWarnings("unchecked")
    Map<String, Number> p = (Map<String, Number>) b.js(
        "const p = ZA.map.latLngToContainerPoint([arguments[1], arguments[0]]); return {x: p.x, y: p.y}", spot[0], spot[1]);
    new Actions(b.driver).moveToElement(map, p.get("x").intValue() - map.getSize().getWidth() / 2,
        p.get("y").intValue() - map.getSize().getHeight() / 2).click().perform();
  }

  static void waitParcelsDrawn(Browser b) {
    b.waitIdle();
    b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js("return ZA.parcelAt([arguments[1], arguments[0]]) !== null",
        spot[0], spot[1])) ? true : null);
  }

  // ---- 2. the chooser ------------------------------------------------------------------------

  @Test
  void aClickInsideACoreBoardSelectsTheParcelAndOffersWhatElseIsThere() {
    for (int[] size : new int[][] {{1280, 860}, {390, 844}}) {
      try (Browser b = new Browser(server.base(), size[0], size[1])) {
        b.open("/?" + spotView(16));
        waitParcelsDrawn(b);
        clickCentre(b);
        b.waitFor(Duration.ofSeconds(20), d -> spotParcel.equals(b.js("return ZA.selected && ZA.selected.id")) ? true : null);
        WebElement chooser = b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(".za-here")).stream()
            .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertTrue(chooser.getText().startsWith("此处有："), chooser.getText());
        assertFalse(chooser.getText().contains(spotParcel) || chooser.getText().matches("(?s).*[A-Za-z]{4,}.*"),
            "no internal id or English word in Chinese mode: " + chooser.getText());
        List<WebElement> items = chooser.findElements(By.cssSelector("button.za-here-item"));
        List<String> kinds = items.stream().map(e -> e.getAttribute("data-collection")).toList();
        assertEquals("parcels", kinds.get(0), "the parcel first: " + kinds);
        assertTrue(kinds.containsAll(List.of("industrial-parks", "core-boards", "zones")), kinds.toString());
        assertTrue(items.get(0).getAttribute("class").contains("active"), "the parcel is the one selected");
        for (WebElement it : items) {
          String kind = it.findElement(By.cssSelector(".za-here-kind")).getText();
          String name = it.findElement(By.cssSelector(".za-here-name")).getText();
          assertFalse(name.isBlank() || name.startsWith(kind), "each kind written once: " + it.getText());
        }
        // on a phone the chooser is brought back above the card's sheet once it has opened
        b.js("return new Promise(r => setTimeout(r, 700))");
        b.screenshot(size[0] > 700 ? "map-chooser-desktop.png" : "map-chooser-phone.png");
        items.get(kinds.indexOf("core-boards")).click();
        b.waitFor(Duration.ofSeconds(20), d -> "core-boards".equals(b.js("return ZA.selected && ZA.selected.collection")) ? true : null);
        b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .za-title")).stream()
            .anyMatch(e -> spotBoardName.endsWith(e.getText()) && !e.getText().isEmpty()) ? true : null);
        assertEquals(List.of(), b.consoleErrors());
      }
    }
  }

  @Test
  void theHereListNamesEachKindOnce() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?" + spotView(15));
      b.js("ZA.showPanel('sites'); return ZA.sites.here(arguments[0], arguments[1])", spot[0], spot[1]);
      List<WebElement> rows = b.waitFor(Duration.ofSeconds(20), d -> {
        List<WebElement> li = d.findElements(By.cssSelector(".za-sites-list li"));
        return li.size() >= 3 ? li : null;
      });
      for (WebElement li : rows) {
        String tag = li.findElement(By.cssSelector(".za-tag")).getText();
        String label = li.findElement(By.cssSelector("a.za-link")).getText();
        assertFalse(label.startsWith(tag), "「" + tag + "」 written twice: " + li.getText());
        assertFalse(tag.matches("[a-z-]+"), "a kind in words, not a code: " + tag);
      }
      assertTrue(rows.get(0).getText().startsWith("地块"), rows.get(0).getText());
    }
  }

  // ---- 3. the legend -------------------------------------------------------------------------

  @Test
  void theLegendListsOnlyWhatIsDrawnWithEverySymbolAndFolds() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?c=34.70,113.78&z=9");
      b.waitIdle();
      WebElement legend = b.driver.findElement(By.cssSelector(".za-legend"));
      assertFalse(legend.getAttribute("class").contains("collapsed"), "open on a desktop");
      String text = legend.getText();
      assertFalse(text.contains("空间查询结果"), "no entry for an empty query result: " + text);
      assertFalse(text.contains("用地分类"), "parcels are not drawn at zoom 9, so not listed: " + text);
      assertTrue(text.contains("生态廊道"), "the green corridor lines have an entry: " + text);
      assertEquals("lg-point", swatchOf(b, "物流枢纽与口岸"), "logistics hubs are drawn as circles, so listed as one");
      assertEquals("lg-line", swatchOf(b, "生态廊道、绿带"));
      Number legendH = (Number) b.js("return document.querySelector('.za-legend').getBoundingClientRect().height");
      Number mapH = (Number) b.js("return document.getElementById('map').clientHeight");
      assertTrue(legendH.doubleValue() <= 0.42 * mapH.doubleValue(), "legend " + legendH + " px of a " + mapH + " px map");
      b.screenshot("legend-desktop.png");
      legend.findElement(By.cssSelector(".za-legend-head")).click();
      assertTrue(legend.getAttribute("class").contains("collapsed"));
      assertTrue((Number) b.js("return document.querySelector('.za-legend').getBoundingClientRect().height") instanceof Number);
      assertTrue(((Number) b.js("return document.querySelector('.za-legend').getBoundingClientRect().height")).doubleValue() < 40,
          "folded to its title");

      // parcels drawn: their classes listed
      b.js("ZA.map.setView([" + spot[1] + "," + spot[0] + "], 15, {animate: false})");
      waitParcelsDrawn(b);
      legend.findElement(By.cssSelector(".za-legend-head")).click();
      b.waitFor(Duration.ofSeconds(10), d -> legend.getText().contains("用地分类") ? true : null);
    }
    try (Browser b = new Browser(server.base(), 390, 844)) {
      b.open("/?c=34.70,113.78&z=9");
      WebElement legend = b.driver.findElement(By.cssSelector(".za-legend"));
      assertTrue(legend.getAttribute("class").contains("collapsed"), "folded on a phone");
      b.screenshot("legend-phone.png");
    }
  }

  @Test
  void theThematicLegendComesFirstAndWithheldDoesNotLookLikeNoData() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?" + spotView(14));
      waitParcelsDrawn(b);
      b.js("ZA.showPanel('efficiency')");
      WebElement toggle = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency input[data-map=parcels]"))
          .stream().findFirst().orElse(null));
      toggle.click();
      WebElement first = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector(".za-legend .lg-group")).stream()
          .findFirst().filter(g -> g.getAttribute("class").contains("lg-thematic") && g.getText().contains("亩均")).orElse(null));
      assertNotNull(first);
      assertTrue(swatchClass(b, "不足3家企业，已隐去").contains("hatch"), "withheld is hatched");
      assertFalse(swatchClass(b, "无数据").contains("hatch"), "no data is plain");
      String land = b.driver.findElement(By.cssSelector(".za-legend")).getText();
      assertTrue(land.indexOf("亩均") < Math.max(land.indexOf("开发区"), 0) || !land.contains("开发区"), "thematic above the areas: " + land);
      b.screenshot("legend-thematic.png");
    }
  }

  /** The class of the swatch of the legend entry with this label (read in one go: the legend is redrawn as layers load). */
  static String swatchOf(Browser b, String label) {
    return b.waitFor(Duration.ofSeconds(20), d -> (String) b.js("const it = [...document.querySelectorAll('.za-legend .lg-item')]"
        + ".find(e => e.textContent.trim() === arguments[0]); return it ? it.firstElementChild.className.split(' ')[0] : null", label));
  }

  /** The full class of the swatch of the legend entry with this label. */
  static String swatchClass(Browser b, String label) {
    return b.waitFor(Duration.ofSeconds(20), d -> (String) b.js("const it = [...document.querySelectorAll('.za-legend .lg-item')]"
        + ".find(e => e.textContent.trim() === arguments[0]); return it ? it.firstElementChild.className : null", label));
  }

  // ---- 4. stale panels and the wheel ---------------------------------------------------------

  @Test
  void afterLogoutTheRankingLevelShownIsTheOneTabled() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/");
      b.js("localStorage.setItem('za.token', arguments[0])", server.token("land_officer"));
      b.open("/");
      b.js("ZA.showPanel('efficiency')");
      WebElement level = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency select[data-k=level]"))
          .stream().findFirst().orElse(null));
      new Select(level).selectByValue("enterprise");
      b.waitFor(Duration.ofSeconds(30), d -> tableHeading(b).startsWith("企业") ? true : null);
      b.driver.findElement(By.id("logout-btn")).click();
      b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.id("login-btn")).isEmpty() ? null : true);
      b.waitFor(Duration.ofSeconds(30), d -> {
        WebElement sel = d.findElement(By.cssSelector("#panel-efficiency select[data-k=level]"));
        String shown = new Select(sel).getFirstSelectedOption().getText();
        return !tableHeading(b).isEmpty() && tableHeading(b).startsWith(shown + " ·") ? true : null;
      });
      String shown = new Select(b.driver.findElement(By.cssSelector("#panel-efficiency select[data-k=level]"))).getFirstSelectedOption().getText();
      assertEquals("产业园区", shown);
    }
  }

  static String tableHeading(Browser b) {
    Object h = b.js("const h = [...document.querySelectorAll('#panel-efficiency h3')].find(e => e.textContent.includes(' · '));"
        + " return h ? h.textContent : ''");
    return String.valueOf(h);
  }

  @Test
  void theParcelZoomHintFollowsTheZoomEvenWhileThePanelIsHidden() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?c=34.70,113.78&z=8");
      b.js("ZA.showPanel('efficiency')");
      WebElement toggle = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency input[data-map=parcels]"))
          .stream().findFirst().orElse(null));
      toggle.click();
      WebElement hint = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency .eff-zoomhint"))
          .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertTrue(hint.getText().contains("10"), "parcels are drawn from zoom 10 (vector tiles): " + hint.getText());
      b.js("ZA.showPanel('layers'); ZA.map.setZoom(15, {animate: false})");
      b.js("ZA.showPanel('efficiency')");
      b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#panel-efficiency .eff-zoomhint")).stream()
          .noneMatch(WebElement::isDisplayed) ? true : null);
    }
  }

  @Test
  void theWhatIfNoteSaysTheMapShowsItOnlyWhenItDoes() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/");
      b.js("localStorage.setItem('za.token', arguments[0])", server.token("land_officer"));
      b.open("/?c=34.70,113.78&z=12");
      b.js("ZA.showPanel('efficiency')");
      WebElement summary = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency .eff-whatif summary"))
          .stream().findFirst().orElse(null));
      summary.click();
      b.driver.findElement(By.cssSelector("#panel-efficiency [data-act=run]")).click();
      WebElement off = b.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#panel-efficiency .eff-whatif-off"))
          .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertTrue(off.getText().contains("地块着色"), off.getText());
      assertTrue(b.driver.findElements(By.cssSelector("#panel-efficiency .eff-whatif-on")).isEmpty(),
          "nothing on the map is coloured by the what-if: no 地图正显示模拟分类");
    }
  }

  @Test
  void oneWheelNotchIsOneZoomLevel() {
    try (Browser b = new Browser(server.base(), 1280, 860)) {
      b.open("/?c=34.70,113.78&z=12");
      for (int[] step : new int[][] {{-100, 13}, {100, 12}, {-120, 13}, {120, 12}, {-53, 13}}) {
        wheel(b, step[0], 1);
        int want = step[1];
        b.waitFor(Duration.ofSeconds(5), d -> ((Number) b.js("return ZA.map.getZoom()")).doubleValue() == want ? true : null);
        b.js("return new Promise(r => setTimeout(r, 400))");
        assertEquals(want, ((Number) b.js("return ZA.map.getZoom()")).doubleValue(), 0, "after a notch of " + step[0]);
      }
      // a notch that repeats at once (fast wheels send 2 or 3 events) is still one level
      wheel(b, -100, 3);
      b.js("return new Promise(r => setTimeout(r, 700))");
      assertEquals(14, ((Number) b.js("return ZA.map.getZoom()")).doubleValue(), 0);
    }
  }

  static void wheel(Browser b, int deltaY, int times) {
    b.js("const el = ZA.map.getContainer(); const r = el.getBoundingClientRect();"
        + " for (let i = 0; i < arguments[1]; i++) el.dispatchEvent(new WheelEvent('wheel', {deltaY: arguments[0], deltaMode: 0,"
        + " clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));", deltaY, times);
  }

  // ---- 5. the 亩均 panel on a phone ----------------------------------------------------------

  @Test
  void theEfficiencyControlsFitAPhone() {
    try (Browser b = new Browser(server.base(), 390, 844)) {
      b.open("/");
      b.js("localStorage.setItem('za.token', arguments[0])", server.token("land_officer"));
      b.open("/");
      b.driver.findElement(By.id("tab-btn-efficiency")).click();
      WebElement summary = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#panel-efficiency .eff-whatif summary"))
          .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
      summary.click();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) b.js("const p = document.getElementById('panel-efficiency');"
          + " const box = p.getBoundingClientRect(); const wide = [];"
          + " for (const e of p.querySelectorAll('*')) { const r = e.getBoundingClientRect();"
          + "   if (r.width > 0 && r.right > box.right + 1 && !e.closest('.eff-table-wrap')) wide.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right - box.left)); }"
          + " return {panel: p.clientWidth, scroll: p.scrollWidth, wide: wide.slice(0, 10)};");
      int panel = ((Number) m.get("panel")).intValue();
      int scroll = ((Number) m.get("scroll")).intValue();
      assertTrue(scroll <= panel, "panel content " + scroll + " px in a " + panel + " px panel: " + m.get("wide"));
      assertEquals(List.of(), m.get("wide"), "elements reaching past the panel");
      b.screenshot("efficiency-phone.png");
    }
  }
}
