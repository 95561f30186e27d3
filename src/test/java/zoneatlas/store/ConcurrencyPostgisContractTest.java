package zoneatlas.store;

import org.junit.jupiter.api.Tag;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class ConcurrencyPostgisContractTest extends ConcurrencyContract {
  @Override
  SqlStore writableStore() {
    return TestStores.postgisCopy();
  }
}
