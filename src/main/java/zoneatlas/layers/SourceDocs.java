package zoneatlas.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan documents in {@code geodata/sources/} as a planner cites them: 《title》第939、945行 rather
 * than a file name and a list of numbers, and the words of a cited line that concern a feature
 * rather than a whole paragraph (or the notice's list of addressees). Every screen, export and
 * note that names a source goes through here, so they all read the same. The documents are
 * classpath resources that never change while the server runs: loaded once, safe to share
 * between threads.
 */
public final class SourceDocs {
  private static final Pattern FILE = Pattern.compile("00[0-9]_[0-9a-f]{16}\\.txt");
  /** A citation inside a note: 000:983, 002:1484-1486, 000:995/1013. */
  private static final Pattern NOTE_CITE = Pattern.compile("(?<![\\d:])(00[0-9]):(\\d+(?:[-–]\\d+)?(?:/\\d+(?:[-–]\\d+)?)*)");
  /** Where a Chinese sentence ends; the plan text never breaks a sentence inside a line on purpose. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；;])");
  private static final Pattern CLAUSE_END = Pattern.compile("(?<=[，,：:])");
  /** Words every park or project name carries, which say nothing about which one it is. */
  private static final Pattern GENERIC = Pattern.compile(
      "(核心板块|板块|项目|建设项目|工程|产业园区|产业园|园区|基地|中心|（[^）]*）|\\([^)]*\\))");
  /** Longest excerpt of one line, in characters, before it is cut round the words that matter. */
  static final int MAX_EXCERPT = 160;
  private static final int MIN_MATCH = 3;

  /** One seed document: its file, titles and where the plan's own text begins. */
  public record Doc(String file, String titleZh, String titleEn, String shortZh, String shortEn, int bodyFrom) {
    public String title(String lang) {
      return "en".equals(lang) ? titleEn : titleZh;
    }

    public String shortName(String lang) {
      return "en".equals(lang) ? shortEn : shortZh;
    }
  }

  /** The words of one cited line worth quoting; {@code notice}: the line is in the notice that issues the plan. */
  public record Excerpt(int line, String text, boolean notice) {}

  private static final Map<String, Doc> DOCS = readDocs();
  private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();

  private SourceDocs() {}

  private static Map<String, Doc> readDocs() {
    try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream("geodata/sources/documents.json")) {
      if (in == null) {
        throw new IllegalStateException("geodata/sources/documents.json is missing from the classpath");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Doc> m = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!FILE.matcher(e.getKey()).matches()) {
          continue;
        }
        JsonNode d = e.getValue();
        m.put(e.getKey(), new Doc(e.getKey(), d.path("title_zh").asText(), d.path("title_en").asText(),
            d.path("short_zh").asText(), d.path("short_en").asText(), d.path("body_from").asInt(1)));
      }
      return java.util.Collections.unmodifiableMap(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document, in file order. */
  public static List<Doc> all() {
    return List.copyOf(DOCS.values());
  }

  /** The document of a file name, or null. */
  public static Doc doc(String file) {
    return file == null ? null : DOCS.get(file);
  }

  /** The document whose file name starts with this number ("000"), or null. */
  public static Doc byNumber(String number) {
    for (Doc d : DOCS.values()) {
      if (d.file().startsWith(number + "_")) {
        return d;
      }
    }
    return null;
  }

  /** The document's lines, or null when there is no such document. */
  public static List<String> lines(String file) {
    if (file == null || !FILE.matcher(file).matches()) {
      return null;
    }
    return LINES.computeIfAbsent(file, d -> {
      try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream("geodata/sources/" + d)) {
        return in == null ? null : List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * "第939、945行", "第417–437行" (zh) or "lines 939, 945" (en) of a line spec like "939,945" or
   * "417-437"; an unreadable spec is given back as it is.
   */
  public static String lineWords(String spec, String lang) {
    if (spec == null || spec.isBlank()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    boolean many = false;
    for (String p : spec.split("[,，、/]")) {
      String s = p.strip().replace('-', '–');
      if (!s.isEmpty()) {
        parts.add(s);
        many |= s.contains("–");
      }
    }
    many |= parts.size() > 1;
    if ("en".equals(lang)) {
      return (many ? "lines " : "line ") + String.join(", ", parts);
    }
    return "第" + String.join("、", parts) + "行";
  }

  /**
   * A citation: 《郑州经济技术开发区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》第939、945行, or in
   * English "Zhengzhou ETDZ 14th Five-Year Plan and 2035 Vision Outline, lines 939, 945". An
   * unknown document is named by nothing but its lines.
   */
  public static String citation(String file, String spec, String lang) {
    Doc d = doc(file);
    String lines = lineWords(spec, lang);
    if ("en".equals(lang)) {
      return d == null ? lines : lines.isEmpty() ? d.titleEn() : d.titleEn() + ", " + lines;
    }
    return d == null ? lines : "《" + d.titleZh() + "》" + lines;
  }

  /** A short citation for a table cell: "郑州经开区规划第189、617行" / "Zhengzhou ETDZ plan, lines 189, 617". */
  public static String shortCitation(String file, String spec, String lang) {
    Doc d = doc(file);
    String lines = lineWords(spec, lang);
    if (d == null) {
      return lines;
    }
    return "en".equals(lang) ? d.shortEn() + (lines.isEmpty() ? "" : ", " + lines) : d.shortZh() + lines;
  }

  /**
   * Both languages' citations, for JSON answers the page picks from: {@code zh}, {@code en} (with
   * the full title) and {@code short_zh}, {@code short_en} (for a table cell).
   */
  public static Map<String, String> citations(String file, String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("zh", citation(file, spec, "zh"));
    m.put("en", citation(file, spec, "en"));
    m.put("short_zh", shortCitation(file, spec, "zh"));
    m.put("short_en", shortCitation(file, spec, "en"));
    return m;
  }

  /**
   * A note's bare citations ("000:983", "002:1484-1486", "000:995/1013") in words: lines of the
   * note's own document as "第983行" / "line 983", another document's with its short name
   * ("郑州市规划第1484–1486行" / "Zhengzhou city plan lines 1484–1486").
   */
  public static String readableCitations(String note, String ownFile, String lang) {
    if (note == null) {
      return null;
    }
    Matcher m = NOTE_CITE.matcher(note);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      Doc d = byNumber(m.group(1));
      String words = lineWords(m.group(2), lang);
      boolean own = ownFile != null && ownFile.startsWith(m.group(1) + "_");
      String r = own || d == null ? words : "en".equals(lang) ? d.shortEn() + " " + words : d.shortZh() + words;
      m.appendReplacement(b, Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * The words of each cited line worth quoting for a feature named {@code about}: the sentences
   * that name it (or the line's first sentence when none does), cut round the name when still
   * long. Lines of the issuing notice come last and only as the clause that names the feature, so
   * a quote never opens with the notice's list of addressees. Blank lines are left out.
   *
   * @throws IllegalArgumentException when a line is outside the document (the caller checked the spec)
   */
  public static List<Excerpt> excerpts(String file, List<Integer> lineNumbers, String about) {
    List<String> text = lines(file);
    Doc d = doc(file);
    int bodyFrom = d == null ? 1 : d.bodyFrom();
    List<String> terms = terms(about);
    List<Excerpt> body = new ArrayList<>();
    List<Excerpt> notice = new ArrayList<>();
    for (int n : lineNumbers) {
      if (text == null || n < 1 || n > text.size()) {
        throw new IllegalArgumentException("line " + n + " is outside " + file);
      }
      // the PDF's tables arrive as tab-separated cells
      String line = text.get(n - 1).replace('\t', ' ').strip();
      if (line.isEmpty()) {
        continue;
      }
      if (n < bodyFrom) {
        notice.add(new Excerpt(n, pick(line, terms, CLAUSE_END, true), true));
      } else {
        body.add(new Excerpt(n, pick(line, terms, SENTENCE_END, false), false));
      }
    }
    body.addAll(notice);
    return body;
  }

  /** The feature's name and the distinctive parts of it that a plan sentence may use alone. */
  static List<String> terms(String about) {
    List<String> t = new ArrayList<>();
    if (about == null || about.isBlank()) {
      return t;
    }
    String a = about.strip();
    t.add(a);
    Matcher br = Pattern.compile("[（(]([^）)]+)[）)]").matcher(a);
    while (br.find()) {
      t.add(br.group(1));
    }
    String core = GENERIC.matcher(a).replaceAll("");
    if (core.length() >= MIN_MATCH) {
      t.add(core);
    }
    return t;
  }

  /** The parts (sentences or clauses) of a line that share the most with the terms. */
  private static String pick(String line, List<String> terms, Pattern splitter, boolean clausesOnly) {
    if (terms.isEmpty()) {
      return cut(line, 0, line.length());
    }
    String[] parts = splitter.split(line);
    int best = 0;
    int[] score = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      for (String term : terms) {
        score[i] = Math.max(score[i], commonRun(parts[i], term));
      }
      best = Math.max(best, score[i]);
    }
    if (best < MIN_MATCH) {
      // nothing names the feature: the line's first sentence stands for it
      if (clausesOnly) {
        return cut(line, 0, line.length());
      }
      String first = parts[0];
      return parts.length > 1 ? cut(first, 0, first.length()) + "……" : cut(first, 0, first.length());
    }
    StringBuilder b = new StringBuilder();
    int last = -2;
    for (int i = 0; i < parts.length; i++) {
      if (score[i] < best) {
        continue;
      }
      if (last != i - 1 && (b.length() > 0 || i > 0)) {
        b.append("……");
      }
      b.append(parts[i]);
      last = i;
    }
    if (last < parts.length - 1) {
      b.append("……");
    }
    String s = b.toString();
    if (clausesOnly) {
      // a clause of the notice ends with its comma: drop it before the ellipsis
      s = s.replaceAll("[，,：:]……", "……").replaceAll("[，,：:]$", "");
    }
    if (s.length() <= MAX_EXCERPT) {
      return s;
    }
    int at = -1;
    for (String term : terms) {
      at = s.indexOf(term.length() > 6 ? term.substring(0, 6) : term);
      if (at >= 0) {
        break;
      }
    }
    int from = Math.max(0, at < 0 ? 0 : at - MAX_EXCERPT / 3);
    return cut(s, from, Math.min(s.length(), from + MAX_EXCERPT));
  }

  private static String cut(String s, int from, int to) {
    if (to - from > MAX_EXCERPT) {
      to = from + MAX_EXCERPT;
    }
    String out = s.substring(from, to);
    if (from > 0 && !out.startsWith("……")) {
      out = "……" + out;
    }
    if (to < s.length() && !out.endsWith("……")) {
      out = out + "……";
    }
    return out;
  }

  /** The length of the longest run of characters two strings share. */
  static int commonRun(String a, String b) {
    int best = 0;
    int[] prev = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      for (int j = 1; j <= b.length(); j++) {
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          cur[j] = prev[j - 1] + 1;
          best = Math.max(best, cur[j]);
        }
      }
      prev = cur;
    }
    return best;
  }
}
