package zoneatlas.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of Chinese names, so that users who cannot (or on a phone would rather not) type
 * characters find "郑州经开区" with "jingkai", "zzjkq" or "jingk". A name becomes a list of
 * syllables, each with every reading of its character (多音字 such as 行 hang/xing keep all), and a
 * query matches when it spells a run of consecutive syllables, each written out in full or by its
 * initial letter, the last one possibly cut short. Stateless and thread-safe.
 */
public final class Pinyin {
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private Pinyin() {}

  /**
   * The name as syllables: one entry per Chinese character (its readings) and per run of Latin
   * letters or digits (as written, lower case). Punctuation and spaces are dropped.
   */
  public static List<List<String>> syllables(String text) {
    List<List<String>> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        run.append(Character.toLowerCase(c));
        continue;
      }
      if (run.length() > 0) {
        out.add(List.of(run.toString()));
        run.setLength(0);
      }
      List<String> readings = readings(c);
      if (!readings.isEmpty()) {
        out.add(readings);
      }
    }
    if (run.length() > 0) {
      out.add(List.of(run.toString()));
    }
    return out;
  }

  /**
   * Readings already looked up: pinyin4j formats each lookup through regular expressions, which made
   * reading the characters most of the search index's build; names share a few thousand characters.
   */
  private static final java.util.concurrent.ConcurrentHashMap<Character, List<String>> READINGS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static List<String> readings(char c) {
    if (c < 128) {
      return lookUp(c);
    }
    return READINGS.computeIfAbsent(c, Pinyin::lookUp);
  }

  private static List<String> lookUp(char c) {
    String[] r;
    try {
      r = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
    if (r == null) {
      return List.of();
    }
    Set<String> s = new LinkedHashSet<>();
    for (String p : r) {
      if (p == null || p.isEmpty()) {
        continue;
      }
      s.add(p);
      // ü is typed as v by most keyboards and as u by many people (lü -> lv, lu)
      if (p.indexOf('v') >= 0) {
        s.add(p.replace('v', 'u'));
      }
    }
    return List.copyOf(s);
  }

  /** Lower-case ASCII letters and digits of a query; empty when it holds anything else that matters. */
  public static String normalizeQuery(String q) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c < 128) {
        if (Character.isLetterOrDigit(c)) {
          b.append(Character.toLowerCase(c));
        }
      } else if (!Character.isWhitespace(c)) {
        return "";
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Where the query starts matching the syllables: the index of the first syllable it spells,
   * or -1 when it does not match.
   *
   * @param q a query from {@link #normalizeQuery(String)}
   */
  public static int match(List<List<String>> syl, String q) {
    if (q.isEmpty() || syl.isEmpty()) {
      return -1;
    }
    int n = syl.size();
    int m = q.length();
    // memo[t * (m + 1) + k]: 0 unknown, 1 matches, 2 does not; t syllables used, k query letters
    // consumed (one array: a search tries this on every name that holds the query's first letter)
    byte[] memo = new byte[(n + 1) * (m + 1)];
    for (int start = 0; start < n; start++) {
      if (spells(syl, q, start, 0, memo)) {
        return start;
      }
    }
    return -1;
  }

  private static boolean spells(List<List<String>> syl, String q, int t, int k, byte[] memo) {
    if (k == q.length()) {
      return true;
    }
    if (t == syl.size()) {
      return false;
    }
    int at = t * (q.length() + 1) + k;
    if (memo[at] != 0) {
      return memo[at] == 1;
    }
    boolean ok = false;
    for (String alt : syl.get(t)) {
      if (q.startsWith(alt, k) && spells(syl, q, t + 1, k + alt.length(), memo)) {
        ok = true;
      } else if (alt.charAt(0) == q.charAt(k) && spells(syl, q, t + 1, k + 1, memo)) {
        ok = true;
      } else if (alt.length() > q.length() - k && alt.regionMatches(0, q, k, q.length() - k)) {
        ok = true;
      }
      if (ok) {
        break;
      }
    }
    memo[at] = (byte) (ok ? 1 : 2);
    return ok;
  }
}
