package zoneatlas.efficiency;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class EfficiencyCardH2gisContractTest extends EfficiencyCardContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
