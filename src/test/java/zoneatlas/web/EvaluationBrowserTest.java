package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * A land officer runs the year in the 年度评价 tab: puts a zone's draft list on public notice and
 * records an objection, all in Chinese; the map's other visitors never see the tab.
 */
@Tag("browser")
class EvaluationBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(TestStores.h2Copy());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String panelText(Browser b) {
    return b.driver.findElement(By.id("panel-evaluation")).getText();
  }

  @Test
  void anOfficerPutsTheListOnNoticeAndRecordsAnObjection() throws Exception {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/");
      b.waitIdle();
      assertFalse(b.driver.findElement(By.id("tab-btn-evaluation")).isDisplayed(), "no tab for the public");
      EditingBrowserTest.loginThroughThePage(b, "land_officer", "土地管理人员");
      EditingBrowserTest.waitVisible(b, "#tab-btn-evaluation").click();
      b.waitFor(Duration.ofSeconds(20), d -> panelText(b).contains("草案（尚未公示）") ? true : null);
      b.js("window.confirm = () => true");
      EditingBrowserTest.waitVisible(b, "#panel-evaluation [data-act=notice]").click();
      b.waitFor(Duration.ofSeconds(20), d -> panelText(b).contains("公示中") && panelText(b).contains("公示期") ? true : null);
      WebElement ground = EditingBrowserTest.waitVisible(b, "#panel-evaluation input[data-k=ground]");
      ground.sendKeys("企业称2024年度入库税收漏计一笔");
      b.driver.findElement(By.cssSelector("#panel-evaluation [data-act=object]")).click();
      b.waitFor(Duration.ofSeconds(20), d -> panelText(b).contains("企业称2024年度入库税收漏计一笔") ? true : null);
      String text = panelText(b);
      assertTrue(text.contains("待处理") || text.contains("提交结论"), text);
      assertTrue(text.contains("公示期满且全部异议处理完毕后才能公布"), text);
      assertFalse(b.driver.findElement(By.cssSelector("#panel-evaluation [data-act=publish]")).isEnabled(),
          "publishing waits for the period and the decisions");
      // the test's login names are role names; real ones are people's
      assertFalse(text.replace("land_officer", "").matches("(?s).*([a-z]+_[a-z]+|zzetdz|xxetdz|-ip-|\\bP-\\d|null|undefined|NaN).*"),
          "no internal code on the Chinese panel: " + text);
      b.screenshot("evaluation-zh-desktop.png");
      // the server agrees
      String zone = (String) b.js("return ZA.evaluation.state.zone");
      JsonNode st = JSON.readTree(server.get("/api/efficiency/evaluation?zone=" + zone, server.token("land_officer")).body());
      assertEquals("notice", st.path("state").asText());
      assertEquals(1, st.path("objections").size());
      MapPageBrowserTest.assertClean(b);
    }
    try (Browser phone = new Browser(server.base(), 390, 844)) {
      phone.open("/");
      // signed in as the page would be after a login (the phone's header folds the login button away)
      phone.js("localStorage.setItem('za.token', arguments[0])", server.token("land_officer"));
      phone.open("/");
      phone.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(phone.js("return !!(ZA.user && ZA.user.seesConfidential)")));
      phone.js("ZA.showPanel('evaluation')");
      phone.waitFor(Duration.ofSeconds(20), d -> panelText(phone).contains("公示中") ? true : null);
      Number over = (Number) phone.js("const p = document.getElementById('panel-evaluation');"
          + " return p.scrollWidth - p.clientWidth");
      assertTrue(over.intValue() <= 1, "the panel fits a phone: " + over + " px too wide");
      phone.screenshot("evaluation-zh-phone.png");
    }
  }
}
