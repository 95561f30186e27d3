package zoneatlas.efficiency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import zoneatlas.model.Enterprise;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;

/**
 * Everything the engine reads, loaded once per data version: parcels (no geometry needed),
 * enterprises, land links, the yearly figures of every year, and the names of the plan features
 * roll-ups are drawn for. Built from the store by {@link EfficiencyRepository} or in memory by
 * tests and the benchmark; the engine never touches the database, which is why both stores give
 * exactly the same numbers. Immutable after construction; thread-safe.
 */
public final class EfficiencyData {
  /**
   * A plan feature a roll-up belongs to. Parcels name their zone by code ({@code zzetdz}), so a
   * zone's roll-up has the code as id and its development-zone feature as {@code featureId}.
   */
  public record GroupName(String id, Level level, String nameZh, String nameEn, String zone, String featureId) {}

  /** A bonus, penalty or exemption item ({@link Scheme.Evaluation}) a land officer recorded against a firm for a year. */
  public record Flag(String enterpriseId, int year, String code, String note) {}

  /** One firm's line of a frozen list: what it was given when the list was frozen. */
  public record Listed(String cls, double score, int rank, int ranked, String note) {}

  /**
   * A zone's list for a scheme and year as frozen by the annual evaluation: the 公示 list
   * ({@code state} notice, revision 0) or a published revision (1, 2, ...). Only the newest one
   * of each zone, scheme and year is loaded: it is what every output shows.
   */
  public record FrozenList(long id, String zone, String scheme, int year, int revision, String state,
      java.time.LocalDate noticeFrom, java.time.LocalDate noticeTo, Map<String, Listed> entries) {
    public boolean published() {
      return "published".equals(state);
    }
  }

  private record ListKey(String zone, String scheme, int year) {}

  public final String version;
  public final List<Parcel> parcels;
  public final List<Enterprise> enterprises;
  public final List<LandUse> landUses;
  public final Map<String, GroupName> groups;
  final Map<String, Integer> parcelIndex;
  final Map<String, Integer> enterpriseIndex;
  private final TreeMap<Integer, YearFigures[]> byYear = new TreeMap<>();
  private final List<String> zones;
  private final Map<Integer, Map<String, List<String>>> flags = new HashMap<>();
  private final Map<ListKey, FrozenList> lists = new HashMap<>();

  public EfficiencyData(String version, List<Parcel> parcels, List<Enterprise> enterprises, List<LandUse> landUses,
      List<YearFigures> figures, Map<String, GroupName> groups) {
    this(version, parcels, enterprises, landUses, figures, groups, List.of(), List.of());
  }

  public EfficiencyData(String version, List<Parcel> parcels, List<Enterprise> enterprises, List<LandUse> landUses,
      List<YearFigures> figures, Map<String, GroupName> groups, List<Flag> flags, List<FrozenList> lists) {
    this.version = version;
    this.parcels = List.copyOf(parcels);
    this.enterprises = List.copyOf(enterprises);
    this.landUses = List.copyOf(landUses);
    this.groups = Collections.unmodifiableMap(new HashMap<>(groups));
    this.parcelIndex = index(this.parcels.stream().map(Parcel::id).toList(), "parcel");
    this.enterpriseIndex = index(this.enterprises.stream().map(Enterprise::id).toList(), "enterprise");
    this.zones = zonesOf(this.parcels, this.enterprises);
    for (YearFigures f : figures) {
      Integer e = enterpriseIndex.get(f.enterpriseId());
      if (e == null) {
        throw new EfficiencyDataException("figures for " + f.year() + " name enterprise '" + f.enterpriseId()
            + "', which does not exist");
      }
      YearFigures[] arr = byYear.computeIfAbsent(f.year(), y -> new YearFigures[this.enterprises.size()]);
      if (arr[e] != null) {
        throw new EfficiencyDataException("enterprise '" + f.enterpriseId() + "' has two sets of figures for " + f.year());
      }
      arr[e] = f;
    }
    for (Flag f : flags) {
      if (!enterpriseIndex.containsKey(f.enterpriseId())) {
        throw new EfficiencyDataException("an evaluation item for " + f.year() + " names enterprise '" + f.enterpriseId()
            + "', which does not exist");
      }
      this.flags.computeIfAbsent(f.year(), y -> new HashMap<>()).computeIfAbsent(f.enterpriseId(), k -> new ArrayList<>())
          .add(f.code());
    }
    for (FrozenList l : lists) {
      this.lists.merge(new ListKey(l.zone(), l.scheme(), l.year()), l, (a, b) -> a.revision() >= b.revision() ? a : b);
    }
  }

  /** The item codes recorded against an enterprise for a year (empty when none). */
  public List<String> flags(String enterpriseId, int year) {
    Map<String, List<String>> m = flags.get(year);
    List<String> l = m == null ? null : m.get(enterpriseId);
    return l == null ? List.of() : Collections.unmodifiableList(l);
  }

  /** The newest frozen list of a zone, scheme and year, or null while the year is a draft. */
  public FrozenList list(String zone, String scheme, int year) {
    return lists.get(new ListKey(zone, scheme, year));
  }

  private static Map<String, Integer> index(List<String> ids, String what) {
    Map<String, Integer> m = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (m.put(ids.get(i), i) != null) {
        throw new EfficiencyDataException(what + " id '" + ids.get(i) + "' appears twice");
      }
    }
    return m;
  }

  /** Years with figures, oldest first. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
  }

  /** The latest year with figures, or null when there are none. */
  public Integer latestYear() {
    return byYear.isEmpty() ? null : byYear.lastKey();
  }

  /** Figures of a year by enterprise index (null entries: not reported); null when the year has none. */
  YearFigures[] figures(int year) {
    return byYear.get(year);
  }

  /**
   * Fixed-asset investment summed over every year on record up to {@code year}, by enterprise
   * index; NaN where no year reports it. The figures hold one year's investment each, while
   * 投资强度 is about the whole investment in the land.
   */
  double[] cumulativeInvestment(int year) {
    double[] sum = new double[enterprises.size()];
    java.util.Arrays.fill(sum, Double.NaN);
    for (Map.Entry<Integer, YearFigures[]> e : byYear.headMap(year, true).entrySet()) {
      YearFigures[] arr = e.getValue();
      for (int i = 0; i < arr.length; i++) {
        if (arr[i] != null && arr[i].investmentWan() != null) {
          sum[i] = (Double.isNaN(sum[i]) ? 0 : sum[i]) + arr[i].investmentWan();
        }
      }
    }
    return sum;
  }

  /** The zones that have parcels or enterprises, sorted. */
  public List<String> zones() {
    return zones;
  }

  private static List<String> zonesOf(List<Parcel> parcels, List<Enterprise> enterprises) {
    TreeSet<String> z = new TreeSet<>();
    parcels.stream().map(Parcel::zone).filter(java.util.Objects::nonNull).forEach(z::add);
    enterprises.stream().map(Enterprise::zone).filter(java.util.Objects::nonNull).forEach(z::add);
    return List.copyOf(z);
  }
}
