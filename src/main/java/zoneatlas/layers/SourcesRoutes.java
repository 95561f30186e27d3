package zoneatlas.layers;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;

/**
 * GET /api/sources/{doc}?lines=939,1125-1127: the cited lines of a plan document, so a user can
 * read what the plan says about a feature next to the feature itself.
 */
public final class SourcesRoutes implements RouteModule {
  private static final Pattern DOC = Pattern.compile("00[0-9]_[0-9a-f]{16}\\.txt");
  private static final Pattern LINES = Pattern.compile("\\d+(-\\d+)?(,\\s*\\d+(-\\d+)?)*");
  private static final int MAX_LINES = 40;
  private final Map<String, List<String>> docs = new ConcurrentHashMap<>();

  /** The document's lines, or null when there is no such document. */
  public List<String> lines(String doc) {
    if (!DOC.matcher(doc).matches()) {
      return null;
    }
    return docs.computeIfAbsent(doc, d -> {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("geodata/sources/" + d)) {
        return in == null ? null : List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
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
    r.get("/api/sources/{doc}", ctx -> {
      Params.onlyKnown(ctx, java.util.Set.of("lines"), k -> false);
      String doc = ctx.pathParam("doc");
      List<String> text = lines(doc);
      if (text == null) {
        throw ApiError.notFound("no source document '" + doc + "'");
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (int n : parse(Params.one(ctx, "lines"))) {
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
      body.put("lines", out);
      ctx.json(body);
    });
  }
}
