package zoneatlas.ogc;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class OgcApiH2gisContractTest extends OgcApiContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
