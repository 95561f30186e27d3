package zoneatlas.search;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class SearchPostgisContractTest extends SearchContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
