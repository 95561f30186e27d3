package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import zoneatlas.geo.Geodesy;
import zoneatlas.sites.SiteRepo.ParcelRow;
import zoneatlas.sites.SiteRepo.PlanRow;

/**
 * The card's printed map: a scale bar that is true, the site drawn once and named in the
 * reader's language, neighbours coloured by status, holes kept, lines left open, and names that
 * cannot break the SVG.
 */
class SiteMapRulesTest {
  static final WKTReader WKT = new WKTReader(Shapes.GF);

  static ParcelRow parcel(String id, String status, String wkt) throws Exception {
    return new ParcelRow(id, "zzetdz", null, null, null, "100101", "一类工业用地", status, 10_000, 15, null, null, null, null,
        null, null, null, null, null, true, WKT.read(wkt));
  }

  static PlanRow plan(String id, String layer, String kind, String zh, String en, String wkt) throws Exception {
    return new PlanRow(id, layer, zh, en, "zzetdz", kind, null, null, null, WKT.read(wkt));
  }

  static final String SITE = "POLYGON((113.710 34.700, 113.711 34.700, 113.711 34.701, 113.710 34.701, 113.710 34.700))";

  String map(boolean en) throws Exception {
    ParcelRow site = parcel("P-zzetdz-000002", "available", SITE);
    ParcelRow idle = parcel("P-zzetdz-000003", "idle",
        "POLYGON((113.712 34.700, 113.713 34.700, 113.713 34.701, 113.712 34.701, 113.712 34.700),"
            + " (113.7122 34.7002, 113.7128 34.7002, 113.7128 34.7008, 113.7122 34.7002))");
    List<PlanRow> plan = List.of(
        plan("RD", "infrastructure", "road", "道路", "Road", "LINESTRING(113.705 34.699, 113.716 34.699)"),
        plan("ZN", "zones", "development_zone", "经开区", "ETDZ", "POLYGON((113.70 34.69, 113.72 34.69, 113.72 34.71, 113.70 34.69))"),
        plan("ST", "infrastructure", "rail_station", "郑州东站<高铁>&城际\"站\"与'货运'综合枢纽中心", "Zhengzhou East <HSR> & \"Intercity\" 'freight' hub",
            "POINT(113.708 34.702)"));
    Envelope w = Proximity.window(site.geom().getEnvelopeInternal(), SiteMap.margin(site));
    return SiteMap.svg(site, List.of(site, idle), plan, w, en);
  }

  static final Pattern PATH = Pattern.compile("<path d=\"([^\"]*)\" fill-rule=\"evenodd\" ([^>]*)><title>([^<]*)</title>");

  @Test
  void theScaleBarIsTrue() throws Exception {
    String svg = map(false);
    // the site's drawn width against its geodesic width gives the map's pixels per metre
    Matcher m = PATH.matcher(svg);
    double px = -1;
    while (m.find()) {
      if (m.group(2).contains("#d62d20")) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String xy : m.group(1).replace("Z", "").split("[ML]")) {
          if (!xy.isEmpty()) {
            double x = Double.parseDouble(xy.split(",")[0]);
            min = Math.min(min, x);
            max = Math.max(max, x);
          }
        }
        px = max - min;
      }
    }
    double pxPerM = px / Geodesy.distanceM(113.710, 34.7005, 113.711, 34.7005);
    Matcher bar = Pattern.compile("<rect x=\"16\" y=\"418\" width=\"([0-9.]+)\" height=\"6\" fill=\"#fff\".*?text-anchor=\"end\">([0-9.]+) (米|公里)</text>")
        .matcher(svg);
    assertTrue(bar.find(), svg);
    double metres = Double.parseDouble(bar.group(2)) * (bar.group(3).equals("公里") ? 1000 : 1);
    assertEquals(metres * pxPerM, Double.parseDouble(bar.group(1)), metres * pxPerM * 0.01 + 0.2,
        "the bar is as long as it says");
    assertTrue(metres * pxPerM <= SiteMap.W / 4.0 + 0.2, "at most a quarter of the map");
    assertTrue(metres * pxPerM > SiteMap.W / 4.0 / 2.5, "the longest round length that fits: " + metres);
  }

  /** The drawn box of the site's path: min x, min y, max x, max y in pixels. */
  static double[] siteBox(String svg) {
    Matcher m = PATH.matcher(svg);
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    while (m.find()) {
      if (m.group(2).contains("#d62d20")) {
        for (String xy : m.group(1).replace("Z", "").split("[ML]")) {
          if (!xy.isEmpty()) {
            double x = Double.parseDouble(xy.split(",")[0]);
            double y = Double.parseDouble(xy.split(",")[1]);
            b = new double[] {Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)};
          }
        }
      }
    }
    return b;
  }

  @Test
  void theSiteIsCentredWithContextOfThreeQuartersItsSizeAroundIt() throws Exception {
    for (double d : new double[] {0.001, 0.01, 0.05}) {
      String wkt = String.format(java.util.Locale.ROOT, "POLYGON((113.7 34.7, %.4f 34.7, %.4f %.4f, 113.7 %.4f, 113.7 34.7))",
          113.7 + d, 113.7 + d, 34.7 + d, 34.7 + d);
      ParcelRow site = parcel("P-zzetdz-000009", "available", wkt);
      Envelope w = Proximity.window(site.geom().getEnvelopeInternal(), SiteMap.margin(site));
      String svg = SiteMap.svg(site, List.of(), List.of(), w);
      double[] b = siteBox(svg);
      assertEquals(SiteMap.W / 2.0, (b[0] + b[2]) / 2, 2, "centred across: " + d);
      assertEquals(SiteMap.H / 2.0, (b[1] + b[3]) / 2, 2, "centred down: " + d);
      double heightPx = b[3] - b[1];
      if (d == 0.05) {
        assertTrue(svg.contains(">5 公里</text>"), "a 5.5 km parcel on a 14 km map: a bar in kilometres");
      } else if (d == 0.01) {
        // 1.1 km tall: 0.75 of it above and below, so the site takes 1/2.5 of the map's 416 px
        assertEquals(416 / 2.5, heightPx, 8, "a large parcel keeps context in proportion");
      } else {
        // 111 m tall: at least 250 m above and below
        assertEquals(416 * 111 / (111 + 500.0), heightPx, 6, "a small parcel gets 250 m each side");
      }
    }
  }

  @Test
  void theSiteIsDrawnOnceAndNamedInTheReadersLanguage() throws Exception {
    String zh = map(false);
    assertTrue(zh.contains("aria-label=\"郑州经开区 000002 号地块位置示意图\""), zh);
    assertTrue(zh.contains(">本地块</text>"));
    assertTrue(zh.contains(">北</text>"));
    assertFalse(zh.contains("This site"));
    String en = map(true);
    assertTrue(en.contains("<title>Site map of Zhengzhou ETDZ parcel 000002</title>"), en);
    assertTrue(en.contains(">This site</text>"));
    assertTrue(en.contains(">N</text>"));
    assertFalse(en.contains("本地块"));
    long reds = PATH.matcher(zh).results().filter(r -> r.group(2).contains("#d62d20")).count();
    assertEquals(1, reds);
    assertFalse(zh.contains("<title>郑州经开区 000002 号地块 "), "the site is not drawn again as its own neighbour");
  }

  @Test
  void neighboursAreNamedAsAReaderWouldNeverByTheirSystemId() throws Exception {
    String zh = map(false);
    assertFalse(zh.contains("P-zzetdz"), "a system id on a Chinese map");
    assertTrue(zh.contains("<title>郑州经开区 000003 号地块 闲置</title>"), zh);
    String en = map(true);
    assertFalse(en.contains("P-zzetdz"), "a system id on an English map");
    assertFalse(en.contains("闲置"), "Chinese words on an English map");
    assertTrue(en.contains("<title>Zhengzhou ETDZ parcel 000003, "), en);
  }

  @Test
  void neighboursAreColouredByStatusWithTheirHolesAndLinesStayOpen() throws Exception {
    String svg = map(false);
    MatchResult idle = PATH.matcher(svg).results().filter(r -> r.group(2).contains("fill=\"#f4d58d\"")).findFirst().orElseThrow();
    assertTrue(idle.group(3).endsWith(" 闲置"), "the idle neighbour, its status in words: " + idle.group(3));
    assertEquals(2, idle.group(1).chars().filter(c -> c == 'M').count(), "shell and hole: " + idle.group(1));
    assertEquals(2, idle.group(1).chars().filter(c -> c == 'Z').count());
    MatchResult road = PATH.matcher(svg).results().filter(r -> r.group(3).equals("道路")).findFirst().orElseThrow();
    assertFalse(road.group(1).contains("Z"), "a road is not closed into a polygon");
    assertTrue(road.group(2).contains("fill=\"none\""));
    MatchResult zone = PATH.matcher(svg).results().filter(r -> r.group(3).equals("经开区")).findFirst().orElseThrow();
    assertTrue(zone.group(2).contains("stroke-dasharray=\"8 4\""), "a zone is a dashed outline: " + zone.group(2));
    assertTrue(zone.group(2).contains("fill=\"none\""));
  }

  @Test
  void namesAreEscapedAndLongOnesShortened() throws Exception {
    String zh = map(false);
    assertFalse(zh.contains("<高铁>"), "a name cannot open an element");
    assertTrue(zh.contains("<title>郑州东站&lt;高铁&gt;&amp;城际&quot;站&quot;与&#39;货运&#39;综合枢纽中心</title>"), zh);
    // 16 characters at most next to a point in Chinese, 28 in English
    assertTrue(zh.contains(">郑州东站&lt;高铁&gt;&amp;城际&quot;站&quot;与…</text>"), zh);
    String en = map(true);
    assertTrue(en.contains(">Zhengzhou East &lt;HSR&gt; &amp; &quot;Int…</text>"), en);
    assertEquals("", SiteMap.esc(null));
  }

}
