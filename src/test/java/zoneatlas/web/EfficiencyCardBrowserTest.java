package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
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
 * A click on a parcel of one or two enterprises: a land officer's card shows its 亩均 figures in
 * 万元/亩 and its class; an anonymous visitor's card of the same parcel says the figures are
 * withheld and shows no figure of a single firm.
 */
@Tag("browser")
class EfficiencyCardBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;
  static String parcel;
  static String taxPerMu;
  static double[] bbox;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    String officer = server.token("land_officer");
    // a classed parcel of one or two reporting firms, as the card endpoint tells an officer and the public
    JsonNode rows = JSON.readTree(server.get("/api/efficiency/indicators?level=parcel&zone=zzetdz", officer).body()).path("rows");
    JsonNode publicRows = JSON.readTree(server.get("/api/efficiency/indicators?level=parcel&zone=zzetdz").body()).path("rows");
    for (int i = 0; i < rows.size() && parcel == null; i++) {
      JsonNode r = rows.get(i);
      JsonNode pub = publicRows.get(i);
      if (r.path("enterprises").asInt() >= 1 && r.path("enterprises").asInt() <= 2 && r.path("class").isTextual()
          && r.path("tax_per_mu").isNumber() && pub.path("suppressed").asBoolean() && r.path("area_mu").asDouble() > 20) {
        assertEquals(r.path("id").asText(), pub.path("id").asText());
        parcel = r.path("id").asText();
      }
    }
    assertNotNull(parcel, "a parcel of one or two firms");
    JsonNode card = JSON.readTree(server.get("/api/efficiency/card/parcel/" + parcel, officer).body());
    taxPerMu = String.format("%,.2f", card.at("/indicators/0/per_mu").asDouble());
    bbox = MapPageBrowserTest.bbox(JSON.readTree(server.get("/collections/parcels/items/" + parcel).body()).path("geometry"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Opens the map on the parcel and clicks it where the tiles drew it; returns the 亩均 section once drawn. */
  static WebElement clickParcel(Browser b, String readyCss) {
    b.waitFor(Duration.ofSeconds(40), d -> Boolean.TRUE.equals(
        b.js("return !ZA.test.loading() && ZA.test.parcelIds().includes(arguments[0])", parcel)) ? Boolean.TRUE : null);
    @SuppressWarnings("unchecked")
    Map<String, Number> p = (Map<String, Number>) b.js("return ZA.test.interiorPoint('parcels', arguments[0])", parcel);
    assertNotNull(p, parcel + " is drawn");
    WebElement map = b.driver.findElement(By.id("map"));
    new Actions(b.driver).moveToElement(map, p.get("x").intValue() - map.getSize().getWidth() / 2,
        p.get("y").intValue() - map.getSize().getHeight() / 2).click().perform();
    b.waitFor(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#tab-details .za-title")).stream()
        .anyMatch(e -> e.getText().equals(ParcelTitle.zh(parcel))) ? true : null);
    return b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("#tab-details .za-eff " + readyCss)).isEmpty()
        ? null : d.findElement(By.cssSelector("#tab-details .za-eff")));
  }

  String view() {
    return "/?l=parcels&c=" + (bbox[1] + bbox[3]) / 2 + "," + (bbox[0] + bbox[2]) / 2 + "&z=17";
  }

  @Test
  void aLandOfficerClickingAParcelSeesItsFiguresPerMuAndItsClass() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open(view());
      b.waitIdle();
      EditingBrowserTest.loginThroughThePage(b, "land_officer", "土地管理人员");
      WebElement eff = clickParcel(b, ".za-eff-figures");
      String text = eff.getText();
      assertTrue(text.contains("亩均税收") && text.contains("万元/亩") && text.contains("万元/公顷"), text);
      assertTrue(text.contains(taxPerMu), "the officer sees the parcel's tax per mu " + taxPerMu + ": " + text);
      WebElement cls = eff.findElement(By.cssSelector(".za-eff-class"));
      assertTrue(cls.getText().matches("[A-D]类"), cls.getText());
      assertTrue(text.contains("园区内排名") && text.matches("(?s).*第 \\d+ / \\d+.*"), text);
      assertTrue(text.contains("用地企业") && text.contains("占地块比例"), text);
      assertFalse(eff.findElements(By.cssSelector("svg.za-eff-series rect")).isEmpty(), "the years are drawn as bars");
      assertFalse(text.matches("(?s).*\\b(tax_per_mu|owner|tenant|evaluated)\\b.*"), "no internal code on the Chinese card: " + text);
      b.screenshot("efficiency-card-officer.png");
      MapPageBrowserTest.assertClean(b);
    }
  }

  @Test
  void anAnonymousVisitorClickingTheSameParcelSeesNoFigureOfOneFirm() {
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open(view());
      b.waitIdle();
      WebElement eff = clickParcel(b, ".za-eff-withheld");
      String text = eff.getText();
      assertTrue(text.contains("不足3家"), text);
      assertEquals(List.of(), eff.findElements(By.cssSelector(".za-eff-figures, .za-eff-class, svg.za-eff-series")));
      assertFalse(text.contains("万元/亩"), text);
      assertFalse(text.contains(taxPerMu), text);
      assertFalse(b.driver.findElement(By.id("tab-details")).getText().contains(taxPerMu), "nowhere on the card");
      b.screenshot("efficiency-card-anonymous.png");
      MapPageBrowserTest.assertClean(b);
    }
  }
}
