package zoneatlas.imports.spatial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip whose entries inflate to gigabytes of zeros, made in a second or two without ever holding
 * or deflating those gigabytes: one mebibyte of zeros deflated after a window of zeros is the same
 * bytes wherever it stands in the stream, so it is written once and repeated. Nothing big is
 * committed to the repository.
 */
final class ZipBomb {
  private static final int MIB = 1 << 20;

  private ZipBomb() {}

  /** Entry name → size in MiB (at least 1) of the zeros it inflates to. */
  static byte[] zip(Map<String, Integer> entries) {
    byte[] zeros = new byte[MIB];
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] head = deflate(d, zeros, Deflater.SYNC_FLUSH);
    byte[] repeat = deflate(d, zeros, Deflater.SYNC_FLUSH);
    d.finish();
    byte[] tail = deflate(d, new byte[0], Deflater.NO_FLUSH);
    d.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, long[]> central = new LinkedHashMap<>();
    for (var e : entries.entrySet()) {
      int mib = e.getValue();
      CRC32 crc = new CRC32();
      for (int i = 0; i < mib; i++) {
        crc.update(zeros);
      }
      long compressed = head.length + (long) repeat.length * (mib - 1) + tail.length;
      long size = (long) mib * MIB;
      long offset = out.size();
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      ByteBuffer h = le(30 + name.length);
      h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0)
          .putShort((short) 0x21).putInt((int) crc.getValue()).putInt((int) compressed).putInt((int) size)
          .putShort((short) name.length).putShort((short) 0).put(name);
      out.writeBytes(h.array());
      out.writeBytes(head);
      for (int i = 1; i < mib; i++) {
        out.writeBytes(repeat);
      }
      out.writeBytes(tail);
      central.put(e.getKey(), new long[] {crc.getValue(), compressed, size, offset});
    }
    long cdStart = out.size();
    for (var e : central.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      long[] v = e.getValue();
      ByteBuffer c = le(46 + name.length);
      c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
          .putShort((short) 0).putShort((short) 0x21).putInt((int) v[0]).putInt((int) v[1]).putInt((int) v[2])
          .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
          .putInt(0).putInt((int) v[3]).put(name);
      out.writeBytes(c.array());
    }
    long cdSize = out.size() - cdStart;
    ByteBuffer end = le(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) central.size())
        .putShort((short) central.size()).putInt((int) cdSize).putInt((int) cdStart).putShort((short) 0);
    out.writeBytes(end.array());
    return out.toByteArray();
  }

  /** The classic shape: a shapefile's .shp and .dbf of about 1.9 GB each. */
  static byte[] shapefile() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String part : List.of("bomb.shp", "bomb.dbf")) {
      m.put(part, 1812);
    }
    return zip(m);
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] deflate(Deflater d, byte[] input, int flush) {
    d.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    while (true) {
      int n = d.deflate(buf, 0, buf.length, flush);
      out.write(buf, 0, n);
      if (flush == Deflater.NO_FLUSH ? d.finished() : (n < buf.length && d.needsInput())) {
        break;
      }
    }
    return out.toByteArray();
  }
}
