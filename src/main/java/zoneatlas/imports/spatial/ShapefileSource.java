package zoneatlas.imports.spatial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    long cap = Math.min(maxUnzipped, heapCap());
    Path dir = null;
    try {
      dir = Files.createTempDirectory("zoneatlas-shp");
      Map<String, Map<String, Part>> sets = unzip(zip, cap, maxUnzipped, dir);
      Map<String, Map<String, Part>> withShp = new TreeMap<>();
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
      Map<String, Part> parts = withShp.get(stem);
      for (String need : new String[] {".shx", ".dbf"}) {
        if (!parts.containsKey(need)) {
          throw new ImportFailure("file", "file: " + stem + ".shp comes without its " + need + " file; zip all parts of the shapefile",
              stem + ".shp 缺少配套的 " + need + " 文件；请将 Shapefile 的全部文件一起打包");
        }
      }
      List<String> notes = new ArrayList<>();
      List<String> notesZh = new ArrayList<>();
      Charset cs = charset(parts, encodingParam, notes, notesZh);
      String prj = parts.containsKey(".prj") ? new String(parts.get(".prj").bytes(), StandardCharsets.UTF_8).strip() : null;
      if (prj != null && prj.isEmpty()) {
        prj = null;
      }
      Path shp = parts.get(".shp").file();
      ShapefileCheck.check(shp, parts.get(".shx").file(), parts.get(".dbf").file());
      List<String> columns = new ArrayList<>();
      List<SourceFeature> features = new ArrayList<>();
      readTable(shp, cs, columns, features);
      String name = stem.contains("/") ? stem.substring(stem.lastIndexOf('/') + 1) : stem;
      return new SourceData(SourceFormat.SHP_ZIP, name, columns, features, prj, prj == null ? null : name + ".prj",
          cs.name(), notes, notesZh, Map.of());
    } catch (IOException e) {
      throw new ImportFailure("file", "file: cannot read the shapefile: " + e.getMessage(), "无法读取该 Shapefile", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * The most a shapefile may unzip to on this server. The layer is read whole into memory (a
   * scratch H2 table, then its features with their JTS geometries, then reprojected copies, then
   * the report), several times its file size: a sixteenth of the heap leaves room for that and for
   * the requests served meanwhile. A larger layer is refused with a 400, never an OutOfMemoryError.
   */
  static long heapCap() {
    return Runtime.getRuntime().maxMemory() / 16;
  }

  /** One unzipped part: the big ones (.shp/.shx/.dbf) as files, the small text ones (.prj/.cpg) in memory. */
  record Part(Path file, byte[] bytes) {}

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
    } catch (RuntimeException e) {
      // records the structure check cannot see into (coordinates, part offsets, DBF values)
      throw new ImportFailure("file", "file: not a readable shapefile: " + firstLine(e),
          "不是可读取的 Shapefile：文件内容已损坏或不是 Shapefile 格式", e);
    } catch (SQLException e) {
      String first = e.getMessage() == null ? "" : e.getMessage().strip().split("\n")[0];
      throw new ImportFailure("file", "file: cannot read the shapefile with the " + cs.name() + " encoding (" + first
          + "); if names look garbled, pass the file's encoding=, e.g. GBK or UTF-8",
          "无法按 " + cs.name() + " 字符编码读取该 Shapefile；如字段名或属性显示为乱码，请选择文件实际使用的字符编码（如 GBK 或 UTF-8）", e);
    }
  }

  private static String choose(Map<String, Map<String, Part>> withShp, String layer) {
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

  private static Charset charset(Map<String, Part> parts, String param, List<String> notes, List<String> notesZh) {
    if (param != null) {
      return TextEncoding.named(param, "encoding");
    }
    if (parts.containsKey(".cpg")) {
      String cpg = new String(parts.get(".cpg").bytes(), StandardCharsets.ISO_8859_1).strip();
      if (!cpg.isEmpty()) {
        return TextEncoding.named(cpg, "encoding");
      }
    }
    byte[] dbf = readAll(parts.get(".dbf").file());
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
   * The zip's shapefile parts grouped by path without extension, streamed to files under {@code
   * dir} (one folder per shapefile) as they inflate, counted against {@code cap}: a zip bomb fills
   * at most {@code cap} bytes of disk, never the heap. Entry names may be GBK (zip tools on Chinese
   * Windows write them so), hence the fallback.
   */
  static Map<String, Map<String, Part>> unzip(byte[] zip, long cap, long setting, Path dir) throws IOException {
    try {
      return unzip(zip, cap, setting, dir, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      deleteQuietly(dir);
      Files.createDirectories(dir);
      return unzip(zip, cap, setting, dir, TextEncoding.GB18030);
    }
  }

  /** .prj and .cpg are a line or a page of text; anything larger is not one. */
  private static final int SMALL_PART_MAX = 64 * 1024;

  private static Map<String, Map<String, Part>> unzip(byte[] zip, long cap, long setting, Path dir, Charset names)
      throws IOException {
    Map<String, Map<String, Part>> sets = new LinkedHashMap<>();
    Map<String, Path> folders = new LinkedHashMap<>();
    long[] total = {0};
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
        String stem = name.substring(0, dot);
        Part part;
        if (ext.equals(".prj") || ext.equals(".cpg")) {
          byte[] b = in.readNBytes(SMALL_PART_MAX + 1);
          if (b.length > SMALL_PART_MAX) {
            throw new ImportFailure("file", "file: " + base + " is larger than " + SMALL_PART_MAX / 1024 + " KB: not a "
                + ext + " file", base + " 超过 " + SMALL_PART_MAX / 1024 + " KB，不是有效的 " + ext + " 文件");
          }
          total[0] += b.length;
          part = new Part(null, b);
        } else {
          // the folder is named by number: entry names come from the upload and never touch the disk
          Path folder = folders.computeIfAbsent(stem, k -> dir.resolve(Integer.toString(folders.size())));
          Files.createDirectories(folder);
          Path file = folder.resolve("layer" + ext);
          copyCapped(in, file, total, cap, setting);
          part = new Part(file, null);
        }
        sets.computeIfAbsent(stem, k -> new LinkedHashMap<>()).put(ext, part);
      }
    } catch (java.util.zip.ZipException ex) {
      throw new ImportFailure("file", "file: not a readable zip archive: " + ex.getMessage(), "不是可读取的 zip 压缩包", ex);
    }
    return sets;
  }

  private static void copyCapped(InputStream in, Path to, long[] total, long cap, long setting) throws IOException {
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(to)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total[0] += n;
        if (total[0] > cap) {
          throw tooLarge(cap, setting);
        }
        out.write(buf, 0, n);
      }
    }
  }

  private static ImportFailure tooLarge(long cap, long setting) {
    long mb = Math.max(1, cap / 1_000_000);
    boolean heap = cap < setting;
    return new ImportFailure("file", "file: the shapefile unzips to more than " + mb + " MB, "
        + (heap ? "more than this server can read at once (a sixteenth of its memory, -Xmx)" : "more than the import limit")
        + "; split the layer into several files and import them one by one",
        "Shapefile 解压后超过 " + mb + " MB，" + (heap ? "超出本服务器一次可读入的大小（内存上限的十六分之一）" : "超出导入大小上限")
            + "；请将图层拆分为多个文件分批导入");
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImportFailure("file", "file: cannot read the shapefile: " + e.getMessage(), "无法读取该 Shapefile", e);
    }
  }

  /**
   * The headers and record layout of a shapefile, checked before SHPRead sees it: SHPRead trusts
   * the counts in the file and allocates arrays of that size, so a damaged or hostile file could
   * ask for gigabytes with a few bytes. Every count is held against the bytes that would have to
   * hold it; what this accepts, SHPRead reads within the file's own size.
   */
  static final class ShapefileCheck {
    private ShapefileCheck() {}

    static void check(Path shp, Path shx, Path dbf) throws IOException {
      ByteBuffer s = map(shp);
      ByteBuffer x = map(shx);
      int type = header(s, ".shp");
      if (header(x, ".shx") != type) {
        throw bad(".shx", "its header names another shape type than the .shp");
      }
      if (!List.of(0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28).contains(type)) {
        throw bad(".shp", "shape type " + type + " is not one a shapefile of parcels can have");
      }
      if ((x.limit() - 100) % 8 != 0) {
        throw bad(".shx", "its length is not a header and whole 8-byte records");
      }
      int records = (x.limit() - 100) / 8;
      x.order(ByteOrder.BIG_ENDIAN);
      for (int i = 0; i < records; i++) {
        long offset = (x.getInt(100 + i * 8) & 0xFFFFFFFFL) * 2;
        long length = (x.getInt(104 + i * 8) & 0xFFFFFFFFL) * 2;
        if (offset < 100 || offset + 8 + length > s.limit()) {
          throw bad(".shx", "record " + (i + 1) + " points outside the .shp");
        }
        record(s, (int) offset + 8, (int) length, type, i + 1);
      }
      dbfHeader(map(dbf));
    }

    private static ByteBuffer map(Path p) throws IOException {
      try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
        if (c.size() > Integer.MAX_VALUE) {
          throw bad(p.getFileName().toString(), "larger than 2 GB");
        }
        return c.map(FileChannel.MapMode.READ_ONLY, 0, c.size());
      }
    }

    /** File code 9994, version 1000, the length in the header equal to the file's; returns the shape type. */
    private static int header(ByteBuffer b, String part) {
      if (b.limit() < 100) {
        throw bad(part, "shorter than a shapefile header");
      }
      b.order(ByteOrder.BIG_ENDIAN);
      if (b.getInt(0) != 9994) {
        throw bad(part, "it does not start as a shapefile does");
      }
      long words = b.getInt(24) & 0xFFFFFFFFL;
      b.order(ByteOrder.LITTLE_ENDIAN);
      if (b.getInt(28) != 1000 || words * 2 != b.limit()) {
        throw bad(part, "its header does not match its length");
      }
      return b.getInt(32);
    }

    /** One record's content: its type, and for multi-part shapes counts that fit in its length. */
    private static void record(ByteBuffer b, int at, int length, int fileType, int n) {
      if (length < 4) {
        throw bad(".shp", "record " + n + " is empty");
      }
      b.order(ByteOrder.LITTLE_ENDIAN);
      int type = b.getInt(at);
      if (type == 0) {
        return;
      }
      if (type != fileType) {
        throw bad(".shp", "record " + n + " has shape type " + type + " in a file of type " + fileType);
      }
      switch (type) {
        case 1, 11, 21 -> {
          if (length < 20) {
            throw bad(".shp", "record " + n + " is too short for a point");
          }
        }
        case 8, 18, 28 -> {
          if (length < 40) {
            throw bad(".shp", "record " + n + " is too short for its points");
          }
          long points = b.getInt(at + 36);
          if (points < 0 || 40 + 16 * points > length) {
            throw bad(".shp", "record " + n + " counts more points than it holds");
          }
        }
        default -> {
          if (length < 44) {
            throw bad(".shp", "record " + n + " is too short for its parts");
          }
          long parts = b.getInt(at + 36);
          long points = b.getInt(at + 40);
          if (parts < 1 || points < 0 || 44 + 4 * parts + 16 * points > length) {
            throw bad(".shp", "record " + n + " counts more parts or points than it holds");
          }
          int previous = -1;
          for (int i = 0; i < parts; i++) {
            int start = b.getInt(at + 44 + 4 * i);
            if (start < 0 || start < previous || (start >= points && points > 0) || (i == 0 && start != 0)) {
              throw bad(".shp", "record " + n + " has parts out of order");
            }
            previous = start;
          }
        }
      }
    }

    /** dBASE header: its length, record length and record count within the file. */
    private static void dbfHeader(ByteBuffer b) {
      if (b.limit() < 33) {
        throw bad(".dbf", "shorter than a dBASE header");
      }
      b.order(ByteOrder.LITTLE_ENDIAN);
      long records = b.getInt(4) & 0xFFFFFFFFL;
      int headerLength = b.getShort(8) & 0xFFFF;
      int recordLength = b.getShort(10) & 0xFFFF;
      if (headerLength < 33 || headerLength > b.limit() || recordLength < 1
          || headerLength + records * recordLength > b.limit()) {
        throw bad(".dbf", "its header does not match its length");
      }
    }

    private static ImportFailure bad(String part, String why) {
      return new ImportFailure("file", "file: the " + part + " part is damaged or not a shapefile: " + why,
          "Shapefile 的 " + part + " 文件已损坏或不是 Shapefile 格式");
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    String first = m.isEmpty() ? e.getClass().getSimpleName() : m.split("\n")[0];
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
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
