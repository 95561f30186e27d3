package zoneatlas.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import zoneatlas.geo.Geodesy;

/** Cutting a parcel along a line, and joining adjacent parcels into one. Stateless. */
final class Splitter {
  /** Snapping grid for joining parcels whose shared edges differ by hairlines: 1e-8 degrees, about 1 mm. */
  private static final PrecisionModel MILLIMETRE = new PrecisionModel(1e8);

  private Splitter() {}

  /**
   * The parts a line cuts a polygon into, largest first: the polygon's boundary and the line are
   * noded together and polygonised, and the faces inside the polygon kept (a hole's face is not).
   * One part when the line does not cross the polygon from outside to outside.
   */
  static List<Polygon> split(Polygon poly, LineString line) {
    Geometry noded = poly.getBoundary().union(line);
    Polygonizer pz = new Polygonizer();
    pz.add(noded);
    List<Polygon> parts = new ArrayList<>();
    for (Object o : pz.getPolygons()) {
      Polygon p = (Polygon) o;
      if (poly.contains(p.getInteriorPoint())) {
        p.setSRID(4490);
        parts.add(p);
      }
    }
    parts.sort(Comparator.comparingDouble(Geodesy::areaM2).reversed());
    return parts;
  }

  /**
   * The union of adjacent polygons as one polygon, or null when they do not form one (they touch at
   * a point or not at all). Hairline gaps and holes under 1 m² left by drawing are closed.
   */
  static Polygon union(List<Geometry> shapes) {
    Geometry u = UnaryUnionOp.union(shapes);
    if (!(u instanceof Polygon)) {
      List<Geometry> snapped = shapes.stream().map(g -> GeometryPrecisionReducer.reduce(g, MILLIMETRE)).toList();
      u = UnaryUnionOp.union(snapped);
    }
    if (!(u instanceof Polygon p)) {
      return null;
    }
    GeometryFactory gf = p.getFactory();
    List<LinearRing> holes = new ArrayList<>();
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      LinearRing h = p.getInteriorRingN(i);
      if (Geodesy.areaM2(gf.createPolygon(h)) >= FeatureRules.TOLERANCE_M2) {
        holes.add(h);
      }
    }
    Polygon out = gf.createPolygon(p.getExteriorRing(), holes.toArray(new LinearRing[0]));
    out.setSRID(4490);
    return out;
  }
}
