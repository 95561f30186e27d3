package zoneatlas.sites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinese and English names of the codes the site answers use (parcel statuses, infrastructure
 * categories, layers), so the map panel and the printed card say 可供应 rather than "available".
 */
final class Labels {
  private Labels() {}

  record Label(String zh, String en) {}

  static final Map<String, Label> STATUS = map(
      "in_use", "在用", "in use",
      "approved_not_supplied", "批而未供", "approved, not supplied",
      "available", "可供应", "available",
      "supplied_not_used", "供而未用", "supplied, not used",
      "under_construction", "在建", "under construction",
      "partly_used", "部分使用", "partly used",
      "built_not_producing", "建而未投", "built, not producing",
      "idle", "闲置", "idle");

  /** Every infrastructure kind the plan layer uses (geodata/README.md). */
  static final Map<String, Label> KIND = map(
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
      "gas", "燃气", "gas",
      "heating", "供热", "heating",
      "school", "学校", "school",
      "hospital", "医院", "hospital",
      "public_facility", "公共设施", "public facility",
      "green", "绿地", "green space",
      "digital", "数字基础设施", "digital infrastructure");

  /** The categories a site's "what is near" reports by default (the investment teams' list). */
  static final List<String> DEFAULT_NEAR = List.of("metro_station", "rail_station", "interchange", "freight_yard",
      "land_port", "airport", "substation", "water_plant", "sewage_plant");

  static final Map<String, Label> LAYER = map(
      "parcels", "地块", "parcel",
      "small-micro-parks", "小微企业园", "small-micro park",
      "industrial-parks", "产业园区", "industrial park",
      "core-boards", "核心板块", "core board",
      "zones", "开发区", "zone",
      "infrastructure", "基础设施", "infrastructure");

  static Label status(String code) {
    return STATUS.getOrDefault(code, new Label(code, code));
  }

  static Label kind(String code) {
    return KIND.getOrDefault(code, new Label(code, code));
  }

  private static Map<String, Label> map(String... v) {
    Map<String, Label> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i += 3) {
      m.put(v[i], new Label(v[i + 1], v[i + 2]));
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
