package zoneatlas.ogc;

import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import zoneatlas.auth.Role;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.store.Store;

/**
 * Collection metadata: titles, geometry type, feature count, extent, attribute schema. Counts and
 * extents are cached per data version (the {@code meta} table), so the cache rebuilds itself
 * when the data changes and any server behind a load balancer computes the same answer.
 */
public final class CollectionInfo {
  private final Store store;
  private final LayerCatalog catalog;
  private final Map<String, Stats> cache = new ConcurrentHashMap<>();

  record Stats(long count, double[] extent) {}

  public CollectionInfo(Store store, LayerCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  String dataVersion() throws SQLException {
    try (Connection c = store.readConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT val FROM meta WHERE name = 'data_version'")) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  Stats stats(Layer l) throws SQLException {
    String key = l.id() + "@" + dataVersion();
    Stats st = cache.get(key);
    if (st != null) {
      Metrics.counter("zoneatlas.cache.requests", "cache", "collection-stats", "result", "hit").increment();
      return st;
    }
    // /metrics: a miss is a COUNT and extent over the layer's whole table
    Metrics.counter("zoneatlas.cache.requests", "cache", "collection-stats", "result", "miss").increment();
    String where = l.whereLayer() == null ? "" : " WHERE layer = ?";
    String sql = "SELECT COUNT(*), MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) FROM "
        + l.table() + where;
    try (Connection c = store.readConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      if (l.whereLayer() != null) {
        ps.setString(1, l.whereLayer());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double[] ext = rs.getObject(2) == null ? null
            : new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)};
        st = new Stats(rs.getLong(1), ext);
      }
    }
    cache.keySet().removeIf(k -> k.startsWith(l.id() + "@"));
    cache.put(key, st);
    return st;
  }

  /** As an anonymous caller sees it: confidential columns left out. */
  public Map<String, Object> describe(Layer l, String base) throws SQLException {
    return describe(new LayerView(l, Role.anonymous), base);
  }

  /**
   * The collection resource: OGC fields (id, title, extent, itemType, crs, storageCrs, links)
   * plus what the map page uses (titles in both languages, geometry type, feature count and the
   * attribute schema), all limited to the columns the viewer's role may see.
   */
  public Map<String, Object> describe(LayerView view, String base) throws SQLException {
    Layer l = view.layer();
    Stats st = stats(l);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("title", l.titleZh() + " " + l.titleEn());
    m.put("title_zh", l.titleZh());
    m.put("title_en", l.titleEn());
    m.put("description", l.description());
    m.put("itemType", "feature");
    m.put("geometryType", l.geometryType());
    // exact: a COUNT(*) cached until the data version changes
    m.put("featureCount", st.count());
    Map<String, Object> extent = new LinkedHashMap<>();
    if (st.extent() != null) {
      Map<String, Object> spatial = new LinkedHashMap<>();
      spatial.put("bbox", List.of(st.extent()));
      spatial.put("crs", Crs.Def.CRS84.uri);
      extent.put("spatial", spatial);
    }
    m.put("extent", extent);
    m.put("crs", Crs.uris());
    m.put("storageCrs", Crs.Def.EPSG_4490.uri);
    Map<String, Object> props = new LinkedHashMap<>();
    for (Column c : view.columns()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("type", c.jsonSchemaType());
      p.put("title", c.titleZh());
      p.put("x-title-en", c.titleEn());
      if (c.confidential()) {
        p.put("x-confidential", true);
      }
      props.put(c.name(), p);
    }
    m.put("properties", props);
    String self = base + "/collections/" + l.id();
    m.put("links", List.of(
        FeaturesRoutes.link(self, "self", "application/json", "本集合 This collection"),
        FeaturesRoutes.link(self + "?f=html", "alternate", "text/html", "网页 This collection as HTML"),
        FeaturesRoutes.link(self + "/items", "items", "application/geo+json", "要素 The features"),
        FeaturesRoutes.link(self + "/items?f=html", "items", "text/html", "要素网页 The features as HTML"),
        FeaturesRoutes.link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
            "application/schema+json", "可查询字段 Queryables"),
        FeaturesRoutes.link(self + "/queryables", "queryables", "application/schema+json", "可查询字段 Queryables"),
        // the same vector tiles for every role (zoneatlas.tiles)
        FeaturesRoutes.link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json",
            "矢量瓦片 Vector tilesets")));
    return m;
  }

  /** Exact feature count of the whole layer, cached per data version. */
  public long count(Layer l) throws SQLException {
    return stats(l).count();
  }

  public LayerCatalog catalog() {
    return catalog;
  }
}
