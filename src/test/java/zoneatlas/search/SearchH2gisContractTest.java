package zoneatlas.search;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class SearchH2gisContractTest extends SearchContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
