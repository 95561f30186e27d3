package zoneatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zoneatlas.config.Config;
import zoneatlas.testing.TestStores;

/**
 * A write the server acknowledged survives {@code kill -9}, and a write in progress at the kill
 * leaves nothing behind. The real server runs as a child JVM on an embedded file. The test starts
 * a large write over HTTP; once the database file starts changing (the database is writing it),
 * it makes small writes one after the other, waiting for each answer, and kills the server the
 * moment the last one is answered: a commit that had reached only memory (H2's default delays
 * the file write by up to 500 ms) would be lost. Then it opens the file again as a restarted
 * server would and checks.
 *
 * <p>Each kind of write is a {@link WriteCase}; add one to {@link #cases()} to cover another
 * write API (a feature PATCH, say) the same way.
 */
class KillDurabilityTest {
  private static final int ACKNOWLEDGED_WRITES = 5;

  @TempDir Path dir;

  /**
   * One kind of write, made over HTTP against the running server. An instance is used for one
   * run: it may keep what it needs between the calls, which come in the order declared here.
   */
  interface WriteCase {
    /** Reads what the writes need (ids, codes) from the store, before the server starts on its file. */
    void prepare(Connection c) throws Exception;

    /**
     * Starts a write large enough to still be running in the database when the test kills the
     * server, seconds later, and returns its answer (which must not have come by then).
     */
    CompletableFuture<HttpResponse<String>> interrupted(ServerProcess server, String adminToken) throws Exception;

    /**
     * Write number {@code n} (1, 2, ...), made while the interrupted write runs, so it must not
     * wait for that one's locks: small, and it must have succeeded when this returns (fail
     * otherwise). Later writes change what earlier ones wrote, so the last one is visible.
     */
    void acknowledged(ServerProcess server, String adminToken, int n) throws Exception;

    /**
     * On the store reopened after the kill: write {@code lastAcknowledged} is there, and no row
     * of the interrupted write is.
     */
    void verify(Connection c, int lastAcknowledged) throws Exception;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("figures import (POST /api/imports/figures)", (Supplier<WriteCase>) FiguresImport::new),
        Arguments.of("feature edit (PATCH /collections/parcels/items/{id})", (Supplier<WriteCase>) ParcelEdit::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anAcknowledgedWriteSurvivesKillAndAnInterruptedOneLeavesNothing(String name, Supplier<WriteCase> make)
      throws Exception {
    WriteCase wc = make.get();
    Path db = dir.resolve("zoneatlas");
    Config config = TestStores.config().with("embedded.path", db.toString());
    // the first start (demo load) runs here, so the server starts on an existing file as after a restart
    try (SqlStore store = Stores.openForServer(config); Connection c = store.connection()) {
      wc.prepare(c);
    }
    Path file = H2gisStore.file(db.toString());
    try (ServerProcess server = ServerProcess.start(dir, db)) {
      String token = server.adminToken();
      FileWatch watch = FileWatch.settled(file);
      long t0 = System.nanoTime();
      CompletableFuture<HttpResponse<String>> pending = wc.interrupted(server, token);
      if (!watch.awaitChange(pending, TimeUnit.MINUTES.toNanos(5))) {
        fail("the interrupted write ended before the database file changed, so it was never killed mid-way"
            + " (make it larger): " + describe(pending) + "\n" + server.output());
      }
      long writing = System.nanoTime();
      for (int n = 1; n <= ACKNOWLEDGED_WRITES; n++) {
        wc.acknowledged(server, token, n);
      }
      server.kill();
      long killed = System.nanoTime();
      if (pending.isDone() && !pending.isCompletedExceptionally()) {
        fail("the interrupted write was answered before the kill (" + describe(pending) + "); make it larger");
      }
      System.out.printf("KillDurabilityTest [%s]: database writing %d ms after the large write was sent;"
          + " %d writes acknowledged in %d ms; killed at once%n", name, (writing - t0) / 1_000_000,
          ACKNOWLEDGED_WRITES, (killed - writing) / 1_000_000);
    }
    try (SqlStore store = Stores.openForServer(config); Connection c = store.connection()) {
      wc.verify(c, ACKNOWLEDGED_WRITES);
    }
  }

  /**
   * A second process on a file in use gets one clear line naming the file and the setting, not a
   * stack trace; and so does this JVM.
   */
  @Test
  void aSecondServerOnTheSameFileSaysWhoHoldsIt() throws Exception {
    Path db = dir.resolve("held");
    try (ServerProcess server = ServerProcess.start(dir, db, "--demo.load", "false")) {
      Process second = ServerProcess.builder(dir, List.of("--embedded.path", db.toString(), "--port", "0",
          "--demo.load", "false")).start();
      String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(second.waitFor(3, TimeUnit.MINUTES));
      assertEquals(4, second.exitValue(), out);
      List<String> lines = out.lines().filter(l -> l.startsWith("zoneatlas:")).toList();
      assertEquals(1, lines.size(), out);
      assertTrue(lines.get(0).contains(H2gisStore.file(db.toString()).toString()), out);
      assertTrue(lines.get(0).contains("embedded.path"), out);
      assertFalse(out.contains("\tat ") || out.contains("Exception"), "no stack trace:\n" + out);
      assertTrue(server.process.isAlive(), "the server holding the file runs on");

      H2gisStore.UnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(
          H2gisStore.UnavailableException.class, () -> H2gisStore.open(db.toString(), 2, 30));
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
    }
  }

  private static String describe(CompletableFuture<HttpResponse<String>> f) {
    if (!f.isDone()) {
      return "no answer";
    }
    try {
      HttpResponse<String> r = f.getNow(null);
      return r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length()));
    } catch (Exception e) {
      return "failed: " + e;
    }
  }

  /**
   * The database file's size and modification time. With every commit written as it happens and
   * no background writer (WRITE_DELAY=0 stops it), a quiet file changes only when the database
   * writes: a large transaction spills its uncommitted pages to the file as it goes, which is
   * the moment to kill.
   */
  static final class FileWatch {
    private final Path file;
    private String last;

    private FileWatch(Path file) throws Exception {
      this.file = file;
      this.last = signature();
    }

    /** Waits until the file has been quiet for two seconds (the pool has opened its connections). */
    static FileWatch settled(Path file) throws Exception {
      FileWatch w = new FileWatch(file);
      long quietSince = System.nanoTime();
      long quiet = TimeUnit.SECONDS.toNanos(2);
      long deadline = quietSince + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() - quietSince < quiet) {
        if (System.nanoTime() > deadline) {
          fail("the database file kept changing for two minutes while nothing was written");
        }
        Thread.sleep(10);
        String now = w.signature();
        if (!now.equals(w.last)) {
          w.last = now;
          quietSince = System.nanoTime();
        }
      }
      return w;
    }

    /** True once the file changes; false if the answer came first or time ran out. */
    boolean awaitChange(CompletableFuture<?> answer, long timeoutNanos) throws Exception {
      long deadline = System.nanoTime() + timeoutNanos;
      while (System.nanoTime() < deadline && !answer.isDone()) {
        if (!signature().equals(last)) {
          return true;
        }
        Thread.sleep(1);
      }
      return false;
    }

    private String signature() throws Exception {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Yearly figures. The interrupted import brings every enterprise's figures for 2050-2089 (about
   * 314,000 rows, 10 MB: many seconds of work for the server, more than the acknowledged writes
   * need on a loaded machine); the acknowledged ones, made meanwhile, set
   * tax_wan = n for three enterprises in 2040. They touch other rows, and the large import moves
   * the data version (the one row both write) only after its inserts, so they do not wait for it.
   */
  static final class FiguresImport implements WriteCase {
    private static final int SMALL_YEAR = 2040;
    private static final int BIG_FROM = 2050;
    private static final int BIG_YEARS = 40;
    private final List<String[]> enterprises = new ArrayList<>();

    @Override
    public void prepare(Connection c) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, uscc FROM enterprises ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          enterprises.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      assertTrue(enterprises.size() > 5000, "the demo has thousands of enterprises: " + enterprises.size());
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM enterprise_figures WHERE year >= ?")) {
        ps.setInt(1, SMALL_YEAR);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(0, rs.getLong(1), "the demo has no figures for the years this test writes");
        }
      }
    }

    @Override
    public void acknowledged(ServerProcess server, String token, int n) throws Exception {
      StringBuilder csv = new StringBuilder("uscc,year,tax_wan\n");
      for (int i = 0; i < 3; i++) {
        csv.append(enterprises.get(i)[1]).append(',').append(SMALL_YEAR).append(',').append(n).append('\n');
      }
      HttpResponse<String> r = server.send(post(server, token, csv));
      assertEquals(200, r.statusCode(), "acknowledged write " + n + ": " + r.body());
    }

    @Override
    public CompletableFuture<HttpResponse<String>> interrupted(ServerProcess server, String token) {
      StringBuilder csv = new StringBuilder("uscc,year,tax_wan,revenue_wan\n");
      for (int y = BIG_FROM; y < BIG_FROM + BIG_YEARS; y++) {
        for (String[] e : enterprises) {
          csv.append(e[1]).append(',').append(y).append(",1.5,2.5\n");
        }
      }
      return server.sendAsync(post(server, token, csv));
    }

    private static HttpRequest post(ServerProcess server, String token, CharSequence csv) {
      return server.request("/api/imports/figures", token).header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
    }

    @Override
    public void verify(Connection c, int lastAcknowledged) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT enterprise_id, tax_wan FROM enterprise_figures WHERE year = ?")) {
        ps.setInt(1, SMALL_YEAR);
        List<String> got = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            got.add(rs.getString(1) + "=" + rs.getDouble(2));
          }
        }
        got.sort(null);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          want.add(enterprises.get(i)[0] + "=" + (double) lastAcknowledged);
        }
        want.sort(null);
        assertEquals(want, got, "the last acknowledged import is there");
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM enterprise_figures WHERE year >= ?")) {
        ps.setInt(1, BIG_FROM);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(0, rs.getLong(1), "no row of the interrupted import");
        }
      }
    }
  }

  /**
   * Edits of a parcel through OGC API Part 4 while a large figures import runs: each PATCH sets the
   * parcel's floor-area ratio to n and is a new version with its change record. After the kill the
   * last acknowledged edit is there, whole (live row, version, history copy and record), and nothing
   * of the interrupted import is.
   */
  static final class ParcelEdit implements WriteCase {
    private final FiguresImport big = new FiguresImport();
    private String parcel;
    private int version;

    @Override
    public void prepare(Connection c) throws SQLException {
      big.prepare(c);
      try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM parcels WHERE status = 'in_use' ORDER BY id"
          + " LIMIT 1"); ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        parcel = rs.getString(1);
        version = rs.getInt(2);
      }
    }

    @Override
    public CompletableFuture<HttpResponse<String>> interrupted(ServerProcess server, String token) {
      return big.interrupted(server, token);
    }

    @Override
    public void acknowledged(ServerProcess server, String token, int n) throws Exception {
      HttpResponse<String> r = server.send(server.request("/collections/parcels/items/" + parcel, token)
          .header("Content-Type", "application/merge-patch+json").header("X-Change-Reason", "kill-test-" + n)
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":" + n + "}}")).build());
      assertEquals(200, r.statusCode(), "acknowledged edit " + n + ": " + r.body());
    }

    @Override
    public void verify(Connection c, int lastAcknowledged) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT far, version FROM parcels WHERE id = ?")) {
        ps.setString(1, parcel);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(lastAcknowledged, rs.getDouble(1), 0, "the last acknowledged edit is there");
          assertEquals(version + lastAcknowledged, rs.getInt(2), "one version per acknowledged edit");
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM parcels_history WHERE id = ?")) {
        ps.setString(1, parcel);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(lastAcknowledged, rs.getInt(1), "each edit kept the version it ended");
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM changes WHERE reason LIKE 'kill-test-%'")) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(lastAcknowledged, rs.getInt(1), "each edit has its change record, and no other");
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM enterprise_figures WHERE year >= 2050");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getLong(1), "no row of the interrupted import");
      }
    }
  }
}
