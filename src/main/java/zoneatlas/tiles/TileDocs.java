package zoneatlas.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.layers.Column;
import zoneatlas.ogc.FeaturesRoutes;
import zoneatlas.tiles.TileCatalog.TileLayer;

/**
 * The JSON documents around the tiles (OGC API - Tiles Part 1 and TileJSON 3.0.0): tileset lists,
 * tileset metadata with the URL template, the WebMercatorQuad definition. Pure functions of the
 * catalog and the base URL.
 */
final class TileDocs {
  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
  static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
  static final String REL_GEODATA = "http://www.opengis.net/def/rel/ogc/1.0/geodata";
  static final String TEMPLATE = "/{tileMatrix}/{tileRow}/{tileCol}";
  static final String ATTRIBUTION = "ZoneAtlas: 规划图形为示意, 地块与企业为合成数据 schematic plan geometry, synthetic parcels and enterprises";

  private TileDocs() {}

  static Map<String, Object> link(String href, String rel, String type, String title) {
    return FeaturesRoutes.link(href, rel, type, title);
  }

  private static Map<String, Object> templated(String href, String rel, String type, String title) {
    Map<String, Object> m = link(href, rel, type, title);
    m.put("templated", true);
    return m;
  }

  /** {@code /collections/{id}/tiles} or {@code /tiles}: the one tileset, WebMercatorQuad. */
  static Map<String, Object> tilesets(String tilesUrl, String title) {
    Map<String, Object> ts = new LinkedHashMap<>();
    ts.put("title", title);
    ts.put("tileMatrixSetURI", WebMercatorQuad.URI);
    ts.put("crs", WebMercatorQuad.CRS);
    ts.put("dataType", "vector");
    String self = tilesUrl + "/" + WebMercatorQuad.ID;
    ts.put("links", List.of(
        link(self, "self", "application/json", "矢量瓦片集 The tileset (WebMercatorQuad)"),
        link(self + "/tilejson.json", "alternate", "application/vnd.mapbox.tile+json", "TileJSON 3.0"),
        link(baseOf(tilesUrl) + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, "application/json",
            "瓦片矩阵集 The tile matrix set"),
        templated(self + TEMPLATE, "item", MVT, "矢量瓦片 Mapbox vector tiles")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", List.of(link(tilesUrl, "self", "application/json", "瓦片集 Tilesets")));
    m.put("tilesets", List.of(ts));
    return m;
  }

  /** The base URL of a tiles URL: everything before {@code /collections/} or {@code /tiles}. */
  private static String baseOf(String tilesUrl) {
    int i = tilesUrl.indexOf("/collections/");
    return i >= 0 ? tilesUrl.substring(0, i) : tilesUrl.substring(0, tilesUrl.lastIndexOf("/tiles"));
  }

  /** {@code …/tiles/WebMercatorQuad}: the tileset (OGC 2D Tile Matrix Set tileset metadata). */
  static Map<String, Object> tileset(String tilesUrl, String title, List<TileLayer> layers, String geodataUrl) {
    String self = tilesUrl + "/" + WebMercatorQuad.ID;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("description", "每个要素带 id(要素编号)与下列属性;各角色所见相同,不含保密或亩均数据。 Every feature carries id "
        + "(the feature id; the MVT feature id is a stable integer derived from it) and the properties below; the same "
        + "for every role, with no confidential or per-mu figure.");
    m.put("attribution", ATTRIBUTION);
    m.put("dataType", "vector");
    m.put("tileMatrixSetURI", WebMercatorQuad.URI);
    m.put("crs", WebMercatorQuad.CRS);
    m.put("mediaTypes", List.of(MVT));
    List<Object> ls = new ArrayList<>();
    for (TileLayer l : layers) {
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("id", l.id());
      layer.put("title", l.layer().titleZh() + " " + l.layer().titleEn());
      layer.put("dataType", "vector");
      layer.put("geometryDimension", dimension(l.layer().geometryType()));
      layer.put("minTileMatrix", "0");
      layer.put("maxTileMatrix", Integer.toString(WebMercatorQuad.MAX_ZOOM));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("id", Map.of("type", "string", "title", "要素编号 Feature id"));
      for (Column c : l.properties()) {
        props.put(c.name(), Map.of("type", c.jsonSchemaType(), "title", c.titleZh() + " " + c.titleEn()));
      }
      layer.put("propertiesSchema", Map.of("type", "object", "properties", props));
      ls.add(layer);
    }
    m.put("layers", ls);
    List<Object> links = new ArrayList<>(List.of(
        link(self, "self", "application/json", "本瓦片集 This tileset"),
        link(self + "/tilejson.json", "alternate", "application/vnd.mapbox.tile+json", "TileJSON 3.0"),
        link(baseOf(tilesUrl) + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, "application/json",
            "瓦片矩阵集 The tile matrix set"),
        templated(self + TEMPLATE, "item", MVT, "矢量瓦片 Mapbox vector tiles")));
    if (geodataUrl != null) {
      links.add(link(geodataUrl, "collection", "application/json", "图层 The collection"));
      links.add(link(geodataUrl, REL_GEODATA, "application/json", "图层 The collection"));
    }
    m.put("links", links);
    return m;
  }

  private static int dimension(String geometryType) {
    return switch (geometryType) {
      case "Point", "MultiPoint" -> 0;
      case "LineString", "MultiLineString" -> 1;
      case "Polygon", "MultiPolygon" -> 2;
      default -> 2;
    };
  }

  /** TileJSON 3.0.0 of a tileset: what MapLibre and protomaps-leaflet read. */
  static Map<String, Object> tileJson(String tilesUrl, String name, List<TileLayer> layers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tilejson", "3.0.0");
    m.put("name", name);
    m.put("version", "1.0.0");
    m.put("attribution", ATTRIBUTION);
    m.put("scheme", "xyz");
    m.put("tiles", List.of(tilesUrl + "/" + WebMercatorQuad.ID + "/{z}/{y}/{x}"));
    m.put("minzoom", 0);
    m.put("maxzoom", WebMercatorQuad.MAX_ZOOM);
    List<Object> vl = new ArrayList<>();
    for (TileLayer l : layers) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", "String: 要素编号 feature id");
      for (Column c : l.properties()) {
        fields.put(c.name(), (c.type().equals("text") ? "String" : c.type().equals("boolean") ? "Boolean" : "Number")
            + ": " + c.titleZh() + " " + c.titleEn());
      }
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("id", l.id());
      layer.put("description", l.layer().titleZh() + " " + l.layer().titleEn());
      layer.put("minzoom", 0);
      layer.put("maxzoom", WebMercatorQuad.MAX_ZOOM);
      layer.put("fields", fields);
      vl.add(layer);
    }
    m.put("vector_layers", vl);
    return m;
  }

  /** {@code /tileMatrixSets}. */
  static Map<String, Object> tileMatrixSets(String base) {
    Map<String, Object> tms = new LinkedHashMap<>();
    tms.put("id", WebMercatorQuad.ID);
    tms.put("title", "Google Maps Compatible for the World");
    tms.put("uri", WebMercatorQuad.URI);
    tms.put("links", List.of(link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, "self", "application/json",
        "WebMercatorQuad")));
    return Map.of("tileMatrixSets", List.of(tms),
        "links", List.of(link(base + "/tileMatrixSets", "self", "application/json", "瓦片矩阵集 Tile matrix sets")));
  }

  /** {@code /tileMatrixSets/WebMercatorQuad}: the definition (OGC 2D-TMS 2.0 JSON), matrices 0 to {@link WebMercatorQuad#MAX_ZOOM}. */
  static Map<String, Object> webMercatorQuad(String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", WebMercatorQuad.ID);
    m.put("title", "Google Maps Compatible for the World");
    m.put("uri", WebMercatorQuad.URI);
    m.put("crs", WebMercatorQuad.CRS);
    m.put("orderedAxes", List.of("E", "N"));
    m.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    m.put("boundingBox", Map.of("crs", WebMercatorQuad.CRS,
        "lowerLeft", List.of(-WebMercatorQuad.HALF, -WebMercatorQuad.HALF),
        "upperRight", List.of(WebMercatorQuad.HALF, WebMercatorQuad.HALF)));
    List<Object> matrices = new ArrayList<>();
    for (int z = 0; z <= WebMercatorQuad.MAX_ZOOM; z++) {
      double cell = 2 * WebMercatorQuad.HALF / 256 / (1L << z);
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", Integer.toString(z));
      tm.put("scaleDenominator", cell / 0.00028);
      tm.put("cellSize", cell);
      tm.put("cornerOfOrigin", "topLeft");
      tm.put("pointOfOrigin", List.of(-WebMercatorQuad.HALF, WebMercatorQuad.HALF));
      tm.put("tileWidth", 256);
      tm.put("tileHeight", 256);
      tm.put("matrixWidth", 1L << z);
      tm.put("matrixHeight", 1L << z);
      matrices.add(tm);
    }
    m.put("tileMatrices", matrices);
    m.put("links", List.of(link(base + "/tileMatrixSets/" + WebMercatorQuad.ID, "self", "application/json",
        "WebMercatorQuad")));
    return m;
  }
}
