package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import zoneatlas.testing.Chromium;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The 选址与查询 panel and the site card in headless Chromium, offline (every host but 127.0.0.1
 * unreachable): the finder lists and draws sites, a rectangle drawn with Geoman and a click on the
 * map query the server, and the card prints to a PDF with no toolbar and no outside request.
 */
@Tag("browser")
class SitesBrowserTest {
  static final ObjectMapper M = new ObjectMapper();
  static final Path OUT = Path.of(System.getProperty("java.io.tmpdir"), "zoneatlas-sites-screenshots");
  static TestServer server;
  static JsonNode topSite;
  ChromeDriver driver;
  Path profile;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    topSite = M.readTree(server.get("/api/sites/find?max_m.rail_station=30000&invest_wan=20000&limit=3").body()).path("sites").get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() {
    profile = Chromium.newProfile();
    driver = Chromium.start(profile, 1400, 900);
  }

  @AfterEach
  void close() {
    driver.quit();
    Chromium.removeProfile(profile);
  }

  Object js(String script, Object... args) {
    return Chromium.js(driver, script, args);
  }

  void waitFor(String condition, int seconds) {
    Chromium.waitFor(driver, condition, seconds);
  }

  void openMap(String query) {
    driver.get(server.base() + "/" + query);
    waitFor("window.ZA && ZA.test && ZA.test.ready && ZA.sites", 40);
    js("ZA.showPanel('sites')");
  }

  List<String> consoleErrors() {
    return Chromium.consoleErrors(driver);
  }

  @SuppressWarnings("unchecked")
  List<String> outsideRequests() {
    List<String> urls = (List<String>) js("return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))");
    return urls.stream().filter(u -> !u.startsWith(server.base() + "/") && !u.startsWith("data:") && !u.startsWith("blob:")).toList();
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(OUT);
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Clicks the map at a lon/lat. */
  void clickMapAt(double lon, double lat) {
    WebElement map = driver.findElement(By.id("map"));
    @SuppressWarnings("unchecked")
    List<Number> p = (List<Number>) js("const p = ZA.map.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];", lon, lat);
    int dx = (int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
    int dy = (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
    new Actions(driver).moveToElement(map, dx, dy).click().perform();
  }

  @Test
  void theFinderFromALinkListsRankedSitesAndMarksThemOnTheMap() throws Exception {
    openMap("?sf=" + java.net.URLEncoder.encode("max_m.rail_station=30000&invest_wan=20000&limit=100", StandardCharsets.UTF_8));
    waitFor("document.querySelectorAll('.za-sites-found > li').length > 0", 30);
    String first = (String) js("return document.querySelector('.za-sites-found > li b').textContent");
    assertEquals(topSite.path("name_zh").asText(), first, "the first listed site is the server's top-ranked one");
    assertEquals("30", js("return document.querySelector('input[name=km_rail_station]').value"), "the form is restored from the link");
    assertTrue(((Number) js("return document.querySelectorAll('.za-sites-rank').length")).intValue() > 0, "ranks drawn on the map");
    screenshot("sites-finder.png");
    assertEquals(List.of(), consoleErrors());
    assertEquals(List.of(), outsideRequests());
  }

  @Test
  void aRectangleDrawnWithGeomanTotalsTheParcelsInside() throws Exception {
    double lon = topSite.path("point").get(0).asDouble();
    double lat = topSite.path("point").get(1).asDouble();
    openMap("?c=" + lat + "," + lon + "&z=16&st=inside");
    waitFor("document.querySelector('.za-sites-nav')", 10);
    driver.findElements(By.cssSelector(".za-sites-body .za-row .btn")).get(1).click();
    clickMapAt(lon - 0.002, lat + 0.0015);
    clickMapAt(lon + 0.002, lat - 0.0015);
    waitFor("document.querySelector('#za-inside-out .za-facts')", 30);
    String text = (String) js("return document.getElementById('za-inside-out').textContent");
    assertTrue(text.contains("范围面积") && text.contains("地块总面积"), text);
    assertTrue(((Number) js("return document.querySelectorAll('#za-inside-out .za-sites-list li').length")).intValue() > 0, "parcels listed");
    screenshot("sites-inside.png");
    assertEquals(List.of(), consoleErrors());
  }

  @Test
  void clickingTheMapInPickModeShowsWhatIsHere() throws Exception {
    double lon = topSite.path("point").get(0).asDouble();
    double lat = topSite.path("point").get(1).asDouble();
    openMap("?c=" + lat + "," + lon + "&z=16&st=here");
    waitFor("document.querySelector('.za-sites-body .btn-primary')", 10);
    driver.findElement(By.cssSelector(".za-sites-body .btn-primary")).click();
    clickMapAt(lon, lat);
    waitFor("document.querySelector('.za-sites-body .za-sites-list li')", 30);
    String first = (String) js("return document.querySelector('.za-sites-body .za-sites-list li').textContent");
    // named as readers name it, by its number (000123 号地块), not by its system id
    String number = topSite.path("id").asText().replaceFirst("^P-[A-Za-z0-9]+-", "");
    assertTrue(first.contains(number + " 号地块") && first.contains("亩"), first);
    assertFalse(first.contains(topSite.path("id").asText()), first);
    assertEquals(null, js("return ZA.selected"), "the pick did not select a feature");
    assertEquals(List.of(), consoleErrors());
  }

  @Test
  void nearForTheSelectedParcelAndACorridorAnswerAndTheTabSwitchesToEnglish() throws Exception {
    String id = topSite.path("id").asText();
    openMap("?s=parcels:" + id + "&st=near");
    waitFor("ZA.selected && ZA.selected.id === '" + id + "'", 20);
    js("ZA.showPanel('sites')");
    driver.findElements(By.cssSelector(".za-sites-body .za-row .btn")).get(1).click();
    waitFor("document.querySelector('.za-sites-body .za-table')", 30);
    String near = (String) js("return document.querySelector('.za-sites-body .za-table').textContent");
    assertTrue(near.contains("铁路车站") && near.contains("公里"), near);
    screenshot("sites-near.png");
    driver.findElements(By.cssSelector(".za-sites-nav .btn")).get(4).click();
    // the line is chosen by name from the search list, not typed as an id
    driver.findElement(By.cssSelector(".za-sites-body input[data-pick=corridor]")).sendKeys("航海路");
    waitFor("document.querySelector('.za-sites-body .za-pick-list li[data-i]')", 15);
    driver.findElement(By.cssSelector(".za-sites-body .za-pick-list li[data-i]")).click();
    assertEquals("zzetdz-inf-hanghai-lu", js("return document.querySelector('input[type=hidden][name=corridor]').value"));
    driver.findElement(By.cssSelector(".za-sites-body > .btn-primary")).click();
    waitFor("document.querySelector('.za-sites-body .za-facts')", 30);
    js("document.getElementById('lang-toggle').click()");
    waitFor("document.querySelector('.za-sites-nav .btn').textContent === 'Finder'", 10);
    assertTrue(((String) js("return document.querySelector('.za-sites-body').textContent")).contains("Area taken"));
    screenshot("sites-corridor-en.png");
    assertEquals(List.of(), consoleErrors());
  }

  @Test
  void theSiteCardPrintsToAPdfWithoutTheToolbarAndWithItsMap() throws Exception {
    String id = topSite.path("id").asText();
    driver.get(server.base() + "/site.html?id=" + id + "&invest_wan=20000");
    waitFor("document.querySelector('h1') && document.querySelector('img.map') && document.querySelector('img.map').complete", 30);
    assertTrue(((Number) js("return document.querySelector('img.map').naturalWidth")).intValue() > 0, "the SVG map loaded");
    String text = driver.findElement(By.id("card")).getText();
    assertTrue(text.contains(topSite.path("name_zh").asText()) && text.contains("标准地测算") && text.contains("周边基础设施"), text);
    assertFalse(text.contains(id), "the parcel is named in words, not by its system id");
    screenshot("site-card.png");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertEquals("none", js("return getComputedStyle(document.querySelector('.toolbar')).display"));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 2300));
    screenshot("site-card-print.png");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    Files.createDirectories(OUT);
    Files.write(OUT.resolve("site-card.pdf"), bytes);
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(raw.startsWith("%PDF"));
    int pages = raw.split("/Type\\s*/Page[^s]", -1).length - 1;
    assertEquals(1, pages, "the card fits on one A4 page");
    assertEquals(List.of(), consoleErrors());
    assertEquals(List.of(), outsideRequests());
  }

  @Test
  void theComparisonShowsUpToThreeSitesSideBySide() throws Exception {
    JsonNode sites = M.readTree(server.get("/api/sites/find?max_m.rail_station=30000&invest_wan=20000&limit=3").body()).path("sites");
    String ids = sites.get(0).path("id").asText() + "," + sites.get(1).path("id").asText() + "," + sites.get(2).path("id").asText();
    driver.get(server.base() + "/site.html?compare=" + ids + "&invest_wan=20000");
    waitFor("document.querySelector('table.cmp')", 30);
    assertEquals(4L, js("return document.querySelector('table.cmp tr').children.length"), "a label column and three sites");
    screenshot("site-compare.png");
    assertEquals(List.of(), consoleErrors());
  }
}
