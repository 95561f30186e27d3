package zoneatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TileCacheTest {
  static TileCache.Key key(String version) {
    return new TileCache.Key(version, List.of("parcels"), 14, 13358, 6458);
  }

  @Test
  void aNewDataVersionIsANewTile() throws Exception {
    TileCache cache = new TileCache(1 << 20);
    AtomicInteger renders = new AtomicInteger();
    byte[] a = cache.get(key("7"), () -> new byte[] {(byte) renders.incrementAndGet()});
    assertSame(a, cache.get(key("7"), () -> new byte[] {(byte) renders.incrementAndGet()}), "same version: kept");
    byte[] b = cache.get(key("8"), () -> new byte[] {(byte) renders.incrementAndGet()});
    assertArrayEquals(new byte[] {2}, b, "after a write the tile is rendered again");
    assertEquals(2, renders.get());
  }

  @Test
  void aFailedQueryIsNotKeptAndReachesTheCallerAsItself() throws Exception {
    TileCache cache = new TileCache(1 << 20);
    SQLException boom = new SQLException("gone", "08006");
    assertSame(boom, assertThrows(SQLException.class, () -> cache.get(key("1"), () -> {
      throw boom;
    })));
    assertArrayEquals(new byte[] {5}, cache.get(key("1"), () -> new byte[] {5}), "the next request renders");
  }

  @Test
  void sizeZeroRendersEveryTime() throws Exception {
    TileCache cache = new TileCache(0);
    AtomicInteger renders = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      cache.get(key("1"), () -> new byte[renders.incrementAndGet()]);
    }
    assertEquals(3, renders.get());
  }

  @Test
  void concurrentMissesForOneTileRunOneQuery() throws Exception {
    TileCache cache = new TileCache(1 << 20);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Future<byte[]> first = pool.submit(() -> cache.get(key("3"), () -> {
        renders.incrementAndGet();
        inside.countDown();
        await(release);
        return new byte[] {42};
      }));
      assertEquals(true, inside.await(10, TimeUnit.SECONDS), "the first request reached the database");
      List<Future<byte[]>> others = new java.util.ArrayList<>();
      for (int i = 0; i < 7; i++) {
        others.add(pool.submit(() -> cache.get(key("3"), () -> {
          renders.incrementAndGet();
          return new byte[] {0};
        })));
      }
      release.countDown();
      assertArrayEquals(new byte[] {42}, first.get(10, TimeUnit.SECONDS));
      for (Future<byte[]> f : others) {
        assertArrayEquals(new byte[] {42}, f.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, renders.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
