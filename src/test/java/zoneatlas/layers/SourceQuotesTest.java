package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a plan document is cited and quoted on every screen and export: line specs in words in each
 * language, a document named by its title (or its short name in a table cell and inside notes),
 * nothing but the lines for a document we do not ship, and quotes that keep to the words about a
 * feature, mark what they leave out with an ellipsis and put the issuing notice last.
 */
class SourceQuotesTest {
  static final String ETDZ = "000_8e3b18d49bf5da6c.txt";
  static final String TITLE_ZH = "《郑州经济技术开发区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》";
  static final String TITLE_EN = "Zhengzhou ETDZ 14th Five-Year Plan and 2035 Vision Outline";

  @Test
  void lineSpecsReadAsWordsInEachLanguage() {
    assertEquals("第939行", SourceDocs.lineWords("939", "zh"));
    assertEquals("line 939", SourceDocs.lineWords("939", "en"));
    assertEquals("lines 939, 945", SourceDocs.lineWords("939,945", "en"));
    assertEquals("lines 417–437", SourceDocs.lineWords("417-437", "en"), "a range is several lines");
    assertEquals("第939、945、950、951行", SourceDocs.lineWords("939，945、950/951", "zh"));
    assertEquals("line 939", SourceDocs.lineWords(" 939 , ", "en"), "empty parts are dropped");
    assertEquals("", SourceDocs.lineWords(null, "en"));
    assertEquals("", SourceDocs.lineWords("  ", "zh"));
  }

  @Test
  void aDocumentIsCitedByItsTitleOrItsShortName() {
    assertEquals(TITLE_ZH + "第939行", SourceDocs.citation(ETDZ, "939", "zh"));
    assertEquals(TITLE_ZH, SourceDocs.citation(ETDZ, "", "zh"));
    assertEquals(TITLE_EN + ", line 939", SourceDocs.citation(ETDZ, "939", "en"));
    assertEquals(TITLE_EN, SourceDocs.citation(ETDZ, null, "en"), "no lines: the title alone, without a comma");
    assertEquals("第939行", SourceDocs.citation("999_0000000000000000.txt", "939", "zh"), "an unknown document: its lines only");
    assertEquals("line 939", SourceDocs.citation("999_0000000000000000.txt", "939", "en"));
    assertEquals("郑州经开区规划第939、945行", SourceDocs.shortCitation(ETDZ, "939,945", "zh"));
    assertEquals("Zhengzhou ETDZ plan, lines 939, 945", SourceDocs.shortCitation(ETDZ, "939,945", "en"));
    assertEquals("Zhengzhou ETDZ plan", SourceDocs.shortCitation(ETDZ, "", "en"));
    assertEquals("郑州经开区规划", SourceDocs.shortCitation(ETDZ, "", "zh"));
    assertEquals("line 5", SourceDocs.shortCitation(null, "5", "en"));
    assertEquals(Map.of("zh", TITLE_ZH + "第9行", "en", TITLE_EN + ", line 9", "short_zh", "郑州经开区规划第9行", "short_en",
        "Zhengzhou ETDZ plan, line 9"), SourceDocs.citations(ETDZ, "9"));
    SourceDocs.Doc d = SourceDocs.doc(ETDZ);
    assertEquals(TITLE_EN, d.title("en"));
    assertEquals(TITLE_ZH, "《" + d.title("zh") + "》");
    assertEquals("Zhengzhou ETDZ plan", d.shortName("en"));
    assertEquals("郑州经开区规划", d.shortName("zh"));
    assertEquals(15, d.bodyFrom());
    assertNull(SourceDocs.doc(null));
    assertNull(SourceDocs.doc("nope.txt"));
    assertEquals("002_f6b26a26c27aa93e.txt", SourceDocs.byNumber("002").file());
    assertNull(SourceDocs.byNumber("009"));
  }

  @Test
  void citationsInsideANoteReadAsWords() {
    assertNull(SourceDocs.readableCitations(null, ETDZ, "zh"));
    assertEquals("见第983行", SourceDocs.readableCitations("见000:983", ETDZ, "zh"), "the note's own document by its lines");
    assertEquals("see line 983", SourceDocs.readableCitations("see 000:983", ETDZ, "en"));
    assertEquals("郑州市规划第1484–1486行", SourceDocs.readableCitations("002:1484-1486", ETDZ, "zh"));
    assertEquals("Zhengzhou city plan lines 1484–1486", SourceDocs.readableCitations("002:1484-1486", ETDZ, "en"));
    assertEquals("郑州经开区规划第983行", SourceDocs.readableCitations("000:983", null, "zh"), "no own document: every one named");
    assertEquals("第995、1013行", SourceDocs.readableCitations("000:995/1013", ETDZ, "zh"));
    assertEquals("第5行", SourceDocs.readableCitations("009:5", ETDZ, "zh"), "an unknown document: its lines only");
    assertEquals("1000:5 and a:b", SourceDocs.readableCitations("1000:5 and a:b", ETDZ, "zh"), "only citations are rewritten");
    assertEquals("$1 第9行", SourceDocs.readableCitations("$1 000:9", ETDZ, "zh"), "a replacement is taken literally");
  }

  @Test
  void onlyShippedDocumentsAreRead() {
    assertNull(SourceDocs.lines("../pom.xml"));
    assertNull(SourceDocs.lines(null));
    assertNull(SourceDocs.lines("009_0000000000000000.txt"));
    List<String> text = SourceDocs.lines(ETDZ);
    assertEquals("郑州经济技术开发区管理委员会文件", text.get(2));
    assertEquals(5, SourceDocs.all().size());
  }

  @Test
  void aQuoteKeepsToTheWordsAboutTheFeatureAndMarksWhatItLeavesOut() {
    List<String> text = SourceDocs.lines(ETDZ);
    String l939 = text.get(938);
    assertTrue(l939.length() > SourceDocs.MAX_EXCERPT);
    // nothing to look for: the line, cut at the limit
    SourceDocs.Excerpt whole = SourceDocs.excerpts(ETDZ, List.of(939), null).get(0);
    assertEquals(l939.substring(0, SourceDocs.MAX_EXCERPT) + "……", whole.text());
    assertFalse(whole.notice());
    assertEquals(939, whole.line());
    // nothing names the feature: the first sentence stands for the line
    assertEquals("巩固提升经开起步区核心板块。……", SourceDocs.excerpts(ETDZ, List.of(939), "完全无关").get(0).text());
    // the sentence that names it, and an ellipsis for the rest
    String q = SourceDocs.excerpts(ETDZ, List.of(945), "国际物流园区").get(0).text();
    assertTrue(q.startsWith("赋能升级国际物流园区核心板块。"), q);
    assertTrue(q.startsWith("赋能升级国际物流园区核心板块。……推动现代物流业发展"), "sentences left out between: " + q);
    assertTrue(q.length() <= SourceDocs.MAX_EXCERPT + 4, q);
    // notice lines come last, as clauses; blank lines are left out; the body starts at body_from
    List<SourceDocs.Excerpt> ex = SourceDocs.excerpts(ETDZ, List.of(13, 14, 15), null);
    assertEquals(List.of(15, 13), ex.stream().map(SourceDocs.Excerpt::line).toList());
    assertEquals(List.of(false, true), ex.stream().map(SourceDocs.Excerpt::notice).toList());
    assertEquals("2021年8月18日", ex.get(1).text());
    assertEquals("……国际物流园区管委……", SourceDocs.excerpts(ETDZ, List.of(9), "国际物流园区").get(0).text());
    assertEquals(text.get(8), SourceDocs.excerpts(ETDZ, List.of(9), "完全无关").get(0).text(),
        "a notice line naming nothing is quoted whole");
    assertThrows(IllegalArgumentException.class, () -> SourceDocs.excerpts(ETDZ, List.of(0), null));
    assertThrows(IllegalArgumentException.class, () -> SourceDocs.excerpts(ETDZ, List.of(text.size() + 1), null));
    SourceDocs.excerpts(ETDZ, List.of(text.size()), null);
    assertThrows(IllegalArgumentException.class, () -> SourceDocs.excerpts("009_0000000000000000.txt", List.of(1), null));
  }

  @Test
  void aFeaturesNameIsLookedForWholeAndByItsDistinctiveWords() {
    assertEquals(List.of(), SourceDocs.terms(null));
    assertEquals(List.of(), SourceDocs.terms(" "));
    assertEquals(List.of("国际物流园区", "国际物流"), SourceDocs.terms(" 国际物流园区 "));
    assertEquals(List.of("物流园区"), SourceDocs.terms("物流园区"), "two characters say nothing on their own");
    assertEquals(List.of("智慧谷（一期）", "一期", "智慧谷"), SourceDocs.terms("智慧谷（一期）"));
    assertEquals(List.of("abc园区", "abc"), SourceDocs.terms("abc园区"));
    assertEquals(3, SourceDocs.commonRun("abcde", "xbcdy"));
    assertEquals(2, SourceDocs.commonRun("aaa", "aa"));
    assertEquals(0, SourceDocs.commonRun("abc", ""));
    assertEquals(1, SourceDocs.commonRun("a", "a"));
  }
}
