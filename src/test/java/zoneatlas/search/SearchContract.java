package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;

/**
 * Search over the demo data, the same checks for both stores. Expected answers are read from the
 * store with plain SQL, so the tests follow the demo data rather than hard-coding it.
 */
abstract class SearchContract {
  abstract SqlStore store();

  SearchService service() {
    return new SearchService(store());
  }

  static final Set<String> ALL = Set.copyOf(SearchService.COLLECTIONS);

  /** {id, name_zh, name_en} of the largest industrial park. */
  String[] largestPark() throws SQLException {
    return row("SELECT id, name_zh, name_en FROM plan_features WHERE layer = 'industrial-parks' ORDER BY area_m2 DESC, id LIMIT 1");
  }

  String[] row(String sql) throws SQLException {
    try (Connection c = store().connection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next(), "the demo data has a row for: " + sql);
      String[] out = new String[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = rs.getString(i + 1);
      }
      return out;
    }
  }

  @Test
  void fullChineseNameFindsTheParkFirst() throws SQLException {
    String[] park = largestPark();
    List<SearchHit> hits = service().search(park[1], 10, ALL);
    assertFalse(hits.isEmpty());
    assertEquals("industrial-parks", hits.get(0).collection());
    assertEquals(park[0], hits.get(0).id());
    assertEquals("name_zh", hits.get(0).match());
    assertEquals(4, hits.get(0).bbox().length);
    assertTrue(hits.get(0).bbox()[0] < hits.get(0).bbox()[2] && hits.get(0).bbox()[1] < hits.get(0).bbox()[3]);
  }

  @Test
  void partOfAChineseNameFindsTheFeature() throws SQLException {
    String[] park = largestPark();
    String part = park[1].substring(1, Math.min(park[1].length(), 4));
    List<SearchHit> hits = service().search(part, 50, ALL);
    assertTrue(hits.stream().anyMatch(h -> h.id().equals(park[0])), part + " -> " + hits);
  }

  @Test
  void englishNameFindsTheFeatureCaseInsensitively() throws SQLException {
    String[] park = largestPark();
    List<SearchHit> hits = service().search(park[2].toUpperCase(Locale.ROOT), 10, ALL);
    assertEquals(park[0], hits.get(0).id());
    assertEquals("name_en", hits.get(0).match());
  }

  @Test
  void fullPinyinFindsChineseNames() throws SQLException {
    // 经开 (jing kai) is how the plans shorten 经济技术开发区
    List<SearchHit> hits = service().search("jingkai", 50, ALL);
    assertFalse(hits.isEmpty());
    assertTrue(hits.stream().anyMatch(h -> h.name_zh().contains("经开") && h.match().equals("pinyin")), hits.toString());
    for (SearchHit h : hits) {
      assertTrue(Pinyin.match(Pinyin.syllables(h.name_zh()), "jingkai") >= 0 || !h.match().equals("pinyin"), h.toString());
    }
  }

  @Test
  void pinyinInitialsFindChineseNames() throws SQLException {
    List<SearchHit> hits = service().search("jk", 50, ALL);
    assertTrue(hits.stream().anyMatch(h -> h.name_zh().contains("经开")), hits.toString());
  }

  @Test
  void pinyinOfTheWholeNameFindsThePark() throws SQLException {
    String[] park = largestPark();
    StringBuilder full = new StringBuilder();
    StringBuilder initials = new StringBuilder();
    for (List<String> s : Pinyin.syllables(park[1])) {
      full.append(s.get(0));
      initials.append(s.get(0).charAt(0));
    }
    assertTrue(service().search(full.toString(), 50, ALL).stream().anyMatch(h -> h.id().equals(park[0])), full.toString());
    assertTrue(service().search(initials.toString(), 50, ALL).stream().anyMatch(h -> h.id().equals(park[0])),
        initials.toString());
  }

  @Test
  void parcelIdFindsTheParcelWithItsExtent() throws SQLException {
    String[] parcel = row("SELECT id, land_use_name FROM parcels ORDER BY id DESC LIMIT 1");
    List<SearchHit> hits = service().search(parcel[0].toLowerCase(Locale.ROOT), 10, ALL);
    assertEquals("parcels", hits.get(0).collection());
    assertEquals(parcel[0], hits.get(0).id());
    assertEquals(parcel[1], hits.get(0).name_zh());
    assertEquals(100, hits.get(0).score());
    assertNotNull(hits.get(0).bbox());
  }

  @Test
  void parcelIdPrefixListsParcelsInIdOrder() throws SQLException {
    String[] parcel = row("SELECT id FROM parcels ORDER BY id LIMIT 1");
    String prefix = parcel[0].substring(0, parcel[0].length() - 2);
    List<SearchHit> hits = service().search(prefix, 5, Set.of("parcels"));
    assertEquals(5, hits.size());
    for (int i = 0; i < hits.size(); i++) {
      assertTrue(hits.get(i).id().startsWith(prefix));
      if (i > 0) {
        assertTrue(hits.get(i - 1).id().compareTo(hits.get(i).id()) < 0);
      }
    }
  }

  @Test
  void likeWildcardsInTheQueryAreTakenLiterally() throws SQLException {
    String id = row("SELECT id FROM parcels ORDER BY id LIMIT 1")[0];
    assertFalse(service().search(id, 10, Set.of("parcels")).isEmpty());
    // "_" would match the "-" of every id if it were not escaped
    assertEquals(List.of(), service().search(id.replace('-', '_'), 10, Set.of("parcels")));
  }

  @Test
  void creditCodeFindsTheEnterprise() throws SQLException {
    String[] e = row("SELECT id, uscc, name_zh FROM enterprises ORDER BY id LIMIT 1");
    List<SearchHit> hits = service().search(e[1], 10, ALL);
    assertEquals("enterprises", hits.get(0).collection());
    assertEquals(e[0], hits.get(0).id());
    assertEquals("uscc", hits.get(0).match());
    assertEquals(2, hits.get(0).point().length);
  }

  @Test
  void enterpriseChineseNameFindsIt() throws SQLException {
    String[] e = row("SELECT id, name_zh FROM enterprises ORDER BY id LIMIT 1");
    List<SearchHit> hits = service().search(e[1], 10, ALL);
    assertEquals(e[0], hits.get(0).id());
  }

  @Test
  void collectionsLimitWhatIsSearched() throws SQLException {
    List<SearchHit> hits = service().search("jingkai", 50, Set.of("small-micro-parks"));
    assertFalse(hits.isEmpty());
    assertTrue(hits.stream().allMatch(h -> h.collection().equals("small-micro-parks")));
  }

  @Test
  void limitCapsTheNumberOfResults() throws SQLException {
    assertEquals(3, service().search("jk", 3, ALL).size());
  }

  @Test
  void nothingMatchesNonsense() throws SQLException {
    assertEquals(List.of(), service().search("qqqxxzz", 10, ALL));
  }
}
