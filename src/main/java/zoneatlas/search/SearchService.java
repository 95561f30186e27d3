package zoneatlas.search;

import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.store.Store;

/**
 * Finds plan features, enterprises and parcels by name (Chinese, English, pinyin, pinyin
 * initials), id or credit code. Names of plan features and enterprises are held in memory with
 * their pinyin, computed once per data version (the {@code meta} table) and rebuilt when the data
 * changes, so every server behind a load balancer answers alike; parcels, which have no names and
 * are many, are looked up by id in the database. Thread-safe.
 */
public final class SearchService {
  private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

  /** Collections search covers, in the order results of equal relevance are listed. */
  public static final List<String> COLLECTIONS = List.of(
      "industrial-parks", "small-micro-parks", "core-boards", "zones", "infrastructure", "enterprises", "parcels");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private final Store store;
  private volatile Index index;
  /** The first build, started with the server; null until {@link #startBuilding()}. */
  private volatile CompletableFuture<Void> firstBuild;
  private volatile Executor builder = r -> {
    Thread t = new Thread(r, "search-index");
    t.setDaemon(true);
    t.start();
  };

  /**
   * Asked for while the first index is still being built: the caller says so ("索引建立中") instead
   * of answering with nothing found.
   */
  public static final class Building extends RuntimeException {
    Building() {
      super("the search index is being built; ask again in a moment", null, false, false);
    }
  }

  /** The names of one data version. */
  record Index(String version, List<Entry> entries) {}

  /** One named thing, with its name's syllables for pinyin matching. */
  record Entry(String collection, String id, String nameZh, String nameEn, String kind, String zone, String park,
      String uscc, double[] bbox, double[] point, List<List<String>> syllables, Keys keys) {
    Entry(String collection, String id, String nameZh, String nameEn, String kind, String zone, String park,
        String uscc, double[] bbox, double[] point, List<List<String>> syllables) {
      this(collection, id, nameZh, nameEn, kind, zone, park, uscc, bbox, point, syllables,
          Keys.of(id, nameZh, nameEn, uscc, syllables));
    }
  }

  /**
   * An entry's names as every query compares them, worked out once per index: a city's 300,000
   * names lower-cased and stripped of spaces at each keystroke took a second per search.
   * {@code initials}: a bit per letter a syllable's reading can start with; a pinyin query can only
   * match a name holding its first letter.
   */
  record Keys(String zh, String zhCompact, String en, String id, String uscc, long initials) {
    static Keys of(String id, String nameZh, String nameEn, String uscc, List<List<String>> syllables) {
      String zh = nameZh == null ? "" : nameZh.toLowerCase(Locale.ROOT);
      long initials = 0;
      for (List<String> readings : syllables) {
        for (String r : readings) {
          initials |= r.isEmpty() ? 0 : bit(r.charAt(0));
        }
      }
      return new Keys(zh, SPACES.matcher(zh).replaceAll(""), nameEn == null ? "" : nameEn.toLowerCase(Locale.ROOT),
          id.toLowerCase(Locale.ROOT), uscc == null ? null : uscc.toLowerCase(Locale.ROOT), initials);
    }

    /** A letter or digit's own bit; anything else all bits (never a reason to skip). */
    private static long bit(char c) {
      return c >= 'a' && c <= 'z' ? 1L << (c - 'a') : c >= '0' && c <= '9' ? 1L << (26 + c - '0') : -1L;
    }

    boolean maySpell(String pinyin) {
      return (initials & bit(pinyin.charAt(0))) != 0;
    }
  }

  public SearchService(Store store) {
    this.store = store;
  }

  /**
   * Results best first.
   *
   * @param q the query as typed (already checked to be non-blank)
   * @param collections which collections to search (a subset of {@link #COLLECTIONS})
   */
  public List<SearchHit> search(String q, int limit, Set<String> collections) throws SQLException {
    CompletableFuture<Void> f = firstBuild;
    if (index == null && f != null && !f.isDone()) {
      throw new Building();
    }
    String query = q.strip();
    String lower = query.toLowerCase(Locale.ROOT);
    String compact = SPACES.matcher(lower).replaceAll("");
    String pinyin = Pinyin.normalizeQuery(query);
    // the best `limit` kept as they come (the worst of them on top), not every match sorted: a
    // short query matches most of a city's names
    PriorityQueue<SearchHit> best = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
    Consumer<SearchHit> keep = h -> {
      if (best.size() < limit) {
        best.add(h);
      } else if (limit > 0 && BEST_FIRST.compare(h, best.peek()) < 0) {
        best.poll();
        best.add(h);
      }
    };
    for (Entry e : index().entries()) {
      if (!collections.contains(e.collection())) {
        continue;
      }
      SearchHit h = score(e, lower, compact, pinyin);
      if (h != null) {
        keep.accept(h);
      }
    }
    if (collections.contains("parcels") && looksLikeParcelId(compact)) {
      parcels(compact, limit).forEach(keep);
    }
    List<SearchHit> hits = new ArrayList<>(best);
    hits.sort(BEST_FIRST);
    return hits;
  }

  private static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingInt(SearchHit::score).reversed()
      .thenComparingInt(h -> COLLECTIONS.indexOf(h.collection()))
      .thenComparingInt(h -> h.name_zh() == null ? 0 : h.name_zh().length())
      .thenComparing(SearchHit::id);

  /** Parcel ids are ASCII with digits; a Chinese word or a bare pinyin word is not worth a scan. */
  static boolean looksLikeParcelId(String compact) {
    return compact.length() >= 2 && compact.matches("[a-z0-9_-]+") && compact.matches(".*[0-9].*");
  }

  /** How well an entry matches; null when it does not. Higher is better. */
  static SearchHit score(Entry e, String lower, String compact, String pinyin) {
    Keys k = e.keys();
    String zh = k.zh();
    String en = k.en();
    String id = k.id();
    int score = 0;
    String match = null;
    if (zh.equals(compact) || zh.equals(lower)) {
      score = 100;
      match = "name_zh";
    } else if (id.equals(compact)) {
      score = 100;
      match = "id";
    } else if (k.uscc() != null && k.uscc().equals(compact)) {
      score = 100;
      match = "uscc";
    } else if (en.equals(lower)) {
      score = 98;
      match = "name_en";
    } else if (!compact.isEmpty() && zh.startsWith(compact)) {
      score = 90;
      match = "name_zh";
    } else if (!compact.isEmpty() && k.zhCompact().contains(compact)) {
      score = 80;
      match = "name_zh";
    } else if (en.startsWith(lower)) {
      score = 76;
      match = "name_en";
    } else if (en.contains(" " + lower) || en.contains("(" + lower)) {
      score = 72;
      match = "name_en";
    }
    if (score < 70 && !pinyin.isEmpty() && k.maySpell(pinyin)) {
      int at = Pinyin.match(e.syllables(), pinyin);
      if (at >= 0) {
        score = at == 0 ? 68 : 62;
        match = "pinyin";
      }
    }
    if (score == 0 && en.contains(lower)) {
      score = 58;
      match = "name_en";
    }
    if (score == 0 && compact.length() >= 3 && id.contains(compact)) {
      score = 55;
      match = "id";
    }
    if (score == 0 && k.uscc() != null && compact.length() >= 4 && k.uscc().startsWith(compact)) {
      score = 55;
      match = "uscc";
    }
    if (score == 0) {
      return null;
    }
    return new SearchHit(e.collection(), e.id(), e.nameZh(), e.nameEn(), e.kind(), e.zone(), e.park(), e.bbox(),
        e.point(), match, score);
  }

  List<SearchHit> parcels(String compact, int limit) throws SQLException {
    String escaped = compact.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    List<SearchHit> out = new ArrayList<>();
    try (Connection c = store.readConnection();
        PreparedStatement ps = c.prepareStatement(store.sql("search_parcels"))) {
      ps.setQueryTimeout(store.queryTimeoutSeconds());
      ps.setString(1, "%" + escaped + "%");
      ps.setString(2, compact);
      ps.setString(3, escaped + "%");
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          String lid = id.toLowerCase(Locale.ROOT);
          int score = lid.equals(compact) ? 100 : lid.startsWith(compact) ? 70 : 54;
          out.add(new SearchHit("parcels", id, rs.getString(5), rs.getString(5), rs.getString(4), rs.getString(2),
              rs.getString(3), bbox(rs, 6), null, "id", score));
        }
      }
    }
    return out;
  }

  /** The index of the current data version, rebuilt first if the data changed since. */
  Index index() throws SQLException {
    String version = dataVersion();
    Index i = index;
    if (i != null && i.version().equals(version)) {
      Metrics.counter("zoneatlas.cache.requests", "cache", "search-index", "result", "hit").increment();
      return i;
    }
    Index seen = i;
    synchronized (this) {
      i = index;
      // rebuilt by another request while this one waited: that index is at least as new as the
      // version read above, and rebuilding again for every writer's new version starves search
      if (i == null || (i == seen && !i.version().equals(version))) {
        // /metrics: a miss rebuilds the whole index (every name, with pinyin), so misses are worth watching
        Metrics.counter("zoneatlas.cache.requests", "cache", "search-index", "result", "miss").increment();
        long t0 = System.nanoTime();
        i = new Index(version, load());
        index = i;
        LOG.info("search index built for data version {}: {} names in {} ms", version, i.entries().size(),
            (System.nanoTime() - t0) / 1_000_000);
      }
      return i;
    }
  }

  /**
   * Builds the index in the background (the server calls this as it starts, so the first search
   * after a start finds it built). Until it is done {@link #ready()} is false and {@link #search}
   * throws {@link Building}. A build that failed (the database away) is started again by the next
   * call; a search meanwhile builds it itself, as it would for a new data version.
   */
  public synchronized void startBuilding() {
    CompletableFuture<Void> f = firstBuild;
    if (index != null || (f != null && !f.isDone())) {
      return;
    }
    firstBuild = CompletableFuture.runAsync(() -> {
      try {
        index();
      } catch (SQLException e) {
        LOG.warn("search index not built at start: {}", e.getMessage());
        throw new java.util.concurrent.CompletionException(e);
      }
    }, builder);
  }

  /** Whether an index has been built: what {@code /ready} waits for. */
  public boolean ready() {
    return index != null;
  }

  /** Whether the first build is under way now. */
  public boolean building() {
    CompletableFuture<Void> f = firstBuild;
    return index == null && f != null && !f.isDone();
  }

  /** Waits up to {@code ms} for the first build to end (built or failed); true when an index is there. */
  public boolean awaitReady(long ms) {
    CompletableFuture<Void> f = firstBuild;
    if (f != null) {
      try {
        f.get(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // not built (yet): the answer below says so
      }
    }
    return ready();
  }

  /** Which executor runs the start-up build: tests hold it back to see the server while it builds. */
  public void useExecutor(Executor e) {
    builder = e;
  }

  /** The names of one index by "collection:id", made once per index. */
  private record Names(Index index, java.util.Map<String, String[]> byKey) {}

  private volatile Names names;

  /**
   * The names {zh, en} of the features the index holds, by {@code collection + ":" + id}, for
   * answers that name features in words rather than ids (the audit export). Parcels have no names
   * and are not in it, nor are deleted features.
   */
  public java.util.Map<String, String[]> names() throws SQLException {
    Index i = index();
    Names n = names;
    if (n == null || n.index() != i) {
      java.util.Map<String, String[]> m = new java.util.HashMap<>();
      for (Entry e : i.entries()) {
        if (e.nameZh() != null || e.nameEn() != null) {
          m.put(e.collection() + ":" + e.id(), new String[] {e.nameZh(), e.nameEn()});
        }
      }
      n = new Names(i, java.util.Collections.unmodifiableMap(m));
      names = n;
    }
    return n.byKey();
  }

  /** Drops the index; the next search rebuilds it. */
  public void invalidate() {
    index = null;
  }

  String dataVersion() throws SQLException {
    try (Connection c = store.readConnection();
        PreparedStatement ps = c.prepareStatement(store.sql("search_data_version"));
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  private List<Entry> load() throws SQLException {
    // a name's syllables are most of a rebuild's cost and do not change with an edit: take them
    // from the index being replaced, so a rebuild after each write costs a read of the names
    Map<String, List<List<String>>> known = new java.util.HashMap<>();
    Index old = index;
    if (old != null) {
      old.entries().forEach(e -> known.put(e.nameZh() == null ? "" : e.nameZh(), e.syllables()));
    }
    java.util.function.Function<String, List<List<String>>> syllables =
        zh -> known.computeIfAbsent(zh == null ? "" : zh, k -> Pinyin.syllables(zh));
    List<Entry> out = new ArrayList<>();
    try (Connection c = store.readConnection()) {
      try (PreparedStatement ps = c.prepareStatement(store.sql("search_plan_features"));
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String zh = rs.getString(3);
          out.add(new Entry(rs.getString(2), rs.getString(1), zh, rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getString(7), null, bbox(rs, 8), null, syllables.apply(zh)));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(store.sql("search_enterprises"));
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String zh = rs.getString(2);
          double x = rs.getDouble(7);
          double[] point = rs.wasNull() ? null : new double[] {x, rs.getDouble(8)};
          out.add(new Entry("enterprises", rs.getString(1), zh, rs.getString(3), null, rs.getString(5),
              rs.getString(6), rs.getString(4), null, point, syllables.apply(zh)));
        }
      }
    }
    return List.copyOf(out);
  }

  private static double[] bbox(ResultSet rs, int from) throws SQLException {
    double minx = rs.getDouble(from);
    if (rs.wasNull()) {
      return null;
    }
    return new double[] {minx, rs.getDouble(from + 1), rs.getDouble(from + 2), rs.getDouble(from + 3)};
  }

  /** For tests: how many names the current index holds. */
  int size() throws SQLException {
    return index().entries().size();
  }
}
