package zoneatlas.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zoneatlas.auth.Role;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;

/**
 * What one role may see of a layer. Every place that names columns to a client (collection
 * schema, queryables, property filters, CQL2, sortby, OpenAPI, HTML) asks here, so a confidential
 * column is unknown, not merely blank, to a role that may not see it: filtering or sorting on it
 * fails the same way as on a column that does not exist, and reveals nothing by its results.
 */
public record LayerView(Layer layer, Role role) {
  /** Name of the geometry in filters and queryables. */
  public static final String GEOMETRY = "geom";
  /** The feature id, queryable as a string. */
  public static final String ID = "id";

  public List<Column> columns() {
    return layer.columns().stream().filter(this::visible).toList();
  }

  public boolean visible(Column c) {
    return !c.confidential() || role.seesConfidential();
  }

  public Optional<Column> column(String name) {
    return layer.column(name).filter(this::visible);
  }

  public boolean showConfidential() {
    return role.seesConfidential();
  }

  /** OGC geometry format of the layer's geometry type, for queryables. */
  String geometryFormat() {
    return switch (layer.geometryType()) {
      case "Point" -> "geometry-point";
      case "LineString" -> "geometry-linestring";
      case "Polygon" -> "geometry-polygon";
      case "MultiPolygon" -> "geometry-multipolygon";
      default -> "geometry-any";
    };
  }

  /** The queryables document (OGC API - Features Part 3): a JSON Schema of what filters may name. */
  public Map<String, Object> queryables(String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$schema", "https://json-schema.org/draft/2019-09/schema");
    m.put("$id", base + "/collections/" + layer.id() + "/queryables");
    m.put("type", "object");
    m.put("title", layer.titleZh() + " " + layer.titleEn());
    m.put("description", "可用于 filter(CQL2)与属性查询参数的字段 / Properties usable in filter (CQL2) and as query parameters");
    Map<String, Object> props = new LinkedHashMap<>();
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("title", "要素编号 Feature id");
    id.put("type", "string");
    props.put(ID, id);
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("title", "几何 Geometry (EPSG:4490)");
    g.put("format", geometryFormat());
    g.put("x-ogc-role", "primary-geometry");
    props.put(GEOMETRY, g);
    for (Column c : columns()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", c.titleZh() + " " + c.titleEn());
      p.put("type", c.jsonSchemaType());
      props.put(c.name(), p);
    }
    m.put("properties", props);
    m.put("additionalProperties", false);
    return m;
  }
}
