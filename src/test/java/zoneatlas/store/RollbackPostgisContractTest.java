package zoneatlas.store;

import org.junit.jupiter.api.Tag;
import zoneatlas.testing.TestStores;

/** {@link RollbackContract} on PostGIS, on a copy of the demo database of its own. */
@Tag("postgis")
class RollbackPostgisContractTest extends RollbackContract {
  @Override
  SqlStore writableStore() {
    return TestStores.postgisCopy();
  }
}
