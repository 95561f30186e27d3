package zoneatlas.tiles;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class TilesH2gisContractTest extends TilesContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
