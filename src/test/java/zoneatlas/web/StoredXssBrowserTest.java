package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Stored data is shown, never run: a parcel whose id and attributes carry script (as one imported
 * before ids had a rule would) is opened in the HTML views in headless Chromium and hovered; no
 * script of the data runs, and the tooltip and table show the text as written.
 */
@Tag("browser")
class StoredXssBrowserTest {
  static final String ID = "<img src=x onerror=window.__xss=1>";
  static final String NAME = "</script><script>window.__xss=2</script><b onmouseover=window.__xss=3>工业</b>";
  static final String PARK = "\"><svg onload=window.__xss=4>";
  static SqlStore store;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    store = TestStores.freshH2();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO parcels (id, zone, park, land_use_code, land_use_name, status, area_m2, area_mu, synthetic, geom) "
            + "VALUES (?, 'zzetdz', ?, '100101', ?, 'available', 60000, 90, true, ST_GeomFromText(?, 4490))")) {
      ps.setString(1, ID);
      ps.setString(2, PARK);
      ps.setString(3, NAME);
      ps.setString(4, "POLYGON((113.80 34.70, 113.803 34.70, 113.803 34.702, 113.80 34.702, 113.80 34.70))");
      ps.executeUpdate();
    }
    server = new TestServer(store, java.util.Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void theItemPageShowsTheHostileIdAsTextWhenHovered() {
    check("/collections/parcels/items/" + URLEncoder.encode(ID, StandardCharsets.UTF_8).replace("+", "%20") + "?f=html");
  }

  @Test
  void theItemsPageShowsItAsTextToo() {
    check("/collections/parcels/items?f=html&limit=10");
  }

  private static void check(String path) {
    try (Browser b = new Browser(server.base(), 1200, 900)) {
      b.driver.get(server.base() + path);
      b.waitFor(Duration.ofSeconds(30), d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
      WebElement shape = b.driver.findElement(By.cssSelector("#map path.leaflet-interactive"));
      new Actions(b.driver).moveToElement(shape).pause(Duration.ofMillis(300)).perform();
      WebElement tip = b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
          .findFirst().orElse(null));
      try {
        Thread.sleep(500); // an image that fails to load calls its onerror a moment later
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertEquals(null, b.js("return window.__xss === undefined ? null : String(window.__xss)"), "a script of the data ran");
      assertEquals(ID, tip.getAttribute("textContent"), "the tooltip shows the id as written");
      assertEquals(0L, b.js("return arguments[0].querySelectorAll('*').length", tip), "no element made of the id");
      String page = b.driver.findElement(By.tagName("main")).getText();
      assertTrue(page.contains(ID), page);
      assertTrue(page.contains("</script><script>window.__xss=2</script>"), page);
      assertTrue(b.driver.findElements(By.cssSelector("main table img, main table b, main table svg, nav img, nav svg, h1 img"))
          .isEmpty(), "no element made of the data");
      assertEquals(null, b.js("return window.__xss === undefined ? null : String(window.__xss)"), "a script of the data ran");
      List<String> errors = b.consoleErrors();
      assertEquals(List.of(), errors.stream().filter(e -> !e.contains("favicon.ico")).toList());
    }
  }
}
