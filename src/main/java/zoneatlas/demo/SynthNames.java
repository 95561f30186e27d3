package zoneatlas.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Clearly synthetic but plausible enterprise names, Chinese and English, e.g.
 * {@code 合成示例·郑州恒达汽车零部件有限公司} / {@code Synthetic Sample Zhengzhou Hengda Auto Parts Co.,
 * Ltd.}. Names are unique within one instance.
 */
final class SynthNames {
  /** The prefix every synthetic Chinese name carries. */
  static final String PREFIX_ZH = "合成示例·";
  /** The prefix every synthetic English name carries. */
  static final String PREFIX_EN = "Synthetic Sample ";

  private static final String[][] FIRST = {
    {"恒", "Heng"}, {"宏", "Hong"}, {"华", "Hua"}, {"瑞", "Rui"}, {"鑫", "Xin"}, {"盛", "Sheng"},
    {"嘉", "Jia"}, {"中", "Zhong"}, {"豫", "Yu"}, {"博", "Bo"}, {"天", "Tian"}, {"永", "Yong"},
    {"新", "Xin"}, {"金", "Jin"}, {"安", "An"}, {"东", "Dong"}, {"航", "Hang"}, {"宇", "Yu"},
    {"泰", "Tai"}, {"汇", "Hui"}, {"信", "Xin"}, {"德", "De"}, {"富", "Fu"}, {"祥", "Xiang"},
    {"远", "Yuan"}, {"海", "Hai"}, {"光", "Guang"}, {"明", "Ming"}, {"正", "Zheng"}, {"辰", "Chen"},
    {"卓", "Zhuo"}, {"智", "Zhi"}, {"力", "Li"}, {"创", "Chuang"}, {"佳", "Jia"}, {"凯", "Kai"},
    {"润", "Run"}, {"锦", "Jin"}, {"昌", "Chang"}, {"联", "Lian"}, {"万", "Wan"}, {"同", "Tong"}
  };
  private static final String[][] SECOND = {
    {"达", "da"}, {"远", "yuan"}, {"通", "tong"}, {"盛", "sheng"}, {"源", "yuan"}, {"泰", "tai"},
    {"丰", "feng"}, {"威", "wei"}, {"越", "yue"}, {"科", "ke"}, {"诚", "cheng"}, {"利", "li"},
    {"鼎", "ding"}, {"峰", "feng"}, {"晟", "sheng"}, {"宸", "chen"}, {"捷", "jie"}, {"拓", "tuo"},
    {"成", "cheng"}, {"兴", "xing"}, {"邦", "bang"}, {"翔", "xiang"}, {"舟", "zhou"}, {"驰", "chi"},
    {"航", "hang"}, {"格", "ge"}, {"恒", "heng"}, {"特", "te"}, {"优", "you"}, {"韵", "yun"},
    {"澜", "lan"}, {"岳", "yue"}, {"楷", "kai"}, {"晖", "hui"}, {"铭", "ming"}, {"林", "lin"},
    {"川", "chuan"}, {"锐", "rui"}, {"立", "li"}, {"众", "zhong"}, {"阳", "yang"}, {"和", "he"}
  };

  /** Chinese keyword to English, most specific first. */
  private static final String[][] INDUSTRY_EN = {
    {"园区运营", "Park Operation"}, {"智能网联", "Connected Vehicle"}, {"电驱动", "Electric Drive"},
    {"商用车", "Commercial Vehicle"}, {"乘用车", "Passenger Car"}, {"发动机", "Engine"},
    {"盾构", "Tunnel Boring Machine"}, {"煤矿机械", "Mining Machinery"}, {"液压", "Hydraulics"},
    {"再制造", "Remanufacturing"}, {"体外诊断", "In-vitro Diagnostics"}, {"诊断", "Diagnostics"},
    {"锅炉", "Boiler"}, {"粮食", "Grain"}, {"北斗", "BeiDou Navigation"}, {"导航", "Navigation"},
    {"测绘", "Surveying"}, {"遥感", "Remote Sensing"}, {"溯源", "Traceability"}, {"物联网", "IoT"},
    {"智联网", "Intelligent IoT"}, {"工业互联网", "Industrial Internet"}, {"互联网", "Internet"},
    {"云安全", "Cloud Security"}, {"安全", "Security"}, {"广告", "Advertising"}, {"文化创意", "Creative"},
    {"孵化", "Incubation"}, {"中欧班列", "Rail Freight"}, {"多式联运", "Multimodal Transport"},
    {"快递", "Express Delivery"}, {"配送", "Distribution"}, {"口岸", "Port"}, {"会展", "Exhibition"},
    {"融资租赁", "Financial Leasing"}, {"维修", "Maintenance"}, {"采购", "Procurement"},
    {"建筑科技", "Construction Technology"}, {"装配式", "Prefabricated Construction"},
    {"计算", "Computing"}, {"零售", "Retail"}, {"餐饮", "Catering"}, {"健康", "Health"}, {"通讯", "Communications"},
    {"5G", "5G"}, {"3D打印", "3D Printing"}, {"增材", "Additive"}, {"MEMS", "MEMS"}, {"MOSFET", "Power Semiconductor"},
    {"LED", "LED"}, {"光学", "Optics"}, {"镜头", "Lens"}, {"元器件", "Components"}, {"联运", "Intermodal Transport"},
    {"中试", "Pilot Production"}, {"加工", "Processing"}, {"出口", "Export"}, {"劳务", "Labour Services"},
    {"化纤", "Chemical Fibre"}, {"纤维", "Fibre"}, {"印染", "Dyeing"}, {"染整", "Dyeing and Finishing"},
    {"国际合作", "International Cooperation"}, {"培训", "Training"}, {"基因", "Genomics"}, {"检测", "Testing"},
    {"芯片", "Chip"}, {"分拨", "Distribution"}, {"大宗商品", "Commodity"}, {"工业云", "Industrial Cloud"},
    {"市场", "Market"}, {"再生医学", "Regenerative Medicine"}, {"循环经济", "Circular Economy"}, {"扣子", "Buttons"},
    {"技术转移", "Technology Transfer"}, {"拉锁", "Zippers"}, {"控制器", "Controller"}, {"控制", "Control"},
    {"旅游", "Tourism"}, {"文化", "Culture"}, {"时尚", "Fashion"}, {"氨纶", "Spandex"}, {"流通", "Distribution"},
    {"生命科学", "Life Sciences"}, {"电机", "Electric Motor"}, {"皮具", "Leather Goods"}, {"离岸外包", "Offshore Outsourcing"},
    {"箱包", "Luggage"}, {"减速器", "Reducer"}, {"精密", "Precision"}, {"长丝", "Filament"}, {"纺纱", "Spinning"},
    {"织布", "Weaving"}, {"织造", "Weaving"}, {"绿色", "Green"}, {"技术", "Technology"}, {"袜业", "Hosiery"},
    {"数控机床", "CNC Machine Tools"}, {"机床", "Machine Tools"}, {"人力资源", "Human Resources"}, {"展销", "Dealership"},
    {"仪表", "Instrumentation"}, {"显控", "Display and Control"}, {"搬运", "Handling"}, {"园区", "Park Services"},
    {"数字经济", "Digital Economy"}, {"电子商务", "E-commerce"}, {"成果转化", "Technology Commercialisation"},
    {"总部", "Headquarters"}, {"泳装", "Swimwear"}, {"职业中介", "Employment Agency"}, {"中介", "Agency"},
    {"卫星", "Satellite"}, {"军工", "Defence"}, {"设计", "Design"}, {"配件", "Accessories"}, {"显示", "Display"}, {"新能源汽车", "New Energy Vehicle"}, {"汽车零部件", "Auto Parts"}, {"汽车及零部件", "Auto Parts"},
    {"汽车", "Automotive"}, {"智能制造", "Intelligent Manufacturing"}, {"装备制造", "Equipment Manufacturing"},
    {"装备", "Equipment"}, {"集成电路", "Integrated Circuit"}, {"半导体", "Semiconductor"},
    {"电子信息", "Electronic Information"}, {"电子元器件", "Electronic Components"}, {"电子", "Electronics"},
    {"人工智能", "Artificial Intelligence"}, {"软件", "Software"}, {"信息", "Information Technology"},
    {"网络安全", "Cyber Security"}, {"大数据", "Big Data"}, {"数据", "Data"}, {"数字", "Digital"},
    {"生物医药", "Biomedicine"}, {"医疗器械", "Medical Device"}, {"医药", "Pharmaceutical"},
    {"生物", "Biotech"}, {"新材料", "New Materials"}, {"材料", "Materials"}, {"食品", "Food"},
    {"农副", "Agri-food"}, {"冷链", "Cold Chain"}, {"跨境电商", "Cross-border E-commerce"},
    {"电商", "E-commerce"}, {"保税", "Bonded"}, {"物流", "Logistics"}, {"仓储", "Warehousing"},
    {"贸易", "Trading"}, {"机器人", "Robotics"}, {"储能", "Energy Storage"}, {"电池", "Battery"},
    {"新能源", "New Energy"}, {"能源", "Energy"}, {"光电", "Optoelectronics"}, {"传感", "Sensor"},
    {"智能", "Intelligent"}, {"传感器", "Sensor"}, {"设备", "Equipment"}, {"科技金融", "Fintech"}, {"研发", "R&D"}, {"检验检测", "Testing"}, {"科技", "Technology"}, {"节能", "Energy-saving"}, {"专用", "Special"},
    {"商务", "Business"}, {"金融", "Financial"}, {"电力供应", "Power Supply"}, {"热力供应", "Heating Supply"}, {"商业", "Commercial"},
    {"电力", "Power Supply"}, {"供电", "Power Supply"}, {"热力", "Heating Supply"},
    {"通信", "Communications"}, {"航空", "Aviation"}, {"家居", "Home Furnishing"},
    {"纺织", "Textile"}, {"服装", "Apparel"}, {"化工", "Chemical"}, {"铝", "Aluminium"},
    {"机械", "Machinery"}, {"电气", "Electrical"}, {"仪器", "Instrument"}, {"环保", "Environmental"},
    {"起重", "Hoisting"}, {"运营", "Park Operation"}, {"服务", "Services"}, {"制造", "Manufacturing"}
  };

  private final Set<String> used = new HashSet<>();
  private final Map<String, String> enCache = new HashMap<>();

  /** {nameZh, nameEn}. */
  String[] next(String cityZh, String cityEn, String industry, RandomGenerator rnd) {
    String indZh = shortIndustry(industry);
    String indEn = enCache.computeIfAbsent(industry, SynthNames::industryEn);
    for (int attempt = 0; ; attempt++) {
      String[] a = FIRST[rnd.nextInt(FIRST.length)];
      String[] b = SECOND[rnd.nextInt(SECOND.length)];
      String tradeZh = a[0] + b[0];
      String tradeEn = a[1] + b[1];
      if (attempt >= 20) { // crowded: three-character trade name
        String[] c = SECOND[rnd.nextInt(SECOND.length)];
        tradeZh += c[0];
        tradeEn += c[1];
      }
      if (attempt >= 60) {
        tradeZh += attempt;
        tradeEn += " " + attempt;
      }
      String zh = PREFIX_ZH + cityZh + tradeZh + indZh + "有限公司";
      if (used.add(zh)) {
        return new String[] {zh, PREFIX_EN + cityEn + " " + tradeEn + " " + indEn + " Co., Ltd."};
      }
    }
  }

  /** The industry as it reads inside a company name (drops 产业 / 等 / 业 endings). */
  static String shortIndustry(String industry) {
    String s = industry.strip();
    if (s.endsWith("等")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("产业") && s.length() > 3) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }

  /**
   * English for a Chinese industry name by keywords: the keyword ending last is the head noun,
   * the longest keyword before it (if any) its modifier, e.g. 医药物流 -> Pharmaceutical Logistics;
   * "Industrial" when nothing matches.
   */
  static String industryEn(String industry) {
    int headStart = -1;
    int headEnd = -1;
    String head = null;
    for (String[] kv : INDUSTRY_EN) {
      int i = industry.lastIndexOf(kv[0]);
      if (i < 0) {
        continue;
      }
      int end = i + kv[0].length();
      if (end > headEnd || (end == headEnd && i < headStart)) {
        headStart = i;
        headEnd = end;
        head = kv[1];
      }
    }
    if (head == null) {
      return "Industrial";
    }
    String mod = null;
    int modLen = 0;
    for (String[] kv : INDUSTRY_EN) {
      int i = industry.indexOf(kv[0]);
      if (i >= 0 && i + kv[0].length() <= headStart && kv[0].length() > modLen) {
        mod = kv[1];
        modLen = kv[0].length();
      }
    }
    if (mod == null || head.contains(mod)) {
      return head;
    }
    return mod.contains(head) ? mod : mod + " " + head;
  }
}
