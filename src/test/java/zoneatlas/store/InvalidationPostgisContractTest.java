package zoneatlas.store;

import org.junit.jupiter.api.Tag;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class InvalidationPostgisContractTest extends InvalidationContract {
  @Override
  SqlStore writableStore() {
    return TestStores.postgisCopy();
  }
}
