package zoneatlas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pinyin of names and the ways a query may spell it. */
class SearchPinyinTest {
  static final List<List<String>> ZHENGZHOU_JINGKAI = Pinyin.syllables("郑州经开区");

  @Test
  void namesBecomeOneSyllableListPerCharacter() {
    assertEquals(5, ZHENGZHOU_JINGKAI.size());
    assertEquals(List.of("zheng"), ZHENGZHOU_JINGKAI.get(0));
    assertEquals(List.of("kai"), ZHENGZHOU_JINGKAI.get(3));
  }

  @Test
  void latinRunsAndDigitsStayWholeAndPunctuationGoes() {
    List<List<String>> s = Pinyin.syllables("5G产业园（B型）");
    assertEquals(List.of("5g"), s.get(0));
    assertEquals(List.of("b"), s.get(4));
    assertEquals(6, s.size());
  }

  @Test
  void heteronymsKeepEveryReading() {
    // 行 is hang (银行) or xing (行政)
    List<String> r = Pinyin.syllables("行").get(0);
    assertTrue(r.contains("hang") && r.contains("xing"), r.toString());
  }

  @Test
  void umlautIsFoundAsVAndAsU() {
    List<String> r = Pinyin.syllables("绿").get(0);
    assertTrue(r.contains("lv") && r.contains("lu"), r.toString());
  }

  @Test
  void fullPinyinInitialsAndMixturesMatch() {
    assertEquals(2, Pinyin.match(ZHENGZHOU_JINGKAI, "jingkai"));
    assertEquals(2, Pinyin.match(ZHENGZHOU_JINGKAI, "jk"));
    assertEquals(0, Pinyin.match(ZHENGZHOU_JINGKAI, "zzjkq"));
    assertEquals(0, Pinyin.match(ZHENGZHOU_JINGKAI, "zhengzhoujingkaiqu"));
    assertEquals(2, Pinyin.match(ZHENGZHOU_JINGKAI, "jingk"));
    assertEquals(2, Pinyin.match(ZHENGZHOU_JINGKAI, "jkaiq"));
    assertEquals(0, Pinyin.match(ZHENGZHOU_JINGKAI, "zhengzh"));
  }

  @Test
  void syllablesMustBeConsecutiveAndInOrder() {
    assertEquals(-1, Pinyin.match(ZHENGZHOU_JINGKAI, "zhengkai"));
    assertEquals(-1, Pinyin.match(ZHENGZHOU_JINGKAI, "kaijing"));
    assertEquals(-1, Pinyin.match(ZHENGZHOU_JINGKAI, "jingkaiqux"));
    assertEquals(-1, Pinyin.match(ZHENGZHOU_JINGKAI, "x"));
  }

  @Test
  void queriesWithChineseAreNotPinyin() {
    assertEquals("", Pinyin.normalizeQuery("经开 qu"));
    assertEquals("jingkaiqu", Pinyin.normalizeQuery(" Jing Kai-Qu "));
  }
}
