package zoneatlas.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tile paths of the OpenAPI document ({@code ogc/OpenApi} adds them): per collection and for
 * the plan layers together. Responses are written in place; errors refer to the document's own
 * {@code InvalidParameter}, {@code NotFound} and {@code ServerError}.
 */
public final class TilesOpenApi {
  private TilesOpenApi() {}

  private static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> pathParam(String name, String description) {
    return obj("name", name, "in", "path", "required", true, "description", description,
        "schema", obj("type", "string", "pattern", "^[0-9]+$"));
  }

  private static Map<String, Object> get(String id, String summary, List<Object> params, Map<String, Object> ok) {
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    responses.put("400", obj("$ref", "#/components/responses/InvalidParameter"));
    responses.put("404", obj("$ref", "#/components/responses/NotFound"));
    responses.put("500", obj("$ref", "#/components/responses/ServerError"));
    return obj("get", obj("operationId", id, "summary", summary, "parameters", params, "responses", responses));
  }

  private static Map<String, Object> json(String description) {
    return obj("description", description, "content", obj("application/json", obj("schema", obj("type", "object"))));
  }

  /** Adds the tile paths for the collections {@code ids} (and the plan-layer tiles) to {@code paths}. */
  public static void add(Map<String, Object> paths, List<String> ids) {
    List<Object> zyx = List.of(
        pathParam("tileMatrix", "缩放级别 Zoom level, 0 to " + WebMercatorQuad.MAX_ZOOM),
        pathParam("tileRow", "行号 Tile row (y), 0 at the top"),
        pathParam("tileCol", "列号 Tile column (x), 0 at the left"));
    Map<String, Object> tile = obj("description", "矢量瓦片 A Mapbox vector tile (empty when nothing is there)",
        "content", obj(TileDocs.MVT, obj("schema", obj("type", "string", "format", "binary"))));
    for (String id : ids) {
      String p = "/collections/" + id + "/tiles";
      String op = id.replace('-', '_');
      paths.put(p, get("getTilesets_" + op, "矢量瓦片集 Vector tilesets: " + id, List.of(), json("Tilesets")));
      paths.put(p + "/WebMercatorQuad", get("getTileset_" + op, "瓦片集 Tileset: " + id, List.of(),
          json("Tileset metadata")));
      paths.put(p + "/WebMercatorQuad/tilejson.json", get("getTileJson_" + op, "TileJSON 3.0: " + id, List.of(),
          json("TileJSON")));
      paths.put(p + "/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", get("getTile_" + op,
          "矢量瓦片 Vector tile: " + id, zyx, tile));
    }
    paths.put("/tiles", get("getDatasetTilesets", "规划图层瓦片集 Plan-layer tilesets", List.of(), json("Tilesets")));
    paths.put("/tiles/WebMercatorQuad", get("getDatasetTileset", "规划图层瓦片集 Plan-layer tileset", List.of(),
        json("Tileset metadata")));
    paths.put("/tiles/WebMercatorQuad/tilejson.json", get("getDatasetTileJson", "TileJSON 3.0: plan layers", List.of(),
        json("TileJSON")));
    paths.put("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", get("getDatasetTile",
        "规划图层矢量瓦片 Plan layers in one vector tile", zyx, tile));
    paths.put("/tileMatrixSets", get("getTileMatrixSets", "瓦片矩阵集 Tile matrix sets", List.of(),
        json("Tile matrix sets")));
    paths.put("/tileMatrixSets/WebMercatorQuad", get("getTileMatrixSet", "WebMercatorQuad", List.of(),
        json("The tile matrix set")));
  }
}
