package zoneatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.BenchDatabase;
import zoneatlas.testing.TestServer;

/**
 * Issue 10's benchmarks, on PostGIS with 200,000 parcels each edited twice (400,000 ended versions
 * in the history, made in bulk with the same whole-row copies an edit makes):
 * <ul>
 *   <li>items of a bbox of about 2,500 parcels as of an instant between the two edits (every parcel
 *       then served from the history table) against the same request without {@code datetime};
 *   <li>a PATCH round trip (lock, checks, history copy, change record, new data version, the
 *       feature written back) against a GET of the same item.
 * </ul>
 * Medians and ratios measured in one run, requests alternating; nothing is asserted about time.
 * Run: {@code mvn test -Pbench -Dgroups=bench -Dtest=EditingBench}.
 */
@Tag("bench")
class EditingBench {
  static final int PARCELS = BenchDatabase.PARCELS;
  static final int RUNS = 60;

  @Test
  void datetimeItemsAndPatchRoundTrips() throws Exception {
    // a database of its own: the other benchmarks' parcels stay unedited
    SqlStore store = BenchDatabase.fresh("bench_history");
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t1 = Instant.parse("2026-03-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-06-01T00:00:00Z");
    long tEdit = System.nanoTime();
    editEveryParcelTwice(store, t0, t1, t2);
    System.out.printf("EDITING BENCH: %d parcels edited twice in bulk in %d ms%n", PARCELS,
        (System.nanoTime() - tEdit) / 1_000_000);
    double[] full = ItemsBench.extent(store);
    double frac = Math.sqrt(2500.0 / PARCELS);
    double w = (full[2] - full[0]) * frac;
    double h = (full[3] - full[1]) * frac;
    Random rnd = new Random(11);
    List<double[]> boxes = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      double x = full[0] + rnd.nextDouble() * (full[2] - full[0] - w);
      double y = full[1] + rnd.nextDouble() * (full[3] - full[1] - h);
      boxes.add(new double[] {x, y, x + w, y + h});
    }
    String asOf = "&datetime=" + Instant.parse("2026-04-01T00:00:00Z");
    try (TestServer server = new TestServer(store)) {
      for (int i = 0; i < 8; i++) {
        items(server, boxes.get(i), "");
        items(server, boxes.get(i), asOf);
      }
      long[] now = new long[RUNS];
      long[] then = new long[RUNS];
      long nNow = 0;
      long nThen = 0;
      for (int i = 0; i < RUNS; i++) {
        long a = System.nanoTime();
        nNow += items(server, boxes.get(i), "");
        now[i] = System.nanoTime() - a;
        a = System.nanoTime();
        nThen += items(server, boxes.get(i), asOf);
        then[i] = System.nanoTime() - a;
      }
      double mNow = ItemsBench.median(now) / 1e6;
      double mThen = ItemsBench.median(then) / 1e6;
      System.out.printf("EDITING BENCH: bbox items now median %.1f ms (%d KB); as of a past instant median %.1f ms (%d KB);"
          + " ratio %.2f (goal <= 1.5)%n", mNow, nNow / RUNS / 1024, mThen, nThen / RUNS / 1024, mThen / mNow);

      String token = server.token("land_officer");
      HttpClient http = HttpClient.newHttpClient();
      List<String> ids = sampleIds(store, RUNS + 10);
      long[] get = new long[RUNS];
      long[] patch = new long[RUNS];
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        long a = System.nanoTime();
        HttpResponse<String> g = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/collections/parcels/items/"
            + id)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        long tGet = System.nanoTime() - a;
        String etag = g.headers().firstValue("ETag").orElseThrow();
        a = System.nanoTime();
        HttpResponse<String> p = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/collections/parcels/items/"
            + id)).header("Authorization", "Bearer " + token).header("Content-Type", "application/merge-patch+json")
            .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"far\":"
                + (1 + i % 20 / 10.0) + "}}")).build(), HttpResponse.BodyHandlers.ofString());
        long tPatch = System.nanoTime() - a;
        if (p.statusCode() != 200) {
          throw new IllegalStateException("PATCH " + id + " -> " + p.statusCode() + " " + p.body());
        }
        if (i >= 10) {
          get[i - 10] = tGet;
          patch[i - 10] = tPatch;
        }
      }
      double mGet = ItemsBench.median(get) / 1e6;
      double mPatch = ItemsBench.median(patch) / 1e6;
      System.out.printf("EDITING BENCH: GET item median %.2f ms; PATCH round trip median %.2f ms; ratio %.2f%n", mGet, mPatch,
          mPatch / mGet);
    }
  }

  static long items(TestServer server, double[] b, String extra) throws Exception {
    String url = server.base() + "/collections/parcels/items?limit=5000&bbox=" + b[0] + "," + b[1] + "," + b[2] + "," + b[3]
        + extra;
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestProperty("Accept", "application/geo+json");
    if (c.getResponseCode() != 200) {
      throw new IllegalStateException("HTTP " + c.getResponseCode() + " for " + url);
    }
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (java.io.InputStream in = c.getInputStream()) {
      for (int k; (k = in.read(buf)) > 0; ) {
        n += k;
      }
    }
    return n;
  }

  /**
   * Two rounds of edits of every parcel, as the edit path stores them: each round ends every live
   * version (a whole-row copy into parcels_history, closed at the round's instant) and makes the
   * next (version + 1, a new FAR, stamped with the round's change).
   */
  static void editEveryParcelTwice(SqlStore s, Instant t0, Instant t1, Instant t2) throws Exception {
    String cols = "id, zone, board, park, small_micro_park, land_use_code, land_use_name, status, area_m2, area_mu,"
        + " floor_area_m2, far, coverage, far_min, coverage_min, req_invest_wan_per_mu, req_tax_wan_per_mu, supply_year,"
        + " build_start_year, synthetic, version, valid_from, change_id, geom";
    try (Connection c = s.connection(); Statement st = c.createStatement()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE parcels SET valid_from = ?")) {
        ps.setObject(1, ts(t0));
        ps.executeUpdate();
      }
      for (Instant t : List.of(t1, t2)) {
        long change;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO changes (at, username, role, op, collection, reason,"
            + " request_id, if_match, client, summary, feature_count) VALUES (?, 'bench', 'land_officer', 'update',"
            + " 'parcels', 'bench round', 'bench', true, 'bench', 'far', ?) RETURNING id")) {
          ps.setObject(1, ts(t));
          ps.setInt(2, PARCELS);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            change = rs.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO parcels_history (" + cols + ", valid_to, ended_by)"
            + " SELECT " + cols + ", ?, ? FROM parcels")) {
          ps.setObject(1, ts(t));
          ps.setLong(2, change);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE parcels SET version = version + 1, valid_from = ?,"
            + " change_id = ?, far = COALESCE(far, 0) + 0.1")) {
          ps.setObject(1, ts(t));
          ps.setLong(2, change);
          ps.executeUpdate();
        }
      }
      st.execute("VACUUM ANALYZE");
    }
  }

  static List<String> sampleIds(SqlStore s, int n) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = s.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM parcels ORDER BY md5(id) LIMIT " + n)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  static OffsetDateTime ts(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
