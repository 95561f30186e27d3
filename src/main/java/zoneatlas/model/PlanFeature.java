package zoneatlas.model;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a plan layer (zone, core board, park, small-micro park, infrastructure) as read
 * from {@code geodata/plan/*.geojson}. Geometry is lon/lat in CGCS2000 (EPSG:4490).
 *
 * @param props every other property of the feature, as read (names per geodata/README.md)
 */
public record PlanFeature(
    String layer,
    String id,
    String zone,
    String kind,
    String board,
    String park,
    Geometry geom,
    Map<String, Object> props) {}
