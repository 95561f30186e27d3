package zoneatlas.store;

import zoneatlas.testing.TestStores;

/**
 * {@link RollbackContract} on the embedded store, with every fault. Closing an H2 session under a
 * write once left the store refusing later inserts ("Check constraint invalid"): the schema's
 * CHECK constraints were bound to the pooled session that created them (see
 * {@code H2gisStore.schemaSession}; {@link H2SchemaSessionTest}).
 */
class RollbackH2gisContractTest extends RollbackContract {
  @Override
  SqlStore writableStore() {
    return TestStores.h2Copy();
  }
}
