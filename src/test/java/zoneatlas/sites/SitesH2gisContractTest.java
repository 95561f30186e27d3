package zoneatlas.sites;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class SitesH2gisContractTest extends SitesContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
