package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Editing on the map page in headless Chromium, against the real server on a store of its own
 * (the test writes): a land officer logs in through the page, splits a parcel by drawing a line
 * across it on the map, moves one part on in the land cycle through the attribute form, and finds
 * both changes with their reasons in the part's history, as the server records them. Read-only
 * users get no editing control; a planner gets them on plan layers, not on parcels. Screenshots
 * (desktop and phone) go to target/screenshots/edit-*.png.
 */
@Tag("browser")
class EditingBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SPLIT_REASON = "郑经开土〔2026〕12号 分割出让";
  static final String STATUS_REASON = "2026年第3次土地例会纪要";
  static TestServer server;
  /** A roughly rectangular parcel of the demo data, big enough to click and cut. */
  static JsonNode parcel;
  /** The largest industrial park. */
  static String parkId;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(TestStores.h2Copy());
    JsonNode parks = JSON.readTree(server.get("/collections/industrial-parks/items?limit=1000").body());
    JsonNode park = null;
    for (JsonNode f : parks.path("features")) {
      if (park == null || f.path("properties").path("area_m2").asDouble() > park.path("properties").path("area_m2").asDouble()) {
        park = f;
      }
    }
    assertNotNull(park, "the demo data has industrial parks");
    parkId = park.path("id").asText();
    double[] b = MapPageBrowserTest.bbox(park.path("geometry"));
    JsonNode fc = JSON.readTree(server.get("/collections/parcels/items?limit=3000&bbox=" + b[0] + "," + b[1] + "," + b[2] + "," + b[3]).body());
    List<JsonNode> candidates = new ArrayList<>();
    for (JsonNode f : fc.path("features")) {
      double m2 = f.path("properties").path("area_m2").asDouble();
      JsonNode g = f.path("geometry");
      if ("Polygon".equals(g.path("type").asText()) && g.path("coordinates").size() == 1 && g.path("coordinates").get(0).size() == 5
          && m2 > 8_000 && m2 < 40_000) {
        candidates.add(f);
      }
    }
    candidates.sort(Comparator.comparing(f -> f.path("id").asText()));
    assertFalse(candidates.isEmpty(), "a four-cornered parcel of 12 to 60 mu in park " + parkId);
    parcel = candidates.get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String id() {
    return parcel.path("id").asText();
  }

  static double[] parcelBbox() {
    return MapPageBrowserTest.bbox(parcel.path("geometry"));
  }

  /** Clicks the map at a container pixel (Selenium offsets count from the element's centre). */
  static void clickMap(Browser b, double x, double y) {
    WebElement map = b.driver.findElement(By.id("map"));
    // Geoman puts a vertex where the last mousemove left its hint marker: move, settle, click
    new Actions(b.driver).moveToElement(map, (int) Math.round(x) - map.getSize().getWidth() / 2,
        (int) Math.round(y) - map.getSize().getHeight() / 2).pause(Duration.ofMillis(200)).click().pause(Duration.ofMillis(300)).perform();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Number> containerPoint(Browser b, double lat, double lng) {
    return (Map<String, Number>) b.js("const p = ZA.map.latLngToContainerPoint([arguments[0], arguments[1]]); return {x: p.x, y: p.y}", lat, lng);
  }

  static void clickFeature(Browser b, String collection, String fid) {
    @SuppressWarnings("unchecked")
    Map<String, Number> p = (Map<String, Number>) b.js("return ZA.test.interiorPoint(arguments[0], arguments[1])", collection, fid);
    assertNotNull(p, fid + " is drawn");
    clickMap(b, p.get("x").doubleValue(), p.get("y").doubleValue());
  }

  static void loginThroughThePage(Browser b, String user, String roleZh) {
    b.driver.findElement(By.id("login-btn")).click();
    b.driver.findElement(By.cssSelector("#login-form input[name=username]")).sendKeys(user);
    b.driver.findElement(By.cssSelector("#login-form input[name=password]")).sendKeys(TestStores.PASSWORD + Keys.ENTER);
    WebElement role = b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#auth .role")).stream().findFirst().orElse(null));
    assertEquals(roleZh, role.getText());
  }

  static WebElement waitVisible(Browser b, String css) {
    return b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector(css)).stream()
        .filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null));
  }

  static void waitTitle(Browser b, String title) {
    b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#tab-details .za-title")).stream()
        .anyMatch(e -> e.getText().equals(title)) ? true : null);
  }

  static boolean waitUrlHas(Browser b, String part) {
    b.js("ZA.permalink.flush()");
    return b.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().contains(part) ? Boolean.TRUE : null);
  }

  /** What the page's permission probe found (after it is done). */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> perms(Browser b) {
    return (Map<String, List<String>>) b.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; ZA.test.edit.perms().then(done)");
  }

  /** The editing buttons of the detail card that a user can see. */
  static List<String> visibleEditButtons(Browser b) {
    return b.driver.findElements(By.cssSelector("#tab-details [data-edit]")).stream()
        .filter(WebElement::isDisplayed).map(e -> e.getAttribute("data-edit")).toList();
  }

  @Test
  void landOfficerSplitsAParcelOnTheMapThenMovesAPartOnInTheLandCycle() throws IOException {
    String id = id();
    double[] bb = parcelBbox();
    String part1 = id + "-1";
    String part2 = id + "-2";
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=industrial-parks,parcels&c=" + (bb[1] + bb[3]) / 2 + "," + (bb[0] + bb[2]) / 2 + "&z=18");
      b.waitIdle();
      loginThroughThePage(b, "land_officer", "土地管理人员");
      assertTrue(perms(b).get("edit").contains("parcels"), "the server lets a land officer edit parcels");

      // select the parcel by clicking it
      clickFeature(b, "parcels", id);
      waitTitle(b, ParcelTitle.zh(id));
      waitVisible(b, "#tab-details [data-edit=split]").click();
      waitVisible(b, ".ze-bar");

      // draw a line right across it, west to east through its widest part
      @SuppressWarnings("unchecked")
      Map<String, Number> inside = (Map<String, Number>) b.js("return ZA.test.interiorPoint('parcels', arguments[0])", id);
      double lat = inside.get("lat").doubleValue();
      double w = bb[2] - bb[0];
      Map<String, Number> west = containerPoint(b, lat, bb[0] - 0.3 * w);
      Map<String, Number> east = containerPoint(b, lat, bb[2] + 0.3 * w);
      clickMap(b, west.get("x").doubleValue(), west.get("y").doubleValue());
      clickMap(b, east.get("x").doubleValue(), east.get("y").doubleValue());
      // clicking the last point again ends the line
      clickMap(b, east.get("x").doubleValue(), east.get("y").doubleValue());
      WebElement reason = waitVisible(b, ".ze-bar input[name=reason]");
      String bar = b.driver.findElement(By.cssSelector(".ze-bar")).getText();
      assertTrue(bar.contains("分割预览：2 块"), "a preview of two parts: " + bar);
      assertEquals(2L, b.js("return document.querySelectorAll('.ze-part-label').length"), "both parts labelled with their area");
      assertTrue(b.driver.findElement(By.cssSelector(".ze-part-label")).getText().contains("亩"), "part areas in mu");
      reason.sendKeys(SPLIT_REASON);
      b.screenshot("edit-split-preview.png");
      b.driver.findElement(By.cssSelector(".ze-bar [data-bar=split]")).click();

      // the parts are drawn at once and the first is shown
      waitTitle(b, ParcelTitle.zh(part1));
      b.waitIdle();
      @SuppressWarnings("unchecked")
      List<String> drawn = (List<String>) b.js("return ZA.test.parcelIds()");
      assertTrue(drawn.contains(part1) && drawn.contains(part2) && !drawn.contains(id), "parts drawn, parent gone: " + drawn);
      assertEquals(404, server.get("/collections/parcels/items/" + id).statusCode(), "the parent parcel ended");

      // open the second part from the map and move it on in the land cycle through the form
      clickFeature(b, "parcels", part2);
      waitTitle(b, ParcelTitle.zh(part2));
      waitVisible(b, "#tab-details [data-edit=form]").click();
      WebElement statusEl = waitVisible(b, ".ze-form [data-field=status] select");
      Select status = new Select(statusEl);
      String current = parcel.path("properties").path("status").asText();
      assertEquals(current, status.getFirstSelectedOption().getAttribute("value"));
      assertTrue(status.getOptions().size() >= 2, "the current status and its next ones in the cycle");
      String next = status.getOptions().get(1).getAttribute("value");
      String nextLabel = status.getOptions().get(1).getText();
      String note = b.driver.findElement(By.cssSelector(".ze-form [data-field=status] .ze-note")).getText();
      assertTrue(note.contains("按土地供应周期") && note.contains(nextLabel), "the land cycle explained: " + note);
      status.selectByValue(next);
      b.driver.findElement(By.cssSelector(".ze-form input[name=reason]")).sendKeys(STATUS_REASON);
      b.screenshot("edit-status-form.png");
      b.driver.findElement(By.cssSelector(".ze-form [data-act=save]")).click();

      // the card shows the new version, whose history holds both changes with their reasons
      WebElement history = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#tab-details .ze-hist")).stream()
          .filter(e -> e.getText().contains(STATUS_REASON) && e.getText().contains(SPLIT_REASON)).findFirst().orElse(null));
      String text = history.getText();
      List<WebElement> items = history.findElements(By.cssSelector(".ze-h-item"));
      assertEquals(2, items.size(), text);
      String newest = items.get(0).getText();
      String split = items.get(1).getText();
      assertTrue(newest.startsWith("修改") && newest.contains("第 2 版") && newest.contains("土地状态") && newest.contains("land_officer（土地管理人员）")
          && newest.contains("已核对版本") && newest.contains(STATUS_REASON), newest);
      assertTrue(split.startsWith("分割") && split.contains("第 1 版") && split.contains("由" + ParcelTitle.zh(id) + "分割产生") && split.contains(SPLIT_REASON), split);
      assertTrue(newest.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（北京时间）.*"), "time in Beijing time, as everywhere: " + newest);
      assertFalse(text.contains("status") || text.contains("update") || text.contains("split"), "no codes on the Chinese screen: " + text);
      // the card's attribute tables (the 亩均 section has one of its own)
      String attrs = String.join("\n", b.driver.findElements(By.cssSelector("#tab-details .za-attrs")).stream()
          .map(WebElement::getText).toList());
      assertTrue(attrs.contains(nextLabel), "the card shows the new status " + nextLabel + ": " + attrs);
      b.screenshot("edit-history.png");

      // the server agrees, and the page keeps the new ETag for its next write
      String token = server.token("land_officer");
      JsonNode h = JSON.readTree(server.get("/collections/parcels/items/" + part2 + "/history", token).body());
      JsonNode v2 = h.path("versions").get(0);
      JsonNode v1 = h.path("versions").get(1);
      assertEquals("update", v2.path("made_by").path("op").asText());
      assertEquals(STATUS_REASON, v2.path("made_by").path("reason").asText());
      assertTrue(v2.path("made_by").path("if_match").asBoolean(), "the status change was sent with If-Match");
      assertTrue(v2.path("made_by").path("summary").asText().contains("status"));
      assertEquals(next, v2.path("properties").path("status").asText());
      assertEquals("split", v1.path("made_by").path("op").asText());
      assertEquals(SPLIT_REASON, v1.path("made_by").path("reason").asText());
      assertTrue(v1.path("made_by").path("if_match").asBoolean(), "the split was sent with If-Match");
      HttpResponse<String> now = server.get("/collections/parcels/items/" + part2, token);
      assertEquals(now.headers().firstValue("ETag").orElseThrow(), b.js("return ZA.test.edit.etag('parcels', arguments[0])", part2));

      // the map as it stood just before the split: the parent is back, the parts are not, no editing
      b.js("ZA.clearSelection()");
      b.js("return ZA.setAsOf(new Date(Date.parse(arguments[0]) - 1000).toISOString()).then(() => true)", v1.path("made_by").path("at").asText());
      b.waitIdle();
      @SuppressWarnings("unchecked")
      List<String> then = (List<String>) b.js("return ZA.test.parcelIds()");
      assertTrue(then.contains(id) && !then.contains(part1) && !then.contains(part2), "the parcels before the split: " + then);
      String banner = waitVisible(b, ".za-asof-banner").getText();
      assertTrue(banner.startsWith("正在查看 ") && banner.contains("的地图") && banner.contains("回到现在"), banner);
      assertTrue(b.driver.getCurrentUrl().contains("t=") || waitUrlHas(b, "t="), "the moment is in the link");
      b.js("return ZA.selectFeature('parcels', arguments[0], {fit: false}).then(() => true)", id);
      waitTitle(b, ParcelTitle.zh(id));
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .ze-note")).isEmpty() ? null : true);
      assertEquals(List.of(), visibleEditButtons(b), "no editing on a map of an earlier moment");
      b.screenshot("edit-as-of.png");
      b.js("ZA.clearSelection()");
      b.driver.findElement(By.cssSelector(".za-asof-banner [data-act=now]")).click();
      b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js("return ZA.asOf === null && !ZA.test.loading()"
          + " && ZA.test.parcelIds().includes(arguments[0])", part2)) ? true : null);

      assertEquals(List.of(), b.consoleErrors(), "console errors");
      assertEquals(List.of(), b.outsideRequests(), "requests that left 127.0.0.1");
    }

    // the same history on a phone
    try (Browser b = new Browser(server.base(), 390, 844)) {
      b.open("/");
      b.js("localStorage.setItem('za.token', arguments[0])", server.token("land_officer"));
      b.open("/?s=parcels:" + part2);
      WebElement hist = b.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("#tab-details .ze-hist")).stream()
          .filter(e -> e.getText().contains(STATUS_REASON)).findFirst().orElse(null));
      b.js("arguments[0].scrollIntoView()", hist);
      long width = (Long) b.js("return window.innerWidth");
      assertTrue((Long) b.js("return document.documentElement.scrollWidth") <= width, "nothing wider than the screen");
      b.screenshot("edit-history-phone.png");
      waitVisible(b, "#tab-details [data-edit=form]").click();
      waitVisible(b, ".ze-form [data-field=status] select");
      b.screenshot("edit-form-phone.png");
      assertEquals(List.of(), b.consoleErrors(), "console errors on the phone");
    }
  }

  @Test
  void readOnlyUsersSeeNoEditingControlsAndAPlannerEditsPlansNotParcels() {
    String id = id();
    double[] bb = parcelBbox();
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=industrial-parks,parcels&c=" + (bb[1] + bb[3]) / 2 + "," + (bb[0] + bb[2]) / 2 + "&z=17&s=industrial-parks:" + parkId);
      b.waitIdle();
      // a guest: nothing to edit, no history, no 编辑 tab
      assertEquals(Map.of("create", List.of(), "edit", List.of()), perms(b));
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .za-title")).isEmpty() ? null : true);
      assertEquals(List.of(), visibleEditButtons(b), "a guest on a park");
      assertTrue(b.driver.findElements(By.cssSelector("#tab-details .ze-hist")).isEmpty(), "no history for a guest");
      assertFalse(b.driver.findElement(By.id("tab-btn-edit")).isDisplayed(), "no 编辑 tab for a guest");
      b.js("return ZA.selectFeature('parcels', arguments[0], {fit: false}).then(() => true)", id);
      waitTitle(b, ParcelTitle.zh(id));
      assertEquals(List.of(), visibleEditButtons(b), "a guest on a parcel");
      b.screenshot("edit-readonly-guest.png");

      // an investor (prospect) is logged in but edits nothing either
      b.js("localStorage.setItem('za.token', arguments[0])", server.token("prospect"));
      b.open("/?s=industrial-parks:" + parkId);
      assertEquals(Map.of("create", List.of(), "edit", List.of()), perms(b));
      assertEquals(List.of(), visibleEditButtons(b), "a prospect on a park");
      assertFalse(b.driver.findElement(By.id("tab-btn-edit")).isDisplayed(), "no 编辑 tab for a prospect");
      b.driver.findElement(By.id("logout-btn")).click();
      b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.id("login-btn")).isEmpty() ? null : true);

      // a planner: the park's editing tools and the plan layers' 新建 buttons, but not the parcel's
      loginThroughThePage(b, "planner", "规划人员");
      Map<String, List<String>> p = perms(b);
      assertTrue(p.get("edit").contains("industrial-parks") && !p.get("edit").contains("parcels"), "planner: " + p);
      b.js("return ZA.selectFeature('industrial-parks', arguments[0], {fit: false}).then(() => true)", parkId);
      waitVisible(b, "#tab-details [data-edit=form]");
      assertEquals(List.of("form", "geometry", "delete"), visibleEditButtons(b), "a planner on a park");
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .ze-hist")).isEmpty() ? null : true);
      assertTrue(b.driver.findElement(By.id("tab-btn-edit")).isDisplayed(), "the planner's 编辑 tab");
      b.screenshot("edit-planner-park.png");
      b.driver.findElement(By.id("tab-btn-edit")).click();
      List<String> layers = b.driver.findElements(By.cssSelector("#panel-edit [data-new]")).stream()
          .map(e -> e.getAttribute("data-collection")).distinct().toList();
      assertEquals(List.of("zones", "core-boards", "industrial-parks", "small-micro-parks", "infrastructure"), layers);
      b.js("return ZA.selectFeature('parcels', arguments[0], {fit: false}).then(() => true)", id);
      waitTitle(b, ParcelTitle.zh(id));
      // the parcel's history is there for a planner to read, its editing tools are not
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .ze-hist")).isEmpty() ? null : true);
      assertEquals(List.of(), visibleEditButtons(b), "a planner on a parcel");
      b.screenshot("edit-planner-parcel.png");
      assertEquals(List.of(), b.consoleErrors(), "console errors");
    }
  }
}
