package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.config.Config;
import zoneatlas.demo.DemoLoader;
import zoneatlas.testing.TestStores;

/**
 * The embedded store kept in a file, started the way the server starts it ({@link
 * Stores#openForServer}): the first start creates the folders and loads the demo, a restart
 * finds what was written, loads nothing again and does not pile up H2GIS functions.
 */
class FileStoreRestartTest {
  @TempDir Path dir;

  @Test
  void whatWasWrittenIsThereAfterARestartAndTheDemoIsLoadedOnce() throws Exception {
    Path path = dir.resolve("not/yet/there/zoneatlas");
    Config config = TestStores.config().with("embedded.path", path.toString());

    long t0 = System.nanoTime();
    DatabaseContents before;
    String loadedAt;
    long functions;
    try (SqlStore store = Stores.openForServer(config)) {
      long firstStart = System.nanoTime() - t0;
      System.out.printf("FileStoreRestartTest: first start (folders created, demo loaded) %d ms%n", firstStart / 1_000_000);
      assertFalse(DemoLoader.isEmpty(store));
      try (Connection c = store.connection()) {
        write(c);
        loadedAt = meta(c, "loaded_at");
        functions = functionCount(c);
        before = DatabaseContents.read(c);
      }
    }
    assertTrue(Files.isRegularFile(dir.resolve("not/yet/there/zoneatlas.mv.db")), "a file under the folders it created");

    for (int restart = 1; restart <= 2; restart++) {
      long t1 = System.nanoTime();
      try (SqlStore store = Stores.openForServer(config)) {
        System.out.printf("FileStoreRestartTest: restart %d on the existing file %d ms%n", restart,
            (System.nanoTime() - t1) / 1_000_000);
        try (Connection c = store.connection()) {
          assertEquals("kept", meta(c, "restart_test"), "a committed write survives close and reopen");
          assertEquals(loadedAt, meta(c, "loaded_at"), "the demo data was not loaded again");
          assertEquals(functions, functionCount(c), "H2GIS functions are not loaded twice");
          DatabaseContents.read(c).assertSameAs(before, "restart " + restart);
        }
      }
    }
  }

  @Test
  void memStillKeepsNothingAndWritesNoFile() throws Exception {
    Path cwdData = Path.of("mem.mv.db");
    boolean existed = Files.exists(cwdData);
    try (SqlStore store = H2gisStore.open("mem", 2, 30)) {
      assertEquals("embedded H2GIS (in memory)", store.description());
      try (Connection c = store.connection()) {
        write(c);
      }
    }
    try (SqlStore store = H2gisStore.open("mem", 2, 30); Connection c = store.connection()) {
      assertEquals(null, meta(c, "restart_test"), "a new in-memory store starts empty");
    }
    assertEquals(existed, Files.exists(cwdData), "mem is not a file name");
  }

  @Test
  void theDefaultIsAFileUnderData() {
    Config c = Config.load(new String[] {"--config", writeEmptyConfig().toString()}, java.util.Map.of());
    assertEquals("data/zoneatlas", c.get("embedded.path"));
    assertEquals(Path.of("data/zoneatlas.mv.db").toAbsolutePath(), H2gisStore.file(c.get("embedded.path")));
    assertEquals(H2gisStore.file("data/zoneatlas"), H2gisStore.file("data/zoneatlas.mv.db"), "the file name works as well");
  }

  private Path writeEmptyConfig() {
    try {
      return Files.writeString(dir.resolve("empty.properties"), "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (name, val) VALUES ('restart_test', 'kept')")) {
      ps.executeUpdate();
    }
  }

  private static String meta(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long functionCount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = 'public'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
