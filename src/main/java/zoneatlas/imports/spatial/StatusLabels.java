package zoneatlas.imports.spatial;

import java.util.Locale;
import java.util.Map;
import zoneatlas.model.ParcelStatus;

/**
 * Reads a parcel status written as a {@link ParcelStatus} name or as the labels Chinese land
 * registers and low-efficiency land surveys use (在用, 批而未供, 供而未用, 闲置 ...).
 */
public final class StatusLabels {
  private static final Map<String, ParcelStatus> LABELS = Map.ofEntries(
      Map.entry("在用", ParcelStatus.in_use),
      Map.entry("已用", ParcelStatus.in_use),
      Map.entry("正常使用", ParcelStatus.in_use),
      Map.entry("已建成投产", ParcelStatus.in_use),
      Map.entry("已投产", ParcelStatus.in_use),
      Map.entry("批而未供", ParcelStatus.approved_not_supplied),
      Map.entry("已批未供", ParcelStatus.approved_not_supplied),
      Map.entry("可供应", ParcelStatus.available),
      Map.entry("待供应", ParcelStatus.available),
      Map.entry("可供", ParcelStatus.available),
      Map.entry("招商地块", ParcelStatus.available),
      Map.entry("储备", ParcelStatus.available),
      Map.entry("净地", ParcelStatus.available),
      Map.entry("供而未用", ParcelStatus.supplied_not_used),
      Map.entry("已供未用", ParcelStatus.supplied_not_used),
      Map.entry("供而未建", ParcelStatus.supplied_not_used),
      Map.entry("在建", ParcelStatus.under_construction),
      Map.entry("建设中", ParcelStatus.under_construction),
      Map.entry("正在建设", ParcelStatus.under_construction),
      Map.entry("用而未尽", ParcelStatus.partly_used),
      Map.entry("部分使用", ParcelStatus.partly_used),
      Map.entry("部分利用", ParcelStatus.partly_used),
      Map.entry("部分建设", ParcelStatus.partly_used),
      Map.entry("建而未投", ParcelStatus.built_not_producing),
      Map.entry("已建未投", ParcelStatus.built_not_producing),
      Map.entry("建成未投产", ParcelStatus.built_not_producing),
      Map.entry("已建未投产", ParcelStatus.built_not_producing),
      Map.entry("闲置", ParcelStatus.idle),
      Map.entry("闲置土地", ParcelStatus.idle),
      Map.entry("低效闲置", ParcelStatus.idle));

  private StatusLabels() {}

  /** The status, or null when the text is neither a status name nor a known label. */
  public static ParcelStatus parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    ParcelStatus label = LABELS.get(s.replace(" ", ""));
    if (label != null) {
      return label;
    }
    String name = s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (ParcelStatus p : ParcelStatus.values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  static String accepted() {
    return "one of " + java.util.Arrays.toString(ParcelStatus.values())
        + " or " + String.join(", ", java.util.Arrays.stream(ParcelStatus.values()).map(p -> p.zh).toList());
  }
}
