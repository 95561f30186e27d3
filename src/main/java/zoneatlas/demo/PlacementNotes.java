package zoneatlas.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneatlas.layers.SourceDocs;
import zoneatlas.model.PlanFeature;

/**
 * The placement notes of the plan features in both languages, as their readers expect them. The
 * GeoJSON files carry the English note ({@code placement_note}, written while drawing, with bare
 * citations such as "000:983", file names and feature ids); the Chinese notes live beside them in
 * {@code geodata/plan/placement-notes-zh.json}, so the generators in {@code geodata/tools} can be
 * rerun without losing them. At load the Chinese note becomes {@code placement_note_zh} and the
 * English one is put into words: citations as "line 983" (or "Zhengzhou city plan line 1484"),
 * file names as layer names, feature ids as feature names.
 */
public final class PlacementNotes {
  static final String FILE = "geodata/plan/placement-notes-zh.json";
  private static final Map<String, String> LAYERS = Map.of(
      "zhengzhou-city.geojson", "the Zhengzhou city layer",
      "zzetdz.geojson", "the Zhengzhou ETDZ layer",
      "zzhitech.geojson", "the Zhengzhou High-tech Zone layer",
      "xxetdz.geojson", "the Xinxiang ETDZ layer");
  /** Phrases that name the drawing's own working papers or fields rather than anything a reader has. */
  private static final Map<String, String> PHRASES = new LinkedHashMap<>();

  static {
    PHRASES.put("the xxetdz file's", "the Xinxiang ETDZ layer's");
    PHRASES.put("the xxetdz file", "the Xinxiang ETDZ layer");
    PHRASES.put("the zzhitech file", "the Zhengzhou High-tech Zone layer");
    PHRASES.put("the ETDZ file", "the Zhengzhou ETDZ layer");
    PHRASES.put("this file", "this layer");
    PHRASES.put("listed in the digest §4", "listed in the plan");
    PHRASES.put(" (digest flag D3)", " (the wording looks inconsistent)");
    PHRASES.put("the digest's anchor table", "general-knowledge anchors");
    PHRASES.put(" (external page, see digest §9.2)", " (external source)");
    PHRASES.put("planned_area_km2", "the planned area");
    PHRASES.put("the the planned area", "the planned area");
  }

  private static final Pattern PARTIAL_ID = Pattern.compile("(?<![\\w-])(cb|ip|sm|inf)-[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern FULL_ID = Pattern.compile("(?<![\\w-])(zzetdz|zzhitech|xxetdz|zhengzhou)-[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern SAID_TWICE = Pattern.compile("([A-Za-z][A-Za-z -]{3,}) \\((\\1)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SNAKE = Pattern.compile("\\b([a-z]+)_([a-z]+)\\b");

  private PlacementNotes() {}

  /** Adds {@code placement_note_zh} from the side file (unless the feature has its own) and words the English notes. */
  public static void apply(List<PlanFeature> features) {
    Map<String, String> zh = read();
    Map<String, String> names = new HashMap<>();
    for (PlanFeature f : features) {
      Object n = f.props().get("name_en");
      names.put(f.id(), n == null ? f.id() : n.toString());
    }
    for (PlanFeature f : features) {
      Map<String, Object> p = f.props();
      String doc = p.get("source_doc") == null ? null : p.get("source_doc").toString();
      Object en = p.get("placement_note");
      if (en != null) {
        p.put("placement_note", english(en.toString(), doc, f.zone(), names));
      }
      Object own = p.get("placement_note_zh");
      String note = own != null ? own.toString() : zh.get(f.id());
      if (note != null) {
        p.put("placement_note_zh", SourceDocs.readableCitations(note, doc, "zh"));
      }
    }
  }

  /** An English note in words (see the class comment). */
  static String english(String note, String ownDoc, String zone, Map<String, String> names) {
    String s = SourceDocs.readableCitations(note, ownDoc, "en");
    for (Map.Entry<String, String> e : LAYERS.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : PHRASES.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    s = replaceIds(s, FULL_ID, names, null);
    s = replaceIds(s, PARTIAL_ID, names, zone);
    // "the provincial industrial cluster zone (Provincial industrial cluster zone)": said once is enough
    s = SAID_TWICE.matcher(s).replaceAll("$1");
    return SNAKE.matcher(s).replaceAll("$1 $2");
  }

  private static String replaceIds(String s, Pattern p, Map<String, String> names, String zone) {
    Matcher m = p.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String id = zone == null ? m.group() : zone + "-" + m.group();
      String name = names.get(id);
      m.appendReplacement(b, Matcher.quoteReplacement(name != null ? name : m.group()));
    }
    m.appendTail(b);
    return b.toString();
  }

  static Map<String, String> read() {
    try (InputStream in = PlacementNotes.class.getClassLoader().getResourceAsStream(FILE)) {
      Map<String, String> m = new HashMap<>();
      if (in == null) {
        return m;
      }
      JsonNode root = new ObjectMapper().readTree(in);
      root.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("_") && e.getValue().isTextual()) {
          m.put(e.getKey(), e.getValue().asText());
        }
      });
      return m;
    } catch (IOException e) {
      throw new LoadException(FILE, null, "not valid JSON: " + e.getMessage());
    }
  }
}
