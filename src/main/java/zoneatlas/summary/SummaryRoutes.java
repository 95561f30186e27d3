package zoneatlas.summary;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.util.TreeSet;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;

/** GET /api/summary/{collection}/{id}: the parcel totals of a zone, core board or park. */
public final class SummaryRoutes implements RouteModule {
  private final Services s;

  public SummaryRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/summary/{collection}/{id}", this::summary);
  }

  void summary(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of(), k -> false);
    String collection = ctx.pathParam("collection");
    String id = ctx.pathParam("id");
    if (!SummaryService.COLLECTIONS.containsKey(collection)) {
      String allowed = String.join(", ", new TreeSet<>(SummaryService.COLLECTIONS.keySet()));
      if (s.catalog.get(collection).isEmpty()) {
        throw ApiError.notFound("no collection '" + collection + "'; summaries exist for " + allowed);
      }
      throw ApiError.badParam("collection", "summaries exist for " + allowed + ", not '" + collection + "'");
    }
    ctx.json(s.summary.summarize(collection, id)
        .orElseThrow(() -> ApiError.notFound("no feature '" + id + "' in collection '" + collection + "'")));
  }
}
