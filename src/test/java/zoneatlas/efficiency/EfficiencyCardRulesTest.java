package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.http.ApiError;
import zoneatlas.model.LandUse;

/**
 * The card a click on a parcel or firm opens, on the demo data without a server (one service for
 * the class): a parcel's figures only when its firms are enough, with the reason in both languages
 * when not; its place by tax per mu in its park and zone counted from the parcels that have one;
 * a firm's figures, class and rank for officers only; each firm's share of its figures counted on
 * a parcel adding up to all of them; the users of a parcel by role.
 */
class EfficiencyCardRulesTest {
  private static EfficiencyService svc() {
    return DemoService.get();
  }

  private static EfficiencyCard card() {
    return new EfficiencyCard(svc());
  }

  @Test
  void onlyParcelsAndFirmsHaveCardsAndAnUnknownIdIsNotFound() throws Exception {
    assertEquals("level", assertThrows(ApiError.class, () -> card().card(Role.admin, "zone", "x", null, null)).parameter);
    assertEquals("level", assertThrows(ApiError.class, () -> card().card(Role.admin, "galaxy", "x", null, null)).parameter);
    assertEquals(404, assertThrows(ApiError.class, () -> card().card(Role.admin, "parcel", "nope", null, null)).status);
    assertEquals(404, assertThrows(ApiError.class, () -> card().card(Role.admin, "enterprise", "nope", null, null)).status);
  }

  @SuppressWarnings("unchecked")
  @Test
  void aParcelShowsItsFiguresOnlyWhenItsFirmsAreEnough() throws Exception {
    EfficiencyResult r = svc().official(null, null);
    Disclosure disc = svc().disclosure(r);
    Disclosure.Seen pub = disc.seenBy(Role.anonymous);
    ParcelResult shown = null;
    ParcelResult few = null;
    ParcelResult empty = null;
    int shownAt = -1;
    for (int i = 0; i < r.parcels.size(); i++) {
      ParcelResult p = r.parcels.get(i);
      if (p.enterprises() >= 3 && pub.parcel(i) && shown == null && Double.isFinite(p.value(Indicator.TAX_PER_MU))) {
        shown = p;
        shownAt = i;
      } else if (p.enterprises() > 0 && !pub.parcel(i) && disc.whyParcel(i) == Disclosure.Why.few && few == null) {
        few = p;
      } else if (p.enterprises() == 0 && !p.inConstruction() && empty == null) {
        empty = p;
      }
    }
    assertNotNull(shown);
    assertNotNull(few);
    assertNotNull(empty);
    Map<String, Object> s = card().card(Role.anonymous, "parcel", shown.parcel().id(), null, null);
    assertEquals(true, s.get("figures_shown"));
    assertEquals(false, s.get("confidential"));
    assertEquals(EfficiencyTables.num(shown.landMu()), s.get("land_mu"));
    List<Map<String, Object>> ind = (List<Map<String, Object>>) s.get("indicators");
    Map<String, Object> tax = ind.stream().filter(m -> m.get("key").equals("tax_per_mu")).findFirst().orElseThrow();
    assertEquals(EfficiencyTables.num(shown.value(Indicator.TAX_PER_MU)), tax.get("per_mu"));
    assertEquals(EfficiencyTables.num(shown.value(Indicator.TAX_PER_MU) * 15), tax.get("per_ha"));
    assertEquals("万元/公顷", tax.get("unit_ha"));
    assertFalse(s.containsKey("class"), "no class for the public");
    assertFalse(s.containsKey("rank"));
    assertNotNull(s.get("enterprises_note_zh"));
    for (Map<String, Object> e : (List<Map<String, Object>>) s.get("enterprises")) {
      assertFalse(e.containsKey("tax_per_mu") || e.containsKey("class") || e.containsKey("share_of_figures"), e.toString());
      assertTrue(e.get("role_zh").equals("承租") || e.get("role_zh").equals("土地使用权人"), e.toString());
    }
    List<Map<String, Object>> series = (List<Map<String, Object>>) s.get("series");
    assertEquals(svc().data().years().size(), series.size());

    Map<String, Object> off = card().card(Role.land_officer, "parcel", shown.parcel().id(), null, null);
    Map<String, Object> rank = (Map<String, Object>) off.get("rank");
    double v = shown.value(Indicator.TAX_PER_MU);
    int better = 0;
    int of = 0;
    for (ParcelResult o : r.parcels) {
      double w = o.value(Indicator.TAX_PER_MU);
      if (Double.isFinite(w) && o.enterprises() > 0 && o.parcel().zone().equals(shown.parcel().zone())) {
        of++;
        better += w > v ? 1 : 0;
      }
    }
    Map<String, Object> zone = (Map<String, Object>) rank.get("zone");
    assertEquals(better + 1, zone.get("rank"));
    assertEquals(of, zone.get("of"));
    assertEquals("第 " + (better + 1) + " / " + of, zone.get("text"));
    Map<String, Object> park = (Map<String, Object>) rank.get("park");
    assertTrue((Integer) park.get("of") <= of && (Integer) park.get("rank") <= (Integer) zone.get("rank"));
    int pBetter = 0;
    int pOf = 0;
    for (ParcelResult o : r.parcels) {
      double w = o.value(Indicator.TAX_PER_MU);
      if (Double.isFinite(w) && o.enterprises() > 0 && shown.parcel().park().equals(o.parcel().park())) {
        pOf++;
        pBetter += w > v ? 1 : 0;
      }
    }
    assertEquals(Map.of("rank", pBetter + 1, "of", pOf, "text", "第 " + (pBetter + 1) + " / " + pOf), park);
    EfficiencyData.GroupName zn = r.data.groups.get(shown.parcel().zone());
    assertEquals(zn.nameZh(), off.get("zone_name_zh"));
    assertEquals(zn.nameEn(), off.get("zone_name_en"));
    assertEquals(shown.parcel().park(), off.get("park"));
    assertEquals(EfficiencyTables.num(shown.parcel().areaMu() / 15), off.get("area_ha"));
    // the users of the year: a lease that starts later is not on this year's card
    int firstYear = svc().data().years().first();
    for (ParcelResult o : r.parcels) {
      long later = r.data.landUses.stream().filter(l -> l.parcelId().equals(o.parcel().id()) && l.sinceYear() != null
          && l.sinceYear() > firstYear).count();
      if (later > 0) {
        long now = r.data.landUses.stream().filter(l -> l.parcelId().equals(o.parcel().id())
            && (l.sinceYear() == null || l.sinceYear() <= firstYear)).count();
        Map<String, Object> early = card().card(Role.admin, "parcel", o.parcel().id(), firstYear, null);
        assertEquals(now, ((List<?>) early.get("enterprises")).size(), o.parcel().id());
        assertEquals(firstYear, early.get("year"));
        break;
      }
    }
    // the parcel with the highest tax per mu of its zone is first, the lowest last (not one past it)
    ParcelResult top = null;
    ParcelResult bottom = null;
    for (ParcelResult o : r.parcels) {
      double w = o.value(Indicator.TAX_PER_MU);
      if (Double.isFinite(w) && o.enterprises() > 0 && o.parcel().zone().equals(shown.parcel().zone())) {
        top = top == null || w > top.value(Indicator.TAX_PER_MU) ? o : top;
        bottom = bottom == null || w < bottom.value(Indicator.TAX_PER_MU) ? o : bottom;
      }
    }
    Map<String, Object> first = (Map<String, Object>) ((Map<String, Object>) card().card(Role.admin, "parcel",
        top.parcel().id(), null, null).get("rank")).get("zone");
    assertEquals(1, first.get("rank"));
    Map<String, Object> last = (Map<String, Object>) ((Map<String, Object>) card().card(Role.admin, "parcel",
        bottom.parcel().id(), null, null).get("rank")).get("zone");
    assertEquals(of, last.get("rank"));
    double shares = 0;
    for (Map<String, Object> e : (List<Map<String, Object>>) off.get("enterprises")) {
      assertTrue(e.containsKey("tax_per_mu") && e.containsKey("status_zh"), e.toString());
      shares += ((Number) e.get("share_of_figures")).doubleValue();
    }
    assertTrue(shares > 0);
    assertEquals(shown.cls() == null ? null : shown.cls() + "类", off.get("class_zh"));

    Map<String, Object> f = card().card(Role.planner, "parcel", few.parcel().id(), null, null);
    assertEquals(false, f.get("figures_shown"));
    assertFalse(f.containsKey("indicators"));
    assertFalse(f.containsKey("land_mu"));
    assertEquals("地块上有数据的企业不足3家，为保护企业数据，税收、营收等数据不予公开", f.get("withheld_zh"));
    assertEquals("figures of fewer than 3 enterprises are withheld to protect them", f.get("withheld_en"));
    Map<String, Object> fo = card().card(Role.admin, "parcel", few.parcel().id(), null, null);
    assertEquals(true, fo.get("figures_shown"), "officers see every parcel's figures");
    assertNull(fo.get("withheld_zh"));

    Map<String, Object> e = card().card(Role.planner, "parcel", empty.parcel().id(), null, null);
    assertEquals(false, e.get("figures_shown"));
    assertEquals("本年地块上没有申报数据的企业", e.get("withheld_zh"));
    assertEquals("no enterprise on the parcel reported figures this year", e.get("withheld_en"));
    Map<String, Object> eo = card().card(Role.admin, "parcel", empty.parcel().id(), null, null);
    assertNull(((Map<String, Object>) eo.get("rank")).get("zone"), "a parcel with no tax per mu has no place");
    assertEquals(shownAt, r.data.parcelIndex.get(shown.parcel().id()));
  }

  @SuppressWarnings("unchecked")
  @Test
  void aFirmsFiguresClassAndRankAreForOfficersAndItsSharesAddUp() throws Exception {
    EfficiencyResult r = svc().official(null, null);
    EnterpriseResult ranked = null;
    for (EnterpriseResult e : r.enterprises) {
      long parcels = r.data.landUses.stream().filter(l -> l.enterpriseId().equals(e.enterprise().id())).count();
      if (e.rank() > 1 && e.enterprise().park() != null && parcels > 1) {
        ranked = e;
        break;
      }
    }
    assertNotNull(ranked, "a ranked firm on more than one parcel");
    String id = ranked.enterprise().id();
    Map<String, Object> pub = card().card(Role.planner, "enterprise", id, null, null);
    assertEquals(false, pub.get("figures_shown"));
    assertTrue(((String) pub.get("withheld_zh")).contains("保密"));
    assertFalse(pub.containsKey("class") || pub.containsKey("score") || pub.containsKey("indicators") || pub.containsKey("series"));
    for (Map<String, Object> p : (List<Map<String, Object>>) pub.get("parcels")) {
      assertFalse(p.containsKey("share_of_figures"));
    }
    Map<String, Object> off = card().card(Role.land_officer, "enterprise", id, null, null);
    assertEquals(true, off.get("figures_shown"));
    assertEquals(ranked.cls(), off.get("class"));
    assertEquals(EfficiencyTables.num(ranked.score()), off.get("score"));
    Map<String, Object> rank = (Map<String, Object>) off.get("rank");
    assertEquals(Map.of("rank", ranked.rank(), "of", ranked.ranked(), "text", "第 " + ranked.rank() + " / " + ranked.ranked()),
        rank.get("zone"));
    int better = 0;
    int of = 0;
    for (EnterpriseResult o : r.enterprises) {
      if (o.rank() > 0 && ranked.enterprise().park().equals(o.enterprise().park())
          && ranked.enterprise().zone().equals(o.enterprise().zone())) {
        of++;
        better += o.rank() < ranked.rank() ? 1 : 0;
      }
    }
    assertEquals(Map.of("rank", better + 1, "of", of, "text", "第 " + (better + 1) + " / " + of), rank.get("park"));
    double shares = 0;
    for (Map<String, Object> p : (List<Map<String, Object>>) off.get("parcels")) {
      shares += ((Number) p.get("share_of_figures")).doubleValue();
      assertTrue(p.get("role").equals(LandUse.OWNER) || p.get("role").equals(LandUse.TENANT));
    }
    assertEquals(1.0, shares, 1e-3, "a firm's figures are counted in full, shared over its parcels");
    List<Map<String, Object>> series = (List<Map<String, Object>>) off.get("series");
    assertEquals(svc().data().years().size(), series.size());
    assertEquals(r.year, series.get(series.size() - 1).get("year"));
    assertEquals(ranked.cls(), series.get(series.size() - 1).get("class"));

    EnterpriseResult unranked = r.enterprises.stream().filter(e -> e.rank() == 0).findFirst().orElseThrow();
    Map<String, Object> u = card().card(Role.admin, "enterprise", unranked.enterprise().id(), null, null);
    Map<String, Object> ur = (Map<String, Object>) u.get("rank");
    assertNull(ur.get("zone"));
    assertNull(ur.get("park"));
    assertTrue(ur.containsKey("zone"));
  }
}
