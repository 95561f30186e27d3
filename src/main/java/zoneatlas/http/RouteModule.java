package zoneatlas.http;

import io.javalin.config.RoutesConfig;

/** A capability's routes (layers, efficiency, sites, ...); {@link WebApp} registers each module. */
public interface RouteModule {
  void register(RoutesConfig routes);
}
