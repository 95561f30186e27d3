package zoneatlas.imports.spatial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2gis.functions.io.shp.SHPRead;
import org.locationtech.jts.geom.Geometry;

/**
 * A zipped shapefile, read by H2GIS's SHPRead into a scratch in-memory H2 database of its own,
 * so it works the same whichever store ZoneAtlas runs on. SHPRead leaves the SRID at 0 even when
 * a .prj is there, so the .prj text is read here and identified by {@link SourceCrs}. The
 * attribute encoding comes from the {@code encoding} parameter, else the .cpg, else the DBF's
 * language byte, else the bytes themselves (valid UTF-8, or GBK as Chinese Windows writes it).
 */
final class ShapefileSource {
  private static final String[] PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"};

  private ShapefileSource() {}

  static SourceData read(byte[] zip, String layer, String encodingParam, long maxUnzipped) {
    Map<String, Map<String, byte[]>> sets = unzip(zip, maxUnzipped);
    Map<String, Map<String, byte[]>> withShp = new TreeMap<>();
    sets.forEach((stem, parts) -> {
      if (parts.containsKey(".shp")) {
        withShp.put(stem, parts);
      }
    });
    if (withShp.isEmpty()) {
      throw new ImportFailure("file", "file: the zip holds no .shp file",
          "压缩包中没有 .shp 文件；Shapefile 须将 .shp、.shx、.dbf、.prj 等文件一起打包为 zip");
    }
    String stem = choose(withShp, layer);
    Map<String, byte[]> parts = withShp.get(stem);
    for (String need : new String[] {".shx", ".dbf"}) {
      if (!parts.containsKey(need)) {
        throw new ImportFailure("file", "file: " + stem + ".shp comes without its " + need + " file; zip all parts of the shapefile",
            stem + ".shp 缺少配套的 " + need + " 文件；请将 Shapefile 的全部文件一起打包");
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> notesZh = new ArrayList<>();
    Charset cs = charset(parts, encodingParam, notes, notesZh);
    String prj = parts.containsKey(".prj") ? new String(parts.get(".prj"), StandardCharsets.UTF_8).strip() : null;
    if (prj != null && prj.isEmpty()) {
      prj = null;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("zoneatlas-shp");
      for (String ext : new String[] {".shp", ".shx", ".dbf"}) {
        Files.write(dir.resolve("layer" + ext), parts.get(ext));
      }
      List<String> columns = new ArrayList<>();
      List<SourceFeature> features = new ArrayList<>();
      readTable(dir.resolve("layer.shp"), cs, columns, features);
      String name = stem.contains("/") ? stem.substring(stem.lastIndexOf('/') + 1) : stem;
      return new SourceData(SourceFormat.SHP_ZIP, name, columns, features, prj, prj == null ? null : name + ".prj",
          cs.name(), notes, notesZh, Map.of());
    } catch (IOException e) {
      throw new ImportFailure("file", "file: cannot read the shapefile: " + e.getMessage(), "无法读取该 Shapefile", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void readTable(Path shp, Charset cs, List<String> columns, List<SourceFeature> out) throws IOException {
    String url = "jdbc:h2:mem:zoneatlas-shp-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      SHPRead.importTable(c, shp.toString(), "src", cs.name(), true);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM src ORDER BY pk")) {
        ResultSetMetaData md = rs.getMetaData();
        int geomCol = -1;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String type = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
          if (geomCol < 0 && type.startsWith("GEOMETRY")) {
            geomCol = i;
          } else if (i > 1 || !md.getColumnName(i).equalsIgnoreCase("pk")) {
            columns.add(md.getColumnName(i));
          }
        }
        int index = 0;
        while (rs.next()) {
          index++;
          Map<String, Object> attrs = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            if (i != geomCol && columns.contains(md.getColumnName(i))) {
              Object v = rs.getObject(i);
              attrs.put(md.getColumnName(i), v instanceof String t ? t.strip() : v instanceof java.util.Date d ? d.toString() : v);
            }
          }
          Geometry g = geomCol > 0 ? rs.getObject(geomCol, Geometry.class) : null;
          out.add(new SourceFeature(index, null, attrs, g, List.of()));
        }
      }
    } catch (SQLException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().strip().split("\n")[0];
      throw new ImportFailure("file", "file: cannot read the shapefile with the " + cs.name() + " encoding (" + first
          + "); if names look garbled, pass the file's encoding=, e.g. GBK or UTF-8",
          "无法按 " + cs.name() + " 字符编码读取该 Shapefile；如字段名或属性显示为乱码，请选择文件实际使用的字符编码（如 GBK 或 UTF-8）", e);
    }
  }

  private static String choose(Map<String, Map<String, byte[]>> withShp, String layer) {
    if (layer != null) {
      for (String stem : withShp.keySet()) {
        String name = stem.contains("/") ? stem.substring(stem.lastIndexOf('/') + 1) : stem;
        if (name.equalsIgnoreCase(layer) || stem.equalsIgnoreCase(layer)) {
          return stem;
        }
      }
      throw new ImportFailure("layer", "layer: no shapefile '" + layer + "' in the zip; it holds " + withShp.keySet(),
          "压缩包中没有名为“" + layer + "”的 Shapefile；其中有：" + String.join("、", withShp.keySet()));
    }
    if (withShp.size() > 1) {
      throw new ImportFailure("layer", "layer: the zip holds several shapefiles " + withShp.keySet() + "; say which with layer=",
          "压缩包中有多个 Shapefile（" + String.join("、", withShp.keySet()) + "）：请选择要导入的图层");
    }
    return withShp.keySet().iterator().next();
  }

  private static Charset charset(Map<String, byte[]> parts, String param, List<String> notes, List<String> notesZh) {
    if (param != null) {
      return TextEncoding.named(param, "encoding");
    }
    if (parts.containsKey(".cpg")) {
      String cpg = new String(parts.get(".cpg"), StandardCharsets.ISO_8859_1).strip();
      if (!cpg.isEmpty()) {
        return TextEncoding.named(cpg, "encoding");
      }
    }
    byte[] dbf = parts.get(".dbf");
    if (dbf.length > 29) {
      int ldid = dbf[29] & 0xFF;
      if (ldid == 0x4D || ldid == 0x7A) {
        notes.add("no .cpg; the DBF's language byte says GBK");
        notesZh.add("压缩包中没有 .cpg 文件；按 DBF 文件的语言标识以 GBK 编码读取属性");
        return TextEncoding.GB18030;
      }
    }
    // field names (from byte 32) and records: both written in the file's one encoding
    int from = Math.min(32, dbf.length);
    if (TextEncoding.ascii(dbf, from, dbf.length) || TextEncoding.validUtf8(dbf, from, dbf.length)) {
      return StandardCharsets.UTF_8;
    }
    notes.add("no .cpg and the attributes are not UTF-8: read as GBK (pass encoding= if that is wrong)");
    notesZh.add("压缩包中没有 .cpg 文件且属性不是 UTF-8 编码：已按 GBK 读取（如显示乱码，请选择正确的字符编码）");
    return TextEncoding.GB18030;
  }

  /**
   * The zip's shapefile parts grouped by path without extension. Entry names may be GBK (zip
   * tools on Chinese Windows write them so), hence the fallback; sizes are capped against zip bombs.
   */
  static Map<String, Map<String, byte[]>> unzip(byte[] zip, long maxUnzipped) {
    try {
      return unzip(zip, maxUnzipped, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unzip(zip, maxUnzipped, TextEncoding.GB18030);
    }
  }

  private static Map<String, Map<String, byte[]>> unzip(byte[] zip, long maxUnzipped, Charset names) {
    Map<String, Map<String, byte[]>> sets = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (++entries > 10_000) {
          throw new ImportFailure("file", "file: the zip holds more than 10000 entries", "压缩包内文件超过 10000 个，无法导入");
        }
        String name = e.getName().replace('\\', '/');
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (e.isDirectory() || name.startsWith("__MACOSX/") || base.startsWith(".")) {
          continue;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        if (!List.of(PARTS).contains(ext)) {
          continue;
        }
        byte[] b = readCapped(in, maxUnzipped - total);
        total += b.length;
        sets.computeIfAbsent(name.substring(0, dot), k -> new LinkedHashMap<>()).put(ext, b);
      }
    } catch (IOException ex) {
      throw new ImportFailure("file", "file: not a readable zip archive: " + ex.getMessage(), "不是可读取的 zip 压缩包", ex);
    }
    return sets;
  }

  private static byte[] readCapped(InputStream in, long left) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, left) + 1));
    if (b.length > left) {
      throw new ImportFailure("file", "file: the unzipped shapefile is larger than the import limit", "Shapefile 解压后超过导入大小上限");
    }
    return b;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
