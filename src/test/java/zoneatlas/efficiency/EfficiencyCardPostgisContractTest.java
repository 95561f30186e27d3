package zoneatlas.efficiency;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class EfficiencyCardPostgisContractTest extends EfficiencyCardContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
