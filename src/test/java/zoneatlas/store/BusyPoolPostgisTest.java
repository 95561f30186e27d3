package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestStores;

/**
 * A pool whose every connection is out on a query the database is answering is a queue, not an
 * outage: a request waits past the 1.5 s it would give a database that is away, and gets its turn.
 */
@Tag("postgis")
class BusyPoolPostgisTest {
  @Test
  void aRequestQueuesBehindBusyConnectionsInsteadOfFailing() throws Exception {
    try (PostgisStore store = PostgisStore.open(TestStores.postgisCopyUrl(), PostgisCluster.get().user(), "", 1, 30)) {
      CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
        try (Connection c = store.connection(); Statement st = c.createStatement()) {
          st.execute("SELECT pg_sleep(3)");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(300); // the only connection is now out on the slow query
      long t0 = System.nanoTime();
      try (Connection c = store.connection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms > SqlStore.CONNECTION_WAIT_MS, "it waited for its turn, past the outage wait: " + ms + " ms");
      busy.get(30, TimeUnit.SECONDS);
    }
  }
}
