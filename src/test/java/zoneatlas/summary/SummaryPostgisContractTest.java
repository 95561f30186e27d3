package zoneatlas.summary;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class SummaryPostgisContractTest extends SummaryContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
