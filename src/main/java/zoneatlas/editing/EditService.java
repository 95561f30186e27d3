package zoneatlas.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import zoneatlas.editing.ChangeSet.Written;
import zoneatlas.geo.Geodesy;
import zoneatlas.history.Change;
import zoneatlas.history.ETags;
import zoneatlas.history.LandUseVersions;
import zoneatlas.history.LandUseVersions.Link;
import zoneatlas.history.Versions;
import zoneatlas.history.Versions.Row;
import zoneatlas.http.ApiError;
import zoneatlas.layers.Column;
import zoneatlas.layers.FeatureIds;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.ogc.Crs;
import zoneatlas.store.Store;
import zoneatlas.store.Transactions;

/**
 * Writes features: creates, replaces, patches, deletes, reverts, splits and merges, each as one
 * transaction that locks what it changes, checks the caller's precondition (If-Match) against the
 * live version, checks the new state in full, and then appends the change record and the versions
 * together. Any failure, of any kind, rolls all of it back. Thread-safe: state lives in each call.
 */
public final class EditService {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Store store;
  private final LayerCatalog catalog;
  private final Clock clock;

  public EditService(Store store, LayerCatalog catalog, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** The result of a write: the version it made of the feature asked about (or the one it ended). */
  public record Result(String collection, String id, int version, java.time.Instant validFrom, boolean changed,
      List<String> others) {
    public String state() {
      return ETags.state(collection, id, version, validFrom);
    }
  }

  /** Runs one write; commits when it returns, rolls back on anything thrown, Errors included. */
  private <T> T transaction(Transactions.Work<T> w) throws SQLException {
    return Transactions.run(store, w);
  }

  // ---- create, replace, patch, delete ----------------------------------------------------------

  public Result create(Layer l, JsonNode feature, Crs.Def crs, Change ch) throws SQLException {
    FeatureRules rules = FeatureRules.of(l);
    Target t = fromFeature(l, rules, feature, crs);
    String asked = clientId(l, feature);
    return transaction(c -> {
      Versions v = new Versions(store, c);
      String id = asked;
      if (id != null && v.everUsed(l, id)) {
        throw Problems.error(409, "Conflict", "id", "编号 " + id + " 已被使用过（包括已删除的要素）；请换一个编号，或不填由系统生成",
            "id " + id + " is or was in use (deleted features keep their ids); choose another or leave it out");
      }
      if (id == null) {
        id = newId(l, t, v);
      }
      Lookup lk = new Lookup(store, c);
      Problems p = new Problems();
      FeatureRules.Built b = rules.build(l, null, t, FeatureRules.Mode.CREATE, lk, p);
      ChangeSet set = new ChangeSet();
      set.create(l, id, b);
      linkPlan(l, id, t, set, lk, c, p, true);
      p.throwIfAny();
      List<Written> w = set.apply(store, c, ch, "");
      return result(w.get(0), true, w);
    });
  }

  /** PUT: the feature becomes the one sent; {@code land_uses} left out leaves the links as they are. */
  public Result replace(Layer l, String id, JsonNode feature, Crs.Def crs, String ifMatch, Change ch)
      throws SQLException {
    FeatureRules rules = FeatureRules.of(l);
    Target t = fromFeature(l, rules, feature, crs);
    Object bodyId = feature.hasNonNull("id") ? feature.get("id").asText() : null;
    if (bodyId != null && !bodyId.equals(id)) {
      throw Problems.error(400, "InvalidParameterValue", "id", "请求体中的编号 " + bodyId + " 与地址中的 " + id + " 不一致",
          "the body's id " + bodyId + " differs from the id in the path " + id);
    }
    return update(l, id, ifMatch, ch, cur -> t, rules);
  }

  /** The members a feature patch may hold: a GeoJSON Feature's own (type, id, bbox and links are not changed). */
  private static final Set<String> PATCH_MEMBERS = Set.of("type", "id", "properties", "geometry", "bbox", "links");

  /** PATCH with a JSON merge patch (RFC 7396) of the feature: a null property empties it. */
  public Result patch(Layer l, String id, JsonNode patch, Crs.Def crs, String ifMatch, Change ch) throws SQLException {
    FeatureRules rules = FeatureRules.of(l);
    if (patch == null || !patch.isObject()) {
      throw ApiError.badParam("body", "must be a JSON merge patch object, e.g. {\"properties\":{\"status\":\"在用\"}}");
    }
    for (var it = patch.fieldNames(); it.hasNext(); ) {
      String m = it.next();
      if (!PATCH_MEMBERS.contains(m)) {
        // a misspelt "properties" would otherwise be a successful write that changed nothing
        throw Problems.error(400, "InvalidParameterValue", m, "请求体中的“" + m + "”无法识别：只能修改要素的属性和几何图形",
            "unknown member '" + m + "': a patch changes 'properties' and 'geometry' only");
      }
    }
    if (patch.has("type") && !"Feature".equals(patch.get("type").asText())) {
      throw ApiError.badParam("type", "a patch of a feature is a Feature, got '" + patch.get("type").asText() + "'");
    }
    if (patch.has("id") && !patch.get("id").asText().equals(id)) {
      throw Problems.error(400, "InvalidParameterValue", "id", "要素编号不能修改", "a feature's id cannot be changed");
    }
    JsonNode props = patch.path("properties");
    if (patch.has("properties") && !props.isObject()) {
      throw ApiError.badParam("properties", "must be an object of the properties to change");
    }
    return update(l, id, ifMatch, ch, cur -> fromPatch(l, rules, cur, patch, crs), rules);
  }

  @FunctionalInterface
  private interface TargetOf {
    Target of(Row current) throws SQLException;
  }

  private Result update(Layer l, String id, String ifMatch, Change ch, TargetOf targetOf, FeatureRules rules)
      throws SQLException {
    return transaction(c -> {
      Versions v = new Versions(store, c);
      Row cur = v.lock(l, id);
      if (cur == null) {
        throw missing(l, id, ifMatch);
      }
      precondition(l, cur, ifMatch);
      Target t = targetOf.of(cur);
      Lookup lk = new Lookup(store, c);
      Problems p = new Problems();
      FeatureRules.Built b = rules.build(l, cur, t, FeatureRules.Mode.UPDATE, lk, p);
      ChangeSet set = new ChangeSet();
      set.update(l, cur, b);
      linkPlan(l, id, t, set, lk, c, p, false);
      p.throwIfAny();
      if (set.isEmpty()) {
        return new Result(l.id(), id, cur.version(), cur.validFrom(), false, List.of());
      }
      List<Written> w = set.apply(store, c, ch, String.join(",", set.changedFields()));
      return result(w.get(0), true, w);
    });
  }

  public Result delete(Layer l, String id, String ifMatch, Change ch) throws SQLException {
    return transaction(c -> {
      Versions v = new Versions(store, c);
      Row cur = v.lock(l, id);
      if (cur == null) {
        throw missing(l, id, ifMatch);
      }
      precondition(l, cur, ifMatch);
      Lookup lk = new Lookup(store, c);
      stillReferenced(l, cur, lk);
      ChangeSet set = new ChangeSet();
      set.delete(l, cur);
      if (!l.table().equals("plan_features")) {
        boolean ofParcel = l.id().equals("parcels");
        LandUseVersions luv = new LandUseVersions(store, c);
        List<Link> before = ofParcel ? luv.lockParcel(id) : luv.lockEnterprise(id);
        set.links(before, List.of());
        touchOthers(set, ofParcel, v);
      }
      List<Written> w = set.apply(store, c, ch, "");
      return result(w.get(0), true, w);
    });
  }

  // ---- revert ----------------------------------------------------------------------------------

  /**
   * Makes an earlier version current again, as a new version (or brings a deleted feature back).
   * The version's values pass the same checks as any write, except the land cycle: a revert undoes
   * a wrong entry, which may mean going back in the cycle.
   */
  public Result revert(Layer l, String id, int version, String ifMatch, Change ch) throws SQLException {
    FeatureRules rules = FeatureRules.of(l);
    return transaction(c -> {
      Versions v = new Versions(store, c);
      Row cur = v.lock(l, id);
      if (cur != null) {
        precondition(l, cur, ifMatch);
      } else if (ifMatch != null && !ifMatch.strip().equals("*")) {
        throw Problems.error(412, "PreconditionFailed", "If-Match", "该要素已被删除，版本标记不再有效",
            "the feature was deleted; the If-Match tag no longer holds");
      }
      Row old = cur != null && cur.version() == version ? cur
          : v.ended(l, id).stream().filter(r -> r.version() == version).findFirst().orElse(null);
      if (old == null) {
        throw Problems.error(404, "NotFound", "version", "要素 " + id + " 没有第 " + version + " 版",
            "feature " + id + " has no version " + version);
      }
      if (cur != null && cur.version() == version) {
        return new Result(l.id(), id, cur.version(), cur.validFrom(), false, List.of());
      }
      Target t = fromRow(l, rules, old);
      Problems p = new Problems();
      FeatureRules.Built b = rules.build(l, cur, t, FeatureRules.Mode.REVERT, new Lookup(store, c), p);
      p.throwIfAny();
      ChangeSet set = new ChangeSet();
      if (cur != null) {
        set.update(l, cur, b);
      } else {
        set.recreate(l, id, b, v.lastVersion(l, id) + 1);
      }
      List<Written> w = set.apply(store, c, ch, "version " + version + (set.changedFields().isEmpty() ? ""
          : ": " + String.join(",", set.changedFields())));
      return result(w.get(0), true, w);
    });
  }

  // ---- split and merge -------------------------------------------------------------------------

  /**
   * Splits a parcel along a line into parts that take its id with -1, -2 ... (skipping any id ever
   * used), its attributes and its land-use links with the same shares; the parent ends. Each part's
   * area is recomputed; together they cover the parent exactly.
   */
  public Result split(Layer l, String id, JsonNode lineJson, Crs.Def crs, String ifMatch, Change ch) throws SQLException {
    requireParcels(l);
    Geometry line = Crs.toStorage(GeoJson.read(lineJson, "line"), crs);
    if (!(line instanceof LineString)) {
      throw ApiError.badParam("line", "must be a GeoJSON LineString drawn across the parcel");
    }
    return transaction(c -> {
      Versions v = new Versions(store, c);
      Row cur = v.lock(l, id);
      if (cur == null) {
        throw missing(l, id, ifMatch);
      }
      precondition(l, cur, ifMatch);
      List<Polygon> parts = Splitter.split((Polygon) cur.geom(), (LineString) line);
      if (parts.size() < 2) {
        throw Problems.refused(List.of(new Problems.Problem("line", "分割线必须完整穿过地块（两端都在地块之外），才能把它分成两块以上",
            "the line must cross the parcel completely (both ends outside it) to cut it in two or more parts", null, null,
            null)));
      }
      Lookup lk = new Lookup(store, c);
      LandUseVersions luv = new LandUseVersions(store, c);
      List<Link> links = luv.lockParcel(id);
      ParcelRules rules = new ParcelRules(Set.of(id));
      Problems p = new Problems();
      ChangeSet set = new ChangeSet();
      List<Link> after = new ArrayList<>();
      Set<String> taken = new HashSet<>();
      int n = 0;
      for (Polygon part : parts) {
        String partId;
        do {
          partId = id + "-" + (++n);
        } while (v.everUsed(l, partId) || !taken.add(partId));
        Target t = fromRow(l, rules, cur).withGeometry(part);
        FeatureRules.Built b = rules.build(l, null, t, FeatureRules.Mode.REVERT, lk, p);
        share(b, cur, part);
        set.create(l, partId, b);
        for (Link k : links) {
          after.add(new Link(k.enterpriseId(), partId, k.role(), k.share(), k.sinceYear()));
        }
      }
      p.throwIfAny();
      set.delete(l, cur);
      set.links(links, after);
      touchOthers(set, true, v);
      List<Written> w = set.apply(store, c, ch, "split into " + String.join(",", taken.stream().sorted().toList()));
      List<String> made = w.stream().filter(x -> x.kind() == ChangeSet.Kind.CREATE).map(Written::id).toList();
      Written first = w.stream().filter(x -> x.kind() == ChangeSet.Kind.CREATE).findFirst().orElseThrow();
      return new Result(first.collection(), first.id(), first.version(), first.validFrom(), true, made);
    });
  }

  /**
   * Merges adjacent parcels into the first one: it keeps its id and attributes and takes the union
   * of the shapes; the others end. Land-use links are carried over so every enterprise keeps the
   * same land: a share of a part becomes that share times the part's fraction of the whole.
   *
   * @param ifMatch one tag per parcel, or none
   */
  public Result merge(Layer l, String id, List<String> others, String ifMatch, Change ch) throws SQLException {
    requireParcels(l);
    Set<String> all = new LinkedHashSet<>();
    all.add(id);
    all.addAll(others);
    if (all.size() < 2) {
      throw ApiError.badParam("with", "name at least one other parcel to merge with " + id);
    }
    return transaction(c -> {
      Versions v = new Versions(store, c);
      LandUseVersions luv = new LandUseVersions(store, c);
      Map<String, Row> rows = new LinkedHashMap<>();
      // lock in id order, so two merges of overlapping sets cannot wait on each other forever
      for (String pid : all.stream().sorted().toList()) {
        Row r = v.lock(l, pid);
        if (r == null) {
          throw missing(l, pid, null);
        }
        rows.put(pid, r);
      }
      if (ifMatch != null) {
        for (Row r : rows.values()) {
          precondition(l, r, ifMatch);
        }
      }
      List<Geometry> shapes = all.stream().map(pid -> rows.get(pid).geom()).toList();
      Polygon union = Splitter.union(shapes);
      if (union == null) {
        throw Problems.refused(List.of(new Problems.Problem("with", "这些地块不相邻（没有共同边界），不能合并为一个地块",
            "the parcels are not adjacent (they share no edge) and cannot become one parcel", null, null, null)));
      }
      Row kept = rows.get(id);
      double total = Geodesy.areaM2(union);
      Map<String, Link> merged = new LinkedHashMap<>();
      List<Link> before = new ArrayList<>();
      for (String pid : all) {
        double frac = Geodesy.areaM2(rows.get(pid).geom()) / total;
        for (Link k : luv.lockParcel(pid)) {
          before.add(k);
          String key = k.enterpriseId() + "|" + k.role();
          Link prev = merged.get(key);
          double share = (prev == null ? 0 : prev.share()) + k.share() * frac;
          Integer since = prev == null ? k.sinceYear() : min(prev.sinceYear(), k.sinceYear());
          merged.put(key, new Link(k.enterpriseId(), id, k.role(), Math.min(1, FeatureRules.round(share, 6)), since));
        }
      }
      ParcelRules rules = new ParcelRules(all);
      Problems p = new Problems();
      Target t = fromRow(l, rules, kept).withGeometry(union);
      FeatureRules.Built b = rules.build(l, kept, t, FeatureRules.Mode.REVERT, new Lookup(store, c), p);
      p.throwIfAny();
      ChangeSet set = new ChangeSet();
      set.update(l, kept, b);
      for (String pid : all) {
        if (!pid.equals(id)) {
          set.delete(l, rows.get(pid));
        }
      }
      set.links(before, new ArrayList<>(merged.values()));
      touchOthers(set, true, v);
      List<Written> w = set.apply(store, c, ch, "merged " + String.join(",", others));
      return result(w.get(0), true, w);
    });
  }

  /**
   * What a split part inherits beyond the attributes: the parent's synthetic mark (a part of a
   * generated parcel is still generated), and its share of the floor area, in proportion to its
   * area, so the part's floor-area ratio stays the parent's.
   */
  private static void share(FeatureRules.Built b, Row parent, Polygon part) {
    b.values().put("synthetic", parent.get("synthetic"));
    Object floor = parent.get("floor_area_m2");
    if (floor instanceof Double f) {
      double frac = Geodesy.areaM2(part) / Geodesy.areaM2(parent.geom());
      b.values().put("floor_area_m2", FeatureRules.round(f * frac, 1));
    }
  }

  private static Integer min(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }

  private static void requireParcels(Layer l) {
    if (!l.id().equals("parcels")) {
      throw ApiError.notFound("splitting and merging are for parcels only");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static Result result(Written w, boolean changed, List<Written> all) {
    List<String> others = all.stream().skip(1).map(Written::id).toList();
    return new Result(w.collection(), w.id(), w.version(), w.validFrom(), changed, others);
  }

  private static ApiError missing(Layer l, String id, String ifMatch) {
    if (ifMatch != null) {
      // RFC 9110: a conditional request on a resource that does not exist fails its precondition
      return Problems.error(412, "PreconditionFailed", "If-Match", "要素 " + id + " 不存在（可能已被他人删除）",
          "no feature '" + id + "' (it may have been deleted meanwhile)");
    }
    return Problems.error(404, "NotFound", null, "图层 " + l.titleZh() + " 中没有要素 " + id,
        "no feature '" + id + "' in collection '" + l.id() + "'");
  }

  /** 412 unless the If-Match header (when there is one) names the live version. */
  private static void precondition(Layer l, Row cur, String ifMatch) {
    if (ifMatch == null) {
      return;
    }
    if (ETags.malformed(ifMatch)) {
      throw ApiError.badParam("If-Match", "must be * or a list of quoted entity tags, e.g. \"v3.1a2b3c4d5e6f7a8b-c0\"");
    }
    String state = ETags.state(l.id(), cur.id(), cur.version(), cur.validFrom());
    if (!ETags.matches(ifMatch, state)) {
      throw new ApiError(412, "PreconditionFailed", "If-Match", "feature " + cur.id() + " was changed meanwhile (it is now"
          + " version " + cur.version() + "); reload it and make the change again",
          Map.of("description_zh", "要素 " + cur.id() + " 已被他人修改（现为第 " + cur.version() + " 版）；请重新加载后再修改",
              "current_version", cur.version()));
    }
  }

  /** A plan feature that parcels, other plan features or enterprises still lie in is not deleted. */
  private static void stillReferenced(Layer l, Row cur, Lookup lk) throws SQLException {
    if (l.table().equals("plan_features")) {
      long[] refs = lk.referencesTo(cur.id());
      if (refs[0] + refs[1] + refs[2] > 0) {
        throw Problems.error(409, "Conflict", null, String.format(
            "%s 中还有 %d 个地块、%d 个规划要素、%d 家企业；请先调整它们的归属再删除", cur.get("name_zh"), refs[0], refs[1], refs[2]),
            String.format("%d parcels, %d plan features and %d enterprises still lie in %s; reassign them first", refs[0],
                refs[1], refs[2], cur.id()));
      }
      if ("zones".equals(l.whereLayer()) && "development_zone".equals(cur.get("kind"))
          && lk.parcelsInZone((String) cur.get("zone")) > 0) {
        throw Problems.error(409, "Conflict", null, "开发区内还有地块，不能删除开发区范围",
            "the zone still has parcels; its outline cannot be deleted");
      }
    } else if (l.id().equals("enterprises")) {
      long years = lk.figureYears(cur.id());
      if (years > 0) {
        throw Problems.error(409, "Conflict", null, "该企业有 " + years + " 年的经济数据或评价记录，不能删除；企业迁出请解除它与地块的关联",
            "the enterprise has figures or evaluation items for " + years + " years and is kept; when it leaves, unlink it from its parcels");
      }
    }
  }

  /** Plans the link changes a write asks for; {@code create}: the feature has no links yet. */
  private void linkPlan(Layer l, String id, Target t, ChangeSet set, Lookup lk, Connection c, Problems p, boolean create)
      throws SQLException {
    if (t.landUses() == null || l.table().equals("plan_features")) {
      return;
    }
    boolean ofParcel = l.id().equals("parcels");
    LandUseVersions luv = new LandUseVersions(store, c);
    List<Link> before = create ? List.of() : ofParcel ? luv.lockParcel(id) : luv.lockEnterprise(id);
    List<Link> after = LandLinks.parse(t.landUses(), id, ofParcel, p);
    if (p.any()) {
      return;
    }
    LandLinks.check(after, before, ofParcel, lk, luv, p);
    if (p.any()) {
      return;
    }
    set.links(before, after);
    touchOthers(set, ofParcel, new Versions(store, c));
  }

  /** Every feature on the other side of a changed link gets a new version: its links are part of it. */
  private void touchOthers(ChangeSet set, boolean ofParcel, Versions v) throws SQLException {
    Layer other = catalog.get(ofParcel ? "enterprises" : "parcels").orElseThrow();
    for (String oid : set.linkedOthers(ofParcel).stream().sorted().toList()) {
      if (set.touches(other, oid)) {
        continue;
      }
      Row r = v.lock(other, oid);
      if (r != null) {
        set.touch(other, r);
      }
    }
  }

  private static String clientId(Layer l, JsonNode feature) {
    JsonNode n = feature.get("id");
    if (n == null || n.isNull() || n.asText().isBlank()) {
      return null;
    }
    String id = n.asText().strip();
    boolean plan = l.table().equals("plan_features");
    if (!FeatureIds.valid(id, plan)) {
      throw Problems.error(400, "InvalidParameterValue", "id", plan ? FeatureIds.PLAN_RULE_ZH : FeatureIds.RULE_ZH,
          plan ? FeatureIds.PLAN_RULE_EN : FeatureIds.RULE_EN);
    }
    return id;
  }

  private String newId(Layer l, Target t, Versions v) throws SQLException {
    String zone = t.get("zone") == null ? null : t.get("zone").asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String prefix = switch (l.id()) {
      case "parcels" -> "P-" + (zone == null || zone.isEmpty() ? "new" : zone) + "-N";
      case "enterprises" -> "E-N";
      default -> (zone == null || zone.isEmpty() ? "plan" : zone) + "-" + switch (l.id()) {
        case "zones" -> "zone";
        case "core-boards" -> "cb";
        case "industrial-parks" -> "ip";
        case "small-micro-parks" -> "sm";
        default -> "inf";
      } + "-n";
    };
    boolean upper = !l.table().equals("plan_features");
    for (int attempt = 0; attempt < 20; attempt++) {
      String s = Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36);
      String id = prefix + (upper ? s.toUpperCase(Locale.ROOT) : s);
      if (!v.everUsed(l, id)) {
        return id;
      }
    }
    throw new IllegalStateException("could not find an unused id for " + l.id());
  }

  // ---- requests to targets ---------------------------------------------------------------------

  private Target fromFeature(Layer l, FeatureRules rules, JsonNode feature, Crs.Def crs) {
    if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
      throw ApiError.badParam("body", "must be a GeoJSON Feature: {\"type\":\"Feature\",\"geometry\":…,\"properties\":{…}}");
    }
    JsonNode props = feature.path("properties");
    if (!props.isMissingNode() && !props.isNull() && !props.isObject()) {
      throw ApiError.badParam("properties", "must be an object");
    }
    return target(l, rules, new LinkedHashMap<>(), feature, crs);
  }

  /** A merge patch applied to the current properties: what it names replaces them, the rest stays. */
  private Target fromPatch(Layer l, FeatureRules rules, Row cur, JsonNode patch, Crs.Def crs) {
    return target(l, rules, new LinkedHashMap<>(props(l, cur)), patch, crs);
  }

  /**
   * The target a request body asks for, over the properties {@code m} starts with: every named
   * property replaces its value (computed ones are dropped), {@code land_uses} is taken apart, and
   * a geometry member, if any, is read in the request's CRS and brought to the storage CRS.
   */
  private static Target target(Layer l, FeatureRules rules, Map<String, JsonNode> m, JsonNode body, Crs.Def crs) {
    Set<String> given = new LinkedHashSet<>();
    JsonNode landUses = null;
    JsonNode props = body.path("properties");
    if (props.isObject()) {
      for (var it = props.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().equals("land_uses")) {
          landUses = e.getValue().isNull() ? JsonNodeFactory.instance.arrayNode() : e.getValue();
          continue;
        }
        known(l, rules, e.getKey());
        if (!rules.computed().contains(e.getKey())) {
          m.put(e.getKey(), e.getValue());
          given.add(e.getKey());
        }
      }
    }
    boolean geometryGiven = body.has("geometry");
    Geometry sent = geometryGiven && !body.get("geometry").isNull() ? GeoJson.read(body.get("geometry"), "geometry") : null;
    Geometry storage = sent == null ? null : Crs.toStorage(sent, crs);
    return new Target(m, given, storage, sent, geometryGiven, landUses, crs);
  }

  /** A stored version as a request to write it again (reverts, the parts of a split). */
  private static Target fromRow(Layer l, FeatureRules rules, Row r) {
    Map<String, JsonNode> m = props(l, r);
    Set<String> given = new LinkedHashSet<>(m.keySet());
    given.removeAll(rules.computed());
    return new Target(m, given, r.geom(), r.geom(), true, null, Crs.Def.CRS84);
  }

  private static Map<String, JsonNode> props(Layer l, Row r) {
    ObjectNode o = JSON.createObjectNode();
    for (Column col : l.columns()) {
      Object v = r.get(col.name());
      if (v == null) {
        o.putNull(col.name());
      } else {
        o.set(col.name(), JSON.valueToTree(v));
      }
    }
    Map<String, JsonNode> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static void known(Layer l, FeatureRules rules, String name) {
    if (l.column(name).isEmpty()) {
      throw Problems.error(400, "InvalidParameterValue", name, "未知的属性“" + name + "”",
          "unknown property '" + name + "' in collection '" + l.id() + "' (see /collections/" + l.id() + "/schema)");
    }
  }
}
