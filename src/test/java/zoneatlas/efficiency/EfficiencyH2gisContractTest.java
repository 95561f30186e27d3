package zoneatlas.efficiency;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class EfficiencyH2gisContractTest extends EfficiencyContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
