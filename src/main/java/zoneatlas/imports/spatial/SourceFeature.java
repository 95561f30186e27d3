package zoneatlas.imports.spatial;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from the file, before any check: coordinates still in the file's CRS.
 *
 * @param index 1-based position in the file (for boundary-point tables: of the parcel)
 * @param row spreadsheet row of the first line (tables only)
 * @param attributes column name → value (String, Number, Boolean or null), in file order
 * @param geometry null when the feature has none or it could not be built
 * @param problems what the reader could not make sense of (bad WKT, conflicting point rows)
 */
record SourceFeature(int index, Integer row, Map<String, Object> attributes, Geometry geometry, List<Problem> problems) {
  /** What the reader could not read, in English and in Chinese. */
  record Problem(String field, String reason, String reasonZh) {}
}
