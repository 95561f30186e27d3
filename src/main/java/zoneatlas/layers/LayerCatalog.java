package zoneatlas.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The layers ZoneAtlas serves, read from {@code catalog/layers.json}. Immutable, thread-safe. */
public final class LayerCatalog {
  private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
  private final Map<String, Layer> layers;
  private final int storageSrid;

  private LayerCatalog(Map<String, Layer> layers, int storageSrid) {
    this.layers = Collections.unmodifiableMap(layers);
    this.storageSrid = storageSrid;
  }

  /** Loads the built-in catalog; refuses to start on a malformed definition. */
  public static LayerCatalog load() {
    try (InputStream in = LayerCatalog.class.getClassLoader().getResourceAsStream("catalog/layers.json")) {
      if (in == null) {
        throw new IllegalStateException("catalog/layers.json missing from the classpath");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read catalog/layers.json: " + e.getMessage(), e);
    }
  }

  static LayerCatalog parse(JsonNode root) {
    Map<String, Layer> m = new LinkedHashMap<>();
    for (JsonNode l : root.path("collections")) {
      String id = l.path("id").asText();
      String table = l.path("table").asText();
      if (!ID.matcher(id).matches() || !IDENT.matcher(table).matches()) {
        throw new IllegalStateException("bad layer id or table in catalog: " + id + "/" + table);
      }
      List<Column> cols = new ArrayList<>();
      for (JsonNode c : l.path("columns")) {
        String name = c.path("name").asText();
        if (!IDENT.matcher(name).matches()) {
          throw new IllegalStateException("bad column name in layer " + id + ": " + name);
        }
        String type = c.path("type").asText();
        if (!List.of("text", "number", "integer", "boolean").contains(type)) {
          throw new IllegalStateException("bad column type in layer " + id + ": " + name + " " + type);
        }
        cols.add(new Column(name, type, c.path("title_zh").asText(), c.path("title_en").asText(), c.path("confidential").asBoolean(false)));
      }
      String whereLayer = l.hasNonNull("where_layer") ? l.get("where_layer").asText() : null;
      if (m.put(id, new Layer(id, table, whereLayer, l.path("title_zh").asText(), l.path("title_en").asText(),
          l.path("geometry_type").asText("Geometry"), l.path("description").asText(), List.copyOf(cols),
          editedBy(id, l))) != null) {
        throw new IllegalStateException("duplicate layer id in catalog: " + id);
      }
    }
    return new LayerCatalog(m, root.path("storage_srid").asInt(4490));
  }

  private static String editedBy(String id, JsonNode l) {
    if (!l.hasNonNull("edited_by")) {
      return null;
    }
    String role = l.get("edited_by").asText();
    if (!List.of("planner", "land_officer", "admin").contains(role)) {
      throw new IllegalStateException("bad edited_by in layer " + id + ": " + role);
    }
    return role;
  }

  public Optional<Layer> get(String id) {
    return Optional.ofNullable(layers.get(id));
  }

  public List<Layer> all() {
    return List.copyOf(layers.values());
  }

  public int storageSrid() {
    return storageSrid;
  }
}
