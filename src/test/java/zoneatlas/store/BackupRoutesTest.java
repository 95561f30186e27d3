package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.Services;
import zoneatlas.http.WebApp;
import zoneatlas.testing.TestStores;

/**
 * GET /api/admin/backup on the real app (WebApp plus this module, as it will be registered),
 * over the shared demo store: only administrators get it, and what they get restores to the
 * same database, every table and row.
 */
class BackupRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static Services services;
  private static Javalin app;

  @BeforeAll
  static void start() {
    services = TestStores.services(TestStores.h2());
    app = withBackupRoutes(services).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  /** The real app: WebApp registers BackupRoutes among its modules. */
  static Javalin withBackupRoutes(Services s) {
    return WebApp.create(s);
  }

  private static HttpResponse<byte[]> get(Javalin on, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + "/api/admin/backup"));
    if (user != null) {
      b.header("Authorization", "Bearer " + services.auth.login(user, TestStores.PASSWORD).orElseThrow());
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void onlyAdministratorsGetABackup() throws Exception {
    HttpResponse<byte[]> anonymous = get(app, null);
    assertEquals(401, anonymous.statusCode());
    assertEquals("Unauthorized", json(anonymous).get("code").asText());
    for (String user : new String[] {"prospect", "planner", "land_officer"}) {
      HttpResponse<byte[]> r = get(app, user);
      assertEquals(403, r.statusCode(), user);
      assertEquals("Forbidden", json(r).get("code").asText());
    }
  }

  @Test
  void theDownloadRestoresToTheSameDatabase() throws Exception {
    long leftBefore = leftovers();
    HttpResponse<byte[]> r = get(app, "admin");
    assertEquals(200, r.statusCode());
    // Jetty appends its default charset even to a binary type; clients ignore it
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"), r.headers().toString());
    String disposition = r.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.matches("attachment; filename=\"zoneatlas-\\d{8}-\\d{6}\\.zip\""), disposition);

    Path zip = Files.write(dir.resolve("download.zip"), r.body());
    Path target = dir.resolve("restored/zoneatlas");
    Backup.Restored restored = Backup.restoreFile(target.toString(), zip, false);
    assertTrue(restored.rows().get("public.parcels") > 1000, restored.rows().toString());

    DatabaseContents original;
    try (Connection c = services.store.connection()) {
      original = DatabaseContents.read(c);
    }
    try (Connection c = H2gisStore.connectFile(target.toString(), true, true)) {
      DatabaseContents.read(c).assertSameAs(original, "the downloaded backup, restored");
      c.createStatement().execute("SHUTDOWN");
    }
    // the temporary script is deleted once sent; Javalin closes the stream after the response
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (leftovers() > leftBefore && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(leftBefore, leftovers(), "no temporary backup left behind");
  }

  @Test
  void onPostgisItPointsToPgDump() throws Exception {
    Services pg = new Services(TestStores.config(), new PostgisLookalike());
    Javalin on = withBackupRoutes(pg).start("127.0.0.1", 0);
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + "/api/admin/backup"))
          .header("Authorization", "Bearer " + pg.auth.login("admin", TestStores.PASSWORD).orElseThrow()).GET().build();
      HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(501, r.statusCode());
      JsonNode j = json(r);
      assertEquals("NotImplemented", j.get("code").asText());
      assertTrue(j.get("description").asText().contains("pg_dump -Fc"), j.toString());
    } finally {
      on.stop();
      pg.store.close();
    }
  }

  private static long leftovers() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("zoneatlas-backup-")).count();
    }
  }

  /** Says it is PostGIS and has no database: the route must answer before it needs one. */
  private static final class PostgisLookalike implements Store {
    @Override
    public Dialect dialect() {
      return Dialect.POSTGIS;
    }

    /** The tables logins need (revoked tokens) live somewhere; the backup route must not touch them. */
    private final SqlStore under = TestStores.h2Copy();

    @Override
    public Connection connection() throws SQLException {
      return under.connection();
    }

    @Override
    public String sql(String name) {
      return under.sql(name);
    }

    @Override
    public int queryTimeoutSeconds() {
      return 1;
    }

    @Override
    public String description() {
      return "PostGIS look-alike";
    }

    @Override
    public void close() {
      under.close();
    }
  }
}
