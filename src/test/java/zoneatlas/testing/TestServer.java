package zoneatlas.testing;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import zoneatlas.Services;
import zoneatlas.http.WebApp;
import zoneatlas.store.SqlStore;
import zoneatlas.store.Store;

/** The real app on a random port around a test store, with a tiny HTTP client. */
public final class TestServer implements AutoCloseable {
  public final Javalin app;
  public final Services services;
  /**
   * How long a request may wait for its answer before the test fails naming it, instead of hanging
   * until the build's fork timeout: generous, since a loaded 2-core machine runs several builds (an
   * import or a report can take tens of seconds); {@code -Dzoneatlas.test.http.timeout.seconds=N}
   * changes it.
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("zoneatlas.test.http.timeout.seconds", 60));
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  public TestServer(SqlStore store) {
    this(store, java.util.Map.of());
  }

  /** With some settings changed from {@link TestStores#config()}. */
  public TestServer(SqlStore store, java.util.Map<String, String> overrides) {
    this((Store) store, overrides);
  }

  /** Around any store, e.g. one that injects failures. */
  public TestServer(Store store, java.util.Map<String, String> overrides) {
    this(store, overrides, null);
  }

  /** With the clock that stamps changes and dates the evaluation (null: the system's). */
  public TestServer(Store store, java.util.Map<String, String> overrides, java.time.Clock clock) {
    zoneatlas.config.Config c = TestStores.config();
    for (var e : overrides.entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    this.services = clock == null ? new Services(c, store) : new Services(c, store, clock);
    this.app = WebApp.create(services).start("127.0.0.1", 0);
    // a real server answers searches with 503 "索引建立中" until its index is built (SearchReadinessTest);
    // tests of everything else start once it is there, as a load balancer would wait for /ready
    services.search.awaitReady(60_000);
  }

  public String base() {
    return "http://127.0.0.1:" + app.port();
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
  }

  public HttpResponse<String> get(String pathAndQuery, String token) {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).header("Authorization", "Bearer " + token).GET().build());
  }

  public HttpResponse<String> post(String path, String json, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  /**
   * Any request: {@code headers} are name, value pairs; a null body sends none. The token, when not
   * null, goes as a bearer token.
   */
  public HttpResponse<String> request(String method, String path, String body, String token, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** Logs in as the test user of that name (see {@link TestStores#config()}) and returns the token. */
  public String token(String user) {
    return services.auth.login(user, TestStores.PASSWORD).orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpRequest r = request.timeout().isPresent() ? request
        : HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new AssertionError("request " + r.method() + " " + r.uri().getRawPath() + " could not connect within "
          + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new AssertionError("request " + r.method() + " " + pathAndQuery(r) + " hung for "
          + r.timeout().orElseThrow().toSeconds() + " s: the test server sent no answer (TestServer.REQUEST_TIMEOUT)", e);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(r.method() + " " + pathAndQuery(r) + ": " + e, e);
    }
  }

  private static String pathAndQuery(HttpRequest r) {
    String q = r.uri().getRawQuery();
    return r.uri().getRawPath() + (q == null ? "" : "?" + q);
  }

  @Override
  public void close() {
    app.stop();
  }
}
