package zoneatlas.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import zoneatlas.efficiency.LowReason;
import zoneatlas.model.ParcelStatus;

/**
 * One word per coded value everywhere: a parcel status, an infrastructure kind or a low-efficiency
 * reason reads the same on the map (web/js/i18n.js, efficiency.js), in the site answers and
 * exports ({@link Labels}, {@link ParcelStatus}, {@link LowReason}). The page keeps its own copy
 * (it has no build step), so this test holds the copies equal.
 */
class VocabularyTest {
  static final Pattern ENTRY = Pattern.compile("^\\s*'?([\\w\\u4e00-\\u9fff-]+)'?: \\['([^']*)', '([^']*)'\\],?$", Pattern.MULTILINE);

  /** The entries of one vocabulary block of i18n.js's {@code values}: code -> [zh, en]. */
  static Map<String, String[]> block(String js, String name) {
    int start = js.indexOf("\n  " + name + ": {");
    assertTrue(start >= 0, "i18n.js has no vocabulary " + name);
    int end = js.indexOf("\n  },", start);
    Map<String, String[]> m = new LinkedHashMap<>();
    Matcher e = ENTRY.matcher(js.substring(start, end));
    while (e.find()) {
      m.put(e.group(1), new String[] {e.group(2), e.group(3)});
    }
    return m;
  }

  static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  @Test
  void parcelStatusesReadTheSameOnTheMapInSiteAnswersAndInTheModel() throws IOException {
    Map<String, String[]> page = block(read("web/js/i18n.js"), "parcelStatus");
    assertEquals(ParcelStatus.values().length, page.size(), "statuses in i18n.js: " + page.keySet());
    for (ParcelStatus s : ParcelStatus.values()) {
      String[] w = page.get(s.name());
      assertEquals(s.zh, w[0], "i18n.js calls " + s.name() + " otherwise");
      assertEquals(s.en, w[1], "i18n.js calls " + s.name() + " otherwise in English");
      assertEquals(s.zh, Labels.status(s.name()).zh());
      assertEquals(s.en, Labels.status(s.name()).en());
    }
  }

  @Test
  void planStatusesReadTheSameOnTheMapAndInTheEditingForm() throws IOException {
    Map<String, String[]> page = block(read("web/js/i18n.js"), "planStatus");
    assertEquals(zoneatlas.model.PlanStatus.values().length, page.size());
    for (zoneatlas.model.PlanStatus s : zoneatlas.model.PlanStatus.values()) {
      assertEquals(s.zh, page.get(s.name())[0], s.name());
      assertEquals(s.en, page.get(s.name())[1], s.name());
    }
  }

  @Test
  void infrastructureKindsReadTheSameOnTheMapAndInSiteAnswers() throws IOException {
    Map<String, String[]> page = block(read("web/js/i18n.js"), "kind");
    for (Map.Entry<String, Labels.Label> k : Labels.KIND.entrySet()) {
      String[] w = page.get(k.getKey());
      assertTrue(w != null, "i18n.js has no word for " + k.getKey());
      assertEquals(k.getValue().zh(), w[0], k.getKey());
      assertEquals(k.getValue().en(), w[1], k.getKey());
    }
  }

  @Test
  void lowEfficiencyReasonsUseTheStatusWordsAndTheMapShowsTheSame() throws IOException {
    String js = read("web/js/efficiency.js");
    for (LowReason r : LowReason.values()) {
      Matcher m = Pattern.compile("'eff\\.reason\\." + r.name() + "': '([^']*)'").matcher(js);
      assertTrue(m.find(), "efficiency.js has no word for " + r.name());
      assertEquals(r.nameZh, m.group(1), "efficiency.js calls " + r.name() + " otherwise");
      if (m.find()) {
        try {
          ParcelStatus s = ParcelStatus.valueOf(r.name());
          assertEquals(s.en, m.group(1).toLowerCase(java.util.Locale.ROOT), r.name());
          assertEquals(s.zh, r.nameZh, r.name());
        } catch (IllegalArgumentException notAStatus) {
          // reasons that are not a status have their own words
        }
      }
    }
  }
}
