package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * An administrator imports parcels from the map: chooses a GeoJSON file, sees its two parcels on
 * the map (one refused for an unknown land-use code, with the reason in Chinese), maps the
 * land-use code to the file's other code column, gives the reason, imports; the parcel is then
 * served and its history names the import and the reason. On a writable copy of the demo store.
 */
@Tag("browser")
class ParcelImportBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GOOD = "IMP-T-001";
  static final String BAD = "IMP-T-002";
  static final String REASON = "2024 年度宗地调查成果入库";
  static SqlStore store;
  static TestServer server;

  @BeforeAll
  static void start() {
    store = TestStores.h2Copy();
    server = new TestServer(store);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  /**
   * Two parcels in the Zhengzhou ETDZ. 地类编码 holds an old code list (9999 is no national code);
   * 新地类编码 the national codes.
   */
  static String file() {
    return "{\"type\":\"FeatureCollection\",\"features\":["
        + feature(GOOD, "1001", "100101", "在用", "[[113.8280,34.6540],[113.8300,34.6540],[113.8300,34.6550],[113.8280,34.6550],[113.8280,34.6540]]")
        + "," + feature(BAD, "9999", "100102", "在建", "[[113.8350,34.6540],[113.8362,34.6540],[113.8362,34.6550],[113.8350,34.6550],[113.8350,34.6540]]")
        + "]}";
  }

  static String feature(String id, String oldCode, String newCode, String status, String ring) {
    return "{\"type\":\"Feature\",\"properties\":{\"宗地编号\":\"" + id + "\",\"地类编码\":\"" + oldCode + "\",\"新地类编码\":\""
        + newCode + "\",\"土地状态\":\"" + status + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
  }

  /**
   * Console errors except the answers the import endpoint gives a file with problems: a dry run
   * that finds errors answers 400 with the preview (documented API behaviour), and Chromium logs
   * every 4xx response as a failed load.
   */
  static List<String> unexpected(List<String> consoleErrors) {
    return consoleErrors.stream()
        .filter(m -> !(m.contains("/api/imports/parcels") && m.contains("status of 400")))
        .toList();
  }

  @Test
  void anAdministratorPreviewsFixesAndImportsAParcelFileFromTheMap() throws Exception {
    Path dir = Files.createTempDirectory("zoneatlas-import");
    Path upload = dir.resolve("survey-2024.geojson");
    Files.writeString(upload, file(), StandardCharsets.UTF_8);
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      // anonymous: no import tab
      assertFalse(b.driver.findElement(By.id("tab-btn-import")).isDisplayed(), "the import tab is for administrators");
      b.driver.findElement(By.id("login-btn")).click();
      b.driver.findElement(By.cssSelector("#login-form input[name=username]")).sendKeys("admin");
      b.driver.findElement(By.cssSelector("#login-form input[name=password]")).sendKeys(TestStores.PASSWORD + Keys.ENTER);
      WebElement tab = b.waitFor(Duration.ofSeconds(10), d -> {
        WebElement t = d.findElement(By.id("tab-btn-import"));
        return t.isDisplayed() ? t : null;
      });
      assertEquals("数据导入", tab.getText());
      tab.click();
      WebElement panel = b.driver.findElement(By.id("panel-import"));
      panel.findElement(By.cssSelector("input[type=file]")).sendKeys(upload.toAbsolutePath().toString());

      // the dry run: both parcels on the map, the bad one refused in Chinese
      WebElement problem = b.waitFor(Duration.ofSeconds(30), d -> {
        List<WebElement> rows = d.findElements(By.cssSelector("#panel-import .imp-problems tr.imp-error"));
        return rows.isEmpty() ? null : rows.get(0);
      });
      String text = problem.getText();
      assertTrue(text.contains(BAD) && text.contains("用地分类代码 9999") && text.contains("国土空间用地用海分类"), text);
      assertFalse(Pattern.compile("[A-Za-z]{2,}\\s+[A-Za-z]{2,}").matcher(text).find(), "no English in the Chinese table: " + text);
      String status = panel.findElement(By.cssSelector(".imp-status.error")).getText();
      assertTrue(status.contains("1 处错误"), status);
      @SuppressWarnings("unchecked")
      Map<String, Object> drawn = (Map<String, Object>) b.js(
          "const out = {}; ZA.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.problems)"
              + " out[l.feature.properties.id] = {level: l.feature.properties.level, color: l.options.color,"
              + " inView: ZA.map.getBounds().intersects(l.getBounds())}; }); return out;");
      assertEquals(2, drawn.size(), "both parcels of the file drawn: " + drawn);
      assertEquals("error", ((Map<?, ?>) drawn.get(BAD)).get("level"));
      assertEquals("#c62828", ((Map<?, ?>) drawn.get(BAD)).get("color"));
      assertTrue(List.of("ok", "warning").contains(((Map<?, ?>) drawn.get(GOOD)).get("level")), drawn.toString());
      assertEquals(true, ((Map<?, ?>) drawn.get(GOOD)).get("inView"), "the map fits the preview");
      assertEquals(true, ((Map<?, ?>) drawn.get(BAD)).get("inView"), "the map fits the preview");
      String legend = b.driver.findElement(By.cssSelector(".za-legend")).getText();
      assertTrue(legend.contains("导入预览") && legend.contains("可导入") && legend.contains("有错误"), legend);
      assertFalse(panel.findElement(By.cssSelector(".imp-go")).isEnabled(), "no import while a parcel is refused");
      b.screenshot("import-preview.png");

      // a click on the problem zooms to the parcel and opens its problems
      double zoomBefore = ((Number) b.js("return ZA.map.getZoom()")).doubleValue();
      problem.click();
      String popup = b.waitFor(Duration.ofSeconds(10), d -> {
        List<WebElement> p = d.findElements(By.cssSelector(".leaflet-popup-content .imp-popup"));
        return p.isEmpty() ? null : p.get(0).getText();
      });
      assertTrue(popup.contains(BAD) && popup.contains("9999"), popup);
      b.waitFor(Duration.ofSeconds(5), d -> ((Number) b.js("return ZA.map.getZoom()")).doubleValue() >= 17 ? true : null);
      assertTrue(((Number) b.js("return ZA.map.getZoom()")).doubleValue() > zoomBefore);
      assertTrue((Boolean) b.js("return ZA.map.getBounds().contains([34.6545, 113.8356])"), "zoomed to the refused parcel");
      b.screenshot("import-problem-zoom.png");

      // English: the same problem in English
      b.driver.findElement(By.id("lang-toggle")).click();
      String en = b.waitFor(Duration.ofSeconds(5), d -> {
        List<WebElement> rows = d.findElements(By.cssSelector("#panel-import .imp-problems tr.imp-error"));
        return rows.isEmpty() || !rows.get(0).getText().contains("unknown land-use code") ? null : rows.get(0).getText();
      });
      assertTrue(en.contains("9999"), en);
      assertEquals("Import", b.driver.findElement(By.id("tab-btn-import")).getText());
      b.driver.findElement(By.id("lang-toggle")).click();
      b.waitFor(Duration.ofSeconds(5), d -> d.findElement(By.id("tab-btn-import")).getText().equals("数据导入") ? true : null);

      // the mapping form: land-use code from the other column; the file is checked again
      WebElement mapping = b.driver.findElement(By.cssSelector("#panel-import details.imp-mapping"));
      if (mapping.getAttribute("open") == null) {
        mapping.findElement(By.tagName("summary")).click();
      }
      Select code = new Select(b.driver.findElement(By.cssSelector("#panel-import select[data-field=land_use_code]")));
      assertEquals("地类编码", code.getFirstSelectedOption().getText(), "pre-filled from the server's guess");
      code.selectByVisibleText("新地类编码");
      b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
          "const s = ZA.imports.state; return s.phase === 'checked' && !!s.report && s.report.ok === true")));
      assertTrue(b.driver.findElements(By.cssSelector("#panel-import .imp-problems tr.imp-error")).isEmpty());
      String ok = b.driver.findElement(By.cssSelector("#panel-import .imp-status.ok")).getText();
      assertTrue(ok.contains("检查通过") && ok.contains("2 宗"), ok);
      WebElement go = b.driver.findElement(By.cssSelector("#panel-import .imp-go"));
      assertFalse(go.isEnabled(), "no import without a reason");

      // the reason, then the import
      b.driver.findElement(By.cssSelector("#panel-import textarea[name=reason]")).sendKeys(REASON);
      b.waitFor(Duration.ofSeconds(5), d -> go.isEnabled() ? true : null);
      go.click();
      String done = b.waitFor(Duration.ofSeconds(30), d -> {
        List<WebElement> e = d.findElements(By.cssSelector("#panel-import .imp-done"));
        return e.isEmpty() ? null : e.get(0).getText();
      });
      assertTrue(done.contains("导入完成") && done.contains("新增 2 宗") && done.contains("变更编号"), done);
      Number changeId = (Number) b.js("return ZA.imports.state.result.change_id");
      assertTrue(done.contains("#" + changeId), done);
      assertEquals(0L, b.js("let n = document.querySelectorAll('.imp-popup').length;"
          + " ZA.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.problems) n++; }); return n;"),
          "the preview is gone from the map");

      // the map's parcels now hold the imported ones
      b.driver.findElement(By.cssSelector("#panel-import .imp-view")).click();
      b.waitFor(Duration.ofSeconds(15), d -> {
        List<WebElement> t = d.findElements(By.cssSelector("#tab-details .za-title"));
        return !t.isEmpty() && t.get(0).getText().contains(GOOD) ? true : null;
      });
      b.waitIdle();
      // the parcel layer reloads after the import: wait for it rather than read it once
      b.waitFor(Duration.ofSeconds(30), d -> {
        @SuppressWarnings("unchecked")
        List<String> now = (List<String>) b.js("return ZA.test.parcelIds()");
        return now.contains(GOOD) && now.contains(BAD) ? true : null;
      });
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) b.js("return ZA.test.parcelIds()");
      assertTrue(ids.contains(GOOD) && ids.contains(BAD), "imported parcels drawn: " + ids.size());
      b.screenshot("import-done.png");
      // the browser's log is read (and emptied) once
      List<String> all = b.consoleErrors();
      List<String> unexpected = unexpected(all);
      assertEquals(List.of(), unexpected, "console errors");
      System.out.println("console: " + (all.size() - unexpected.size()) + " logged 400 answer(s) of the import endpoint");
      assertEquals(List.of(), b.outsideRequests(), "requests that left 127.0.0.1");

      // the parcel is served, and its history names the import and its reason
      HttpResponse<String> item = server.get("/collections/parcels/items/" + BAD);
      assertEquals(200, item.statusCode(), item.body());
      JsonNode f = JSON.readTree(item.body());
      assertEquals("100102", f.get("properties").get("land_use_code").asText());
      assertEquals("under_construction", f.get("properties").get("status").asText());
      HttpResponse<String> history = server.get("/collections/parcels/items/" + BAD + "/history", server.token("admin"));
      assertEquals(200, history.statusCode(), history.body());
      JsonNode made = JSON.readTree(history.body()).get("versions").get(0).get("made_by");
      assertEquals("import", made.get("op").asText(), history.body());
      assertEquals(REASON, made.get("reason").asText(), history.body());
      assertEquals(changeId.longValue(), made.get("id").asLong(), history.body());
      assertEquals("admin", made.get("username").asText());
    } finally {
      Files.deleteIfExists(upload);
      Files.deleteIfExists(dir);
    }
  }
}
