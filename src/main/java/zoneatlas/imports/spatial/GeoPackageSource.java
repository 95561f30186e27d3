package zoneatlas.imports.spatial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage, read with NGA's GeoPackage library from a temporary copy (SQLite needs a file).
 * Geometries come out as the WKB after the GeoPackage header and go through JTS; the CRS is the
 * layer's entry in gpkg_spatial_ref_sys, by EPSG code when it has one, else by its WKT.
 */
final class GeoPackageSource {
  private GeoPackageSource() {}

  static SourceData read(byte[] bytes, String layer) {
    Path tmp = null;
    GeoPackage gp = null;
    try {
      tmp = Files.createTempFile("zoneatlas-import", ".gpkg");
      Files.write(tmp, bytes);
      try {
        gp = GeoPackageManager.open(tmp.toFile());
      } catch (RuntimeException e) {
        throw new ImportFailure("file", "file: not a readable GeoPackage: " + e.getMessage(), "不是可读取的 GeoPackage 文件", e);
      }
      List<String> tables = gp.getFeatureTables();
      if (tables.isEmpty()) {
        throw new ImportFailure("file", "file: the GeoPackage holds no feature table", "GeoPackage 中没有要素表");
      }
      String table;
      if (layer != null) {
        table = tables.stream().filter(t -> t.equalsIgnoreCase(layer)).findFirst()
            .orElseThrow(() -> new ImportFailure("layer", "layer: no feature table '" + layer + "' in the GeoPackage; it holds " + tables,
                "GeoPackage 中没有名为“" + layer + "”的要素表；现有要素表：" + String.join("、", tables)));
      } else if (tables.size() > 1) {
        throw new ImportFailure("layer", "layer: the GeoPackage holds several feature tables " + tables + "; say which with layer=",
            "GeoPackage 中有多个要素表（" + String.join("、", tables) + "）：请选择要导入的图层");
      } else {
        table = tables.get(0);
      }
      FeatureDao dao;
      try {
        dao = gp.getFeatureDao(table);
      } catch (RuntimeException e) {
        // the library builds the layer's projection here and throws on a system it cannot build (EPSG code 0, unknown codes)
        throw new ImportFailure("file", "file: cannot read the GeoPackage layer '" + table + "': " + e.getMessage(),
            "无法读取 GeoPackage 图层“" + table + "”：其坐标系定义无法识别", e);
      }
      String declared = declaredCrs(dao.getSrs());
      String geomColumn = dao.getGeometryColumnName();
      String pk = dao.getTable().getPkColumnName();
      List<String> columns = new ArrayList<>();
      for (String c : dao.getColumnNames()) {
        if (!c.equals(geomColumn) && !c.equals(pk)) {
          columns.add(c);
        }
      }
      List<SourceFeature> out = new ArrayList<>();
      WKBReader wkb = new WKBReader();
      FeatureResultSet rs = dao.queryForAll();
      try {
        int index = 0;
        while (rs.moveToNext()) {
          index++;
          FeatureRow row = rs.getRow();
          Map<String, Object> attrs = new LinkedHashMap<>();
          for (String c : columns) {
            Object v = row.getValue(c);
            attrs.put(c, v instanceof String s ? s.strip() : v instanceof byte[] ? null : v instanceof java.util.Date d ? d.toString() : v);
          }
          Geometry g = null;
          List<SourceFeature.Problem> problems = new ArrayList<>();
          GeoPackageGeometryData data = row.getGeometry();
          if (data != null && !data.isEmpty()) {
            try {
              g = wkb.read(data.getWkb());
            } catch (IOException | ParseException | RuntimeException e) {
              problems.add(new SourceFeature.Problem("geometry", "unreadable GeoPackage geometry: " + e.getMessage(),
                  "图形无法读取（GeoPackage 几何数据有误）"));
            }
          }
          out.add(new SourceFeature(index, null, attrs, g, problems));
        }
      } finally {
        rs.close();
      }
      return new SourceData(SourceFormat.GPKG, table, columns, out, declared, declared == null ? null : "gpkg_spatial_ref_sys",
          null, List.of(), List.of(), Map.of());
    } catch (IOException e) {
      throw new ImportFailure("file", "file: cannot read the GeoPackage: " + e.getMessage(), "无法读取该 GeoPackage 文件", e);
    } finally {
      if (gp != null) {
        gp.close();
      }
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  /** "EPSG:n", the WKT of a custom system, or null for the GeoPackage's "undefined" systems. */
  private static String declaredCrs(SpatialReferenceSystem srs) {
    if (srs == null) {
      return null;
    }
    if ("EPSG".equals(srs.getOrganization() == null ? null : srs.getOrganization().toUpperCase(Locale.ROOT))
        && srs.getOrganizationCoordsysId() > 0) {
      return "EPSG:" + srs.getOrganizationCoordsysId();
    }
    String def = srs.getDefinition();
    if (def == null || def.isBlank() || def.strip().equalsIgnoreCase("undefined")) {
      return null;
    }
    return def.strip();
  }
}
