package zoneatlas.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads named {@code .sql} resources once and keeps them; thread-safe. */
final class SqlFiles {
  private final Dialect dialect;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  SqlFiles(Dialect dialect) {
    this.dialect = dialect;
  }

  String get(String name) {
    return cache.computeIfAbsent(name, this::read);
  }

  private String read(String name) {
    String text = resource("sql/" + dialect.folder + "/" + name + ".sql");
    if (text == null) {
      text = resource("sql/common/" + name + ".sql");
    }
    if (text == null) {
      throw new IllegalArgumentException("no SQL named " + name + " for " + dialect);
    }
    return text;
  }

  private static String resource(String path) {
    try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a script into statements on semicolons at line ends; comments are dropped. */
  static java.util.List<String> statements(String script) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = cur.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
