package zoneatlas.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.history.Change;
import zoneatlas.history.ChangeLog;
import zoneatlas.history.Versions;
import zoneatlas.model.PlanFeature;
import zoneatlas.model.Synthetic;
import zoneatlas.store.DataWriter;
import zoneatlas.store.Store;
import zoneatlas.store.Transactions;

/**
 * Puts the demo data into an empty store: the schematic plan layers from {@code geodata/plan/}
 * and the synthetic parcels and enterprises the seeded generator makes from them. Everything is
 * validated first and written in one transaction, so a failed load leaves the store empty.
 */
public final class DemoLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  private static final String PLAN_DIR = "geodata/plan/";

  private DemoLoader() {}

  /** Reads and validates every plan file listed in {@code geodata/plan/files.txt}. */
  public static List<PlanFeature> readPlan() {
    List<PlanFeature> all = new ArrayList<>();
    PlanValidator validator = new PlanValidator();
    for (String file : planFiles()) {
      try (InputStream in = resource(PLAN_DIR + file)) {
        if (in == null) {
          throw new LoadException(file, null, "listed in files.txt but missing");
        }
        List<PlanFeature> features = new PlanReader().read(file, in);
        validator.check(file, features);
        all.addAll(features);
      } catch (IOException e) {
        throw new LoadException(file, null, e.getMessage());
      }
    }
    validator.checkTogether("geodata/plan", all);
    PlacementNotes.apply(all);
    return all;
  }

  static List<String> planFiles() {
    try (InputStream in = resource(PLAN_DIR + "files.txt")) {
      if (in == null) {
        throw new LoadException("geodata/plan/files.txt", null, "missing");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    } catch (IOException e) {
      throw new LoadException("geodata/plan/files.txt", null, e.getMessage());
    }
  }

  private static InputStream resource(String path) {
    return DemoLoader.class.getClassLoader().getResourceAsStream(path);
  }

  /** True when the store holds no plan features yet. */
  public static boolean isEmpty(Store store) throws SQLException {
    try (Connection c = store.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(store.sql("count_plan_features"))) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  /** Loads plan and synthetic data into an empty store, in one transaction. */
  public static void load(Store store, long seed) throws SQLException {
    long t0 = System.nanoTime();
    List<PlanFeature> plan = readPlan();
    Synthetic syn = new SyntheticGenerator(seed).generate(plan);
    write(store, plan, syn, seed);
    LOG.info("demo data loaded into {}: {} plan features, {} synthetic parcels, {} enterprises in {} ms",
        store.description(), plan.size(), syn.parcels().size(), syn.enterprises().size(), (System.nanoTime() - t0) / 1_000_000);
  }

  public static void write(Store store, List<PlanFeature> plan, Synthetic syn, long seed) throws SQLException {
    Transactions.run(store, c -> {
      // the load is the history's first entry: every version it writes begins with it, so each row
      // is inserted with the change's id and instant (no second pass over every row)
      Change load = Change.system("load", "*", "demo data, seed " + seed);
      long change = new ChangeLog(store, c).open(load, plan.size() + " plan features, " + syn.parcels().size()
          + " parcels, " + syn.enterprises().size() + " enterprises (schematic and synthetic)",
          plan.size() + syn.parcels().size() + syn.enterprises().size());
      DataWriter w = new DataWriter(store, c);
      DataWriter stamped = w.stamped(change, Versions.timestamp(load.at()));
      stamped.plan(plan);
      stamped.parcels(syn.parcels());
      stamped.enterprises(syn.enterprises());
      stamped.landUses(syn.landUses());
      w.figures(syn.figures());
      try (PreparedStatement ps = c.prepareStatement(store.sql("demo_load_feature_changes"))) {
        for (int i = 1; i <= 3; i++) {
          ps.setLong(i, change);
        }
        ps.executeUpdate();
      }
      w.meta("data_version", Long.toString(System.currentTimeMillis()));
      w.meta("demo_seed", Long.toString(seed));
      w.meta("loaded_at", Instant.now().toString());
      return null;
    });
  }
}
