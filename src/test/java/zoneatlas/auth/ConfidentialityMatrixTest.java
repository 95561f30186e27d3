package zoneatlas.auth;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/** The confidentiality matrix on the embedded store. */
class ConfidentialityMatrixTest extends ConfidentialityMatrixContract {
  @Override
  SqlStore newStore() {
    return TestStores.h2Copy();
  }
}
