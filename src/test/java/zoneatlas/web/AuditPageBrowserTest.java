package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import zoneatlas.history.AuditRoutesTest;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * The audit trail page in headless Chromium, offline: a guest is asked to sign in as an
 * administrator, the administrator signs in on the page, filters by user and sees the change with
 * its reason, in Chinese, opens it to the feature's map link, and switches to English; no script
 * error, nothing loaded from outside.
 */
@Tag("browser")
class AuditPageBrowserTest {
  static final String REASON = "郑经开规〔2027〕3号 容积率调整";
  static SqlStore store;
  static AuditRoutesTest.App app;
  static String parcel;

  @BeforeAll
  static void start() throws Exception {
    store = TestStores.h2Copy();
    app = new AuditRoutesTest.App(TestStores.services(store));
    parcel = app.json(app.request("GET", "/collections/parcels/items?limit=1&status=idle", null, null))
        .at("/features/0/id").asText();
    String park = app.json(app.request("GET", "/collections/industrial-parks/items?limit=1", null, null))
        .at("/features/0/id").asText();
    HttpResponse<String> a = app.request("PATCH", "/collections/parcels/items/" + enc(parcel), "{\"properties\":{\"far\":1.2}}",
        app.token("land_officer"), "Content-Type", "application/merge-patch+json", "X-Change-Reason", enc(REASON));
    assertEquals(200, a.statusCode(), a.body());
    HttpResponse<String> b = app.request("PATCH", "/collections/industrial-parks/items/" + enc(park),
        "{\"properties\":{\"status\":\"在建\"}}", app.token("planner"), "Content-Type", "application/merge-patch+json",
        "X-Change-Reason", enc("规划调整"));
    assertEquals(200, b.statusCode(), b.body());
  }

  @AfterAll
  static void stop() {
    app.close();
    store.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void waitIdle(Browser b) {
    b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js("return !!(window.AUDIT && AUDIT.ready && !AUDIT.busy)")));
  }

  @Test
  void anAdministratorFindsAChangeByUserInChinese() {
    try (Browser b = new Browser(app.base(), 1400, 900)) {
      b.driver.get(app.base() + "/audit.html");
      waitIdle(b);
      WebElement gate = b.driver.findElement(By.id("gate"));
      assertTrue(gate.isDisplayed());
      assertTrue(gate.getText().contains("请以管理员身份登录"), gate.getText());

      // sign in on the page
      gate.findElement(By.name("username")).sendKeys("admin");
      gate.findElement(By.name("password")).sendKeys(TestStores.PASSWORD);
      gate.findElement(By.cssSelector("button[type=submit]")).click();
      b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
          "return !!(window.AUDIT && AUDIT.ready && !AUDIT.busy && AUDIT.page && document.querySelectorAll('tr.change').length >= 3)")));
      assertFalse(b.driver.findElement(By.id("gate")).isDisplayed());

      // filter by user
      WebElement user = b.driver.findElement(By.cssSelector("#filters input[name=user]"));
      user.sendKeys("land_officer");
      b.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
      b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
          "return !AUDIT.busy && AUDIT.page && AUDIT.page.changes.every(c => c.username === 'land_officer')"
              + " && document.querySelectorAll('tr.change').length === 1")));
      String row = b.driver.findElement(By.cssSelector("tr.change")).getText();
      for (String s : List.of(REASON, "land_officer", "土地管理人员", "修改", "地块", "容积率")) {
        assertTrue(row.contains(s), s + " in " + row);
      }
      assertTrue(b.driver.getCurrentUrl().contains("user=land_officer"), "the filter is in the link");
      String count = b.driver.findElement(By.id("count")).getText();
      assertTrue(count.contains("共 1 条变更"), count);

      // open it: the feature links to the map with it selected
      b.driver.findElement(By.cssSelector("tr.change button.expand")).click();
      b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js("return !!document.querySelector('tr.detail a')")));
      String href = (String) b.js("return document.querySelector('tr.detail a').getAttribute('href')");
      assertEquals("/?s=parcels:" + enc(parcel), href);
      String detail = b.driver.findElement(By.cssSelector("tr.detail")).getText();
      assertTrue(detail.contains("1→2") && detail.contains("请求编号"), detail);

      // no English words among the page's own labels
      String labels = (String) b.js("return [document.querySelector('header.bar h1'), document.querySelector('#back'),"
          + " document.querySelector('#filters'), document.querySelector('#changes thead'), document.querySelector('#count'),"
          + " ...document.querySelectorAll('tr.detail dt, table.features th')].map(e => e.innerText).join(' ')");
      assertFalse(labels.matches("(?s).*[A-Za-z].*"), "Latin letters in the Chinese labels: " + labels);
      b.screenshot("audit.png");
      assertEquals(List.of(), b.consoleErrors());
      assertEquals(List.of(), b.outsideRequests());

      // the export of the current filter downloads without an error
      b.driver.findElement(By.id("export-csv")).click();
      b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
          "return !document.querySelector('#export-csv').disabled && document.querySelector('#export-status').textContent === ''")));
      assertEquals(List.of(), b.consoleErrors());

      // English on demand
      b.driver.findElement(By.id("lang-toggle")).click();
      b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
          "return !AUDIT.busy && document.querySelector('#changes thead').innerText.includes('Operation')")));
      assertTrue(b.driver.findElement(By.cssSelector("tr.change")).getText().contains("land officer"));
      b.screenshot("audit-en.png");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void aLandOfficerIsAskedForAnAdministrator() {
    try (Browser b = new Browser(app.base(), 1000, 700)) {
      b.driver.get(app.base() + "/audit.html");
      b.js("localStorage.setItem('za.token', arguments[0])", app.token("land_officer"));
      b.driver.get(app.base() + "/audit.html");
      waitIdle(b);
      String gate = b.driver.findElement(By.id("gate")).getText();
      assertTrue(gate.contains("请以管理员身份登录") && gate.contains("土地管理人员"), gate);
      assertFalse(b.driver.findElement(By.id("audit")).isDisplayed());
      assertEquals(List.of(), b.consoleErrors());
    }
  }
}
