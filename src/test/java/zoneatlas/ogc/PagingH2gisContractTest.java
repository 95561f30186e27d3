package zoneatlas.ogc;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class PagingH2gisContractTest extends PagingContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
