package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The whole app speaks its reader's language (issue 14's done criterion): each main screen — the
 * map with its layers panel, a plan feature's card with its source, the 此处 list, the 亩均 panel,
 * the import panel and the audit page — is opened as its user would (the audit and import as an
 * administrator), in Chinese and in English, at a desktop (1366×768) and a phone (390×844) size,
 * and what the user reads (the page's visible text, its title and the title, placeholder and
 * aria-label of what is shown) is checked: in Chinese no internal code (ids like zzetdz or
 * xxetdz-ip-…, snake_case words, file names, null, undefined, NaN) and no English sentence (three
 * English words in a row); in English the page's own labels (tabs, buttons, headings, field and
 * column labels) carry no Chinese. Screenshots of every screen go to target/screenshots/lang-*.png.
 *
 * <p>The legend, the basemap list, the "此处有" chooser and the site finder are read by
 * {@link #theLegendTheChooserTheBasemapsAndTheFinderReadInTheirLanguage} with nothing left out;
 * the other screens leave them out ({@link #OTHERS}), so a problem is reported once. The printed
 * site card is read by sites/SitesWordingBrowserTest.
 */
@Tag("browser")
class LanguageBrowserTest {
  static final int[][] SIZES = {{1366, 768}, {390, 844}};
  /** Internal codes a Chinese reader must never meet. */
  static final Pattern CODE = Pattern.compile(
      "\\b(zzetdz|zzhitech|xxetdz)\\b|-(ip|cb|sm|inf)-|\\bP-\\d|\\bP-[A-Za-z]+-[0-9A-Z]|\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b|\\b\\w+\\.(txt|geojson)\\b"
          + "|\\bnull\\b|\\bundefined\\b|\\bNaN\\b");
  /** Three English words in a row: a sentence (or a phrase) that was not translated. */
  static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\\b");
  /** Elements read by their own test, left out of the other screens' reading (see the class comment). */
  static final String OTHERS = ".za-legend, .za-here-popup, .basemaps, .bm-note, .za-sites-find";
  /** Labels of the page itself, which must be English in English. */
  static final String CHROME = "button, label, thead th, .za-attrs th, h1, h2, h3, h4, legend, summary, .fact-label, "
      + ".za-source-label, .za-tab, [role=tab], .za-kicker";
  static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  static zoneatlas.store.SqlStore store;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    // a land officer with a person's user name, as deployments have them, makes one edit the audit shows
    store = TestStores.h2Copy();
    server = new TestServer(store, java.util.Map.of("auth.user.wang",
        "land_officer:" + zoneatlas.auth.Passwords.hash(TestStores.PASSWORD)));
    String parcel = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        server.get("/collections/parcels/items?limit=1&status=idle").body()).at("/features/0/id").asText();
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/collections/parcels/items/" + parcel))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":1.2}}"))
        .header("Content-Type", "application/merge-patch+json").header("Authorization", "Bearer " + server.token("wang"))
        .header("X-Change-Reason", java.net.URLEncoder.encode("容积率核实调整", java.nio.charset.StandardCharsets.UTF_8)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  /** What the reader reads: visible text, the title, and the title/placeholder/aria-label of visible elements. */
  static List<String> readable(Browser b) {
    return readable(b, OTHERS);
  }

  /** As above, leaving out what lies inside elements matching {@code others}. */
  @SuppressWarnings("unchecked")
  static List<String> readable(Browser b, String others) {
    return (List<String>) b.js("const others = [...document.querySelectorAll(arguments[0])];"
        + "const hidden = (e) => others.some((o) => o.contains(e));"
        + "const out = [document.title];"
        + "const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
        + "for (let n = walk.nextNode(); n; n = walk.nextNode()) {"
        + "  const e = n.parentElement; if (!e || hidden(e) || !n.textContent.trim()) continue;"
        + "  if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(e.tagName)) continue;"
        + "  if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;"
        + "  if (e.closest('option') && !e.closest('select')) continue;"
        + "  out.push(n.textContent.trim()); }"
        + "for (const e of document.querySelectorAll('[title], [placeholder], [aria-label]')) {"
        + "  if (hidden(e) || !e.getClientRects().length) continue;"
        + "  for (const a of ['title', 'placeholder', 'aria-label']) { const v = e.getAttribute(a); if (v && v.trim()) out.push(v.trim()); } }"
        + "return out;", others);
  }

  /** The texts of the page's own labels (see {@link #CHROME}). */
  static List<String> chrome(Browser b) {
    return chrome(b, OTHERS);
  }

  @SuppressWarnings("unchecked")
  static List<String> chrome(Browser b, String others) {
    return (List<String>) b.js("const others = [...document.querySelectorAll(arguments[0])];"
        + "return [...document.querySelectorAll(arguments[1])].filter((e) => e.getClientRects().length"
        + "  && !others.some((o) => o.contains(e))).map((e) => e.innerText.trim()).filter((t) => t);", others, CHROME);
  }

  static List<String> problemsZh(List<String> texts) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      Matcher c = CODE.matcher(t);
      if (c.find()) {
        out.add("code '" + c.group() + "' in: " + cut(t));
      }
      Matcher e = ENGLISH.matcher(t);
      if (e.find()) {
        out.add("English '" + e.group() + "' in: " + cut(t));
      }
    }
    return new ArrayList<>(out);
  }

  static List<String> problemsEn(List<String> texts, List<String> labels) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : texts) {
      Matcher c = Pattern.compile("\\bnull\\b|\\bundefined\\b|\\bNaN\\b|\\b\\w+\\.(txt|geojson)\\b|\\b[a-z]+_[a-z_]+\\b").matcher(t);
      if (c.find()) {
        out.add("code '" + c.group() + "' in: " + cut(t));
      }
    }
    for (String l : labels) {
      // the switch to Chinese is written in Chinese, as language switches are
      if (HAN.matcher(l).find() && !l.equals("中文")) {
        out.add("Chinese label: " + cut(l));
      }
    }
    return new ArrayList<>(out);
  }

  static String cut(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 160 ? one.substring(0, 160) + "…" : one;
  }

  /** Opens the map page as a user (null: a guest) in a language and waits until it has drawn. */
  static void openMap(Browser b, String user, String lang, String query) {
    b.driver.get(server.base() + "/");
    b.js("localStorage.clear(); if (arguments[0]) localStorage.setItem('za.token', arguments[0]);",
        user == null ? null : server.token(user));
    b.open("/?lang=" + lang + (query.isEmpty() ? "" : "&" + query));
    b.waitIdle();
  }

  static void check(Browser b, String screen, String lang, int[] size, List<String> problems) {
    b.screenshot("lang-" + screen + "-" + lang + "-" + size[0] + "x" + size[1] + ".png");
    for (String p : problems) {
      problems.set(problems.indexOf(p), screen + " (" + lang + ", " + size[0] + "×" + size[1] + "): " + p);
    }
  }

  /** Reads the current screen in its language; the problems found, each naming the screen. */
  static List<String> read(Browser b, String screen, String lang, int[] size) {
    List<String> p = "en".equals(lang) ? problemsEn(readable(b), chrome(b)) : problemsZh(readable(b));
    check(b, screen, lang, size, p);
    return p;
  }

  @ParameterizedTest(name = "the map, a plan feature, 此处, 亩均 and the import panel read in {0}")
  @ValueSource(strings = {"zh", "en"})
  void everyMainScreenOfTheMapReadsInItsLanguage(String lang) {
    List<String> problems = new ArrayList<>();
    for (int[] size : SIZES) {
      try (Browser b = new Browser(server.base(), size[0], size[1])) {
        // the map with its layers panel
        openMap(b, null, lang, "");
        b.js("ZA.showPanel('layers')");
        problems.addAll(read(b, "map", lang, size));

        // a plan feature's card with its source and the plan's words
        openMap(b, null, lang, "s=industrial-parks:zzetdz-ip-wuliuyuanqu");
        b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js(
            "return document.querySelectorAll('#tab-details .za-source-text li').length > 0"
                + " && !!document.querySelector('#tab-details .za-summary table')")));
        String cite = (String) b.js("return document.querySelector('#tab-details .za-source-cite').textContent");
        if ("zh".equals(lang)) {
          assertTrue(cite.startsWith("《郑州经济技术开发区国民经济和社会发展第十四个五年规划"), cite);
          String first = (String) b.js("return document.querySelector('#tab-details .za-source-text li').textContent");
          assertTrue(first.startsWith("第417行"), "the quote opens with the plan's text, not the notice: " + first);
          assertTrue(((String) b.js("return document.querySelector('#tab-details').innerText")).contains("定位说明"));
        } else {
          assertTrue(cite.startsWith("Zhengzhou ETDZ 14th Five-Year Plan"), cite);
        }
        problems.addAll(read(b, "plan-feature", lang, size));

        // 此处: what lies at a point inside the park
        openMap(b, null, lang, "");
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) b.js("const p = ZA.test.interiorPoint('industrial-parks', 'zzetdz-ip-wuliuyuanqu');"
            + "const ll = ZA.map.containerPointToLatLng([p.x, p.y]); return [ll.lng, ll.lat];");
        b.js("ZA.showPanel('sites'); return ZA.sites.here(arguments[0], arguments[1])", at.get(0), at.get(1));
        b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js("return document.querySelectorAll('.za-sites-list li').length > 1")));
        problems.addAll(read(b, "here", lang, size));

        // the 亩均 panel, as a land officer
        openMap(b, "wang", lang, "");
        b.js("ZA.showPanel('efficiency')");
        b.waitFor(Duration.ofSeconds(90), d -> Boolean.TRUE.equals(b.js(
            "return !!(ZA.efficiency && ZA.efficiency.state.tableRows && !ZA.efficiency.state.busy)")));
        problems.addAll(read(b, "efficiency", lang, size));

        // the import panel, as an administrator
        openMap(b, "admin", lang, "");
        b.js("ZA.showPanel('import')");
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js("return !!document.querySelector('#panel-import .imp-intro, #panel-import input[type=file]')")));
        problems.addAll(read(b, "import", lang, size));
        assertEquals(List.of(), b.consoleErrors(), "console errors");
      }
    }
    assertEquals(List.of(), problems, "what a " + lang + " reader would meet");
  }

  @ParameterizedTest(name = "the audit page reads in {0}")
  @ValueSource(strings = {"zh", "en"})
  void theAuditPageReadsInItsLanguage(String lang) {
    List<String> problems = new ArrayList<>();
    for (int[] size : SIZES) {
      try (Browser b = new Browser(server.base(), size[0], size[1])) {
        b.driver.get(server.base() + "/audit.html");
        b.js("localStorage.setItem('za.token', arguments[0])", server.token("admin"));
        b.driver.get(server.base() + "/audit.html?lang=" + lang);
        b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
            "return !!(window.AUDIT && AUDIT.ready && !AUDIT.busy && document.querySelectorAll('tr.change').length >= 1)")));
        // open the newest change (the edit) to its details
        b.js("document.querySelector('tr.change button.expand').click()");
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js("return !!document.querySelector('tr.detail')")));
        String time = (String) b.js("return document.querySelector('tr.change td.time').textContent.trim()");
        assertTrue(time.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), "a time as the exports write it: " + time);
        problems.addAll(read(b, "audit", lang, size));
        assertEquals(List.of(), b.consoleErrors(), "console errors");
      }
    }
    assertEquals(List.of(), problems, "what a " + lang + " reader would meet");
  }

  /** Nothing left out: a selector that matches no element. */
  static final String NOTHING = ".za-nothing-left-out";

  /** Reads the whole screen, the elements other screens leave out included. */
  static List<String> readAll(Browser b, String screen, String lang, int[] size) {
    List<String> p = "en".equals(lang) ? problemsEn(readable(b, NOTHING), chrome(b, NOTHING)) : problemsZh(readable(b, NOTHING));
    check(b, screen, lang, size, p);
    return p;
  }

  @ParameterizedTest(name = "the legend, the 此处有 chooser, the basemap list and the site finder read in {0}")
  @ValueSource(strings = {"zh", "en"})
  void theLegendTheChooserTheBasemapsAndTheFinderReadInTheirLanguage(String lang) {
    List<String> problems = new ArrayList<>();
    for (int[] size : SIZES) {
      try (Browser b = new Browser(server.base(), size[0], size[1])) {
        // inside a park inside a core board at zoom 16: parcels drawn, several features under a click
        openMap(b, null, lang, "");
        b.js("const p = ZA.test.interiorPoint('industrial-parks', 'zzetdz-ip-wuliuyuanqu');"
            + "ZA.map.setView(ZA.map.containerPointToLatLng([p.x, p.y]), 16, {animate: false});");
        b.waitIdle();
        b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
            "return ZA.parcelAt(ZA.map.getCenter()) !== null && !!document.querySelector('.za-legend .lg-item')")) ? true : null);

        // the legend, opened where it starts folded (a phone)
        b.js("const l = document.querySelector('.za-legend'); if (l.classList.contains('collapsed')) l.querySelector('.za-legend-head').click();");
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js(
            "return !document.querySelector('.za-legend').classList.contains('collapsed')")) ? true : null);
        String legend = (String) b.js("return document.querySelector('.za-legend').innerText");
        assertTrue(legend.toLowerCase(java.util.Locale.ROOT).contains("zh".equals(lang) ? "用地分类" : "land use"), "the parcels' classes are listed: " + legend);
        problems.addAll(readAll(b, "legend", lang, size));
        b.js("document.querySelector('.za-legend .za-legend-head').click()");

        // the chooser of what lies under a click
        new org.openqa.selenium.interactions.Actions(b.driver).moveToElement(b.driver.findElement(org.openqa.selenium.By.id("map")))
            .click().perform();
        org.openqa.selenium.WebElement here = b.waitFor(Duration.ofSeconds(20), d -> d.findElements(
            org.openqa.selenium.By.cssSelector(".za-here")).stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst()
            .orElse(null));
        b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js("return !!(ZA.selected && ZA.selected.id)")) ? true : null);
        b.js("return new Promise(r => setTimeout(r, 700))"); // on a phone the chooser comes back above the sheet
        assertTrue(here.getText().startsWith("zh".equals(lang) ? "此处有" : "Here:"), here.getText());
        problems.addAll(readAll(b, "chooser", lang, size));

        // the basemap list
        b.js("ZA.showPanel('layers')");
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js(
            "const e = document.querySelector('.basemaps'); return !!e && e.getClientRects().length > 0")) ? true : null);
        problems.addAll(readAll(b, "basemaps", lang, size));

        // the site finder
        b.js("ZA.showPanel('sites')");
        b.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(b.js(
            "const e = document.querySelector('.za-find'); return !!e && e.getClientRects().length > 0")) ? true : null);
        problems.addAll(readAll(b, "finder", lang, size));
        assertEquals(List.of(), b.consoleErrors(), "console errors");
      }
    }
    assertEquals(List.of(), problems, "what a " + lang + " reader would meet");
  }
}
