package zoneatlas.editing;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class EditingPostgisContractTest extends EditingContract {
  @Override
  SqlStore writableStore() {
    return TestStores.postgisCopy();
  }
}
