package zoneatlas.summary;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class SummaryFromItemsH2gisContractTest extends SummaryFromItemsContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
