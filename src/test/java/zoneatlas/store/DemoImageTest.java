package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.config.Config;
import zoneatlas.demo.DemoImage;
import zoneatlas.testing.TestStores;

/**
 * The demo database image the build ships: installed on a first start it holds exactly what
 * generating the demo data writes (every table, row by row; only the load's instants and request id differ),
 * and it is used only where it fits: an empty place, the seed it was made with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoImageTest {
  @TempDir
  Path dir;
  Path classes;
  ClassLoader images;

  @BeforeAll
  void buildTheImage() throws Exception {
    classes = Files.createTempDirectory("zoneatlas-demo-image-test");
    DemoImage.write(classes, TestStores.SEED);
    images = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
  }

  /** Every table's rows with the instants of the load (and the data version, one of them) masked. */
  static Map<String, List<String>> contents(SqlStore s) throws Exception {
    try (Connection c = s.connection()) {
      Map<String, List<String>> out = new TreeMap<>();
      DatabaseContents.read(c).tables.forEach((t, rows) -> out.put(t, rows.stream()
          .map(r -> r.replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d[^ |]*", "<instant>")
              .replaceAll("val=String:\\d{13}", "val=<version>")
              .replaceAll("request_id=String:server-[0-9a-f-]+", "request_id=<the load's>"))
          .sorted().toList()));
      return out;
    }
  }

  @Test
  void aFirstStartFromTheImageHoldsWhatGeneratingTheDemoDataWrites() throws Exception {
    Path db = H2gisStore.file(dir.resolve("first/zoneatlas").toString());
    assertTrue(DemoImage.install(db, TestStores.SEED, images), "installed");
    assertFalse(Files.exists(db.resolveSibling(db.getFileName() + ".part")), "nothing half-written left beside it");
    Map<String, List<String>> fromImage;
    try (H2gisStore s = H2gisStore.open(dir.resolve("first/zoneatlas").toString(), 2, 30)) {
      fromImage = contents(s);
    }
    // a store of its own: the shared one holds what other tests wrote (revoked tokens, edits)
    Map<String, List<String>> generated;
    try (SqlStore fresh = TestStores.h2Copy()) {
      generated = contents(fresh);
    }
    assertEquals(generated.keySet(), fromImage.keySet());
    assertTrue(generated.keySet().stream().anyMatch(k -> k.toLowerCase().endsWith(".parcels")),
        "the tables are read: " + generated.keySet());
    for (String t : generated.keySet()) {
      assertEquals(generated.get(t).size(), fromImage.get(t).size(), t + ": rows");
      assertEquals(generated.get(t), fromImage.get(t), t);
    }
  }

  @Test
  void theServerStartsFromTheImageOnlyWhereItFits() throws Exception {
    Path other = H2gisStore.file(dir.resolve("other/zoneatlas").toString());
    assertFalse(DemoImage.install(other, TestStores.SEED + 1, images), "another seed generates its own data");
    assertFalse(Files.exists(other), "and nothing is written");
    assertFalse(DemoImage.install(other, TestStores.SEED, new URLClassLoader(new URL[0], null)), "no image in the jar");
    Path kept = H2gisStore.file(dir.resolve("kept/zoneatlas").toString());
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, "a database of the user's");
    assertFalse(DemoImage.install(kept, TestStores.SEED, images), "an existing database is never replaced");
    assertEquals("a database of the user's", Files.readString(kept));
  }

  @Test
  void theImageIsOfTheDefaultSeed() {
    // the build writes the image of the default configuration's seed, which TestStores uses too
    assertEquals(TestStores.SEED, Config.of(Map.of()).longValue("demo.seed"));
  }
}
