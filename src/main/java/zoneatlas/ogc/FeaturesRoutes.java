package zoneatlas.ogc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.Caching;
import zoneatlas.http.Params;
import zoneatlas.history.ETags;
import zoneatlas.history.LandUseVersions;
import zoneatlas.http.RouteModule;
import zoneatlas.layers.Column;
import zoneatlas.layers.FeatureService;
import zoneatlas.layers.ItemsQuery;
import zoneatlas.layers.Layer;
import zoneatlas.layers.SqlFragment;

/**
 * The OGC API - Features resources for collections, queryables and items (Parts 1, 2 and 3).
 * Handlers parse and check the parameters into a validated {@link ItemsQuery}, hand it to the
 * feature service, which streams, and write JSON or HTML. Everything a caller sees goes through
 * a {@link LayerView} of its role, so confidential columns stay out of every format.
 */
public final class FeaturesRoutes implements RouteModule {
  static final JsonFactory JSON = new JsonFactory();
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String GEOJSON = "application/geo+json";
  /** Parameters of /items besides the queryables (property = value). */
  static final Set<String> ITEM_PARAMS = Set.of("bbox", "bbox-crs", "limit", "offset", "cursor", "f", "crs",
      "datetime", "filter", "filter-lang", "filter-crs", "sortby", "lang");
  static final Set<String> FILTER_LANGS = Set.of("cql2-text", "cql-text");
  private final Services s;
  private final List<Layer> layers;
  private final CollectionInfo info;
  private final Answers answers;

  public FeaturesRoutes(Services s) {
    this(s, s.catalog.all());
  }

  /** Serves {@code layers} instead of the whole catalog (tests build layers of their own). */
  FeaturesRoutes(Services s, List<Layer> layers) {
    this(s, layers, Answers.from(s.config));
  }

  /** With answers held as given (tests that need memory to run short). */
  FeaturesRoutes(Services s, List<Layer> layers, Answers answers) {
    this.s = s;
    this.layers = List.copyOf(layers);
    this.info = new CollectionInfo(s.store, s.catalog);
    this.answers = answers;
    Crs.warmUpInBackground();
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/collections", this::collections);
    r.get("/collections/{id}", this::collection);
    r.get("/collections/{id}/queryables", this::queryables);
    r.get("/collections/{id}/items", this::items);
    r.get("/collections/{id}/items/{fid}", this::item);
    // HEAD answers with a GET's headers (ETag above all: a client checks its copy is current)
    r.head("/collections/{id}/items", this::items);
    r.head("/collections/{id}/items/{fid}", this::item);
  }

  Optional<Layer> find(String id) {
    return layers.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  LayerView view(Context ctx) {
    String id = ctx.pathParam("id");
    Layer l = find(id).orElseThrow(() -> ApiError.notFound("no collection '" + id + "'"));
    return new LayerView(l, s.auth.principal(ctx).role());
  }

  public static String base(Context ctx, Services s) {
    String pub = s.config.get("public.url");
    if (!pub.isBlank()) {
      return pub.endsWith("/") ? pub.substring(0, pub.length() - 1) : pub;
    }
    // Security has refused a Host not in http.allowed.hosts before any route runs; this keeps a
    // malformed one (possible with http.allowed.hosts=*) out of the links
    String host = ctx.header("Host");
    if (host == null || !host.matches("[A-Za-z0-9._-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
      host = "localhost";
    }
    return ctx.scheme() + "://" + host;
  }

  /**
   * The words of an HTML page: Chinese, or English with {@code lang=en} (a JSON answer ignores
   * {@code lang}: its codes and both languages' titles are for clients).
   */
  HtmlWords words(Context ctx) throws java.sql.SQLException {
    String lang = Params.one(ctx, "lang");
    if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
      throw ApiError.badParam("lang", "must be zh or en, got '" + lang + "'");
    }
    return new HtmlWords(lang, s.search.names());
  }

  /** The same page in the other language. */
  static String switchHref(Context ctx, HtmlWords w) {
    return ctx.path() + (w.en ? query(ctx, Map.of(), Set.of("lang")) : query(ctx, Map.of("lang", "en")));
  }

  void collections(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of("f", "lang"), k -> false);
    Format fmt = Format.of(ctx);
    String base = base(ctx, s);
    List<Object> cols = new ArrayList<>();
    for (Layer l : layers) {
      cols.add(info.describe(new LayerView(l, s.auth.principal(ctx).role()), base));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("links", List.of(
        link(base + "/collections", "self", "application/json", "图层目录 This document"),
        link(base + "/collections?f=html", "alternate", "text/html", "网页 This document as HTML")));
    m.put("crs", Crs.uris());
    m.put("collections", cols);
    if (fmt == Format.HTML) {
      HtmlWords w = words(ctx);
      html(ctx, Html.collections(MAPPER.valueToTree(m), w, switchHref(ctx, w)));
    } else {
      ctx.json(m);
    }
  }

  void collection(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of("f", "lang"), k -> false);
    Format fmt = Format.of(ctx);
    LayerView v = view(ctx);
    Map<String, Object> m = info.describe(v, base(ctx, s));
    if (fmt == Format.HTML) {
      HtmlWords w = words(ctx);
      html(ctx, Html.collection(v.layer(), MAPPER.valueToTree(m), w, switchHref(ctx, w)));
    } else {
      ctx.json(m);
    }
  }

  void queryables(Context ctx) throws Exception {
    Params.onlyKnown(ctx, Set.of("f"), k -> false);
    Format fmt = Format.of(ctx);
    LayerView v = view(ctx);
    Map<String, Object> m = v.queryables(base(ctx, s));
    if (fmt == Format.HTML) {
      html(ctx, Html.queryables(v.layer(), MAPPER.valueToTree(m)));
    } else {
      ctx.contentType(schemaMediaType(ctx.header("Accept"))).result(MAPPER.writeValueAsString(m));
    }
  }

  /**
   * Queryables are JSON Schema (application/schema+json), unless the client accepts plain JSON
   * and not schema+json: GDAL up to 3.6 refuses any other type than application/json here.
   */
  static String schemaMediaType(String accept) {
    if (accept == null || accept.contains("application/schema+json") || accept.contains("*/*")
        || !accept.contains("application/json")) {
      return "application/schema+json";
    }
    return "application/json";
  }

  /**
   * A checked items request: what to read, and in which CRS to write it. {@code position}: how many
   * features come before this page (the offset; for a keyset page, as counted when its cursor was
   * made, for the prev link only).
   */
  record ItemsRequest(ItemsQuery query, Crs.Def crs, boolean unfiltered, int position) {}

  /**
   * A keyset cursor: where the page after one ends starts. Opaque to clients; inside, the id of the
   * last feature shown and how many came before the next one (a hint for prev links, which page by
   * offset). Only pages ordered by id alone (no sortby) carry one.
   */
  record Cursor(int position, String afterId) {
    String encode() {
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString((position + ":" + afterId).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String v) {
      String text;
      try {
        text = new String(java.util.Base64.getUrlDecoder().decode(v.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.badParam("cursor", "not a cursor of this server; follow the next link as given");
      }
      int colon = text.indexOf(':');
      if (colon < 1 || colon == text.length() - 1) {
        throw ApiError.badParam("cursor", "not a cursor of this server; follow the next link as given");
      }
      try {
        return new Cursor(Math.max(0, Integer.parseInt(text.substring(0, colon))), text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw ApiError.badParam("cursor", "not a cursor of this server; follow the next link as given");
      }
    }
  }

  /**
   * Parses the items parameters. An HTML page is built whole in memory, object tree and text, at
   * many times its features' JSON size, so it takes fewer of them (items.html.limit.max) and links
   * to the next page; a larger limit is capped, as for JSON.
   */
  ItemsRequest parse(Context ctx, LayerView view, Format fmt) {
    Params.onlyKnown(ctx, ITEM_PARAMS, k -> k.equals(LayerView.ID) || view.column(k).isPresent());
    int max = s.config.integer(fmt == Format.HTML ? "items.html.limit.max" : "items.limit.max");
    int dflt = Math.min(s.config.integer("items.limit.default"), max);
    int limit = Params.integer(ctx, "limit", dflt, 1, max, true);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE, false);
    String cursorParam = Params.one(ctx, "cursor");
    Cursor cursor = cursorParam == null ? null : Cursor.decode(cursorParam);
    if (cursor != null && Params.one(ctx, "offset") != null) {
      throw ApiError.badParam("cursor", "give cursor or offset, not both");
    }
    Crs.Def crs = Optional.ofNullable(Crs.parse("crs", Params.one(ctx, "crs"))).orElse(Crs.Def.CRS84);
    Crs.Def bboxCrs = Optional.ofNullable(Crs.parse("bbox-crs", Params.one(ctx, "bbox-crs"))).orElse(Crs.Def.CRS84);
    List<SqlFragment> where = new ArrayList<>();
    double[] bbox = Params.bbox("bbox", Params.one(ctx, "bbox"), false, Crs.longitudeAxis(bboxCrs));
    if (bbox != null) {
      if (!bboxCrs.projected) {
        bbox = Crs.geographicBbox(bbox, bboxCrs);
        if (bbox[0] < -180 || bbox[2] > 180 || bbox[0] > 180 || bbox[2] < -180 || bbox[1] < -90 || bbox[3] > 90) {
          throw ApiError.badParam("bbox", "longitude must be within -180..180 and latitude within -90..90 (axis order of "
              + bboxCrs.uri + ")");
        }
      } else if (bboxCrs == Crs.Def.EPSG_3857) {
        // a lon/lat rectangle exactly: the envelope alone, as for CRS84
        bbox = Crs.mercatorBbox(bbox);
      } else {
        // built once here and bound as a geometry, so the database parses it once, not per row
        Geometry area = Crs.bboxToStorage(bbox, bboxCrs);
        Envelope e = area.getEnvelopeInternal();
        // the envelope for the index, the exact (curved in lon/lat) rectangle for the test
        where.add(SqlFragment.of("geom && ST_MakeEnvelope(?, ?, ?, ?, " + Crs.STORAGE_SRID + ") AND ST_Intersects(geom, ?)",
            e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), area));
        bbox = null;
      }
    }
    java.time.Instant asOf = asOf(Params.one(ctx, "datetime"));
    String filter = Params.one(ctx, "filter");
    String lang = Params.one(ctx, "filter-lang");
    if (lang != null && !FILTER_LANGS.contains(lang)) {
      throw ApiError.badParam("filter-lang", "only cql2-text is supported, got '" + lang + "'");
    }
    Crs.Def filterCrs = Crs.parse("filter-crs", Params.one(ctx, "filter-crs"));
    if (filter != null) {
      where.add(Cql2Sql.translate(filter, view, filterCrs, FeatureService::column));
    }
    List<String> sortBy = sortBy(Params.one(ctx, "sortby"), view);
    if (cursor != null && !sortBy.isEmpty()) {
      throw ApiError.badParam("cursor", "cursor pages are ordered by id; with sortby, page with offset");
    }
    Map<String, Object> eq = new LinkedHashMap<>();
    String id = Params.one(ctx, LayerView.ID);
    if (id != null) {
      where.add(SqlFragment.of("id = ?", id));
    }
    for (Column c : view.columns()) {
      String v = Params.one(ctx, c.name());
      if (v != null) {
        eq.put(c.name(), typed(c, v));
      }
    }
    boolean unfiltered = bbox == null && where.isEmpty() && eq.isEmpty();
    ItemsQuery q = new ItemsQuery(bbox, limit, offset, eq, and(where), sortBy, outSrid(crs), crs.northFirst, true, asOf);
    if (cursor != null) {
      q = q.withAfter(cursor.afterId());
    }
    return new ItemsRequest(q, crs, unfiltered && asOf == null, cursor != null ? cursor.position() : offset);
  }

  /** SRID the database writes for an output CRS (CRS84 is the stored CGCS2000 as is). */
  static int outSrid(Crs.Def crs) {
    return crs.srid;
  }

  static SqlFragment and(List<SqlFragment> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<String> sql = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (SqlFragment f : parts) {
      sql.add("(" + f.sql() + ")");
      params.addAll(f.params());
    }
    return new SqlFragment(String.join(" AND ", sql), params);
  }

  /**
   * sortby: comma-separated names, each optionally prefixed with + (ascending) or - (descending).
   * An unencoded + arrives as a space, so a leading space means ascending too.
   */
  static List<String> sortBy(String v, LayerView view) {
    if (v == null || v.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String p = part.strip();
      boolean desc = p.startsWith("-");
      String name = p.startsWith("-") || p.startsWith("+") ? p.substring(1).strip() : p;
      if (name.isEmpty()) {
        throw ApiError.badParam("sortby", "empty property name in '" + v + "'");
      }
      if (view.column(name).isEmpty()) {
        throw ApiError.badParam("sortby", "unknown property '" + name + "' in collection '" + view.layer().id()
            + "' (see /collections/" + view.layer().id() + "/queryables)");
      }
      out.add((desc ? "-" : "+") + name);
    }
    return out;
  }

  /**
   * The instant {@code datetime} asks the features as they stood at (null: as they stand now). Every
   * feature is versioned, so an instant selects the version current then. An interval selects the
   * state at its end (an open end is now), so every feature appears once, as it was when the
   * interval closed. A date alone means the end of that day in China Standard Time (Asia/Shanghai),
   * which is what a user asking for "the map of 1 March" means.
   */
  public static java.time.Instant asOf(String v) {
    if (v == null) {
      return null;
    }
    String[] parts = v.split("/", -1);
    if (parts.length > 2) {
      throw ApiError.badParam("datetime", "must be an instant or an interval start/end, got '" + v + "'");
    }
    java.time.Instant start = null;
    java.time.Instant end = null;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (parts.length == 2 && (p.isEmpty() || p.equals(".."))) {
        continue;
      }
      java.time.Instant t;
      try {
        t = p.length() == 10 ? LocalDate.parse(p).plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1000)
            : OffsetDateTime.parse(p).toInstant();
      } catch (DateTimeParseException e) {
        throw ApiError.badParam("datetime", "'" + p + "' is not an RFC 3339 date or date-time");
      }
      if (i == 0) {
        start = t;
      }
      end = t;
    }
    if (parts.length == 2) {
      if (start != null && end != null && start.isAfter(end)) {
        throw ApiError.badParam("datetime", "the interval must not end before it starts");
      }
      return parts[1].isEmpty() || parts[1].equals("..") ? null : end;
    }
    return end;
  }

  static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
  /** An instant after every version: "as of" it means as things stand now, whatever the servers' clocks. */
  static final java.time.Instant CURRENT = java.time.Instant.parse("9999-01-01T00:00:00Z");

  static Object typed(Column c, String v) {
    return switch (c.type()) {
      case "number" -> Params.parseNumber(c.name(), v);
      case "integer" -> {
        try {
          yield Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
          throw ApiError.badParam(c.name(), "must be a whole number, got '" + v + "'");
        }
      }
      case "boolean" -> {
        if (!v.equals("true") && !v.equals("false")) {
          throw ApiError.badParam(c.name(), "must be true or false, got '" + v + "'");
        }
        yield Boolean.parseBoolean(v);
      }
      default -> v;
    };
  }

  void items(Context ctx) throws Exception {
    LayerView view = view(ctx);
    Format fmt = Format.of(ctx);
    ItemsRequest r = parse(ctx, view, fmt);
    String base = base(ctx, s);
    ctx.header("Content-Crs", r.crs().header());
    Body body = answers.body(fmt == Format.HTML ? Answers.HTML_WEIGHT : 1);
    try {
      Page p = writeCollection(ctx, view, r, base, body);
      if (fmt == Format.HTML) {
        JsonNode fc;
        try (InputStream in = body.inputStream()) {
          fc = MAPPER.readTree(in);
        }
        String self = base + "/collections/" + view.layer().id() + "/items";
        String limit = String.valueOf(r.query().limit());
        Map<String, String> html = Map.of("limit", limit, "f", "html");
        HtmlWords w = words(ctx);
        String page = Html.items(view, fc, r.crs(),
            p.next() ? self + query(ctx, with(nextPage(r, p), html), PAGING) : null,
            p.prev() ? self + query(ctx, with(prevPage(r), html), PAGING) : null,
            self + query(ctx, Map.of("f", "json"), Set.of("lang")), w, switchHref(ctx, w));
        answers.send(ctx, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        return;
      }
      ctx.contentType(GEOJSON);
      answers.send(ctx, body);
    } finally {
      body.release();
    }
  }

  /**
   * A page written: {@code nextOffset} is where the next one starts (short of the limit when memory cut
   * it), {@code lastId} the id of its last feature.
   */
  record Page(int returned, long matched, boolean next, boolean prev, int nextOffset, String lastId) {}

  /** The parameters that say where a page starts; a link to another page replaces both. */
  static final Set<String> PAGING = Set.of("offset", "cursor");

  /** Where the next page starts: after the last id (keyset) when the order is by id alone, else an offset. */
  static Map<String, String> nextPage(ItemsRequest r, Page p) {
    if (r.query().sortBy().isEmpty() && p.lastId() != null) {
      return Map.of("cursor", new Cursor(p.nextOffset(), p.lastId()).encode());
    }
    return Map.of("offset", String.valueOf(p.nextOffset()));
  }

  /** Where the previous page starts: an offset (a keyset page knows its position from its cursor). */
  static Map<String, String> prevPage(ItemsRequest r) {
    return Map.of("offset", String.valueOf(Math.max(0, r.position() - r.query().limit())));
  }

  static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> m = new LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }

  /**
   * Writes one page as a GeoJSON FeatureCollection into {@code body}, which the caller sends once
   * every query is done. numberMatched is always exact: when the page ends before the limit the
   * features counted are all there are (no extra query); an unfiltered layer's count is cached per
   * data version; otherwise a COUNT(*) with the same WHERE clause, which uses the same indexes as
   * the page. A page the body has no room for ends early, and its next link starts after it.
   */
  Page writeCollection(Context ctx, LayerView view, ItemsRequest r, String base, Body body)
      throws SQLException, IOException {
    Layer layer = view.layer();
    ItemsQuery q = r.query();
    String self = base + "/collections/" + layer.id() + "/items";
    try (JsonGenerator g = JSON.createGenerator(body)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("features");
      FeatureService.Written w = s.features.writeFeatures(layer, q, view.showConfidential(), g,
          () -> body.full(g.getOutputBuffered()));
      int n = w.count();
      g.writeEndArray();
      boolean keyset = q.afterId() != null;
      long matched;
      if (!keyset && !w.more() && (n > 0 || q.offset() == 0)) {
        // the last page: everything matched is before it or in it
        matched = (long) q.offset() + n;
      } else if (r.unfiltered()) {
        matched = info.count(layer);
      } else {
        // a keyset page does not know how many came before it; the count is the whole query's
        matched = s.features.count(layer, q);
      }
      g.writeNumberField("numberMatched", matched);
      g.writeNumberField("numberReturned", n);
      boolean next = w.more() && n > 0;
      boolean prev = r.position() > 0;
      int nextOffset = r.position() + n;
      Page page = new Page(n, matched, next, prev, nextOffset, w.lastId());
      g.writeArrayFieldStart("links");
      writeLink(g, self + query(ctx, Map.of()), "self", GEOJSON, "本页 This page");
      writeLink(g, self + query(ctx, Map.of("f", "html")), "alternate", "text/html", "网页 This page as HTML");
      writeLink(g, base + "/collections/" + layer.id(), "collection", "application/json", "所属集合 The collection");
      if (next) {
        writeLink(g, self + query(ctx, nextPage(r, page), PAGING), "next", GEOJSON, "下一页 Next page");
      }
      if (prev) {
        writeLink(g, self + query(ctx, prevPage(r), PAGING), "prev", GEOJSON, "上一页 Previous page");
      }
      g.writeEndArray();
      g.writeEndObject();
      return page;
    }
  }

  void item(Context ctx) throws Exception {
    LayerView view = view(ctx);
    Params.onlyKnown(ctx, Set.of("f", "crs", "datetime", "lang"), k -> false);
    Format fmt = Format.of(ctx);
    Crs.Def crs = Optional.ofNullable(Crs.parse("crs", Params.one(ctx, "crs"))).orElse(Crs.Def.CRS84);
    writeItem(ctx, view, ctx.pathParam("fid"), crs, asOf(Params.one(ctx, "datetime")), fmt, 200);
  }

  /**
   * Writes one feature (as it stands, or as of an instant) with its strong ETag: the version's state
   * and a code of this representation. A matching If-None-Match gets 304. Editing answers with this
   * too, so a write's answer is exactly what a GET would give.
   */
  public void writeItem(Context ctx, LayerView view, String fid, Crs.Def crs, java.time.Instant asOf, Format fmt,
      int status) throws Exception {
    Layer layer = view.layer();
    FeatureService.Stamp stamp = s.features.stamp(layer, fid, asOf).orElseThrow(() -> ApiError.notFound(
        "no feature '" + fid + "' in collection '" + layer.id() + "'" + (asOf == null ? "" : " at " + asOf)));
    // an HTML page is in one language: its tag says which
    String etag = ETags.tag(ETags.state(layer.id(), fid, stamp.version(), stamp.validFrom()), variant(fmt, crs, view)
        + (fmt == Format.HTML && "en".equals(ctx.queryParam("lang")) ? "e" : ""));
    ctx.header("ETag", etag);
    boolean read = ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD;
    if (read) {
      Caching.cacheControl(ctx, Caching.byRole(layer));
    }
    if (status == 200 && read && Caching.matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    String base = base(ctx, s);
    String self = base + "/collections/" + layer.id() + "/items/" + enc(fid);
    ItemsQuery q = new ItemsQuery(null, 1, 0, Map.of(), null, List.of(), outSrid(crs), crs.northFirst, false, asOf);
    ctx.header("Content-Crs", crs.header());
    FeatureService.FeatureExtras links = g -> {
      g.writeArrayFieldStart("links");
      writeLink(g, self + query(ctx, Map.of()), "self", GEOJSON, "本要素 This feature");
      writeLink(g, self + query(ctx, Map.of("f", "html")), "alternate", "text/html", "网页 This feature as HTML");
      writeLink(g, base + "/collections/" + layer.id(), "collection", "application/json", "所属集合 The collection");
      g.writeEndArray();
    };
    FeatureService.FeatureExtras landUses = landUses(layer, fid, asOf);
    // read whole before the first byte goes out, as a page is (see Answers)
    Body body = answers.body(fmt == Format.HTML ? Answers.HTML_WEIGHT : 1);
    try {
      boolean found;
      try (JsonGenerator g = JSON.createGenerator(body)) {
        found = s.features.writeFeature(layer, fid, q, view.showConfidential(), g, landUses, links);
      }
      if (!found) { // deleted since its stamp was read
        throw ApiError.notFound("no feature '" + fid + "' in collection '" + layer.id() + "'");
      }
      ctx.status(status);
      if (fmt == Format.HTML) {
        JsonNode f;
        try (InputStream in = body.inputStream()) {
          f = MAPPER.readTree(in);
        }
        HtmlWords w = words(ctx);
        answers.send(ctx, "text/html; charset=utf-8", Html.item(view, f, crs,
            self + query(ctx, Map.of("f", "json"), Set.of("lang")), w, switchHref(ctx, w)).getBytes(StandardCharsets.UTF_8));
        return;
      }
      ctx.contentType(GEOJSON);
      answers.send(ctx, body);
    } finally {
      body.release();
    }
  }

  /** A short code of what a representation depends on besides the feature's version. */
  public static String variant(Format fmt, Crs.Def crs, LayerView view) {
    return (fmt == Format.HTML ? "h" : "j") + crs.ordinal() + (view.showConfidential() ? "c" : "p");
  }

  /**
   * A parcel's enterprises or an enterprise's parcels (owner or tenant, share of the parcel), as they
   * stood when the version shown was current: links are part of both features, and a change to them
   * makes a new version of each.
   */
  public FeatureService.FeatureExtras landUses(Layer layer, String fid, java.time.Instant asOf) throws SQLException {
    boolean ofParcel = layer.id().equals("parcels");
    if (!ofParcel && !layer.id().equals("enterprises")) {
      return null;
    }
    List<LandUseVersions.Shown> links;
    try (java.sql.Connection c = s.store.connection()) {
      links = new LandUseVersions(s.store, c).asOf(ofParcel, fid, asOf == null ? CURRENT : asOf);
    }
    return g -> {
      g.writeArrayFieldStart("land_uses");
      for (LandUseVersions.Shown sh : links) {
        g.writeStartObject();
        if (ofParcel) {
          g.writeStringField("enterprise_id", sh.link().enterpriseId());
          g.writeStringField("enterprise_name_zh", sh.nameZh());
          g.writeStringField("enterprise_name_en", sh.nameEn());
        } else {
          g.writeStringField("parcel_id", sh.link().parcelId());
        }
        g.writeStringField("role", sh.link().role());
        g.writeNumberField("share", sh.link().share());
        if (sh.link().sinceYear() == null) {
          g.writeNullField("since_year");
        } else {
          g.writeNumberField("since_year", sh.link().sinceYear());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    };
  }

  static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** The request's own query string with {@code offset} replaced (null keeps it), so links keep every filter. */
  static String query(Context ctx, Integer offset) {
    return query(ctx, offset == null ? Map.of() : Map.of("offset", String.valueOf(offset)));
  }

  /** The request's own query string with some parameters replaced or added, every other one kept. */
  static String query(Context ctx, Map<String, String> replace) {
    return query(ctx, replace, Set.of());
  }

  /** As above, {@code drop} left out too. */
  static String query(Context ctx, Map<String, String> replace, Set<String> drop) {
    List<String> parts = new ArrayList<>();
    ctx.queryParamMap().forEach((k, vs) -> {
      if (replace.containsKey(k) || drop.contains(k)) {
        return;
      }
      for (String v : vs) {
        parts.add(enc(k) + "=" + enc(v));
      }
    });
    replace.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
  }

  public static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    m.put("title", title);
    return m;
  }

  static void writeLink(JsonGenerator g, String href, String rel, String type, String title) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", href);
    g.writeStringField("rel", rel);
    g.writeStringField("type", type);
    g.writeStringField("title", title);
    g.writeEndObject();
  }

  /** How answers read ahead of sending are held and sent (editing's answers too). */
  public Answers answers() {
    return answers;
  }

  /**
   * Answers read whole into memory before their first byte goes out, so a database connection is
   * held only while a query runs, never while a client reads (issue 13: ten clients that did not
   * read held every pooled connection). All answers being read or sent together may hold a share of
   * the heap ({@code http.buffer.heap.percent}), one answer a quarter of that: an items page that
   * reaches either ends early, short of its limit, with a next link to the rest (OGC API - Features
   * allows a server fewer items than the limit), always with at least one feature; an answer that
   * cannot be cut (a feature, a history) and grows past twice one answer's share is refused with a
   * 503, never sent in part. A client that accepts nothing for {@code http.write.timeout.seconds}
   * is dropped, which frees its thread and its answer's memory.
   */
  public static final class Answers {
    /** An HTML page is built from its features' JSON as an object tree and text: several times its size. */
    static final int HTML_WEIGHT = 10;
    static final int FIRST_CHUNK = 16 * 1024;
    static final int CHUNK = 64 * 1024;
    /** Gives back the share of an answer whose stream was dropped unwritten (a later failure replaced it). */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
    private final long total;
    private final long perAnswer;
    private final long writeTimeoutMs;
    private final AtomicLong held = new AtomicLong();

    Answers(long total, long writeTimeoutMs) {
      this.total = total;
      this.perAnswer = Math.max(CHUNK, total / 4);
      this.writeTimeoutMs = writeTimeoutMs;
    }

    static Answers from(zoneatlas.config.Config c) {
      int percent = Math.max(1, Math.min(90, c.integer("http.buffer.heap.percent")));
      return new Answers(Runtime.getRuntime().maxMemory() / 100 * percent,
          Math.max(1, c.integer("http.write.timeout.seconds")) * 1000L);
    }

    /**
     * An empty body for one answer. {@code weight}: the heap each of its bytes stands for until the
     * answer is sent (1 for JSON sent as is, {@link #HTML_WEIGHT} for JSON an HTML page is made from).
     */
    public Body body(int weight) {
      return new Body(this, weight);
    }

    /** Bytes held by answers not yet sent (weighted), for tests and metrics. */
    public long held() {
      return held.get();
    }

    /**
     * Hands a body read whole to Javalin, which writes it after the after-handlers (so they may still
     * set headers and cookies) and closes it: its share of memory goes with it until then. The
     * caller's {@link Body#release()} afterwards leaves the bytes to the answer.
     */
    public void send(Context ctx, Body body) {
      result(ctx, body.handOver());
    }

    /** Sends bytes made whole (an HTML page) as {@code contentType}, counted until written. */
    public void send(Context ctx, String contentType, byte[] bytes) {
      Share share = new Share(this);
      share.add(bytes.length);
      ctx.contentType(contentType);
      result(ctx, new Sending(List.of(bytes), List.of(bytes.length), share));
    }

    /**
     * The connection's idle timeout becomes the write timeout: Jetty drops a client that accepts no
     * byte for that long, and the blocked write fails.
     */
    private void result(Context ctx, Sending in) {
      CLEANER.register(in, in.share::release);
      try {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint()
            .setIdleTimeout(writeTimeoutMs);
      } catch (RuntimeException e) {
        // not served through Jetty's servlet channel (never so in this app): Jetty's own timeout holds
      }
      ctx.result(in);
    }
  }

  /** What an answer holds of {@link Answers}' share; given back once, by whoever holds it last. */
  static final class Share {
    private final Answers owner;
    private final AtomicLong bytes = new AtomicLong();

    Share(Answers owner) {
      this.owner = owner;
    }

    /** Counts {@code n} more bytes; false when all answers together now hold more than their share. */
    boolean add(long n) {
      bytes.addAndGet(n);
      return owner.held.addAndGet(n) <= owner.total;
    }

    void release() {
      owner.held.addAndGet(-bytes.getAndSet(0));
    }
  }

  /** An answer's bytes on their way to the client; closing it (Javalin does, written or not) gives their share back. */
  static final class Sending extends InputStream {
    final Share share;
    private final List<byte[]> chunks;
    private final List<Integer> lengths;
    private int chunk;
    private int pos;

    Sending(List<byte[]> chunks, List<Integer> lengths, Share share) {
      this.chunks = chunks;
      this.lengths = lengths;
      this.share = share;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (chunk < chunks.size() && pos == lengths.get(chunk)) {
        chunk++;
        pos = 0;
      }
      if (chunk == chunks.size()) {
        return -1;
      }
      int k = Math.min(len, lengths.get(chunk) - pos);
      System.arraycopy(chunks.get(chunk), pos, b, off, k);
      pos += k;
      return k;
    }

    @Override
    public void close() {
      share.release();
    }
  }

  /**
   * One answer's bytes in memory, in chunks (growing one array would copy it at every doubling and
   * briefly need twice the room). Not thread-safe: one request writes it, then sends it.
   */
  public static final class Body extends OutputStream {
    private final Answers owner;
    private final int weight;
    private final List<byte[]> chunks = new ArrayList<>();
    private Share share;
    private byte[] last;
    private int pos;
    private long size;
    private boolean starved;

    Body(Answers owner, int weight) {
      this.owner = owner;
      this.weight = weight;
      this.share = new Share(owner);
    }

    @Override
    public void write(int b) {
      if (last == null || pos == last.length) {
        grow();
      }
      last[pos++] = (byte) b;
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (last == null || pos == last.length) {
          grow();
        }
        int k = Math.min(len, last.length - pos);
        System.arraycopy(b, off, last, pos, k);
        pos += k;
        off += k;
        len -= k;
        size += k;
      }
    }

    private void grow() {
      if (share == null) {
        throw new IllegalStateException("written after it was sent or released");
      }
      if (size * weight > 2 * owner.perAnswer) {
        throw new ApiError(503, "ResponseTooLarge", null, "this answer is larger than the server may hold in memory for"
            + " one request (http.buffer.heap.percent); ask for less: a smaller limit, bbox or filter",
            Map.of("description_zh", "结果太大,超出服务器单次请求可用的内存;请缩小范围(更小的 limit、bbox 或过滤条件)后重试"));
      }
      byte[] c = new byte[chunks.isEmpty() ? Answers.FIRST_CHUNK : Answers.CHUNK];
      // counted even when over: these bytes are held all the same, and the next full() ends the page
      if (!share.add((long) c.length * weight)) {
        starved = true;
      }
      chunks.add(c);
      last = c;
      pos = 0;
    }

    /**
     * Whether a page has no room for another feature: this answer reached its share, or all answers
     * together theirs. {@code pending}: bytes a generator holds that have not reached this body yet.
     */
    public boolean full(long pending) {
      return starved || (size + pending) * weight >= owner.perAnswer;
    }

    public long size() {
      return size;
    }

    /** The bytes written so far, to read here (an HTML page is made from them). */
    public InputStream inputStream() {
      return new Sending(List.copyOf(chunks), lengths(), new Share(owner));
    }

    private List<Integer> lengths() {
      List<Integer> l = new ArrayList<>(chunks.size());
      for (byte[] c : chunks) {
        l.add(c == last ? pos : c.length);
      }
      return l;
    }

    /** The bytes as a stream that holds this body's share from now on; the body is empty after. */
    Sending handOver() {
      if (share == null) {
        throw new IllegalStateException("sent or released already");
      }
      Sending s = new Sending(List.copyOf(chunks), lengths(), share);
      share = null;
      clear();
      return s;
    }

    /** Nothing: a JSON generator closes its output when done, and the bytes must stay until sent. */
    @Override
    public void close() {}

    /** Frees the bytes and gives their share back, unless they were handed over to be sent; safe to repeat. */
    public void release() {
      if (share != null) {
        share.release();
        share = null;
      }
      clear();
    }

    private void clear() {
      chunks.clear();
      last = null;
      pos = 0;
      size = 0;
    }
  }
}
