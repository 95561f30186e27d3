package zoneatlas.imports.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Shapefiles made to hurt: damaged or random parts and counts that ask for gigabytes are a 400
 * naming the file (in English and Chinese), and a zip bomb is refused by a server with a small
 * heap without running it out of memory.
 */
class ShapefileAbuseTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void randomOrDamagedPartsAreRefusedNamingTheFile() throws Exception {
    Random rnd = new Random(13);
    Map<String, byte[]> good = entries(ImportFixtures.bytes("parcels_gbk_4547.zip"));
    String stem = good.keySet().stream().filter(n -> n.endsWith(".shp")).findFirst().orElseThrow().replace(".shp", "");
    List<Map<String, byte[]>> cases = new ArrayList<>();
    cases.add(with(good, stem + ".shp", b -> random(rnd, b.length)));
    cases.add(with(good, stem + ".dbf", b -> random(rnd, b.length)));
    cases.add(with(good, stem + ".shx", b -> random(rnd, b.length)));
    cases.add(with(with(with(good, stem + ".shp", b -> random(rnd, 5000)), stem + ".dbf", b -> random(rnd, 3000)),
        stem + ".shx", b -> random(rnd, 700)));
    // a valid header, then a record asking for 2^31-1 parts, or as many points
    cases.add(with(good, stem + ".shp", b -> poke(b, 100 + 8 + 36, Integer.MAX_VALUE)));
    cases.add(with(good, stem + ".shp", b -> poke(b, 100 + 8 + 40, Integer.MAX_VALUE)));
    cases.add(with(good, stem + ".shp", b -> poke(b, 100 + 8 + 40, -7)));
    // the .shx pointing far past the .shp
    cases.add(with(good, stem + ".shx", b -> pokeBig(b, 100, 0x3FFFFFFF)));
    // a .dbf claiming a billion records
    cases.add(with(good, stem + ".dbf", b -> poke(b, 4, 1_000_000_000)));
    // the .dbf's fields cut off after the header
    cases.add(with(good, stem + ".dbf", b -> java.util.Arrays.copyOf(b, 40)));
    // the .shp cut in the middle of its records, header length patched to match
    cases.add(with(good, stem + ".shp", b -> pokeBig(java.util.Arrays.copyOf(b, 160), 24, 80)));
    for (int i = 0; i < cases.size(); i++) {
      byte[] zip = zip(cases.get(i));
      int n = i;
      ImportFailure e = assertThrows(ImportFailure.class, () -> ShapefileSource.read(zip, null, null, 100_000_000),
          "case " + n);
      assertEquals("file", e.parameter, "case " + n + ": " + e.getMessage());
      assertTrue(e.messageZh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          "case " + n + ": " + e.messageZh);
    }
    // and the untouched fixture still reads
    assertEquals(3, ShapefileSource.read(zip(good), null, null, 100_000_000).features().size());
  }

  @Test
  void overHttpAGarbageShapefileIsA400WithAChineseDescription() throws Exception {
    Random rnd = new Random(7);
    Map<String, byte[]> garbage = new LinkedHashMap<>();
    garbage.put("lots.shp", random(rnd, 20_000));
    garbage.put("lots.shx", random(rnd, 900));
    garbage.put("lots.dbf", random(rnd, 9_000));
    try (TestServer s = new TestServer(TestStores.h2())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(ParcelImportContract.post(
          s.base() + "/api/imports/parcels?dry_run=true&format=shp-zip", zip(garbage), s.token("admin"), "application/zip"),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode(), r.body());
      JsonNode j = JSON.readTree(r.body());
      assertEquals("file", j.path("parameter").asText(), r.body());
      assertTrue(j.path("description_zh").asText().contains("Shapefile"), r.body());
    }
  }

  @Test
  void theBombInflatesToWhatItDeclares() throws Exception {
    byte[] small = ZipBomb.zip(Map.of("z.shp", 3));
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(small))) {
      ZipEntry e = in.getNextEntry();
      assertEquals("z.shp", e.getName());
      byte[] all = in.readAllBytes(); // the CRC and size are checked at the entry's end
      assertEquals(3 << 20, all.length);
      assertTrue(java.util.stream.IntStream.range(0, all.length).allMatch(i -> all[i] == 0));
    }
    assertTrue(ZipBomb.shapefile().length < 8_000_000, "a few MB");
  }

  /**
   * The bomb of the review: a few MB whose .shp and .dbf inflate to 1.9 GB each, posted to a server
   * with a 256 MB heap. It must answer 400 naming the file, keep serving, and never run out of
   * memory.
   */
  @Test
  void aZipBombIsRefusedByAServerWithASmallHeap() throws Exception {
    byte[] bomb = ZipBomb.shapefile();
    Path dir = Files.createTempDirectory("zoneatlas-bomb");
    Files.writeString(dir.resolve("empty.properties"), "");
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + dir, "-cp", cp, "zoneatlas.App", "--config",
        dir.resolve("empty.properties").toString(), "--embedded.path", "mem", "--demo.load", "false", "--host", "127.0.0.1",
        "--port", "0", "--auth.secret", "test-secret-0123456789", "--auth.user.admin", TestStores.config().get("auth.user.admin"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ZONEATLAS_"));
    Process p = pb.start();
    StringBuffer output = new StringBuffer();
    int[] port = {-1};
    Pattern serving = Pattern.compile("ZoneAtlas serving on http://localhost:(\\d+)/");
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.append(line).append('\n');
          Matcher m = serving.matcher(line);
          if (m.find()) {
            port[0] = Integer.parseInt(m.group(1));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    pump.setDaemon(true);
    pump.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (port[0] < 0) {
        assertTrue(p.isAlive(), "the server exited:\n" + output);
        assertTrue(System.nanoTime() < deadline, "the server did not start:\n" + output);
        Thread.sleep(50);
      }
      String base = "http://127.0.0.1:" + port[0];
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + TestStores.PASSWORD + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      String token = JSON.readTree(login.body()).path("token").asText();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
              + "/api/imports/parcels?dry_run=true&format=shp-zip&filename=bomb.zip"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
          .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode(), r.body() + "\n" + output);
      JsonNode j = JSON.readTree(r.body());
      assertEquals("file", j.path("parameter").asText(), r.body());
      assertTrue(j.path("description").asText().contains("unzips to more than"), r.body());
      assertTrue(j.path("description_zh").asText().contains("解压后超过"), r.body());
      // still serving, and it never ran out of memory
      HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(base + "/collections")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, after.statusCode());
      assertFalse(output.toString().contains("OutOfMemoryError"), output.toString());
      try (var left = Files.list(dir)) {
        assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("zoneatlas-shp")), "the unzipped parts are removed");
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(1, TimeUnit.MINUTES);
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        m.put(e.getName(), in.readAllBytes());
      }
    }
    return m;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> with(Map<String, byte[]> m, String name, UnaryOperator<byte[]> change) {
    Map<String, byte[]> copy = new LinkedHashMap<>(m);
    copy.put(name, change.apply(m.get(name).clone()));
    return copy;
  }

  static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static byte[] poke(byte[] b, int at, int littleEndian) {
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, littleEndian);
    return b;
  }

  static byte[] pokeBig(byte[] b, int at, int bigEndian) {
    ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(at, bigEndian);
    return b;
  }
}
