package zoneatlas.layers;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;

/**
 * GET /api/sources/{doc}?lines=939,1125-1127[&about=国际物流园区]: the cited lines of a plan
 * document, so a user can read what the plan says about a feature next to the feature itself:
 * each line whole, the citation as a planner writes it (《title》第939、1125–1127行, and in English)
 * and, for {@code about} (the feature's Chinese name), the words of each line that concern it
 * ({@link SourceDocs#excerpts}). GET /api/sources lists the documents with their titles.
 */
public final class SourcesRoutes implements RouteModule {
  private static final Pattern LINES = Pattern.compile("\\d+(-\\d+)?(,\\s*\\d+(-\\d+)?)*");
  private static final int MAX_LINES = 40;

  /** The document's lines, or null when there is no such document. */
  public List<String> lines(String doc) {
    return SourceDocs.lines(doc);
  }

  /** Line numbers of a citation like "939,1125-1127". */
  public static List<Integer> parse(String spec) {
    if (spec == null || !LINES.matcher(spec.strip()).matches()) {
      throw ApiError.badParam("lines", "must be line numbers like 939 or 1125-1127 or 939,941");
    }
    List<Integer> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] ab = part.strip().split("-");
      int a = lineNumber(ab[0]);
      int b = ab.length > 1 ? lineNumber(ab[1]) : a;
      if (b < a || b - a > MAX_LINES) {
        throw ApiError.badParam("lines", "a range must run forwards and span at most " + MAX_LINES + " lines");
      }
      // long: b may be Integer.MAX_VALUE, where an int counter would wrap round and never end
      for (long i = a; i <= b && out.size() <= MAX_LINES; i++) {
        out.add((int) i);
      }
    }
    if (out.size() > MAX_LINES) {
      throw ApiError.badParam("lines", "at most " + MAX_LINES + " lines at once");
    }
    return out;
  }

  /** One line number; digits already checked, so only its size can be wrong (no document has 2^31 lines). */
  private static int lineNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw ApiError.badParam("lines", "line " + (digits.length() > 20 ? digits.substring(0, 20) + "…" : digits)
          + " is beyond any document");
    }
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/sources", ctx -> {
      Params.onlyKnown(ctx, java.util.Set.of(), k -> false);
      List<Map<String, Object>> out = new ArrayList<>();
      for (SourceDocs.Doc d : SourceDocs.all()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doc", d.file());
        m.put("title_zh", d.titleZh());
        m.put("title_en", d.titleEn());
        out.add(m);
      }
      ctx.json(Map.of("documents", out));
    });
    r.get("/api/sources/{doc}", ctx -> {
      Params.onlyKnown(ctx, java.util.Set.of("lines", "about"), k -> false);
      String doc = ctx.pathParam("doc");
      List<String> text = lines(doc);
      if (text == null) {
        throw ApiError.notFound("no source document '" + doc + "'");
      }
      String spec = Params.one(ctx, "lines");
      List<Integer> numbers = parse(spec);
      String about = Params.one(ctx, "about");
      if (about != null && about.length() > 200) {
        throw ApiError.badParam("about", "at most 200 characters (a feature's name)");
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (int n : numbers) {
        if (n < 1 || n > text.size()) {
          throw ApiError.badParam("lines", "line " + n + " is outside the document (1.." + text.size() + ")");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", n);
        m.put("text", text.get(n - 1).strip());
        out.add(m);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("doc", doc);
      SourceDocs.Doc d = SourceDocs.doc(doc);
      body.put("title_zh", d == null ? null : d.titleZh());
      body.put("title_en", d == null ? null : d.titleEn());
      body.put("citation", SourceDocs.citations(doc, spec));
      body.put("lines", out);
      List<Map<String, Object>> ex = new ArrayList<>();
      for (SourceDocs.Excerpt e : SourceDocs.excerpts(doc, numbers, about)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", e.line());
        m.put("text", e.text());
        m.put("notice", e.notice());
        ex.add(m);
      }
      body.put("excerpts", ex);
      ctx.json(body);
    });
  }
}
