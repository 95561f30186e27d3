package zoneatlas.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;

/** GET /api/search?q=...&amp;limit=&amp;collections=: the map's search box. */
public final class SearchRoutes implements RouteModule {
  static final int MAX_QUERY = 100;
  private final Services s;

  public SearchRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/search", this::search);
  }

  void search(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of("q", "limit", "collections"), k -> false);
    String q = Params.one(ctx, "q");
    if (q == null || q.isBlank()) {
      throw ApiError.badParam("q", "is required: a name (Chinese, English or pinyin), an id or a credit code");
    }
    if (q.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badParam("q", "must not hold control characters");
    }
    if (q.length() > MAX_QUERY) {
      throw ApiError.badParam("q", "must be at most " + MAX_QUERY + " characters");
    }
    int limit = Params.integer(ctx, "limit", 10, 1, 50, true);
    Set<String> collections = collections(Params.one(ctx, "collections"));
    List<SearchHit> hits;
    try {
      hits = s.search.search(q, limit, collections);
    } catch (SearchService.Building b) {
      // not an empty result: the index is not there yet (the first seconds after a start)
      ctx.header("Retry-After", "1");
      throw new ApiError(503, "IndexBuilding", null, b.getMessage(),
          Map.of("index", "building", "description_zh", "索引建立中，请稍候"));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", q);
    m.put("index", "ready");
    m.put("numberReturned", hits.size());
    m.put("results", hits);
    ctx.json(m);
  }

  static Set<String> collections(String param) {
    if (param == null || param.isBlank()) {
      return Set.copyOf(SearchService.COLLECTIONS);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String c : param.split(",")) {
      String t = c.strip();
      if (!SearchService.COLLECTIONS.contains(t)) {
        throw ApiError.badParam("collections", "unknown collection '" + t + "'; searchable: "
            + String.join(", ", SearchService.COLLECTIONS));
      }
      out.add(t);
    }
    return out;
  }
}
