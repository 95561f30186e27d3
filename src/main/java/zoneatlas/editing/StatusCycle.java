package zoneatlas.editing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import zoneatlas.model.ParcelStatus;

/**
 * The land cycle a parcel's status follows (批而未供 → 可供应 → 供而未用 → 在建 → 建而未投 / 部分使用 →
 * 在用, and 闲置): a land officer records what happened next on the ground, never a jump the cycle
 * does not allow. Idle land (闲置) is supplied land not built on, or building stopped; it goes back
 * to construction once work resumes, or to supply once the land is taken back (收回). A producing
 * parcel can fall back to partly used or built-not-producing when production stops. Corrections of
 * a wrong entry are reverts, which the cycle does not govern.
 */
public final class StatusCycle {
  private static final Map<ParcelStatus, List<ParcelStatus>> NEXT = new EnumMap<>(ParcelStatus.class);

  static {
    NEXT.put(ParcelStatus.approved_not_supplied, List.of(ParcelStatus.available));
    NEXT.put(ParcelStatus.available, List.of(ParcelStatus.supplied_not_used));
    NEXT.put(ParcelStatus.supplied_not_used, List.of(ParcelStatus.under_construction, ParcelStatus.idle));
    NEXT.put(ParcelStatus.under_construction,
        List.of(ParcelStatus.built_not_producing, ParcelStatus.partly_used, ParcelStatus.in_use, ParcelStatus.idle));
    NEXT.put(ParcelStatus.built_not_producing, List.of(ParcelStatus.partly_used, ParcelStatus.in_use, ParcelStatus.idle));
    NEXT.put(ParcelStatus.partly_used, List.of(ParcelStatus.in_use, ParcelStatus.under_construction, ParcelStatus.idle));
    NEXT.put(ParcelStatus.in_use, List.of(ParcelStatus.partly_used, ParcelStatus.built_not_producing));
    NEXT.put(ParcelStatus.idle, List.of(ParcelStatus.under_construction, ParcelStatus.available));
  }

  private StatusCycle() {}

  /** The statuses a parcel may move to from {@code from} (staying where it is is always allowed). */
  public static List<ParcelStatus> next(ParcelStatus from) {
    return NEXT.getOrDefault(from, List.of());
  }

  public static boolean allowed(ParcelStatus from, ParcelStatus to) {
    return from == to || next(from).contains(to);
  }

  /** The whole cycle by status name, for the map's form. */
  public static Map<String, List<String>> asMap() {
    return NEXT.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
        e -> e.getValue().stream().map(Enum::name).toList(), (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
