package zoneatlas.imports;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("postgis")
class FigureImportPostgisContractTest extends FigureImportContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
