package zoneatlas.imports.spatial;

import zoneatlas.store.SqlStore;

/** The parcel import contract on the embedded store (a fresh one with the plan layers). */
class ParcelImportH2gisContractTest extends ParcelImportContract {
  private static SqlStore store;

  @Override
  SqlStore store() {
    synchronized (ParcelImportH2gisContractTest.class) {
      if (store == null) {
        store = ImportFixtures.h2WithPlan();
      }
      return store;
    }
  }
}
