package zoneatlas.ogc;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class HttpCachingH2gisContractTest extends HttpCachingContract {
  @Override
  SqlStore writableStore() {
    return TestStores.h2Copy();
  }
}
