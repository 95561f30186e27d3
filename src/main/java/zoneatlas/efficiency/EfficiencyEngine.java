package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import zoneatlas.efficiency.EfficiencyResult.EnterpriseResult;
import zoneatlas.efficiency.EfficiencyResult.GroupResult;
import zoneatlas.efficiency.EfficiencyResult.ParcelResult;
import zoneatlas.efficiency.Scheme.Benchmark;
import zoneatlas.efficiency.Scheme.Weighting;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.ParcelStatus;
import zoneatlas.model.YearFigures;

/**
 * The mu-efficiency computation: pure Java over loaded records, so the embedded store and PostGIS
 * give exactly the same numbers, and a what-if is the same code with another scheme. Stateless
 * and thread-safe.
 *
 * <p>The denominator: each land link counts from its {@code since_year}. A tenant's land is its
 * share of the parcel's area. What is leased out comes off the parcel first; the rest goes to the
 * owners in proportion to their ownership shares (a sole owner gets all of it, whatever share it
 * is recorded with). Land in its construction period leaves the denominator. Leased shares of
 * one parcel over 100% are a data error naming the parcel, never silently capped.
 *
 * <p>Roll-ups share each enterprise's figures over its parcels in proportion to its land on them,
 * and divide summed numerators by summed denominators, so a park's tax per mu is its tax over its
 * land, not an average of its firms' ratios.
 */
public final class EfficiencyEngine {
  private static final double EPS = 1e-9;
  private static final int K = Indicator.values().length;
  private static final int FAR = Indicator.FAR.ordinal();
  private static final int COV = Indicator.COVERAGE.ordinal();
  /** 闲置土地处置办法 (国土资源部令第53号) art. 2: idle when not started a full year after the agreed start. */
  static final int IDLE_AFTER_YEARS = 1;

  private EfficiencyEngine() {}

  /** Indicators, scores, classes, roll-ups and low-efficiency reasons for one year. */
  public static EfficiencyResult compute(EfficiencyData d, Scheme s, int year) {
    return new Run(d, s, year).run();
  }

  /** True when the parcel's land is still in its construction period in {@code year}. */
  static boolean inConstruction(Parcel p, int year, int constructionYears) {
    return p.supplyYear() != null && year - p.supplyYear() < constructionYears;
  }

  static boolean built(Parcel p) {
    String s = p.status();
    return ParcelStatus.in_use.name().equals(s) || ParcelStatus.partly_used.name().equals(s)
        || ParcelStatus.built_not_producing.name().equals(s);
  }

  static boolean industrial(Parcel p) {
    return p.landUseCode() != null && p.landUseCode().startsWith("1001");
  }

  /** A number for a note, to two decimals; cheaper than String.format, which notes for 100,000 firms would feel. */
  static String fmt(double v) {
    if (!Double.isFinite(v) || Math.abs(v) >= 1e7) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    long cents = Math.round(v * 100);
    if (cents % 100 == 0) {
      return Long.toString(cents / 100);
    }
    String sign = cents < 0 ? "-" : "";
    long a = Math.abs(cents);
    return sign + (a / 100) + "." + (a % 100 < 10 ? "0" : "") + (a % 10 == 0 ? Long.toString(a % 100 / 10) : Long.toString(a % 100));
  }

  /** One computation; all state is local to it. */
  private static final class Run {
    final EfficiencyData d;
    final Scheme s;
    final int year;
    final int np;
    final int ne;
    final Parcel[] parcels;
    final Enterprise[] ents;
    final YearFigures[] figs;

    // land items, grouped by enterprise (CSR: items of enterprise e are itemStart[e] .. itemStart[e+1])
    int[] itemStart;
    int[] itEnt;
    int[] itParcel;
    double[] itLand;
    boolean[] itTenant;
    boolean[] pCons;
    double[] ownerSum;
    double[] tenantSum;

    double[] eLand;
    double[] eOwned;
    double[] eLeased;
    double[] eCons;
    double[] eFloor;
    String[] eNoAreaParcel;
    Status[] status;
    String[] statusNote;
    double[] eNum;
    double[] eDen;
    double[] score;
    double[][] parts;
    List<List<Indicator>> missing;
    String[] cls;
    String[] classNote;
    int[] rank;
    int[] ranked;
    double[] adjustPoints;
    List<List<String>> adjustments;
    String[] capClass;
    final Map<String, EfficiencyData.FrozenList> frozen = new TreeMap<>();

    Run(EfficiencyData d, Scheme s, int year) {
      this.d = d;
      this.s = s;
      this.year = year;
      this.np = d.parcels.size();
      this.ne = d.enterprises.size();
      this.parcels = d.parcels.toArray(new Parcel[0]);
      this.ents = d.enterprises.toArray(new Enterprise[0]);
      YearFigures[] f = d.figures(year);
      this.figs = f == null ? new YearFigures[ne] : f;
    }

    EfficiencyResult run() {
      land();
      statuses();
      indicators();
      scores();
      classify();
      applyFrozenLists();
      List<ParcelResult> pr = parcelResults();
      Map<Level, Map<String, GroupResult>> all = groups(pr, false);
      Map<Level, Map<String, GroupResult>> ind = groups(pr, true);
      List<EnterpriseResult> er = new ArrayList<>(ne);
      for (int e = 0; e < ne; e++) {
        double[] v = new double[K];
        for (int k = 0; k < K; k++) {
          double den = eDen[e * K + k];
          v[k] = den > 0 && Double.isFinite(eNum[e * K + k]) ? eNum[e * K + k] / den : Double.NaN;
        }
        er.add(new EnterpriseResult(ents[e], status[e], statusNote[e], eLand[e], eOwned[e], eLeased[e], eCons[e],
            eFloor[e], figs[e], v, score[e], parts[e], missing.get(e), cls[e], classNote[e], rank[e], ranked[e],
            mainParcel(e), adjustPoints[e], adjustments.get(e)));
      }
      return new EfficiencyResult(s, year, d, er, pr, all, ind, contribStart, contribEnt, contribShare, frozen);
    }

    // ---------------------------------------------------------------------------------- land

    void land() {
      List<LandUse> active = new ArrayList<>();
      ownerSum = new double[np];
      tenantSum = new double[np];
      List<int[]> idx = new ArrayList<>();
      for (LandUse lu : d.landUses) {
        if (lu.sinceYear() != null && lu.sinceYear() > year) {
          continue;
        }
        Integer pi = d.parcelIndex.get(lu.parcelId());
        if (pi == null) {
          throw new EfficiencyDataException("enterprise " + lu.enterpriseId() + " is linked to parcel " + lu.parcelId()
              + ", which does not exist");
        }
        Integer ei = d.enterpriseIndex.get(lu.enterpriseId());
        if (ei == null) {
          throw new EfficiencyDataException("parcel " + lu.parcelId() + " is linked to enterprise " + lu.enterpriseId()
              + ", which does not exist");
        }
        if (!(lu.share() > 0 && lu.share() <= 1 + EPS)) {
          throw new EfficiencyDataException("parcel " + lu.parcelId() + ": share of enterprise " + lu.enterpriseId()
              + " must be more than 0 and at most 1 (100%), got " + lu.share());
        }
        boolean tenant;
        if (LandUse.OWNER.equals(lu.role())) {
          ownerSum[pi] += lu.share();
          tenant = false;
        } else if (LandUse.TENANT.equals(lu.role())) {
          tenantSum[pi] += lu.share();
          tenant = true;
        } else {
          throw new EfficiencyDataException("parcel " + lu.parcelId() + ": enterprise " + lu.enterpriseId()
              + " has role '" + lu.role() + "'; roles are owner and tenant");
        }
        active.add(lu);
        idx.add(new int[] {ei, pi, tenant ? 1 : 0});
      }
      for (int p = 0; p < np; p++) {
        if (tenantSum[p] > 1 + EPS) {
          throw new EfficiencyDataException(sharesError(p, active, LandUse.TENANT, "leased shares", tenantSum[p]));
        }
        if (ownerSum[p] > 1 + EPS) {
          throw new EfficiencyDataException(sharesError(p, active, LandUse.OWNER, "ownership shares", ownerSum[p]));
        }
      }
      pCons = new boolean[np];
      for (int p = 0; p < np; p++) {
        pCons[p] = inConstruction(parcels[p], year, s.scope().constructionYears());
      }
      int n = active.size();
      itemStart = new int[ne + 1];
      for (int[] x : idx) {
        itemStart[x[0] + 1]++;
      }
      for (int e = 0; e < ne; e++) {
        itemStart[e + 1] += itemStart[e];
      }
      int[] fill = Arrays.copyOf(itemStart, ne);
      itEnt = new int[n];
      itParcel = new int[n];
      itLand = new double[n];
      itTenant = new boolean[n];
      eLand = new double[ne];
      eOwned = new double[ne];
      eLeased = new double[ne];
      eCons = new double[ne];
      eFloor = new double[ne];
      eNoAreaParcel = new String[ne];
      for (int j = 0; j < n; j++) {
        LandUse lu = active.get(j);
        int e = idx.get(j)[0];
        int p = idx.get(j)[1];
        boolean tenant = idx.get(j)[2] == 1;
        Parcel pc = parcels[p];
        double area = Double.isFinite(pc.areaMu()) && pc.areaMu() > 0 ? pc.areaMu() : 0;
        if (area == 0 && eNoAreaParcel[e] == null) {
          eNoAreaParcel[e] = pc.id();
        }
        double land = tenant ? area * lu.share() : area * Math.max(0, 1 - tenantSum[p]) * (lu.share() / ownerSum[p]);
        int at = fill[e]++;
        itEnt[at] = e;
        itParcel[at] = p;
        itLand[at] = land;
        itTenant[at] = tenant;
      }
      // per-enterprise sums in item order, so the sum is the same whatever order the links came in
      for (int e = 0; e < ne; e++) {
        sortItems(e);
        for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
          int p = itParcel[j];
          if (pCons[p]) {
            eCons[e] += itLand[j];
            continue;
          }
          eLand[e] += itLand[j];
          if (itTenant[j]) {
            eLeased[e] += itLand[j];
            double floor = parcels[p].floorAreaM2();
            if (Double.isFinite(floor) && floor > 0) {
              eFloor[e] += floor * itLand[j] / Math.max(parcels[p].areaMu(), EPS);
            }
          } else {
            eOwned[e] += itLand[j];
          }
        }
      }
    }

    /** Items of one enterprise in parcel order, tenant after owner. */
    void sortItems(int e) {
      int a = itemStart[e];
      int b = itemStart[e + 1];
      if (b - a < 2) {
        return;
      }
      Integer[] order = new Integer[b - a];
      for (int i = 0; i < order.length; i++) {
        order[i] = a + i;
      }
      Arrays.sort(order, Comparator.comparing((Integer j) -> parcels[itParcel[j]].id()).thenComparing(j -> itTenant[j]));
      int[] p = new int[order.length];
      double[] l = new double[order.length];
      boolean[] t = new boolean[order.length];
      for (int i = 0; i < order.length; i++) {
        p[i] = itParcel[order[i]];
        l[i] = itLand[order[i]];
        t[i] = itTenant[order[i]];
      }
      System.arraycopy(p, 0, itParcel, a, p.length);
      System.arraycopy(l, 0, itLand, a, l.length);
      System.arraycopy(t, 0, itTenant, a, t.length);
    }

    String sharesError(int p, List<LandUse> active, String role, String what, double sum) {
      List<String> who = new ArrayList<>();
      for (LandUse lu : active) {
        if (lu.parcelId().equals(parcels[p].id()) && lu.role().equals(role)) {
          who.add(lu.enterpriseId() + " " + fmt(lu.share() * 100) + "%");
        }
      }
      Collections.sort(who);
      return "parcel " + parcels[p].id() + ": " + what + " add up to " + fmt(sum * 100)
          + "% of its area, more than 100% (" + String.join(", ", who) + ", in " + year + ")";
    }

    String mainParcel(int e) {
      int best = -1;
      for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
        if (best < 0 || itLand[j] > itLand[best]) {
          best = j;
        }
      }
      return best < 0 ? null : parcels[itParcel[best]].id();
    }

    // ---------------------------------------------------------------------------------- who is evaluated

    void statuses() {
      Scheme.Scope sc = s.scope();
      status = new Status[ne];
      statusNote = new String[ne];
      for (int e = 0; e < ne; e++) {
        Enterprise en = ents[e];
        Scheme.Exemption exemption = recordedExemption(en);
        if (eLand[e] <= 0) {
          if (eCons[e] > 0) {
            status[e] = Status.exempt_construction;
            statusNote[e] = "all land supplied less than " + sc.constructionYears() + " years before " + year;
          } else {
            status[e] = Status.no_land;
            statusNote[e] = eNoAreaParcel[e] != null ? "parcel " + eNoAreaParcel[e] + " has no area"
                : itemStart[e] == itemStart[e + 1] ? "no land link in " + year : "all its land is leased out";
          }
        } else if (en.foundedYear() > 0 && year - en.foundedYear() < sc.newEnterpriseYears()) {
          status[e] = Status.exempt_new;
          statusNote[e] = "founded " + en.foundedYear();
        } else if (eLand[e] < sc.minLandMu() - EPS && !(sc.minLeasedFloorM2() > 0 && eFloor[e] >= sc.minLeasedFloorM2() - EPS)) {
          status[e] = Status.below_scope;
          statusNote[e] = fmt(eLand[e]) + " mu < " + fmt(sc.minLandMu()) + " mu"
              + (sc.minLeasedFloorM2() > 0 ? ", leased floor " + fmt(eFloor[e]) + " m² < " + fmt(sc.minLeasedFloorM2()) + " m²" : "");
        } else if (exemption != null) {
          status[e] = Status.exempt_recorded;
          statusNote[e] = "recorded exemption: " + exemption.nameEn();
        } else if (figs[e] == null) {
          status[e] = Status.no_figures;
          statusNote[e] = "no figures for " + year;
        } else {
          status[e] = Status.evaluated;
        }
      }
    }

    /** The first of the scheme's exemptions recorded against the firm this year, or null. */
    Scheme.Exemption recordedExemption(Enterprise en) {
      for (String code : d.flags(en.id(), year)) {
        java.util.Optional<Scheme.Exemption> x = s.evaluation().exemption(code);
        if (x.isPresent()) {
          return x.get();
        }
      }
      return null;
    }

    // ---------------------------------------------------------------------------------- indicators

    void indicators() {
      eNum = new double[ne * K];
      eDen = new double[ne * K];
      Arrays.fill(eNum, Double.NaN);
      Arrays.fill(eDen, Double.NaN);
      double[] cumInv = d.cumulativeInvestment(year);
      for (int e = 0; e < ne; e++) {
        if (eLand[e] <= 0) {
          continue;
        }
        int o = e * K;
        double farNum = 0;
        double covNum = 0;
        for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
          Parcel p = parcels[itParcel[j]];
          if (pCons[itParcel[j]]) {
            continue;
          }
          farNum += (Double.isFinite(p.far()) ? p.far() : 0) * itLand[j];
          covNum += (Double.isFinite(p.coverage()) ? p.coverage() : 0) * 100 * itLand[j];
        }
        set(o, Indicator.FAR, farNum, eLand[e]);
        set(o, Indicator.COVERAGE, covNum, eLand[e]);
        YearFigures f = figs[e];
        if (f == null) {
          continue;
        }
        double land = eLand[e];
        set(o, Indicator.TAX_PER_MU, n(f.taxWan()), land);
        set(o, Indicator.REVENUE_PER_MU, n(f.revenueWan()), land);
        set(o, Indicator.VALUE_ADDED_PER_MU, n(f.valueAddedWan()), land);
        set(o, Indicator.VALUE_ADDED_PER_TCE, n(f.valueAddedWan()), n(f.energyTce()));
        set(o, Indicator.REVENUE_PER_TCE, n(f.revenueWan()), n(f.energyTce()));
        set(o, Indicator.VALUE_ADDED_PER_POLLUTANT, n(f.valueAddedWan()), n(f.pollutantEq()));
        set(o, Indicator.LABOUR_PRODUCTIVITY, n(f.valueAddedWan()), f.employees() == null ? Double.NaN : f.employees());
        set(o, Indicator.RND_INTENSITY, n(f.rndWan()) * 100, n(f.revenueWan()));
        set(o, Indicator.INVESTMENT_INTENSITY, cumInv[e], land);
        set(o, Indicator.ENERGY_PER_VALUE_ADDED, n(f.energyTce()), n(f.valueAddedWan()));
      }
    }

    private void set(int o, Indicator i, double num, double den) {
      eNum[o + i.ordinal()] = num;
      eDen[o + i.ordinal()] = den;
    }

    private static double n(Double v) {
      return v == null ? Double.NaN : v;
    }

    double value(int e, Indicator i) {
      int k = e * K + i.ordinal();
      return eDen[k] > 0 && Double.isFinite(eNum[k]) ? eNum[k] / eDen[k] : Double.NaN;
    }

    // ---------------------------------------------------------------------------------- scores

    private static List<String> append(List<String> l, String x) {
      List<String> out = new ArrayList<>(l);
      out.add(x);
      return List.copyOf(out);
    }

    int classIndex(String c) {
      return s.classify().classes().indexOf(c);
    }

    void scores() {
      adjustPoints = new double[ne];
      adjustments = new ArrayList<>(Collections.nCopies(ne, List.of()));
      capClass = new String[ne];
      score = new double[ne];
      parts = new double[ne][];
      missing = new ArrayList<>(Collections.nCopies(ne, List.of()));
      Arrays.fill(score, Double.NaN);
      // zone averages over the evaluated firms, for benchmarks set to "zone_average"
      Map<String, double[]> avgNum = new HashMap<>();
      Map<String, double[]> avgDen = new HashMap<>();
      for (int e = 0; e < ne; e++) {
        if (status[e] != Status.evaluated) {
          continue;
        }
        double[] an = avgNum.computeIfAbsent(ents[e].zone(), z -> new double[K]);
        double[] ad = avgDen.computeIfAbsent(ents[e].zone(), z -> new double[K]);
        for (int k = 0; k < K; k++) {
          double nu = eNum[e * K + k];
          double de = eDen[e * K + k];
          if (Double.isFinite(nu) && de > 0) {
            an[k] += nu;
            ad[k] += de;
          }
        }
      }
      Map<String, Map<Indicator, Weighting>> weightings = new HashMap<>();
      double cap = s.scoring().cap();
      for (int e = 0; e < ne; e++) {
        if (status[e] != Status.evaluated) {
          continue;
        }
        String zone = ents[e].zone();
        Map<Indicator, Weighting> ws = weightings.computeIfAbsent(zone, s.scoring()::forZone);
        double[] pt = new double[K];
        Arrays.fill(pt, Double.NaN);
        double sum = 0;
        List<Indicator> miss = null;
        for (Map.Entry<Indicator, Weighting> w : ws.entrySet()) {
          Indicator i = w.getKey();
          double bm = benchmark(w.getValue().benchmark(), zone, i, avgNum, avgDen);
          double v = value(e, i);
          double part;
          if (Double.isNaN(v)) {
            part = 0;
            if (miss == null) {
              miss = new ArrayList<>();
            }
            miss.add(i);
          } else if (!(bm > 0)) {
            part = 0;
          } else {
            part = Math.min(Math.max(v / bm, 0), cap) * w.getValue().weight();
          }
          pt[i.ordinal()] = part;
          sum += part;
        }
        for (String code : d.flags(ents[e].id(), year)) {
          java.util.Optional<Scheme.Adjustment> a = s.evaluation().adjustment(code);
          if (a.isPresent()) {
            adjustPoints[e] += a.get().points();
            adjustments.set(e, append(adjustments.get(e), code));
            String capTo = a.get().capClass();
            if (capTo != null && (capClass[e] == null || classIndex(capTo) > classIndex(capClass[e]))) {
              capClass[e] = capTo;
            }
          }
        }
        score[e] = sum + adjustPoints[e];
        parts[e] = pt;
        if (miss != null) {
          missing.set(e, List.copyOf(miss));
        }
      }
    }

    static double benchmark(Benchmark b, String zone, Indicator i, Map<String, double[]> an, Map<String, double[]> ad) {
      if (!b.zoneAverage()) {
        return b.fixed();
      }
      double[] nu = an.get(zone);
      double[] de = ad.get(zone);
      return nu == null || !(de[i.ordinal()] > 0) ? Double.NaN : nu[i.ordinal()] / de[i.ordinal()];
    }

    // ---------------------------------------------------------------------------------- classes

    void classify() {
      cls = new String[ne];
      classNote = new String[ne];
      rank = new int[ne];
      ranked = new int[ne];
      Map<String, List<Integer>> byZone = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
      for (int e = 0; e < ne; e++) {
        if (status[e] == Status.evaluated) {
          byZone.computeIfAbsent(ents[e].zone(), z -> new ArrayList<>()).add(e);
        }
      }
      Scheme.Classify c = s.classify();
      Comparator<Integer> byScore = Comparator.comparingDouble((Integer e) -> -score[e]).thenComparing(e -> ents[e].id());
      for (List<Integer> zone : byZone.values()) {
        zone.sort(byScore);
        int n = zone.size();
        int r = 0;
        for (int i = 0; i < n; i++) {
          int e = zone.get(i);
          // firms with equal scores share the better rank
          if (i == 0 || score[e] != score[zone.get(i - 1)]) {
            r = i + 1;
          }
          rank[e] = r;
          ranked[e] = n;
        }
        switch (c.method()) {
          case thresholds -> {
            for (int e : zone) {
              cls[e] = c.classes().get(c.classes().size() - 1);
              for (Map.Entry<String, Double> l : c.limits().entrySet()) {
                if (score[e] >= l.getValue() - EPS) {
                  cls[e] = l.getKey();
                  break;
                }
              }
            }
          }
          case percentile -> {
            for (int e : zone) {
              // the midpoint of the firm's rank slot, so one firm alone is not put at the bottom
              double pos = (rank[e] - 0.5) / n;
              cls[e] = c.classes().get(c.classes().size() - 1);
              for (Map.Entry<String, Double> l : c.limits().entrySet()) {
                if (pos <= l.getValue() + EPS) {
                  cls[e] = l.getKey();
                  break;
                }
              }
            }
          }
          case two_stage -> twoStage(zone, c);
          default -> throw new IllegalStateException();
        }
      }
      // 一票否决: a penalty item caps the class, whatever the score
      for (int e = 0; e < ne; e++) {
        if (capClass[e] != null && cls[e] != null && classIndex(cls[e]) < classIndex(capClass[e])) {
          List<String> by = new ArrayList<>();
          for (String code : adjustments.get(e)) {
            s.evaluation().adjustment(code).filter(a -> a.capClass() != null).ifPresent(a -> by.add(a.nameEn()));
          }
          classNote[e] = "capped at " + capClass[e] + " by " + String.join(", ", by) + " (was " + cls[e] + ")";
          cls[e] = capClass[e];
        }
      }
      // exempt firms: classed as configured ("不定等级", often treated as B), or left unclassed
      String exempt = s.scope().exemptClass();
      for (int e = 0; e < ne; e++) {
        if (status[e].exempt() && exempt != null) {
          cls[e] = exempt;
          classNote[e] = "exempt (" + status[e].name() + "), given " + exempt;
        }
      }
      tenantsTakeOwnerGrade();
    }

    /**
     * A zone whose list for this scheme and year was frozen (公示 or published) keeps the classes,
     * scores and ranks it was frozen with, whatever figures came later; a firm not on it has no
     * class. A what-if is a recomputation, so it ignores frozen lists.
     */
    void applyFrozenLists() {
      if (s.whatIf()) {
        return;
      }
      for (int e = 0; e < ne; e++) {
        String zone = ents[e].zone();
        EfficiencyData.FrozenList l = zone == null ? null : d.list(zone, s.id(), year);
        if (l == null) {
          continue;
        }
        frozen.put(zone, l);
        EfficiencyData.Listed x = l.entries().get(ents[e].id());
        String label = (l.published() ? "published list revision " + l.revision() : "public-notice list");
        if (x == null) {
          cls[e] = null;
          classNote[e] = "not on the " + label;
          rank[e] = 0;
          ranked[e] = 0;
        } else {
          cls[e] = x.cls();
          classNote[e] = x.note() == null ? label : label + ": " + x.note();
          score[e] = x.score();
          rank[e] = x.rank();
          ranked[e] = x.ranked();
        }
      }
    }

    void twoStage(List<Integer> zone, Scheme.Classify c) {
      int n = zone.size();
      int top = (n + 1) / 2;
      int nA = Math.min(top, (int) Math.floor(c.aShare() * n + 0.5 + EPS));
      int nC = Math.min(n - top, (int) Math.floor(c.cShare() * n + 0.5 + EPS));
      for (int e : zone) {
        cls[e] = c.classes().get(1);
      }
      List<Integer> upper = new ArrayList<>(zone.subList(0, top));
      Indicator a = c.aRankBy();
      upper.sort(Comparator.comparingDouble((Integer e) -> {
        double v = value(e, a);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
      }).thenComparingDouble(e -> -score[e]).thenComparing(e -> ents[e].id()));
      for (int i = 0; i < nA; i++) {
        cls[upper.get(i)] = c.classes().get(0);
      }
      List<Integer> lower = new ArrayList<>(zone.subList(top, n));
      Indicator ci = c.cRankBy();
      // worst first; a firm that did not report the ranking figure counts as worst
      lower.sort(Comparator.comparingDouble((Integer e) -> {
        double v = value(e, ci);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
      }).thenComparingDouble(e -> score[e]).thenComparing(e -> ents[e].id()));
      for (int i = 0; i < nC; i++) {
        cls[lower.get(i)] = c.classes().get(2);
      }
    }

    void tenantsTakeOwnerGrade() {
      Scheme.Scope sc = s.scope();
      if (!sc.tenantsTakeOwnerGrade()) {
        return;
      }
      // owner of each parcel with the largest land (ties: smaller id)
      int[] owner = new int[np];
      Arrays.fill(owner, -1);
      double[] ownerLand = new double[np];
      for (int j = 0; j < itEnt.length; j++) {
        if (itTenant[j]) {
          continue;
        }
        int p = itParcel[j];
        int e = itEnt[j];
        if (owner[p] < 0 || itLand[j] > ownerLand[p]
            || (itLand[j] == ownerLand[p] && ents[e].id().compareTo(ents[owner[p]].id()) < 0)) {
          owner[p] = e;
          ownerLand[p] = itLand[j];
        }
      }
      for (int e = 0; e < ne; e++) {
        boolean pureTenant = eOwned[e] == 0 && itemStart[e + 1] > itemStart[e];
        for (int j = itemStart[e]; j < itemStart[e + 1] && pureTenant; j++) {
          pureTenant = itTenant[j];
        }
        if (!pureTenant || !(status[e] == Status.evaluated || status[e] == Status.below_scope || status[e] == Status.no_figures)) {
          continue;
        }
        if (!sc.tenantSizeClasses().isEmpty() && !sc.tenantSizeClasses().contains(ents[e].sizeClass())) {
          continue;
        }
        int best = -1;
        for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
          if (best < 0 || itLand[j] > itLand[best]) {
            best = j;
          }
        }
        int o = owner[itParcel[best]];
        if (o >= 0 && cls[o] != null) {
          cls[e] = cls[o];
          classNote[e] = "tenant: takes the grade of owner " + ents[o].id() + " of parcel " + parcels[itParcel[best]].id();
        }
      }
    }

    // ---------------------------------------------------------------------------------- parcels

    // who contributes to each parcel's figures, and with what share of its own (CSR by parcel)
    int[] contribStart;
    int[] contribEnt;
    double[] contribShare;
    int[] pairP = new int[0];
    int[] pairE = new int[0];
    double[] pairW = new double[0];
    int nPairs;

    /** Sorts the (parcel, enterprise, share) items by parcel (an owner that also leases there has two). */
    void contributors(int[] pp, int[] pe, double[] pw, int n) {
      int[] start = new int[np + 1];
      for (int i = 0; i < n; i++) {
        start[pp[i] + 1]++;
      }
      for (int p = 0; p < np; p++) {
        start[p + 1] += start[p];
      }
      int[] fill = Arrays.copyOf(start, np);
      int[] ent = new int[n];
      double[] share = new double[n];
      for (int i = 0; i < n; i++) {
        int k = fill[pp[i]]++;
        ent[k] = pe[i];
        share[k] = pw[i];
      }
      contribStart = start;
      contribEnt = ent;
      contribShare = share;
      pairP = pairE = null;
      pairW = null;
    }

    List<ParcelResult> parcelResults() {
      double[][] pNum = new double[np][];
      double[][] pDen = new double[np][];
      double[][] pTot = new double[np][];
      double[] pLand = new double[np];
      int[] pContrib = new int[np];
      int[] pUsers = new int[np];
      int[] lastContrib = new int[np];
      int[] lastUser = new int[np];
      Arrays.fill(lastContrib, -1);
      Arrays.fill(lastUser, -1);
      int[] mainUser = new int[np];
      double[] mainLand = new double[np];
      int[] mainClassed = new int[np];
      double[] mainClassedLand = new double[np];
      Arrays.fill(mainUser, -1);
      Arrays.fill(mainClassed, -1);
      for (int e = 0; e < ne; e++) {
        YearFigures f = figs[e];
        boolean contributes = f != null && eLand[e] > 0;
        double[] tot = contributes ? totals(f) : null;
        for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
          int p = itParcel[j];
          if (lastUser[p] != e) {
            lastUser[p] = e;
            pUsers[p]++;
          }
          if (better(e, itLand[j], mainUser[p], mainLand[p])) {
            mainUser[p] = e;
            mainLand[p] = itLand[j];
          }
          if (cls[e] != null && better(e, itLand[j], mainClassed[p], mainClassedLand[p])) {
            mainClassed[p] = e;
            mainClassedLand[p] = itLand[j];
          }
          if (!contributes || pCons[p] || itLand[j] <= 0) {
            continue;
          }
          if (pNum[p] == null) {
            pNum[p] = new double[K];
            pDen[p] = new double[K];
            pTot[p] = new double[FIGURE_COUNT];
          }
          double w = itLand[j] / eLand[e];
          for (int k = 0; k < K; k++) {
            if (k == FAR || k == COV) {
              continue;
            }
            double nu = eNum[e * K + k];
            double de = eDen[e * K + k];
            if (Double.isFinite(nu) && de > 0) {
              pNum[p][k] += w * nu;
              pDen[p][k] += w * de;
            }
          }
          for (int t = 0; t < FIGURE_COUNT; t++) {
            if (!Double.isNaN(tot[t])) {
              pTot[p][t] += w * tot[t];
            }
          }
          pLand[p] += itLand[j];
          if (lastContrib[p] != e) {
            lastContrib[p] = e;
            pContrib[p]++;
          }
          if (nPairs == pairP.length) {
            pairP = Arrays.copyOf(pairP, nPairs * 2 + 16);
            pairE = Arrays.copyOf(pairE, nPairs * 2 + 16);
            pairW = Arrays.copyOf(pairW, nPairs * 2 + 16);
          }
          pairP[nPairs] = p;
          pairE[nPairs] = e;
          pairW[nPairs++] = w;
        }
      }
      contributors(pairP, pairE, pairW, nPairs);
      List<ParcelResult> out = new ArrayList<>(np);
      double[] zeroK = new double[K];
      double[] zeroT = new double[FIGURE_COUNT];
      for (int p = 0; p < np; p++) {
        double[] num = pNum[p] == null ? zeroK : pNum[p];
        double[] den = pDen[p] == null ? zeroK : pDen[p];
        List<LowReason.Found> reasons = lowReasons(p, num, den, mainClassed[p]);
        out.add(new ParcelResult(parcels[p], pContrib[p], pUsers[p], pLand[p], num, den,
            pTot[p] == null ? zeroT : pTot[p], mainClassed[p] < 0 ? null : cls[mainClassed[p]],
            mainUser[p] < 0 ? null : ents[mainUser[p]].id(), pCons[p], reasons));
      }
      return out;
    }

    private boolean better(int e, double land, int cur, double curLand) {
      return cur < 0 || land > curLand || (land == curLand && ents[e].id().compareTo(ents[cur].id()) < 0);
    }

    static final int FIGURE_COUNT = EfficiencyResult.FIGURES.length;

    static double[] totals(YearFigures f) {
      return EfficiencyResult.figureValues(f);
    }

    List<LowReason.Found> lowReasons(int p, double[] num, double[] den, int mainClassed) {
      Parcel pc = parcels[p];
      Scheme.LowRules lr = s.lowEfficiency();
      List<LowReason.Found> out = new ArrayList<>(2);
      String st = pc.status();
      Integer sy = pc.supplyYear();
      if (ParcelStatus.approved_not_supplied.name().equals(st)) {
        out.add(new LowReason.Found(LowReason.approved_not_supplied, "已批准，尚未供地", "approved, not yet supplied"));
      } else if (ParcelStatus.idle.name().equals(st)) {
        out.add(new LowReason.Found(LowReason.idle, sy == null ? "闲置" : sy + "年供地，闲置", sy == null ? "idle" : "supplied " + sy + ", idle"));
      } else if (ParcelStatus.supplied_not_used.name().equals(st) && (sy == null || year - sy >= IDLE_AFTER_YEARS)) {
        out.add(new LowReason.Found(LowReason.supplied_not_used,
            (sy == null ? "供地年份不详" : sy + "年供地") + "，至" + year + "年未动工",
            (sy == null ? "supply year unknown" : "supplied " + sy) + ", not started by " + year));
      } else if (ParcelStatus.partly_used.name().equals(st) && !pCons[p]) {
        out.add(new LowReason.Found(LowReason.partly_used, sy + "年供地，用而未尽", "partly used; supplied " + sy));
      } else if (ParcelStatus.built_not_producing.name().equals(st) && !pCons[p]) {
        out.add(new LowReason.Found(LowReason.built_not_producing, pc.buildStartYear() + "年开工建设，" + year + "年未投产",
            "built " + pc.buildStartYear() + ", not producing in " + year));
      }
      int tk = Indicator.TAX_PER_MU.ordinal();
      if (ParcelStatus.in_use.name().equals(st) && !pCons[p] && lr.standardLandSince() > 0 && sy != null
          && sy >= lr.standardLandSince() && pc.reqTaxWanPerMu() > 0 && den[tk] > 0) {
        double tax = num[tk] / den[tk];
        double need = lr.belowStandardRatio() * pc.reqTaxWanPerMu();
        if (tax < need - EPS) {
          out.add(new LowReason.Found(LowReason.below_standard,
              "亩均税收 " + fmt(tax) + " 万元/亩，低于 " + fmt(need) + " 万元/亩（标准地承诺 " + fmt(pc.reqTaxWanPerMu()) + " 万元/亩，"
                  + sy + "年供地）",
              "tax per mu " + fmt(tax) + " below " + fmt(need) + " (10,000 CNY per mu; standard-land commitment "
                  + fmt(pc.reqTaxWanPerMu()) + ", supplied " + sy + ")"));
        }
      }
      if (!lr.lowClasses().isEmpty()) {
        List<String> low = lowUsers(p, lr);
        if (!low.isEmpty()) {
          out.add(new LowReason.Found(LowReason.low_class, String.join("、", low), String.join(", ", low)));
        }
      }
      if (built(pc)) {
        if (pc.farMin() > 0 && Double.isFinite(pc.far()) && pc.far() < pc.farMin() - EPS) {
          out.add(new LowReason.Found(LowReason.far_below_min, "容积率 " + fmt(pc.far()) + "，低于控制值 " + fmt(pc.farMin()),
              "FAR " + fmt(pc.far()) + " below the minimum " + fmt(pc.farMin())));
        }
        if (pc.coverageMin() > 0 && Double.isFinite(pc.coverage()) && pc.coverage() < pc.coverageMin() - EPS) {
          out.add(new LowReason.Found(LowReason.coverage_below_min,
              "建筑系数 " + fmt(pc.coverage() * 100) + "%，低于控制值 " + fmt(pc.coverageMin() * 100) + "%",
              "coverage " + fmt(pc.coverage() * 100) + "% below the minimum " + fmt(pc.coverageMin() * 100) + "%"));
        }
      }
      return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** Users of parcel p whose class is a low class, as "E-000123 D". */
    private List<String> lowUsers(int p, Scheme.LowRules lr) {
      if (usersOfParcel == null) {
        int[] cnt = new int[np + 1];
        for (int j = 0; j < itParcel.length; j++) {
          cnt[itParcel[j] + 1]++;
        }
        for (int i = 0; i < np; i++) {
          cnt[i + 1] += cnt[i];
        }
        usersStart = cnt.clone();
        usersOfParcel = new int[itParcel.length];
        int[] fill = Arrays.copyOf(cnt, np);
        for (int j = 0; j < itParcel.length; j++) {
          usersOfParcel[fill[itParcel[j]]++] = itEnt[j];
        }
      }
      List<String> out = new ArrayList<>(0);
      for (int i = usersStart[p]; i < usersStart[p + 1]; i++) {
        int e = usersOfParcel[i];
        if (cls[e] != null && lr.lowClasses().contains(cls[e])) {
          String tag = ents[e].id() + " " + cls[e];
          if (!out.contains(tag)) {
            out.add(tag);
          }
        }
      }
      Collections.sort(out);
      return out;
    }

    int[] usersOfParcel;
    int[] usersStart;

    // ---------------------------------------------------------------------------------- roll-ups

    /** Group index of every parcel at each roll-up level (-1: none), and the group ids in index order. */
    int[][] groupOf;
    List<List<String>> groupIds;
    boolean[] publicReason;

    void indexGroups(List<ParcelResult> pr) {
      groupOf = new int[Level.GROUPS.length][np];
      groupIds = new ArrayList<>();
      for (int l = 0; l < Level.GROUPS.length; l++) {
        Map<String, Integer> gi = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < np; p++) {
          String g = Level.GROUPS[l].groupOf(parcels[p]);
          if (g == null) {
            groupOf[l][p] = -1;
            continue;
          }
          Integer k = gi.get(g);
          if (k == null) {
            k = ids.size();
            gi.put(g, k);
            ids.add(g);
          }
          groupOf[l][p] = k;
        }
        groupIds.add(ids);
      }
      publicReason = new boolean[np];
      for (int p = 0; p < np; p++) {
        for (LowReason.Found f : pr.get(p).reasons()) {
          publicReason[p] |= !f.reason().confidential;
        }
      }
    }

    Map<Level, Map<String, GroupResult>> groups(List<ParcelResult> pr, boolean industrialOnly) {
      if (groupOf == null) {
        indexGroups(pr);
      }
      Map<Level, Map<String, GroupResult>> out = new EnumMap<>(Level.class);
      for (int li = 0; li < Level.GROUPS.length; li++) {
        Level level = Level.GROUPS[li];
        int[] pg = groupOf[li];
        if (industrialOnly) {
          pg = pg.clone();
          for (int p = 0; p < np; p++) {
            if (!industrial(parcels[p])) {
              pg[p] = -1;
            }
          }
        }
        List<String> ids = groupIds.get(li);
        int ng = ids.size();
        boolean[] used = new boolean[ng];
        for (int g : pg) {
          if (g >= 0) {
            used[g] = true;
          }
        }
        int[] nParcels = new int[ng];
        double[] area = new double[ng];
        double[] builtArea = new double[ng];
        double[] land = new double[ng];
        double[][] num = new double[ng][K];
        double[][] den = new double[ng][K];
        double[][] tot = new double[ng][FIGURE_COUNT];
        int[] lowN = new int[ng];
        double[] lowA = new double[ng];
        int[] lowPubN = new int[ng];
        double[] lowPubA = new double[ng];
        String[] zone = new String[ng];
        for (int p = 0; p < np; p++) {
          int g = pg[p];
          if (g < 0) {
            continue;
          }
          Parcel pc = parcels[p];
          ParcelResult r = pr.get(p);
          zone[g] = pc.zone();
          nParcels[g]++;
          double a = Double.isFinite(pc.areaMu()) && pc.areaMu() > 0 ? pc.areaMu() : 0;
          area[g] += a;
          if (built(pc)) {
            builtArea[g] += a;
            num[g][FAR] += (Double.isFinite(pc.far()) ? pc.far() : 0) * a;
            den[g][FAR] += a;
            num[g][COV] += (Double.isFinite(pc.coverage()) ? pc.coverage() : 0) * 100 * a;
            den[g][COV] += a;
          }
          for (int k = 0; k < K; k++) {
            if (k != FAR && k != COV) {
              num[g][k] += r.num()[k];
              den[g][k] += r.den()[k];
            }
          }
          for (int t = 0; t < FIGURE_COUNT; t++) {
            tot[g][t] += r.totals()[t];
          }
          land[g] += r.landMu();
          if (!r.reasons().isEmpty()) {
            lowN[g]++;
            lowA[g] += a;
            if (publicReason[p]) {
              lowPubN[g]++;
              lowPubA[g] += a;
            }
          }
        }
        int[] contrib = new int[ng];
        int[] evaluated = new int[ng];
        int[] classed = new int[ng];
        List<Map<String, Integer>> counts = new ArrayList<>(ng);
        for (int g = 0; g < ng; g++) {
          Map<String, Integer> m = new LinkedHashMap<>();
          s.classify().classes().forEach(c -> m.put(c, 0));
          counts.add(m);
        }
        int[] seen = new int[ng];
        int[] seenContrib = new int[ng];
        Arrays.fill(seen, -1);
        Arrays.fill(seenContrib, -1);
        for (int e = 0; e < ne; e++) {
          boolean contributes = figs[e] != null && eLand[e] > 0;
          for (int j = itemStart[e]; j < itemStart[e + 1]; j++) {
            int g = pg[itParcel[j]];
            if (g < 0) {
              continue;
            }
            if (contributes && !pCons[itParcel[j]] && itLand[j] > 0 && seenContrib[g] != e) {
              seenContrib[g] = e;
              contrib[g]++;
            }
            if (seen[g] != e) {
              seen[g] = e;
              if (status[e] == Status.evaluated) {
                evaluated[g]++;
              }
              if (cls[e] != null) {
                classed[g]++;
                counts.get(g).merge(cls[e], 1, Integer::sum);
              }
            }
          }
        }
        Map<String, GroupResult> m = new TreeMap<>();
        for (int g = 0; g < ng; g++) {
          if (!used[g]) {
            continue;
          }
          m.put(ids.get(g), new GroupResult(level, ids.get(g), zone[g], nParcels[g], area[g], builtArea[g], contrib[g],
              evaluated[g], classed[g], land[g], num[g], den[g], tot[g], Collections.unmodifiableMap(counts.get(g)),
              lowN[g], lowA[g], lowPubN[g], lowPubA[g]));
        }
        out.put(level, Collections.unmodifiableMap(m));
      }
      return Collections.unmodifiableMap(out);
    }
  }
}
