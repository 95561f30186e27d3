package zoneatlas.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import zoneatlas.geo.Geodesy;

/**
 * Parcel fabric geometry: a rotated local road grid, blocks split into rows and lots, lots clipped
 * to a region and rounded to 7 decimals.
 *
 * <p>Non-overlap is by construction: lots of one block tile it exactly, and every lot vertex that
 * lies on a neighbour's edge (a T-junction where row cuts do not line up) is inserted into the
 * neighbour's ring too, so that after rounding both rings still share the same vertices. Regions
 * that are filled independently (different parks, a park and its small-micro parks) are kept
 * apart by a gap of a few 1e-7 degrees, larger than any rounding move, and every region is inset
 * by {@link #INSET_DEG} from its park so rounded lots stay inside the park.
 */
final class SynthFabric {
  /** 7 decimals in lon/lat (about 1 cm). */
  static final PrecisionModel PM = new PrecisionModel(1e7);
  /** Factory for everything the generator hands out: 7 decimals, CGCS2000, packed 2-D coordinates. */
  private static final PackedCoordinateSequenceFactory PACKED =
      new PackedCoordinateSequenceFactory(PackedCoordinateSequenceFactory.DOUBLE);
  static final GeometryFactory GF = new GeometryFactory(PM, 4490, PACKED);
  /** Factory for intermediate, unrounded geometry. */
  static final GeometryFactory FLOAT = new GeometryFactory(new PrecisionModel(), 4490);
  /** Inset of a region from its park boundary, degrees: more than the largest rounding move (7.1e-8). */
  static final double INSET_DEG = 2e-7;
  /** Half-gap kept between independently filled regions, degrees. */
  static final double GAP_DEG = 3e-7;

  /** Smallest parcel kept, m² (1 mu). */
  static final double MIN_AREA_M2 = Geodesy.M2_PER_MU;
  /** Pieces less compact than this (4πA/P²) are dropped as slivers. */
  static final double MIN_COMPACTNESS = 0.12;
  /** Pieces narrower on average (2A/P) than this, metres, are dropped as slivers. */
  static final double MIN_MEAN_WIDTH_M = 6.0;

  private SynthFabric() {}

  /**
   * A local planar frame: u/v metres along axes rotated by {@code rotDeg} from east/north. The
   * metres-per-degree scales come from geodesic distances at the origin; the frame only lays out
   * the grid, every reported area or length is measured geodesically afterwards.
   */
  static final class Frame {
    final double lon0;
    final double lat0;
    final double mPerDegLon;
    final double mPerDegLat;
    final double cos;
    final double sin;

    Frame(double lon0, double lat0, double rotDeg) {
      this.lon0 = lon0;
      this.lat0 = lat0;
      this.mPerDegLon = Geodesy.distanceM(lon0 - 0.01, lat0, lon0 + 0.01, lat0) / 0.02;
      this.mPerDegLat = Geodesy.distanceM(lon0, lat0 - 0.01, lon0, lat0 + 0.01) / 0.02;
      double r = Math.toRadians(rotDeg);
      this.cos = Math.cos(r);
      this.sin = Math.sin(r);
    }

    double lon(double u, double v) {
      return lon0 + (u * cos - v * sin) / mPerDegLon;
    }

    double lat(double u, double v) {
      return lat0 + (u * sin + v * cos) / mPerDegLat;
    }

    /** {u, v} of a lon/lat point. */
    double[] uv(double lon, double lat) {
      double x = (lon - lon0) * mPerDegLon;
      double y = (lat - lat0) * mPerDegLat;
      return new double[] {x * cos + y * sin, -x * sin + y * cos};
    }

    /** Envelope in u/v of a lon/lat geometry. */
    Envelope uvEnvelope(Geometry g) {
      Envelope e = new Envelope();
      for (Coordinate c : g.getCoordinates()) {
        double[] p = uv(c.x, c.y);
        e.expandToInclude(p[0], p[1]);
      }
      return e;
    }

    /** Unrounded lon/lat polygon from a closed u/v ring given as u0,v0,u1,v1,... */
    Polygon polygon(double[] uvRing) {
      int n = uvRing.length / 2;
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        double u = uvRing[2 * i];
        double v = uvRing[2 * i + 1];
        cs[i] = new Coordinate(lon(u, v), lat(u, v));
      }
      return FLOAT.createPolygon(cs);
    }
  }

  /** A block of the road grid, in frame metres. */
  record Block(double u0, double u1, double v0, double v1) {}

  /**
   * Road grid covering {@code env}: blocks of 250-500 m each way, local roads of 20-30 m and a
   * 40 m arterial every third road. Order: rows of blocks south to north, west to east.
   */
  static List<Block> grid(Envelope env, Random rnd, double minBlock, double maxBlock) {
    double[] us = lines(env.getMinX(), env.getMaxX(), rnd, minBlock, maxBlock);
    double[] vs = lines(env.getMinY(), env.getMaxY(), rnd, minBlock, maxBlock);
    List<Block> out = new ArrayList<>();
    for (int j = 0; j + 1 < vs.length; j += 2) {
      for (int i = 0; i + 1 < us.length; i += 2) {
        out.add(new Block(us[i], us[i + 1], vs[j], vs[j + 1]));
      }
    }
    return out;
  }

  /** Block edges along one axis: start0, end0, start1, end1, ... covering [min, max]. */
  private static double[] lines(double min, double max, Random rnd, double minBlock, double maxBlock) {
    List<Double> ls = new ArrayList<>();
    double pos = min - rnd.nextDouble() * maxBlock * 0.5;
    int road = rnd.nextInt(3);
    while (pos < max) {
      double len = minBlock + rnd.nextDouble() * (maxBlock - minBlock);
      ls.add(pos);
      ls.add(pos + len);
      road++;
      double gap = road % 3 == 0 ? 40 : 20 + rnd.nextDouble() * 10;
      pos += len + gap;
    }
    double[] a = new double[ls.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ls.get(i);
    }
    return a;
  }

  /** How a block is split into lots. */
  interface LotSize {
    /** A lot area in m². */
    double sample(Random rnd);

    /** Typical lot area in m², sets the row depth. */
    double typical();

    /** Chance that a whole block is one lot. */
    double pWholeBlock();
  }

  /**
   * Lot rings (u/v, closed) tiling the block: rows parallel to its longer side, each row cut
   * into lots, T-junction vertices inserted so neighbouring rings share every vertex.
   */
  static List<double[]> lots(Block b, LotSize size, Random rnd) {
    double w = b.u1 - b.u0;
    double d = b.v1 - b.v0;
    boolean alongU = w >= d;
    double len = alongU ? w : d;
    double depth = alongU ? d : w;
    List<double[]> rings = new ArrayList<>();
    if (rnd.nextDouble() < size.pWholeBlock()) {
      rings.add(new double[] {b.u0, b.v0, b.u1, b.v0, b.u1, b.v1, b.u0, b.v1, b.u0, b.v0});
      return rings;
    }
    double ideal = Math.max(35, Math.sqrt(size.typical() * 1.4));
    int k = (int) Math.max(1, Math.round(depth / ideal));
    double rowD = depth / k;
    double[] bl = new double[k + 1];
    for (int r = 0; r <= k; r++) {
      bl[r] = r == k ? depth : r * rowD;
    }
    double minW = Math.max(12, rowD / 6);
    List<double[]> cuts = new ArrayList<>(k);
    double[] prev = null;
    for (int r = 0; r < k; r++) {
      List<Double> c = new ArrayList<>();
      c.add(0.0);
      double pos = 0;
      while (true) {
        double lw = Math.min(len, Math.max(minW, size.sample(rnd) / rowD));
        if (len - (pos + lw) < Math.max(minW, 0.4 * lw)) {
          // the rest of the row is one lot, or two equal ones when it is well over the drawn size
          double rest = len - pos;
          if (rest > 1.2 * lw && rest / 2 >= minW) {
            c.add(pos + rest / 2);
          }
          break;
        }
        double next = pos + lw;
        if (prev != null) { // line up with a cut of the row below when nearly aligned
          for (double pc : prev) {
            if (Math.abs(pc - next) < 3 && pc > pos + minW * 0.5 && pc < len) {
              next = pc;
              break;
            }
          }
        }
        c.add(next);
        pos = next;
      }
      c.add(len);
      double[] arr = new double[c.size()];
      for (int i = 0; i < arr.length; i++) {
        arr[i] = c.get(i);
      }
      cuts.add(arr);
      prev = arr;
    }
    for (int r = 0; r < k; r++) {
      double[] row = cuts.get(r);
      double[] below = r > 0 ? cuts.get(r - 1) : null;
      double[] above = r + 1 < k ? cuts.get(r + 1) : null;
      for (int i = 0; i + 1 < row.length; i++) {
        double a0 = row[i];
        double a1 = row[i + 1];
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {a0, bl[r]});
        if (below != null) {
          for (double x : below) {
            if (x > a0 && x < a1) {
              pts.add(new double[] {x, bl[r]});
            }
          }
        }
        pts.add(new double[] {a1, bl[r]});
        pts.add(new double[] {a1, bl[r + 1]});
        if (above != null) {
          for (int j = above.length - 1; j >= 0; j--) {
            double x = above[j];
            if (x > a0 && x < a1) {
              pts.add(new double[] {x, bl[r + 1]});
            }
          }
        }
        pts.add(new double[] {a0, bl[r + 1]});
        pts.add(new double[] {a0, bl[r]});
        double[] ring = new double[pts.size() * 2];
        for (int p = 0; p < pts.size(); p++) {
          double a = pts.get(p)[0];
          double bb = pts.get(p)[1];
          ring[2 * p] = alongU ? b.u0 + a : b.u0 + bb;
          ring[2 * p + 1] = alongU ? b.v0 + bb : b.v0 + a;
        }
        rings.add(ring);
      }
    }
    return rings;
  }

  /** The parts of {@code lot} inside {@code region} (lot unchanged when wholly inside). */
  static List<Polygon> clip(Polygon lot, Geometry region, PreparedGeometry prepRegion, boolean blockCovered) {
    List<Polygon> out = new ArrayList<>(2);
    if (blockCovered || prepRegion.covers(lot)) {
      out.add(lot);
      return out;
    }
    if (!prepRegion.intersects(lot)) {
      return out;
    }
    Geometry g = OverlayNGRobust.overlay(lot, region, OverlayNG.INTERSECTION);
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** A finished lot: rounded geometry and its geodesic area. */
  record Lot(Polygon geom, double areaM2) {}

  /**
   * Rounds a piece to 7 decimals (shell counter-clockwise, holes clockwise) and measures it;
   * null when rounding broke it, or it is under 1 mu, or it is a sliver.
   */
  static Lot finish(Polygon p) {
    LinearRing shell = roundRing(p.getExteriorRing().getCoordinateSequence(), true);
    if (shell == null) {
      return null;
    }
    List<LinearRing> holes = new ArrayList<>();
    for (int h = 0; h < p.getNumInteriorRing(); h++) {
      LinearRing hole = roundRing(p.getInteriorRingN(h).getCoordinateSequence(), false);
      if (hole != null) {
        holes.add(hole);
      }
    }
    Polygon q = GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
    double area = Geodesy.areaM2(q);
    if (area < MIN_AREA_M2) {
      return null;
    }
    double perim = Geodesy.lengthM(q.getExteriorRing());
    for (int h = 0; h < q.getNumInteriorRing(); h++) {
      perim += Geodesy.lengthM(q.getInteriorRingN(h));
    }
    if (4 * Math.PI * area / (perim * perim) < MIN_COMPACTNESS || 2 * area / perim < MIN_MEAN_WIDTH_M) {
      return null;
    }
    if (!new IsValidOp(q).isValid()) {
      return null;
    }
    return new Lot(q, area);
  }

  private static LinearRing roundRing(CoordinateSequence cs, boolean ccw) {
    int n = cs.size();
    double[] xy = new double[2 * n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double x = PM.makePrecise(cs.getX(i));
      double y = PM.makePrecise(cs.getY(i));
      if (m > 0 && xy[2 * m - 2] == x && xy[2 * m - 1] == y) {
        continue;
      }
      xy[2 * m] = x;
      xy[2 * m + 1] = y;
      m++;
    }
    if (m < 4 || xy[0] != xy[2 * m - 2] || xy[1] != xy[2 * m - 1]) {
      return null;
    }
    double[] packed = new double[2 * m];
    System.arraycopy(xy, 0, packed, 0, 2 * m);
    CoordinateSequence seq = PACKED.create(packed, 2, 0);
    if (Orientation.isCCW(seq) != ccw) {
      double[] rev = new double[2 * m];
      for (int i = 0; i < m; i++) {
        rev[2 * i] = packed[2 * (m - 1 - i)];
        rev[2 * i + 1] = packed[2 * (m - 1 - i) + 1];
      }
      seq = PACKED.create(rev, 2, 0);
    }
    return GF.createLinearRing(seq);
  }
}
