package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How failures reach the client: always a JSON error body with the HTTP status, never a stack trace.
 * A database that is away (or a pool with no connection to give within its wait) is a 503 with
 * Retry-After, in English and Chinese, so clients and the map can say "try again shortly"; a query
 * the database cancelled at its timeout is a 504. A failure after the answer began cannot become an
 * error document (the status is sent): the connection is cut instead, so the client sees an
 * incomplete answer, never a whole-looking one with an error glued after it.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
  /** Seconds a client is asked to wait before retrying while the database is away. */
  static final String RETRY_AFTER = "5";
  /**
   * SQLStates of a database that is not there: class 08 (connection exceptions), PostgreSQL's
   * shutdown and start-up (57P01-57P03) and out of connection slots (53300); H2's broken connection,
   * closed database and shutdown in progress.
   */
  private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "90067", "90098", "90121");
  /** Statement cancelled: by its timeout here (nothing else cancels statements). */
  private static final String CANCELLED = "57014";

  private Errors() {}

  enum Kind {
    UNAVAILABLE,
    TIMEOUT,
    OTHER
  }

  static void install(JavalinConfig cfg) {
    cfg.routes.exception(ApiError.class, (e, ctx) -> {
      if (cut(ctx, e)) {
        return;
      }
      ctx.status(e.status).contentType("application/json")
          .result(WebApp.body(e.status, e.code, e.getMessage(), e.parameter, e.details));
    });
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      if (cut(ctx, e)) {
        return;
      }
      switch (kind(e)) {
        case UNAVAILABLE -> {
          // one line, not a stack per request: an outage would flood the log
          LOG.warn("request {} {}: database unavailable: {}", ctx.method(), ctx.path(), message(e));
          ctx.status(503).header("Retry-After", RETRY_AFTER).contentType("application/json")
              .result(WebApp.body(503, "ServiceUnavailable",
                  "the database is unavailable or busy; try again in a few seconds", null,
                  Map.of("description_zh", "数据库暂时无法访问或繁忙,请稍后重试")));
        }
        case TIMEOUT -> {
          LOG.warn("request {} {}: query cancelled at its timeout: {}", ctx.method(), ctx.path(), message(e));
          ctx.status(504).contentType("application/json")
              .result(WebApp.body(504, "QueryTimeout",
                  "the database did not finish this query in time; ask for less (a smaller bbox or limit, a tighter"
                      + " filter) or try again later", null,
                  Map.of("description_zh", "查询超时:请缩小范围(更小的 bbox 或 limit、更严的过滤条件)或稍后重试")));
        }
        default -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).contentType("application/json")
              .result(WebApp.body(500, "ServerError", "the server could not complete this request; the error is logged",
                  null));
        }
      }
    });
    // an Error (OutOfMemoryError, StackOverflowError...) passes the exception mappers, and Javalin
    // then answers 500 with an empty body: the same JSON as any other failure (issue 15, found by
    // RollbackContract). The write it broke was rolled back by Transactions.
    cfg.router.javaLangErrorHandler((res, err) -> {
      LOG.error("a request failed with an Error", err);
      if (!res.isCommitted()) {
        try {
          res.resetBuffer();
          res.setStatus(500);
          res.setContentType("application/json");
          res.getWriter().write(WebApp.body(500, "ServerError", "the server could not complete this request; the error is logged",
              null));
        } catch (java.io.IOException | IllegalStateException e) {
          err.addSuppressed(e);
        }
      }
    });
    // Javalin's own refusals (no such endpoint, a body too large) in the app's error document
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
      int status = e.getStatus();
      String description = status == 404 ? "no such resource: " + ctx.path() : e.getMessage();
      String allowed = e.getDetails().get("availableMethods");
      if (status == 405 && allowed != null) {
        ctx.header("Allow", allowed);
        description = ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed;
      }
      ctx.status(status).contentType("application/json").result(WebApp.body(status,
          Security.JsonErrorHandler.codeName(status), description, null));
    });
    cfg.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        ctx.contentType("application/json").result(WebApp.body(404, "NotFound", "no such resource: " + ctx.path(), null));
      }
    });
  }

  /** What a failure says about the database, from the first SQL exception in its causes. */
  static Kind kind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return Kind.UNAVAILABLE;
      }
      if (t instanceof SQLTimeoutException) {
        return Kind.TIMEOUT;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE.contains(state)) {
          return Kind.UNAVAILABLE;
        }
        if (state.equals(CANCELLED)) {
          return Kind.TIMEOUT;
        }
      }
    }
    return Kind.OTHER;
  }

  private static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException) {
        return t.getMessage();
      }
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * When the answer already began, ends it as broken (no last chunk): a status and half a body are
   * out, and an error document after them would make a whole-looking but wrong answer. Answers are
   * read whole before they are sent, so this is left to a client that went away or stopped reading
   * (the write timeout), or to something streamed after its first byte.
   */
  private static boolean cut(Context ctx, Exception e) {
    if (!ctx.res().isCommitted()) {
      return false;
    }
    if (clientGone(e)) {
      LOG.info("request {} {}: the client went away or stopped reading: {}", ctx.method(), ctx.path(), e.toString());
    } else {
      LOG.error("request {} {} failed after its answer began; the answer is cut short", ctx.method(), ctx.path(), e);
    }
    try {
      // closing the connection rather than aborting the response: Javalin still tidies up the
      // request after this, which an aborted one makes it fail at, noisily
      ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint().close();
    } catch (RuntimeException notJetty) {
      LOG.warn("could not cut the answer to {} {}: {}", ctx.method(), ctx.path(), notJetty.toString());
    }
    return true;
  }

  /** An I/O failure with no database failure behind it: the write to the client failed. */
  private static boolean clientGone(Throwable e) {
    boolean io = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException) {
        return false;
      }
      io |= t instanceof IOException || t instanceof java.util.concurrent.TimeoutException;
    }
    return io;
  }
}
