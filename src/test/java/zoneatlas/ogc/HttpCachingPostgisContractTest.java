package zoneatlas.ogc;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class HttpCachingPostgisContractTest extends HttpCachingContract {
  @Override
  SqlStore writableStore() {
    return TestStores.postgisCopy();
  }
}
