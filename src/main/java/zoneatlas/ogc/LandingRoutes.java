package zoneatlas.ogc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.layers.Layer;

/**
 * The OGC API entry points: the landing page, the conformance declaration and the API
 * definition. The landing page shares "/" with the map page: a browser asking for HTML without
 * {@code f} gets the map (the product's front door), anything asking for JSON (GDAL, QGIS,
 * curl) or {@code f=html} gets the API's own landing page.
 */
public final class LandingRoutes implements RouteModule {
  private final Services s;
  private final List<Layer> layers;

  public LandingRoutes(Services s) {
    this(s, s.catalog.all());
  }

  /** Describes {@code layers} instead of the whole catalog (tests build layers of their own). */
  LandingRoutes(Services s, List<Layer> layers) {
    this.s = s;
    this.layers = List.copyOf(layers);
  }

  @Override
  public void register(RoutesConfig r) {
    // a before-handler, so that the static map page still answers "/" for browsers
    r.before("/", this::landing);
    r.get("/conformance", this::conformance);
    r.get("/api", this::api);
  }

  /** Whether the map page exists to answer a browser's "/" (it may not in a bare test setup). */
  private boolean mapPageExists() {
    String webDir = s.config.get("web.dir");
    if (!webDir.isBlank() && Files.isRegularFile(Path.of(webDir, "index.html"))) {
      return true;
    }
    return LandingRoutes.class.getClassLoader().getResource("web/index.html") != null;
  }

  void landing(Context ctx) throws Exception {
    if (!ctx.method().name().equals("GET")) {
      return;
    }
    boolean explicit = ctx.queryParam("f") != null;
    Format fmt = Format.of(ctx);
    if (fmt == Format.HTML && !explicit && mapPageExists()) {
      return;
    }
    Params.onlyKnown(ctx, Set.of("f"), k -> false);
    String base = FeaturesRoutes.base(ctx, s);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "ZoneAtlas 开发区规划图层服务 Development-zone plan layers");
    m.put("description", "开发区规划、地块与企业图层(OGC API - Features)。规划图形为示意,地块与企业为合成演示数据。"
        + " Plan, parcel and enterprise layers as OGC API - Features; plan geometry is schematic, parcels and "
        + "enterprises are synthetic demo data.");
    m.put("links", List.of(
        FeaturesRoutes.link(base + "/", "self", "application/json", "首页 This document"),
        FeaturesRoutes.link(base + "/?f=html", "alternate", "text/html", "首页网页 This document as HTML"),
        FeaturesRoutes.link(base + "/api", "service-desc", OpenApi.MEDIA_TYPE, "接口定义 The API definition (OpenAPI 3.0)"),
        FeaturesRoutes.link(base + "/api?f=html", "service-doc", "text/html", "接口说明 The API documentation"),
        FeaturesRoutes.link(base + "/conformance", "conformance", "application/json", "符合性声明 Conformance classes"),
        FeaturesRoutes.link(base + "/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance", "application/json",
            "符合性声明 Conformance classes"),
        FeaturesRoutes.link(base + "/collections", "data", "application/json", "图层目录 The feature collections"),
        FeaturesRoutes.link(base + "/collections", "http://www.opengis.net/def/rel/ogc/1.0/data", "application/json",
            "图层目录 The feature collections"),
        // OGC API - Tiles (zoneatlas.tiles): the plan layers in one tileset, and the tile matrix sets
        FeaturesRoutes.link(base + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json",
            "规划图层矢量瓦片 Vector tiles of the plan layers"),
        FeaturesRoutes.link(base + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
            "application/json", "瓦片矩阵集 Tile matrix sets")));
    if (fmt == Format.HTML) {
      FeaturesRoutes.html(ctx, Html.landing(FeaturesRoutes.MAPPER.valueToTree(m)));
    } else {
      ctx.json(m);
    }
    ctx.skipRemainingHandlers();
  }

  void conformance(Context ctx) {
    Params.onlyKnown(ctx, Set.of("f"), k -> false);
    if (Format.of(ctx) == Format.HTML) {
      FeaturesRoutes.html(ctx, Html.conformance(Conformance.CLASSES));
    } else {
      ctx.json(Map.of("conformsTo", Conformance.CLASSES));
    }
  }

  void api(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of("f"), k -> false);
    Format fmt = Format.of(ctx);
    Role role = s.auth.principal(ctx).role();
    Map<String, Object> doc = OpenApi.build(FeaturesRoutes.base(ctx, s),
        layers.stream().map(l -> new LayerView(l, role)).toList(),
        s.config.integer("items.limit.default"), s.config.integer("items.limit.max"));
    if (fmt == Format.HTML) {
      FeaturesRoutes.html(ctx, Html.api(FeaturesRoutes.MAPPER.valueToTree(doc)));
    } else {
      ctx.contentType(OpenApi.MEDIA_TYPE).result(FeaturesRoutes.MAPPER.writeValueAsString(doc));
    }
  }
}
