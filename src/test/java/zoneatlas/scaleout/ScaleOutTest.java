package zoneatlas.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import zoneatlas.testing.ChildServer;
import zoneatlas.testing.Nginx;
import zoneatlas.testing.ReplicatedCluster;
import zoneatlas.testing.TestStores;

/**
 * The deployment of {@code deploy/scale-out/}, all of it on this machine from Debian's packages: a
 * PostgreSQL primary and a streaming hot standby, two ZoneAtlas servers (real child JVMs) writing
 * to the primary and reading from the standby, and nginx in front with the shipped site file. A
 * login through one server works on the other, a logout through one ends the token on both, a
 * write through one is read through the other once replicated, and stopping one server under load
 * loses no request that was acknowledged.
 */
@Tag("postgis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
  static final ObjectMapper JSON = new ObjectMapper();
  Path dir;
  ReplicatedCluster db;
  ChildServer a;
  ChildServer b;
  Nginx nginx;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  void start() throws Exception {
    dir = java.nio.file.Files.createTempDirectory("zoneatlas-scale-out-");
    db = ReplicatedCluster.startPrimary();
    db.startStandby();
    // the first server creates the schema and loads the demo; the second finds them there
    a = server("a");
    b = server("b");
    int port = ReplicatedCluster.freePorts(1)[0];
    nginx = Nginx.start(Path.of("deploy/scale-out/zoneatlas.nginx.conf"), Map.of(
        "ZA_LISTEN", "127.0.0.1:" + port,
        "ZA_BACKEND_1", a.base().substring("http://".length()),
        "ZA_BACKEND_2", b.base().substring("http://".length())), port);
  }

  private ChildServer server(String name) throws Exception {
    Path work = dir.resolve(name);
    java.nio.file.Files.createDirectories(work);
    String admin = TestStores.config().get("auth.user.admin");
    return ChildServer.start(work, List.of("-Xmx768m"), List.of(
        "--db.url", db.primaryJdbc(), "--db.user", "postgres",
        "--db.read.url", db.standbyJdbc(), "--db.read.user", "postgres",
        "--auth.secret", "scale-out-secret-0123456789", "--auth.user.admin", admin,
        "--proxy.trusted", "127.0.0.1", "--shutdown.grace.seconds", "20"));
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {nginx, a, b, db}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.err.println("could not stop " + c + ": " + e);
      }
    }
    if (dir != null) {
      try (var walk = java.nio.file.Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException e) {
        System.err.println("could not delete " + dir + ": " + e);
      }
    }
  }

  @Test
  @Order(1)
  void aTokenFromOneServerWorksOnTheOtherUntilLoggedOutOnEither() throws Exception {
    String token = login(a.base());
    assertEquals(200, send(b.base(), "GET", "/api/audit?limit=1", null, token).statusCode(),
        "a token signed by server a is good on server b");
    assertEquals(204, send(b.base(), "POST", "/api/logout", null, token).statusCode());
    // server a trusts its own "not revoked" finding for auth.revocation.cache.ms (1 s)
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int status;
    do {
      Thread.sleep(200);
      status = send(a.base(), "GET", "/api/audit?limit=1", null, token).statusCode();
    } while (status == 200 && System.nanoTime() < deadline);
    assertEquals(401, status, "a token logged out through server b is refused by server a");
  }

  @Test
  @Order(2)
  void aWriteThroughOneServerIsReadThroughTheOtherOnceReplicated() throws Exception {
    String token = login(a.base());
    String id = parcels(1).get(0);
    HttpResponse<String> w = send(a.base(), "PATCH", "/collections/parcels/items/" + id,
        "{\"properties\":{\"far\":2.345}}", token);
    assertEquals(200, w.statusCode(), w.body());
    // streaming replication is asynchronous: the standby has the write within moments, not at once
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    try (Connection c = DriverManager.getConnection(db.standbyJdbc(), "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT far, pg_is_in_recovery() FROM parcels WHERE id = ?")) {
      ps.setString(1, id);
      double replayed;
      boolean standby;
      do {
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          replayed = rs.getDouble(1);
          standby = rs.getBoolean(2);
        }
      } while (replayed != 2.345 && System.nanoTime() < deadline && sleep(100));
      assertEquals(2.345, replayed, 1e-9, "the standby replays the write");
      assertTrue(standby, "and is a standby");
    }
    HttpResponse<String> r = send(b.base(), "GET", "/collections/parcels/items/" + id, null, null);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(2.345, JSON.readTree(r.body()).at("/properties/far").asDouble(), 1e-9,
        "server b serves the write made through server a");
    JsonNode ready = JSON.readTree(send(b.base(), "GET", "/ready", null, null).body());
    assertEquals("up", ready.at("/standby/status").asText(), ready.toString());
  }

  record Outcome(String method, String requestId, int status, String body, long atNanos) {}

  @Test
  @Order(3)
  void stoppingOneServerUnderLoadLosesNoAcknowledgedRequest() throws Exception {
    String token = login(nginx.base());
    List<String> ids = parcels(4);
    List<String> reads = List.of("/collections/parcels/items?limit=50", "/api/search?q=jingkai",
        "/collections/industrial-parks/items?limit=20", "/collections", "/api/summary/industrial-parks/zzetdz-ip-zongbaoqu");
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int worker = t;
      workers.add(pool.submit(() -> {
        int i = 0;
        while (running.get()) {
          i++;
          boolean write = worker < ids.size() && i % 3 == 0;
          String rid = "scale-out-" + worker + "-" + i;
          String path = write ? "/collections/parcels/items/" + ids.get(worker) : reads.get((worker + i) % reads.size());
          String method = write ? "PATCH" : "GET " + path;
          HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(nginx.base() + path))
              .timeout(Duration.ofSeconds(30)).header("X-Request-Id", rid);
          if (write) {
            rb.header("Authorization", "Bearer " + token).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":" + (1 + i / 1000.0)
                    + "}}"));
          }
          try {
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            outcomes.add(new Outcome(method, rid, r.statusCode(), r.body(), System.nanoTime()));
          } catch (Exception e) {
            outcomes.add(new Outcome(method, rid, -1, e.toString(), System.nanoTime()));
          }
        }
        return null;
      }));
    }
    // counts of requests, not seconds: a loaded machine serves fewer per second
    waitForOutcomes(outcomes, 40);
    long stoppedAt = System.nanoTime();
    b.process.toHandle().destroy(); // SIGTERM, as systemctl stop sends
    assertTrue(b.process.waitFor(40, TimeUnit.SECONDS), "server b stops within its grace period:\n" + b.output());
    long exitedAt = System.nanoTime();
    waitForOutcomes(outcomes, outcomes.size() + 60);
    running.set(false);
    for (Future<?> f : workers) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<Outcome> all = List.copyOf(outcomes);
    List<Outcome> failedReads = all.stream().filter(o -> !o.method().equals("PATCH") && o.status() != 200).toList();
    assertTrue(failedReads.isEmpty(), failedReads.size() + " of " + all.size() + " reads failed: "
        + failedReads.subList(0, Math.min(5, failedReads.size())) + "\n" + nginx.errorLog() + "\n" + tail(nginx.accessLog())
        + "\nserver a:\n" + tail(a.output()) + "\nserver b:\n" + tail(b.output()));
    List<Outcome> writes = all.stream().filter(o -> o.method().equals("PATCH")).toList();
    List<Outcome> acked = writes.stream().filter(o -> o.status() == 200).toList();
    List<Outcome> odd = writes.stream().filter(o -> o.status() != 200 && o.status() != 502 && o.status() != 503).toList();
    assertTrue(odd.isEmpty(), "a write is acknowledged or refused as unavailable, nothing else: " + odd + "\n"
        + nginx.errorLog() + "\n" + tail(nginx.accessLog()));
    assertTrue(acked.stream().anyMatch(o -> o.atNanos() > exitedAt), "writes were acknowledged after server b exited");
    assertTrue(all.stream().filter(o -> o.atNanos() > exitedAt).count() >= 60,
        "requests went on after server b exited");
    try (Connection c = DriverManager.getConnection(db.primaryJdbc(), "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM changes WHERE request_id = ?")) {
      for (Outcome o : writes) {
        ps.setString(1, o.requestId());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(o.status() == 200 ? 1 : 0, rs.getInt(1), "write " + o.requestId() + " answered " + o.status()
              + (o.status() == 200 ? " is in the database" : " was not carried out"));
        }
      }
    }
    String log = nginx.accessLog();
    assertTrue(log.contains("up=" + b.base().substring(7)), "server b took requests before it stopped:\n" + tail(log));
  }

  private static void waitForOutcomes(List<Outcome> outcomes, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (outcomes.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private List<String> parcels(int n) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.primaryJdbc(), "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT id FROM parcels WHERE status = 'in_use' ORDER BY id LIMIT ?")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private String login(String base) throws Exception {
    HttpResponse<String> r = send(base, "POST", "/api/login", JSON.writeValueAsString(Map.of("username", "admin",
        "password", TestStores.PASSWORD)), null);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("token").asText();
  }

  private HttpResponse<String> send(String base, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      rb.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      rb.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static boolean sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
    return true;
  }

  private static String tail(String s) {
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }
}
