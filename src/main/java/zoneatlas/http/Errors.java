package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How failures reach the client: always a JSON error body with the HTTP status, never a stack trace. */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static void install(JavalinConfig cfg) {
    cfg.routes.exception(ApiError.class, (e, ctx) -> {
      ctx.status(e.status).contentType("application/json")
          .result(WebApp.body(e.status, e.code, e.getMessage(), e.parameter, e.details));
    });
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(500).contentType("application/json")
          .result(WebApp.body(500, "ServerError", "the server could not complete this request; the error is logged", null));
    });
    cfg.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        ctx.contentType("application/json").result(WebApp.body(404, "NotFound", "no such resource: " + ctx.path(), null));
      }
    });
  }
}
