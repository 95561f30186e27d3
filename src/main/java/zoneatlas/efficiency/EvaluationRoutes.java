package zoneatlas.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.JsonBody;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.http.Writes;

/**
 * The annual evaluation ({@link Evaluations}): GET /api/efficiency/evaluation (where a zone's year
 * stands), POST .../evaluation/{notice, objections, objections/{id}/decision, publish, revisions},
 * and the bonus, penalty and exemption items at /api/efficiency/items. Handlers read the JSON body's
 * fields and hand them over with the caller's change context; the service checks them.
 */
public final class EvaluationRoutes implements RouteModule {
  private final Services s;

  public EvaluationRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/efficiency/evaluation", ctx -> {
      Params.onlyKnown(ctx, Set.of("zone", "scheme", "year"), k -> false);
      ctx.json(s.evaluations.state(s.auth.principal(ctx).role(), Params.one(ctx, "zone"), Params.one(ctx, "scheme"),
          year(ctx)));
    });
    r.post("/api/efficiency/evaluation/notice", ctx -> {
      JsonNode b = body(ctx, "zone", "scheme", "year", "notice_from");
      ctx.status(201).json(s.evaluations.notice(change(ctx, "evaluation-notice"), str(b, "zone"), str(b, "scheme"),
          year(b), date(b, "notice_from")));
    });
    r.post("/api/efficiency/evaluation/objections", ctx -> {
      JsonNode b = body(ctx, "zone", "scheme", "year", "enterprise", "filed_on", "ground");
      ctx.status(201).json(s.evaluations.object(change(ctx, "evaluation-objection"), str(b, "zone"), str(b, "scheme"),
          year(b), str(b, "enterprise"), date(b, "filed_on"), str(b, "ground")));
    });
    r.post("/api/efficiency/evaluation/objections/{id}/decision", ctx -> {
      JsonNode b = body(ctx, "decision", "new_class", "note");
      long id;
      try {
        id = Long.parseLong(ctx.pathParam("id"));
      } catch (NumberFormatException e) {
        throw ApiError.badParam("id", "must be an objection number, got '" + ctx.pathParam("id") + "'");
      }
      ctx.json(s.evaluations.decide(change(ctx, "evaluation-decision"), id, str(b, "decision"), str(b, "new_class"),
          str(b, "note")));
    });
    r.post("/api/efficiency/evaluation/publish", ctx -> {
      JsonNode b = body(ctx, "zone", "scheme", "year");
      ctx.status(201).json(s.evaluations.publish(change(ctx, "evaluation-publish"), str(b, "zone"), str(b, "scheme"), year(b)));
    });
    r.post("/api/efficiency/evaluation/revisions", ctx -> {
      JsonNode b = body(ctx, "zone", "scheme", "year", "reason", "changes");
      JsonNode ch = b.path("changes");
      if (!ch.isArray()) {
        throw ApiError.badParam("changes", "must be a list of {enterprise, class}");
      }
      List<Evaluations.Correction> list = new ArrayList<>();
      for (int i = 0; i < ch.size(); i++) {
        JsonNode x = ch.get(i);
        if (!x.isObject()) {
          throw ApiError.badParam("changes[" + i + "]", "must be an object {enterprise, class}");
        }
        list.add(new Evaluations.Correction(str(x, "enterprise"), str(x, "class")));
      }
      ctx.status(201).json(s.evaluations.revise(change(ctx, "evaluation-revise"), str(b, "zone"), str(b, "scheme"),
          year(b), str(b, "reason"), list));
    });
    r.get("/api/efficiency/items", ctx -> {
      Params.onlyKnown(ctx, Set.of("enterprise"), k -> false);
      ctx.json(s.evaluations.items(s.auth.principal(ctx).role(), Params.one(ctx, "enterprise")));
    });
    r.post("/api/efficiency/items", ctx -> {
      JsonNode b = body(ctx, "enterprise", "year", "code", "note");
      ctx.status(201).json(s.evaluations.addItem(change(ctx, "evaluation-item"), str(b, "enterprise"), requiredYear(b),
          str(b, "code"), str(b, "note")));
    });
    r.delete("/api/efficiency/items", ctx -> {
      Evaluations.officer(s.auth.principal(ctx).role());
      Params.onlyKnown(ctx, Set.of("enterprise", "year", "code"), k -> false);
      ctx.json(s.evaluations.removeItem(change(ctx, "evaluation-item-remove"), Params.one(ctx, "enterprise"),
          Params.integer(ctx, "year", 0, 1900, 2200, false), Params.one(ctx, "code")));
    });
  }

  private zoneatlas.history.Change change(Context ctx, String op) {
    return Writes.change(ctx, s.auth, s.edits.clock(), op, Evaluations.COLLECTION, null);
  }

  /** Who may write is settled before the body is read: a guest learns nothing of what a valid body holds. */
  private JsonNode body(Context ctx, String... fields) {
    Evaluations.officer(s.auth.principal(ctx).role());
    return bodyOf(ctx, fields);
  }

  private static JsonNode bodyOf(Context ctx, String... fields) {
    Params.onlyKnown(ctx, Set.of(), k -> false);
    JsonNode b = JsonBody.object(ctx, JsonBody.PLAIN);
    Set<String> ok = Set.of(fields);
    for (var it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ok.contains(f)) {
        throw ApiError.badParam(f, "is not a field of this request (fields: " + String.join(", ", fields) + ")");
      }
    }
    return b;
  }

  private static String str(JsonNode b, String f) {
    JsonNode v = b.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiError.badParam(f, "must be text, got " + v);
    }
    return v.asText();
  }

  private static Integer year(JsonNode b) {
    JsonNode v = b.get("year");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1900 || v.asInt() > 2200) {
      throw ApiError.badParam("year", "must be a year such as 2024, got " + v);
    }
    return v.asInt();
  }

  private static int requiredYear(JsonNode b) {
    Integer y = year(b);
    if (y == null) {
      throw ApiError.badParam("year", "is required");
    }
    return y;
  }

  private static Integer year(Context ctx) {
    return Params.one(ctx, "year") == null ? null : Params.integer(ctx, "year", 0, 1900, 2200, false);
  }

  private static LocalDate date(JsonNode b, String f) {
    String v = str(b, f);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badParam(f, "must be a date like 2025-04-01, got '" + v + "'");
    }
  }
}
