package zoneatlas.editing;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class EditingH2gisContractTest extends EditingContract {
  @Override
  SqlStore writableStore() {
    return TestStores.h2Copy();
  }
}
