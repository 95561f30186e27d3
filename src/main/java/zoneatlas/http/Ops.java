package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.Services;
import zoneatlas.config.Config;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.Store;

/**
 * What operators need of a running server: {@code /health} and {@code /ready}, Prometheus metrics at
 * {@code /metrics}, one access-log line per request, graceful shutdown, and which database each
 * request reads from (read-your-own-writes with a hot standby).
 */
final class Ops {
  /** Its own logger name, so a deployment can route or silence the access log alone. */
  static final Logger ACCESS = LoggerFactory.getLogger("zoneatlas.access");
  private static final Logger LOG = LoggerFactory.getLogger(Ops.class);
  /** Holds the instant (epoch ms) until which this client reads from the primary. */
  static final String PRIMARY_COOKIE = "za_primary";
  private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  /** Latency buckets: enough to tell a 5 ms read from a 2 s one without a series per millisecond. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30)};

  private Ops() {}

  static void install(JavalinConfig cfg, Services s) {
    Config c = s.config;
    PrometheusMeterRegistry fresh = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterRegistry registry = s.store.reportTo(fresh);
    if (registry == fresh) {
      bindProcessMetrics(fresh);
    }
    // services count their cache hits on the global registry: they have no handle on this one
    Metrics.addRegistry(registry);
    PrometheusMeterRegistry prometheus = registry instanceof PrometheusMeterRegistry p ? p : fresh;
    // SIGTERM (App's shutdown hook calls stop): connectors stop accepting, requests in flight get
    // the grace period, new requests on open connections get 503; then Jetty stops. Javalin nests
    // its own handler inside the one found on the server.
    long graceMs = Math.max(0, c.integer("shutdown.grace.seconds")) * 1000L;
    GracefulHandler graceful = new GracefulHandler();
    cfg.jetty.modifyServer(server -> {
      server.setStopTimeout(graceMs);
      server.setHandler(graceful);
    });
    Gauge.builder("zoneatlas.http.requests.active", graceful, GracefulHandler::getCurrentRequestCount)
        .description("requests in flight").register(registry);

    Readiness readiness = new Readiness(s.store, s.search, Math.max(100, c.integer("ready.timeout.ms")));
    // the search index (every name with its pinyin) is built while Jetty starts, not at the first
    // search; /ready answers 503 until it is there, so a load balancer sends no search before
    s.search.startBuilding();
    cfg.events.serverStopped(readiness::close);
    cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
    cfg.routes.get("/ready", readiness::answer);
    if (c.bool("metrics.enabled")) {
      byte[] token = c.get("metrics.token").getBytes(StandardCharsets.UTF_8);
      cfg.routes.get("/metrics", ctx -> {
        if (token.length > 0) {
          String auth = ctx.header("Authorization");
          byte[] given = auth != null && auth.startsWith("Bearer ")
              ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
          if (!MessageDigest.isEqual(token, given)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            throw ApiError.unauthorized("/metrics needs the bearer token set as metrics.token");
          }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
      });
    }

    long ownWritesMs = Math.max(0, c.integer("db.read.own.writes.seconds")) * 1000L;
    cfg.routes.before(ctx -> {
      Writes.requestId(ctx);
      boolean safe = SAFE.contains(ctx.method());
      Store.ReadRoute.allowStandby(safe && !recentWriter(ctx, ownWritesMs));
      // Set before the handler runs: a large answer may be on its way before an after-handler could
      // add a header. A write that then fails only costs this client a few seconds of primary reads.
      if (!safe && ownWritesMs > 0 && (ctx.path().startsWith("/collections/") || ctx.path().startsWith("/api/imports/"))) {
        long until = System.currentTimeMillis() + ownWritesMs;
        ctx.cookie(new Cookie(PRIMARY_COOKIE, Long.toString(until), "/", (int) (ownWritesMs / 1000), secure(ctx), true,
            null, SameSite.LAX));
      }
    });
    cfg.routes.after(ctx -> Store.ReadRoute.clear());
    cfg.requestLogger.http((ctx, ms) -> {
      Store.ReadRoute.clear();
      String route = route(ctx);
      int status = ctx.statusCode();
      long bytes = bytes(ctx);
      Timer.builder("http.server.requests").description("HTTP requests by matched route and status")
          .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(status))
          .serviceLevelObjectives(BUCKETS)
          .register(registry).record(Duration.ofNanos((long) (ms * 1_000_000)));
      if (wrote(ctx)) {
        String kind = route.startsWith("/api/imports/") ? "imports" : "edits";
        Counter.builder("zoneatlas." + kind).description("successful writes (each is one change record)")
            .tags("route", route, "method", ctx.method().name()).register(registry).increment();
      }
      if (ACCESS.isInfoEnabled()) {
        ACCESS.info("{} {} {} {} status={} bytes={} ms={} user={} path={}", requestId(ctx), ctx.method().name(), route,
            ctx.req().getProtocol(), status, bytes, String.format(Locale.ROOT, "%.1f", ms), user(ctx, s),
            clean(ctx.path()));
      }
    });
  }

  private static void bindProcessMetrics(MeterRegistry r) {
    new JvmMemoryMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new ProcessorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
    @SuppressWarnings("resource") // lives as long as the process: one registry per server
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(r);
  }

  /** The route template that matched ({@code /collections/{id}/items/{fid}}), never the raw path. */
  static String route(Context ctx) {
    Endpoint e = null;
    try {
      e = ctx.endpoints().matchedHttpEndpoint();
    } catch (RuntimeException ignored) {
      // no HTTP endpoint matched
    }
    if (e != null) {
      return e.path;
    }
    int status = ctx.statusCode();
    return status == 404 ? "NOT_FOUND" : status < 400 ? "STATIC" : "UNMATCHED";
  }

  /** A write that changed data: a non-safe method on the editing or import routes that succeeded. */
  private static boolean wrote(Context ctx) {
    if (SAFE.contains(ctx.method()) || ctx.statusCode() < 200 || ctx.statusCode() >= 300) {
      return false;
    }
    String route = route(ctx);
    if (route.startsWith("/api/imports/")) {
      return !"true".equalsIgnoreCase(ctx.queryParam("dry_run"));
    }
    return route.startsWith("/collections/");
  }

  /** The client wrote less than the window ago: it must see its own write, which only the primary is sure to have. */
  static boolean recentWriter(Context ctx, long windowMs) {
    String v = ctx.cookie(PRIMARY_COOKIE);
    if (v == null || windowMs <= 0) {
      return false;
    }
    try {
      long until = Long.parseLong(v.trim());
      long now = System.currentTimeMillis();
      // a value far in the future is not ours (or a clock gone wrong): ignore it rather than pin
      return until > now && until <= now + windowMs + 60_000;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  private static String requestId(Context ctx) {
    // the last id set wins: routes that record a change set it again
    String id = ctx.res().getHeader("X-Request-Id");
    return id == null ? "-" : id;
  }

  private static long bytes(Context ctx) {
    try {
      return ServletContextResponse.getServletContextResponse(ctx.res()).getHttpOutput().getWritten();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static String user(Context ctx, Services s) {
    try {
      String name = s.auth.principal(ctx).name();
      return name == null ? "-" : clean(name);
    } catch (RuntimeException e) {
      return "-";
    }
  }

  /** One line per request, whatever the path holds. */
  private static String clean(String v) {
    if (v == null) {
      return "-";
    }
    StringBuilder b = new StringBuilder(Math.min(v.length(), 300));
    for (int i = 0; i < v.length() && i < 300; i++) {
      char ch = v.charAt(i);
      b.append(ch < 0x20 || ch == 0x7f || ch == ' ' ? '_' : ch);
    }
    return b.toString();
  }

  /**
   * {@code /ready}: the primary must answer {@code SELECT 1} within the timeout. A probe that hangs
   * (the database host gone, the pool waiting for a connection) is left to finish on its own thread
   * while the answer goes out; callers meanwhile share that probe instead of starting more.
   */
  private static final class Readiness {
    private final Store store;
    private final zoneatlas.search.SearchService search;
    private final long timeoutMs;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ready-probe");
      t.setDaemon(true);
      return t;
    });
    private CompletableFuture<Map<String, Object>> running;

    Readiness(Store store, zoneatlas.search.SearchService search, long timeoutMs) {
      this.store = store;
      this.search = search;
      this.timeoutMs = timeoutMs;
    }

    void answer(Context ctx) {
      CompletableFuture<Map<String, Object>> f;
      synchronized (this) {
        if (running == null || running.isDone()) {
          running = CompletableFuture.supplyAsync(this::probe, pool);
        }
        f = running;
      }
      String problem;
      try {
        Map<String, Object> r = f.get(timeoutMs, TimeUnit.MILLISECONDS);
        if (r.containsKey("problem")) {
          problem = (String) r.get("problem");
        } else if (!search.ready()) {
          // a build that failed while the database was away starts again now that it answers
          search.startBuilding();
          ctx.status(503).header("Retry-After", "1").contentType("application/json")
              .result(WebApp.body(503, "NotReady", "the search index is being built", null,
                  Map.of("database", "up", "search", "building")));
          return;
        } else {
          Map<String, Object> out = new LinkedHashMap<>(r);
          out.put("search", "ready");
          ctx.json(out);
          return;
        }
      } catch (TimeoutException e) {
        problem = "the database did not answer within " + timeoutMs + " ms";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problem = "interrupted";
      } catch (ExecutionException e) {
        problem = String.valueOf(e.getCause());
      }
      ctx.status(503).header("Retry-After", "5").contentType("application/json")
          .result(WebApp.body(503, "NotReady", problem, null, Map.of("database", "down")));
    }

    private Map<String, Object> probe() {
      Map<String, Object> out = new LinkedHashMap<>();
      long t0 = System.nanoTime();
      try (Connection c = store.connection();
          Statement st = c.createStatement()) {
        st.setQueryTimeout((int) Math.max(1, (timeoutMs + 999) / 1000));
        st.execute("SELECT 1");
      } catch (SQLException | RuntimeException e) {
        LOG.warn("readiness: database unavailable: {}", e.getMessage());
        out.put("problem", "the database is unavailable: " + e.getMessage());
        return out;
      }
      out.put("status", "ready");
      out.put("database", "up");
      out.put("database_ms", (System.nanoTime() - t0) / 1_000_000);
      if (store instanceof PostgisStore ps && ps.standbyDescription() != null) {
        out.put("standby", standby(ps));
      }
      return out;
    }

    /** Reported, not required: reads go to the primary while the standby is away. */
    private Map<String, Object> standby(PostgisStore ps) {
      Map<String, Object> m = new LinkedHashMap<>();
      try (Connection c = ps.standbyConnection();
          Statement st = c.createStatement()) {
        st.setQueryTimeout(1);
        try (ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(),"
            + " EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000")) {
          rs.next();
          m.put("status", "up");
          m.put("in_recovery", rs.getBoolean(1));
          // time since the last replayed commit: the lag while the primary is busy, idle time otherwise
          double sinceReplay = rs.getDouble(2);
          if (!rs.wasNull()) {
            m.put("last_replay_ms_ago", Math.round(sinceReplay));
          }
        }
      } catch (SQLException | RuntimeException e) {
        m.put("status", "down");
        m.put("problem", String.valueOf(e.getMessage()));
      }
      return m;
    }

    void close() {
      pool.shutdownNow();
    }
  }
}
