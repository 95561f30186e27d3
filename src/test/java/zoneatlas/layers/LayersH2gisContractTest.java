package zoneatlas.layers;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class LayersH2gisContractTest extends LayersContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
