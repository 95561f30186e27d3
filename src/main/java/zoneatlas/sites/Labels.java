package zoneatlas.sites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinese and English names of the codes the site answers use (parcel statuses, infrastructure
 * categories, layers), so the map panel and the printed card say 可供应 rather than "available".
 * Public for the other answers that name parcels and codes in words (the audit export, the OGC
 * HTML pages).
 */
public final class Labels {
  private Labels() {}

  /** A name or a code's words in both languages. */
  public record Label(String zh, String en) {}

  /** The statuses in the words of {@link zoneatlas.model.ParcelStatus}, the one place they are written. */
  static final Map<String, Label> STATUS = statuses();

  /** Every infrastructure kind the plan layer uses (geodata/README.md). */
  public static final Map<String, Label> KIND = map(
      "metro_line", "地铁线路", "metro line",
      "metro_station", "地铁站", "metro station",
      "rail_line", "铁路", "rail line",
      "rail_station", "铁路车站", "rail station",
      "freight_yard", "货运场站", "freight yard",
      "land_port", "陆港口岸", "land port",
      "airport", "机场", "airport",
      "expressway", "高速/快速路", "expressway",
      "interchange", "高速互通", "expressway interchange",
      "road", "道路", "road",
      "bridge", "桥梁", "bridge",
      "logistics_hub", "物流枢纽", "logistics hub",
      "substation", "变电站", "substation",
      "power_plant", "电厂", "power plant",
      "water_plant", "供水设施", "water supply",
      "sewage_plant", "污水处理厂", "sewage plant",
      "gas", "燃气设施", "gas",
      "heating", "供热设施", "heating",
      "school", "学校", "school",
      "hospital", "医院", "hospital",
      "public_facility", "公共设施", "public facility",
      "green", "绿地", "green space",
      "digital", "新型基础设施", "digital infrastructure");

  /** The categories a site's "what is near" reports by default (the investment teams' list). */
  static final List<String> DEFAULT_NEAR = List.of("metro_station", "rail_station", "interchange", "freight_yard",
      "land_port", "airport", "substation", "water_plant", "sewage_plant");

  public static final Map<String, Label> LAYER = map(
      "parcels", "地块", "parcel",
      "small-micro-parks", "小微企业园", "small-micro park",
      "industrial-parks", "产业园区", "industrial park",
      "core-boards", "核心板块", "core board",
      "zones", "开发区", "zone",
      "infrastructure", "基础设施", "infrastructure");

  /** Zone codes (geodata/README.md) as readers name them. */
  public static final Map<String, Label> ZONE = map(
      "zzetdz", "郑州经开区", "Zhengzhou ETDZ",
      "zzhitech", "郑州高新区", "Zhengzhou Hi-tech Zone",
      "xxetdz", "新乡经开区", "Xinxiang ETDZ",
      "zhengzhou", "郑州市", "Zhengzhou");

  private static final java.util.regex.Pattern GENERATED_ID = java.util.regex.Pattern.compile("P-([A-Za-z0-9]+)-(N?[0-9A-Z]+(?:-[0-9]+)*)");

  /**
   * A parcel as a reader names it: its zone and number ("新乡经开区 000123 号地块"), not the
   * system id {@code P-xxetdz-000123}, whose prefix and zone code mean nothing to a prospect.
   * An id of another form (an imported parcel keeps its own) is shown as it is. Without a zone,
   * the zone the id was made in.
   */
  public static Label parcelName(String id, String zone) {
    java.util.regex.Matcher m = GENERATED_ID.matcher(id);
    if (zone == null && m.matches()) {
      zone = m.group(1).toLowerCase(java.util.Locale.ROOT);
    }
    Label z = zone == null ? null : ZONE.get(zone);
    if (!m.matches()) {
      return new Label((z == null ? "" : z.zh() + " ") + "地块 " + id, (z == null ? "" : z.en() + " ") + "parcel " + id);
    }
    String no = m.group(2);
    return new Label((z == null ? "" : z.zh() + " ") + no + " 号地块", (z == null ? "" : z.en() + " ") + "parcel " + no);
  }

  static Label status(String code) {
    return STATUS.getOrDefault(code, new Label(code, code));
  }

  static Label kind(String code) {
    return KIND.getOrDefault(code, new Label(code, code));
  }

  private static Map<String, Label> statuses() {
    Map<String, Label> m = new LinkedHashMap<>();
    for (zoneatlas.model.ParcelStatus s : zoneatlas.model.ParcelStatus.values()) {
      m.put(s.name(), new Label(s.zh, s.en));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, Label> map(String... v) {
    Map<String, Label> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i += 3) {
      m.put(v[i], new Label(v[i + 1], v[i + 2]));
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
