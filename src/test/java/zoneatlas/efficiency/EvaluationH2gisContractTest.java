package zoneatlas.efficiency;

import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

class EvaluationH2gisContractTest extends EvaluationContract {
  @Override
  SqlStore store() {
    return TestStores.h2Copy();
  }
}
