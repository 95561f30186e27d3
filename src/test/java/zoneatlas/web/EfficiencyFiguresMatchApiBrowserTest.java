package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The numbers a land officer reads on a parcel's card are the API's numbers: every 亩均 figure
 * (per 亩 and per hectare), the class, the land counted, the score, and the parcel's own area in 亩
 * and hectares, each compared with the JSON of /api/efficiency/card, /api/efficiency/indicators and
 * /collections/parcels/items/{id}, written the way the page writes them (zh-CN grouping, the
 * decimals details.js uses, half away from zero as Intl.NumberFormat rounds).
 */
@Tag("browser")
class EfficiencyFiguresMatchApiBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;
  static String parcel;
  static JsonNode card;
  static JsonNode row;
  static JsonNode feature;
  static double[] bbox;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    String officer = server.token("land_officer");
    JsonNode rows = JSON.readTree(server.get("/api/efficiency/indicators?level=parcel&zone=zzetdz", officer).body()).path("rows");
    for (JsonNode r : rows) {
      // a classed parcel of one firm, large enough that its area is written with no decimals (>= 100 亩) or with two
      if (parcel == null && r.path("enterprises").asInt() == 1 && r.path("class").isTextual() && r.path("tax_per_mu").isNumber()
          && r.path("area_mu").asDouble() > 20) {
        parcel = r.path("id").asText();
        row = r;
      }
    }
    assertNotNull(parcel, "a classed parcel of one firm");
    card = JSON.readTree(server.get("/api/efficiency/card/parcel/" + parcel, officer).body());
    feature = JSON.readTree(server.get("/collections/parcels/items/" + parcel).body());
    bbox = MapPageBrowserTest.bbox(feature.path("geometry"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** As the page's fmt(v, decimals): zh-CN digits grouped by three, a fixed number of decimals. */
  static String fmt(double v, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(new BigDecimal(v));
  }

  @Test
  void theFiguresClassLandAndAreaOnTheCardAreTheApisWrittenAsThePageWritesThem() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=parcels&c=" + (bbox[1] + bbox[3]) / 2 + "," + (bbox[0] + bbox[2]) / 2 + "&z=17");
      b.waitIdle();
      EditingBrowserTest.loginThroughThePage(b, "land_officer", "土地管理人员");
      b.waitFor(Duration.ofSeconds(40), d -> Boolean.TRUE.equals(
          b.js("return !ZA.test.loading() && ZA.test.parcelIds().includes(arguments[0])", parcel)) ? Boolean.TRUE : null);
      @SuppressWarnings("unchecked")
      Map<String, Number> p = (Map<String, Number>) b.js("return ZA.test.interiorPoint('parcels', arguments[0])", parcel);
      assertNotNull(p, parcel + " is drawn");
      WebElement map = b.driver.findElement(By.id("map"));
      new Actions(b.driver).moveToElement(map, p.get("x").intValue() - map.getSize().getWidth() / 2,
          p.get("y").intValue() - map.getSize().getHeight() / 2).click().perform();
      b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .za-eff .za-eff-figures")).isEmpty()
          ? null : true);
      // what the reader sees: each fact as label -> main, sub; each row of the facts table as header -> cell
      @SuppressWarnings("unchecked")
      Map<String, Object> seen = (Map<String, Object>) b.js("""
          const card = document.querySelector('#tab-details');
          const facts = {};
          card.querySelectorAll('.fact').forEach((f) => {
            const sub = f.querySelector('.fact-sub');
            facts[f.querySelector('.fact-label').innerText.trim()] =
              [f.querySelector('.fact-main').innerText.trim(), sub ? sub.innerText.trim() : ''];
          });
          const rows = {};
          card.querySelectorAll('.za-eff-facts tr').forEach((r) => {
            rows[r.querySelector('th').innerText.trim()] = r.querySelector('td').innerText.trim();
          });
          const cls = card.querySelector('.za-eff-class');
          return {facts, rows, cls: cls ? cls.innerText.trim() : null, clsCode: cls ? cls.dataset.class : null};
          """);
      @SuppressWarnings("unchecked")
      Map<String, java.util.List<String>> facts = (Map<String, java.util.List<String>>) seen.get("facts");
      @SuppressWarnings("unchecked")
      Map<String, String> rows = (Map<String, String>) seen.get("rows");

      // every indicator of the card API, per 亩 and per hectare
      int n = 0;
      for (JsonNode i : card.path("indicators")) {
        java.util.List<String> f = facts.get(i.path("name_zh").asText());
        assertNotNull(f, i.path("name_zh").asText() + " on the card: " + facts.keySet());
        assertEquals(fmt(i.path("per_mu").asDouble(), 2) + " " + i.path("unit_mu").asText(), f.get(0), i.path("key").asText());
        assertEquals(fmt(i.path("per_ha").asDouble(), 1) + " " + i.path("unit_ha").asText(), f.get(1), i.path("key").asText());
        n++;
      }
      assertTrue(n >= 3, "indicators shown: " + n);
      // tax per mu on the card is the figure the indicators table gives for the same parcel
      java.util.List<String> tax = facts.get("亩均税收");
      assertNotNull(tax, facts.keySet().toString());
      assertEquals(fmt(row.path("tax_per_mu").asDouble(), 2) + " 万元/亩", tax.get(0));

      // the class: the card's, the indicators table's, written 「A类」
      assertEquals(row.path("class").asText(), card.path("class").asText());
      assertEquals(card.path("class").asText(), seen.get("clsCode"));
      assertEquals(card.path("class").asText() + "类", seen.get("cls"));

      // land counted, in 亩 and hectares; the score to one decimal
      double land = card.path("land_mu").asDouble();
      assertEquals(fmt(land, 2) + " 亩 · " + fmt(land / 15, 2) + " 公顷", rows.get("计入用地"), rows.toString());
      if (card.path("score").isNumber()) {
        assertEquals(fmt(card.path("score").asDouble(), 1), rows.get("综合得分"), rows.toString());
      }

      // the parcel's own area, from the feature's properties: two decimals under 100 亩, none from 100
      double mu = feature.at("/properties/area_mu").asDouble();
      double m2 = feature.at("/properties/area_m2").asDouble();
      java.util.List<String> area = facts.get("面积");
      assertNotNull(area, facts.keySet().toString());
      assertEquals(fmt(mu, mu < 100 ? 2 : 0) + " 亩", area.get(0));
      assertEquals(fmt(m2 / 10_000, 2) + " 公顷", area.get(1));
      // and the indicators table agrees with the feature on the parcel's area
      assertEquals(mu, row.path("area_mu").asDouble(), 0.005);
      b.screenshot("efficiency-figures-match-api.png");
    }
  }
}
