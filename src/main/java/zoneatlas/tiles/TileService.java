package zoneatlas.tiles;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.layers.Column;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.store.Dialect;
import zoneatlas.store.Store;
import zoneatlas.tiles.TileCatalog.TileLayer;

/**
 * Mapbox vector tiles of the collections. PostGIS encodes them itself ({@code ST_AsMVT} in
 * {@code sql/postgis/tiles_layer.sql}); the embedded store reads the rows with
 * {@code sql/h2gis/tiles_layer.sql} and {@link JavaTiles} encodes them the same way. Each layer's
 * statement is built once from the catalog; every value is bound. A tile of several layers is the
 * layers' bytes one after the other: a Tile message's layers are a repeated field, so concatenated
 * messages are one tile (what PostGIS's {@code ||} does). Thread-safe.
 */
public final class TileService {
  private static final Logger LOG = LoggerFactory.getLogger(TileService.class);
  private final Store store;
  private final TileCatalog tiles;
  private final int srid;
  private final long slowMs;
  private final Map<String, String> sql = new ConcurrentHashMap<>();

  public TileService(Store store, LayerCatalog catalog, long slowMs) {
    this.store = store;
    this.tiles = TileCatalog.load(catalog);
    this.srid = catalog.storageSrid();
    this.slowMs = slowMs;
  }

  public TileCatalog catalog() {
    return tiles;
  }

  /** The tile of one collection: one MVT layer named by the collection id; empty when nothing shows. */
  public byte[] tile(TileLayer layer, WebMercatorQuad.Tile tile) throws SQLException {
    return tile(List.of(layer), tile);
  }

  /** A tile with one MVT layer per collection given, in that order; layers with nothing to show are left out. */
  public byte[] tile(List<TileLayer> layers, WebMercatorQuad.Tile tile) throws SQLException {
    long t0 = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection c = store.readConnection()) {
      for (TileLayer l : layers) {
        out.writeBytes(store.dialect() == Dialect.POSTGIS ? postgis(c, l, tile) : embedded(c, l, tile));
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > slowMs) {
      LOG.warn("slow tile {} of {}: {} ms, {} bytes", tile, layers.stream().map(TileLayer::id).toList(), ms, out.size());
    }
    return out.toByteArray();
  }

  private byte[] postgis(Connection c, TileLayer l, WebMercatorQuad.Tile t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql(l))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      int i = 1;
      for (int k = 0; k < 2; k++) {
        ps.setInt(i++, t.z());
        ps.setInt(i++, t.x()); // ST_TileEnvelope(z, x, y): the column first
        ps.setInt(i++, t.y());
      }
      ps.setDouble(i++, (double) WebMercatorQuad.BUFFER / WebMercatorQuad.EXTENT);
      if (l.layer().whereLayer() != null) {
        ps.setString(i++, l.layer().whereLayer());
      }
      ps.setString(i, l.id());
      try (ResultSet rs = ps.executeQuery()) {
        byte[] b = rs.next() ? rs.getBytes(1) : null;
        return b == null ? new byte[0] : b;
      }
    }
  }

  private byte[] embedded(Connection c, TileLayer l, WebMercatorQuad.Tile t) throws SQLException {
    double[] q = t.lonLat(WebMercatorQuad.BUFFER);
    List<JavaTiles.Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql(l))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      int i = 1;
      for (int k = 0; k < 2; k++) {
        for (double v : q) {
          ps.setDouble(i++, v);
        }
      }
      if (l.layer().whereLayer() != null) {
        ps.setString(i, l.layer().whereLayer());
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Column> cols = l.properties();
        while (rs.next()) {
          Map<String, Object> props = new LinkedHashMap<>();
          for (int k = 0; k < cols.size(); k++) {
            props.put(cols.get(k).name(), rs.getObject(2 + k));
          }
          rows.add(new JavaTiles.Row(rs.getString(1), props, store.dialect().readGeometry(rs, 2 + cols.size())));
        }
      }
    }
    return JavaTiles.layer(l.id(), t, rows);
  }

  /** The layer's statement, built once: identifiers from the catalog only. */
  String sql(TileLayer l) {
    return sql.computeIfAbsent(l.id(), k -> {
      StringBuilder cols = new StringBuilder();
      for (Column c : l.properties()) {
        cols.append(", t.").append(FeatureService.column(c.name()));
      }
      return store.sql("tiles_layer")
          .replace("{table}", FeatureService.column(l.layer().table()))
          .replace("{columns}", cols)
          .replace("{layer_filter}", l.layer().whereLayer() == null ? "" : " AND t.layer = ?")
          .replace("{srid}", Integer.toString(srid));
    });
  }

  /** The data version: tiles change only when it does (every write moves it). */
  public String dataVersion() throws SQLException {
    try (Connection c = store.readConnection();
        PreparedStatement ps = c.prepareStatement(store.sql("meta_value"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, "data_version");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "0";
      }
    }
  }
}
