package zoneatlas.store;

import zoneatlas.testing.TestStores;

class ConcurrencyH2gisContractTest extends ConcurrencyContract {
  @Override
  SqlStore writableStore() {
    return TestStores.h2Copy();
  }
}
