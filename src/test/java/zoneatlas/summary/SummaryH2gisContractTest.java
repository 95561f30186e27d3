package zoneatlas.summary;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class SummaryH2gisContractTest extends SummaryContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
