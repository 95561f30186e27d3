package zoneatlas.efficiency;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class DisclosureH2gisContractTest extends DisclosureContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
