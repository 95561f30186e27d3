package zoneatlas.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.SourceDocs;
import zoneatlas.model.ParcelStatus;
import zoneatlas.model.PlanStatus;
import zoneatlas.sites.Labels;

/**
 * What the HTML pages write for a feature's values, in one language: the JSON keeps the codes a
 * client works with ({@code xxetdz}, {@code in_use}, {@code industrial_park}, a source file name
 * and line numbers, a park's id), a reader gets the words the map uses (新乡经开区, 在用, 产业园区,
 * 《…》第939行, the park's name) and a parcel's zone and number rather than its system id. Made per
 * request (it holds the language and the feature names of the current data version).
 */
final class HtmlWords {
  /** Columns a page leaves out in a language: the other language's text, and the lines (said with the source). */
  private static final Set<String> NOT_IN_ZH = Set.of("name_en", "placement_note", "source_lines");
  private static final Set<String> NOT_IN_EN = Set.of("placement_note_zh", "source_lines");
  /** The layer a column's ids belong to, to name the feature they point at. */
  private static final Map<String, String> ID_COLUMNS = Map.of(
      "board", "core-boards", "park", "industrial-parks", "small_micro_park", "small-micro-parks");
  /** The plan layers' kinds besides infrastructure's ({@link Labels#KIND}), as the map's i18n.js writes them. */
  private static final Map<String, Labels.Label> PLAN_KINDS = Map.ofEntries(
      kind("development_zone", "开发区", "development zone"),
      kind("district", "功能区", "district"),
      kind("core_board", "核心板块", "core board"),
      kind("functional_area", "功能片区", "functional area"),
      kind("industrial_park", "产业园区", "industrial park"),
      kind("bonded_zone", "保税区", "bonded zone"),
      kind("logistics_park", "物流园区", "logistics park"),
      kind("industrial_base", "产业基地", "industrial base"),
      kind("innovation_park", "科创园区", "innovation park"),
      kind("service_park", "服务业园区", "service park"),
      kind("small_micro_park", "小微企业园", "small-micro park"),
      kind("standard_factory", "标准化厂房", "standard factory"),
      kind("incubator", "孵化器", "incubator"));
  /** The layers' descriptions for a Chinese reader (the catalog's are English, for API clients). */
  private static final Map<String, String> DESCRIPTION_ZH = Map.of(
      "zones", "开发区及其行政区划背景，依据十四五规划文本绘制的示意图形；每个要素注明所依据的规划文件及行号。",
      "core-boards", "开发区的核心板块，依据十四五规划文本绘制的示意图形；每个要素注明所依据的规划文件及行号。",
      "industrial-parks", "产业园区，依据十四五规划文本绘制的示意图形；每个要素注明所依据的规划文件及行号。",
      "small-micro-parks", "小微企业园，依据十四五规划文本绘制的示意图形；每个要素注明所依据的规划文件及行号。",
      "infrastructure", "道路、轨道、场站、市政设施等基础设施，依据十四五规划文本绘制的示意图形；每个要素注明所依据的规划文件及行号。",
      "parcels", "地块。演示用合成数据，由固定种子生成，并非真实的土地登记信息。",
      "enterprises", "企业，标注在其主要用地地块上。演示用合成数据，由固定种子生成，并非真实企业。");
  private static final Map<String, Labels.Label> GEOMETRY = Map.of(
      "Polygon", new Labels.Label("面", "Polygon"),
      "MultiPolygon", new Labels.Label("面", "MultiPolygon"),
      "Point", new Labels.Label("点", "Point"),
      "LineString", new Labels.Label("线", "LineString"),
      "Geometry", new Labels.Label("点、线、面", "Geometry"));
  private static final Map<String, Labels.Label> SIZE_CLASS = Map.of(
      "规上", new Labels.Label("规模以上", "above designated size"),
      "规下", new Labels.Label("规模以下", "below designated size"));

  final boolean en;
  private final Map<String, String[]> names;

  /**
   * @param lang "en" for English, anything else Chinese
   * @param names feature names {zh, en} by "collection:id" (SearchService.names)
   */
  HtmlWords(String lang, Map<String, String[]> names) {
    this.en = "en".equals(lang);
    this.names = names;
  }

  private static Map.Entry<String, Labels.Label> kind(String code, String zh, String en) {
    return Map.entry(code, new Labels.Label(zh, en));
  }

  String pick(String zh, String en) {
    return this.en ? en : zh;
  }

  String pick(Labels.Label l) {
    return en ? l.en() : l.zh();
  }

  /** Whether a page shows this column in its language. */
  boolean shows(Column c) {
    return !(en ? NOT_IN_EN : NOT_IN_ZH).contains(c.name());
  }

  String title(Column c) {
    return en ? c.titleEn() : c.titleZh();
  }

  String title(Layer l) {
    return en ? l.titleEn() : l.titleZh();
  }

  String description(Layer l, String english) {
    return en ? english : DESCRIPTION_ZH.getOrDefault(l.id(), "");
  }

  String geometry(String type) {
    Labels.Label g = GEOMETRY.get(type);
    return g == null ? type : pick(g);
  }

  /** A feature as readers name it: a parcel by its zone and number, anything named by its name, else its id. */
  String feature(Layer l, String id, JsonNode props) {
    if (l.id().equals("parcels")) {
      return pick(Labels.parcelName(id, text(props.path("zone"))));
    }
    String zh = text(props.path("name_zh"));
    String name = en ? firstOf(text(props.path("name_en")), zh) : firstOf(zh, text(props.path("name_en")));
    return name == null ? id : name;
  }

  /** A value as the reader reads it, unescaped (the caller escapes). */
  String value(Layer l, Column c, JsonNode props) {
    JsonNode v = props.path(c.name());
    if (v.isMissingNode() || v.isNull()) {
      return "";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? pick("是", "yes") : pick("否", "no");
    }
    if (v.isFloatingPointNumber()) {
      // display only: the JSON keeps full precision
      return java.math.BigDecimal.valueOf(v.asDouble()).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString();
    }
    String s = v.asText();
    switch (c.name()) {
      case "zone" -> {
        Labels.Label z = Labels.ZONE.get(s);
        return z == null ? s : pick(z);
      }
      case "status" -> {
        return status(l, s);
      }
      case "kind" -> {
        Labels.Label k = PLAN_KINDS.containsKey(s) ? PLAN_KINDS.get(s) : Labels.KIND.get(s);
        return k == null ? s : pick(k);
      }
      case "size_class" -> {
        Labels.Label k = SIZE_CLASS.get(s);
        return k == null ? s : pick(k);
      }
      case "source_doc" -> {
        JsonNode lines = props.path("source_lines");
        return SourceDocs.citation(s, lines.isMissingNode() || lines.isNull() ? null : lines.asText(), en ? "en" : "zh");
      }
      default -> {
        String layer = ID_COLUMNS.get(c.name());
        if (layer != null) {
          String[] n = names.get(layer + ":" + s);
          if (n != null) {
            String name = en ? firstOf(n[1], n[0]) : firstOf(n[0], n[1]);
            return name == null ? s : name;
          }
        }
        return s;
      }
    }
  }

  private String status(Layer l, String code) {
    try {
      if (l.table().equals("parcels")) {
        ParcelStatus p = ParcelStatus.valueOf(code);
        return pick(p.zh, p.en);
      }
      PlanStatus p = PlanStatus.valueOf(code);
      return pick(p.zh, p.en);
    } catch (IllegalArgumentException e) {
      return code; // already words (a status written in Chinese) or a code of another list
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  private static String firstOf(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }
}
