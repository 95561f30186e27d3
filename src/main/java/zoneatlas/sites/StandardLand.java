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
    Boolean investOk = check(reasons, "investment_intensity", "投资强度", "investment", invest,
        p.reqInvestWanPerMu(), "万元/亩", "per mu");
    Boolean taxOk = check(reasons, "tax_per_mu", "亩均税收", "tax", tax, p.reqTaxWanPerMu(), "万元/亩·年",
        "per mu a year");
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

  /**
   * True/false when tested, null when the investor gave no figure; a reason either way, which
   * tells the project's figure from the parcel's requirement ("本项目…，要求 ≥ …").
   */
  private static Boolean check(List<Reason> out, String code, String zh, String en, Double project, Double req,
      String unitZh, String per) {
    if (!positive(req)) {
      out.add(new Reason(code, true, zh + "：该地块无要求", en + ": the parcel sets no requirement"));
      return true;
    }
    if (project == null) {
      out.add(new Reason(code, true, String.format(Locale.ROOT, "%s：要求 ≥ %s %s；未填写项目数据，未测算", zh, fmt(req), unitZh),
          String.format(Locale.ROOT, "%s: at least %s %s required; not tested (no project figure given)", en,
              cny(req * 10_000), per)));
      return null;
    }
    boolean ok = project >= req;
    out.add(new Reason(code, ok,
        String.format(Locale.ROOT, "本项目%s %s %s，%s要求的 %s %s", zh, fmt(project), unitZh, ok ? "达到" : "低于", fmt(req), unitZh),
        String.format(Locale.ROOT, "the project's %s of %s %s %s the required %s", en, cny(project * 10_000), per,
            ok ? "reaches" : "falls short of", cny(req * 10_000))));
    return ok;
  }

  /** An amount of yuan as English readers write it: CNY 1.8 million, CNY 90,000. */
  static String cny(double yuan) {
    return yuan >= 1_000_000 ? "CNY " + plain(yuan / 1_000_000) + " million" : String.format(Locale.ROOT, "CNY %,.0f", yuan);
  }

  /** 1.20 as 1.2, 30.0 as 30: at most two decimals, no trailing zeros. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
  }

  static String fmt(double v) {
    return Math.abs(v - Math.rint(v)) < 0.005 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
