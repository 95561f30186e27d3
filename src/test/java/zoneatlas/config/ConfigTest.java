package zoneatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
    Path f = dir.resolve("za.properties");
    Files.writeString(f, "port=7100\nitems.limit.default=50\nquery.timeout.seconds=9\n");
    Config c = Config.load(new String[] {"--config", f.toString(), "--port", "7300"},
        Map.of("ZONEATLAS_PORT", "7200", "ZONEATLAS_ITEMS_LIMIT_DEFAULT", "60"));
    assertEquals(7300, c.integer("port"));
    assertEquals("command line", c.origin("port"));
    assertEquals(60, c.integer("items.limit.default"));
    assertTrue(c.origin("items.limit.default").startsWith("environment"));
    assertEquals(9, c.integer("query.timeout.seconds"));
    assertTrue(c.origin("query.timeout.seconds").startsWith("file"));
    assertEquals(10000, c.integer("items.limit.max"));
    assertEquals("default", c.origin("items.limit.max"));
  }

  @Test
  void dbShorthandFlagSetsTheDatabaseUrl() {
    Config c = Config.load(new String[] {"--db", "postgresql://u:p@localhost/za"}, Map.of());
    assertEquals("postgresql://u:p@localhost/za", c.get("db.url"));
  }

  @Test
  void unknownSettingsAndBadNumbersAreRefusedWithTheirName() {
    var e = assertThrows(Config.ConfigException.class, () -> Config.load(new String[] {"--prot", "1"}, Map.of()));
    assertTrue(e.getMessage().contains("prot"), e.getMessage());
    var e2 = assertThrows(Config.ConfigException.class, () -> Config.load(new String[] {"--port", "abc"}, Map.of()));
    assertTrue(e2.getMessage().contains("port"), e2.getMessage());
  }

  @Test
  void usersCanComeFromTheEnvironment() {
    Config c = Config.load(new String[0], Map.of("ZONEATLAS_AUTH_USER_ALICE", "planner:pbkdf2$1$a$b"));
    assertEquals("planner:pbkdf2$1$a$b", c.withPrefix("auth.user.").get("alice"));
  }
}
