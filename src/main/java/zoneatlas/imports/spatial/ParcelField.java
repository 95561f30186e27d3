package zoneatlas.imports.spatial;

import java.util.List;
import java.util.Locale;

/**
 * The parcel fields (and geometry columns of tables) a source column can be mapped to. The
 * request parameter is the field name ({@code id=宗地编号}); without one, the first column named
 * like a guess is taken (names land registers use: 宗地编号, 地类编码, ZDDM, DLBM ...).
 */
enum ParcelField {
  ID("id", "id", "parcel_id", "宗地编号", "宗地号", "宗地代码", "地块编号", "地块号", "地块代码", "地块编码", "zddm", "zdbh", "zdh", "dkbh", "dkdm"),
  ZONE("zone", "zone", "zone_id"),
  BOARD("board", "board", "board_id"),
  PARK("park", "park", "park_id"),
  SMALL_MICRO_PARK("small_micro_park", "small_micro_park"),
  LAND_USE_CODE("land_use_code", "land_use_code", "land_use", "地类编码", "地类代码", "用地编码", "用地代码", "用地分类代码", "dlbm", "yddm"),
  LAND_USE_NAME("land_use_name", "land_use_name", "地类名称", "用地名称", "用地性质", "dlmc", "ydmc"),
  STATUS("status", "status", "状态", "土地状态", "利用状态", "用地状态", "供地状态", "tdzt", "lyzt"),
  FLOOR_AREA_M2("floor_area_m2", "floor_area_m2", "建筑面积", "jzmj"),
  FAR("far", "far", "容积率", "rjl"),
  COVERAGE("coverage", "coverage", "建筑系数", "jzxs"),
  FAR_MIN("far_min", "far_min", "容积率下限", "容积率控制值"),
  COVERAGE_MIN("coverage_min", "coverage_min", "建筑系数下限", "建筑系数控制值"),
  REQ_INVEST("req_invest_wan_per_mu", "req_invest_wan_per_mu", "投资强度", "tzqd"),
  REQ_TAX("req_tax_wan_per_mu", "req_tax_wan_per_mu", "亩均税收"),
  SUPPLY_YEAR("supply_year", "supply_year", "供地年份", "供应年份", "出让年份", "gdnf"),
  BUILD_START_YEAR("build_start_year", "build_start_year", "开工年份", "kgnf"),
  /** The area the file states, in m²: only compared with the geodesic area, never stored. */
  AREA_M2("area_m2", "area_m2", "area", "面积", "宗地面积", "用地面积", "zdmj", "shape_area"),
  /** The area the file states, in mu (亩): only compared. */
  AREA_MU("area_mu", "area_mu", "亩数", "面积亩", "面积（亩）", "面积(亩)"),
  WKT("wkt", "wkt", "geometry", "geom", "the_geom", "shape", "几何"),
  LON("lon", "lon", "lng", "longitude", "经度"),
  LAT("lat", "lat", "latitude", "纬度"),
  X("x", "x", "x坐标", "横坐标", "xzb"),
  Y("y", "y", "y坐标", "纵坐标", "yzb"),
  /** Ring number of a boundary point: the first ring of a parcel is its outline, others holes. */
  RING("ring", "ring", "圈号", "环号", "quan"),
  /** Point number (界址点号): orders the boundary points of a ring; file order otherwise. */
  POINT("point", "point", "点号", "界址点号", "jzdh");

  final String param;
  final List<String> guesses;

  ParcelField(String param, String... guesses) {
    this.param = param;
    this.guesses = List.of(guesses);
  }

  boolean geometryColumn() {
    return this == WKT || this == LON || this == LAT || this == X || this == Y || this == RING || this == POINT;
  }

  static ParcelField byParam(String p) {
    for (ParcelField f : values()) {
      if (f.param.equals(p)) {
        return f;
      }
    }
    return null;
  }

  /** How a column name is compared with guesses: case, spaces and underscores ignored. */
  static String key(String column) {
    return column.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }
}
