package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.ogc.Crs;

/**
 * What a write asks a feature to become, before any check: the whole property set (for a PATCH, the
 * current properties with the patch merged in), the geometry in the storage CRS and as sent.
 *
 * @param props property name to JSON value (absent or JSON null: empty)
 * @param given the properties the request itself names; computed ones it leaves out are worked out
 * @param geom the geometry in CGCS2000 lon/lat, or null when the request gives none (or null)
 * @param sent the geometry as sent, in the request's CRS, so a problem can name the vertex the
 *     client knows
 * @param geometryGiven whether the request carries a geometry member at all
 * @param landUses the land-use links asked for, or null to leave them as they are
 * @param crs the CRS the geometry was sent in
 */
record Target(Map<String, JsonNode> props, Set<String> given, Geometry geom, Geometry sent, boolean geometryGiven,
    JsonNode landUses, Crs.Def crs) {

  JsonNode get(String name) {
    JsonNode v = props.get(name);
    return v == null || v.isNull() ? null : v;
  }

  boolean names(String name) {
    return given.contains(name);
  }

  /** The same request with another geometry (a part of a split, a merged shape). */
  Target withGeometry(Geometry g) {
    return new Target(props, given, g, g, true, landUses, Crs.Def.CRS84);
  }
}
