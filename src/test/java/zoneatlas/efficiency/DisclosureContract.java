package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import zoneatlas.model.LandUse;
import zoneatlas.model.Parcel;
import zoneatlas.model.YearFigures;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * The attacker's test of statistical disclosure control, on each store: everything published to
 * anonymous callers and planners over HTTP, for every year (indicators at every level as JSON and
 * CSV, trends, targets, the low-efficiency list), is turned into the released-cell matrix (one row
 * per released figure, one column per enterprise, entries its share in the figure), and no row,
 * no parent less its published parts, no difference of two overlapping cells and no row of the
 * matrix reduced to echelon form may rest on one or two enterprises. Then planners' drawn areas:
 * random overlapping pairs and areas over one firm's parcels, whose answers and differences must
 * not rest on one or two enterprises either.
 */
abstract class DisclosureContract {
  abstract SqlStore store();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN = 3;
  private static final double EPS = 1e-7;
  /** Tax, revenue, value added, energy: the confidential figures (indexes into {@link EfficiencyResult#FIGURES}). */
  private static final int[] CONFIDENTIAL = {0, 1, 2, 3};
  private static final Map<SqlStore, World> WORLDS = new HashMap<>();

  /** The store's data, each year's result under the default scheme, and a server over it. */
  record World(TestServer server, String planner, EfficiencyData d, Map<Integer, EfficiencyResult> results,
      Map<String, Geometry> geoms) {}

  /** One released figure: its year and parcels (by index), and where it was seen. */
  record Cell(int year, String level, String id, int[] parcels, String where) {}

  World world() throws Exception {
    synchronized (WORLDS) {
      World w = WORLDS.get(store());
      if (w == null) {
        long t0 = System.nanoTime();
        TestServer s = new TestServer(store());
        EfficiencyData d = new EfficiencyRepository(store()).load();
        Map<Integer, EfficiencyResult> rs = new TreeMap<>();
        for (int y : d.years()) {
          rs.put(y, EfficiencyEngine.compute(d, Schemes.load().defaultScheme(), y));
        }
        Map<String, Geometry> g = new HashMap<>();
        WKBReader rd = new WKBReader();
        try (Connection c = store().connection();
            PreparedStatement ps = c.prepareStatement("SELECT id, ST_AsBinary(geom) FROM parcels");
            ResultSet q = ps.executeQuery()) {
          while (q.next()) {
            g.put(q.getString(1), rd.read(q.getBytes(2)));
          }
        }
        w = new World(s, s.token("planner"), d, rs, g);
        System.out.printf("disclosure: world of %d parcels, %d enterprises in %d ms%n", d.parcels.size(), d.enterprises.size(),
            (System.nanoTime() - t0) / 1_000_000);
        WORLDS.put(store(), w);
      }
      return w;
    }
  }

  @AfterAll
  static void stopServers() {
    synchronized (WORLDS) {
      WORLDS.values().forEach(w -> w.server().close());
      WORLDS.clear();
    }
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> get(World w, String path, String token) {
    return token == null ? w.server().get(path) : w.server().get(path, token);
  }

  // ---------------------------------------------------------------------------------------------
  // what is released

  private static final Level[] LEVELS = {Level.parcel, Level.small_micro_park, Level.industrial_park, Level.core_board, Level.zone};

  private static final Map<EfficiencyData, Map<String, int[]>> GROUP_PARCELS = new HashMap<>();

  private static int[] parcelsOf(EfficiencyResult r, Level level, String id, boolean industrialOnly) {
    if (level == Level.parcel) {
      return new int[] {r.data.parcelIndex.get(id)};
    }
    Map<String, int[]> m;
    synchronized (GROUP_PARCELS) {
      m = GROUP_PARCELS.computeIfAbsent(r.data, d -> {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int p = 0; p < d.parcels.size(); p++) {
          Parcel pc = d.parcels.get(p);
          for (Level l : Level.GROUPS) {
            String g = l.groupOf(pc);
            if (g != null) {
              lists.computeIfAbsent(l.param + ":" + g + ":false", k -> new ArrayList<>()).add(p);
              if (EfficiencyEngine.industrial(pc)) {
                lists.computeIfAbsent(l.param + ":" + g + ":true", k -> new ArrayList<>()).add(p);
              }
            }
          }
        }
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
      });
    }
    return m.getOrDefault(level.param + ":" + id + ":" + industrialOnly, new int[0]);
  }

  private static final Set<String> FIGURE_KEYS = figureKeys();

  private static Set<String> figureKeys() {
    Set<String> k = new HashSet<>(List.of(EfficiencyResult.FIGURES));
    for (Indicator i : Indicator.values()) {
      if (i.fromFigures) {
        k.add(i.key(Indicator.Unit.mu));
      }
    }
    return k;
  }

  /** Every figure a caller (token null: anonymous) is given, for every year, with JSON and CSV agreeing. */
  List<Cell> released(World w, String token, boolean csvToo) throws Exception {
    List<Cell> out = new ArrayList<>();
    Targets targets = Targets.load();
    for (Map.Entry<Integer, EfficiencyResult> e : w.results().entrySet()) {
      int y = e.getKey();
      EfficiencyResult r = e.getValue();
      for (Level l : LEVELS) {
        String q = "/api/efficiency/indicators?level=" + l.param + "&year=" + y;
        JsonNode t = json(get(w, q, token));
        Set<String> shown = new TreeSet<>();
        for (JsonNode row : t.get("rows")) {
          boolean any = false;
          for (String k : FIGURE_KEYS) {
            any |= row.has(k) && !row.get(k).isNull();
          }
          if (any) {
            shown.add(row.get("id").asText());
            out.add(new Cell(y, l.param, row.get("id").asText(), parcelsOf(r, l, row.get("id").asText(), false), "json"));
          }
        }
        if (!csvToo) {
          continue;
        }
        // the CSV export withholds the same
        // the English export writes units in English and names a zone, board or park rather than its id
        Map<String, String> headerToKey = new HashMap<>();
        for (JsonNode c : t.get("columns")) {
          String unit = c.get("unit").isNull() ? "" : ExportView.unitEn(c.get("unit").asText());
          headerToKey.put(c.get("en").asText() + (unit.isEmpty() ? "" : " (" + unit + ")"), c.get("key").asText());
        }
        Map<String, String> idOfName = new HashMap<>();
        for (JsonNode row : t.get("rows")) {
          if (row.hasNonNull("name_en")) {
            idOfName.put(row.get("name_en").asText(), row.get("id").asText());
          }
        }
        String csv = get(w, q + "&format=csv&lang=en", token).body();
        csv = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        Set<String> csvShown = new TreeSet<>();
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
          boolean any = false;
          String id = null;
          for (Map.Entry<String, String> h : rec.toMap().entrySet()) {
            String key = headerToKey.get(h.getKey());
            if ("id".equals(key)) {
              id = h.getValue();
            } else if ("name_en".equals(key) && id == null) {
              id = idOfName.get(h.getValue());
            }
            if (key != null && FIGURE_KEYS.contains(key) && !h.getValue().isEmpty()) {
              any = true;
            }
          }
          if (any) {
            csvShown.add(id);
          }
        }
        assertEquals(shown, csvShown, "CSV and JSON release the same " + l.param + " cells in " + y);
      }
      // targets: the actual value of a zone or park (industrial parcels only for some)
      JsonNode tg = json(get(w, "/api/efficiency/targets?year=" + y, token));
      for (JsonNode row : tg.get("rows")) {
        if (row.get("actual").isNull()) {
          continue;
        }
        Targets.Target t = targets.all().stream().filter(x -> x.id().equals(row.get("target_id").asText())).findFirst().orElseThrow();
        Level l = Level.byParam(row.get("level").asText()).orElseThrow();
        String id = row.get("id").asText();
        out.add(new Cell(y, l.param + (t.industrialLand() ? "/industrial" : ""), id, parcelsOf(r, l, id, t.industrialLand()), "targets"));
        if ("growth>=".equals(t.op()) && w.results().containsKey(y - 1)) {
          EfficiencyResult prev = w.results().get(y - 1);
          out.add(new Cell(y - 1, l.param + (t.industrialLand() ? "/industrial" : ""), id, parcelsOf(prev, l, id, t.industrialLand()), "targets growth"));
        }
      }
      // the low-efficiency list names no figure-based reason and no class
      JsonNode low = json(get(w, "/api/efficiency/low-efficiency?year=" + y, token));
      for (JsonNode row : low.get("rows")) {
        assertTrue(!row.has("class") && !row.has("main_enterprise"), row.toString());
        for (JsonNode code : row.get("reasons")) {
          assertTrue(!LowReason.valueOf(code.asText()).confidential, row.toString());
        }
      }
    }
    for (Level l : Level.GROUPS) {
      for (String ind : List.of("tax_per_mu", "energy_per_value_added")) {
        JsonNode t = json(get(w, "/api/efficiency/trend?level=" + l.param + "&indicator=" + ind, token));
        for (JsonNode row : t.get("rows")) {
          for (int y : w.results().keySet()) {
            if (row.has("y" + y) && !row.get("y" + y).isNull()) {
              out.add(new Cell(y, l.param, row.get("id").asText(), parcelsOf(w.results().get(y), l, row.get("id").asText(), false), "trend"));
            }
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // the matrix

  /** Figure reported (for the figure index) by enterprise e in the year. */
  private static final Map<EfficiencyResult, int[]> MASKS = new HashMap<>();

  private static boolean reports(EfficiencyResult r, int e, int f) {
    int[] m;
    synchronized (MASKS) {
      m = MASKS.computeIfAbsent(r, x -> {
        YearFigures[] figs = x.data.figures(x.year);
        int[] out = new int[x.enterprises.size()];
        for (int i = 0; i < out.length; i++) {
          if (figs != null && figs[i] != null) {
            double[] v = EfficiencyResult.figureValues(figs[i]);
            for (int k = 0; k < v.length; k++) {
              // a zero adds nothing to a total: two real values and a zero are two contributors
              out[i] |= Double.isNaN(v[k]) || v[k] == 0 ? 0 : 1 << k;
            }
          }
        }
        return out;
      });
    }
    return (m[e] & (1 << f)) != 0;
  }

  /** A cell's row for figure f: enterprise index to its share in the cell. */
  private static TreeMap<Integer, Double> row(EfficiencyResult r, int[] parcels, int f) {
    TreeMap<Integer, Double> v = new TreeMap<>();
    for (int p : parcels) {
      for (int i = r.contribStart[p]; i < r.contribStart[p + 1]; i++) {
        int e = r.contribEnt[i];
        if (reports(r, e, f)) {
          v.merge(e, r.contribShare[i], Double::sum);
        }
      }
    }
    return v;
  }

  private static TreeMap<Integer, Double> minus(Map<Integer, Double> a, Map<Integer, Double> b) {
    TreeMap<Integer, Double> v = new TreeMap<>(a);
    b.forEach((k, x) -> v.merge(k, -x, Double::sum));
    return v;
  }

  private static int support(Map<Integer, Double> v) {
    int n = 0;
    for (double x : v.values()) {
      if (Math.abs(x) > EPS) {
        n++;
      }
    }
    return n;
  }

  private static boolean bad(int support) {
    return support > 0 && support < MIN;
  }

  /** Released cells of a year, one per distinct parcel set (keyed by level, id). */
  private static Map<String, Cell> distinct(List<Cell> cells, int year) {
    Map<String, Cell> m = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (c.year() == year) {
        m.putIfAbsent(c.level() + ":" + c.id(), c);
      }
    }
    return m;
  }

  private static List<String> audit(World w, List<Cell> cells, boolean echelon) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, EfficiencyResult> e : w.results().entrySet()) {
      int y = e.getKey();
      EfficiencyResult r = e.getValue();
      Map<String, Cell> rel = distinct(cells, y);
      for (int f : CONFIDENTIAL) {
        String fig = EfficiencyResult.FIGURES[f];
        Map<String, TreeMap<Integer, Double>> rows = new LinkedHashMap<>();
        rel.forEach((k, c) -> rows.put(k, row(r, c.parcels(), f)));
        // (i) no released cell rests on one or two enterprises
        rows.forEach((k, v) -> {
          if (bad(support(v))) {
            problems.add(y + " " + fig + " " + k + " (" + rel.get(k).where() + ") rests on " + support(v) + " enterprises");
          }
        });
        // (ii) parent less its published parts at each finer level
        Map<Integer, List<String>> cellsOfParcel = new HashMap<>();
        rel.forEach((k, c) -> {
          for (int p : c.parcels()) {
            cellsOfParcel.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
          }
        });
        Map<String, Set<Integer>> sets = new HashMap<>();
        rel.forEach((k, c) -> {
          Set<Integer> s = new HashSet<>();
          for (int p : c.parcels()) {
            s.add(p);
          }
          sets.put(k, s);
        });
        for (Map.Entry<String, Cell> pe : rel.entrySet()) {
          Cell parent = pe.getValue();
          Set<Integer> ps = sets.get(pe.getKey());
          Map<String, List<String>> partsByLevel = new TreeMap<>();
          Set<String> seen = new HashSet<>();
          for (int p : parent.parcels()) {
            for (String k : cellsOfParcel.get(p)) {
              if (!k.equals(pe.getKey()) && seen.add(k) && ps.containsAll(sets.get(k)) && ps.size() > sets.get(k).size()) {
                partsByLevel.computeIfAbsent(rel.get(k).level(), x -> new ArrayList<>()).add(k);
              }
            }
          }
          for (Map.Entry<String, List<String>> lv : partsByLevel.entrySet()) {
            Map<Integer, Double> rest = new HashMap<>(rows.get(pe.getKey()));
            for (String k : lv.getValue()) {
              rows.get(k).forEach((en, x) -> rest.merge(en, -x, Double::sum));
            }
            if (bad(support(rest))) {
              problems.add(y + " " + fig + " " + pe.getKey() + " less its published " + lv.getKey() + " cells rests on "
                  + support(rest) + " enterprises");
            }
          }
          // (iii) differences with every overlapping released cell of another level
          for (String k : seen) {
            // the difference has at least | |A| - |B| | enterprises; only near sizes can be short
            if (!rel.get(k).level().equals(parent.level())
                && Math.abs(rows.get(pe.getKey()).size() - rows.get(k).size()) < MIN) {
              int s = support(minus(rows.get(pe.getKey()), rows.get(k)));
              if (bad(s)) {
                problems.add(y + " " + fig + " " + pe.getKey() + " − " + k + " rests on " + s + " enterprises");
              }
            }
          }
        }
        // (iv) the matrix in reduced row echelon form
        if (echelon) {
          long t0 = System.nanoTime();
          Echelon ech = new Echelon();
          rows.values().forEach(ech::add);
          for (Map.Entry<Integer, TreeMap<Integer, Double>> pr : ech.pivots.entrySet()) {
            int s = support(pr.getValue());
            if (bad(s)) {
              problems.add(y + " " + fig + " echelon row of enterprise " + r.enterprises.get(pr.getKey()).enterprise().id()
                  + " rests on " + s + " enterprises: " + pr.getValue());
            }
          }
          System.out.printf("disclosure audit %d %s: %d released cells, rank %d, echelon %d ms%n", y, fig, rows.size(),
              ech.pivots.size(), (System.nanoTime() - t0) / 1_000_000);
        }
      }
    }
    return problems;
  }

  /** Sparse Gauss–Jordan elimination: rows kept in reduced row echelon form as they come. */
  static final class Echelon {
    final Map<Integer, TreeMap<Integer, Double>> pivots = new HashMap<>();
    /** Column to the pivot rows (by pivot column) holding it. */
    final Map<Integer, Set<Integer>> holders = new HashMap<>();

    void add(Map<Integer, Double> row) {
      TreeMap<Integer, Double> v = new TreeMap<>(row);
      for (Integer c : new ArrayList<>(v.keySet())) {
        TreeMap<Integer, Double> p = pivots.get(c);
        Double x = v.get(c);
        if (p != null && x != null) {
          p.forEach((k, y) -> v.merge(k, -x * y, Double::sum));
        }
      }
      v.values().removeIf(x -> Math.abs(x) <= EPS);
      if (v.isEmpty()) {
        return;
      }
      int pc = v.firstKey();
      double d = v.get(pc);
      v.replaceAll((k, x) -> x / d);
      // clear the new pivot column from every other pivot row
      for (Integer other : new ArrayList<>(holders.getOrDefault(pc, Set.of()))) {
        TreeMap<Integer, Double> o = pivots.get(other);
        double x = o.get(pc);
        for (Map.Entry<Integer, Double> en : v.entrySet()) {
          double nv = o.getOrDefault(en.getKey(), 0.0) - x * en.getValue();
          if (Math.abs(nv) <= EPS) {
            o.remove(en.getKey());
            holders.getOrDefault(en.getKey(), new HashSet<>()).remove(other);
          } else {
            o.put(en.getKey(), nv);
            holders.computeIfAbsent(en.getKey(), k -> new HashSet<>()).add(other);
          }
        }
      }
      holders.remove(pc);
      pivots.put(pc, v);
      for (Integer k : v.keySet()) {
        if (k != pc) {
          holders.computeIfAbsent(k, z -> new HashSet<>()).add(pc);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void nothingPublishedForAnyYearRestsOnOneOrTwoEnterprises() throws Exception {
    World w = world();
    long t0 = System.nanoTime();
    List<Cell> anon = released(w, null, true);
    List<Cell> planner = released(w, w.planner(), false);
    System.out.printf("disclosure: fetched everything twice in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertEquals(keys(anon), keys(planner), "planners see the same tables as anonymous callers");
    assertTrue(anon.stream().filter(c -> c.level().equals("parcel")).count() > 50, "parcels are still published");
    assertTrue(anon.stream().filter(c -> c.level().equals("small-micro-park")).count() > 10, "small-micro parks are still published");
    System.out.printf("disclosure: %d released cells, %d of them industrial-land target values%n", keys(anon).size(),
        anon.stream().filter(c -> c.level().endsWith("/industrial")).count());
    t0 = System.nanoTime();
    List<String> problems = audit(w, anon, true);
    System.out.printf("disclosure: audit in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertTrue(problems.isEmpty(), problems.size() + " disclosures, e.g. " + problems.subList(0, Math.min(10, problems.size())));
  }

  private static Set<String> keys(List<Cell> cells) {
    Set<String> s = new TreeSet<>();
    cells.forEach(c -> s.add(c.year() + ":" + c.level() + ":" + c.id()));
    return s;
  }

  @Test
  void theDecisionIsTheSameOnEveryRun() throws Exception {
    World w = world();
    int complementary = 0;
    for (EfficiencyResult r : w.results().values()) {
      Disclosure a = Disclosure.decide(r, MIN);
      Disclosure b = Disclosure.decide(r, MIN);
      for (int p = 0; p < r.parcels.size(); p++) {
        assertEquals(a.parcel(p), b.parcel(p));
      }
      complementary += a.withheldCounts().getOrDefault("complementary", 0);
    }
    assertTrue(complementary > 0, "subtraction needs complementary suppression in the demo data");
  }

  // ---------------------------------------------------------------------------------------------
  // drawn areas

  /** What a planner's answer sums, as a row of the latest year's matrix, or null when it gives no figure. */
  private TreeMap<Integer, Double> answer(World w, Geometry area, EfficiencyResult r, List<String> problems) throws Exception {
    String body = "{\"geometry\":" + geoJson(area) + "}";
    JsonNode a = json(w.server().post("/api/inside", body, w.planner()));
    JsonNode eff = a.get("efficiency");
    if (eff.get("total").path("tax_wan").isMissingNode() || eff.get("total").get("tax_wan").isNull()) {
      return null;
    }
    TreeMap<Integer, Double> v = new TreeMap<>();
    if (eff.has("counted")) {
      double tax = 0;
      Disclosure disc = Disclosure.decide(r, MIN);
      for (JsonNode c : eff.get("counted")) {
        Level l = Level.byParam(c.get("level").asText()).orElseThrow();
        String id = c.get("id").asText();
        boolean pub = l == Level.parcel ? disc.parcel(r.data.parcelIndex.get(id)) : disc.group(l, id);
        if (!pub) {
          problems.add("a drawn area counts " + l.param + " " + id + ", which is not published");
        }
        int[] ps = parcelsOf(r, l, id, false);
        for (int p : ps) {
          if (!area.covers(w.geoms().get(r.parcels.get(p).parcel().id()))) {
            problems.add("a drawn area counts " + l.param + " " + id + ", which is not wholly inside it");
          }
          tax += r.parcels.get(p).totals()[0];
        }
        row(r, ps, 0).forEach((k, x) -> v.merge(k, x, Double::sum));
      }
      assertEquals(tax, eff.get("total").get("tax_wan").asDouble(), 0.01 + 1e-6 * Math.abs(tax), "the answer is the sum of its cells");
    } else {
      // an answer that does not say what it sums: take every enterprise on the parcels it selected
      Set<String> ids = new HashSet<>();
      a.get("parcels").forEach(p -> ids.add(p.get("id").asText()));
      for (LandUse lu : r.data.landUses) {
        if (ids.contains(lu.parcelId())) {
          int e = r.data.enterpriseIndex.get(lu.enterpriseId());
          if (reports(r, e, 0)) {
            v.merge(e, lu.share(), Double::sum);
          }
        }
      }
    }
    return v;
  }

  private static String geoJson(Geometry g) {
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    var cs = g.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      b.append(i == 0 ? "" : ",").append('[').append(cs[i].x).append(',').append(cs[i].y).append(']');
    }
    return b.append("]]}").toString();
  }

  private static Geometry box(double x0, double y0, double x1, double y1) {
    return new org.locationtech.jts.geom.GeometryFactory().toGeometry(new Envelope(x0, x1, y0, y1));
  }

  @Test
  void noTwoDrawnAreasOfAPlannerIsolateOneOrTwoFirms() throws Exception {
    World w = world();
    EfficiencyResult r = w.results().get(w.d().latestYear());
    List<String> problems = new ArrayList<>();
    Random rnd = new Random(12);
    List<String> ids = new ArrayList<>(new TreeSet<>(w.geoms().keySet()));
    int answered = 0;
    for (int i = 0; i < 40; i++) {
      Geometry seed = w.geoms().get(ids.get(rnd.nextInt(ids.size())));
      double cx = seed.getCentroid().getX();
      double cy = seed.getCentroid().getY();
      double h = 0.002 + rnd.nextDouble() * 0.012;
      Geometry a = box(cx - h, cy - h, cx + h, cy + h);
      double dx = (rnd.nextDouble() - 0.5) * h * 0.6;
      double dy = (rnd.nextDouble() - 0.5) * h * 0.6;
      double k = 0.7 + rnd.nextDouble() * 0.3;
      Geometry b = box(cx - h * k + dx, cy - h * k + dy, cx + h * k + dx, cy + h * k + dy);
      TreeMap<Integer, Double> va = answer(w, a, r, problems);
      TreeMap<Integer, Double> vb = answer(w, b, r, problems);
      for (TreeMap<Integer, Double> v : List.of(va == null ? new TreeMap<Integer, Double>() : va, vb == null ? new TreeMap<Integer, Double>() : vb)) {
        if (bad(support(v))) {
          problems.add("area " + i + " answers a figure of " + support(v) + " firms");
        }
      }
      if (va != null && vb != null) {
        answered++;
        int s = support(minus(va, vb));
        if (bad(s)) {
          problems.add("areas " + i + " differ by a figure of " + s + " firms");
        }
      }
    }
    // areas drawn round one firm's parcels, and the same grown to take in its neighbours
    Map<Integer, List<String>> parcelsOf = new TreeMap<>();
    for (LandUse lu : r.data.landUses) {
      parcelsOf.computeIfAbsent(r.data.enterpriseIndex.get(lu.enterpriseId()), x -> new ArrayList<>()).add(lu.parcelId());
    }
    List<Integer> firms = new ArrayList<>(parcelsOf.keySet());
    for (int i = 0; i < 25; i++) {
      int e = firms.get(rnd.nextInt(firms.size()));
      if (!reports(r, e, 0)) {
        continue;
      }
      Envelope env = new Envelope();
      parcelsOf.get(e).forEach(p -> env.expandToInclude(w.geoms().get(p).getEnvelopeInternal()));
      env.expandBy(1e-6);
      Geometry tight = box(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
      env.expandBy(0.004);
      Geometry grown = box(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
      TreeMap<Integer, Double> vt = answer(w, tight, r, problems);
      TreeMap<Integer, Double> vg = answer(w, grown, r, problems);
      if (vt != null && bad(support(vt))) {
        problems.add("an area round firm " + e + " answers a figure of " + support(vt) + " firms");
      }
      if (vt != null && vg != null && bad(support(minus(vg, vt)))) {
        problems.add("an area round firm " + e + " and a larger one differ by " + support(minus(vg, vt)) + " firms");
      }
    }
    assertTrue(answered > 5, "planners still get figures for most areas: " + answered);
    assertTrue(problems.isEmpty(), problems.size() + " disclosures, e.g. " + problems.subList(0, Math.min(10, problems.size())));
  }
}
