package zoneatlas.store;

import org.junit.jupiter.api.AfterAll;
import zoneatlas.testing.TestStores;

/** On H2 a CREATE TABLE commits, so these tests get an embedded store of their own. */
class GeometryIoH2gisContractTest extends GeometryIoContract {
  private static SqlStore store;

  @Override
  SqlStore store() {
    synchronized (GeometryIoH2gisContractTest.class) {
      if (store == null) {
        store = TestStores.freshH2();
      }
      return store;
    }
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }
}
