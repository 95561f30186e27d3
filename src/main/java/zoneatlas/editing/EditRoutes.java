package zoneatlas.editing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.history.Change;
import zoneatlas.history.ETags;
import zoneatlas.history.HistoryService;
import zoneatlas.http.ApiError;
import zoneatlas.http.JsonBody;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.http.Writes;
import zoneatlas.layers.ItemsQuery;
import zoneatlas.layers.Layer;
import zoneatlas.ogc.Crs;
import zoneatlas.ogc.FeaturesRoutes;
import zoneatlas.ogc.Format;
import zoneatlas.ogc.LayerView;

/**
 * OGC API - Features Part 4 (create, replace, update, delete) on the catalog's editable
 * collections, and what the map needs around it: a feature's history, reverting to a version,
 * splitting and merging parcels, the schema its form is built from.
 *
 * <p>The request's caller, reason ({@code X-Change-Reason}, percent-encoded UTF-8), request id and
 * precondition ({@code If-Match}) become the change record; the edit service does the rest. A write
 * answers with the feature as a GET would, with its new ETag. {@code OPTIONS} says which methods
 * this caller may use, for any id (QGIS probes one that does not exist).
 */
public final class EditRoutes implements RouteModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Services s;
  private final FeaturesRoutes features;

  public EditRoutes(Services s, FeaturesRoutes features) {
    this.s = s;
    this.features = features;
  }

  @Override
  public void register(RoutesConfig r) {
    r.options("/collections/{id}/items", ctx -> allow(ctx, false));
    r.options("/collections/{id}/items/{fid}", ctx -> allow(ctx, true));
    r.post("/collections/{id}/items", this::create);
    r.put("/collections/{id}/items/{fid}", this::replace);
    r.patch("/collections/{id}/items/{fid}", this::patch);
    r.delete("/collections/{id}/items/{fid}", this::delete);
    r.get("/collections/{id}/items/{fid}/history", this::history);
    r.post("/collections/{id}/items/{fid}/revert", this::revert);
    r.post("/collections/{id}/items/{fid}/split", this::split);
    r.post("/collections/{id}/items/{fid}/merge", this::merge);
    r.get("/collections/{id}/schema", this::schema);
  }

  /** Whether a role may write a layer's features: its editing role, and administrators everywhere. */
  public static boolean mayEdit(Role role, Layer l) {
    return l.editedBy() != null && (role == Role.admin || role.name().equals(l.editedBy()));
  }

  private Layer layer(Context ctx) {
    String id = ctx.pathParam("id");
    return s.catalog.get(id).orElseThrow(() -> ApiError.notFound("no collection '" + id + "'"));
  }

  private void allow(Context ctx, boolean item) {
    Layer l = layer(ctx);
    List<String> methods = new ArrayList<>(List.of("GET", "HEAD", "OPTIONS"));
    if (mayEdit(s.auth.principal(ctx).role(), l)) {
      methods.addAll(item ? List.of("PUT", "PATCH", "DELETE") : List.of("POST"));
      if (item) {
        ctx.header("Accept-Patch", "application/merge-patch+json");
      }
    }
    ctx.header("Allow", String.join(", ", methods));
    ctx.status(200);
  }

  /** The layer, if the caller may write it: 401 for a guest, 403 for a role that may not. */
  private Layer writable(Context ctx) {
    Layer l = layer(ctx);
    Role role = s.auth.principal(ctx).role();
    if (mayEdit(role, l)) {
      return l;
    }
    if (l.editedBy() == null) {
      throw Problems.error(405, "MethodNotAllowed", null, "图层“" + l.titleZh() + "”是只读的", "collection " + l.id() + " is read-only");
    }
    if (role == Role.anonymous) {
      throw Problems.error(401, "Unauthorized", null, "修改“" + l.titleZh() + "”需要先登录", "editing " + l.id() + " needs a login");
    }
    throw Problems.error(403, "Forbidden", null, "当前角色不能修改“" + l.titleZh() + "”",
        "role " + role + " may not edit " + l.id() + " (editors: " + l.editedBy() + " and admin)");
  }

  private Change change(Context ctx, Layer l, String op) {
    return Writes.change(ctx, s.auth, s.edits.clock(), op, l.id(), null);
  }

  private static Crs.Def contentCrs(Context ctx) {
    String h = ctx.header("Content-Crs");
    if (h == null || h.isBlank()) {
      return Crs.Def.CRS84;
    }
    String v = h.strip();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1);
    }
    return Crs.parse("Content-Crs", v);
  }

  private static JsonNode body(Context ctx, Set<String> types) {
    return JsonBody.object(ctx, types);
  }

  private static final Set<String> FEATURE_TYPES = Set.of("application/geo+json", "application/json");
  private static final Set<String> PATCH_TYPES = Set.of("application/merge-patch+json", "application/json",
      "application/geo+json");

  private static String ifMatch(Context ctx) {
    String h = ctx.header("If-Match");
    return h == null || h.isBlank() ? null : h;
  }

  private LayerView view(Context ctx, Layer l) {
    return new LayerView(l, s.auth.principal(ctx).role());
  }

  private static Crs.Def responseCrs(Context ctx) {
    Params.onlyKnown(ctx, Set.of("crs"), k -> false);
    return Optional.ofNullable(Crs.parse("crs", Params.one(ctx, "crs"))).orElse(Crs.Def.CRS84);
  }

  void create(Context ctx) throws Exception {
    Layer l = writable(ctx);
    Crs.Def out = responseCrs(ctx);
    JsonNode body = body(ctx, FEATURE_TYPES);
    EditService.Result r = s.edits.create(l, body, contentCrs(ctx), change(ctx, l, "create"));
    ctx.header("Location", FeaturesRoutes.base(ctx, s) + "/collections/" + l.id() + "/items/" + FeaturesRoutes.enc(r.id()));
    features.writeItem(ctx, view(ctx, l), r.id(), out, null, Format.JSON, 201);
  }

  void replace(Context ctx) throws Exception {
    write(ctx, FEATURE_TYPES, "replace", (l, body, ch) -> s.edits.replace(l, ctx.pathParam("fid"), body, contentCrs(ctx),
        ifMatch(ctx), ch));
  }

  void patch(Context ctx) throws Exception {
    write(ctx, PATCH_TYPES, "update", (l, body, ch) -> s.edits.patch(l, ctx.pathParam("fid"), body, contentCrs(ctx),
        ifMatch(ctx), ch));
  }

  @FunctionalInterface
  private interface Write {
    EditService.Result run(Layer l, JsonNode body, Change ch) throws Exception;
  }

  /** A write that answers with the feature as a GET would (PUT, PATCH, revert, merge). */
  private void write(Context ctx, Set<String> types, String op, Write w) throws Exception {
    Layer l = writable(ctx);
    Crs.Def out = responseCrs(ctx);
    JsonNode body = body(ctx, types);
    EditService.Result r = w.run(l, body, change(ctx, l, op));
    features.writeItem(ctx, view(ctx, l), r.id(), out, null, Format.JSON, 200);
  }

  void delete(Context ctx) throws Exception {
    Layer l = writable(ctx);
    Params.onlyKnown(ctx, Set.of(), k -> false);
    s.edits.delete(l, ctx.pathParam("fid"), ifMatch(ctx), change(ctx, l, "delete"));
    ctx.status(204);
  }

  void revert(Context ctx) throws Exception {
    write(ctx, FEATURE_TYPES, "revert", (l, body, ch) -> {
      JsonNode v = body.path("version");
      if (!v.canConvertToInt() || v.asInt() < 1) {
        throw ApiError.badParam("version", "the version to go back to, a whole number from 1 (see …/history)");
      }
      if (ch.reason() == null) {
        throw Problems.error(400, "InvalidParameterValue", "X-Change-Reason", "恢复到旧版本必须说明原因",
            "a revert needs a reason (X-Change-Reason)");
      }
      return s.edits.revert(l, ctx.pathParam("fid"), v.asInt(), ifMatch(ctx), ch);
    });
  }

  void split(Context ctx) throws Exception {
    Layer l = writable(ctx);
    Crs.Def out = responseCrs(ctx);
    JsonNode body = body(ctx, FEATURE_TYPES);
    EditService.Result r = s.edits.split(l, ctx.pathParam("fid"), body.get("line"), contentCrs(ctx), ifMatch(ctx),
        change(ctx, l, "split"));
    writeParts(ctx, l, r.others(), out);
  }

  void merge(Context ctx) throws Exception {
    write(ctx, FEATURE_TYPES, "merge", (l, body, ch) -> {
      JsonNode with = body.path("with");
      if (!with.isArray() || with.isEmpty()) {
        throw ApiError.badParam("with", "the ids of the parcels to merge into this one, as an array");
      }
      List<String> others = new ArrayList<>();
      with.forEach(n -> others.add(n.asText()));
      return s.edits.merge(l, ctx.pathParam("fid"), others, ifMatch(ctx), ch);
    });
  }

  /** The parts a split made, as a FeatureCollection, each with its ETag. */
  private void writeParts(Context ctx, Layer l, List<String> ids, Crs.Def crs) throws Exception {
    LayerView view = view(ctx, l);
    ItemsQuery q = new ItemsQuery(null, 1, 0, Map.of(), null, List.of(), crs.srid, crs.northFirst, false);
    // read whole before the first byte goes out: no connection waits on the client (FeaturesRoutes.Answers)
    FeaturesRoutes.Body body = features.answers().body(1);
    try {
      try (JsonGenerator g = JSON.getFactory().createGenerator(body)) {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (String id : ids) {
          var st = s.features.stamp(l, id, null).orElseThrow();
          String tag = ETags.tag(ETags.state(l.id(), id, st.version(), st.validFrom()),
              FeaturesRoutes.variant(Format.JSON, crs, view));
          s.features.writeFeature(l, id, q, view.showConfidential(), g, features.landUses(l, id, null),
              x -> x.writeStringField("etag", tag));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      ctx.status(200).contentType("application/geo+json").header("Content-Crs", crs.header());
      features.answers().send(ctx, body);
    } finally {
      body.release();
    }
  }

  /**
   * A feature's versions, newest first, each with the change that made it and the one that ended
   * it (who, role, when, operation, reason, request id, whether it was conditional). For staff
   * roles: the trail names the people who made each change.
   */
  void history(Context ctx) throws Exception {
    Layer l = layer(ctx);
    Role role = s.auth.principal(ctx).role();
    if (!role.atLeast(Role.planner)) {
      throw Problems.error(role == Role.anonymous ? 401 : 403, role == Role.anonymous ? "Unauthorized" : "Forbidden", null,
          "查看修改记录需要以规划、国土或管理员身份登录", "the history is for planners, land officers and administrators");
    }
    Crs.Def crs = responseCrs(ctx);
    String fid = ctx.pathParam("fid");
    Map<Long, HistoryService.Touch> touches = new java.util.LinkedHashMap<>();
    for (HistoryService.Touch t : s.history.ofFeature(l.id(), fid)) {
      touches.put(t.change().id(), t);
    }
    LayerView view = view(ctx, l);
    ItemsQuery q = new ItemsQuery(null, 1, 0, Map.of(), null, List.of(), crs.srid, crs.northFirst, false);
    FeaturesRoutes.Body buf = features.answers().body(1);
    try {
      int n;
      try (JsonGenerator g = JSON.getFactory().createGenerator(buf)) {
        g.writeStartObject();
        g.writeStringField("collection", l.id());
        g.writeStringField("id", fid);
        HistoryService.Touch deleted = touches.values().stream().findFirst()
            .filter(t -> t.what().versionAfter() == null).orElse(null);
        g.writeBooleanField("deleted", deleted != null);
        g.writeArrayFieldStart("versions");
        n = s.features.writeVersions(l, fid, q, view.showConfidential(), g, (x, version, from, changeId, to, endedBy) -> {
          x.writeNumberField("version", version);
          x.writeStringField("valid_from", from.toString());
          if (to == null) {
            x.writeNullField("valid_to");
          } else {
            x.writeStringField("valid_to", to.toString());
          }
          x.writeBooleanField("current", to == null);
          x.writeStringField("etag", ETags.tag(ETags.state(l.id(), fid, version, from),
              FeaturesRoutes.variant(Format.JSON, crs, view)));
          x.writeFieldName("made_by");
          writeChange(x, changeId == null ? null : touches.get(changeId));
          x.writeFieldName("ended_by");
          writeChange(x, endedBy == null ? null : touches.get(endedBy));
        });
        g.writeEndArray();
        g.writeEndObject();
      }
      if (n == 0) {
        throw ApiError.notFound("no feature '" + fid + "' in collection '" + l.id() + "', now or before");
      }
      ctx.contentType("application/json").header("Content-Crs", crs.header());
      features.answers().send(ctx, buf);
    } finally {
      buf.release();
    }
  }

  private static void writeChange(JsonGenerator g, HistoryService.Touch t) throws java.io.IOException {
    if (t == null) {
      g.writeNull();
      return;
    }
    HistoryService.ChangeRecord c = t.change();
    g.writeStartObject();
    g.writeNumberField("id", c.id());
    g.writeStringField("op", c.op());
    g.writeStringField("feature_op", t.what().op());
    g.writeStringField("at", c.at().toString());
    g.writeStringField("username", c.username());
    g.writeStringField("role", c.role());
    g.writeStringField("reason", c.reason());
    g.writeStringField("request_id", c.requestId());
    g.writeBooleanField("if_match", c.ifMatch());
    g.writeStringField("client", c.client());
    g.writeStringField("summary", c.summary());
    g.writeNumberField("feature_count", c.featureCount());
    g.writeEndObject();
  }

  /** The schema a form for the collection is built from: types, titles, code lists, the land cycle. */
  void schema(Context ctx) {
    Layer l = layer(ctx);
    Params.onlyKnown(ctx, Set.of("f"), k -> false);
    String f = Params.one(ctx, "f");
    if (f != null && !f.equals("json")) {
      throw ApiError.badParam("f", "the form schema is JSON only (f=json), got '" + f + "'");
    }
    ctx.json(EditSchema.of(l, view(ctx, l), mayEdit(s.auth.principal(ctx).role(), l),
        FeaturesRoutes.base(ctx, s)));
  }
}
