package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;

/**
 * Walks /collections/{id}/items page by page with small limits, so there really are many pages,
 * forward by {@code next} and back by {@code prev}: keyset cursors (order by id) and offsets
 * (sortby, including a column of few values, so ties must be broken the same way on every page),
 * with output, bbox and filter CRSs and a CQL2 filter. Every feature must arrive exactly once,
 * the walk must hold what one unpaged request and the database hold, {@code numberMatched} must
 * be the number walked on every page, and every link must keep every parameter but the paging
 * ones. Run against both stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PagingContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The parameters that say where a page starts; every other one must survive into next and prev links. */
  static final Set<String> PAGING = Set.of("offset", "cursor");
  static final String GK = "http://www.opengis.net/def/crs/EPSG/0/4547";
  /**
   * A Gauss-Kruger box (northing, easting) west of Zhengzhou and a lat/lon filter box that overlaps
   * its eastern part: parcels must pass both.
   */
  static final String GK_BBOX = "3845000,454000,3861000,463000";
  static final String FILTER_LATLON = "S_INTERSECTS(geom, BBOX(34.76, 113.52, 34.86, 113.65)) AND status <> 'idle'";

  TestServer server;

  abstract SqlStore store();

  @BeforeAll
  void start() {
    server = new TestServer(store());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One page as fetched. */
  record Page(String url, JsonNode body, String contentCrs) {
    List<String> ids() {
      List<String> ids = new ArrayList<>();
      body.path("features").forEach(f -> ids.add(f.path("id").asText()));
      return ids;
    }

    String link(String rel) {
      for (JsonNode l : body.path("links")) {
        if (l.path("rel").asText().equals(rel)) {
          return l.path("href").asText();
        }
      }
      return null;
    }

    long matched() {
      return body.path("numberMatched").asLong(-1);
    }
  }

  Page fetch(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), url + " -> " + r.body());
    Page p = new Page(url, JSON.readTree(r.body()), r.headers().firstValue("Content-Crs").orElse(""));
    assertEquals(p.body().path("features").size(), p.body().path("numberReturned").asInt(), "numberReturned of " + url);
    return p;
  }

  /** Follows {@code rel} links from {@code first} (a path or a URL) until there is none. */
  List<Page> walk(String first, String rel) throws Exception {
    List<Page> pages = new ArrayList<>();
    String url = first.startsWith("http") ? first : server.base() + first;
    while (url != null) {
      assertTrue(pages.size() < 2000, "too many pages");
      Page p = fetch(url);
      pages.add(p);
      url = p.link(rel);
    }
    return pages;
  }

  /** A link's (or request's) query parameters, decoded; a repeated name keeps its values in order. */
  static Map<String, List<String>> params(String url) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return m;
    }
    for (String part : url.substring(q + 1).split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return m;
  }

  static Map<String, List<String>> withoutPaging(Map<String, List<String>> m) {
    Map<String, List<String>> out = new LinkedHashMap<>(m);
    out.keySet().removeAll(PAGING);
    return out;
  }

  /** Every id once, in walk order; fails on a repeat naming the pages. */
  static List<String> idsOnce(List<Page> pages) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      for (String id : pages.get(i).ids()) {
        Integer before = seen.putIfAbsent(id, i);
        assertNull(before, id + " came on page " + before + " and again on page " + i + " (" + pages.get(i).url() + ")");
      }
    }
    return new ArrayList<>(seen.keySet());
  }

  /**
   * The checks every walk must pass: each page but the last full, links keeping every non-paging
   * parameter of the first request and naming the expected paging parameter, numberMatched the
   * total walked, every id once.
   */
  List<String> checkWalk(String first, List<Page> pages, int limit, String pagingParam) {
    Map<String, List<String>> asked = withoutPaging(params(first));
    List<String> ids = idsOnce(pages);
    for (int i = 0; i < pages.size(); i++) {
      Page p = pages.get(i);
      assertEquals(ids.size(), p.matched(), "numberMatched of page " + i + " is the number walked: " + p.url());
      if (i < pages.size() - 1) {
        assertEquals(limit, p.ids().size(), "page " + i + " is full");
        String next = p.link("next");
        assertNotNull(next);
        assertEquals(asked, withoutPaging(params(next)), "the next link keeps every parameter: " + next);
        assertTrue(params(next).containsKey(pagingParam), "next pages by " + pagingParam + ": " + next);
      } else {
        assertNull(p.link("next"), "the last page has no next link");
        assertTrue(!p.ids().isEmpty() && p.ids().size() <= limit);
      }
      String prev = p.link("prev");
      assertEquals(i > 0, prev != null, "a prev link on every page but the first (page " + i + ")");
      if (prev != null) {
        assertEquals(asked, withoutPaging(params(prev)), "the prev link keeps every parameter: " + prev);
      }
    }
    assertTrue(pages.size() >= 5, "really many pages: " + pages.size() + " for " + ids.size() + " features");
    return ids;
  }

  /** Walks back from the last page by prev links: the same pages, in reverse. */
  void checkBackwards(List<Page> forward) throws Exception {
    List<Page> back = walk(forward.get(forward.size() - 1).url(), "prev");
    assertEquals(forward.size(), back.size(), "as many pages back as forward");
    for (int i = 0; i < back.size(); i++) {
      Page f = forward.get(forward.size() - 1 - i);
      assertEquals(f.ids(), back.get(i).ids(), "page " + (forward.size() - 1 - i) + " read back by prev links");
      assertEquals(f.matched(), back.get(i).matched());
    }
  }

  /** Ids of one unpaged request for the same question. */
  Set<String> unpaged(String path) throws Exception {
    Page p = fetch(server.base() + path + "&limit=10000");
    assertNull(p.link("next"), "one page holds all");
    List<String> ids = p.ids();
    assertEquals(ids.size(), p.matched());
    return new TreeSet<>(ids);
  }

  List<String> dbIds(String sql, Object... params) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = store().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  @Test
  void aKeysetWalkOfAParkBySevensMeetsEveryParcelOnceForwardAndBack() throws Exception {
    String first = "/collections/parcels/items?park=zzetdz-ip-lugang&limit=7";
    List<Page> pages = walk(first, "next");
    List<String> ids = checkWalk(first, pages, 7, "cursor");
    List<String> db = dbIds("SELECT id FROM parcels WHERE park = ? ORDER BY id", "zzetdz-ip-lugang");
    assertEquals(db.size(), ids.size(), "as many as the database counts");
    assertEquals(new TreeSet<>(db), new TreeSet<>(ids));
    assertEquals(new TreeSet<>(ids), unpaged("/collections/parcels/items?park=zzetdz-ip-lugang"));
    checkBackwards(pages);
  }

  @Test
  void aKeysetWalkOfAFilterInGaussKrugerKeepsEveryCrsAndTheFilterOnEveryPage() throws Exception {
    String query = "/collections/parcels/items?crs=" + enc(GK) + "&bbox=" + GK_BBOX + "&bbox-crs=EPSG:4547"
        + "&filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326") + "&filter=" + enc(FILTER_LATLON);
    String first = query + "&limit=7";
    List<Page> pages = walk(first, "next");
    List<String> ids = checkWalk(first, pages, 7, "cursor");
    for (Page p : pages) {
      assertEquals("<" + GK + ">", p.contentCrs(), "every page in EPSG:4547: " + p.url());
      for (JsonNode f : p.body().path("features")) {
        double northing = f.at("/geometry/coordinates/0/0/0").asDouble();
        assertTrue(northing > 3_800_000 && northing < 3_900_000, "northing first, in metres: " + northing + " on " + p.url());
      }
      Map<String, List<String>> next = params(p.link("next") == null ? p.url() : p.link("next"));
      for (String k : List.of("crs", "bbox", "bbox-crs", "filter-crs", "filter")) {
        assertTrue(next.containsKey(k), k + " kept: " + next);
      }
    }
    assertEquals(new TreeSet<>(ids), unpaged(query));
    // the same question put to the database in its own terms: both boxes and the status
    List<String> db = dbIds("SELECT id FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope(113.52, 34.76, 113.65, 34.86, 4490))"
        + " AND status <> 'idle' AND ST_Intersects(ST_Transform(geom, 4547), ST_MakeEnvelope(454000, 3845000, 463000, 3861000, 4547))");
    assertEquals(new TreeSet<>(db), new TreeSet<>(ids));
    checkBackwards(pages);
  }

  @Test
  void anOffsetWalkSortedByStatusBreaksTiesByIdOnEveryPage() throws Exception {
    // status has a handful of values over hundreds of parcels: almost every page boundary falls inside a tie
    String query = "/collections/parcels/items?sortby=status&bbox=113.72,34.70,113.80,34.76";
    String first = query + "&limit=30";
    List<Page> pages = walk(first, "next");
    List<String> ids = checkWalk(first, pages, 30, "offset");
    List<String> db = dbIds("SELECT id FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope(113.72, 34.70, 113.80, 34.76, 4490))"
        + " ORDER BY status, id");
    assertEquals(db.size(), ids.size());
    assertEquals(new TreeSet<>(db), new TreeSet<>(ids));
    assertOrderedThenById(pages, "status", false);
    assertEquals(new TreeSet<>(ids), unpaged(query));
    checkBackwards(pages);
  }

  @Test
  void anOffsetWalkInGaussKrugerSortedDescendingByLandUseKeepsSortbyCrsAndFilter() throws Exception {
    String query = "/collections/parcels/items?sortby=-land_use_code&crs=EPSG:4547&bbox=" + GK_BBOX
        + "&bbox-crs=" + enc(GK) + "&filter-crs=EPSG:4326&filter=" + enc(FILTER_LATLON);
    // 20 a page: every offset page sorts and projects the whole match again, slow on the embedded store
    String first = query + "&limit=20";
    List<Page> pages = walk(first, "next");
    List<String> ids = checkWalk(first, pages, 20, "offset");
    for (Page p : pages) {
      assertEquals("<" + GK + ">", p.contentCrs(), p.url());
      assertTrue(params(p.url()).get("sortby").equals(List.of("-land_use_code")), p.url());
    }
    assertOrderedThenById(pages, "land_use_code", true);
    assertEquals(new TreeSet<>(ids), unpaged(query));
    checkBackwards(pages);
  }

  @Test
  void aWalkStartedAtAnOffsetReachesTheSameEndAndAKeysetWalkWithAFilterCountsItsMatches() throws Exception {
    String cql = "zone = 'zzhitech' AND area_mu > 10";
    String query = "/collections/parcels/items?filter=" + enc(cql);
    List<Page> keyset = walk(query + "&limit=50", "next");
    List<String> all = checkWalk(query + "&limit=50", keyset, 50, "cursor");
    assertEquals(new TreeSet<>(dbIds("SELECT id FROM parcels WHERE zone = 'zzhitech' AND area_mu > 10")), new TreeSet<>(all));
    // an offset given by hand on an id-ordered walk: the rest of the same walk, then cursors
    List<Page> rest = walk(query + "&limit=50&offset=100", "next");
    List<String> tail = idsOnce(rest);
    assertEquals(all.subList(100, all.size()), tail);
    for (Page p : rest) {
      assertEquals(all.size(), p.matched());
    }
  }

  /** Along the walk the property never goes the wrong way, and within equal values ids ascend. */
  static void assertOrderedThenById(List<Page> pages, String property, boolean descending) {
    String lastValue = null;
    String lastId = null;
    int ties = 0;
    for (Page p : pages) {
      for (JsonNode f : p.body().path("features")) {
        String v = f.at("/properties/" + property).asText();
        String id = f.path("id").asText();
        if (lastValue != null) {
          int c = descending ? lastValue.compareTo(v) : v.compareTo(lastValue);
          assertTrue(c >= 0, property + " out of order at " + id + ": " + lastValue + " then " + v + " on " + p.url());
          if (c == 0) {
            ties++;
            assertTrue(id.compareTo(lastId) > 0, "a tie on " + property + "=" + v + " broken by id: " + lastId + " then " + id
                + " on " + p.url());
          }
        }
        lastValue = v;
        lastId = id;
      }
    }
    assertTrue(ties > 20, "the walk should hold many ties: " + ties);
    Set<String> values = new LinkedHashSet<>();
    pages.forEach(p -> p.body().path("features").forEach(f -> values.add(f.at("/properties/" + property).asText())));
    assertTrue(values.size() > 1, "more than one " + property);
  }
}
