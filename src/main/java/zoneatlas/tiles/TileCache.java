package zoneatlas.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.util.List;

/**
 * Encoded tiles kept in memory, keyed by the data version they were made from. Tiles are the same
 * for every role, and every write moves the data version, so an entry can never be served stale:
 * after an edit or import the next request asks for a new key and the old entries age out. Each
 * server keeps its own cache and the database stays the one truth, so servers behind a load
 * balancer need no coordination and a restart only costs the first requests. Concurrent misses
 * for one tile wait for a single query (a map opening at one place asks for the same tiles at once).
 */
final class TileCache {
  record Key(String dataVersion, List<String> layers, int z, int x, int y) {}

  @FunctionalInterface
  interface Render {
    byte[] tile() throws SQLException;
  }

  private final Cache<Key, byte[]> cache;

  /** {@code maxBytes} 0: no cache, every tile is rendered. */
  TileCache(long maxBytes) {
    this.cache = maxBytes <= 0 ? null
        : Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key k, byte[] v) -> v.length + 64).build();
  }

  byte[] get(Key key, Render render) throws SQLException {
    if (cache == null) {
      return render.tile();
    }
    try {
      return cache.get(key, k -> {
        try {
          return render.tile();
        } catch (SQLException e) {
          throw new Failed(e);
        }
      });
    } catch (Failed f) {
      throw f.sql;
    }
  }

  /** Carries the query's failure through Caffeine's loader; nothing is cached then. */
  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SQLException sql;

    Failed(SQLException sql) {
      super(null, null, false, false);
      this.sql = sql;
    }
  }
}
