package zoneatlas.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import zoneatlas.demo.SynthFabric.Block;
import zoneatlas.demo.SynthFabric.Frame;
import zoneatlas.demo.SynthFabric.Lot;
import zoneatlas.demo.SyntheticGenerator.Ctx;
import zoneatlas.model.Parcel;

/**
 * The benchmark fabric behind {@link SyntheticGenerator#benchParcels(int, long)}: a square road
 * grid centred on Zhengzhou (113.775E, 34.725N), blocks of 200-350 m filled from the centre
 * outwards with lots of 0.3-3 ha until exactly n parcels exist. Up to about 60,000 parcels the
 * fabric stays inside 113.6-113.95E / 34.6-34.85N; larger n spreads it further out (200,000
 * parcels cover roughly a 55 km square). Blocks are grouped into synthetic parks of about 2 km
 * ({@code bench-park-0001}, ...) and boards of about 6 km; the west half is zone {@code zzhitech},
 * the east half {@code zzetdz}.
 */
final class SynthBench {
  private SynthBench() {}

  private static final double LOT_MIN_M2 = 3000;
  private static final double LOT_MAX_M2 = 30000;

  private static final SynthFabric.LotSize SIZE = new SynthFabric.LotSize() {
    @Override
    public double sample(Random rnd) {
      return Math.min(LOT_MAX_M2, Math.max(LOT_MIN_M2, 9000 * Math.exp(0.5 * rnd.nextGaussian())));
    }

    @Override
    public double typical() {
      return 9000;
    }

    @Override
    public double pWholeBlock() {
      return 0;
    }
  };

  static List<Parcel> parcels(int n, long seed) {
    return parcels(n, seed, null);
  }

  /** As {@link #parcels(int, long)}; when {@code ctxs} is given, each parcel's park is added to it. */
  static List<Parcel> parcels(int n, long seed, List<Ctx> ctxs) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    // about 7 lots per 275 m x 275 m block plus roads: size the square with some margin, and
    // start again from the same seed with a bigger square in the unlikely case it is too small
    for (double margin = 1.1; ; margin *= 1.3) {
      List<Ctx> parks = ctxs == null ? null : new ArrayList<>(n);
      List<Parcel> out = attempt(n, seed, Math.sqrt((n / 6.0 + 4) * 305 * 305) * margin, parks);
      if (out != null) {
        if (ctxs != null) {
          ctxs.addAll(parks);
        }
        return out;
      }
    }
  }

  private static List<Parcel> attempt(int n, long seed, double side, List<Ctx> ctxs) {
    Random rnd = new Random(seed);
    List<Parcel> out = new ArrayList<>(n);
    Frame frame = new Frame(113.775, 34.725, 3.0);
    List<Block> blocks =
        new ArrayList<>(SynthFabric.grid(new Envelope(-side / 2, side / 2, -side / 2, side / 2), rnd, 200, 350));
    blocks.sort(Comparator.comparingDouble((Block b) -> {
      double u = (b.u0() + b.u1()) / 2;
      double v = (b.v0() + b.v1()) / 2;
      return u * u + v * v;
    }));
    Map<String, Ctx> parks = new HashMap<>();
    Map<String, Integer> seq = new HashMap<>();
    int parkNo = 0;
    int bi = 0;
    while (out.size() < n) {
      if (bi == blocks.size()) {
        return null;
      }
      Block b = blocks.get(bi++);
      double cu = (b.u0() + b.u1()) / 2;
      double cv = (b.v0() + b.v1()) / 2;
      String key = Math.floorDiv((long) cu, 2000) + "/" + Math.floorDiv((long) cv, 2000);
      Ctx ctx = parks.get(key);
      if (ctx == null) {
        parkNo++;
        String zone = cu < 0 ? "zzhitech" : "zzetdz";
        String kind = parkNo % 7 == 0 ? "logistics_park" : parkNo % 11 == 0 ? "innovation_park" : "industrial_park";
        String board = String.format(Locale.ROOT, "bench-board-%d-%d", Math.floorDiv((long) cu, 6000) + 50,
            Math.floorDiv((long) cv, 6000) + 50);
        List<String> ind = SyntheticGenerator.defaultIndustries(kind);
        int rot = rnd.nextInt(ind.size());
        List<String> rotated = new ArrayList<>(ind.subList(rot, ind.size()));
        rotated.addAll(ind.subList(0, rot));
        ctx = new Ctx(zone, board, String.format(Locale.ROOT, "bench-park-%04d", parkNo), kind, rotated);
        SynthAttrs.initCtx(ctx, rnd);
        parks.put(key, ctx);
      }
      boolean developed = rnd.nextDouble() >= 0.2;
      for (double[] ring : SynthFabric.lots(b, SIZE, rnd)) {
        if (out.size() >= n) {
          break;
        }
        Lot lot = SynthFabric.finish(frame.polygon(ring));
        if (lot == null || lot.areaM2() < LOT_MIN_M2 || lot.areaM2() > LOT_MAX_M2) {
          continue;
        }
        String z = ctx.zone.toUpperCase(Locale.ROOT);
        int k = seq.merge(z, 1, Integer::sum);
        String id = String.format(Locale.ROOT, "P-%s-%06d", z, k);
        out.add(SynthAttrs.parcel(id, ctx, null, ctx.industries, developed, lot, rnd));
        if (ctxs != null) {
          ctxs.add(ctx);
        }
      }
    }
    return out;
  }
}
