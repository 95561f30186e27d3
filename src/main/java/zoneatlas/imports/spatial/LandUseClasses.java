package zoneatlas.imports.spatial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The national land-use classification 《国土空间调查、规划、用途管制用地用海分类指南》 (2023), the
 * codes parcels carry. Imports accept 4- and 6-digit codes (and 16 留白用地, which has no
 * subdivision); sea-use classes (18-22) are left out because a zone's parcels are on land. Older
 * GB/T 21010 codes are not mapped: several of them (1001 铁路用地) now mean something else.
 */
public final class LandUseClasses {
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    add("0101 水田", "0102 水浇地", "0103 旱地");
    add("0201 果园", "0202 茶园", "0203 橡胶园地", "0204 油料园地", "0205 其他园地");
    add("0301 乔木林地", "0302 竹林地", "0303 灌木林地", "0304 其他林地");
    add("0401 天然牧草地", "0402 人工牧草地", "0403 其他草地");
    add("0501 森林沼泽", "0502 灌丛沼泽", "0503 沼泽草地", "0504 其他沼泽地", "0505 沿海滩涂", "0506 内陆滩涂", "0507 红树林地");
    add("0601 乡村道路用地", "060101 村道用地", "060102 田间道", "0602 种植设施建设用地", "0603 畜禽养殖设施建设用地",
        "0604 水产养殖设施建设用地");
    add("0701 城镇住宅用地", "070101 一类城镇住宅用地", "070102 二类城镇住宅用地", "070103 三类城镇住宅用地",
        "0702 城镇社区服务设施用地", "0703 农村宅基地", "070301 一类农村宅基地", "070302 二类农村宅基地", "0704 农村社区服务设施用地");
    add("0801 机关团体用地", "0802 科研用地", "0803 文化用地", "080301 图书与展览用地", "080302 文化活动用地",
        "0804 教育用地", "080401 高等教育用地", "080402 中等职业教育用地", "080403 中小学用地", "080404 幼儿园用地",
        "080405 其他教育用地", "0805 体育用地", "080501 体育场馆用地", "080502 体育训练用地", "0806 医疗卫生用地",
        "080601 医院用地", "080602 基层医疗卫生设施用地", "080603 公共卫生用地", "0807 社会福利用地", "080701 老年人社会福利用地",
        "080702 儿童社会福利用地", "080703 残疾人社会福利用地", "080704 其他社会福利用地");
    add("0901 商业用地", "090101 零售商业用地", "090102 批发市场用地", "090103 餐饮用地", "090104 旅馆用地",
        "090105 公用设施营业网点用地", "0902 商务金融用地", "0903 娱乐用地", "0904 其他商业服务业用地");
    add("1001 工业用地", "100101 一类工业用地", "100102 二类工业用地", "100103 三类工业用地", "1002 采矿用地", "1003 盐田");
    add("1101 物流仓储用地", "110101 一类物流仓储用地", "110102 二类物流仓储用地", "110103 三类物流仓储用地", "1102 储备库用地");
    add("1201 铁路用地", "1202 公路用地", "1203 机场用地", "1204 港口码头用地", "1205 管道运输用地", "1206 城市轨道交通用地",
        "1207 城镇村道路用地", "1208 交通场站用地", "120801 对外交通场站用地", "120802 公共交通场站用地", "120803 社会停车场用地",
        "1209 其他交通设施用地");
    add("1301 供水用地", "1302 排水用地", "1303 供电用地", "1304 供燃气用地", "1305 供热用地", "1306 通信用地", "1307 邮政用地",
        "1308 广播电视设施用地", "1309 环卫用地", "1310 消防用地", "1311 干渠", "1312 水工设施用地", "1313 其他公用设施用地");
    add("1401 公园绿地", "1402 防护绿地", "1403 广场用地");
    add("1501 军事设施用地", "1502 使领馆用地", "1503 宗教用地", "1504 文物古迹用地", "1505 监教场所用地", "1506 殡葬用地",
        "1507 其他特殊用地");
    add("16 留白用地");
    add("1701 河流水面", "1702 湖泊水面", "1703 水库水面", "1704 坑塘水面", "1705 沟渠", "1706 冰川及常年积雪");
    add("2301 空闲地", "2302 田坎", "2303 田间道", "2304 盐碱地", "2305 沙地", "2306 裸土地", "2307 裸岩石砾地");
  }

  private LandUseClasses() {}

  private static void add(String... entries) {
    for (String e : entries) {
      int sp = e.indexOf(' ');
      NAMES.put(e.substring(0, sp), e.substring(sp + 1));
    }
  }

  /** Every code with its name, in the classification's order (the map's code list). */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(NAMES);
  }

  /** The official name of a code, or null when the classification has no such code. */
  public static String name(String code) {
    return code == null ? null : NAMES.get(code);
  }

  /**
   * The code as the classification writes it: spreadsheets that hold codes as numbers drop the
   * leading zero (0802 → 802, 080403 → 80403), which is put back since no class has 3 or 5 digits.
   */
  public static String normalise(Object raw) {
    if (raw == null) {
      return null;
    }
    String s;
    if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      s = Long.toString(n.longValue());
    } else {
      s = raw.toString().strip();
      if (s.matches("\\d+\\.0+")) {
        s = s.substring(0, s.indexOf('.'));
      }
    }
    if (s.matches("\\d{3}|\\d{5}")) {
      s = "0" + s;
    }
    return s;
  }
}
