package zoneatlas.imports.spatial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import zoneatlas.demo.DemoLoader;
import zoneatlas.store.DataWriter;
import zoneatlas.store.PostgisStore;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.PostgisCluster;
import zoneatlas.testing.TestStores;

/**
 * The committed fixtures of src/test/resources/imports/ (made by make_fixtures.py with GDAL's
 * ogr2ogr and gdaltransform) and writable stores holding only the plan layers.
 */
final class ImportFixtures {
  /** The three parcels as drawn, in CGCS2000 lon/lat: what every fixture must import back to. */
  static final String[] IDS = {"410171-001", "410171-002", "410171-003"};
  static final String PARK = "zzetdz-ip-shangqi-chengyongche";

  private ImportFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** id → polygon of master.geojson. */
  static Map<String, Polygon> master() {
    try {
      JsonNode root = new ObjectMapper().readTree(bytes("master.geojson"));
      Map<String, Polygon> m = new LinkedHashMap<>();
      GeoJsonReader r = new GeoJsonReader();
      for (JsonNode f : root.get("features")) {
        m.put(f.get("properties").get("宗地编号").asText(), (Polygon) r.read(f.get("geometry").toString()));
      }
      return m;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ImportOptions options(String... kv) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return ImportOptions.parse(p);
  }

  /** An empty embedded store of its own with the demo plan layers (no synthetic data). */
  static SqlStore h2WithPlan() {
    return withPlan(TestStores.freshH2());
  }

  /**
   * A PostGIS database of its own in the test cluster, so imports never touch the shared demo
   * database other tests read.
   */
  static SqlStore postgisWithPlan(String db) {
    PostgisCluster cluster = PostgisCluster.get();
    try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db);
      return withPlan(PostgisStore.open(cluster.jdbcUrl().replace("/zoneatlas", "/" + db), cluster.user(), "", 4, 30));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SqlStore withPlan(SqlStore store) {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      new DataWriter(store, c).plan(DemoLoader.readPlan());
      new DataWriter(store, c).meta("data_version", "plan-only");
      c.commit();
      return store;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Empties the parcels (and what refers to them) between tests. */
  static void clearParcels(SqlStore store) {
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM enterprise_figures");
      s.execute("DELETE FROM land_uses");
      s.execute("DELETE FROM enterprises");
      s.execute("DELETE FROM parcels");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
