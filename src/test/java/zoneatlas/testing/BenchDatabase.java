package zoneatlas.testing;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import zoneatlas.demo.SyntheticGenerator;
import zoneatlas.model.Parcel;
import zoneatlas.store.DataWriter;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;

/**
 * For benchmarks only: a separate PostGIS database in the test cluster holding
 * {@link #PARCELS} synthetic parcels, made once per JVM.
 */
public final class BenchDatabase {
  public static final int PARCELS = 200_000;
  private static SqlStore store;

  private BenchDatabase() {}

  public static synchronized SqlStore parcels() throws Exception {
    if (store != null) {
      return store;
    }
    PostgisCluster c = PostgisCluster.get();
    try (Connection conn = TestStores.postgis().connection();
        Statement s = conn.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS bench");
      s.execute("CREATE DATABASE bench");
    }
    String url = c.jdbcUrl().replace("/zoneatlas", "/bench");
    SqlStore s = PostgisStore.open(url, c.user(), "", 8, 60);
    long t0 = System.nanoTime();
    List<Parcel> parcels = SyntheticGenerator.benchParcels(PARCELS, 42);
    try (Connection conn = s.connection()) {
      conn.setAutoCommit(false);
      DataWriter w = new DataWriter(s, conn);
      w.parcels(parcels);
      w.meta("data_version", "bench");
      conn.commit();
      conn.setAutoCommit(true);
      try (Statement st = conn.createStatement()) {
        st.execute("ANALYZE");
      }
    }
    System.out.printf("bench database: %d parcels generated and loaded in %d ms%n", PARCELS, (System.nanoTime() - t0) / 1_000_000);
    store = s;
    return s;
  }
}
