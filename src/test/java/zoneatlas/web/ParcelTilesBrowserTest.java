package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * The parcels layer drawn from the server's vector tiles: at zoom 11 the whole Zhengzhou ETDZ shows
 * its land use from tile requests alone (no GeoJSON of parcels is asked for), the colours are the
 * map's land-use colours, a panel's recolouring by feature id repaints the tiles without a request,
 * and a click on a parcel picks it from the tile and opens its details card.
 */
@Tag("browser")
class ParcelTilesBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ZONE = "zzetdz-zone";
  /** 工业用地 (national drawing rules), as styles.js paints industrial parcels. */
  static final int[] INDUSTRIAL = {187, 150, 116};
  static TestServer server;
  static double[] zoneBbox;
  static int zoneParcels;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(TestStores.h2());
    JsonNode zone = JSON.readTree(server.get("/collections/zones/items/" + ZONE).body());
    zoneBbox = MapPageBrowserTest.bbox(zone.path("geometry"));
    String bbox = zoneBbox[0] + "," + zoneBbox[1] + "," + zoneBbox[2] + "," + zoneBbox[3];
    zoneParcels = JSON.readTree(server.get("/collections/parcels/items?limit=1&bbox=" + bbox).body()).path("numberMatched").asInt();
    assertTrue(zoneParcels > 500, "the demo zone has parcels: " + zoneParcels);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @SuppressWarnings("unchecked")
  static List<String> resources(Browser b, String part) {
    return (List<String>) b.js("return performance.getEntriesByType('resource').map(e => e.name)"
        + ".filter(n => n.includes(arguments[0]))", part);
  }

  /** Painted pixels on the parcels' tile canvases, and how many of them are near the given colour. */
  @SuppressWarnings("unchecked")
  static Map<String, Number> paint(Browser b, int[] rgb) {
    return (Map<String, Number>) b.js("let painted = 0, near = 0; const [r, g, bl] = arguments[0];"
        + "for (const c of document.querySelectorAll('.leaflet-zaParcels-pane canvas.leaflet-tile')) {"
        + "  if (!c.width || !c.height) continue;"
        + "  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] < 100) continue; painted++;"
        + "    if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - bl) < 30) near++; } }"
        + "return { painted, near };", List.of(rgb[0], rgb[1], rgb[2]));
  }

  @Test
  void atZoom11TheWholeZoneIsDrawnFromTilesAndAClickOpensTheParcel() {
    double lat = (zoneBbox[1] + zoneBbox[3]) / 2;
    double lng = (zoneBbox[0] + zoneBbox[2]) / 2;
    try (Browser b = new Browser(server.base(), 1400, 900)) {
      b.open("/?l=zones,parcels&c=" + lat + "," + lng + "&z=11");
      b.waitIdle();
      b.waitFor(Duration.ofSeconds(40), d -> Boolean.TRUE.equals(
          b.js("const s = ZA.test.parcelTiles(); return !ZA.test.loading() && s.features > 0")) ? Boolean.TRUE : null);

      // drawn from tiles of zoom 11, every one answered; no parcel GeoJSON
      @SuppressWarnings("unchecked")
      Map<String, Object> tiles = (Map<String, Object>) b.js("return ZA.test.parcelTiles()");
      assertEquals("tiles", tiles.get("mode"), "parcels drawn from vector tiles: " + tiles);
      assertEquals(0L, ((Number) tiles.get("failures")).longValue(), "failed tile requests: " + tiles);
      List<String> tileRequests = resources(b, "/collections/parcels/tiles/WebMercatorQuad/");
      assertTrue(!tileRequests.isEmpty(), "tile requests made");
      assertTrue(tileRequests.stream().allMatch(u -> u.contains("/WebMercatorQuad/11/")), "tiles of zoom 11: " + tileRequests);
      assertEquals(List.of(), resources(b, "/collections/parcels/items"), "no GeoJSON request for parcels at zoom 11");

      // the whole zone's parcels are in the decoded tiles, and painted in the land-use colours
      int features = ((Number) tiles.get("features")).intValue();
      assertTrue(features >= zoneParcels * 0.9, "parcels in the tiles: " + features + " of the zone's " + zoneParcels);
      Map<String, Number> px = paint(b, INDUSTRIAL);
      assertTrue(px.get("painted").intValue() > 2000, "parcel pixels painted: " + px);
      assertTrue(px.get("near").intValue() > 200, "industrial land painted in its colour: " + px);
      @SuppressWarnings("unchecked")
      Map<String, Number> counts = (Map<String, Number>) b.js("return ZA.test.counts()");
      assertEquals(features, counts.get("parcels").intValue(), "the layer tree counts what the tiles drew");
      b.screenshot("parcel-tiles-z11.png");

      // a panel's recolouring by feature id (as the 亩均 choropleth does) repaints the tiles, no request
      int requestsBefore = tileRequests.size();
      b.js("const ids = new Set(ZA.test.parcelIds()); ZA.setParcelStyle((f) => ids.has(f.id) ? { fillColor: '#ff00ff', fillOpacity: 1 } : null)");
      Map<String, Number> magenta = b.waitFor(Duration.ofSeconds(10), d -> {
        Map<String, Number> m = paint(b, new int[] {255, 0, 255});
        return m.get("near").intValue() > px.get("painted").intValue() / 2 ? m : null;
      });
      assertNotNull(magenta);
      b.js("ZA.setParcelStyle(null)");
      assertEquals(requestsBefore, resources(b, "/collections/parcels/tiles/").size(), "restyling fetched no tile");
      assertEquals(List.of(), resources(b, "/collections/parcels/items"), "restyling fetched no GeoJSON");

      // a click on a parcel picks it from the tile and opens its card (the one feature is read by id)
      @SuppressWarnings("unchecked")
      Map<String, Object> target = (Map<String, Object>) b.js("const c = ZA.map.getSize().divideBy(2); let best = null;"
          + "for (const id of ZA.test.parcelIds()) { const p = ZA.test.interiorPoint('parcels', id); if (!p) continue;"
          + "  const f = ZA.parcelAt(ZA.map.containerPointToLatLng([p.x, p.y])); if (!f) continue;"
          + "  const d = Math.hypot(p.x - c.x, p.y - c.y); if (!best || d < best.d) best = { id: f.id, x: p.x, y: p.y, d }; }"
          + "return best;");
      assertNotNull(target, "a parcel to click");
      String id = (String) target.get("id");
      WebElement map = b.driver.findElement(By.id("map"));
      new Actions(b.driver).moveToElement(map, ((Number) target.get("x")).intValue() - map.getSize().getWidth() / 2,
          ((Number) target.get("y")).intValue() - map.getSize().getHeight() / 2).click().perform();
      WebElement title = b.waitFor(Duration.ofSeconds(15), d -> {
        List<WebElement> t = d.findElements(By.cssSelector("#tab-details .za-title"));
        return t.isEmpty() || !t.get(0).getText().equals(ParcelTitle.zh(id)) ? null : t.get(0);
      });
      assertEquals(ParcelTitle.zh(id), title.getText());
      String card = b.driver.findElement(By.id("tab-details")).getText();
      assertTrue(card.contains("合成数据") && card.contains("亩") && card.contains("公顷"), card);
      List<String> items = resources(b, "/collections/parcels/items");
      assertTrue(!items.isEmpty() && items.stream().allMatch(u -> u.startsWith(server.base() + "/collections/parcels/items/" + id)),
          "only the clicked parcel was read as GeoJSON: " + items);
      b.screenshot("parcel-tiles-click.png");
      MapPageBrowserTest.assertClean(b);
    }
  }
}
