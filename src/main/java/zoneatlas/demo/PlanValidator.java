package zoneatlas.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import zoneatlas.geo.Geodesy;
import zoneatlas.model.PlanFeature;

/**
 * Checks plan features before anything is written: required properties, known layers and kinds,
 * valid geometry of the right type, stated areas matched, parks inside their zone and not
 * overlapping. The first problem stops the load with file, feature and reason.
 */
public final class PlanValidator {
  public static final Map<String, Set<String>> KINDS = Map.of(
      "zones", Set.of("development_zone", "district"),
      "core-boards", Set.of("core_board", "functional_area"),
      "industrial-parks", Set.of("industrial_park", "bonded_zone", "logistics_park", "industrial_base", "innovation_park", "service_park"),
      "small-micro-parks", Set.of("small_micro_park", "standard_factory", "incubator"),
      "infrastructure", Set.of("metro_line", "metro_station", "rail_line", "rail_station", "freight_yard", "land_port",
          "airport", "expressway", "interchange", "road", "bridge", "logistics_hub", "substation", "power_plant",
          "water_plant", "sewage_plant", "gas", "heating", "school", "hospital", "public_facility", "green", "digital"));
  public static final Set<String> ZONES = Set.of("zzetdz", "zzhitech", "xxetdz", "zhengzhou");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern LINES = Pattern.compile("\\d+(-\\d+)?(,\\s*\\d+(-\\d+)?)*");
  /** Stated planned areas must match the drawn geodesic area this closely. */
  public static final double AREA_TOLERANCE = 0.10;
  /** Containment tolerance in degrees (about 1 m), for vertices drawn on a shared boundary. */
  private static final double EDGE = 1e-5;

  private final Set<String> ids = new HashSet<>();

  /** Checks one file's features; ids must be unique across every file checked by this validator. */
  public void check(String file, List<PlanFeature> features) {
    for (PlanFeature f : features) {
      checkFeature(file, f);
    }
  }

  /** Checks the spatial rules across all features once every file is read. */
  public void checkTogether(String file, List<PlanFeature> all) {
    Map<String, PlanFeature> byId = new HashMap<>();
    all.forEach(f -> byId.put(f.id(), f));
    Map<String, Geometry> zonePolygons = new HashMap<>();
    for (PlanFeature f : all) {
      if (f.layer().equals("zones") && f.kind().equals("development_zone")) {
        zonePolygons.put(f.zone(), f.geom());
      }
    }
    for (PlanFeature f : all) {
      boolean area = List.of("core-boards", "industrial-parks", "small-micro-parks").contains(f.layer());
      if (area && zonePolygons.containsKey(f.zone()) && !within(f.geom(), zonePolygons.get(f.zone()))) {
        throw new LoadException(file, f.id(), "lies outside its zone polygon " + f.zone());
      }
      for (String ref : new String[] {f.board(), f.park()}) {
        if (ref != null && !byId.containsKey(ref)) {
          throw new LoadException(file, f.id(), "refers to unknown board/park '" + ref + "'");
        }
      }
      if (f.layer().equals("small-micro-parks") && f.park() != null && !within(f.geom(), byId.get(f.park()).geom())) {
        throw new LoadException(file, f.id(), "lies outside its park " + f.park());
      }
    }
    List<PlanFeature> parks = all.stream().filter(f -> f.layer().equals("industrial-parks")).toList();
    for (int i = 0; i < parks.size(); i++) {
      for (int j = i + 1; j < parks.size(); j++) {
        PlanFeature a = parks.get(i);
        PlanFeature b = parks.get(j);
        if (a.geom().getEnvelopeInternal().intersects(b.geom().getEnvelopeInternal())) {
          double overlap = Geodesy.areaM2(a.geom().intersection(b.geom()));
          if (overlap > 1.0) {
            throw new LoadException(file, a.id(), "overlaps industrial park " + b.id() + " by " + Math.round(overlap) + " m²");
          }
        }
      }
    }
  }

  private static boolean within(Geometry inner, Geometry outer) {
    return outer.buffer(EDGE).covers(inner);
  }

  private void checkFeature(String file, PlanFeature f) {
    Map<String, Object> p = f.props();
    for (String k : List.of("layer", "id", "name_zh", "name_en", "zone", "kind", "source_doc", "source_lines")) {
      Object v = p.get(k);
      if (v == null || v.toString().isBlank()) {
        throw new LoadException(file, f.id(), "required property '" + k + "' is missing");
      }
    }
    if (!ID.matcher(f.id()).matches()) {
      throw new LoadException(file, f.id(), "id must be lower-case letters, digits and '-'");
    }
    if (!ids.add(f.id())) {
      throw new LoadException(file, f.id(), "id is used twice");
    }
    Set<String> kinds = KINDS.get(f.layer());
    if (kinds == null) {
      throw new LoadException(file, f.id(), "unknown layer '" + f.layer() + "' (expected one of " + KINDS.keySet() + ")");
    }
    if (!kinds.contains(f.kind())) {
      throw new LoadException(file, f.id(), "kind '" + f.kind() + "' is not allowed in layer " + f.layer());
    }
    if (!ZONES.contains(f.zone())) {
      throw new LoadException(file, f.id(), "unknown zone '" + f.zone() + "'");
    }
    if (!Boolean.TRUE.equals(p.get("schematic"))) {
      throw new LoadException(file, f.id(), "property 'schematic' must be true: plan geometry is drawn, not surveyed");
    }
    if (!LINES.matcher(p.get("source_lines").toString()).matches()) {
      throw new LoadException(file, f.id(), "source_lines must be line numbers like 939, 1125-1127 or 939,941");
    }
    Geometry g = f.geom();
    if (g.isEmpty()) {
      throw new LoadException(file, f.id(), "geometry is empty");
    }
    IsValidOp valid = new IsValidOp(g);
    if (!valid.isValid()) {
      throw new LoadException(file, f.id(), "invalid geometry: " + valid.getValidationError());
    }
    var env = g.getEnvelopeInternal();
    if (env.getMinX() < 73 || env.getMaxX() > 136 || env.getMinY() < 3 || env.getMaxY() > 54) {
      throw new LoadException(file, f.id(), "coordinates outside China (expected lon/lat in degrees)");
    }
    boolean polygonal = g.getDimension() == 2;
    if (!f.layer().equals("infrastructure") && !polygonal) {
      throw new LoadException(file, f.id(), "layer " + f.layer() + " needs a polygon, got " + g.getGeometryType());
    }
    if (p.get("planned_area_km2") != null) {
      if (!(p.get("planned_area_km2") instanceof Number n) || n.doubleValue() <= 0) {
        throw new LoadException(file, f.id(), "planned_area_km2 must be a positive number");
      }
      if (polygonal) {
        double drawn = Geodesy.areaM2(g) / 1e6;
        double stated = ((Number) p.get("planned_area_km2")).doubleValue();
        if (Math.abs(drawn - stated) > AREA_TOLERANCE * stated) {
          throw new LoadException(file, f.id(), String.format(
              "drawn area %.3f km² differs from the planned %.3f km² by more than %.0f%%", drawn, stated, AREA_TOLERANCE * 100));
        }
      }
    }
  }
}
