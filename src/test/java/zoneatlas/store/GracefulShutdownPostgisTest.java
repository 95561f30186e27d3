package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestStores;

/**
 * SIGTERM finishes what is in flight: the real server runs as a child JVM over PostGIS; a PATCH is
 * held inside its transaction by a row lock the test takes, the server gets SIGTERM, and only then
 * the lock is let go. The PATCH must be answered 200 and be in the database, new connections must be
 * refused meanwhile, and the pools must close only after. The access log line of the PATCH carries
 * its request id and route.
 */
@Tag("postgis")
class GracefulShutdownPostgisTest {
  @TempDir Path dir;

  @Test
  void aRequestInFlightAtSigtermCompletes() throws Exception {
    String url = TestStores.postgisCopyUrl();
    String user = PostgisCluster.get().user();
    String id;
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM parcels WHERE status = 'in_use' ORDER BY id LIMIT 1")) {
      rs.next();
      id = rs.getString(1);
    }
    try (ServerProcess server = ServerProcess.start(dir, dir.resolve("unused"), "--db.url", url, "--db.user", user,
        "--shutdown.grace.seconds", "30");
        Connection lock = DriverManager.getConnection(url, user, "")) {
      String token = server.adminToken();
      lock.setAutoCommit(false);
      try (PreparedStatement ps = lock.prepareStatement("SELECT id FROM parcels WHERE id = ? FOR UPDATE")) {
        ps.setString(1, id);
        ps.executeQuery().close();
      }
      CompletableFuture<HttpResponse<String>> patch = server.sendAsync(server.request("/collections/parcels/items/" + id,
          token).header("Content-Type", "application/merge-patch+json").header("X-Request-Id", "graceful-patch-1")
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":1.7}}")).build());
      waitUntilBlocked(lock);

      long t0 = System.nanoTime();
      server.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
      waitFor(() -> server.output().contains("stopping:"), 20_000, () -> "the server to begin stopping (alive: " + server.process.isAlive() + (server.process.isAlive() ? "" : ", exit " + server.process.exitValue()) + "):\n" + server.output()
          + jstack(server.process.pid()));
      Thread.sleep(300);
      assertFalse(patch.isDone(), "the PATCH is still held by the lock");
      assertRefused(server);

      Thread.sleep(1000);
      lock.rollback(); // let the PATCH go on
      HttpResponse<String> r = patch.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r.body() + "\n" + server.output());
      assertTrue(server.process.waitFor(30, TimeUnit.SECONDS), "the server exits once the PATCH is done");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 25_000, "stopped within the grace period (" + ms + " ms)");

      try (PreparedStatement ps = lock.prepareStatement("SELECT far FROM parcels WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(1.7, rs.getDouble(1), 1e-9, "the acknowledged write is in the database");
        }
      }
      try (PreparedStatement ps = lock.prepareStatement("SELECT count(*) FROM changes WHERE request_id = ?")) {
        ps.setString(1, "graceful-patch-1");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(1, rs.getInt(1), "with its change record");
        }
      }
      lock.commit();
      String out = server.output();
      assertTrue(out.lines().anyMatch(l -> l.contains("zoneatlas.access") && l.contains("graceful-patch-1")
          && l.contains("PATCH /collections/{id}/items/{fid}") && l.contains("status=200") && l.contains("user=admin")),
          "an access log line with the request id, route, status and user:\n" + out);
      assertTrue(out.contains("stopped in"), out);
      assertFalse(out.contains("has been closed") || out.contains("HikariDataSource") && out.contains("closed"),
          "no request met a closed pool:\n" + out);
    }
  }

  static String jstack(long pid) {
    try {
      Process p = new ProcessBuilder("jstack", Long.toString(pid)).redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes());
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** Until the PATCH waits on the test's row lock inside PostgreSQL. */
  private static void waitUntilBlocked(Connection c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (Connection probe = DriverManager.getConnection(c.getMetaData().getURL(), c.getMetaData().getUserName(), "")) {
      while (System.nanoTime() < deadline) {
        try (Statement st = probe.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND application_name = 'zoneatlas'")) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the PATCH never reached the locked row");
  }

  /** A new request is not served: its connection is refused or answered 503. */
  private static void assertRefused(ServerProcess server) throws Exception {
    try {
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(java.net.URI.create(server.base() + "/health"))
          .timeout(Duration.ofSeconds(5)).build());
      assertEquals(503, r.statusCode(), "a request after SIGTERM: " + r.body());
    } catch (ConnectException e) {
      // refused: what a load balancer needs to send it elsewhere
    } catch (java.io.IOException e) {
      // closed without an answer: not served either
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier cond, long ms, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + ms * 1_000_000;
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what.get());
      }
      Thread.sleep(20);
    }
  }
}
