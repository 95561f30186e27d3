package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestStores;

/**
 * A search keeps only its best answers as it goes (a short query matches most of a city's names):
 * what it returns for a limit is exactly the head of everything it matched, in order; and the
 * per-name shortcuts worked out once per index still find every name a query spells.
 */
class SearchRankingTest {
  static final Set<String> ALL = Set.copyOf(SearchService.COLLECTIONS);

  @Test
  void aLimitReturnsTheHeadOfTheFullRanking() throws Exception {
    SearchService s = new SearchService(TestStores.h2());
    for (String q : List.of("郑州", "zz", "zhengzhou", "产业园", "he", "合成", "park")) {
      List<SearchHit> all = s.search(q, 100_000, ALL);
      assertTrue(all.size() > 12, q + " matches " + all.size());
      for (int limit : List.of(1, 5, 12)) {
        assertEquals(all.subList(0, limit), s.search(q, limit, ALL), q + " limit " + limit);
      }
      for (int i = 1; i < all.size(); i++) {
        assertTrue(all.get(i - 1).score() >= all.get(i).score(), q + ": " + all.get(i - 1) + " before " + all.get(i));
      }
    }
  }

  @Test
  void aPinyinQueryFindsNamesBySyllablesDigitsAndLatinRuns() {
    SearchService.Entry e = entry("5G产业园2号地");
    for (String q : List.of("5gchanyeyuan", "cyy", "chanye", "2hao", "2h", "yuan2")) {
      SearchHit h = SearchService.score(e, q, q, Pinyin.normalizeQuery(q));
      assertNotNull(h, q);
      assertEquals("pinyin", h.match(), q);
    }
    for (String q : List.of("xcy", "3hao", "zhengzhou")) {
      assertNull(SearchService.score(e, q, q, Pinyin.normalizeQuery(q)), q);
    }
  }

  @Test
  void namesAreComparedWithoutCaseOrSpaces() {
    SearchService.Entry e = new SearchService.Entry("enterprises", "E-1", "郑州 合成 示例", "Zhengzhou Synthetic Example",
        null, null, null, "91410100MA00000001", null, null, Pinyin.syllables("郑州 合成 示例"));
    assertEquals("name_zh", SearchService.score(e, "合成示例", "合成示例", "").match());
    assertEquals(80, SearchService.score(e, "合成示例", "合成示例", "").score());
    assertEquals(76, SearchService.score(e, "zhengzhou syn", "zhengzhousyn", "zhengzhousyn").score());
    assertEquals(100, SearchService.score(e, "91410100ma00000001", "91410100ma00000001", "").score());
    assertEquals("uscc", SearchService.score(e, "91410100ma0", "91410100ma0", "").match());
  }

  private static SearchService.Entry entry(String zh) {
    return new SearchService.Entry("parcels", "P-1", zh, null, null, null, null, null, null, null, Pinyin.syllables(zh));
  }
}
