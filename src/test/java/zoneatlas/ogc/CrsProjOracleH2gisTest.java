package zoneatlas.ogc;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

@Tag("gdal")
class CrsProjOracleH2gisTest extends CrsProjOracleContract {
  @Override
  SqlStore store() {
    return TestStores.h2();
  }
}
