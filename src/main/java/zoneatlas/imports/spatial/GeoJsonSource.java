package zoneatlas.imports.spatial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GeoJSON: a FeatureCollection, a single Feature or a bare geometry. Jackson reads the document
 * and properties, JTS the geometries. RFC 7946 files are lon/lat; files written by older tools
 * (and ogr2ogr for projected data) name their CRS in a {@code crs} member, which is honoured.
 */
final class GeoJsonSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJsonSource() {}

  static SourceData read(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new ImportFailure("file", "file: not valid JSON: " + e.getOriginalMessage(), "文件不是有效的 JSON（GeoJSON）"
          + (at == null || at.getLineNr() < 1 ? "" : "，出错位置约在第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列")
          + "；请确认上传的是 GeoJSON 文件");
    } catch (IOException e) {
      throw new ImportFailure("file", "file: cannot read the JSON: " + e.getMessage(), "无法读取该 JSON 文件");
    }
    if (root == null || !root.isObject()) {
      throw new ImportFailure("file", "file: a GeoJSON file must hold an object (a FeatureCollection)",
          "GeoJSON 文件的内容应为一个要素集合（FeatureCollection）对象");
    }
    String type = root.path("type").asText("");
    List<JsonNode> features = new ArrayList<>();
    switch (type) {
      case "FeatureCollection" -> root.path("features").forEach(features::add);
      case "Feature" -> features.add(root);
      case "Polygon", "MultiPolygon", "GeometryCollection", "Point", "LineString", "MultiPoint", "MultiLineString" -> {
        var wrapper = JSON.createObjectNode();
        wrapper.set("geometry", root);
        features.add(wrapper);
      }
      default -> throw new ImportFailure("file", "file: GeoJSON type '" + type + "' is not a FeatureCollection",
          "GeoJSON 类型“" + type + "”不是要素集合（FeatureCollection）");
    }
    String declared = null;
    JsonNode crs = root.path("crs");
    if (crs.isObject()) {
      declared = crs.path("properties").path("name").asText(null);
      if (declared == null) {
        throw new ImportFailure("file", "file: the GeoJSON crs member names no CRS (only {\"type\":\"name\",...} is understood)",
            "GeoJSON 的 crs 成员没有写明坐标系名称（仅支持 {\"type\":\"name\", ...} 的写法）；可删去该成员后在页面上选择坐标系");
      }
    }
    Set<String> columns = new LinkedHashSet<>();
    List<SourceFeature> out = new ArrayList<>();
    GeoJsonReader reader = new GeoJsonReader();
    int index = 0;
    for (JsonNode f : features) {
      index++;
      Map<String, Object> attrs = new LinkedHashMap<>();
      f.path("properties").properties().forEach(e -> attrs.put(e.getKey(), value(e.getValue())));
      if (!attrs.containsKey("id") && f.has("id") && !f.get("id").isNull()) {
        attrs.put("id", value(f.get("id")));
      }
      columns.addAll(attrs.keySet());
      JsonNode g = f.path("geometry");
      Geometry geom = null;
      List<SourceFeature.Problem> problems = new ArrayList<>();
      if (g.isObject()) {
        try {
          geom = reader.read(g.toString());
        } catch (ParseException | RuntimeException e) {
          problems.add(new SourceFeature.Problem("geometry", "unreadable GeoJSON geometry: " + e.getMessage(),
              "图形无法读取（GeoJSON 几何格式有误）"));
        }
      }
      out.add(new SourceFeature(index, null, attrs, geom, problems));
    }
    return new SourceData(SourceFormat.GEOJSON, null, List.copyOf(columns), out, declared,
        declared == null ? null : "the GeoJSON crs member", null, List.of(), List.of(), Map.of());
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return v.toString();
  }
}
