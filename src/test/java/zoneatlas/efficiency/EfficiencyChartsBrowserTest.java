package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import zoneatlas.testing.Chromium;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The 亩均效益 panel's charts in headless Chromium: the year trend (zones, then parks) and the
 * distribution of classes are drawn; a value withheld from an anonymous visitor reads
 * "不足3家企业，已隐去", never 0 or 无数据; the low-efficiency list shows 12 rows with 显示全部/收起 and
 * sets 批而未供 apart from land supplied and left unused. Screenshots: target/screenshots/.
 */
@Tag("browser")
class EfficiencyChartsBrowserTest {
  static final Path OUT = Path.of("target", "screenshots");
  static TestServer server;
  ChromeDriver driver;
  Path profile;

  @BeforeAll
  static void start() {
    server = new TestServer(TestStores.h2());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() {
    profile = Chromium.newProfile();
    driver = Chromium.start(profile, 1400, 1000);
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

  void shot(String name) throws Exception {
    Files.createDirectories(OUT);
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  void openAs(String user, String query) {
    driver.get(server.base() + "/");
    if (user != null) {
      js("localStorage.setItem('za.token', arguments[0])", server.token(user));
    }
    driver.get(server.base() + "/" + query);
    waitFor("window.ZA && ZA.test && ZA.test.ready && ZA.efficiency && ZA.efficiency.state.trend && !ZA.efficiency.state.busy", 90);
    js("ZA.showPanel('efficiency')");
  }

  long count(String selector) {
    return (Long) js("return document.querySelectorAll(arguments[0]).length", "#panel-efficiency " + selector);
  }

  String text(String selector) {
    return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", "#panel-efficiency " + selector);
  }

  @Test
  void aLandOfficerSeesTheTrendAndTheClassDistributionDrawn() throws Exception {
    openAs("land_officer", "?ez=zzetdz");
    assertEquals(1L, count("svg.effc-trend path.effc-line"), "one zone: one line");
    assertTrue(count("svg.effc-trend circle.effc-dot") >= 3, "a point per year");
    assertTrue(count("svg.effc-classes rect.effc-seg") >= 3, "class segments drawn");
    assertTrue(text("").contains("历年趋势") && text("").contains("分类分布"));
    // the parks of the zone, one line each (at most 8)
    js("const s = document.querySelector('#panel-efficiency select[data-trend=level]'); s.value = 'industrial-park';"
        + " s.dispatchEvent(new Event('change'));");
    waitFor("ZA.efficiency.state.trend.level === 'industrial-park' && document.querySelectorAll('#panel-efficiency svg.effc-trend path.effc-line').length > 1", 30);
    long lines = count("svg.effc-trend path.effc-line");
    assertTrue(lines > 1 && lines <= 8, "park lines: " + lines);
    js("document.querySelector('#panel-efficiency svg.effc-trend').scrollIntoView()");
    shot("efficiency-charts-officer.png");
    // the officer's downloads: the lists and, with a zone chosen, the zone's report, as the server names them
    assertEquals(2L, count("[data-dl*='/api/efficiency/report']"));
    assertTrue(text("").contains("政策名单与年度报告"));
    @SuppressWarnings("unchecked")
    List<Object> got = (List<Object>) driver.executeAsyncScript("const cb = arguments[arguments.length - 1];"
        + "const b = document.querySelector(\"#panel-efficiency [data-dl*='/api/efficiency/report'][data-dl*='format=pdf']\");"
        + "ZA.fetch(b.dataset.dl, {headers: {Accept: '*/*'}}).then((r) => cb([r.status, r.headers.get('Content-Type'),"
        + " decodeURIComponent((r.headers.get('Content-Disposition') || '').split(\"''\")[1] || '')]));");
    assertEquals(200L, got.get(0));
    assertTrue(((String) got.get(1)).startsWith("application/pdf"));
    assertTrue(((String) got.get(2)).endsWith("郑州经济技术开发区工业企业亩均效益综合评价报告.pdf"), (String) got.get(2));
    assertEquals(List.of(), Chromium.consoleErrors(driver));
  }

  @Test
  void aValueWithheldFromAnAnonymousVisitorReadsWithheldNeverZeroOrNoData() throws Exception {
    openAs(null, "");
    // a park whose figures of some year rest on fewer than 3 firms, found through the API the panel uses
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) driver.executeAsyncScript("const cb = arguments[arguments.length - 1];"
        + "ZA.api('/api/efficiency/trend?level=industrial-park').then((t) => { const r = t.rows.find((x) =>"
        + " t.years.some((y) => x['withheld_y' + y] === true)); cb(r ? [r.zone, r.name_zh] : null); });");
    assertTrue(found != null, "the demo data has a park withheld in some year");
    driver.get(server.base() + "/?ez=" + found.get(0) + "&et=industrial-park");
    waitFor("window.ZA && ZA.test && ZA.test.ready && ZA.efficiency && ZA.efficiency.state.trend && !ZA.efficiency.state.busy", 90);
    js("ZA.showPanel('efficiency')");
    String note = text(".eff-trend-withheld");
    assertTrue(note.contains(found.get(1)) && note.contains("不足3家企业，已隐去"), "the withheld park is named as withheld: " + note);
    String chart = text("svg.effc-trend");
    assertFalse(chart.contains("无数据"), chart);
    // no withheld value is drawn as a point (a point would have a number)
    @SuppressWarnings("unchecked")
    List<String> dots = (List<String>) js("return [...document.querySelectorAll('#panel-efficiency svg.effc-trend circle.effc-dot title')].map((t) => t.textContent)");
    for (String d : dots) {
      assertFalse(d.endsWith("：0"), "a dot at 0: " + d);
    }
    js("document.querySelector('#panel-efficiency .eff-trend-withheld').scrollIntoView()");
    shot("efficiency-charts-anonymous.png");
    assertEquals(List.of(), Chromium.consoleErrors(driver));
  }

  @Test
  void theLowEfficiencyListShowsAllOrFewerAndSetsApprovedButNotSuppliedLandApart() throws Exception {
    openAs(null, "?ez=zzetdz");
    long total = (Long) js("return ZA.efficiency.state.lowFc.features.length");
    assertTrue(total > 12, "more low-efficiency parcels than the first rows: " + total);
    assertEquals(12L, count("table.eff-low tbody tr"));
    String button = text("[data-act=low-all]");
    assertEquals("显示全部 " + total + " 宗", button);
    js("document.querySelector('#panel-efficiency [data-act=low-all]').click()");
    assertEquals(total, count("table.eff-low tbody tr"));
    assertEquals("收起", text("[data-act=low-all]"));
    js("document.querySelector('#panel-efficiency [data-act=low-all]').click()");
    assertEquals(12L, count("table.eff-low tbody tr"));
    // 批而未供 is its own category, explained as land not yet supplied, apart from 供而未用
    String approved = text(".eff-lowcat-approved");
    assertTrue(approved.startsWith("批而未供") && approved.contains("尚未供应") && approved.contains("单列"), approved);
    assertTrue(count(".eff-lowcat-supplied") == 1, "供而未用 is a category of its own");
    js("document.querySelector('#panel-efficiency [data-act=low-all]').click()");
    long tagged = count("tr.eff-low-approved .eff-tag-unsupplied");
    assertEquals(count("tr.eff-low-approved"), tagged, "every 批而未供 row carries the 未供应 tag");
    assertTrue(tagged > 0);
    String table = text("table.eff-low");
    assertFalse(table.matches("(?s).*\\bP-\\d.*"), "parcels are placed by name, not by id");
    js("document.querySelector('#panel-efficiency .eff-lowcats').scrollIntoView()");
    shot("efficiency-low-list.png");
    assertEquals(List.of(), Chromium.consoleErrors(driver));
  }
}
