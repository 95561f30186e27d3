package zoneatlas.tiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;

/**
 * Which properties each collection's tiles carry ({@code catalog/tiles.json}), checked against the
 * layer catalog at start-up. This is the one place that decides what a tile shows: tiles are the
 * same for every role (so any cache may keep them), hence a confidential column, or a column whose
 * name says it is a money or energy figure, stops the server rather than reach a tile.
 * Immutable, thread-safe.
 */
public final class TileCatalog {
  /** Names that must never be in a tile whatever the catalog says (亩均 inputs and results). */
  static final Pattern FIGURE = Pattern.compile(".*(tax|revenue|energy|value_added|invest|rnd|pollut|employ|figure).*");
  private final Map<String, TileLayer> layers;
  private final List<TileLayer> dataset;

  /** A collection's tile layer: the catalog layer and the columns its features carry. */
  public record TileLayer(Layer layer, List<Column> properties) {
    public String id() {
      return layer.id();
    }
  }

  private TileCatalog(Map<String, TileLayer> layers, List<TileLayer> dataset) {
    this.layers = layers;
    this.dataset = dataset;
  }

  public static TileCatalog load(LayerCatalog catalog) {
    try (InputStream in = TileCatalog.class.getClassLoader().getResourceAsStream("catalog/tiles.json")) {
      if (in == null) {
        throw new IllegalStateException("catalog/tiles.json missing from the classpath");
      }
      return parse(new ObjectMapper().readTree(in), catalog);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read catalog/tiles.json: " + e.getMessage(), e);
    }
  }

  static TileCatalog parse(JsonNode root, LayerCatalog catalog) {
    Map<String, TileLayer> m = new LinkedHashMap<>();
    for (Layer l : catalog.all()) {
      JsonNode spec = root.path("collections").path(l.id());
      if (spec.isTextual()) {
        spec = root.path(spec.asText());
      }
      if (!spec.isArray()) {
        throw new IllegalStateException("catalog/tiles.json names no tile properties for collection " + l.id());
      }
      List<Column> cols = new ArrayList<>();
      for (JsonNode n : spec) {
        String name = n.asText();
        Column c = l.column(name).orElseThrow(() -> new IllegalStateException(
            "catalog/tiles.json: " + l.id() + " has no column " + name));
        if (c.confidential() || FIGURE.matcher(name).matches()) {
          throw new IllegalStateException("catalog/tiles.json: " + l.id() + "." + name
              + " is confidential or a money/energy figure; tiles are public and must not carry it");
        }
        cols.add(c);
      }
      m.put(l.id(), new TileLayer(l, List.copyOf(cols)));
    }
    List<TileLayer> ds = new ArrayList<>();
    for (JsonNode n : root.path("dataset")) {
      TileLayer t = m.get(n.asText());
      if (t == null) {
        throw new IllegalStateException("catalog/tiles.json: dataset names unknown collection " + n.asText());
      }
      ds.add(t);
    }
    return new TileCatalog(Map.copyOf(m), List.copyOf(ds));
  }

  public Optional<TileLayer> get(String id) {
    return Optional.ofNullable(layers.get(id));
  }

  /** The plan collections of the dataset tiles, in drawing order. */
  public List<TileLayer> dataset() {
    return dataset;
  }
}
