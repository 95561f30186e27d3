package zoneatlas.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.auth.AuthRoutes;
import zoneatlas.editing.EditRoutes;
import zoneatlas.efficiency.EfficiencyRoutes;
import zoneatlas.history.AuditRoutes;
import zoneatlas.store.BackupRoutes;
import zoneatlas.imports.ImportRoutes;
import zoneatlas.imports.spatial.ParcelImportRoutes;
import zoneatlas.layers.SourcesRoutes;
import zoneatlas.ogc.FeaturesRoutes;
import zoneatlas.ogc.LandingRoutes;
import zoneatlas.search.SearchRoutes;
import zoneatlas.sites.SitesRoutes;
import zoneatlas.summary.SummaryRoutes;
import zoneatlas.tiles.TilesRoutes;

/**
 * The app factory: builds the Javalin server from {@link Services}. Each capability brings its
 * routes as a {@link RouteModule}; {@link Errors} turns failures into JSON bodies naming the
 * parameter at fault, {@link Security} guards every request, {@link Ops} serves health and metrics.
 */
public final class WebApp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebApp() {}

  public static List<RouteModule> modules(Services s) {
    FeaturesRoutes features = new FeaturesRoutes(s);
    return List.of(
        features,
        new EditRoutes(s, features),
        new AuditRoutes(s),
        new BackupRoutes(s),
        new LandingRoutes(s),
        new AuthRoutes(s),
        new ConfigRoutes(s),
        new zoneatlas.basemap.BasemapRoutes(s),
        new SourcesRoutes(),
        new SearchRoutes(s),
        new SummaryRoutes(s),
        new EfficiencyRoutes(s),
        new zoneatlas.efficiency.EvaluationRoutes(s),
        new SitesRoutes(s),
        new ImportRoutes(s),
        new ParcelImportRoutes(s),
        new TilesRoutes(s));
  }

  public static Javalin create(Services s) {
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.defaultContentType = "application/json";
      // gzip every answer of 1,500 bytes or more whose client accepts it, but images, audio, video and
      // archives (JSON, GeoJSON, HTML, CSV, SVG, vector tiles): Javalin's own, said here so it stays on
      cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.GZIP;
      // a method a path does not take (DELETE /collections) is a 405 naming the ones it does, not a 404
      cfg.http.prefer405over404 = true;
      // the map page: from web.dir when set (edit and reload), else from the jar
      String webDir = s.config.get("web.dir");
      if (!webDir.isBlank() && Files.isDirectory(Path.of(webDir))) {
        cfg.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = Path.of(webDir).toAbsolutePath().toString();
          sf.location = Location.EXTERNAL;
        });
      } else {
        // from the jar, Javalin's own handler reads the files through the class loader, which has the
        // jar open already; Jetty's mounts the whole jar as a zip file system per folder, a second of
        // every start. (Javalin's handler does not find a folder's index.html outside the jar.)
        cfg.resourceHandler(new JavalinStaticResourceHandler());
        cfg.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = "/web";
          sf.location = Location.CLASSPATH;
        });
      }
      cfg.staticFiles.enableWebjars();
      for (RouteModule m : modules(s)) {
        m.register(cfg.routes);
      }
      Errors.install(cfg);
      Security.install(cfg, s);
      Ops.install(cfg, s);
      Caching.install(cfg, s);
    });
  }

  static String body(int status, String code, String message, String parameter) {
    return body(status, code, message, parameter, Map.of());
  }

  static String body(int status, String code, String message, String parameter, Map<String, Object> details) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("description", message);
    if (parameter != null) {
      m.put("parameter", parameter);
    }
    m.put("status", status);
    details.forEach(m::putIfAbsent);
    try {
      return JSON.writeValueAsString(m);
    } catch (Exception e) {
      return "{\"code\":\"" + code + "\"}";
    }
  }
}
