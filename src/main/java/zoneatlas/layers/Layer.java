package zoneatlas.layers;

import java.util.List;
import java.util.Optional;

/**
 * A collection the API serves: which table holds it, which rows (plan layers share one table and
 * are told apart by {@code layer}), its titles and columns. Built once from {@code
 * catalog/layers.json}; identifiers in SQL come only from here.
 *
 * @param editedBy the role that edits the layer's features (administrators edit every layer), or
 *     null when it is read-only
 */
public record Layer(
    String id,
    String table,
    String whereLayer,
    String titleZh,
    String titleEn,
    String geometryType,
    String description,
    List<Column> columns,
    String editedBy) {

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
