package zoneatlas.http;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import zoneatlas.Services;

/**
 * What the map page needs to know about this server: basemap keys and URLs (public: the Tianditu key
 * goes to every browser, as Tianditu's browser keys are meant to), the offline tile package, the
 * 审图号, the store.
 */
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
      // an intranet or provincial WMTS/XYZ service (a URL template), and what the basemap list calls it
      m.put("wmtsUrl", s.config.get("basemap.wmts.url"));
      m.put("wmtsName", s.config.get("basemap.wmts.name"));
      if (s.basemap != null) {
        // the offline package this server serves itself at /basemap/tiles/{z}/{x}/{y}
        zoneatlas.basemap.TilePackage.Info i = s.basemap.info();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", "/basemap/tiles/{z}/{x}/{y}");
        p.put("name", s.config.get("basemap.package.name").isBlank() ? "" : s.config.get("basemap.package.name"));
        p.put("format", i.format());
        p.put("vector", i.vector());
        p.put("minzoom", i.minZoom());
        p.put("maxzoom", i.maxZoom());
        p.put("bounds", i.bounds());
        p.put("attribution", i.attribution());
        p.put("layers", i.vectorLayers().stream().map(l -> String.valueOf(l.get("id"))).toList());
        m.put("package", p);
      }
      // which basemap the map opens with (empty: the offline package, else Tianditu, else the WMTS, else the demo)
      m.put("defaultBasemap", s.config.get("basemap.default"));
      // 审图号: the map's review number, printed on the map and on every printed card when set
      m.put("reviewNumber", s.config.get("map.review.number"));
      m.put("store", s.store.dialect().name().toLowerCase(java.util.Locale.ROOT));
      ctx.json(m);
    });
  }
}
