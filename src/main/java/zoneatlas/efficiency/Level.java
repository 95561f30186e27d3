package zoneatlas.efficiency;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import zoneatlas.model.Parcel;

/**
 * Where indicators are shown: one enterprise, one parcel, or a roll-up over the parcels of a
 * plan feature. A parcel names its zone, core board, industrial park and small-micro park, so a
 * roll-up needs no spatial query and both stores group identically.
 */
public enum Level {
  enterprise("enterprise", null, "企业", "Enterprise"),
  parcel("parcel", "parcels", "地块", "Parcel"),
  small_micro_park("small-micro-park", "small-micro-parks", "小微企业园", "Small-micro park"),
  industrial_park("industrial-park", "industrial-parks", "产业园区", "Industrial park"),
  core_board("core-board", "core-boards", "核心板块", "Core board"),
  zone("zone", "zones", "开发区", "Zone");

  /** The name in URLs ({@code level=industrial-park}). */
  public final String param;
  /** The map collection whose features this level's rows join to, by id. */
  public final String collection;
  public final String nameZh;
  public final String nameEn;

  Level(String param, String collection, String nameZh, String nameEn) {
    this.param = param;
    this.collection = collection;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** True for the plan-feature roll-ups. */
  public boolean isGroup() {
    return this != enterprise && this != parcel;
  }

  /** The group a parcel belongs to at this level (null when it has none); only for group levels. */
  public String groupOf(Parcel p) {
    return switch (this) {
      case small_micro_park -> p.smallMicroPark();
      case industrial_park -> p.park();
      case core_board -> p.board();
      case zone -> p.zone();
      default -> throw new IllegalStateException(this + " is not a roll-up level");
    };
  }

  public static Optional<Level> byParam(String s) {
    return Arrays.stream(values()).filter(l -> l.param.equals(s)).findFirst();
  }

  public static String params() {
    return Arrays.stream(values()).map(l -> l.param).collect(Collectors.joining(", "));
  }

  /** The group levels, smallest first. */
  public static final Level[] GROUPS = {small_micro_park, industrial_park, core_board, zone};
}
