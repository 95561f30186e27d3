package zoneatlas.http;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import zoneatlas.Services;

/** What the map page needs to know about this server: basemap keys and URLs, the layer list. */
public final class ConfigRoutes implements RouteModule {
  private final Services s;

  public ConfigRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/client-config", ctx -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tiandituKey", s.config.get("basemap.tianditu.key"));
      m.put("osmUrl", s.config.get("basemap.osm.url"));
      m.put("amapUrl", s.config.get("basemap.amap.url"));
      m.put("store", s.store.dialect().name().toLowerCase(java.util.Locale.ROOT));
      ctx.json(m);
    });
  }
}
