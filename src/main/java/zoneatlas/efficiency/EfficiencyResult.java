package zoneatlas.efficiency;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zoneatlas.model.Enterprise;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * Indicators, scores and classes of one year under one scheme, for every enterprise, parcel and
 * roll-up. Computed by {@link EfficiencyEngine}; cached by data version, scheme and year, so it
 * is immutable once built (its arrays are never changed after construction) and thread-safe to
 * read. Values are raw; rounding and confidentiality are the view's business.
 */
public final class EfficiencyResult {
  /** Yearly figures summed in roll-ups, in this order. */
  public static final String[] FIGURES = {"tax_wan", "revenue_wan", "value_added_wan", "energy_tce", "employees",
    "rnd_wan", "investment_wan", "pollutant_eq"};

  /** The figures of one year in {@link #FIGURES} order; NaN where not reported. */
  public static double[] figureValues(YearFigures f) {
    return new double[] {n(f.taxWan()), n(f.revenueWan()), n(f.valueAddedWan()), n(f.energyTce()),
      f.employees() == null ? Double.NaN : f.employees(), n(f.rndWan()), n(f.investmentWan()), n(f.pollutantEq())};
  }

  private static double n(Double v) {
    return v == null ? Double.NaN : v;
  }

  public final Scheme scheme;
  public final int year;
  public final EfficiencyData data;
  public final List<EnterpriseResult> enterprises;
  public final List<ParcelResult> parcels;
  /** Roll-ups over all parcels, by level then group id. */
  public final Map<Level, Map<String, GroupResult>> groups;
  /** Roll-ups over industrial parcels only (the plans' targets are about industrial land). */
  public final Map<Level, Map<String, GroupResult>> industrialGroups;
  /** The frozen list each zone's classes come from (公示 or published), by zone; a zone not here is a draft. */
  public final Map<String, EfficiencyData.FrozenList> frozen;

  /**
   * Who contributes to each parcel's figures (CSR by parcel index: items {@code contribStart[p]}
   * to {@code contribStart[p+1]}): the enterprise index and the share of its figures counted
   * there (its land on the parcel over all its land counted). An enterprise may appear twice on
   * a parcel (owner and tenant). Read by {@link Disclosure}; never changed after construction.
   */
  final int[] contribStart;
  final int[] contribEnt;
  final double[] contribShare;

  EfficiencyResult(Scheme scheme, int year, EfficiencyData data, List<EnterpriseResult> enterprises,
      List<ParcelResult> parcels, Map<Level, Map<String, GroupResult>> groups,
      Map<Level, Map<String, GroupResult>> industrialGroups, int[] contribStart, int[] contribEnt,
      double[] contribShare, Map<String, EfficiencyData.FrozenList> frozen) {
    this.frozen = Collections.unmodifiableMap(frozen);
    this.contribStart = contribStart;
    this.contribEnt = contribEnt;
    this.contribShare = contribShare;
    this.scheme = scheme;
    this.year = year;
    this.data = data;
    this.enterprises = Collections.unmodifiableList(enterprises);
    this.parcels = Collections.unmodifiableList(parcels);
    this.groups = groups;
    this.industrialGroups = industrialGroups;
  }

  public Optional<EnterpriseResult> enterprise(String id) {
    Integer i = data.enterpriseIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(enterprises.get(i));
  }

  public Optional<ParcelResult> parcel(String id) {
    Integer i = data.parcelIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(parcels.get(i));
  }

  /**
   * One enterprise's year.
   *
   * @param landMu land in the denominator: owned parcels less what is leased out, plus leased
   *     shares, less land in its construction period
   * @param values indicator values by {@link Indicator#ordinal()}, NaN where undefined
   * @param scoreParts points per weighted indicator by ordinal, NaN where not weighted
   * @param rank position by score among the zone's evaluated firms (1 = best), 0 if not ranked
   * @param adjustPoints bonus less penalty points (加分/扣分) included in the score
   * @param adjustments codes of the scheme's bonus and penalty items recorded against the firm this year
   */
  public record EnterpriseResult(
      Enterprise enterprise,
      Status status,
      String statusNote,
      double landMu,
      double ownedLandMu,
      double leasedLandMu,
      double constructionLandMu,
      double leasedFloorM2,
      YearFigures figures,
      double[] values,
      double score,
      double[] scoreParts,
      List<Indicator> missing,
      String cls,
      String classNote,
      int rank,
      int ranked,
      String mainParcel,
      double adjustPoints,
      List<String> adjustments) {
    public double value(Indicator i) {
      return values[i.ordinal()];
    }
  }

  /**
   * One parcel: the figures of its users, each enterprise's figures shared out over its parcels
   * in proportion to its land on them.
   *
   * @param enterprises users with figures that contribute
   * @param users every enterprise holding or leasing it this year
   * @param cls the class of its largest classed user
   */
  public record ParcelResult(
      Parcel parcel,
      int enterprises,
      int users,
      double landMu,
      double[] num,
      double[] den,
      double[] totals,
      String cls,
      String mainEnterprise,
      boolean inConstruction,
      List<LowReason.Found> reasons) {
    public double value(Indicator i) {
      if (i == Indicator.FAR) {
        return parcel.far();
      }
      if (i == Indicator.COVERAGE) {
        return parcel.coverage() * 100;
      }
      int k = i.ordinal();
      return den[k] > 0 ? num[k] / den[k] : Double.NaN;
    }

    public boolean lowEfficiency() {
      return !reasons.isEmpty();
    }
  }

  /**
   * A roll-up over the parcels of one zone, core board, industrial park or small-micro park.
   *
   * @param enterprises distinct enterprises whose figures contribute (the confidentiality count)
   * @param classed distinct classed enterprises with land here
   * @param builtAreaMu area of built parcels (the FAR and coverage denominator)
   */
  public record GroupResult(
      Level level,
      String id,
      String zone,
      int parcels,
      double parcelAreaMu,
      double builtAreaMu,
      int enterprises,
      int evaluated,
      int classed,
      double landMu,
      double[] num,
      double[] den,
      double[] totals,
      Map<String, Integer> classCounts,
      int lowParcels,
      double lowAreaMu,
      int lowParcelsPublic,
      double lowAreaPublicMu) {
    public double value(Indicator i) {
      int k = i.ordinal();
      return den[k] > 0 ? num[k] / den[k] : Double.NaN;
    }
  }
}
