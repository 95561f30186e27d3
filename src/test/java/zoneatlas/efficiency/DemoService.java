package zoneatlas.efficiency;

import zoneatlas.testing.TestStores;

/**
 * One {@link EfficiencyService} over the shared demo store for the rule tests that need the demo's
 * results but no server: loaded once per JVM (under PIT, once per minion), so a test costs its own
 * work, not a demo reload. Its cache holds official results: tests using it belong in no mutation
 * run that mutates the engine or the repository (see /work/notes/pit-piteff2.md).
 */
final class DemoService {
  private static EfficiencyService svc;

  private DemoService() {}

  static synchronized EfficiencyService get() {
    if (svc == null) {
      svc = new EfficiencyService(TestStores.h2(), 3);
    }
    return svc;
  }
}
