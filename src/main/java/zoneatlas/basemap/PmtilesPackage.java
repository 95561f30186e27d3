package zoneatlas.basemap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A PMTiles version 3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * a 127-byte header, a root directory, optional leaf directories and the tiles, all addressed by
 * byte offsets, so a tile costs one or two positional reads of the file. Tiles are keyed by their
 * position on a Hilbert curve per zoom ({@link #tileId}). No Java library for the format is
 * published on Maven Central apart from planetiler's whole tile-building engine, and the reading
 * half of the format is this small. Directories compressed with gzip or none are read (what the
 * {@code pmtiles} tool and planetiler write by default); brotli and zstd are refused at start-up.
 * Thread-safe: reads are positional on one channel, and parsed leaf directories are cached.
 */
final class PmtilesPackage implements TilePackage {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int HEADER_BYTES = 127;
  private static final int LEAF_CACHE = 64;

  /** One run of tiles: {@code runLength} consecutive tile ids stored at one place, or 0 for a leaf directory. */
  record Entry(long tileId, long offset, int length, long runLength) {}

  private final FileChannel file;
  private final long leafOffset;
  private final long dataOffset;
  private final int internalCompression;
  private final int tileCompression;
  private final List<Entry> root;
  private final Info info;
  private final Map<Long, List<Entry>> leaves = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, List<Entry>> eldest) {
      return size() > LEAF_CACHE;
    }
  });

  private PmtilesPackage(Path path) throws IOException {
    file = FileChannel.open(path, StandardOpenOption.READ);
    try {
      ByteBuffer h = read(0, HEADER_BYTES);
      byte[] magic = new byte[7];
      h.get(magic);
      if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("PMTiles") || h.get(7) != 3) {
        throw new IOException(path + " is not a PMTiles version 3 file");
      }
      long rootOffset = h.getLong(8);
      long rootLength = h.getLong(16);
      long metaOffset = h.getLong(24);
      long metaLength = h.getLong(32);
      leafOffset = h.getLong(40);
      dataOffset = h.getLong(56);
      internalCompression = h.get(97);
      tileCompression = h.get(98);
      int tileType = h.get(99);
      int minZoom = h.get(100) & 0xff;
      int maxZoom = h.get(101) & 0xff;
      double[] bounds = {h.getInt(102) / 1e7, h.getInt(106) / 1e7, h.getInt(110) / 1e7, h.getInt(114) / 1e7};
      if (internalCompression != 1 && internalCompression != 2) {
        throw new IOException(path + ": directories compressed with " + compressionName(internalCompression)
            + "; only gzip or none can be read (pmtiles convert writes gzip)");
      }
      if (tileCompression != 0 && tileCompression != 1 && tileCompression != 2) {
        throw new IOException(path + ": tiles compressed with " + compressionName(tileCompression)
            + "; only gzip or none can be served");
      }
      root = directory(decompress(read(rootOffset, (int) rootLength), internalCompression));
      Map<String, Object> meta = metaLength == 0 ? Map.of()
          : JSON.readValue(decompress(read(metaOffset, (int) metaLength), internalCompression),
              new TypeReference<Map<String, Object>>() {});
      String format = switch (tileType) {
        case 1 -> "pbf";
        case 2 -> "png";
        case 3 -> "jpg";
        case 4 -> "webp";
        case 5 -> "avif";
        default -> TilePackage.normaliseFormat(String.valueOf(meta.getOrDefault("format", "png")));
      };
      List<Map<String, Object>> layers = new ArrayList<>();
      if (meta.get("vector_layers") instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            layers.add(typed);
          }
        }
      }
      boolean boundsSet = bounds[0] != 0 || bounds[1] != 0 || bounds[2] != 0 || bounds[3] != 0;
      info = new Info("pmtiles", format, minZoom, maxZoom, boundsSet ? bounds : null,
          String.valueOf(meta.getOrDefault("name", path.getFileName().toString())),
          String.valueOf(meta.getOrDefault("attribution", "")), List.copyOf(layers));
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e instanceof IOException io ? io : new IOException(path + " is not a readable PMTiles file: " + e, e);
    }
  }

  static PmtilesPackage open(Path file) throws IOException {
    return new PmtilesPackage(file);
  }

  @Override
  public Info info() {
    return info;
  }

  @Override
  public byte[] tile(int z, int x, int y) throws IOException {
    if (z < info.minZoom() || z > info.maxZoom() || z > 26) {
      return null;
    }
    long id = tileId(z, x, y);
    List<Entry> dir = root;
    // the spec allows a root and at most three levels of leaves
    for (int depth = 0; depth < 4; depth++) {
      Entry e = find(dir, id);
      if (e == null) {
        return null;
      }
      if (e.runLength() > 0) {
        byte[] data = bytes(read(dataOffset + e.offset(), e.length()));
        return tileCompression == 2 ? TilePackage.gunzipIfNeeded(data) : data;
      }
      long at = leafOffset + e.offset();
      List<Entry> leaf = leaves.get(at);
      if (leaf == null) {
        leaf = directory(decompress(read(at, e.length()), internalCompression));
        leaves.put(at, leaf);
      }
      dir = leaf;
    }
    return null;
  }

  /** The entry holding {@code id}: a run that covers it, or the leaf directory that may; null if none. */
  static Entry find(List<Entry> dir, long id) {
    int lo = 0;
    int hi = dir.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long c = dir.get(mid).tileId();
      if (c < id) {
        lo = mid + 1;
      } else if (c > id) {
        hi = mid - 1;
      } else {
        return dir.get(mid);
      }
    }
    // hi is now the last entry before id
    if (hi >= 0) {
      Entry e = dir.get(hi);
      if (e.runLength() == 0 || id - e.tileId() < e.runLength()) {
        return e;
      }
    }
    return null;
  }

  /**
   * The tile id of z/x/y: the tiles of every lower zoom first, then the position on this zoom's
   * Hilbert curve.
   */
  static long tileId(int z, long x, long y) {
    long n = 1L << z;
    if (x < 0 || y < 0 || x >= n || y >= n) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside its zoom");
    }
    long acc = ((1L << (2 * z)) - 1) / 3;
    long d = 0;
    long tx = x;
    long ty = y;
    for (long s = n / 2; s > 0; s /= 2) {
      long rx = (tx & s) > 0 ? 1 : 0;
      long ry = (ty & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          tx = s - 1 - tx;
          ty = s - 1 - ty;
        }
        long t = tx;
        tx = ty;
        ty = t;
      }
    }
    return acc + d;
  }

  /** A directory: the count, then the ids (each a delta), run lengths, lengths and offsets, as varints. */
  static List<Entry> directory(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int n = (int) varint(b);
    long[] ids = new long[n];
    long last = 0;
    for (int i = 0; i < n; i++) {
      last += varint(b);
      ids[i] = last;
    }
    long[] runs = new long[n];
    for (int i = 0; i < n; i++) {
      runs[i] = varint(b);
    }
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = (int) varint(b);
    }
    List<Entry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long v = varint(b);
      // 0 after the first entry: right after the previous one
      long offset = v == 0 && i > 0 ? out.get(i - 1).offset() + out.get(i - 1).length() : v - 1;
      out.add(new Entry(ids[i], offset, lengths[i], runs[i]));
    }
    return List.copyOf(out);
  }

  private static long varint(ByteBuffer b) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!b.hasRemaining()) {
        throw new IOException("a PMTiles directory ends inside a number");
      }
      int c = b.get() & 0xff;
      v |= (long) (c & 0x7f) << shift;
      if ((c & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("a PMTiles directory holds a number longer than 64 bits");
  }

  private ByteBuffer read(long offset, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    long at = offset;
    while (b.hasRemaining()) {
      int n = file.read(b, at);
      if (n < 0) {
        throw new IOException("the PMTiles file ends before byte " + (offset + length));
      }
      at += n;
    }
    return b.flip();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static byte[] decompress(ByteBuffer b, int compression) throws IOException {
    byte[] raw = bytes(b);
    if (compression != 2) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  private static String compressionName(int c) {
    return switch (c) {
      case 0 -> "an unknown method";
      case 1 -> "none";
      case 2 -> "gzip";
      case 3 -> "brotli";
      case 4 -> "zstd";
      default -> "method " + c;
    };
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      // read-only
    }
  }
}
