package zoneatlas.imports.spatial;

import java.util.List;

/**
 * What a reader got out of the file.
 *
 * @param format the format read
 * @param layer the layer, table or sheet read (null for single-layer formats)
 * @param columns attribute columns in file order
 * @param features the features in file order
 * @param declaredCrs the CRS the file names: an EPSG code ("EPSG:4547"), a WKT text, or null
 * @param declaredBy where the CRS was found (".prj", "gpkg_spatial_ref_sys", "crs member", "SRID= in WKT")
 * @param encoding the character set text was decoded with, null when the format fixes it
 * @param notes what a reader decided on the user's behalf (encoding fallback, ...)
 * @param notesZh the same notes in Chinese, in the same order
 * @param geometryColumns for tables, the columns the geometry came from (field → column)
 */
record SourceData(SourceFormat format, String layer, List<String> columns, List<SourceFeature> features,
    String declaredCrs, String declaredBy, String encoding, List<String> notes, List<String> notesZh,
    java.util.Map<ParcelField, String> geometryColumns) {}
