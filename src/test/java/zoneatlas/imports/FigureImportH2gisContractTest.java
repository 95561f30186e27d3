package zoneatlas.imports;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class FigureImportH2gisContractTest extends FigureImportContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
