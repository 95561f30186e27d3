package zoneatlas.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import zoneatlas.model.PlanFeature;

/** Every plan feature's placement note reads in Chinese for Chinese readers and in words for English ones. */
class PlacementNotesTest {
  static final List<PlanFeature> PLAN = DemoLoader.readPlan();
  /** A run of lower-case Latin letters: an English word, a file name or an id in a Chinese note. */
  static final Pattern LATIN_WORD = Pattern.compile("[a-z]{3,}");
  static final Pattern BARE_CITATION = Pattern.compile("\\b00\\d:\\d");
  static final Pattern SNAKE = Pattern.compile("\\b[a-z0-9]+_[a-z0-9_]+\\b");

  @Test
  void everyFeatureHasAChineseNoteWithoutEnglishCodesOrBareCitations() {
    for (PlanFeature f : PLAN) {
      Object zh = f.props().get("placement_note_zh");
      assertNotNull(zh, f.id() + " has no Chinese placement note (geodata/plan/placement-notes-zh.json)");
      String s = zh.toString();
      assertFalse(LATIN_WORD.matcher(s).find(), f.id() + ": English in the Chinese note: " + s);
      assertFalse(BARE_CITATION.matcher(s).find(), f.id() + ": a bare citation in the Chinese note: " + s);
      assertTrue(s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() > s.length() / 3,
          f.id() + ": mostly not Chinese: " + s);
    }
  }

  @Test
  void theSideFileNamesOnlyFeaturesThatExist() {
    Set<String> ids = PLAN.stream().map(PlanFeature::id).collect(Collectors.toSet());
    for (String id : PlacementNotes.read().keySet()) {
      assertTrue(ids.contains(id), "placement-notes-zh.json has a note for " + id + ", which no plan file draws");
    }
  }

  @Test
  void englishNotesCiteLinesInWordsAndNameFeaturesNotIds() {
    Set<String> ids = PLAN.stream().map(PlanFeature::id).collect(Collectors.toSet());
    for (PlanFeature f : PLAN) {
      String s = String.valueOf(f.props().get("placement_note"));
      assertFalse(BARE_CITATION.matcher(s).find(), f.id() + ": " + s);
      assertFalse(s.contains(".geojson"), f.id() + ": " + s);
      assertFalse(SNAKE.matcher(s).find(), f.id() + ": " + s);
      for (String id : ids) {
        assertFalse(s.contains(id), f.id() + " names " + id + " by its id: " + s);
      }
    }
  }

  @Test
  void citationsOfTheOwnDocumentAreLinesAndOfAnotherNameIt() {
    Map<String, String> names = Map.of("xxetdz-inf-gaotie-zhan", "Xinxiang East HSR station");
    assertEquals("Whole park (line 9); the city plan's Xinxiang ETDZ plan line 414, lines 995, 1013, Xinxiang East HSR station",
        PlacementNotes.english("Whole park (000:9); the city plan's 003:414, 000:995/1013, xxetdz-inf-gaotie-zhan", "000_8e3b18d49bf5da6c.txt",
            "zzetdz", names));
    assertEquals("Drawn in the Zhengzhou city layer; the planned area left out; water plant",
        PlacementNotes.english("Drawn in zhengzhou-city.geojson; planned_area_km2 left out; water_plant", null, "zzetdz", names));
  }
}
