package zoneatlas.tiles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.Caching;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.ogc.FeaturesRoutes;
import zoneatlas.tiles.TileCatalog.TileLayer;

/**
 * OGC API - Tiles (Part 1) over the collections: Mapbox vector tiles per collection
 * ({@code /collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}}) and of the plan layers together
 * ({@code /tiles/WebMercatorQuad/{z}/{y}/{x}}), the tileset documents, TileJSON 3.0 and the tile
 * matrix set. Tiles are the same for every role (they carry no confidential column) and change
 * only with the data version, so each has an ETag of that version and any cache may keep it,
 * asking again each time (a cheap 304 before any tile query) so an edit shows at once.
 */
public final class TilesRoutes implements RouteModule {
  private static final Set<String> NO_PARAMS = Set.of();
  private static final Set<String> F = Set.of("f");
  /** Changes when what a tile holds for the same data changes (properties, simplification). */
  private static final String ENCODING = "mvt-1";
  private final Services s;
  private final TileService tiles;
  private final TileCache cache;

  public TilesRoutes(Services s) {
    this.s = s;
    this.tiles = new TileService(s.store, s.catalog, s.config.integer("query.slow.ms"));
    this.cache = new TileCache(s.config.integer("tiles.cache.mb") * 1024L * 1024L);
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/collections/{id}/tiles", this::collectionTilesets);
    r.get("/collections/{id}/tiles/{tms}", this::collectionTileset);
    r.get("/collections/{id}/tiles/{tms}/tilejson.json", this::collectionTileJson);
    r.get("/collections/{id}/tiles/{tms}/{tileMatrix}/{tileRow}/{tileCol}", this::collectionTile);
    r.get("/tiles", this::datasetTilesets);
    r.get("/tiles/{tms}", this::datasetTileset);
    r.get("/tiles/{tms}/tilejson.json", this::datasetTileJson);
    r.get("/tiles/{tms}/{tileMatrix}/{tileRow}/{tileCol}", this::datasetTile);
    r.get("/tileMatrixSets", this::tileMatrixSets);
    r.get("/tileMatrixSets/{tms}", this::tileMatrixSet);
  }

  private TileLayer layer(Context ctx) {
    String id = ctx.pathParam("id");
    return tiles.catalog().get(id).orElseThrow(() -> ApiError.notFound("no collection '" + id + "'"));
  }

  private static void tms(Context ctx) {
    String tms = ctx.pathParam("tms");
    if (!WebMercatorQuad.ID.equals(tms)) {
      throw ApiError.notFound("no tile matrix set '" + tms + "'; served: " + WebMercatorQuad.ID);
    }
  }

  private String base(Context ctx) {
    return FeaturesRoutes.base(ctx, s);
  }

  private static String title(TileLayer l) {
    return l.layer().titleZh() + " " + l.layer().titleEn();
  }

  private static final String DATASET_TITLE = "规划图层 Plan layers";

  void collectionTilesets(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    TileLayer l = layer(ctx);
    ctx.json(TileDocs.tilesets(base(ctx) + "/collections/" + l.id() + "/tiles", title(l)));
  }

  void collectionTileset(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    TileLayer l = layer(ctx);
    tms(ctx);
    String url = base(ctx) + "/collections/" + l.id() + "/tiles";
    if ("tilejson".equals(Params.one(ctx, "f"))) {
      tileJson(ctx, TileDocs.tileJson(url, l.id(), List.of(l)));
    } else {
      ctx.json(TileDocs.tileset(url, title(l), List.of(l), base(ctx) + "/collections/" + l.id()));
    }
  }

  void collectionTileJson(Context ctx) {
    Params.onlyKnown(ctx, NO_PARAMS, k -> false);
    TileLayer l = layer(ctx);
    tms(ctx);
    tileJson(ctx, TileDocs.tileJson(base(ctx) + "/collections/" + l.id() + "/tiles", l.id(), List.of(l)));
  }

  void collectionTile(Context ctx) throws Exception {
    Params.onlyKnown(ctx, NO_PARAMS, k -> false);
    TileLayer l = layer(ctx);
    tms(ctx);
    tile(ctx, List.of(l));
  }

  void datasetTilesets(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    ctx.json(TileDocs.tilesets(base(ctx) + "/tiles", DATASET_TITLE));
  }

  void datasetTileset(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    tms(ctx);
    String url = base(ctx) + "/tiles";
    if ("tilejson".equals(Params.one(ctx, "f"))) {
      tileJson(ctx, TileDocs.tileJson(url, "plan", tiles.catalog().dataset()));
    } else {
      ctx.json(TileDocs.tileset(url, DATASET_TITLE, tiles.catalog().dataset(), null));
    }
  }

  void datasetTileJson(Context ctx) {
    Params.onlyKnown(ctx, NO_PARAMS, k -> false);
    tms(ctx);
    tileJson(ctx, TileDocs.tileJson(base(ctx) + "/tiles", "plan", tiles.catalog().dataset()));
  }

  void datasetTile(Context ctx) throws Exception {
    Params.onlyKnown(ctx, NO_PARAMS, k -> false);
    tms(ctx);
    tile(ctx, tiles.catalog().dataset());
  }

  void tileMatrixSets(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    ctx.json(TileDocs.tileMatrixSets(base(ctx)));
  }

  void tileMatrixSet(Context ctx) {
    Params.onlyKnown(ctx, F, k -> false);
    tms(ctx);
    ctx.json(TileDocs.webMercatorQuad(base(ctx)));
  }

  private static void tileJson(Context ctx, Object doc) {
    ctx.json(doc);
  }

  /**
   * One tile: 200 with the MVT bytes, an empty body (and {@code OATiles-hint: empty}) when nothing
   * shows there, 304 when the client's copy is of the current data version.
   */
  private void tile(Context ctx, List<TileLayer> layers) throws Exception {
    WebMercatorQuad.Tile t = WebMercatorQuad.parse(ctx.pathParam("tileMatrix"), ctx.pathParam("tileRow"),
        ctx.pathParam("tileCol"));
    // what the bytes are made of: the data, the tile, the encoding (Javalin gzips larger answers)
    String version = tiles.dataVersion();
    String etag = Caching.tag(ENCODING, version, ctx.path(), Caching.gzip(ctx) ? "gzip" : "identity");
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "public, max-age=0, must-revalidate");
    ctx.header("Vary", "Accept-Encoding");
    if (Caching.matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    byte[] body = cache.get(new TileCache.Key(version, layers.stream().map(TileLayer::id).toList(), t.z(), t.x(), t.y()),
        () -> tiles.tile(layers, t));
    if (body.length == 0) {
      ctx.header("OATiles-hint", "empty");
    }
    // binary: no charset (Javalin sets UTF-8 on every response, which Jetty would append to the type)
    ctx.res().setCharacterEncoding(null);
    ctx.contentType(TileDocs.MVT).result(body);
  }
}
