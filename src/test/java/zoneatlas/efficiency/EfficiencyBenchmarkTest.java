package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.model.YearFigures;

/**
 * Recomputes every indicator, score and class for 100,000 synthetic enterprises under each
 * shipped scheme and prints the times, with a baseline (a plain loop summing the same figures)
 * measured in the same run, so the ratio means something on any machine. Benchmark tier only:
 * {@code mvn test -Pbench -Dgroups=bench -Dtest=EfficiencyBenchmarkTest}. Never asserts a time.
 */
@Tag("bench")
class EfficiencyBenchmarkTest {
  static final int ENTERPRISES = 100_000;
  static final int ROUNDS = 5;
  static final int WARMUP = 3;

  @Test
  void recomputeEverythingForOneHundredThousandEnterprises() {
    long t0 = System.nanoTime();
    EfficiencyData d = SyntheticWorld.make(ENTERPRISES, 42);
    double genMs = (System.nanoTime() - t0) / 1e6;
    assertEquals(ENTERPRISES, d.enterprises.size());
    System.out.printf(Locale.ROOT, "bench: %,d enterprises, %,d parcels, %,d land links, generated in %.0f ms%n",
        d.enterprises.size(), d.parcels.size(), d.landUses.size(), genMs);
    Schemes schemes = Schemes.load();
    // warm-up: three full rounds, so the times below are for compiled code
    for (int i = 0; i < WARMUP; i++) {
      for (Scheme s : schemes.all()) {
        EfficiencyEngine.compute(d, s, 2024);
      }
      baseline(d);
    }
    double base = Double.MAX_VALUE;
    for (int i = 0; i < ROUNDS; i++) {
      long a = System.nanoTime();
      double sum = baseline(d);
      base = Math.min(base, (System.nanoTime() - a) / 1e6);
      if (sum < 0) {
        throw new IllegalStateException();
      }
    }
    double all = 0;
    for (Scheme s : schemes.all()) {
      double best = Double.MAX_VALUE;
      int classed = 0;
      for (int i = 0; i < ROUNDS; i++) {
        long a = System.nanoTime();
        EfficiencyResult r = EfficiencyEngine.compute(d, s, 2024);
        best = Math.min(best, (System.nanoTime() - a) / 1e6);
        classed = (int) r.enterprises.stream().filter(x -> x.cls() != null).count();
      }
      all += best;
      System.out.printf(Locale.ROOT, "bench: %-20s %8.1f ms (best of %d), %,d classed, %.0fx the baseline%n", s.id(), best,
          ROUNDS, classed, best / base);
    }
    System.out.printf(Locale.ROOT, "bench: all three schemes %.1f ms; baseline (sum of every figure of the year) %.2f ms%n",
        all, base);
  }

  @Test
  void decidingWhatMayBePublishedCostsLessThanTheComputation() {
    EfficiencyData d = SyntheticWorld.make(ENTERPRISES, 42);
    Scheme s = Schemes.load().defaultScheme();
    EfficiencyResult r = EfficiencyEngine.compute(d, s, 2024);
    for (int i = 0; i < WARMUP; i++) {
      EfficiencyEngine.compute(d, s, 2024);
      Disclosure.decide(r, 3);
    }
    double engine = Double.MAX_VALUE;
    double decide = Double.MAX_VALUE;
    Disclosure x = null;
    for (int i = 0; i < ROUNDS; i++) {
      long a = System.nanoTime();
      r = EfficiencyEngine.compute(d, s, 2024);
      engine = Math.min(engine, (System.nanoTime() - a) / 1e6);
      a = System.nanoTime();
      x = Disclosure.decide(r, 3);
      decide = Math.min(decide, (System.nanoTime() - a) / 1e6);
    }
    System.out.printf(Locale.ROOT, "bench: disclosure decision %.1f ms against the computation %.1f ms (%.2fx; goal: at most 1x"
        + " more, i.e. both together within 2x); withheld %s%n", decide, engine, decide / engine, x.withheldCounts());
  }

  /** A plain loop that reads and sums the year's figures of every enterprise. */
  private static double baseline(EfficiencyData d) {
    YearFigures[] f = d.figures(2024);
    double s = 0;
    for (YearFigures y : f) {
      if (y != null) {
        s += (y.taxWan() == null ? 0 : y.taxWan()) + (y.revenueWan() == null ? 0 : y.revenueWan())
            + (y.valueAddedWan() == null ? 0 : y.valueAddedWan()) + (y.energyTce() == null ? 0 : y.energyTce());
      }
    }
    return s;
  }
}
