package zoneatlas.auth;

import org.junit.jupiter.api.Tag;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/** The confidentiality matrix on PostGIS. */
@Tag("postgis")
class ConfidentialityMatrixPostgisTest extends ConfidentialityMatrixContract {
  @Override
  SqlStore newStore() {
    return TestStores.postgisCopy();
  }
}
