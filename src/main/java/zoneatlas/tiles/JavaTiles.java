package zoneatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.InteriorPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Vector tiles made in Java, for the embedded store (H2GIS has no {@code ST_AsMVT}). It follows
 * PostGIS's {@code ST_AsMVTGeom} (PostGIS 3.3, mvt.c) step by step, so both stores give the same
 * tile within one tile unit on each axis: to EPSG:3857 and tile coordinates (y down), points closer
 * than half a unit dropped, Douglas-Peucker at half a unit keeping at least 4 points of a ring,
 * snapped to the integer grid (half to even), clipped to the tile plus
 * {@link WebMercatorQuad#BUFFER} and made valid; a part that changes dimension is dropped. An area
 * that collapses still shows as a 2 x 2 unit square at a point on its surface, as
 * {@code sql/postgis/tiles_layer.sql} does. An area only a few units across is shaped by the
 * snapping alone and may settle differently in the two (a 1-unit sliver or the square; about one
 * feature in 1,500 at zoom 8, none from zoom 13 in the contract test). The protobuf is written by
 * mapbox-vector-tile-java. Stateless, thread-safe.
 */
final class JavaTiles {
  private static final GeometryFactory TILE = new GeometryFactory(new PrecisionModel(1.0));
  private static final GeometryFactory PLAIN = new GeometryFactory();
  private static final MvtLayerParams PARAMS = new MvtLayerParams(WebMercatorQuad.EXTENT);

  private JavaTiles() {}

  /** A feature read from the store: its id, tile properties (nulls left out) and CGCS2000 geometry. */
  record Row(String id, Map<String, Object> properties, Geometry geom) {}

  /** One layer's bytes (a Tile message holding one layer); empty when no feature shows, as ST_AsMVT. */
  static byte[] layer(String name, WebMercatorQuad.Tile tile, List<Row> rows) {
    List<Geometry> geoms = new ArrayList<>();
    for (Row r : rows) {
      Geometry g = tileGeometry(r.geom(), tile);
      if (g != null) {
        g.setUserData(r);
        geoms.add(g);
      }
    }
    if (geoms.isEmpty()) {
      return new byte[0];
    }
    VectorTile.Tile.Layer.Builder layer = MvtUtil.newLayerBuilder(name, PARAMS);
    MvtLayerProps props = new MvtLayerProps();
    JtsAdapter.addFeatures(layer, geoms, props, TAGS);
    MvtUtil.writeProps(layer, props);
    return VectorTile.Tile.newBuilder().addLayers(layer.build()).build().toByteArray();
  }

  /** The property {@code id} (the feature id as text) and the others; the MVT id is {@link #featureId}. */
  private static final IUserDataConverter TAGS = (userData, props, feature) -> {
    Row r = (Row) userData;
    feature.setId(featureId(r.id()));
    feature.addTags(props.addKey("id"));
    feature.addTags(props.addValue(r.id()));
    for (Map.Entry<String, Object> e : r.properties().entrySet()) {
      if (e.getValue() != null) {
        feature.addTags(props.addKey(e.getKey()));
        feature.addTags(props.addValue(e.getValue()));
      }
    }
  };

  /**
   * The integer MVT feature id of a feature id: the first 52 bits of its UTF-8 MD5, so it is stable,
   * the same in both stores ({@code md5(id)} in PostGIS) and exact as a JavaScript number.
   */
  static long featureId(String id) {
    try {
      byte[] h = MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 7; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v >>> 4;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The geometry in tile coordinates as ST_AsMVTGeom(..., 4096, 64, true) gives it, or null. */
  static Geometry tileGeometry(Geometry lonLat, WebMercatorQuad.Tile tile) {
    Geometry g = clipAndSnap(toTile(lonLat, tile), lonLat.getDimension());
    if (g == null && lonLat.getDimension() == 2) {
      // too small to show at this zoom: a square of 2 x 2 units where it is
      Coordinate p = InteriorPoint.getInteriorPoint(lonLat);
      Geometry pt = toTile(PLAIN.createPoint(p), tile);
      Coordinate c = pt.getCoordinate();
      g = clipAndSnap(PLAIN.toGeometry(new Envelope(c.x - 1, c.x + 1, c.y - 1, c.y + 1)), 2);
    }
    return g;
  }

  /** Lon/lat to tile coordinates (EPSG:3857 metres scaled to 0..4096, y down). */
  static Geometry toTile(Geometry lonLat, WebMercatorQuad.Tile tile) {
    double[] b = tile.bounds3857();
    double scale = WebMercatorQuad.EXTENT / tile.size();
    Geometry g = lonLat.copy();
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence s, int i) {
        s.setOrdinate(i, 0, (WebMercatorQuad.x(s.getX(i)) - b[0]) * scale);
        s.setOrdinate(i, 1, (b[3] - WebMercatorQuad.y(s.getY(i))) * scale);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return g;
  }

  /**
   * ST_AsMVTGeom's steps on a geometry already in (unrounded) tile units: drop points closer than
   * half a unit, simplify each ring and line by half a unit (Douglas-Peucker keeping at least 4
   * points of a ring, as PostGIS does, so a thin area stays a sliver rather than vanish), snap to
   * the grid, clip to the tile and buffer, and make valid if snapping broke it.
   */
  private static Geometry clipAndSnap(Geometry g, int dimension) {
    g = snap(g, dimension);
    if (g == null) {
      return null;
    }
    double lo = -WebMercatorQuad.BUFFER;
    double hi = WebMercatorQuad.EXTENT + WebMercatorQuad.BUFFER;
    Envelope box = new Envelope(lo, hi, lo, hi);
    if (!box.contains(g.getEnvelopeInternal())) {
      if (!box.intersects(g.getEnvelopeInternal())) {
        return null;
      }
      Geometry valid = g.isValid() ? g : GeometryFixer.fix(g);
      g = valid.intersection(PLAIN.toGeometry(box));
      g = ofDimension(g, dimension);
      if (g == null) {
        return null;
      }
    }
    for (int i = 0; i < 3 && !g.isValid(); i++) {
      g = ofDimension(GeometryFixer.fix(g), dimension);
      g = g == null ? null : snap(g, -1);
      if (g == null) {
        return null;
      }
    }
    if (!g.isValid()) {
      return null;
    }
    return ofDimension(GeometryPrecisionReducer.reduce(g, TILE.getPrecisionModel()), dimension);
  }

  /**
   * Simplifies (unless {@code dimension} is negative) and rounds every ring and line to the
   * integer grid (half to even, as PostGIS), dropping repeated points and collapsed rings.
   */
  private static Geometry snap(Geometry g, int dimension) {
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      if (p instanceof org.locationtech.jts.geom.Polygon poly) {
        org.locationtech.jts.geom.LinearRing shell = ring(poly.getExteriorRing().getCoordinates(), dimension >= 0);
        if (shell == null) {
          continue;
        }
        List<org.locationtech.jts.geom.LinearRing> holes = new ArrayList<>();
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          org.locationtech.jts.geom.LinearRing r = ring(poly.getInteriorRingN(h).getCoordinates(), dimension >= 0);
          if (r != null) {
            holes.add(r);
          }
        }
        parts.add(PLAIN.createPolygon(shell, holes.toArray(new org.locationtech.jts.geom.LinearRing[0])));
      } else if (p instanceof org.locationtech.jts.geom.LineString line) {
        Coordinate[] c = round(dimension >= 0 ? simplify(dedupe(line.getCoordinates()), 2) : line.getCoordinates());
        if (c.length >= 2) {
          parts.add(PLAIN.createLineString(c));
        }
      } else if (!p.isEmpty()) {
        parts.add(PLAIN.createPoint(round(p.getCoordinates())[0]));
      }
    }
    return parts.isEmpty() ? null : PLAIN.buildGeometry(parts);
  }

  private static org.locationtech.jts.geom.LinearRing ring(Coordinate[] c, boolean simplify) {
    Coordinate[] r = round(simplify ? simplify(dedupe(c), 4) : c);
    return r.length >= 4 && r[0].equals2D(r[r.length - 1]) ? PLAIN.createLinearRing(r) : null;
  }

  /** Drops points within half a unit of the point kept before them (the last point always stays). */
  private static Coordinate[] dedupe(Coordinate[] c) {
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (out.isEmpty() || i == c.length - 1 || out.get(out.size() - 1).distance(c[i]) >= 0.5) {
        out.add(c[i]);
      }
    }
    return out.toArray(new Coordinate[0]);
  }

  /**
   * Douglas-Peucker at half a unit that keeps at least {@code minPoints} (PostGIS's
   * ptarray_simplify_in_place): until that many are kept, the farthest point of a span is kept
   * whatever its distance.
   */
  static Coordinate[] simplify(Coordinate[] c, int minPoints) {
    int n = c.length;
    if (n < 3 || n <= minPoints) {
      return c;
    }
    boolean[] kept = new boolean[n];
    kept[0] = true;
    kept[n - 1] = true;
    int keptN = 2;
    double tol = 0.25; // squared
    int[] stack = new int[n * 2];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
      int last = stack[--top];
      int first = stack[--top];
      int split = -1;
      double dist = -1;
      for (int k = first + 1; k < last; k++) {
        double d = segmentDistanceSq(c[k], c[first], c[last]);
        if (d > dist) {
          dist = d;
          split = k;
        }
      }
      double it = keptN >= minPoints ? tol : -1.0;
      if (split >= 0 && dist > it) {
        kept[split] = true;
        keptN++;
        stack[top++] = split;
        stack[top++] = last;
        stack[top++] = first;
        stack[top++] = split;
      }
    }
    List<Coordinate> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (kept[k]) {
        out.add(c[k]);
      }
    }
    return out.toArray(new Coordinate[0]);
  }

  private static double segmentDistanceSq(Coordinate p, Coordinate a, Coordinate b) {
    double dx = b.x - a.x;
    double dy = b.y - a.y;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
    double ex = a.x + t * dx - p.x;
    double ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
  }

  /** Rounds to the grid (half to even) and drops points equal to the one before. */
  private static Coordinate[] round(Coordinate[] c) {
    List<Coordinate> out = new ArrayList<>();
    for (Coordinate p : c) {
      Coordinate q = new Coordinate(Math.rint(p.x), Math.rint(p.y));
      if (out.isEmpty() || !out.get(out.size() - 1).equals2D(q)) {
        out.add(q);
      }
    }
    return out.toArray(new Coordinate[0]);
  }

  /** The parts of {@code g} of the given dimension (a clip or a snap may leave lower ones) as one geometry, or null. */
  private static Geometry ofDimension(Geometry g, int dimension) {
    List<Geometry> parts = new ArrayList<>();
    collect(g, dimension, parts);
    return parts.isEmpty() ? null : PLAIN.buildGeometry(parts);
  }

  private static void collect(Geometry g, int dimension, List<Geometry> out) {
    if (g.getNumGeometries() > 1 || g instanceof org.locationtech.jts.geom.GeometryCollection) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        collect(g.getGeometryN(i), dimension, out);
      }
    } else if (g.getDimension() == dimension && !g.isEmpty()) {
      out.add(g);
    }
  }
}
