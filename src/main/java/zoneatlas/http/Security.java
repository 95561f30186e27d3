package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import zoneatlas.Services;

/** What guards every request before a route sees it, and every answer's security headers. */
final class Security {
  private Security() {}

  static void install(JavalinConfig cfg, Services s) {
    // filled in by the hardening work (headers, origins, hosts)
  }
}
