package zoneatlas.sites;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class SitesPostgisContractTest extends SitesContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
