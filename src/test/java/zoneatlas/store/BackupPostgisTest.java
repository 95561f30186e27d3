package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestStores;

/**
 * For PostGIS, {@code backup} and {@code restore} print the pg_dump / pg_restore lines to run.
 * This runs exactly those lines against the test cluster: the demo database dumped, restored
 * into a new database, and every table of both compared row by row. Fails, never skips, when the
 * cluster cannot start.
 */
@Tag("postgis")
class BackupPostgisTest {
  @TempDir Path dir;

  @Test
  void thePrintedCommandsDumpAndRestoreEveryTableExactly() throws Exception {
    PostgisCluster cluster = PostgisCluster.get();
    TestStores.postgis(); // the demo data, loaded once per JVM
    String source = "postgresql://" + cluster.user() + "@127.0.0.1:" + cluster.port() + "/zoneatlas";
    String copyName = "zoneatlas_restored_" + System.nanoTime();
    String copy = "postgresql://" + cluster.user() + "@127.0.0.1:" + cluster.port() + "/" + copyName;
    Path dump = dir.resolve("zone atlas.dump");

    String backup = printed("backup", dump, source);
    assertTrue(backup.contains("\npg_dump -Fc "), backup);
    run(cluster, backup);
    assertTrue(Files.size(dump) > 10_000, "a dump was written");

    String restore = printed("restore", dump, copy);
    assertTrue(restore.contains("\ncreatedb ") && restore.contains("\npg_restore "), restore);
    run(cluster, restore);

    try (Connection a = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), "");
        Connection b = DriverManager.getConnection(
            cluster.jdbcUrl().replace("/zoneatlas", "/" + copyName), cluster.user(), "")) {
      DatabaseContents original = DatabaseContents.read(a);
      assertTrue(original.rowCount("public.parcels") > 1000, original.tables.keySet().toString());
      DatabaseContents.read(b).assertSameAs(original, "pg_restore of the pg_dump");
    } finally {
      run(cluster, "dropdb --if-exists -h 127.0.0.1 -p " + cluster.port() + " -U " + cluster.user() + " " + copyName + "\n");
    }
  }

  /** What the command prints for {@code --db url}, checked to be instructions and status 2. */
  private String printed(String cmd, Path file, String dbUrl) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.properties"), "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Backup.cli(new String[] {cmd, file.toString(), "--db", dbUrl, "--config", empty.toString()}, Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Backup.NOT_DONE, status, "PostGIS: instructions only, status 2");
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs printed lines as a shell script with the cluster's binaries first on the PATH. */
  private static void run(PostgisCluster cluster, String script) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-e", "-c", script)).redirectErrorStream(true);
    pb.environment().put("PATH", cluster.bin() + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out:\n" + script);
    assertEquals(0, p.exitValue(), script + "\n" + out);
  }
}
