package zoneatlas.ogc;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class PagingPostgisContractTest extends PagingContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
