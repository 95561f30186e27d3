package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * The 亩均 card a click on a parcel or enterprise opens ({@code GET /api/efficiency/card/{level}/{id}}),
 * on each store: a land officer gets the figures per mu and per hectare, the class, the ranks in the
 * park and zone, every year and the enterprises with their shares of the land; anyone else gets a
 * parcel's figures only where Disclosure publishes it, and never a number about one enterprise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EfficiencyCardContract {
  abstract SqlStore store();

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Numbers any role may be given: the year, the parcel's public land facts, public counts. */
  private static final Set<String> PUBLIC_NUMBERS = Set.of("year", "years", "area_mu", "area_ha", "enterprises_with_figures", "users");

  TestServer server;
  String officer;
  String planner;
  EfficiencyResult r;
  Disclosure disc;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(store());
    officer = server.token("land_officer");
    planner = server.token("planner");
    r = server.services.efficiency.official(null, null);
    disc = server.services.efficiency.disclosure(r);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> res, int status) throws Exception {
    assertEquals(status, res.statusCode(), res.body());
    return JSON.readTree(res.body());
  }

  /** A parcel of 1 or 2 reporting enterprises, withheld from the public this year. */
  private ParcelResult fewFirms() {
    for (int i = 0; i < r.parcels.size(); i++) {
      ParcelResult p = r.parcels.get(i);
      if (p.enterprises() >= 1 && p.enterprises() <= 2 && !disc.parcel(i) && p.cls() != null && p.parcel().park() != null) {
        return p;
      }
    }
    throw new AssertionError("the demo data has a parcel of one or two firms");
  }

  /** A parcel published to everyone, with a class and a park. */
  private ParcelResult published() {
    for (int i = 0; i < r.parcels.size(); i++) {
      ParcelResult p = r.parcels.get(i);
      if (p.enterprises() >= 3 && disc.parcel(i) && p.cls() != null && p.parcel().park() != null
          && Double.isFinite(p.value(Indicator.TAX_PER_MU))) {
        return p;
      }
    }
    throw new AssertionError("the demo data has a published parcel");
  }

  /** Every number in the answer, by the name of the field holding it (an array's items by the array's name). */
  private static void numbers(JsonNode n, String field, List<String> out) {
    if (n.isNumber()) {
      out.add(field);
    } else if (n.isArray()) {
      n.forEach(x -> numbers(x, field, out));
    } else if (n.isObject()) {
      n.properties().forEach(e -> numbers(e.getValue(), e.getKey(), out));
    }
  }

  @Test
  void aLandOfficerSeesAParcelsFiguresClassRanksSeriesAndEnterprisesWithShares() throws Exception {
    ParcelResult p = fewFirms();
    JsonNode c = json(server.get("/api/efficiency/card/parcel/" + p.parcel().id(), officer), 200);
    assertTrue(c.get("figures_shown").asBoolean(), c.toString());
    JsonNode tax = c.get("indicators").get(0);
    assertEquals("tax_per_mu", tax.get("key").asText());
    assertEquals(EfficiencyService.num(p.value(Indicator.TAX_PER_MU)), tax.get("per_mu").asDouble(), 1e-9);
    assertEquals(tax.get("per_mu").asDouble() * 15, tax.get("per_ha").asDouble(), 1e-3);
    assertEquals("万元/亩", tax.get("unit_mu").asText());
    assertEquals("万元/公顷", tax.get("unit_ha").asText());
    assertEquals(3, c.get("indicators").size());
    assertEquals(p.cls(), c.get("class").asText());
    assertEquals(p.cls() + "类", c.get("class_zh").asText());
    assertTrue(c.at("/rank/park/text").asText().matches("第 \\d+ / \\d+"), c.get("rank").toString());
    assertTrue(c.at("/rank/zone/of").asInt() >= c.at("/rank/park/of").asInt(), c.get("rank").toString());
    assertTrue(c.at("/rank/zone/rank").asInt() >= c.at("/rank/park/rank").asInt(), c.get("rank").toString());
    List<Integer> years = new ArrayList<>(r.data.years());
    assertEquals(years.size(), c.get("series").size());
    JsonNode last = c.get("series").get(years.size() - 1);
    assertEquals(r.year, last.get("year").asInt());
    assertEquals(tax.get("per_mu").asDouble(), last.get("tax_per_mu").asDouble(), 1e-9);
    JsonNode ents = c.get("enterprises");
    assertTrue(ents.size() >= 1, c.toString());
    for (JsonNode e : ents) {
      assertTrue(e.get("name_zh").asText().length() > 1);
      double share = e.get("share_of_parcel").asDouble();
      assertTrue(share > 0 && share <= 1, e.toString());
      assertTrue(e.get("role_zh").asText().matches("土地使用权人|承租"), e.toString());
    }
  }

  @Test
  void theAnonymousCardOfAParcelOfOneOrTwoFirmsHoldsNoFigureAndNoNumberAboutAFirm() throws Exception {
    ParcelResult p = fewFirms();
    for (String token : new String[] {null, planner}) {
      JsonNode c = json(token == null ? server.get("/api/efficiency/card/parcel/" + p.parcel().id())
          : server.get("/api/efficiency/card/parcel/" + p.parcel().id(), token), 200);
      assertFalse(c.get("figures_shown").asBoolean(), c.toString());
      assertNull(c.get("indicators"));
      assertNull(c.get("class"));
      assertNull(c.get("rank"));
      assertTrue(c.get("withheld_zh").asText().contains("不足3家"), c.toString());
      List<String> nums = new ArrayList<>();
      numbers(c, "", nums);
      nums.removeAll(PUBLIC_NUMBERS);
      assertEquals(List.of(), nums, "numbers in the public card: " + c);
      assertTrue(c.get("enterprises").size() >= 1, "names are public: " + c);
      for (JsonNode e : c.get("enterprises")) {
        assertTrue(e.get("name_zh").isTextual());
        assertNull(e.get("class"));
      }
    }
  }

  @Test
  void theAnonymousCardOfAPublishedParcelShowsItsFiguresButNoClassOrRank() throws Exception {
    ParcelResult p = published();
    JsonNode c = json(server.get("/api/efficiency/card/parcel/" + p.parcel().id()), 200);
    assertTrue(c.get("figures_shown").asBoolean(), c.toString());
    assertEquals(EfficiencyService.num(p.value(Indicator.TAX_PER_MU)), c.at("/indicators/0/per_mu").asDouble(), 1e-9);
    assertNull(c.get("class"));
    assertNull(c.get("rank"));
    for (JsonNode e : c.get("enterprises")) {
      List<String> nums = new ArrayList<>();
      numbers(e, "", nums);
      assertEquals(List.of(), nums, "no number about one firm: " + e);
    }
  }

  @Test
  void aLandOfficerSeesAnEnterprisesClassRanksAndParcelsWithShares() throws Exception {
    EnterpriseResult e = r.enterprises.stream().filter(x -> x.cls() != null && x.enterprise().park() != null).findFirst().orElseThrow();
    JsonNode c = json(server.get("/api/efficiency/card/enterprise/" + e.enterprise().id(), officer), 200);
    assertEquals(e.cls(), c.get("class").asText());
    assertEquals("第 " + e.rank() + " / " + e.ranked(), c.at("/rank/zone/text").asText());
    assertTrue(c.at("/rank/park/rank").asInt() <= e.rank());
    assertEquals(EfficiencyService.num(e.value(Indicator.VALUE_ADDED_PER_MU)), c.at("/indicators/2/per_mu").asDouble(), 1e-9);
    assertEquals(r.data.years().size(), c.get("series").size());
    assertTrue(c.get("parcels").size() >= 1);
    double counted = 0;
    for (JsonNode x : c.get("parcels")) {
      assertTrue(x.get("share_of_parcel").asDouble() > 0);
      counted += x.get("share_of_figures").asDouble();
    }
    assertEquals(1.0, counted, 1e-3, "its figures are shared out over its parcels: " + c.get("parcels"));
  }

  @Test
  void anyoneElseGetsNoFigureOfOneEnterprise() throws Exception {
    EnterpriseResult e = r.enterprises.stream().filter(x -> x.cls() != null).findFirst().orElseThrow();
    for (String token : new String[] {null, planner}) {
      JsonNode c = json(token == null ? server.get("/api/efficiency/card/enterprise/" + e.enterprise().id())
          : server.get("/api/efficiency/card/enterprise/" + e.enterprise().id(), token), 200);
      assertFalse(c.get("figures_shown").asBoolean());
      assertTrue(c.get("withheld_zh").asText().contains("仅对土地管理人员公开"));
      assertNull(c.get("class"));
      List<String> nums = new ArrayList<>();
      numbers(c, "", nums);
      nums.removeAll(PUBLIC_NUMBERS);
      assertEquals(List.of(), nums, "numbers in the public card: " + c);
    }
  }

  @Test
  void anUnknownIdIsA404AndABadLevelOrYearA400NamingIt() throws Exception {
    JsonNode a = json(server.get("/api/efficiency/card/parcel/P-NOPE-000000", officer), 404);
    assertEquals(404, a.get("status").asInt());
    json(server.get("/api/efficiency/card/enterprise/E-NOPE"), 404);
    for (String level : new String[] {"zone", "industrial-park", "plot"}) {
      assertEquals("level", json(server.get("/api/efficiency/card/" + level + "/x"), 400).get("parameter").asText());
    }
    String id = fewFirms().parcel().id();
    assertEquals("year", json(server.get("/api/efficiency/card/parcel/" + id + "?year=1999"), 400).get("parameter").asText());
    assertEquals("year", json(server.get("/api/efficiency/card/parcel/" + id + "?year=abc"), 400).get("parameter").asText());
    assertEquals("scheme", json(server.get("/api/efficiency/card/parcel/" + id + "?scheme=nope"), 400).get("parameter").asText());
    assertEquals("zone", json(server.get("/api/efficiency/card/parcel/" + id + "?zone=x"), 400).get("parameter").asText());
    int before = r.data.years().first();
    JsonNode old = json(server.get("/api/efficiency/card/parcel/" + id + "?year=" + before, officer), 200);
    assertEquals(before, old.get("year").asInt());
    assertNotNull(old.get("series"));
  }

  @Test
  void theCardIsTheSameForEveryRoleThatSeesConfidentialFigures() throws Exception {
    String id = fewFirms().parcel().id();
    Map<String, Object> a = new EfficiencyCard(server.services.efficiency).card(Role.admin, "parcel", id, null, null);
    JsonNode viaHttp = json(server.get("/api/efficiency/card/parcel/" + id, officer), 200);
    assertEquals(JSON.valueToTree(a), viaHttp);
  }
}
