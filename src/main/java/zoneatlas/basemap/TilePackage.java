package zoneatlas.basemap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An offline basemap: one file of tiles (MBTiles or PMTiles, raster or vector) that this server
 * serves itself at {@code /basemap/tiles/{z}/{x}/{y}}, for intranet (内网) deployments that reach no
 * tile service. Opened once at start-up; a file that cannot be read stops the server then rather
 * than at the first map view. Implementations are thread-safe.
 */
public interface TilePackage extends AutoCloseable {

  /**
   * What the map needs to draw the package.
   *
   * @param kind {@code mbtiles} or {@code pmtiles}
   * @param format {@code png}, {@code jpg}, {@code webp}, {@code avif} (raster) or {@code pbf} (Mapbox vector tiles)
   * @param bounds west, south, east, north in degrees, or null when the file does not say
   * @param vectorLayers the vector layers as the file's metadata lists them ({@code id}, {@code fields}...), empty for raster
   */
  record Info(String kind, String format, int minZoom, int maxZoom, double[] bounds, String name, String attribution,
      List<Map<String, Object>> vectorLayers) {

    public boolean vector() {
      return "pbf".equals(format);
    }

    /** The media type of one tile. */
    public String mediaType() {
      return switch (format) {
        case "pbf" -> "application/vnd.mapbox-vector-tile";
        case "jpg" -> "image/jpeg";
        case "webp" -> "image/webp";
        case "avif" -> "image/avif";
        default -> "image/png";
      };
    }
  }

  Info info();

  /**
   * The tile at z/x/y (XYZ: row 0 at the north, as Leaflet asks), uncompressed; null when the
   * package holds none there.
   */
  byte[] tile(int z, int x, int y) throws IOException;

  @Override
  void close();

  /** Opens an MBTiles (SQLite) or PMTiles file, told apart by their first bytes. */
  static TilePackage open(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IOException("no readable file at " + file.toAbsolutePath());
    }
    byte[] head = new byte[16];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      String magic = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (magic.startsWith("PMTiles")) {
        return PmtilesPackage.open(file);
      }
      if (magic.startsWith("SQLite format 3")) {
        return MbtilesPackage.open(file);
      }
    }
    throw new IOException(file + " is neither an MBTiles (SQLite) nor a PMTiles file");
  }

  /** Tiles are often stored gzipped (vector tiles always in MBTiles); the map wants the bytes as they are. */
  static byte[] gunzipIfNeeded(byte[] data) throws IOException {
    if (data == null || data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
      return data;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  /** A format name as the map knows it, from what a file's metadata says ("jpeg", "PNG", "mvt"...). */
  static String normaliseFormat(String f) {
    String v = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "jpeg", "jpg" -> "jpg";
      case "webp" -> "webp";
      case "avif" -> "avif";
      case "pbf", "mvt" -> "pbf";
      default -> "png";
    };
  }
}
