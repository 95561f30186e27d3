package zoneatlas.layers;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class LayersPostgisContractTest extends LayersContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
