package zoneatlas.store;

import zoneatlas.testing.TestStores;

class InvalidationH2gisContractTest extends InvalidationContract {
  @Override
  SqlStore writableStore() {
    return TestStores.h2Copy();
  }
}
