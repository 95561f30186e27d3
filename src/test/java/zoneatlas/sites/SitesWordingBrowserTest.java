package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import zoneatlas.testing.Chromium;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * What an investment manager reads on the site card and in the site finder, in each language, at
 * desktop and phone sizes: the visible text (innerText, placeholders) holds no system id, code or
 * English sentence in Chinese mode and no Chinese in English mode; the card's distances count
 * only facilities that can serve the site and say the search radius; the card prints on one A4
 * page with its 标准地 verdict; parks and boards are chosen by name. Screenshots in
 * target/screenshots/.
 */
@Tag("browser")
class SitesWordingBrowserTest {
  static final ObjectMapper M = new ObjectMapper();
  static final Path SHOTS = Path.of("target", "screenshots");
  static TestServer server;
  /** An available Xinxiang parcel: the plans have no water works or substation in its city. */
  static String xinxiang;
  /** The finder's top site for a project with investment and tax totals. */
  static JsonNode top;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    // one that sets standard-land requirements, so the card has a verdict to print
    for (JsonNode site : M.readTree(server.get("/api/sites/find?zone=xxetdz&status=available&limit=50").body()).path("sites")) {
      if (site.path("req_invest_wan_per_mu").asDouble() > 0) {
        xinxiang = site.path("id").asText();
        break;
      }
    }
    top = M.readTree(server.get("/api/sites/find?max_m.rail_station=30000&invest_wan=20000&tax_wan=600&limit=3").body())
        .path("sites").get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // -------------------------------------------------------------------------------------------
  // what a reader must not meet

  private static final Pattern CODE = Pattern.compile(
      "(?i:\\b(?:zzetdz|zzhitech|xxetdz|zhengzhou)[-_][a-z0-9])|\\bP-[A-Za-z]+-\\d|\\b[a-z]+_[a-z_]+\\b|\\bnull\\b|\\bundefined\\b|\\bNaN\\b");
  /** Three English words in a row: a sentence or phrase, not a unit or a lone abbreviation. */
  private static final Pattern ASCII_PHRASE = Pattern.compile("[A-Za-z]{2,}(?:[ ,.'’:;/-]+[A-Za-z]{2,}){2,}");
  private static final Pattern HAN = Pattern.compile("[\\u3400-\\u9fff]+");

  /** Problems of a Chinese screen's text: codes, ids, English phrases. */
  static List<String> zhProblems(String text) {
    List<String> out = new ArrayList<>();
    for (Pattern p : List.of(CODE, ASCII_PHRASE)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** Problems of an English screen's text: Chinese words (the switch back to 中文 aside), codes. */
  static List<String> enProblems(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = HAN.matcher(text);
    while (m.find()) {
      if (!m.group().equals("中文")) {
        out.add(m.group());
      }
    }
    Matcher c = CODE.matcher(text);
    while (c.find()) {
      out.add(c.group());
    }
    return out;
  }

  @Test
  void theCheckersCatchWhatTheyLookFor() {
    assertFalse(zhProblems("园区 zzetdz-ip-qibuqu").isEmpty());
    assertFalse(zhProblems("未入选：farther_than_limit.rail_station: 9").isEmpty());
    assertFalse(zhProblems("距 P-XXETDZ-000123 地块").isEmpty());
    assertFalse(zhProblems("Whole park with its own admin committee").isEmpty());
    assertTrue(zhProblems("打印 / 存为 PDF · EN · 要求 ≥ 30% · 2.35 公里").isEmpty());
    assertEquals(List.of("郑州"), enProblems("Zhengzhou 郑州 · 中文"));
  }

  // -------------------------------------------------------------------------------------------
  // helpers

  private static final Map<ChromeDriver, Path> PROFILES = new java.util.concurrent.ConcurrentHashMap<>();

  static ChromeDriver browser(int width, int height) {
    Path profile = Chromium.newProfile();
    ChromeDriver d = Chromium.start(profile, width, height);
    PROFILES.put(d, profile);
    return d;
  }

  static Object js(ChromeDriver d, String script, Object... args) {
    return Chromium.js(d, script, args);
  }

  /** The text a reader sees in an element: rendered text plus the placeholders of empty fields. */
  static String visibleText(ChromeDriver d, String selector) {
    return (String) js(d, "const e = document.querySelector(arguments[0]);"
        + "const ph = [...e.querySelectorAll('input, textarea')].filter(i => !i.value && i.placeholder && i.offsetParent)"
        + ".map(i => i.placeholder);"
        + "return e.innerText + '\\n' + ph.join('\\n');", selector);
  }

  static void screenshot(ChromeDriver d, String name) throws Exception {
    Files.createDirectories(SHOTS);
    Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Prints the page as Chromium's "save as PDF" does and counts its pages. */
  static int printedPages(ChromeDriver d, String file) throws Exception {
    Map<String, Object> pdf = d.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(file), bytes);
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(raw.startsWith("%PDF"));
    return raw.split("/Type\\s*/Page[^s]", -1).length - 1;
  }

  static void quit(ChromeDriver d) {
    d.quit();
    Chromium.removeProfile(PROFILES.remove(d));
  }

  void openCard(ChromeDriver d, String query) {
    d.get(server.base() + "/site.html?" + query);
    Chromium.waitFor(d, "document.querySelector('#card h1') && document.querySelector('img.map')"
        + " && document.querySelector('img.map').complete && document.querySelector('img.map').naturalWidth > 0", 30);
  }

  // -------------------------------------------------------------------------------------------
  // the card

  @Test
  void theCardReadsAsChineseOrEnglishCountsOnlyServingFacilitiesAndPrintsOnOneA4Page() throws Exception {
    ChromeDriver d = browser(1280, 1000);
    try {
      openCard(d, "id=" + xinxiang + "&invest_wan=30000&tax_wan=900");
      String zh = visibleText(d, "body");
      assertEquals(List.of(), zhProblems(zh), zh);
      // the Xinxiang parcel: no Zhengzhou water works or substation, and the search radius said
      String water = d.findElement(By.xpath("//table[contains(@class,'near')]//tr[th[contains(.,'供水设施')]]")).getText();
      assertTrue(water.contains("30 公里内无") && water.contains("同城"), water);
      String substation = d.findElement(By.xpath("//table[contains(@class,'near')]//tr[th[contains(.,'变电站')]]")).getText();
      assertTrue(substation.contains("30 公里内无"), substation);
      String interchange = d.findElement(By.xpath("//table[contains(@class,'near')]//tr[th[contains(.,'高速互通')]]")).getText();
      assertFalse(interchange.contains("46"), "no interchange 46 km away: " + interchange);
      assertTrue(zh.contains("示意") && zh.contains("未经测量"), "the infrastructure is said to be schematic");
      // requirements read as requirements; building coverage as a percentage
      String coverage = d.findElement(By.xpath("//tr[th[normalize-space()='建筑系数']]/td")).getText();
      assertTrue(coverage.matches("要求 ≥ \\d+(\\.\\d+)?%|无要求"), coverage);
      String invest = d.findElement(By.xpath("//tr[th[normalize-space()='固定资产投资强度']]/td")).getText();
      assertTrue(invest.matches("要求 ≥ [\\d.]+ 万元/亩|无要求"), invest);
      assertTrue(zh.contains("标准地测算") && (zh.contains("符合标准地要求") || zh.contains("不符合标准地要求")), "the verdict");
      screenshot(d, "site-card-zh-desktop.png");
      assertEquals(1, printedPages(d, "site-card-zh.pdf"), "the card with its verdict fits one A4 page");

      d.findElement(By.id("lang")).click();
      Chromium.waitFor(d, "document.documentElement.lang === 'en' && document.querySelector('#card h1')"
          + " && document.querySelector('img.map').complete", 10);
      String en = visibleText(d, "body");
      assertEquals(List.of(), enProblems(en), en);
      assertTrue(en.contains("none within 30 km") && en.contains("Standard-land test") && en.contains("at least"), en);
      screenshot(d, "site-card-en-desktop.png");
      assertEquals(1, printedPages(d, "site-card-en.pdf"), "the English card fits one A4 page too");

      // the comparison of the Xinxiang parcel with the finder's top site reads the same way
      d.get(server.base() + "/site.html?compare=" + xinxiang + "," + top.path("id").asText() + "&invest_wan=30000");
      Chromium.waitFor(d, "document.querySelector('table.cmp')", 30);
      String cmp = visibleText(d, "body");
      assertEquals(List.of(), zhProblems(cmp), cmp);
      assertTrue(cmp.contains("30 公里内无") && cmp.contains("要求 ≥"), cmp);
      screenshot(d, "site-compare-zh-desktop.png");
      assertEquals(List.of(), Chromium.consoleErrors(d));
    } finally {
      quit(d);
    }
  }

  /** 390 px is the brief's phone; 360 px (many Android phones) is where the old labels broke. */
  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {360, 390})
  void theCardsToolbarKeepsEachLabelOnOneLineOnAPhone(int width) throws Exception {
    ChromeDriver d = browser(width, 844);
    try {
      openCard(d, "id=" + top.path("id").asText() + "&invest_wan=20000&tax_wan=600");
      assertEquals(width, ((Number) js(d, "return window.innerWidth")).intValue());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) js(d, "return [...document.querySelectorAll('.toolbar a, .toolbar button')]"
          + ".map(e => { const r = e.getBoundingClientRect(); const lh = parseFloat(getComputedStyle(e).lineHeight) || 20;"
          + " const lines = [...e.querySelectorAll('span')].filter(s => s.offsetParent).map(s => s.getClientRects().length);"
          + " return {text: e.innerText, middle: Math.round((r.top + r.bottom) / 2), right: r.right, lines: Math.max(1, ...lines),"
          + " overflow: e.scrollWidth > e.clientWidth + 1}; })");
      for (Map<String, Object> i : items) {
        assertEquals(1L, ((Number) i.get("lines")).longValue(), "one line: " + i);
        assertEquals(Boolean.FALSE, i.get("overflow"), "the label fits its button: " + i);
        assertTrue(((Number) i.get("right")).doubleValue() <= width, "inside the screen: " + i);
      }
      assertEquals(1L, items.stream().map(i -> i.get("middle")).distinct().count(), "one row of tools: " + items);
      assertTrue(((Number) js(d, "return document.documentElement.scrollWidth")).intValue() <= width, "nothing wider than the screen");
      String zh = visibleText(d, "body");
      assertEquals(List.of(), zhProblems(zh), zh);
      screenshot(d, width == 390 ? "site-card-zh-phone.png" : "site-card-zh-phone-" + width + ".png");
      assertEquals(List.of(), Chromium.consoleErrors(d));
    } finally {
      quit(d);
    }
  }

  // -------------------------------------------------------------------------------------------
  // the finder

  void openFinder(ChromeDriver d, String hash) {
    d.get(server.base() + "/" + hash);
    Chromium.waitFor(d, "window.ZA && ZA.test && ZA.test.ready && ZA.sites", 40);
    js(d, "ZA.showPanel('sites')");
    Chromium.waitFor(d, "document.querySelector('.za-find')", 10);
  }

  /** Types into a name picker and picks the first hit; returns the name shown. */
  String pickByName(ChromeDriver d, String field, String typed) {
    WebElement input = d.findElement(By.cssSelector("input[data-pick=" + field + "]"));
    input.clear();
    input.sendKeys(typed);
    String list = "document.querySelector('input[data-pick=" + field + "] ~ .za-pick-list')";
    Chromium.waitFor(d, list + ".dataset.q === " + M.valueToTree(typed.trim()).toString() + " && !" + list + ".hidden && "
        + list + ".querySelector('li[data-i]')", 15);
    d.findElement(By.cssSelector("input[data-pick=" + field + "] ~ .za-pick-list li[data-i]")).click();
    Chromium.waitFor(d, "document.querySelector('input[type=hidden][name=" + field + "]').value", 5);
    return input.getAttribute("value");
  }

  @Test
  void theFinderTakesParksAndBoardsByNameAndSaysItsReasonsAndRankingInWords() throws Exception {
    ChromeDriver d = browser(1400, 1000);
    try {
      openFinder(d, "");
      JsonNode park = M.readTree(server.get("/api/search?q=" + URLEncoder.encode(top.path("park").asText(), StandardCharsets.UTF_8)
          + "&collections=industrial-parks").body()).path("results").get(0);
      String parkName = park.path("name_zh").asText();
      String shown = pickByName(d, "park", parkName.substring(0, Math.min(4, parkName.length())));
      assertFalse(shown.isBlank());
      assertFalse(shown.contains("-"), "a name, not an id: " + shown);
      String parkId = (String) js(d, "return document.querySelector('input[type=hidden][name=park]').value");
      assertTrue(parkId.startsWith(top.path("zone").asText() + "-"), "the API gets the id: " + parkId);
      // typing after a pick forgets the id, so no half-typed name is sent
      d.findElement(By.cssSelector("input[data-pick=park]")).sendKeys("x");
      assertEquals("", js(d, "return document.querySelector('input[type=hidden][name=park]').value"));
      pickByName(d, "park", parkName);
      assertEquals(park.path("id").asText(), js(d, "return document.querySelector('input[type=hidden][name=park]').value"));
      d.findElement(By.name("km_rail_station")).sendKeys("30");
      d.findElement(By.name("km_water_plant")).sendKeys("3");
      d.findElement(By.name("invest")).sendKeys("20000");
      d.findElement(By.cssSelector(".za-find button[type=submit]")).click();
      Chromium.waitFor(d, "document.querySelector('.za-ranking')", 30);
      String sf = (String) js(d, "return ZA.permalink.get('sf') || ''");
      assertTrue(sf.contains("park=" + URLEncoder.encode(park.path("id").asText(), StandardCharsets.UTF_8)), sf);
      js(d, "document.querySelectorAll('.za-sites details').forEach(x => x.open = true)");
      String zh = visibleText(d, ".za-sites");
      assertEquals(List.of(), zhProblems(zh), zh);
      assertTrue(zh.contains("排序方法：") && zh.contains("1 − 实际距离 ÷ 要求的最远距离"), "the ranking in words: " + zh);
      if (zh.contains("未入选原因")) {
        assertTrue(zh.matches("(?s).*\\d+ 个地块.*"), "reasons as sentences: " + zh);
      }
      screenshot(d, "finder-zh-desktop.png");

      js(d, "document.getElementById('lang-toggle').click()");
      Chromium.waitFor(d, "document.querySelector('.za-sites-nav .btn').textContent === 'Finder'", 10);
      d.findElement(By.cssSelector(".za-find button[type=submit]")).click();
      Chromium.waitFor(d, "document.querySelector('.za-ranking') && document.querySelector('.za-ranking').textContent.startsWith('Ranking')", 30);
      js(d, "document.querySelectorAll('.za-sites details').forEach(x => x.open = true)");
      String en = visibleText(d, ".za-sites");
      assertEquals(List.of(), enProblems(en), en);
      assertTrue(en.contains("The score runs from 0 to 1"), en);
      screenshot(d, "finder-en-desktop.png");
      assertEquals(List.of(), Chromium.consoleErrors(d));
    } finally {
      quit(d);
    }
  }

  @Test
  void theFinderFitsAPhoneAndItsResultsNameSitesInWords() throws Exception {
    ChromeDriver d = browser(390, 844);
    try {
      String q = "max_m.rail_station=30000&invest_wan=20000&tax_wan=600&board=" + top.path("board").asText() + "&limit=100";
      openFinder(d, "?sf=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      Chromium.waitFor(d, "document.querySelectorAll('.za-sites-found > li').length > 0", 30);
      Chromium.waitFor(d, "document.querySelector('input[data-pick=board]').value", 10);
      String first = (String) js(d, "return document.querySelector('.za-sites-found > li b').textContent");
      assertEquals(top.path("name_zh").asText(), first, "the top site, named in words");
      String board = (String) js(d, "return document.querySelector('input[data-pick=board]').value");
      assertFalse(board.contains(top.path("board").asText()), "the board from the link shows by name: " + board);
      int overflow = ((Number) js(d, "const p = document.querySelector('.za-sites'); return p.scrollWidth - p.clientWidth")).intValue();
      assertTrue(overflow <= 0, "the panel is no wider than the phone: " + overflow);
      String zh = visibleText(d, ".za-sites");
      assertEquals(List.of(), zhProblems(zh), zh);
      js(d, "document.querySelector('.za-sites-found').scrollIntoView()");
      screenshot(d, "finder-zh-phone.png");
      assertEquals(List.of(), Chromium.consoleErrors(d));
    } finally {
      quit(d);
    }
  }
}
