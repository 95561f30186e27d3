package zoneatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * Another decoder than the one the contract uses: GDAL's MVT driver (Debian gdal-bin) reads a tile
 * saved as {@code z/x/y.pbf}, georeferences it from the path, and finds the same features. Fails,
 * not skips, when GDAL cannot run.
 */
@Tag("gdal")
class TilesGdalTest {
  @TempDir
  Path tmp;

  @Test
  void gdalReadsTheSameParcelsFromATileInTheirPlace() throws Exception {
    TilesContract c = new TilesContract() {
      @Override
      SqlStore store() {
        return TestStores.h2();
      }
    };
    c.boot();
    byte[] bytes;
    WebMercatorQuad.Tile t = TilesContract.tileAt(15, c.lon, c.lat);
    try {
      bytes = c.tileBytes(TilesContract.path("parcels", t));
    } finally {
      c.stop();
    }
    Path file = tmp.resolve(t.z() + "/" + t.x() + "/" + t.y() + ".pbf");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-geom=SUMMARY", "-oo", "CLIP=NO", file.toString()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Layer name: parcels"), out);
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s+id \\(String\\) = (\\S+)$").matcher(out);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertEquals(TilesContract.decode(bytes, "parcels").keySet(), ids);
    // GDAL places the tile by its path (CLIP=NO: it would cut what lies in the buffer): the extent lies
    // within the tile and its buffer
    Matcher e = Pattern.compile("Extent: \\((-?[0-9.]+), (-?[0-9.]+)\\) - \\((-?[0-9.]+), (-?[0-9.]+)\\)").matcher(out);
    assertTrue(e.find(), out);
    double[] b = t.bounds3857(WebMercatorQuad.BUFFER + 1);
    List<Double> ext = List.of(Double.parseDouble(e.group(1)), Double.parseDouble(e.group(2)),
        Double.parseDouble(e.group(3)), Double.parseDouble(e.group(4)));
    assertTrue(ext.get(0) >= b[0] && ext.get(1) >= b[1] && ext.get(2) <= b[2] && ext.get(3) <= b[3],
        ext + " within " + List.of(b[0], b[1], b[2], b[3]));
  }
}
