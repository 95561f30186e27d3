package zoneatlas.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.demo.PlanValidator;
import zoneatlas.imports.spatial.LandUseClasses;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.model.ParcelStatus;
import zoneatlas.ogc.LayerView;

/**
 * A JSON Schema of a collection's features as a client writes them (in the manner of OGC API -
 * Features Part 5 "receivables"), with what a form needs beyond types: Chinese and English titles,
 * the code lists with their labels, which properties the server works out (readOnly), which are
 * required, and for parcels the land cycle's allowed next statuses.
 */
final class EditSchema {
  private EditSchema() {}

  static Map<String, Object> of(Layer l, LayerView view, boolean editable, String base) {
    FeatureRules rules = FeatureRules.of(l);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    m.put("$id", base + "/collections/" + l.id() + "/schema");
    m.put("title", l.titleZh() + " " + l.titleEn());
    m.put("type", "object");
    m.put("x-editable", editable);
    m.put("x-edited-by", l.editedBy());
    m.put("x-geometry", switch (l.id()) {
      case "parcels" -> "Polygon";
      case "enterprises" -> "Point";
      case "infrastructure" -> "Any";
      default -> "Polygon";
    });
    Map<String, Object> props = new LinkedHashMap<>();
    for (Column c : view.columns()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", c.titleZh());
      p.put("x-title-en", c.titleEn());
      p.put("type", c.jsonSchemaType());
      if (rules.computed().contains(c.name())) {
        p.put("readOnly", true);
      }
      codes(l, c.name(), p);
      props.put(c.name(), p);
    }
    if (l.id().equals("parcels") || l.id().equals("enterprises")) {
      Map<String, Object> lu = new LinkedHashMap<>();
      lu.put("title", l.id().equals("parcels") ? "用地企业" : "使用地块");
      lu.put("x-title-en", l.id().equals("parcels") ? "Enterprises on the parcel" : "Parcels used");
      lu.put("type", "array");
      lu.put("description", "owner（权属）或 tenant（租用），share 为占地块面积的比例 (0, 1]；省略则不改动");
      props.put("land_uses", lu);
    }
    m.put("properties", props);
    m.put("required", required(l));
    return m;
  }

  private static List<String> required(Layer l) {
    return switch (l.table()) {
      case "parcels" -> List.of("land_use_code", "status");
      case "enterprises" -> List.of("uscc", "name_zh", "zone");
      default -> List.of("name_zh", "kind", "source_doc", "source_lines");
    };
  }

  private static void codes(Layer l, String column, Map<String, Object> p) {
    switch (column) {
      case "land_use_code" -> {
        p.put("enum", new ArrayList<>(LandUseClasses.all().keySet()));
        p.put("x-labels", LandUseClasses.all());
      }
      case "status" -> {
        if (l.id().equals("parcels")) {
          List<String> codes = new ArrayList<>();
          Map<String, String> zh = new LinkedHashMap<>();
          Map<String, String> en = new LinkedHashMap<>();
          for (ParcelStatus s : ParcelStatus.values()) {
            codes.add(s.name());
            zh.put(s.name(), s.zh);
            en.put(s.name(), s.en);
          }
          p.put("enum", codes);
          p.put("x-labels", zh);
          p.put("x-labels-en", en);
          p.put("x-transitions", StatusCycle.asMap());
        } else if (l.table().equals("plan_features")) {
          p.put("enum", List.of("planned", "proposed", "under_construction", "existing"));
          Map<String, String> zh = new LinkedHashMap<>();
          Map<String, String> en = new LinkedHashMap<>();
          for (zoneatlas.model.PlanStatus s : zoneatlas.model.PlanStatus.values()) {
            zh.put(s.name(), s.zh);
            en.put(s.name(), s.en);
          }
          p.put("x-labels", zh);
          p.put("x-labels-en", en);
        }
      }
      case "kind" -> {
        if (PlanValidator.KINDS.containsKey(l.whereLayer())) {
          p.put("enum", PlanValidator.KINDS.get(l.whereLayer()).stream().sorted().toList());
        }
      }
      case "zone" -> {
        p.put("enum", PlanValidator.ZONES.stream().sorted().toList());
        p.put("x-labels", Map.of("zzetdz", "郑州经开区", "zzhitech", "郑州高新区", "xxetdz", "新乡经开区", "zhengzhou", "郑州市"));
        p.put("x-labels-en", Map.of("zzetdz", "Zhengzhou ETDZ", "zzhitech", "Zhengzhou Hi-tech Zone", "xxetdz",
            "Xinxiang ETDZ", "zhengzhou", "Zhengzhou (city)"));
      }
      case "size_class" -> p.put("enum", List.of("规上", "规下"));
      case "source_doc" -> {
        // the plan documents by title, never by file name
        List<String> files = new ArrayList<>();
        Map<String, String> zh = new LinkedHashMap<>();
        Map<String, String> en = new LinkedHashMap<>();
        for (zoneatlas.layers.SourceDocs.Doc d : zoneatlas.layers.SourceDocs.all()) {
          files.add(d.file());
          zh.put(d.file(), "《" + d.titleZh() + "》");
          en.put(d.file(), d.titleEn());
        }
        p.put("enum", files);
        p.put("x-labels", zh);
        p.put("x-labels-en", en);
      }
      default -> {
        // free values
      }
    }
  }
}
