package zoneatlas.efficiency;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class EvaluationPostgisContractTest extends EvaluationContract {
  @Override
  SqlStore store() {
    return TestStores.postgisCopy();
  }
}
