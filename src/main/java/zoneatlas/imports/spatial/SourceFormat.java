package zoneatlas.imports.spatial;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The upload formats, by the name the {@code format} parameter takes. */
enum SourceFormat {
  SHP_ZIP("shp-zip"),
  GPKG("gpkg"),
  GEOJSON("geojson"),
  CSV("csv"),
  XLSX("xlsx");

  final String param;

  SourceFormat(String param) {
    this.param = param;
  }

  static SourceFormat byParam(String s) {
    for (SourceFormat f : values()) {
      if (f.param.equalsIgnoreCase(s.strip())) {
        return f;
      }
    }
    throw new ImportFailure("format", "format: unknown '" + s + "'; one of shp-zip, gpkg, geojson, csv, xlsx",
        "不支持的文件格式“" + s + "”；可导入 Shapefile（zip 压缩包）、GeoPackage、GeoJSON、CSV 和 Excel 文件");
  }

  /**
   * Guesses from the file's first bytes, then its name: zip archives are shapefiles unless they
   * are spreadsheets (an .xlsx is a zip holding xl/ parts), SQLite files are GeoPackages.
   */
  static SourceFormat guess(byte[] b, String filename) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (startsWith(b, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII))) {
      return GPKG;
    }
    if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
      if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || contains(b, "xl/")) {
        return XLSX;
      }
      return SHP_ZIP;
    }
    if (startsWith(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
      return XLSX; // legacy .xls (OLE2); read by the same spreadsheet reader
    }
    if (name.endsWith(".geojson") || name.endsWith(".json")) {
      return GEOJSON;
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return CSV;
    }
    if (name.endsWith(".gpkg")) {
      return GPKG;
    }
    if (name.endsWith(".zip")) {
      return SHP_ZIP;
    }
    if (name.endsWith(".shp")) {
      throw new ImportFailure("file", "file: a shapefile is several files (.shp, .shx, .dbf, .prj, .cpg): zip them and send the .zip",
          "Shapefile 由多个文件组成（.shp、.shx、.dbf、.prj、.cpg）：请将它们一起打包为 zip 后上传");
    }
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < b.length && Character.isWhitespace(b[i])) {
      i++;
    }
    if (i < b.length && b[i] == '{') {
      return GEOJSON;
    }
    if (i < b.length) {
      return CSV;
    }
    throw new ImportFailure("file", "file: is empty", "文件为空");
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether a zip's (uncompressed) entry names mention {@code s}: names are stored in clear. */
  private static boolean contains(byte[] b, String s) {
    byte[] n = s.getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(b.length, 1 << 20) - n.length;
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int k = 0; k < n.length; k++) {
        if (b[i + k] != n[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
