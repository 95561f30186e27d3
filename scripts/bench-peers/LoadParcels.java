import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import zoneatlas.demo.SyntheticGenerator;
import zoneatlas.model.Parcel;
import zoneatlas.store.DataWriter;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;

/**
 * Loads the bench parcels (SyntheticGenerator.benchParcels, seed 42, as BenchDatabase does) into an
 * empty PostGIS database, for scripts/bench-peers.sh. Run as a single-file program on the shaded jar:
 * java -cp target/zoneatlas.jar scripts/bench-peers/LoadParcels.java JDBC_URL USER COUNT
 */
public class LoadParcels {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    int n = Integer.parseInt(args[2]);
    long t0 = System.nanoTime();
    SqlStore s = PostgisStore.open(url, user, "", 4, 120);
    List<Parcel> parcels = SyntheticGenerator.benchParcels(n, 42);
    try (Connection conn = s.connection()) {
      conn.setAutoCommit(false);
      DataWriter w = new DataWriter(s, conn);
      w.parcels(parcels);
      w.meta("data_version", "bench-peers");
      conn.commit();
      conn.setAutoCommit(true);
      try (Statement st = conn.createStatement()) {
        st.execute("ANALYZE");
      }
    }
    s.close();
    System.out.printf("loaded %d parcels in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
  }
}
