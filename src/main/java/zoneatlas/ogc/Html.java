package zoneatlas.ogc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;

/**
 * The HTML views of the API resources (the OGC "html" conformance class): plain pages, Chinese
 * first, rendered from the same JSON the API returns, so the two never disagree and a
 * confidential column that the JSON leaves out cannot appear here. Every value is escaped; the
 * features a map draws are embedded as JSON with {@code <} escaped, so data cannot close the
 * script element. Leaflet comes from the webjar the server already ships, no CDN.
 */
public final class Html {
  private static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";
  /**
   * The pages' one inline script: it draws the features from the JSON block. Feature ids reach the
   * tooltip as text nodes, never as HTML (Leaflet sets a string tooltip as innerHTML). Constant, so
   * the Content-Security-Policy can allow exactly this script by its hash ({@link #SCRIPT_HASH}).
   */
  private static final String MAP_SCRIPT = "(function(){var d=JSON.parse(document.getElementById('za-features').textContent);"
      + "var m=L.map('map');var g=L.geoJSON(d,{style:{color:'#1f4e79',weight:2,fillOpacity:0.2},"
      + "pointToLayer:function(f,ll){return L.circleMarker(ll,{radius:5});},"
      + "onEachFeature:function(f,ly){if(f.id!==undefined&&f.id!==null){"
      + "ly.bindTooltip(function(){return document.createTextNode(String(f.id));});}}}).addTo(m);"
      + "var b=g.getBounds();if(b.isValid()){m.fitBounds(b,{maxZoom:16});}else{m.setView([34.75,113.65],10);}"
      + "})();";
  /** The CSP source expression ({@code 'sha256-…'}) that lets {@link #MAP_SCRIPT} run and no other inline script. */
  public static final String SCRIPT_HASH = hash(MAP_SCRIPT);
  private static final String STYLE = """
      body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;\
      margin:0;color:#222;background:#fafafa}
      header{background:#1f4e79;color:#fff;padding:.6em 1.2em;font-size:1.1em}
      header a{color:#fff;text-decoration:none}
      header a.lang{float:right;font-size:.85em}
      nav{padding:.5em 1.2em;font-size:.9em;background:#e8eef5}
      main{padding:0 1.2em 2em}
      h1{font-size:1.4em;margin:.8em 0 .2em}
      h1 small,th small{color:#666;font-weight:normal}
      table{border-collapse:collapse;margin:.6em 0;background:#fff;font-size:.9em}
      th,td{border:1px solid #ccd;padding:.25em .5em;text-align:left;vertical-align:top}
      th{background:#f0f3f7}
      .scroll{overflow-x:auto;max-width:100%}
      .scroll td,.scroll th{white-space:nowrap}
      .meta{color:#555}
      .pager a{margin-right:1em}
      #map{height:380px;max-width:960px;border:1px solid #ccd;margin:.6em 0;background:#fff}
      footer{padding:.8em 1.2em;color:#777;font-size:.85em}
      """;

  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A link crumb: {label, href}; the last crumb has no href. */
  record Crumb(String label, String href) {}

  static String page(String titleZh, String titleEn, List<Crumb> crumbs, String body, String jsonHref, boolean map) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(titleZh)).append(" · ").append(esc(titleEn)).append(" — ZoneAtlas</title>");
    if (map) {
      b.append("<link rel=\"stylesheet\" href=\"").append(LEAFLET).append("leaflet.css\">");
    }
    b.append("<style>").append(STYLE).append("</style></head><body>");
    b.append("<header><a href=\"/?f=html\">ZoneAtlas 开发区规划一张图 · OGC API - Features 要素服务</a></header><nav>");
    for (int i = 0; i < crumbs.size(); i++) {
      Crumb c = crumbs.get(i);
      if (i > 0) {
        b.append(" › ");
      }
      if (c.href() != null) {
        b.append("<a href=\"").append(esc(c.href())).append("\">").append(esc(c.label())).append("</a>");
      } else {
        b.append(esc(c.label()));
      }
    }
    b.append("</nav><main><h1>").append(esc(titleZh)).append(" <small>").append(esc(titleEn)).append("</small></h1>");
    b.append(body);
    b.append("</main><footer>");
    if (jsonHref != null) {
      b.append("<a href=\"").append(esc(jsonHref)).append("\">JSON</a> · ");
    }
    b.append("<a href=\"/api?f=html\">接口说明 API</a> · <a href=\"/conformance?f=html\">符合性 Conformance</a>")
        .append("</footer></body></html>");
    return b.toString();
  }

  /**
   * A page in one language (the collection, its features and a feature: what planners open from a
   * link), with a link to the same page in the other language ({@code switchHref}); the developer
   * pages (landing, conformance, API, queryables) stay bilingual.
   */
  static String page(HtmlWords w, String title, List<Crumb> crumbs, String body, String jsonHref, boolean map,
      String switchHref) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"").append(w.en ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" — ZoneAtlas</title>");
    if (map) {
      b.append("<link rel=\"stylesheet\" href=\"").append(LEAFLET).append("leaflet.css\">");
    }
    b.append("<style>").append(STYLE).append("</style></head><body>");
    b.append("<header><a href=\"/?f=html\">")
        .append(esc(w.pick("ZoneAtlas 开发区规划一张图 · 要素服务", "ZoneAtlas development-zone plan map · Features service")))
        .append("</a> <a class=\"lang\" href=\"").append(esc(switchHref)).append("\" lang=\"").append(w.en ? "zh-CN" : "en")
        .append("\">").append(w.en ? "中文" : "English").append("</a></header><nav>");
    for (int i = 0; i < crumbs.size(); i++) {
      Crumb c = crumbs.get(i);
      if (i > 0) {
        b.append(" › ");
      }
      if (c.href() != null) {
        b.append("<a href=\"").append(esc(c.href())).append("\">").append(esc(c.label())).append("</a>");
      } else {
        b.append(esc(c.label()));
      }
    }
    b.append("</nav><main><h1>").append(esc(title)).append("</h1>");
    b.append(body);
    b.append("</main><footer>");
    if (jsonHref != null) {
      b.append("<a href=\"").append(esc(jsonHref)).append("\">JSON</a> · ");
    }
    b.append("<a href=\"/api?f=html\">").append(w.pick("接口说明", "API")).append("</a> · <a href=\"/conformance?f=html\">")
        .append(w.pick("符合性", "Conformance")).append("</a></footer></body></html>");
    return b.toString();
  }

  /** A link of a one-language page: the same language kept. */
  private static String href(HtmlWords w, String path) {
    return w.en ? path + (path.contains("?") ? "&" : "?") + "lang=en" : path;
  }

  private static Crumb home(HtmlWords w) {
    return new Crumb(w.pick("首页", "Home"), "/?f=html"); // the landing page is bilingual
  }

  private static Crumb collectionsCrumb(HtmlWords w) {
    return new Crumb(w.pick("图层目录", "Collections"), href(w, "/collections?f=html"));
  }

  private static Crumb home() {
    return new Crumb("首页 Home", "/?f=html");
  }

  private static Crumb collectionsCrumb() {
    return new Crumb("图层目录 Collections", "/collections?f=html");
  }

  static String landing(JsonNode m) {
    StringBuilder b = new StringBuilder();
    b.append("<p>").append(esc(m.path("description").asText())).append("</p><ul>");
    for (JsonNode l : m.path("links")) {
      if (l.path("type").asText().equals("text/html") || l.path("rel").asText().equals("self")) {
        continue;
      }
      b.append("<li><a href=\"").append(esc(l.path("href").asText())).append("\">").append(esc(l.path("title").asText()))
          .append("</a> <span class=\"meta\">(").append(esc(l.path("rel").asText())).append(", ")
          .append(esc(l.path("type").asText())).append(")</span></li>");
    }
    b.append("<li><a href=\"/collections?f=html\">图层目录网页 Collections as HTML</a></li>");
    b.append("<li><a href=\"/\">地图 The map</a></li></ul>");
    return page("开发区规划图层服务", "Development-zone plan layers", List.of(new Crumb("首页 Home", null)), b.toString(),
        "/?f=json", false);
  }

  static String conformance(List<String> classes) {
    StringBuilder b = new StringBuilder("<p>本服务实现的 OGC 标准符合性类 / Conformance classes this API implements:</p><ul>");
    for (String c : classes) {
      b.append("<li><code>").append(esc(c)).append("</code></li>");
    }
    b.append("</ul>");
    return page("符合性声明", "Conformance", List.of(home(), new Crumb("符合性 Conformance", null)), b.toString(),
        "/conformance?f=json", false);
  }

  /** service-doc: the endpoints of the OpenAPI document, listed (no Swagger UI, no CDN). */
  static String api(JsonNode openapi) {
    StringBuilder b = new StringBuilder();
    b.append("<p>").append(esc(openapi.path("info").path("description").asText())).append("</p>");
    b.append("<p>完整定义 Full definition: <a href=\"/api\">/api</a> (OpenAPI 3.0, JSON)</p>");
    b.append("<table><tr><th>路径 Path</th><th>说明 Summary</th><th>参数 Parameters</th></tr>");
    JsonNode params = openapi.path("components").path("parameters");
    openapi.path("paths").properties().forEach(e -> {
      JsonNode get = e.getValue().path("get");
      b.append("<tr><td><code>GET ").append(esc(e.getKey())).append("</code></td><td>")
          .append(esc(get.path("summary").asText())).append("</td><td>");
      StringBuilder names = new StringBuilder();
      for (JsonNode p : get.path("parameters")) {
        String ref = p.path("$ref").asText("");
        JsonNode def = ref.startsWith("#/components/parameters/") ? params.path(ref.substring(24)) : p;
        if (names.length() > 0) {
          names.append(", ");
        }
        names.append(def.path("name").asText());
      }
      b.append(esc(names.toString())).append("</td></tr>");
    });
    b.append("</table>");
    return page("接口说明", "API", List.of(home(), new Crumb("接口说明 API", null)), b.toString(), "/api", false);
  }

  static String collections(JsonNode m, HtmlWords w, String switchHref) {
    StringBuilder b = new StringBuilder("<table><tr><th>").append(w.pick("图层", "Collection")).append("</th><th>")
        .append(w.pick("要素数", "Features")).append("</th><th>").append(w.pick("几何类型", "Geometry")).append("</th><th></th></tr>");
    for (JsonNode c : m.path("collections")) {
      String id = c.path("id").asText();
      b.append("<tr><td><a href=\"").append(esc(href(w, "/collections/" + id + "?f=html"))).append("\">")
          .append(esc(w.pick(c.path("title_zh").asText(), c.path("title_en").asText()))).append("</a></td><td>")
          .append(c.path("featureCount").asLong()).append("</td><td>").append(esc(w.geometry(c.path("geometryType").asText())))
          .append("</td><td><a href=\"").append(esc(href(w, "/collections/" + id + "/items?f=html"))).append("\">")
          .append(w.pick("浏览要素", "Browse")).append("</a></td></tr>");
    }
    b.append("</table>");
    String title = w.pick("图层目录", "Collections");
    return page(w, title, List.of(home(w), new Crumb(title, null)), b.toString(), "/collections?f=json", false, switchHref);
  }

  static String collection(Layer l, JsonNode c, HtmlWords w, String switchHref) {
    String id = c.path("id").asText();
    StringBuilder b = new StringBuilder();
    b.append("<p>").append(esc(w.description(l, c.path("description").asText()))).append("</p>");
    b.append("<table><tr><th>").append(w.pick("要素数", "Features")).append("</th><td>").append(c.path("featureCount").asLong())
        .append("</td></tr>");
    b.append("<tr><th>").append(w.pick("几何类型", "Geometry")).append("</th><td>")
        .append(esc(w.geometry(c.path("geometryType").asText()))).append("</td></tr>");
    JsonNode bbox = c.path("extent").path("spatial").path("bbox").path(0);
    if (bbox.isArray()) {
      b.append("<tr><th>").append(w.pick("范围（经纬度）", "Extent (longitude/latitude)")).append("</th><td>");
      for (int i = 0; i < bbox.size(); i++) {
        b.append(i > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.5f", bbox.get(i).asDouble()));
      }
      b.append("</td></tr>");
    }
    Crs.Def storage = Crs.parse("crs", c.path("storageCrs").asText());
    b.append("<tr><th>").append(w.pick("存储坐标系", "Storage CRS")).append("</th><td>")
        .append(esc(w.pick(storage.titleZh, storage.titleEn))).append("</td></tr>");
    b.append("<tr><th>").append(w.pick("可用坐标系", "CRS offered")).append("</th><td>");
    for (JsonNode u : c.path("crs")) {
      Crs.Def d = Crs.parse("crs", u.asText());
      b.append(esc(w.pick(d.titleZh, d.titleEn))).append("<br>");
    }
    b.append("</td></tr></table>");
    b.append("<p><a href=\"").append(esc(href(w, "/collections/" + id + "/items?f=html"))).append("\">")
        .append(w.pick("浏览要素", "Browse the features")).append("</a> · <a href=\"/collections/").append(esc(id))
        .append("/queryables?f=html\">").append(w.pick("可查询字段", "Queryables")).append("</a></p>");
    // the fields by their titles; their names, which a filter uses, are on the queryables page
    b.append("<h2>").append(w.pick("属性", "Properties")).append("</h2><table><tr>");
    b.append("<th>").append(w.pick("字段", "Title")).append("</th><th>").append(w.pick("类型", "Type")).append("</th></tr>");
    c.path("properties").properties().forEach(e -> {
      b.append("<tr><td>").append(esc(w.en ? e.getValue().path("x-title-en").asText() : e.getValue().path("title").asText()))
          .append("</td><td>").append(esc(w.en ? e.getValue().path("type").asText() : typeZh(e.getValue().path("type").asText())))
          .append("</td></tr>");
    });
    b.append("</table>");
    String title = w.title(l);
    return page(w, title, List.of(home(w), collectionsCrumb(w), new Crumb(title, null)), b.toString(),
        "/collections/" + id + "?f=json", false, switchHref);
  }

  /** JSON Schema types as a Chinese reader names them. */
  private static String typeZh(String type) {
    return switch (type) {
      case "string" -> "文本";
      case "number" -> "数值";
      case "integer" -> "整数";
      case "boolean" -> "是/否";
      default -> type;
    };
  }

  static String queryables(Layer l, JsonNode q) {
    StringBuilder b = new StringBuilder("<p>可在 <code>filter</code>(CQL2 文本)中使用,也可作查询参数 <code>?字段=值</code>。"
        + " Usable in <code>filter</code> (CQL2 text) and as query parameters <code>?name=value</code>.</p>");
    b.append("<p>例 Example: <code>").append(esc("filter=zone = 'zzetdz' AND S_INTERSECTS(geom, BBOX(113.7,34.7,113.8,34.8))"))
        .append("</code></p><table><tr><th>字段 Name</th><th>说明 Title</th><th>类型 Type</th></tr>");
    q.path("properties").properties().forEach(e -> b.append("<tr><td><code>").append(esc(e.getKey()))
        .append("</code></td><td>").append(esc(e.getValue().path("title").asText())).append("</td><td>")
        .append(esc(e.getValue().has("type") ? e.getValue().path("type").asText() : e.getValue().path("format").asText()))
        .append("</td></tr>"));
    b.append("</table>");
    return page("可查询字段 · " + l.titleZh(), "Queryables · " + l.titleEn(),
        List.of(home(), collectionsCrumb(), new Crumb(l.titleZh(), "/collections/" + l.id() + "?f=html"),
            new Crumb("可查询字段 Queryables", null)), b.toString(), "/collections/" + l.id() + "/queryables?f=json", false);
  }

  static String items(LayerView view, JsonNode fc, Crs.Def crs, String next, String prev, String jsonHref,
      HtmlWords w, String switchHref) {
    Layer l = view.layer();
    StringBuilder b = new StringBuilder();
    long matched = fc.path("numberMatched").asLong();
    long returned = fc.path("numberReturned").asLong();
    b.append("<p class=\"meta\">").append(esc(w.en
        ? matched + " matched, " + returned + " on this page · " + crs.titleEn
        : "共 " + matched + " 个要素，本页 " + returned + " 个 · " + crs.titleZh)).append("</p>");
    b.append(pager(next, prev, w));
    boolean map = crs == Crs.Def.CRS84;
    if (map) {
      b.append(mapBlock(fc));
    }
    List<Column> cols = view.columns().stream().filter(w::shows).toList();
    b.append("<div class=\"scroll\"><table><tr><th>").append(esc(w.title(l))).append("</th>");
    for (Column c : cols) {
      b.append("<th>").append(esc(w.title(c))).append("</th>");
    }
    b.append("</tr>");
    for (JsonNode f : fc.path("features")) {
      String id = f.path("id").asText();
      JsonNode props = f.path("properties");
      b.append("<tr><td><a href=\"").append(esc(href(w, "/collections/" + l.id() + "/items/" + FeaturesRoutes.enc(id) + "?f=html")))
          .append("\">").append(esc(w.feature(l, id, props))).append("</a></td>");
      for (Column c : cols) {
        b.append("<td>").append(esc(w.value(l, c, props))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table></div>").append(pager(next, prev, w));
    String title = w.title(l);
    return page(w, title + w.pick(" · 要素", " · Features"),
        List.of(home(w), collectionsCrumb(w), new Crumb(title, href(w, "/collections/" + l.id() + "?f=html")),
            new Crumb(w.pick("要素", "Features"), null)), b.toString(), jsonHref, map, switchHref);
  }

  static String item(LayerView view, JsonNode f, Crs.Def crs, String jsonHref, HtmlWords w, String switchHref) {
    Layer l = view.layer();
    String id = f.path("id").asText();
    JsonNode props = f.path("properties");
    String name = w.feature(l, id, props);
    StringBuilder b = new StringBuilder();
    boolean map = crs == Crs.Def.CRS84;
    if (map) {
      b.append(mapBlock(f));
    }
    b.append("<table>");
    for (Column c : view.columns()) {
      if (w.shows(c)) {
        b.append("<tr><th>").append(esc(w.title(c))).append("</th><td>").append(esc(w.value(l, c, props))).append("</td></tr>");
      }
    }
    b.append("</table>");
    String title = w.title(l);
    return page(w, l.id().equals("parcels") ? name : title + " · " + name,
        List.of(home(w), collectionsCrumb(w), new Crumb(title, href(w, "/collections/" + l.id() + "?f=html")),
            new Crumb(w.pick("要素", "Features"), href(w, "/collections/" + l.id() + "/items?f=html")), new Crumb(name, null)),
        b.toString(), jsonHref, map, switchHref);
  }

  private static String pager(String next, String prev, HtmlWords w) {
    if (next == null && prev == null) {
      return "";
    }
    StringBuilder b = new StringBuilder("<p class=\"pager\">");
    if (prev != null) {
      b.append("<a href=\"").append(esc(prev)).append("\">").append(w.pick("‹ 上一页", "‹ Previous")).append("</a>");
    }
    if (next != null) {
      b.append("<a href=\"").append(esc(next)).append("\">").append(w.pick("下一页 ›", "Next ›")).append("</a>");
    }
    return b.append("</p>").toString();
  }

  /** A small Leaflet map of the features (or one feature), drawn without a basemap. */
  private static String mapBlock(JsonNode geojson) {
    String data;
    try {
      data = scriptJson(FeaturesRoutes.MAPPER.writeValueAsString(geojson));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return "<div id=\"map\"></div><script type=\"application/json\" id=\"za-features\">" + data + "</script>"
        + "<script src=\"" + LEAFLET + "leaflet.js\"></script><script>" + MAP_SCRIPT + "</script>";
  }

  /**
   * JSON made safe inside a script element: no {@code </script>}, {@code <!--} or {@code ]]>} can
   * form, since {@code <}, {@code >} and {@code &} appear only as JSON escapes (the same value to
   * JSON.parse), and U+2028/2029 are escaped for older JavaScript parsers.
   */
  static String scriptJson(String json) {
    StringBuilder b = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String hash(String script) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "'sha256-" + java.util.Base64.getEncoder().encodeToString(d) + "'";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
