package zoneatlas.summary;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class SummaryFromItemsPostgisContractTest extends SummaryFromItemsContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
