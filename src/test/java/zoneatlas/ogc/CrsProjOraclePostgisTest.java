package zoneatlas.ogc;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("gdal")
@Tag("postgis")
class CrsProjOraclePostgisTest extends CrsProjOracleContract {
  @Override
  SqlStore store() {
    return TestStores.postgis();
  }
}
