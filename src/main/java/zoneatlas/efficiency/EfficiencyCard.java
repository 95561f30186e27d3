package zoneatlas.efficiency;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.EfficiencyData.GroupName;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Indicator.Unit;
import zoneatlas.http.ApiError;
import zoneatlas.model.LandUse;

/**
 * The 亩均 card of one parcel or enterprise, what the map shows when it is clicked
 * ({@code GET /api/efficiency/card/{level}/{id}}): tax, revenue and value added per mu and per
 * hectare, the class, the rank in its industrial park and zone, every year on record as a small
 * series, the low-efficiency reasons, and the enterprises on a parcel (or an enterprise's parcels)
 * with their shares of the land.
 *
 * <p>Read from the cached official results ({@link EfficiencyService#official}); who sees what is
 * decided by {@link Disclosure} and {@link Role#seesConfidential()}, never here: land officers and
 * administrators get everything; other roles get a parcel's figures only in the years Disclosure
 * publishes that parcel, no ranks (a rank among parcels partly withheld would order withheld
 * values), no class, no confidential reason, and of the enterprises on a parcel only their names
 * and whether they own or lease (the enterprises layer already shows both). An enterprise's card
 * gives them no figure at all. Stateless; thread-safe as the service is.
 */
public final class EfficiencyCard {
  /** The indicators the card shows, in this order. */
  static final Indicator[] SHOWN = {Indicator.TAX_PER_MU, Indicator.REVENUE_PER_MU, Indicator.VALUE_ADDED_PER_MU};

  private final EfficiencyService service;

  public EfficiencyCard(EfficiencyService service) {
    this.service = service;
  }

  /** The card; {@code level} is {@code parcel} or {@code enterprise} (400 otherwise), an unknown id a 404. */
  public Map<String, Object> card(Role role, String level, String id, Integer year, String schemeId) throws SQLException {
    Level lv = Level.byParam(level).filter(l -> !l.isGroup()).orElseThrow(() -> ApiError.badParam("level",
        "must be parcel or enterprise, got '" + level + "'"));
    EfficiencyData d = service.data();
    Scheme s = service.scheme(schemeId);
    int y = service.year(d, year);
    boolean conf = role.seesConfidential();
    if (lv == Level.parcel) {
      Integer pi = d.parcelIndex.get(id);
      if (pi == null) {
        throw ApiError.notFound("no parcel '" + id + "'");
      }
      return parcel(d, s, y, pi, role, conf);
    }
    Integer ei = d.enterpriseIndex.get(id);
    if (ei == null) {
      throw ApiError.notFound("no enterprise '" + id + "'");
    }
    return enterprise(d, s, y, ei, conf);
  }

  private Map<String, Object> head(EfficiencyData d, EfficiencyResult r, Level lv, String id, boolean conf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", lv.param);
    m.put("id", id);
    m.put("year", r.year);
    m.put("years", d.years());
    m.put("scheme", r.scheme.id());
    m.put("scheme_name_zh", r.scheme.nameZh());
    m.put("scheme_name_en", r.scheme.nameEn());
    m.put("confidential", conf);
    m.put("synthetic", d.enterprises.stream().anyMatch(e -> e.synthetic()));
    m.put("units", Map.of("mu", "万元/亩", "ha", "万元/公顷"));
    m.put("lists", EfficiencyService.listStates(r));
    return m;
  }

  private static void place(EfficiencyData d, Map<String, Object> m, String zone, String park) {
    m.put("zone", zone);
    m.put("zone_name_zh", nameZh(d, zone));
    m.put("zone_name_en", nameEn(d, zone));
    m.put("park", park);
    m.put("park_name_zh", nameZh(d, park));
    m.put("park_name_en", nameEn(d, park));
  }

  // ---------------------------------------------------------------------------------------- parcel

  private Map<String, Object> parcel(EfficiencyData d, Scheme s, int y, int pi, Role role, boolean conf) throws SQLException {
    EfficiencyResult r = service.official(s.id(), y);
    Disclosure disc = service.disclosure(r);
    ParcelResult p = r.parcels.get(pi);
    var pc = p.parcel();
    Map<String, Object> m = head(d, r, Level.parcel, pc.id(), conf);
    place(d, m, pc.zone(), pc.park());
    m.put("land_use_name", pc.landUseName());
    m.put("status", pc.status());
    m.put("area_mu", EfficiencyService.num(pc.areaMu()));
    m.put("area_ha", EfficiencyService.num(pc.areaMu() / Indicator.MU_PER_HA));
    m.put("enterprises_with_figures", p.enterprises());
    m.put("users", p.users());
    boolean shown = disc.seenBy(role).parcel(pi);
    m.put("figures_shown", shown && p.enterprises() > 0);
    if (p.enterprises() == 0) {
      m.put("withheld_zh", p.inConstruction() ? "地块处于建设期，本年不计亩均数据" : "本年地块上没有申报数据的企业");
      m.put("withheld_en", p.inConstruction() ? "the parcel is in its construction period this year"
          : "no enterprise on the parcel reported figures this year");
    } else if (!shown) {
      Disclosure.Why why = disc.whyParcel(pi);
      m.put("withheld_zh", why == Disclosure.Why.few
          ? "地块上有数据的企业不足" + disc.minGroup() + "家，为保护企业数据，税收、营收等数据不予公开"
          : why.nameZh);
      m.put("withheld_en", why == Disclosure.Why.few
          ? "figures of fewer than " + disc.minGroup() + " enterprises are withheld to protect them" : why.nameEn);
    }
    if (shown && p.enterprises() > 0) {
      m.put("land_mu", EfficiencyService.num(p.landMu()));
      m.put("indicators", indicators(p::value));
    }
    if (conf) {
      m.put("class", p.cls());
      m.put("class_zh", p.cls() == null ? null : p.cls() + "类");
      m.put("class_note_zh", p.cls() == null ? null : "取地块上主要用地企业的分类");
      m.put("rank", parcelRanks(r, p));
    }
    m.put("reasons", reasons(p, conf));
    List<Map<String, Object>> series = new ArrayList<>();
    for (int yr : d.years()) {
      EfficiencyResult ry = service.official(s.id(), yr);
      ParcelResult py = ry.parcels.get(pi);
      boolean seen = service.disclosure(ry).seenBy(role).parcel(pi) && py.enterprises() > 0;
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("year", yr);
      e.put("shown", seen);
      for (Indicator i : SHOWN) {
        e.put(i.key, seen ? EfficiencyService.num(py.value(i)) : null);
      }
      if (conf) {
        e.put("class", py.cls());
      }
      series.add(e);
    }
    m.put("series", series);
    List<Map<String, Object>> ents = new ArrayList<>();
    for (LandUse lu : d.landUses) {
      if (!lu.parcelId().equals(pc.id()) || (lu.sinceYear() != null && lu.sinceYear() > y)) {
        continue;
      }
      int ei = d.enterpriseIndex.get(lu.enterpriseId());
      EnterpriseResult er = r.enterprises.get(ei);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", lu.enterpriseId());
      e.put("name_zh", er.enterprise().nameZh());
      e.put("name_en", er.enterprise().nameEn());
      e.put("role", lu.role());
      e.put("role_zh", roleZh(lu.role()));
      if (conf) {
        e.put("share_of_parcel", EfficiencyService.num(lu.share()));
        e.put("share_of_figures", EfficiencyService.num(counted(r, pi, ei)));
        e.put("class", er.cls());
        e.put("status", er.status().name());
        e.put("status_zh", er.status().nameZh);
        e.put("tax_per_mu", EfficiencyService.num(er.value(Indicator.TAX_PER_MU)));
      }
      ents.add(e);
    }
    m.put("enterprises", ents);
    if (!conf) {
      m.put("enterprises_note_zh", "单个企业的税收、营收、分类等数据仅对土地管理人员公开");
      m.put("enterprises_note_en", "single enterprises' figures and classes are shown to land officers only");
    }
    return m;
  }

  /** The share of enterprise {@code e}'s figures counted on parcel {@code p} (its land there over all its land counted). */
  private static double counted(EfficiencyResult r, int p, int e) {
    double sum = 0;
    for (int k = r.contribStart[p]; k < r.contribStart[p + 1]; k++) {
      if (r.contribEnt[k] == e) {
        sum += r.contribShare[k];
      }
    }
    return sum;
  }

  /** A parcel's place by 亩均税收 among the parcels of its industrial park and of its zone that have one. */
  private static Map<String, Object> parcelRanks(EfficiencyResult r, ParcelResult p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by", Indicator.TAX_PER_MU.key);
    m.put("by_zh", Indicator.TAX_PER_MU.nameZh);
    m.put("by_en", Indicator.TAX_PER_MU.nameEn);
    double v = p.value(Indicator.TAX_PER_MU);
    // {parcels with a higher value, parcels with a value}: place() makes the first a rank
    int[] park = {0, 0};
    int[] zone = {0, 0};
    for (ParcelResult o : r.parcels) {
      double w = o.value(Indicator.TAX_PER_MU);
      if (!Double.isFinite(w) || o.enterprises() == 0) {
        continue;
      }
      boolean inZone = p.parcel().zone() != null && p.parcel().zone().equals(o.parcel().zone());
      boolean inPark = p.parcel().park() != null && p.parcel().park().equals(o.parcel().park());
      if (inZone) {
        zone[1]++;
        zone[0] += w > v ? 1 : 0;
      }
      if (inPark) {
        park[1]++;
        park[0] += w > v ? 1 : 0;
      }
    }
    boolean ranked = Double.isFinite(v) && p.enterprises() > 0;
    m.put("park", ranked && p.parcel().park() != null ? place(park[0], park[1]) : null);
    m.put("zone", ranked ? place(zone[0], zone[1]) : null);
    return m;
  }

  // ------------------------------------------------------------------------------------ enterprise

  private Map<String, Object> enterprise(EfficiencyData d, Scheme s, int y, int ei, boolean conf) throws SQLException {
    EfficiencyResult r = service.official(s.id(), y);
    EnterpriseResult e = r.enterprises.get(ei);
    var en = e.enterprise();
    Map<String, Object> m = head(d, r, Level.enterprise, en.id(), conf);
    place(d, m, en.zone(), en.park());
    m.put("name_zh", en.nameZh());
    m.put("name_en", en.nameEn());
    m.put("figures_shown", conf);
    if (!conf) {
      m.put("withheld_zh", "单个企业的税收、营收、分类等数据属保密信息，仅对土地管理人员公开；可查看其所在地块或园区的合计数据");
      m.put("withheld_en", "a single enterprise's figures and class are confidential (land officers only); see its parcel's or park's totals");
    } else {
      m.put("status", e.status().name());
      m.put("status_zh", e.status().nameZh);
      m.put("status_en", e.status().nameEn);
      m.put("land_mu", EfficiencyService.num(e.landMu()));
      m.put("indicators", indicators(e::value));
      m.put("class", e.cls());
      m.put("class_zh", e.cls() == null ? null : e.cls() + "类");
      m.put("class_note", e.classNote());
      m.put("score", EfficiencyService.num(e.score()));
      m.put("rank", enterpriseRanks(r, e));
      List<Map<String, Object>> series = new ArrayList<>();
      for (int yr : d.years()) {
        EnterpriseResult ey = service.official(s.id(), yr).enterprises.get(ei);
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("year", yr);
        x.put("shown", true);
        for (Indicator i : SHOWN) {
          x.put(i.key, EfficiencyService.num(ey.value(i)));
        }
        x.put("class", ey.cls());
        series.add(x);
      }
      m.put("series", series);
      List<Map<String, Object>> reasons = new ArrayList<>();
      for (ParcelResult p : r.parcels) {
        if (en.id().equals(p.mainEnterprise())) {
          for (Map<String, Object> f : reasons(p, true)) {
            f.put("parcel", p.parcel().id());
            reasons.add(f);
          }
        }
      }
      m.put("reasons", reasons);
    }
    List<Map<String, Object>> parcels = new ArrayList<>();
    for (LandUse lu : d.landUses) {
      if (!lu.enterpriseId().equals(en.id()) || (lu.sinceYear() != null && lu.sinceYear() > y)) {
        continue;
      }
      int pi = d.parcelIndex.get(lu.parcelId());
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", lu.parcelId());
      x.put("role", lu.role());
      x.put("role_zh", roleZh(lu.role()));
      x.put("area_mu", EfficiencyService.num(r.parcels.get(pi).parcel().areaMu()));
      if (conf) {
        x.put("share_of_parcel", EfficiencyService.num(lu.share()));
        x.put("share_of_figures", EfficiencyService.num(counted(r, pi, ei)));
      }
      parcels.add(x);
    }
    m.put("parcels", parcels);
    return m;
  }

  /** The enterprise's place by score among the classed firms of its park (computed here) and its zone (the engine's rank). */
  private static Map<String, Object> enterpriseRanks(EfficiencyResult r, EnterpriseResult e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by", "score");
    m.put("by_zh", "综合得分");
    m.put("by_en", "Score");
    if (e.rank() <= 0) {
      m.put("park", null);
      m.put("zone", null);
      return m;
    }
    String park = e.enterprise().park();
    int better = 0;
    int of = 0;
    for (EnterpriseResult o : r.enterprises) {
      if (o.rank() > 0 && park != null && park.equals(o.enterprise().park())
          && java.util.Objects.equals(o.enterprise().zone(), e.enterprise().zone())) {
        of++;
        better += o.rank() < e.rank() ? 1 : 0;
      }
    }
    m.put("park", park == null ? null : place(better, of));
    m.put("zone", Map.of("rank", e.rank(), "of", e.ranked(), "text", "第 " + e.rank() + " / " + e.ranked()));
    return m;
  }

  // ---------------------------------------------------------------------------------------- shared

  private static Map<String, Object> place(int better, int of) {
    int rank = better + 1;
    return Map.of("rank", rank, "of", of, "text", "第 " + rank + " / " + of);
  }

  private interface Values {
    double value(Indicator i);
  }

  private static List<Map<String, Object>> indicators(Values v) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Indicator i : SHOWN) {
      double perMu = v.value(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", i.key);
      m.put("name_zh", i.nameZh);
      m.put("name_en", i.nameEn);
      m.put("per_mu", EfficiencyService.num(perMu));
      m.put("per_ha", EfficiencyService.num(i.convert(perMu, Unit.ha)));
      m.put("unit_mu", i.unit);
      m.put("unit_ha", i.unit(Unit.ha));
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> reasons(ParcelResult p, boolean conf) {
    List<Map<String, Object>> out = new ArrayList<>();
    var pc = p.parcel();
    for (LowReason.Found f : EfficiencyService.visibleReasons(p, conf)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", f.reason().name());
      m.put("name_zh", f.reason().nameZh);
      m.put("name_en", f.reason().nameEn);
      // the plan's control indicators are public; the numbers behind the other reasons are not
      boolean open = conf || f.reason() == LowReason.far_below_min || f.reason() == LowReason.coverage_below_min;
      m.put("detail_zh", open ? f.detailZh() : null);
      m.put("detail_en", open ? f.detailEn() : null);
      out.add(m);
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
  }

  private static String roleZh(String role) {
    return LandUse.TENANT.equals(role) ? "承租" : LandUse.OWNER.equals(role) ? "土地使用权人" : role;
  }

  private static String nameZh(EfficiencyData d, String id) {
    GroupName g = id == null ? null : d.groups.get(id);
    return g == null ? id : g.nameZh();
  }

  private static String nameEn(EfficiencyData d, String id) {
    GroupName g = id == null ? null : d.groups.get(id);
    return g == null ? id : g.nameEn();
  }
}
