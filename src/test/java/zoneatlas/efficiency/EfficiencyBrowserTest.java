package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
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
 * The 亩均效益 panel in headless Chromium, offline: it lists a ranking, recolours the parcels the
 * map draws and the parks, shows the low-efficiency layer, and gives a land officer what-if
 * classes without a script error.
 */
@Tag("browser")
class EfficiencyBrowserTest {
  static final Path OUT = Path.of(System.getProperty("java.io.tmpdir"), "zoneatlas-efficiency-screenshots");
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

  List<String> errors() {
    return Chromium.consoleErrors(driver);
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
    waitFor("window.ZA && ZA.test && ZA.test.ready && ZA.efficiency && ZA.efficiency.state.tableRows && !ZA.efficiency.state.busy", 90);
  }

  @Test
  void anonymousVisitorsSeeParkRankingsAndColouredParks() throws Exception {
    openAs(null, "?ez=zzetdz&em=groups");
    js("ZA.showPanel('efficiency')");
    long rows = (Long) js("return document.querySelectorAll('#panel-efficiency .eff-table tbody tr[data-id]').length");
    assertTrue(rows >= 5, "ranking rows: " + rows);
    assertTrue((Boolean) js("return document.querySelector('#panel-efficiency').textContent.includes('亩均税收')"));
    assertTrue((Boolean) js("return document.querySelector('#panel-efficiency').textContent.includes('企业分类属保密信息')"));
    assertTrue((Boolean) js("return document.querySelector('.za-legend').textContent.includes('亩均效益')"), "the park layer has a legend");
    shot("anonymous.png");
    assertEquals(List.of(), errors());
  }

  @Test
  void aLandOfficerRecoloursParcelsByClassAndRunsAWhatIf() throws Exception {
    openAs("land_officer", "?ez=zzetdz&ei=class&em=groups,low,parcels");
    js("ZA.showPanel('efficiency')");
    // zoom to the parcels of the busiest park, where the map draws them
    js("const s = ZA.efficiency.state; const r = s.groupRows.rows.slice().sort((a,b) => b.enterprises - a.enterprises)[0];"
        + "ZA.selectFeature('industrial-parks', r.id, {fit: true}).then(() => ZA.map.setZoom(15));");
    waitFor("ZA.test.counts().parcels > 20 && !ZA.test.loading()", 60);
    @SuppressWarnings("unchecked")
    Map<String, Object> fills = (Map<String, Object>) js("return ZA.test.parcelFills()");
    assertTrue(fills.keySet().stream().anyMatch(c -> List.of("#1a9850", "#a6d96a", "#fdae61", "#d73027").contains(c)),
        "parcels take class colours: " + fills);
    assertTrue((Boolean) js("return document.querySelector('.za-legend').textContent.includes('分类等级')"));
    assertTrue((Boolean) js("return document.querySelector('.za-legend').textContent.includes('低效用地')"));
    js("ZA.showPanel('efficiency')");
    shot("officer-classes.png");
    js("const r = document.querySelector('#panel-efficiency input[data-w=tax_per_mu]'); r.value = 90; r.dispatchEvent(new Event('input'));");
    js("document.querySelector('#panel-efficiency [data-act=run]').click()");
    waitFor("ZA.efficiency.state.whatif && !ZA.efficiency.state.busy", 60);
    assertTrue((Boolean) js("return document.querySelector('#panel-efficiency .eff-whatif-on') !== null"));
    js("document.querySelector('#panel-efficiency .eff-whatif').scrollIntoView()");
    shot("officer-whatif.png");
    assertEquals(List.of(), errors());
  }

  /** The number in each weight's box, read from the panel. */
  @SuppressWarnings("unchecked")
  Map<String, Object> weightBoxes() {
    return (Map<String, Object>) js("const m = {}; document.querySelectorAll('#panel-efficiency input[data-wn]')"
        + ".forEach((n) => m[n.dataset.wn] = n.value); return m;");
  }

  String totalLine() {
    return (String) js("return document.querySelector('#panel-efficiency .eff-total').textContent");
  }

  @Test
  void movingOneWeightAdjustsTheOthersSoTheTotalStays100() throws Exception {
    openAs("land_officer", "?ez=zzetdz");
    js("ZA.showPanel('efficiency'); document.querySelector('#panel-efficiency .eff-whatif').open = true;");
    Map<String, Object> before = weightBoxes();
    assertTrue(before.size() >= 3, "weights: " + before);
    assertTrue(totalLine().contains("权重合计 100 分"), totalLine());
    js("const r = document.querySelector('#panel-efficiency input[data-w=tax_per_mu]'); r.value = 60; r.dispatchEvent(new Event('input'));");
    Map<String, Object> after = weightBoxes();
    assertEquals("60", after.get("tax_per_mu"));
    int total = 0;
    int lowered = 0;
    for (Map.Entry<String, Object> e : after.entrySet()) {
      int v = Integer.parseInt((String) e.getValue());
      total += v;
      if (!e.getKey().equals("tax_per_mu") && v < Integer.parseInt((String) before.get(e.getKey()))) {
        lowered++;
      }
    }
    assertEquals(100, total, "the boxes add up to 100: " + after);
    assertEquals(after.size() - 1, lowered, "every other weight gave up points: " + before + " → " + after);
    assertTrue(totalLine().contains("权重合计 100 分"), totalLine());
    assertEquals(Boolean.FALSE, js("return document.querySelector('#panel-efficiency [data-act=run]').disabled"));

    // typed by hand, without the adjustment: 5 points short, the run button waits and the total turns red
    js("const a = document.querySelector('#panel-efficiency input[data-k=autoBalance]'); a.checked = false; a.dispatchEvent(new Event('change'));"
        + "const n = document.querySelector('#panel-efficiency input[data-wn=tax_per_mu]'); n.value = '55'; n.dispatchEvent(new Event('input'));");
    assertTrue(totalLine().contains("95") && totalLine().contains("须为 100 分"), totalLine());
    assertEquals(Boolean.TRUE, js("return document.querySelector('#panel-efficiency [data-act=run]').disabled"));
    assertEquals(Boolean.TRUE, js("return document.querySelector('#panel-efficiency .eff-total').classList.contains('eff-total-bad')"));
    js("const n = document.querySelector('#panel-efficiency input[data-wn=tax_per_mu]'); n.value = '60'; n.dispatchEvent(new Event('input'));");
    assertEquals(Boolean.FALSE, js("return document.querySelector('#panel-efficiency [data-act=run]').disabled"));

    js("document.querySelector('#panel-efficiency [data-act=run]').click()");
    waitFor("ZA.efficiency.state.whatif && !ZA.efficiency.state.busy", 60);
    String panel = (String) js("return document.querySelector('#panel-efficiency .eff-whatif').textContent");
    assertTrue(panel.contains("模拟") && panel.contains("正式"), "labelled 模拟 and 正式");
    assertTrue(panel.matches("(?s).*升级 [1-9][0-9]* 家 · 降级 [1-9][0-9]* 家.*"), "moves both ways are shown");
    assertTrue((Long) js("return document.querySelectorAll('#panel-efficiency .eff-movers tbody tr').length") > 0);
    assertFalse(panel.contains("tax_per_mu") || panel.contains("zzetdz"), "no internal codes on the Chinese screen");
    js("document.querySelector('#panel-efficiency .eff-whatif').scrollIntoView()");
    shot("officer-whatif-100.png");
    assertEquals(List.of(), errors());
  }
}
