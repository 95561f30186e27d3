package zoneatlas.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneatlas.Services;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.Table;
import zoneatlas.efficiency.TableExport;
import zoneatlas.history.HistoryService.AuditQuery;
import zoneatlas.history.HistoryService.ChangeRecord;
import zoneatlas.history.HistoryService.FeatureChange;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.ogc.FeaturesRoutes;

/**
 * <b>GET /api/audit</b> — the administrator's audit trail (全过程留痕): who changed what, when and
 * why, from the immutable change records. Administrators only (401 without a login, 403 for other
 * roles).
 *
 * <p>Filters, all optional and combined with AND: {@code user} (user name), {@code collection} (a
 * catalog id, or {@code *} for the demo load; a change to the layer or one that touched a feature
 * of it), {@code op} (create, replace, update, delete, revert, split, merge, import, import-figures,
 * load), {@code feature} (a feature id), {@code from} and {@code to} (RFC 3339: a date is a day in
 * China time, Asia/Shanghai — {@code from=2026-12-01} starts at 00:00 there, {@code to=2026-12-07}
 * ends with that day; a date-time carries its offset and {@code to} includes that instant). Paging:
 * {@code limit} (default 100, larger values are capped to 1000), {@code offset}. Anything malformed
 * or unknown is a 400 naming the parameter.
 *
 * <p>JSON: {@code numberMatched}, {@code numberReturned}, {@code changes} newest first (each with the
 * first 50 features it touched, and {@code text}: the coded values in words, in {@code lang}, zh by
 * default), {@code links} (self, next, prev). {@code format=csv|xlsx} exports the same filter — every
 * matching change unless {@code limit}/{@code offset} are given — as one row per feature touched (a
 * change without features is one row), headed and worded in Chinese or, with {@code lang=en}, in
 * English, times in Beijing time.
 */
public final class AuditRoutes implements RouteModule {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  /** Features listed per change in the JSON answer; the export has them all. */
  static final int FEATURES_SHOWN = 50;
  private static final Set<String> PARAMS = Set.of("user", "collection", "op", "feature", "from", "to", "limit",
      "offset", "format", "lang");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)([Zz]|[+\\- ]\\d{2}:\\d{2})");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Operations of the change records, with their Chinese and English words. */
  static final Map<String, String[]> OPS = words(
      "create", "新建", "create",
      "replace", "替换", "replace",
      "update", "修改", "edit",
      "delete", "删除", "delete",
      "revert", "恢复", "revert",
      "split", "分割", "split",
      "merge", "合并", "merge",
      "import", "导入地块", "parcel import",
      "import-figures", "导入经济数据", "figures import",
      "load", "初始数据", "initial data",
      "evaluation-notice", "亩均评价公示", "evaluation notice",
      "evaluation-objection", "登记异议", "objection recorded",
      "evaluation-decision", "异议处理", "objection decided",
      "evaluation-publish", "亩均评价公布", "evaluation published",
      "evaluation-revise", "公布名单修订", "published list revised",
      "evaluation-item", "登记评价事项", "evaluation item recorded",
      "evaluation-item-remove", "撤销评价事项", "evaluation item removed");
  /** What a change did to one feature. */
  static final Map<String, String[]> FEATURE_OPS = words(
      "create", "新建", "created",
      "update", "修改", "edited",
      "delete", "删除", "deleted",
      "restore", "恢复", "restored");
  /** The roles' words, as the map shows them. */
  static final Map<String, String[]> ROLES = words(
      "anonymous", "访客", "guest",
      "prospect", "意向投资方", "prospect",
      "planner", "规划人员", "planner",
      "land_officer", "土地管理人员", "land officer",
      "admin", "管理员", "administrator");

  /** The export's columns: one row per feature a change touched. */
  static final List<Table.Col> COLUMNS = List.of(
      new Table.Col("id", "变更编号", "Change no.", null),
      new Table.Col("at", "时间（北京时间）", "Time (Beijing time)", null),
      new Table.Col("user", "用户", "User", null),
      new Table.Col("role", "角色", "Role", null),
      new Table.Col("op", "操作", "Operation", null),
      new Table.Col("layer", "图层", "Layer", null),
      new Table.Col("feature", "要素", "Feature", null),
      new Table.Col("versions", "版本变化", "Version change", null),
      new Table.Col("reason", "原因", "Reason", null),
      new Table.Col("request", "请求编号", "Request ID", null),
      new Table.Col("if_match", "是否带版本校验", "Version check (If-Match)", null),
      new Table.Col("client", "客户端", "Client", null),
      new Table.Col("summary", "修改字段", "Fields changed", null));

  private final Services s;

  public AuditRoutes(Services s) {
    this.s = s;
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/audit", this::audit);
  }

  void audit(Context ctx) throws Exception {
    Role role = s.auth.principal(ctx).role();
    if (role == Role.anonymous) {
      throw new ApiError(401, "Unauthorized", null, "the audit trail is for administrators: sign in",
          Map.of("description_zh", "请以管理员身份登录"));
    }
    if (role != Role.admin) {
      throw new ApiError(403, "Forbidden", null, "the audit trail is for administrators",
          Map.of("description_zh", "变更记录仅供管理员查看，请以管理员身份登录"));
    }
    Params.onlyKnown(ctx, PARAMS, k -> false);
    String format = choice(ctx, "format", "json", "csv", "xlsx");
    String lang = choice(ctx, "lang", "zh", "en");
    boolean export = !format.equals("json");
    AuditQuery q = query(ctx, export);
    ctx.header("Cache-Control", "no-store");
    if (export) {
      export(ctx, q, format, lang);
    } else {
      page(ctx, q, lang);
    }
  }

  /** The filter of a request; an export without limit takes every matching change. */
  AuditQuery query(Context ctx, boolean export) {
    String user = text(ctx, "user", 200);
    String collection = text(ctx, "collection", 100);
    if (collection != null && !collection.equals("*") && !collection.equals(zoneatlas.efficiency.Evaluations.COLLECTION)
        && s.catalog.get(collection).isEmpty()) {
      throw ApiError.badParam("collection", "no layer '" + collection + "'; one of "
          + String.join(", ", s.catalog.all().stream().map(Layer::id).toList()) + ", or * (the initial data load)");
    }
    String op = text(ctx, "op", 50);
    if (op != null && !OPS.containsKey(op)) {
      throw ApiError.badParam("op", "must be one of " + String.join(", ", OPS.keySet()) + ", got '" + op + "'");
    }
    String feature = text(ctx, "feature", 200);
    Instant from = instant(ctx, "from", false);
    Instant to = instant(ctx, "to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiError.badParam("to", "the period ends before it begins (from " + Params.one(ctx, "from") + ")");
    }
    int limit = export && Params.one(ctx, "limit") == null ? Integer.MAX_VALUE
        : Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, true);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE, false);
    return new AuditQuery(user, collection, op, feature, from, to, limit, offset);
  }

  private static String choice(Context ctx, String name, String... allowed) {
    String v = Params.one(ctx, name);
    if (v == null) {
      return allowed[0];
    }
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw ApiError.badParam(name, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
  }

  private static String text(Context ctx, String name, int max) {
    String v = Params.one(ctx, name);
    if (v == null) {
      return null;
    }
    if (v.isBlank()) {
      throw ApiError.badParam(name, "must not be empty (leave the parameter out to not filter)");
    }
    if (v.length() > max) {
      throw ApiError.badParam(name, "must be at most " + max + " characters");
    }
    return v.strip();
  }

  /**
   * An RFC 3339 date or date-time. A date is a day in China time: a period's start at 00:00 there,
   * its end after 24:00. A date-time ends a period including its own instant.
   */
  static Instant instant(Context ctx, String name, boolean end) {
    String v = Params.one(ctx, name);
    return v == null ? null : instant(name, v, end);
  }

  static Instant instant(String name, String v, boolean end) {
    String s = v.strip();
    try {
      if (DATE.matcher(s).matches()) {
        LocalDate d = LocalDate.parse(s);
        return (end ? d.plusDays(1) : d).atStartOfDay(CHINA).toInstant();
      }
      Matcher m = DATE_TIME.matcher(s);
      if (m.matches()) {
        String offset = m.group(3).toUpperCase(java.util.Locale.ROOT);
        // an unencoded + in a query string arrives as a space
        if (offset.startsWith(" ")) {
          offset = "+" + offset.substring(1);
        }
        Instant t = OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + offset, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
        return end ? t.plus(1, ChronoUnit.MICROS) : t;
      }
    } catch (DateTimeException e) {
      throw ApiError.badParam(name, "'" + v + "' is not a real date or time");
    }
    throw ApiError.badParam(name, "must be an RFC 3339 date (2026-12-01, a day in China time) or date-time with"
        + " its offset (2026-12-01T08:30:00+08:00, or Z for UTC), got '" + v + "'");
  }

  // ---- JSON ----------------------------------------------------------------------------------

  private void page(Context ctx, AuditQuery q, String lang) throws Exception {
    List<ChangeRecord> changes = s.history.audit(q);
    long matched = changes.size() < q.limit() && (!changes.isEmpty() || q.offset() == 0)
        ? (long) q.offset() + changes.size() : s.history.count(q);
    Map<Long, List<FeatureChange>> fs = s.history.features(changes.stream().map(ChangeRecord::id).toList(),
        FEATURES_SHOWN);
    List<Object> out = new ArrayList<>();
    Map<String, String[]> names = s.search.names();
    for (ChangeRecord c : changes) {
      out.add(json(c, fs.getOrDefault(c.id(), List.of()), lang, names));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("numberMatched", matched);
    m.put("numberReturned", changes.size());
    m.put("changes", out);
    String self = FeaturesRoutes.base(ctx, s) + "/api/audit";
    List<Object> links = new ArrayList<>();
    links.add(link(self + query(ctx, Map.of()), "self", "本页 This page"));
    if (q.offset() + changes.size() < matched && !changes.isEmpty()) {
      links.add(link(self + query(ctx, Map.of("offset", String.valueOf(q.offset() + q.limit()))), "next",
          "下一页 Next page"));
    }
    if (q.offset() > 0) {
      links.add(link(self + query(ctx, Map.of("offset", String.valueOf(Math.max(0, q.offset() - q.limit())))), "prev",
          "上一页 Previous page"));
    }
    m.put("links", links);
    ctx.contentType("application/json").result(JSON.writeValueAsBytes(m));
  }

  private Map<String, Object> json(ChangeRecord c, List<FeatureChange> features, String lang, Map<String, String[]> names) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("at", c.at().toString());
    m.put("at_local", local(c.at()));
    m.put("username", c.username());
    m.put("role", c.role());
    m.put("op", c.op());
    m.put("collection", c.collection());
    m.put("reason", c.reason());
    m.put("request_id", c.requestId());
    m.put("if_match", c.ifMatch());
    m.put("client", c.client());
    m.put("summary", c.summary());
    m.put("feature_count", c.featureCount());
    List<Object> fl = new ArrayList<>();
    for (FeatureChange f : features) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("collection", f.collection());
      x.put("feature_id", f.featureId());
      x.put("op", f.op());
      x.put("version_before", f.versionBefore());
      x.put("version_after", f.versionAfter());
      x.put("text", Map.of("collection", layer(f.collection(), lang), "op", word(FEATURE_OPS, f.op(), lang),
          "versions", versions(f, lang), "feature", feature(f, names, lang)));
      fl.add(x);
    }
    m.put("features", fl);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("username", user(c, lang));
    t.put("role", word(ROLES, c.role(), lang));
    t.put("op", word(OPS, c.op(), lang));
    t.put("collection", layer(c.collection(), lang));
    t.put("reason", reason(c, lang));
    t.put("summary", summary(c, lang));
    t.put("if_match", yesNo(c.ifMatch(), lang));
    t.put("client", client(c.client(), lang));
    m.put("text", t);
    return m;
  }

  private static Map<String, Object> link(String href, String rel, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", "application/json");
    m.put("title", title);
    return m;
  }

  /** The request's query string with some parameters replaced, every other one kept. */
  private static String query(Context ctx, Map<String, String> replace) {
    List<String> parts = new ArrayList<>();
    ctx.queryParamMap().forEach((k, vs) -> {
      if (!replace.containsKey(k)) {
        for (String v : vs) {
          parts.add(enc(k) + "=" + enc(v));
        }
      }
    });
    replace.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static String enc(String v) {
    return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- export --------------------------------------------------------------------------------

  private void export(Context ctx, AuditQuery q, String format, String lang) throws Exception {
    boolean csv = format.equals("csv");
    String day = LocalDate.now(s.edits.clock().withZone(CHINA)).format(DateTimeFormatter.BASIC_ISO_DATE);
    String name = ("en".equals(lang) ? "audit-trail_" : "变更记录_") + day + (csv ? ".csv" : ".xlsx");
    ctx.contentType(csv ? TableExport.CSV_TYPE : TableExport.XLSX_TYPE)
        .header("Content-Disposition", contentDisposition(name, "audit-trail_" + day + (csv ? ".csv" : ".xlsx")));
    OutputStream out = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
    Map<String, String[]> names = s.search.names();
    try (TableExport.Sink sink = csv ? TableExport.csv(COLUMNS, lang, out)
        : TableExport.xlsx("en".equals(lang) ? "Audit trail" : "变更记录", COLUMNS, lang, out)) {
      s.history.walk(q, 500, (c, features) -> {
        if (features.isEmpty()) {
          sink.row(row(c, null, lang, names));
        }
        for (FeatureChange f : features) {
          sink.row(row(c, f, lang, names));
        }
      });
    }
    out.flush();
  }

  /** One export row: a change and one feature it touched (null for a change without features). */
  Map<String, Object> row(ChangeRecord c, FeatureChange f, String lang, Map<String, String[]> names) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", c.id());
    r.put("at", local(c.at()));
    r.put("user", user(c, lang));
    r.put("role", word(ROLES, c.role(), lang));
    r.put("op", op(c, f, lang));
    r.put("layer", layer(f == null ? c.collection() : f.collection(), lang));
    r.put("feature", f == null ? null : feature(f, names, lang));
    r.put("versions", f == null ? null : versions(f, lang));
    r.put("reason", reason(c, lang));
    r.put("request", c.requestId());
    r.put("if_match", yesNo(c.ifMatch(), lang));
    r.put("client", client(c.client(), lang));
    r.put("summary", summary(c, lang));
    return r;
  }

  /**
   * A feature as the map names it: a parcel by its zone and number (新乡经开区 000123 号地块, as
   * the card and the site card do), anything else by its name; the id only for a feature the
   * search index does not know by name (one deleted since).
   */
  static String feature(FeatureChange f, Map<String, String[]> names, String lang) {
    boolean en = "en".equals(lang);
    if (f.collection().equals("parcels")) {
      zoneatlas.sites.Labels.Label l = zoneatlas.sites.Labels.parcelName(f.featureId(), null);
      return en ? l.en() : l.zh();
    }
    String[] n = names.get(f.collection() + ":" + f.featureId());
    if (n == null) {
      return f.featureId();
    }
    String name = en ? (n[1] == null || n[1].isBlank() ? n[0] : n[1]) : (n[0] == null || n[0].isBlank() ? n[1] : n[0]);
    return name == null ? f.featureId() : name;
  }

  /** What each operation does to the features it is about; anything else it did is said in the export. */
  private static final Set<String> PLAIN = Set.of("create/create", "update/update", "replace/update", "delete/delete",
      "revert/update", "revert/restore", "load/create");

  /**
   * The operation of an export row: the change's, and what it did to this feature when that is not
   * what the operation says — a parcel's deletion makes a new version of its enterprises (删除（本要素：修改）),
   * a split deletes one parcel and creates others.
   */
  static String op(ChangeRecord c, FeatureChange f, String lang) {
    String w = word(OPS, c.op(), lang);
    if (f == null || PLAIN.contains(c.op() + "/" + f.op())) {
      return w;
    }
    String fw = word(FEATURE_OPS, f.op(), lang);
    return "en".equals(lang) ? w + " (this feature: " + fw + ")" : w + "（本要素：" + fw + "）";
  }

  /** An attachment header with an ASCII name for old clients and the real (Chinese) one per RFC 5987/6266. */
  static String contentDisposition(String name, String asciiName) {
    return zoneatlas.http.Downloads.attachment(name, asciiName);
  }

  // ---- words ---------------------------------------------------------------------------------

  static String local(Instant t) {
    return zoneatlas.http.ChinaTime.format(t);
  }

  private static Map<String, String[]> words(String... triples) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (int i = 0; i + 2 < triples.length; i += 3) {
      m.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  static String word(Map<String, String[]> vocab, String code, String lang) {
    String[] w = code == null ? null : vocab.get(code);
    return w == null ? code : "en".equals(lang) ? w[1] : w[0];
  }

  private static String yesNo(boolean v, String lang) {
    return "en".equals(lang) ? (v ? "yes" : "no") : (v ? "是" : "否");
  }

  /** A change made by the server itself (the demo load) has no user. */
  private static String user(ChangeRecord c, String lang) {
    return c.username() != null ? c.username() : "en".equals(lang) ? "system" : "系统";
  }

  /** A layer by its catalog title; {@code *} is every layer (the initial load). */
  String layer(String id, String lang) {
    if (id == null) {
      return null;
    }
    if (id.equals("*")) {
      return "en".equals(lang) ? "all layers" : "全部图层";
    }
    if (id.equals(zoneatlas.efficiency.Evaluations.COLLECTION)) {
      return "en".equals(lang) ? "mu-efficiency evaluation" : "亩均效益评价";
    }
    return s.catalog.get(id).map(l -> "en".equals(lang) ? l.titleEn() : l.titleZh()).orElse(id);
  }

  /** The versions a change ended and made of a feature: 3→4, 新建→1, 2→删除. */
  static String versions(FeatureChange f, String lang) {
    boolean en = "en".equals(lang);
    String before = f.versionBefore() != null ? f.versionBefore().toString()
        : "restore".equals(f.op()) ? (en ? "restored" : "恢复") : (en ? "new" : "新建");
    String after = f.versionAfter() != null ? f.versionAfter().toString() : (en ? "deleted" : "删除");
    return before + "→" + after;
  }

  private static final Pattern SEED = Pattern.compile("demo data, seed (-?\\d+)");

  /** The reason as given; the server's own wording of the demo load in the chosen language. */
  static String reason(ChangeRecord c, String lang) {
    if (c.reason() != null && c.username() == null) {
      Matcher m = SEED.matcher(c.reason());
      if (m.matches() && !"en".equals(lang)) {
        return "演示数据（随机种子 " + m.group(1) + "）";
      }
    }
    return c.reason();
  }

  /** The client: a name a reader knows, with the User-Agent it sent. */
  static String client(String ua, String lang) {
    if (ua == null || ua.isBlank()) {
      return null;
    }
    boolean en = "en".equals(lang);
    if (ua.equals("zoneatlas")) {
      return en ? "server" : "服务器";
    }
    String kind;
    if (ua.contains("QGIS")) {
      kind = "QGIS";
    } else if (ua.contains("GDAL")) {
      kind = "GDAL";
    } else if (ua.startsWith("Mozilla/")) {
      kind = en ? "browser" : "浏览器";
    } else if (ua.startsWith("curl/") || ua.startsWith("python") || ua.startsWith("Java-http-client")
        || ua.startsWith("Wget")) {
      kind = en ? "script" : "脚本";
    } else {
      return ua;
    }
    return kind + (en ? " (" + ua + ")" : "（" + ua + "）");
  }

  private static final Pattern REVERT = Pattern.compile("version (\\d+)(?:: (.*))?");
  private static final Pattern SPLIT = Pattern.compile("split into (.*)");
  private static final Pattern MERGED = Pattern.compile("merged (.*)");
  private static final Pattern PARCELS = Pattern.compile("([\\w-]+), (\\d+) parcels, (append|replace-zone)(?: (.+))?");
  private static final Pattern FIGURES = Pattern.compile(
      "rows (\\d+), years \\[([^\\]]*)\\], inserted (\\d+), updated (\\d+)");
  private static final Pattern LOAD = Pattern.compile(
      "(\\d+) plan features, (\\d+) parcels, (\\d+) enterprises \\(schematic and synthetic\\)");

  /**
   * What a change did, in words: the fields an edit changed by their catalog titles, what a split or
   * merge made, what an import or the load brought. A summary in a form not known here is given as
   * recorded.
   */
  String summary(ChangeRecord c, String lang) {
    String sm = c.summary();
    if (sm == null || sm.isBlank()) {
      return null;
    }
    boolean en = "en".equals(lang);
    String sep = en ? ", " : "、";
    Matcher m;
    switch (c.op()) {
      case "update", "replace" -> {
        return fields(c.collection(), sm, lang);
      }
      case "revert" -> {
        if ((m = REVERT.matcher(sm)).matches()) {
          String back = en ? "back to version " + m.group(1) : "恢复到第 " + m.group(1) + " 版";
          return m.group(2) == null ? back : back + (en ? ": " : "：") + fields(c.collection(), m.group(2), lang);
        }
      }
      case "split" -> {
        if ((m = SPLIT.matcher(sm)).matches()) {
          return (en ? "split into " : "分割为 ") + String.join(sep, m.group(1).split(","));
        }
      }
      case "merge" -> {
        if ((m = MERGED.matcher(sm)).matches()) {
          return (en ? "merged " : "并入 ") + String.join(sep, m.group(1).split(","));
        }
      }
      case "import" -> {
        if ((m = PARCELS.matcher(sm)).matches() && !en) {
          String mode = m.group(3).equals("append") ? "追加" : "替换开发区 " + (m.group(4) == null ? "" : m.group(4));
          return m.group(1) + " 文件，" + m.group(2) + " 个地块，" + mode.strip();
        }
      }
      case "import-figures" -> {
        if ((m = FIGURES.matcher(sm)).matches() && !en) {
          return m.group(1) + " 行，年份 " + String.join("、", m.group(2).split(",\\s*")) + "，新增 " + m.group(3)
              + " 条，更新 " + m.group(4) + " 条";
        }
      }
      case "load" -> {
        if ((m = LOAD.matcher(sm)).matches() && !en) {
          return "规划要素 " + m.group(1) + " 个，地块 " + m.group(2) + " 个，企业 " + m.group(3) + " 个（示意与合成数据）";
        }
      }
      default -> {
        if (c.op().startsWith("evaluation")) {
          String w = s.evaluations.describe(c.op(), sm, lang);
          return w == null ? sm : w;
        }
        return sm;
      }
    }
    return sm;
  }

  /** Field names by their catalog titles: far,status → 容积率、土地状态. */
  private String fields(String collection, String names, String lang) {
    boolean en = "en".equals(lang);
    Layer l = s.catalog.get(collection).orElse(null);
    List<String> out = new ArrayList<>();
    for (String n : names.split(",")) {
      String f = n.strip();
      if (f.isEmpty()) {
        continue;
      }
      Column col = l == null ? null : l.column(f).orElse(null);
      if (col != null) {
        out.add(en ? col.titleEn() : col.titleZh());
      } else if (f.equals("geometry")) {
        out.add(en ? "geometry" : "图形");
      } else if (f.equals("land_uses")) {
        out.add(en ? "land uses" : "用地关系");
      } else {
        out.add(f);
      }
    }
    return String.join(en ? ", " : "、", out);
  }
}
