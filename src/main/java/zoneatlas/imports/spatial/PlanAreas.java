package zoneatlas.imports.spatial;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import zoneatlas.demo.PlanValidator;
import zoneatlas.geo.Geodesy;

/**
 * The plan's zones, core boards, industrial parks and small-micro parks, to place an imported
 * parcel in: for each layer the area it overlaps most (geodesic m²), when that overlap is at
 * least {@link #MIN_SHARE} of the parcel, so a parcel touching a schematic boundary is not
 * claimed by the neighbour. Read once per import or edit; not thread-safe.
 */
public final class PlanAreas {
  /** Smallest share of a parcel that places it in an area. */
  public static final double MIN_SHARE = 0.05;

  public record Area(String id, String layer, String zone, String board, String park, Geometry geom) {}

  /** Where a parcel lies; any part may be null. */
  public record Placement(String zone, String board, String park, String smallMicroPark) {}

  private final STRtree index = new STRtree();
  private final Map<String, Area> byId = new HashMap<>();
  private final Map<Area, PreparedGeometry> prepared = new HashMap<>();
  private final Set<String> zones = new LinkedHashSet<>();

  public PlanAreas(List<Area> areas) {
    for (Area a : areas) {
      if (a.geom() == null || a.geom().isEmpty() || a.geom().getDimension() != 2) {
        continue;
      }
      index.insert(a.geom().getEnvelopeInternal(), a);
      byId.put(a.id(), a);
      prepared.put(a, PreparedGeometryFactory.prepare(a.geom()));
      if (a.layer().equals("zones")) {
        zones.add(a.zone());
      }
    }
    index.build();
  }

  public boolean empty() {
    return byId.isEmpty();
  }

  /** Zone codes a parcel may carry: those drawn in the plan and the demo's known codes. */
  public Set<String> zoneCodes() {
    Set<String> s = new LinkedHashSet<>(zones);
    s.addAll(PlanValidator.ZONES);
    return s;
  }

  /** The plan feature with this id in this layer, or null. */
  public Area find(String layer, String id) {
    Area a = byId.get(id);
    return a != null && a.layer().equals(layer) ? a : null;
  }

  public Placement place(Polygon parcel, double parcelM2) {
    Map<String, Double> bestOverlap = new HashMap<>();
    Map<String, String> best = new LinkedHashMap<>();
    Map<String, Double> zoneOverlap = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Area> hits = index.query(parcel.getEnvelopeInternal());
    for (Area a : hits) {
      if (!prepared.get(a).intersects(parcel)) {
        continue;
      }
      double overlap = prepared.get(a).covers(parcel) ? parcelM2
          : Geodesy.areaM2(OverlayNGRobust.overlay(parcel, a.geom(), OverlayNG.INTERSECTION));
      if (a.layer().equals("zones")) {
        zoneOverlap.merge(a.zone(), overlap, Double::sum);
        continue;
      }
      if (overlap > bestOverlap.getOrDefault(a.layer(), 0.0)) {
        bestOverlap.put(a.layer(), overlap);
        best.put(a.layer(), a.id());
      }
    }
    double min = MIN_SHARE * parcelM2;
    String zone = null;
    double zoneBest = 0;
    for (var e : zoneOverlap.entrySet()) {
      if (e.getValue() > zoneBest) {
        zoneBest = e.getValue();
        zone = e.getKey();
      }
    }
    if (zoneBest < min) {
      zone = null;
    }
    String board = bestOverlap.getOrDefault("core-boards", 0.0) >= min ? best.get("core-boards") : null;
    String park = bestOverlap.getOrDefault("industrial-parks", 0.0) >= min ? best.get("industrial-parks") : null;
    String smp = bestOverlap.getOrDefault("small-micro-parks", 0.0) >= min ? best.get("small-micro-parks") : null;
    return new Placement(zone, board, park, smp);
  }
}
