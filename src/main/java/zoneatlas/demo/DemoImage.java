package zoneatlas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import zoneatlas.config.Config;
import zoneatlas.store.H2gisStore;

/**
 * The demo data as a ready embedded database file, made when the jar is built ({@code mvn package}
 * runs {@link #main} in {@code prepare-package}) by the same seeded generator and loader a server
 * would run. A first start on an empty embedded store copies this file instead of generating and
 * writing every parcel, enterprise and figure again, which was most of its time. The image says
 * which seed made it; a server configured with another seed, or a jar without an image (classes run
 * from an IDE), generates as before. The image's history begins when the jar was built.
 */
public final class DemoImage {
  static final String IMAGE = "demo/zoneatlas-demo.mv.db.gz";
  static final String SEED = "demo/zoneatlas-demo.seed";

  private DemoImage() {}

  /** {@code DemoImage OUTPUT_DIR}: writes the image of the default seed under OUTPUT_DIR (the classes folder). */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DemoImage OUTPUT_DIR");
    }
    long seed = Config.of(Map.of()).longValue("demo.seed");
    write(Path.of(args[0]), seed);
  }

  /** Loads the demo data of {@code seed} into a new file database and stores it, compacted and gzipped, under {@code dir}. */
  public static void write(Path dir, long seed) throws Exception {
    Path work = Files.createTempDirectory("zoneatlas-demo-image");
    try {
      String path = work.resolve("demo").toString();
      try (H2gisStore store = H2gisStore.open(path, 2, 0)) {
        DemoLoader.load(store, seed);
      }
      H2gisStore.compact(path);
      Path image = dir.resolve(IMAGE);
      Files.createDirectories(image.getParent());
      Path part = image.resolveSibling(image.getFileName() + ".part");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(part), 1 << 16)) {
        Files.copy(H2gisStore.file(path), out);
      }
      Files.move(part, image, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve(SEED), Long.toString(seed), StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Puts the image at {@code dbFile} when there is no database there yet and the jar holds an image
   * of {@code seed}. The file appears whole or not at all: written beside it, forced to disk, then
   * renamed, so a start killed half-way leaves no database that looks loaded.
   *
   * @return whether the image was installed (false: generate the demo data instead)
   */
  public static boolean install(Path dbFile, long seed) throws IOException {
    return install(dbFile, seed, DemoImage.class.getClassLoader());
  }

  /** As above, the image read through {@code cl} (a test's own folder). */
  public static boolean install(Path dbFile, long seed, ClassLoader cl) throws IOException {
    if (Files.exists(dbFile)) {
      return false;
    }
    try (InputStream seedIn = cl.getResourceAsStream(SEED)) {
      if (seedIn == null || !new String(seedIn.readAllBytes(), StandardCharsets.UTF_8).strip().equals(Long.toString(seed))) {
        return false;
      }
    }
    Files.createDirectories(dbFile.getParent());
    Path part = dbFile.resolveSibling(dbFile.getFileName() + ".part");
    try (InputStream in = cl.getResourceAsStream(IMAGE)) {
      if (in == null) {
        return false;
      }
      try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
        Files.copy(gz, part, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(part, dbFile, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
    return true;
  }
}
