package zoneatlas.sites;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import zoneatlas.sites.Out.Reason;
import zoneatlas.sites.SiteRepo.ParcelRow;

/**
 * The "standard land" (标准地) test: a parcel is supplied with control indicators, among them a
 * fixed-asset investment intensity and a tax per mu per year, and a project qualifies for it
 * when its own figures on that parcel reach them. A project given as totals spreads over the
 * parcel's area (a bigger parcel needs more investment); one given per mu is compared directly.
 * A requirement of 0 or none means the parcel sets none.
 */
final class StandardLand {
  private StandardLand() {}

  /** The investor's projected figures; totals and per-mu figures are alternatives. */
  record Investor(Double invest_wan, Double invest_wan_per_mu, Double tax_wan, Double tax_wan_per_mu) {
    boolean given() {
      return invest_wan != null || invest_wan_per_mu != null || tax_wan != null || tax_wan_per_mu != null;
    }

    static final Investor NONE = new Investor(null, null, null, null);
  }

  /**
   * @param max_area_mu with totals: the largest area this project would qualify for at this
   *     parcel's requirements (totals ÷ requirement per mu), null when it does not apply
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Test(boolean qualifies, Double invest_wan_per_mu, Double req_invest_wan_per_mu, Boolean invest_ok,
      Double tax_wan_per_mu, Double req_tax_wan_per_mu, Boolean tax_ok, Double max_area_mu, List<Reason> reasons) {}

  static Test test(ParcelRow p, Investor inv) {
    List<Reason> reasons = new ArrayList<>();
    Double invest = perMu(inv.invest_wan(), inv.invest_wan_per_mu(), p.areaMu());
    Double tax = perMu(inv.tax_wan(), inv.tax_wan_per_mu(), p.areaMu());
    Boolean investOk = check(reasons, "investment_intensity", "投资强度", "investment intensity", invest,
        p.reqInvestWanPerMu(), "万元/亩", "10k CNY/mu");
    Boolean taxOk = check(reasons, "tax_per_mu", "亩均税收", "tax per mu", tax, p.reqTaxWanPerMu(), "万元/亩·年",
        "10k CNY/mu/yr");
    Double maxArea = null;
    if (inv.invest_wan() != null && positive(p.reqInvestWanPerMu())) {
      maxArea = inv.invest_wan() / p.reqInvestWanPerMu();
    }
    if (inv.tax_wan() != null && positive(p.reqTaxWanPerMu())) {
      double t = inv.tax_wan() / p.reqTaxWanPerMu();
      maxArea = maxArea == null ? t : Math.min(maxArea, t);
    }
    boolean ok = !Boolean.FALSE.equals(investOk) && !Boolean.FALSE.equals(taxOk);
    return new Test(ok, Out.round(invest, 2), p.reqInvestWanPerMu(), investOk, Out.round(tax, 2), p.reqTaxWanPerMu(),
        taxOk, Out.round(maxArea, 2), reasons);
  }

  private static Double perMu(Double total, Double perMu, double areaMu) {
    if (total != null) {
      return areaMu > 0 ? total / areaMu : null;
    }
    return perMu;
  }

  private static boolean positive(Double v) {
    return v != null && v > 0;
  }

  /** True/false when tested, null when the investor gave no figure; a reason either way. */
  private static Boolean check(List<Reason> out, String code, String zh, String en, Double project, Double req,
      String unitZh, String unitEn) {
    if (!positive(req)) {
      out.add(new Reason(code, true, zh + "：该地块无要求", en + ": the parcel sets no requirement"));
      return true;
    }
    if (project == null) {
      out.add(new Reason(code, true, String.format(Locale.ROOT, "%s要求 %s %s；未提供项目数据，未检验", zh, fmt(req), unitZh),
          String.format(Locale.ROOT, "%s required %s %s; not checked (no project figure given)", en, fmt(req), unitEn)));
      return null;
    }
    boolean ok = project >= req;
    out.add(new Reason(code, ok,
        String.format(Locale.ROOT, "%s %s %s %s 要求 %s %s", zh, fmt(project), unitZh, ok ? "≥" : "<", fmt(req), unitZh),
        String.format(Locale.ROOT, "%s %s %s %s required %s", en, fmt(project), unitEn, ok ? ">=" : "<", fmt(req))));
    return ok;
  }

  static String fmt(double v) {
    return Math.abs(v - Math.rint(v)) < 0.005 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
