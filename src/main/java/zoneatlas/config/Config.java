package zoneatlas.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable, layered settings: built-in defaults &lt; config file &lt; environment ({@code
 * ZONEATLAS_} prefix, {@code db.url} is {@code ZONEATLAS_DB_URL}) &lt; command-line flags ({@code
 * --db.url=...}, {@code --port 8080}, {@code --db URL}). Every key is documented in {@code
 * config.example.properties}. Each value remembers where it came from, so start-up can log, for
 * instance, which layer chose the database.
 */
public final class Config {
  /** Values a fresh checkout runs with. */
  static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("port", "7070"),
          Map.entry("host", "0.0.0.0"),
          Map.entry("db.url", ""),
          Map.entry("db.user", ""),
          Map.entry("db.password", ""),
          Map.entry("db.pool.size", "8"),
          Map.entry("db.read.url", ""),
          Map.entry("db.read.user", ""),
          Map.entry("db.read.password", ""),
          Map.entry("db.read.pool.size", "8"),
          Map.entry("db.read.own.writes.seconds", "5"),
          Map.entry("shutdown.grace.seconds", "20"),
          Map.entry("ready.timeout.ms", "2000"),
          Map.entry("metrics.enabled", "true"),
          Map.entry("metrics.token", ""),
          Map.entry("embedded.path", "data/zoneatlas"),
          Map.entry("demo.load", "true"),
          Map.entry("demo.seed", "20210818"),
          Map.entry("items.limit.default", "100"),
          Map.entry("items.limit.max", "10000"),
          Map.entry("items.html.limit.max", "500"),
          Map.entry("http.buffer.heap.percent", "25"),
          Map.entry("http.write.timeout.seconds", "20"),
          Map.entry("query.timeout.seconds", "15"),
          Map.entry("query.slow.ms", "500"),
          Map.entry("tiles.cache.mb", "128"),
          Map.entry("auth.secret", ""),
          Map.entry("auth.token.hours", "12"),
          Map.entry("auth.revocation.cache.ms", "1000"),
          Map.entry("auth.throttle.window.seconds", "300"),
          Map.entry("auth.throttle.user.max", "5"),
          Map.entry("auth.throttle.address.max", "20"),
          Map.entry("proxy.trusted", ""),
          Map.entry("web.dir", ""),
          Map.entry("basemap.tianditu.key", ""),
          Map.entry("basemap.osm.url", ""),
          Map.entry("basemap.amap.url", ""),
          Map.entry("basemap.wmts.url", ""),
          Map.entry("basemap.wmts.name", ""),
          Map.entry("basemap.package", ""),
          Map.entry("basemap.package.name", ""),
          Map.entry("basemap.default", ""),
          Map.entry("map.review.number", ""),
          Map.entry("public.url", ""),
          Map.entry("http.allowed.hosts", ""),
          Map.entry("sites.result.limit", "5000"),
          Map.entry("sites.candidates.max", "100000"),
          Map.entry("sites.polygon.max.vertices", "5000"),
          Map.entry("sites.nearest.max.km", "100"),
          Map.entry("efficiency.min.group", "3"),
          Map.entry("efficiency.report.font", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Map.entry("imports.max.bytes", "20000000"),
          Map.entry("imports.parcels.max.bytes", "200000000"));

  private final Map<String, String> values;
  private final Map<String, String> origins;

  private Config(Map<String, String> values, Map<String, String> origins) {
    this.values = Collections.unmodifiableMap(values);
    this.origins = Collections.unmodifiableMap(origins);
  }

  /** Defaults only, plus the given overrides; for tests. */
  public static Config of(Map<String, String> overrides) {
    Map<String, String> v = new TreeMap<>(DEFAULTS);
    Map<String, String> o = new TreeMap<>();
    DEFAULTS.keySet().forEach(k -> o.put(k, "default"));
    overrides.forEach(
        (k, val) -> {
          v.put(k, val);
          o.put(k, "test");
        });
    return new Config(v, o);
  }

  /**
   * Reads the layers in order. The file is {@code --config FILE}, else {@code ZONEATLAS_CONFIG},
   * else {@code zoneatlas.properties} in the working directory if present.
   */
  public static Config load(String[] args, Map<String, String> env) {
    Map<String, String> flags = parseFlags(args);
    Map<String, String> v = new TreeMap<>(DEFAULTS);
    Map<String, String> o = new TreeMap<>();
    DEFAULTS.keySet().forEach(k -> o.put(k, "default"));

    String file = flags.getOrDefault("config", env.get("ZONEATLAS_CONFIG"));
    Path path = file != null ? Path.of(file) : Path.of("zoneatlas.properties");
    if (file != null && !Files.isRegularFile(path)) {
      throw new ConfigException("config file not found: " + path);
    }
    if (Files.isRegularFile(path)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(path);
          var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
        p.load(reader);
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
      }
      for (String k : p.stringPropertyNames()) {
        v.put(k, p.getProperty(k).trim());
        o.put(k, "file " + path);
      }
    }
    for (String k : new ArrayList<>(v.keySet())) {
      String envKey = "ZONEATLAS_" + k.toUpperCase(Locale.ROOT).replace('.', '_');
      if (env.containsKey(envKey)) {
        v.put(k, env.get(envKey));
        o.put(k, "environment " + envKey);
      }
    }
    // users are open-ended keys (auth.user.NAME), so pick them up from the environment by prefix
    env.forEach(
        (k, val) -> {
          if (k.startsWith("ZONEATLAS_AUTH_USER_")) {
            String key = "auth.user." + k.substring("ZONEATLAS_AUTH_USER_".length()).toLowerCase(Locale.ROOT);
            v.put(key, val);
            o.put(key, "environment " + k);
          }
        });
    flags.remove("config");
    flags.forEach(
        (k, val) -> {
          v.put(k, val);
          o.put(k, "command line");
        });
    Config c = new Config(v, o);
    c.validate();
    return c;
  }

  private static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + a + "' (flags look like --port 8080)");
      }
      String key = a.substring(2);
      String val;
      int eq = key.indexOf('=');
      if (eq >= 0) {
        val = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        val = args[++i];
      } else {
        val = "true";
      }
      if (key.equals("db")) {
        key = "db.url";
      }
      flags.put(key, val);
    }
    return flags;
  }

  private void validate() {
    for (String k : values.keySet()) {
      if (!DEFAULTS.containsKey(k) && !k.startsWith("auth.user.") && !k.startsWith("x.")) {
        throw new ConfigException("unknown setting '" + k + "' (from " + origins.get(k) + ")");
      }
    }
    int port = integer("port");
    if (port < 0 || port > 65535) {
      throw new ConfigException("port must be 0..65535, got " + port);
    }
    if (integer("items.limit.default") < 1 || integer("items.limit.max") < integer("items.limit.default")) {
      throw new ConfigException("items.limit.default must be >= 1 and <= items.limit.max");
    }
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new ConfigException("no such setting: " + key);
    }
    return v;
  }

  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }

  public int integer(String key) {
    try {
      return Integer.parseInt(get(key).trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + get(key) + "' (from " + origin(key) + ")");
    }
  }

  public long longValue(String key) {
    try {
      return Long.parseLong(get(key).trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + get(key) + "'");
    }
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(get(key).trim());
  }

  /** Keys starting with the prefix, prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> m = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            m.put(k.substring(prefix.length()), v);
          }
        });
    return m;
  }

  /** A copy with one value replaced. */
  public Config with(String key, String value) {
    Map<String, String> v = new TreeMap<>(values);
    Map<String, String> o = new TreeMap<>(origins);
    v.put(key, value);
    o.put(key, "override");
    return new Config(v, o);
  }

  /** Thrown for any bad setting; start-up prints the message and exits. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
