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
    if (store == null) {
      store = fresh("bench");
    }
    return store;
  }

  /** A new database of that name holding {@link #PARCELS} parcels, for a benchmark that changes them. */
  public static SqlStore fresh(String name) throws Exception {
    PostgisCluster c = PostgisCluster.get();
    try (Connection conn = TestStores.postgis().connection();
        Statement s = conn.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    String url = c.jdbcUrl().replace("/zoneatlas", "/" + name);
    SqlStore s = PostgisStore.open(url, c.user(), "", 8, 120);
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
    System.out.printf("bench database %s: %d parcels generated and loaded in %d ms%n", name, PARCELS,
        (System.nanoTime() - t0) / 1_000_000);
    return s;
  }
}
