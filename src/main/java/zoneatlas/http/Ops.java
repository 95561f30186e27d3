package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import zoneatlas.Services;

/** What operators need of a running server: health, readiness, metrics, the access log. */
final class Ops {
  private Ops() {}

  static void install(JavalinConfig cfg, Services s) {
    // filled in by the operations work
  }
}
