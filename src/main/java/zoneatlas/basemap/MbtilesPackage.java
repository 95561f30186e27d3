package zoneatlas.basemap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * An MBTiles 1.3 file (SQLite: {@code metadata} and {@code tiles}), read through sqlite-jdbc,
 * opened read-only so a package another process is writing cannot be damaged. SQLite connections
 * are not for concurrent use, so each request borrows one of a few; they are opened as needed.
 */
final class MbtilesPackage implements TilePackage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONNECTIONS = 4;
  private final String url;
  private final SQLiteConfig config;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(CONNECTIONS);
  private final Info info;
  private final String tileSql = sql("tile");
  private int opened;

  private MbtilesPackage(Path file) throws IOException {
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
    try {
      Connection c = connect();
      try {
        this.info = readInfo(c, file);
      } finally {
        release(c);
      }
    } catch (SQLException e) {
      close();
      throw new IOException(file + " is not a readable MBTiles file: " + e.getMessage(), e);
    }
  }

  static MbtilesPackage open(Path file) throws IOException {
    return new MbtilesPackage(file);
  }

  private Info readInfo(Connection c, Path file) throws SQLException {
    Map<String, String> meta = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql("metadata"));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    int minZoom = intOr(meta.get("minzoom"), -1);
    int maxZoom = intOr(meta.get("maxzoom"), -1);
    if (minZoom < 0 || maxZoom < 0) {
      try (PreparedStatement ps = c.prepareStatement(sql("zooms"));
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        minZoom = minZoom < 0 ? rs.getInt(1) : minZoom;
        maxZoom = maxZoom < 0 ? rs.getInt(2) : maxZoom;
      }
    }
    List<Map<String, Object>> layers = new ArrayList<>();
    String json = meta.get("json");
    if (json != null && !json.isBlank()) {
      try {
        Map<String, Object> m = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        if (m.get("vector_layers") instanceof List<?> l) {
          for (Object o : l) {
            if (o instanceof Map<?, ?> layer) {
              @SuppressWarnings("unchecked")
              Map<String, Object> typed = (Map<String, Object>) layer;
              layers.add(typed);
            }
          }
        }
      } catch (IOException e) {
        // a broken json entry only costs the layer list, which the map can do without
      }
    }
    String name = meta.getOrDefault("name", file.getFileName().toString());
    return new Info("mbtiles", TilePackage.normaliseFormat(meta.get("format")), minZoom, maxZoom,
        bounds(meta.get("bounds")), name, meta.getOrDefault("attribution", ""), List.copyOf(layers));
  }

  @Override
  public Info info() {
    return info;
  }

  @Override
  public byte[] tile(int z, int x, int y) throws IOException {
    if (z < info.minZoom() || z > info.maxZoom()) {
      return null;
    }
    Connection c = null;
    try {
      c = borrow();
      try (PreparedStatement ps = c.prepareStatement(tileSql)) {
        ps.setInt(1, z);
        ps.setInt(2, x);
        ps.setInt(3, (1 << z) - 1 - y);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? TilePackage.gunzipIfNeeded(rs.getBytes(1)) : null;
        }
      }
    } catch (SQLException e) {
      throw new IOException("MBTiles tile " + z + "/" + x + "/" + y + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the MBTiles file", e);
    } finally {
      if (c != null) {
        release(c);
      }
    }
  }

  private Connection borrow() throws SQLException, InterruptedException {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    synchronized (this) {
      if (opened < CONNECTIONS) {
        return connect();
      }
    }
    return idle.take();
  }

  private synchronized Connection connect() throws SQLException {
    Connection c = config.createConnection(url);
    opened++;
    return c;
  }

  private void release(Connection c) {
    if (!idle.offer(c)) {
      closeQuietly(c);
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // read-only: nothing to lose
    }
  }

  private static int intOr(String v, int dflt) {
    try {
      return v == null ? dflt : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  static double[] bounds(String v) {
    if (v == null) {
      return null;
    }
    String[] p = v.split(",");
    if (p.length != 4) {
      return null;
    }
    try {
      double[] b = new double[4];
      for (int i = 0; i < 4; i++) {
        b[i] = Double.parseDouble(p[i].strip());
      }
      return b;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The SQLite statements, in named files like every other SQL of the server. */
  private static String sql(String name) {
    try (InputStream in = MbtilesPackage.class.getClassLoader().getResourceAsStream("sql/mbtiles/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("no SQL named mbtiles/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
