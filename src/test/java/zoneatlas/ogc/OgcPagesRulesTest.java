package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.testing.TestStores;

/**
 * What the API's pages and documents say, without a server (a PIT run over the package found the
 * page, word, OpenAPI and collection classes reached only through the slow HTTP contract tests):
 * the HTML pages in one language with their links and escaping, the words a reader gets for codes,
 * the API definition a client (GDAL, the OGC test suite) reads, what a role sees of a layer, and
 * the collection's count and extent.
 */
class OgcPagesRulesTest {
  static final ObjectMapper M = new ObjectMapper();
  static final LayerCatalog CATALOG = LayerCatalog.load();
  static final Layer PARCELS = CATALOG.get("parcels").orElseThrow();
  static final Layer ENTERPRISES = CATALOG.get("enterprises").orElseThrow();
  static final Layer ZONES = CATALOG.get("zones").orElseThrow();
  static final Layer PARKS = CATALOG.get("industrial-parks").orElseThrow();
  static final Map<String, String[]> NAMES = Map.of(
      "core-boards:B1", new String[] {"航空港板块", "Airport board"},
      "core-boards:B2", new String[] {"", "Only English"},
      "core-boards:B3", new String[] {"只有中文", null},
      "core-boards:B4", new String[] {" ", ""},
      "industrial-parks:P1", new String[] {"汽车园", "Auto park"},
      "small-micro-parks:S1", new String[] {"小微园", "Small park"});
  static final HtmlWords ZH = new HtmlWords(null, NAMES);
  static final HtmlWords ZH2 = new HtmlWords("zh", NAMES);
  static final HtmlWords EN = new HtmlWords("en", NAMES);

  /** The enterprises layer with uscc and founded_year confidential (the catalog marks none yet). */
  static Layer withSecrets(Layer l, String... secret) {
    List<Column> cols = new ArrayList<>();
    for (Column c : l.columns()) {
      cols.add(new Column(c.name(), c.type(), c.titleZh(), c.titleEn(), List.of(secret).contains(c.name())));
    }
    return new Layer(l.id(), l.table(), l.whereLayer(), l.titleZh(), l.titleEn(), l.geometryType(), l.description(), cols,
        l.editedBy());
  }

  static ObjectNode props(Object... kv) {
    ObjectNode n = M.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.set((String) kv[i], M.valueToTree(kv[i + 1]));
    }
    return n;
  }

  static Column col(Layer l, String name) {
    return l.column(name).orElseThrow();
  }

  static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  // --- the words a reader gets ----------------------------------------------------------------

  @Test
  void aPageIsChineseUnlessEnglishIsAskedFor() {
    assertFalse(ZH.en);
    assertFalse(ZH2.en);
    assertFalse(new HtmlWords("EN", NAMES).en);
    assertTrue(EN.en);
    assertEquals("中", ZH.pick("中", "en"));
    assertEquals("en", EN.pick("中", "en"));
    assertEquals("所属开发区", ZH.title(col(PARCELS, "zone")));
    assertEquals("Zone", EN.title(col(PARCELS, "zone")));
    assertEquals("地块", ZH.title(PARCELS));
    assertEquals(PARCELS.titleEn(), EN.title(PARCELS));
    assertTrue(ZH.description(PARCELS, "English text").startsWith("地块。演示用合成数据"));
    assertEquals("English text", EN.description(PARCELS, "English text"));
    Layer other = new Layer("other", "t", null, "其他", "Other", "Point", "d", List.of(), null);
    assertEquals("", ZH.description(other, "English text"), "no Chinese description: none rather than English");
  }

  @Test
  void eachLanguageLeavesOutTheOtherLanguagesTextAndTheLineNumbers() {
    assertFalse(ZH.shows(col(ZONES, "name_en")));
    assertFalse(ZH.shows(col(ZONES, "placement_note")));
    assertFalse(ZH.shows(col(ZONES, "source_lines")));
    assertTrue(ZH.shows(col(ZONES, "placement_note_zh")));
    assertTrue(ZH.shows(col(ZONES, "name_zh")));
    assertFalse(EN.shows(col(ZONES, "placement_note_zh")));
    assertFalse(EN.shows(col(ZONES, "source_lines")));
    assertTrue(EN.shows(col(ZONES, "name_en")));
    assertTrue(EN.shows(col(ZONES, "placement_note")));
  }

  @Test
  void geometryTypesInWords() {
    assertEquals("面", ZH.geometry("Polygon"));
    assertEquals("面", ZH.geometry("MultiPolygon"));
    assertEquals("点", ZH.geometry("Point"));
    assertEquals("线", ZH.geometry("LineString"));
    assertEquals("点、线、面", ZH.geometry("Geometry"));
    assertEquals("LineString", EN.geometry("LineString"));
    assertEquals("Curve", ZH.geometry("Curve"), "an unknown type as it is");
  }

  @Test
  void aFeatureIsNamedByItsZoneAndNumberOrItsNameOrElseItsId() {
    assertEquals("新乡经开区 000123 号地块", ZH.feature(PARCELS, "P-xxetdz-000123", props("zone", "xxetdz")));
    assertEquals("Xinxiang ETDZ parcel 000123", EN.feature(PARCELS, "P-xxetdz-000123", props("zone", "xxetdz")));
    assertEquals("郑州经开区 000123 号地块", ZH.feature(PARCELS, "P-xxetdz-000123", props("zone", "zzetdz")));
    assertEquals("新乡经开区 000123 号地块", ZH.feature(PARCELS, "P-xxetdz-000123", props("zone", " ")),
        "a blank zone: the zone the id was made in");
    assertEquals("新乡经开区 000123 号地块", ZH.feature(PARCELS, "P-xxetdz-000123", props()));
    assertEquals("中文名", ZH.feature(ENTERPRISES, "E1", props("name_zh", "中文名", "name_en", "English")));
    assertEquals("English", EN.feature(ENTERPRISES, "E1", props("name_zh", "中文名", "name_en", "English")));
    assertEquals("English", ZH.feature(ENTERPRISES, "E1", props("name_zh", "", "name_en", "English")));
    assertEquals("中文名", EN.feature(ENTERPRISES, "E1", props("name_zh", "中文名", "name_en", " ")));
    assertEquals("中文名", EN.feature(ENTERPRISES, "E1", props("name_zh", "中文名")));
    assertEquals("E1", ZH.feature(ENTERPRISES, "E1", props("name_zh", " ")));
    assertEquals("E1", EN.feature(ENTERPRISES, "E1", props()));
    ObjectNode nulls = M.createObjectNode();
    nulls.putNull("name_zh");
    nulls.putNull("name_en");
    assertEquals("E1", EN.feature(ENTERPRISES, "E1", nulls));
  }

  @Test
  void valuesAreWordsForCodesAndRoundedNumbers() {
    assertEquals("", ZH.value(PARCELS, col(PARCELS, "far"), props()));
    ObjectNode nul = M.createObjectNode();
    nul.putNull("far");
    assertEquals("", ZH.value(PARCELS, col(PARCELS, "far"), nul));
    Column syn = col(PARCELS, "synthetic");
    assertEquals("是", ZH.value(PARCELS, syn, props("synthetic", true)));
    assertEquals("否", ZH.value(PARCELS, syn, props("synthetic", false)));
    assertEquals("yes", EN.value(PARCELS, syn, props("synthetic", true)));
    assertEquals("no", EN.value(PARCELS, syn, props("synthetic", false)));
    Column far = col(PARCELS, "far");
    assertEquals("1234.568", ZH.value(PARCELS, far, props("far", 1234.56789)));
    assertEquals("2.5", ZH.value(PARCELS, far, props("far", 2.5)));
    assertEquals("100", ZH.value(PARCELS, far, props("far", 100.0)));
    assertEquals("0.001", ZH.value(PARCELS, far, props("far", 0.0005)), "half up");
    assertEquals("42", ZH.value(PARCELS, col(PARCELS, "supply_year"), props("supply_year", 42)));
    Column zone = col(PARCELS, "zone");
    assertEquals("新乡经开区", ZH.value(PARCELS, zone, props("zone", "xxetdz")));
    assertEquals("Xinxiang ETDZ", EN.value(PARCELS, zone, props("zone", "xxetdz")));
    assertEquals("nowhere", ZH.value(PARCELS, zone, props("zone", "nowhere")));
  }

  @Test
  void statusesAreWordsOfTheirOwnList() {
    Column ps = col(PARCELS, "status");
    Column zs = col(ZONES, "status");
    assertEquals("在用", ZH.value(PARCELS, ps, props("status", "in_use")));
    assertEquals("in use", EN.value(PARCELS, ps, props("status", "in_use")));
    assertEquals("planned", ZH.value(PARCELS, ps, props("status", "planned")), "a plan status is no parcel status");
    assertEquals("规划", ZH.value(ZONES, zs, props("status", "planned")));
    assertEquals("planned", EN.value(ZONES, zs, props("status", "planned")));
    assertEquals("idle", ZH.value(ZONES, zs, props("status", "idle")), "a parcel status is no plan status");
    assertEquals("已建成", ZH.value(ZONES, zs, props("status", "已建成")), "words already");
  }

  @Test
  void kindsSizeClassesAndSourcesInWords() {
    Column kind = col(ZONES, "kind");
    assertEquals("产业园区", ZH.value(PARKS, kind, props("kind", "industrial_park")));
    assertEquals("industrial park", EN.value(PARKS, kind, props("kind", "industrial_park")));
    assertEquals("地铁线路", ZH.value(ZONES, kind, props("kind", "metro_line")));
    assertEquals("odd_kind", ZH.value(ZONES, kind, props("kind", "odd_kind")));
    Column size = col(ENTERPRISES, "size_class");
    assertEquals("规模以上", ZH.value(ENTERPRISES, size, props("size_class", "规上")));
    assertEquals("below designated size", EN.value(ENTERPRISES, size, props("size_class", "规下")));
    assertEquals("小型", ZH.value(ENTERPRISES, size, props("size_class", "小型")));
    Column src = col(ZONES, "source_doc");
    assertEquals("第939、945行", ZH.value(ZONES, src, props("source_doc", "unknown.md", "source_lines", "939,945")));
    assertEquals("lines 939, 945", EN.value(ZONES, src, props("source_doc", "unknown.md", "source_lines", "939,945")));
    assertEquals("", ZH.value(ZONES, src, props("source_doc", "unknown.md")));
    ObjectNode nul = props("source_doc", "unknown.md");
    nul.putNull("source_lines");
    assertEquals("", EN.value(ZONES, src, nul));
  }

  @Test
  void idsOfParksAndBoardsReadAsTheirNames() {
    Column board = col(ZONES, "board");
    assertEquals("航空港板块", ZH.value(ZONES, board, props("board", "B1")));
    assertEquals("Airport board", EN.value(ZONES, board, props("board", "B1")));
    assertEquals("Only English", ZH.value(ZONES, board, props("board", "B2")));
    assertEquals("只有中文", EN.value(ZONES, board, props("board", "B3")));
    assertEquals("B4", ZH.value(ZONES, board, props("board", "B4")), "no name in either language: the id");
    assertEquals("B9", ZH.value(ZONES, board, props("board", "B9")), "an unknown id as it is");
    assertEquals("汽车园", ZH.value(ZONES, col(ZONES, "park"), props("park", "P1")));
    assertEquals("Small park", EN.value(PARCELS, col(PARCELS, "small_micro_park"), props("small_micro_park", "S1")));
    assertEquals("B1", ZH.value(ZONES, col(ZONES, "positioning"), props("positioning", "B1")), "not an id column");
  }

  // --- HTML pages -------------------------------------------------------------------------------

  @Test
  void everythingInAPageIsEscaped() {
    assertEquals("", Html.esc(null));
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;A &amp; B&lt;/a&gt;", Html.esc("<a href=\"x\" title='y'>A & B</a>"));
    assertEquals("\\u003c/script\\u003e \\u0026 \\u2028\\u2029 x", Html.scriptJson("</script> & \u2028\u2029 x"));
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyThePagesScript() throws Exception {
    JsonNode f = json("{\"type\":\"Feature\",\"id\":\"E1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.7,34.7]},"
        + "\"properties\":{\"name_zh\":\"</script><script>alert(1)</script>\"}}");
    String page = Html.item(new LayerView(ENTERPRISES, Role.anonymous), f, Crs.Def.CRS84, "/j", ZH, "/s");
    Matcher m = Pattern.compile("<script>(.*?)</script>").matcher(page);
    assertTrue(m.find(), page);
    byte[] d = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
    assertEquals("'sha256-" + Base64.getEncoder().encodeToString(d) + "'", Html.SCRIPT_HASH);
    assertFalse(m.find(), "one inline script only");
    assertEquals(1, count(page, "alert(1)</script>") + count(page, "alert(1)\\u003c/script"), "the name once in the map data");
    assertFalse(page.contains("<script>alert(1)"), "data cannot open a script");
    assertTrue(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)"), "the name escaped in the table");
  }

  @Test
  void theBilingualPagesListWhatTheyDescribe() throws Exception {
    JsonNode landing = json("{\"description\":\"D <b>\",\"links\":[{\"href\":\"/\",\"rel\":\"self\",\"type\":\"application/json\","
        + "\"title\":\"SELF\"},{\"href\":\"/?f=html\",\"rel\":\"alternate\",\"type\":\"text/html\",\"title\":\"ALT\"},"
        + "{\"href\":\"/api\",\"rel\":\"service-desc\",\"type\":\"x/y\",\"title\":\"THE API\"}]}");
    String p = Html.landing(landing);
    assertTrue(p.contains("<p>D &lt;b&gt;</p>"));
    assertFalse(p.contains("SELF"));
    assertFalse(p.contains("ALT"));
    assertTrue(p.contains("<li><a href=\"/api\">THE API</a> <span class=\"meta\">(service-desc, x/y)</span></li>"), p);
    assertTrue(p.contains("<title>开发区规划图层服务 · Development-zone plan layers — ZoneAtlas</title>"), p);
    assertTrue(p.contains("<nav>首页 Home</nav>"), "the last crumb is no link: " + p);
    assertTrue(p.contains("<a href=\"/?f=json\">JSON</a> · "));
    assertFalse(p.contains("leaflet.css"), "no map, no Leaflet");

    String c = Html.conformance(List.of("http://a/1", "http://a/<2>"));
    assertTrue(c.contains("<li><code>http://a/1</code></li><li><code>http://a/&lt;2&gt;</code></li></ul>"), c);
    assertTrue(c.contains("<nav><a href=\"/?f=html\">首页 Home</a> › 符合性 Conformance</nav>"), c);

    JsonNode api = json("{\"info\":{\"description\":\"DESC\"},\"components\":{\"parameters\":{\"limit\":{\"name\":\"limit\"},"
        + "\"f\":{\"name\":\"f\"}}},\"paths\":{\"/a\":{\"get\":{\"summary\":\"SUM A\",\"parameters\":[{\"$ref\":"
        + "\"#/components/parameters/limit\"},{\"name\":\"inline\"},{\"$ref\":\"#/components/parameters/f\"}]}},"
        + "\"/b\":{\"get\":{\"summary\":\"SUM B\"}}}}");
    String a = Html.api(api);
    assertTrue(a.contains("<p>DESC</p>"));
    assertTrue(a.contains("<tr><td><code>GET /a</code></td><td>SUM A</td><td>limit, inline, f</td></tr>"), a);
    assertTrue(a.contains("<tr><td><code>GET /b</code></td><td>SUM B</td><td></td></tr>"), a);

    JsonNode q = json("{\"properties\":{\"id\":{\"title\":\"编号\",\"type\":\"string\"},\"geom\":{\"title\":\"几何\","
        + "\"format\":\"geometry-polygon\"}}}");
    String qp = Html.queryables(PARCELS, q);
    assertTrue(qp.contains("<tr><td><code>id</code></td><td>编号</td><td>string</td></tr>"), qp);
    assertTrue(qp.contains("<tr><td><code>geom</code></td><td>几何</td><td>geometry-polygon</td></tr>"), qp);
    assertTrue(qp.contains("<a href=\"/collections/parcels?f=html\">地块</a> › 可查询字段 Queryables</nav>"), qp);
    assertTrue(qp.contains("<a href=\"/collections/parcels/queryables?f=json\">JSON</a>"), qp);
  }

  static JsonNode collectionsDoc() throws Exception {
    return json("{\"collections\":[{\"id\":\"parcels\",\"title_zh\":\"地块\",\"title_en\":\"Parcels\",\"featureCount\":5959,"
        + "\"geometryType\":\"Polygon\"},{\"id\":\"enterprises\",\"title_zh\":\"企业\",\"title_en\":\"Enterprises\","
        + "\"featureCount\":7,\"geometryType\":\"Point\"}]}");
  }

  @Test
  void theCollectionsPageInEitherLanguageKeepsItsLanguageInEveryLink() throws Exception {
    String zh = Html.collections(collectionsDoc(), ZH, "/collections?f=html&lang=en");
    assertTrue(zh.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), zh);
    assertTrue(zh.contains("<tr><td><a href=\"/collections/parcels?f=html\">地块</a></td><td>5959</td><td>面</td>"
        + "<td><a href=\"/collections/parcels/items?f=html\">浏览要素</a></td></tr>"), zh);
    assertTrue(zh.contains("<a class=\"lang\" href=\"/collections?f=html&amp;lang=en\" lang=\"en\">English</a>"), zh);
    assertTrue(zh.contains("<title>图层目录 — ZoneAtlas</title>"));
    assertTrue(zh.contains("<nav><a href=\"/?f=html\">首页</a> › 图层目录</nav>"), zh);
    assertTrue(zh.contains("<a href=\"/collections?f=json\">JSON</a> · <a href=\"/api?f=html\">接口说明</a>"), zh);
    assertFalse(zh.contains("Parcels"), "no English on a Chinese page");
    String en = Html.collections(collectionsDoc(), EN, "/collections?f=html");
    assertTrue(en.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), en);
    assertTrue(en.contains("<tr><td><a href=\"/collections/enterprises?f=html&amp;lang=en\">Enterprises</a></td><td>7</td>"
        + "<td>Point</td><td><a href=\"/collections/enterprises/items?f=html&amp;lang=en\">Browse</a></td></tr>"), en);
    assertTrue(en.contains("lang=\"zh-CN\">中文</a>"), en);
    assertTrue(en.contains("<nav><a href=\"/?f=html\">Home</a> › Collections</nav>"), en);
    assertFalse(en.contains("地块"));
  }

  @Test
  void theCollectionPageGivesCountExtentCrsAndFieldTitles() throws Exception {
    JsonNode c = json("{\"id\":\"parcels\",\"description\":\"English description\",\"featureCount\":5959,"
        + "\"geometryType\":\"Polygon\",\"extent\":{\"spatial\":{\"bbox\":[[113.1,34.123456,114.5,35.0]]}},"
        + "\"storageCrs\":\"http://www.opengis.net/def/crs/EPSG/0/4490\",\"crs\":[\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\","
        + "\"http://www.opengis.net/def/crs/EPSG/0/3857\"],\"properties\":{\"zone\":{\"type\":\"string\",\"title\":\"所属开发区\","
        + "\"x-title-en\":\"Zone\"},\"far\":{\"type\":\"number\",\"title\":\"容积率\",\"x-title-en\":\"FAR\"},"
        + "\"y\":{\"type\":\"integer\",\"title\":\"年\",\"x-title-en\":\"Year\"},\"b\":{\"type\":\"boolean\",\"title\":\"真\","
        + "\"x-title-en\":\"Bool\"},\"o\":{\"type\":\"object\",\"title\":\"对象\",\"x-title-en\":\"Obj\"}}}");
    String zh = Html.collection(PARCELS, c, ZH, "/s");
    assertTrue(zh.contains("<p>地块。演示用合成数据"), zh);
    assertTrue(zh.contains("<tr><th>要素数</th><td>5959</td></tr><tr><th>几何类型</th><td>面</td></tr>"), zh);
    assertTrue(zh.contains("<td>113.10000, 34.12346, 114.50000, 35.00000</td>"), zh);
    assertTrue(zh.contains("<tr><th>存储坐标系</th><td>" + Crs.Def.EPSG_4490.titleZh + "</td></tr>"), zh);
    assertTrue(zh.contains("<tr><th>可用坐标系</th><td>" + Crs.Def.CRS84.titleZh + "<br>" + Crs.Def.EPSG_3857.titleZh + "<br></td>"), zh);
    assertTrue(zh.contains("<tr><td>所属开发区</td><td>文本</td></tr><tr><td>容积率</td><td>数值</td></tr>"
        + "<tr><td>年</td><td>整数</td></tr><tr><td>真</td><td>是/否</td></tr><tr><td>对象</td><td>object</td></tr>"), zh);
    assertTrue(zh.contains("<a href=\"/collections/parcels/items?f=html\">浏览要素</a> · "
        + "<a href=\"/collections/parcels/queryables?f=html\">可查询字段</a>"), zh);
    assertTrue(zh.contains("<nav><a href=\"/?f=html\">首页</a> › <a href=\"/collections?f=html\">图层目录</a> › 地块</nav>"), zh);
    assertTrue(zh.contains("<a href=\"/collections/parcels?f=json\">JSON</a>"), zh);
    String en = Html.collection(PARCELS, c, EN, "/s");
    assertTrue(en.contains("<p>English description</p>"), en);
    assertTrue(en.contains("<tr><td>Zone</td><td>string</td></tr><tr><td>FAR</td><td>number</td></tr>"), en);
    assertTrue(en.contains("<th>Extent (longitude/latitude)</th>"), en);
    assertTrue(en.contains("<a href=\"/collections?f=html&amp;lang=en\">Collections</a>"), en);
    ((ObjectNode) c).remove("extent");
    assertFalse(Html.collection(PARCELS, c, ZH, "/s").contains("范围"), "no extent, no row");
  }

  static JsonNode page(int matched, String... ids) throws Exception {
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"numberMatched\":" + matched + ",\"numberReturned\":"
        + ids.length + ",\"features\":[");
    for (int i = 0; i < ids.length; i++) {
      b.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"id\":\"").append(ids[i]).append("\",\"geometry\":null,")
          .append("\"properties\":{\"zone\":\"xxetdz\",\"status\":\"idle\",\"synthetic\":true,\"far\":1.23456}}");
    }
    return json(b.append("]}").toString());
  }

  @Test
  void anItemsPageCountsPagesAndLinksEachFeature() throws Exception {
    LayerView v = new LayerView(PARCELS, Role.anonymous);
    String zh = Html.items(v, page(5959, "P-xxetdz-000001", "P-xxetdz-000002"), Crs.Def.CRS84, "/n?a=1&b=2", "/p", "/j", ZH, "/s");
    assertTrue(zh.contains("<p class=\"meta\">共 5959 个要素，本页 2 个 · " + Crs.Def.CRS84.titleZh + "</p>"), zh);
    assertEquals(2, count(zh, "<p class=\"pager\"><a href=\"/p\">‹ 上一页</a><a href=\"/n?a=1&amp;b=2\">下一页 ›</a></p>"), zh);
    assertTrue(zh.contains("<tr><td><a href=\"/collections/parcels/items/P-xxetdz-000001?f=html\">新乡经开区 000001 号地块</a></td>"
        + "<td>新乡经开区</td>"), zh);
    assertTrue(zh.contains("<td>闲置</td>"), zh);
    assertTrue(zh.contains("<td>1.235</td>"), zh);
    assertTrue(zh.contains("<th>地块</th><th>所属开发区</th>"), zh);
    assertTrue(zh.contains("<div id=\"map\"></div>"), "CRS84: a map");
    assertTrue(zh.contains("leaflet.css"));
    assertTrue(zh.contains("<title>地块 · 要素 — ZoneAtlas</title>"), zh);
    assertTrue(zh.contains("<a href=\"/collections/parcels?f=html\">地块</a> › 要素</nav>"), zh);
    assertTrue(zh.contains("<a href=\"/j\">JSON</a>"));
    String en = Html.items(v, page(3, "P-xxetdz-000003"), Crs.Def.EPSG_3857, null, "/p", "/j", EN, "/s");
    assertTrue(en.contains("<p class=\"meta\">3 matched, 1 on this page · " + Crs.Def.EPSG_3857.titleEn + "</p>"), en);
    assertTrue(en.contains("<p class=\"pager\"><a href=\"/p\">‹ Previous</a></p>"), en);
    assertFalse(en.contains("Next ›"));
    assertFalse(en.contains("<div id=\"map\">"), "not lon/lat: no map");
    assertFalse(en.contains("leaflet"));
    assertTrue(en.contains("href=\"/collections/parcels/items/P-xxetdz-000003?f=html&amp;lang=en\">Xinxiang ETDZ parcel 000003</a>"), en);
    assertTrue(en.contains("<td>idle</td>"), en);
    String only = Html.items(v, page(1, "P-xxetdz-000004"), Crs.Def.CRS84, "/n", null, "/j", EN, "/s");
    assertTrue(only.contains("<p class=\"pager\"><a href=\"/n\">Next ›</a></p>"), only);
    String none = Html.items(v, page(1, "P-xxetdz-000004"), Crs.Def.CRS84, null, null, "/j", ZH, "/s");
    assertFalse(none.contains("<p class=\"pager\">"), "one page: no pager");
  }

  @Test
  void anItemsPageShowsOnlyTheColumnsOfItsLanguage() throws Exception {
    LayerView v = new LayerView(ZONES, Role.anonymous);
    JsonNode fc = json("{\"numberMatched\":1,\"numberReturned\":1,\"features\":[{\"id\":\"Z1\",\"properties\":{"
        + "\"name_zh\":\"中文\",\"name_en\":\"ENGLISHNAME\",\"placement_note\":\"NOTE_EN\",\"placement_note_zh\":\"说明\"}}]}");
    // not lon/lat, so no map block (whose data is the JSON as it is)
    String zh = Html.items(v, fc, Crs.Def.EPSG_3857, null, null, "/j", ZH, "/s");
    assertFalse(zh.contains("ENGLISHNAME"), zh);
    assertFalse(zh.contains("NOTE_EN"));
    assertTrue(zh.contains("<td>说明</td>"));
    assertTrue(zh.contains(">中文</a></td>"), zh);
    String en = Html.items(v, fc, Crs.Def.EPSG_3857, null, null, "/j", EN, "/s");
    assertTrue(en.contains(">ENGLISHNAME</a></td>"), en);
    assertTrue(en.contains("<td>NOTE_EN</td>"));
    assertFalse(en.contains("说明"));
  }

  @Test
  void aFeaturePageIsTitledByTheFeature() throws Exception {
    JsonNode p = json("{\"id\":\"P-xxetdz-000007\",\"geometry\":null,\"properties\":{\"zone\":\"xxetdz\",\"far\":2.0}}");
    String zh = Html.item(new LayerView(PARCELS, Role.anonymous), p, Crs.Def.CRS84, "/j", ZH, "/s");
    assertTrue(zh.contains("<title>新乡经开区 000007 号地块 — ZoneAtlas</title>"), zh);
    assertTrue(zh.contains("<tr><th>所属开发区</th><td>新乡经开区</td></tr>"), zh);
    assertTrue(zh.contains("<tr><th>容积率</th><td>2</td></tr>") || zh.contains("<td>2</td></tr>"), zh);
    assertTrue(zh.contains("<a href=\"/collections/parcels/items?f=html\">要素</a> › 新乡经开区 000007 号地块</nav>"), zh);
    assertTrue(zh.contains("<div id=\"map\">"));
    JsonNode e = json("{\"id\":\"E9\",\"properties\":{\"name_zh\":\"某公司\",\"name_en\":\"Some Co\",\"uscc\":\"SECRET\"}}");
    Layer ent = withSecrets(ENTERPRISES, "uscc");
    String en = Html.item(new LayerView(ent, Role.anonymous), e, Crs.Def.EPSG_4547, "/j", EN, "/s");
    assertTrue(en.contains("<title>" + ENTERPRISES.titleEn() + " · Some Co — ZoneAtlas</title>"), en);
    assertFalse(en.contains("SECRET"), "a column the role may not see is not on the page");
    assertFalse(en.contains("<div id=\"map\">"));
    assertTrue(en.contains("<a href=\"/collections/enterprises/items?f=html&amp;lang=en\">Features</a>"), en);
    assertFalse(en.contains("Name (Chinese)") && !en.contains("<th>Name (Chinese)</th>"));
    String officer = Html.item(new LayerView(ent, Role.land_officer), e, Crs.Def.EPSG_4547, "/j", EN, "/s");
    assertTrue(officer.contains("<td>SECRET</td>"), officer);
  }

  // --- what a role sees of a layer -------------------------------------------------------------

  @Test
  void aConfidentialColumnIsUnknownToARoleThatMayNotSeeIt() {
    Layer ent = withSecrets(ENTERPRISES, "uscc", "founded_year");
    LayerView anon = new LayerView(ent, Role.anonymous);
    LayerView planner = new LayerView(ent, Role.planner);
    LayerView officer = new LayerView(ent, Role.land_officer);
    assertFalse(anon.columns().stream().anyMatch(c -> c.name().equals("uscc")));
    assertEquals(ENTERPRISES.columns().size() - 2, anon.columns().size());
    assertEquals(ENTERPRISES.columns().size() - 2, planner.columns().size());
    assertEquals(ENTERPRISES.columns().size(), officer.columns().size());
    assertTrue(anon.column("uscc").isEmpty());
    assertTrue(anon.column("name_zh").isPresent());
    assertTrue(officer.column("uscc").isPresent());
    assertFalse(anon.showConfidential());
    assertFalse(planner.showConfidential());
    assertTrue(officer.showConfidential());
    assertTrue(new LayerView(ent, Role.admin).showConfidential());
    @SuppressWarnings("unchecked")
    Map<String, Object> qa = (Map<String, Object>) anon.queryables("http://h").get("properties");
    assertFalse(qa.containsKey("uscc"));
    assertTrue(qa.containsKey("name_zh"));
    @SuppressWarnings("unchecked")
    Map<String, Object> qo = (Map<String, Object>) officer.queryables("http://h").get("properties");
    assertTrue(qo.containsKey("uscc"));
  }

  @Test
  void queryablesNameTheIdTheGeometryAndTheColumns() {
    Map<String, Object> q = new LayerView(PARCELS, Role.anonymous).queryables("http://h");
    assertEquals("http://h/collections/parcels/queryables", q.get("$id"));
    assertEquals("object", q.get("type"));
    assertEquals(false, q.get("additionalProperties"));
    assertEquals("地块 " + PARCELS.titleEn(), q.get("title"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) q.get("properties");
    assertEquals("string", p.get("id").get("type"));
    assertEquals("geometry-polygon", p.get("geom").get("format"));
    assertEquals("primary-geometry", p.get("geom").get("x-ogc-role"));
    assertEquals("number", p.get("far").get("type"));
    assertEquals("integer", p.get("supply_year").get("type"));
    assertEquals("string", p.get("zone").get("type"));
    assertEquals(PARCELS.columns().size() + 2, p.size());
    assertEquals("geometry-point", new LayerView(ENTERPRISES, Role.anonymous).geometryFormat());
    assertEquals("geometry-any", new LayerView(CATALOG.get("infrastructure").orElseThrow(), Role.anonymous).geometryFormat());
    Layer line = new Layer("l", "t", null, "线", "Line", "LineString", "", List.of(), null);
    assertEquals("geometry-linestring", new LayerView(line, Role.anonymous).geometryFormat());
    Layer multi = new Layer("m", "t", null, "面", "Multi", "MultiPolygon", "", List.of(), null);
    assertEquals("geometry-multipolygon", new LayerView(multi, Role.anonymous).geometryFormat());
  }

  // --- the API definition ------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Object> m(Object o, String... path) {
    Object x = o;
    for (String k : path) {
      x = ((Map<String, Object>) x).get(k);
      assertNotNull(x, "no " + k + " in " + String.join("/", path));
    }
    return (Map<String, Object>) x;
  }

  @Test
  void theApiDefinitionListsEachCollectionWithItsQueryablesAsParameters() throws Exception {
    List<LayerView> views = List.of(new LayerView(withSecrets(ENTERPRISES, "uscc"), Role.anonymous),
        new LayerView(PARCELS, Role.anonymous), new LayerView(CATALOG.get("core-boards").orElseThrow(), Role.anonymous),
        new LayerView(new Layer("readonly", "t", null, "只读", "Read-only", "Point", "", List.of(), null), Role.anonymous));
    Map<String, Object> api = OpenApi.build("http://h", views, 10, 500);
    assertEquals("3.0.3", api.get("openapi"));
    assertEquals(List.of(Map.of("url", "http://h")), api.get("servers"));
    Map<String, Object> paths = m(api, "paths");
    for (String p : List.of("/", "/conformance", "/api", "/collections")) {
      Map<String, Object> r = m(paths, p, "get", "responses");
      assertEquals(List.of("200", "400", "500"), List.copyOf(r.keySet()), p + ": no 404 where nothing can be missing");
    }
    assertEquals("getLandingPage", m(paths, "/", "get").get("operationId"));
    assertEquals(List.of("200", "400", "404", "500"),
        List.copyOf(m(paths, "/collections/parcels", "get", "responses").keySet()));
    assertEquals(Map.of("$ref", "#/components/responses/Collection"), m(paths, "/collections/parcels", "get", "responses", "200"));
    assertEquals("getFeatures_core_boards", m(paths, "/collections/core-boards/items", "get").get("operationId"));
    assertEquals("getQueryables_core_boards", m(paths, "/collections/core-boards/queryables", "get").get("operationId"));
    List<Object> params = (List<Object>) m(paths, "/collections/enterprises/items", "get").get("parameters");
    List<String> names = new ArrayList<>();
    for (Object o : params) {
      Map<String, Object> p = (Map<String, Object>) o;
      names.add(p.containsKey("$ref") ? "$" + ((String) p.get("$ref")).substring("#/components/parameters/".length())
          : (String) p.get("name"));
    }
    assertEquals(List.of("$limit", "$offset", "$cursor", "$bbox", "$bbox-crs", "$crs", "$datetime", "$filter", "$filter-lang",
        "$filter-crs", "$sortby", "$f", "id", "name_zh"), names.subList(0, 14));
    assertFalse(names.contains("uscc"), "a confidential column is not named to the anonymous");
    assertTrue(names.contains("founded_year"));
    Map<String, Object> year = (Map<String, Object>) params.get(names.indexOf("founded_year"));
    assertEquals(Map.of("type", "integer"), year.get("schema"));
    assertEquals(false, year.get("required"));
    assertEquals("query", year.get("in"));
    Map<String, Object> comps = m(api, "components", "parameters");
    Map<String, Object> limit = m(comps, "limit", "schema");
    assertEquals(1, limit.get("minimum"));
    assertEquals(500, limit.get("maximum"));
    assertEquals(10, limit.get("default"));
    assertEquals(Crs.uris(), m(comps, "crs", "schema").get("enum"));
    assertTrue(m(api, "components", "responses").containsKey("NotFound"));
    assertTrue(m(api, "components", "schemas").containsKey("featureCollectionGeoJSON"));
    assertTrue(paths.containsKey("/collections/parcels/tiles"), "each collection's tiles too: " + paths.keySet());
    assertTrue(paths.containsKey("/collections/enterprises/tiles/WebMercatorQuad"));
    Map<String, Object> responses = m(api, "components", "responses");
    assertEquals(Map.of("$ref", "#/components/schemas/featureCollectionGeoJSON"),
        m(responses, "Features", "content", "application/geo+json", "schema"));
    assertEquals(Map.of("type", "string"), m(responses, "Features", "content", "text/html", "schema"));
    assertEquals(Map.of("$ref", "#/components/schemas/exception"), m(responses, "NotFound", "content", "application/json", "schema"));
    assertEquals(Map.of("$ref", "#/components/schemas/landingPage"), m(responses, "LandingPage", "content", "application/json",
        "schema"));
    // the HTML API page reads the same document
    String html = Html.api(M.valueToTree(api));
    assertTrue(html.contains("<code>GET /collections/enterprises/items</code>"), html);
    assertTrue(html.contains("limit, offset, cursor, bbox, bbox-crs, crs, datetime, filter, filter-lang, filter-crs, sortby, f, id, name_zh"), html);
  }

  @Test
  void editableCollectionsGetTheirWritesAndReadOnlyOnesNone() {
    List<LayerView> views = List.of(new LayerView(PARCELS, Role.anonymous), new LayerView(ZONES, Role.anonymous),
        new LayerView(new Layer("readonly", "t", null, "只读", "Read-only", "Point", "", List.of(), null), Role.anonymous));
    Map<String, Object> paths = m(OpenApi.build("http://h", views, 10, 500), "paths");
    Map<String, Object> items = m(paths, "/collections/parcels/items");
    Map<String, Object> post = m(items, "post");
    assertEquals("createFeature_parcels", post.get("operationId"));
    assertTrue(((String) post.get("summary")).contains("Needs the role land_officer or admin"));
    assertEquals(Map.of("$ref", "#/components/responses/Created"), m(post, "responses", "201"));
    assertEquals(Map.of("$ref", "#/components/schemas/featureGeoJSON"),
        m(post, "requestBody", "content", "application/geo+json", "schema"));
    Map<String, Object> r = m(post, "responses");
    assertEquals(List.of("201", "400", "401", "403", "404", "409", "412", "415", "422", "500"), List.copyOf(r.keySet()));
    assertEquals(Map.of("$ref", "#/components/responses/WriteError"), r.get("400"));
    assertEquals(Map.of("$ref", "#/components/responses/NotAllowed"), r.get("401"));
    assertEquals(Map.of("$ref", "#/components/responses/NotAllowed"), r.get("403"));
    assertEquals(Map.of("$ref", "#/components/responses/NotFound"), r.get("404"));
    assertEquals(Map.of("$ref", "#/components/responses/WriteError"), r.get("409"));
    assertEquals(Map.of("$ref", "#/components/responses/WriteError"), r.get("412"));
    assertEquals(Map.of("$ref", "#/components/responses/Refused"), r.get("422"));
    assertEquals(Map.of("$ref", "#/components/responses/ServerError"), r.get("500"));
    assertTrue(((String) m(items, "options").get("summary")).contains("and POST for a role that may edit"));
    Map<String, Object> item = m(paths, "/collections/parcels/items/{featureId}");
    assertEquals(Map.of("$ref", "#/components/schemas/writeBody"),
        m(item, "patch", "requestBody", "content", "application/merge-patch+json", "schema"));
    assertEquals(Map.of("$ref", "#/components/schemas/featureGeoJSON"),
        m(item, "put", "requestBody", "content", "application/geo+json", "schema"));
    Map<String, Object> del = m(item, "delete");
    assertFalse(del.containsKey("requestBody"), "a delete has no body");
    assertEquals(Map.of("description", "Deleted"), m(del, "responses", "204"));
    assertEquals(List.of(Map.of("$ref", "#/components/parameters/featureId"), Map.of("$ref", "#/components/parameters/ifMatch"),
        Map.of("$ref", "#/components/parameters/changeReason")), del.get("parameters"), "no Content-Crs without a geometry");
    assertEquals(4, ((List<?>) m(item, "put").get("parameters")).size());
    assertTrue(((List<?>) m(item, "put").get("parameters")).contains(Map.of("$ref", "#/components/parameters/contentCrs")));
    assertTrue(((String) m(item, "options").get("summary")).contains("PUT, PATCH, DELETE"));
    for (String p : List.of("/history", "/revert", "/split", "/merge")) {
      assertTrue(paths.containsKey("/collections/parcels/items/{featureId}" + p), p);
    }
    assertEquals("application/json", m(paths, "/collections/parcels/items/{featureId}/revert", "post", "requestBody", "content")
        .keySet().iterator().next());
    assertTrue(paths.containsKey("/collections/parcels/schema"));
    assertTrue(paths.containsKey("/collections/zones/items/{featureId}/history"));
    assertTrue(m(paths, "/collections/zones/items").containsKey("post"));
    assertFalse(paths.containsKey("/collections/zones/items/{featureId}/split"), "only parcels split");
    assertFalse(paths.containsKey("/collections/zones/items/{featureId}/merge"));
    assertFalse(m(paths, "/collections/readonly/items").containsKey("post"));
    assertFalse(m(paths, "/collections/readonly/items/{featureId}").containsKey("delete"));
    assertFalse(paths.containsKey("/collections/readonly/schema"));
    Map<String, Object> comps = m(OpenApi.build("http://h", views, 10, 500), "components");
    assertEquals("If-Match", m(comps, "parameters", "ifMatch").get("name"));
    assertEquals("header", m(comps, "parameters", "changeReason").get("in"));
    assertEquals("Content-Crs", m(comps, "parameters", "contentCrs").get("name"));
    for (String resp : List.of("Created", "Written", "Refused", "WriteError", "NotAllowed")) {
      assertTrue(m(comps, "responses").containsKey(resp), resp);
    }
    assertTrue(m(comps, "responses", "Written", "headers").containsKey("ETag"));
  }

  @Test
  void theConformanceDeclarationNamesTheCql2AndCrsClasses() {
    assertTrue(Conformance.CLASSES.contains("http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2"));
    assertTrue(Conformance.CLASSES.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    assertTrue(Conformance.CLASSES.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"));
    assertEquals(Conformance.CLASSES.size(), Set.copyOf(Conformance.CLASSES).size());
  }

  // --- collection metadata ------------------------------------------------------------------------

  static long countOf(String sql) throws Exception {
    try (Connection c = TestStores.h2().connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aCollectionCountsItsOwnRowsAndGivesItsExtent() throws Exception {
    CollectionInfo info = new CollectionInfo(TestStores.h2(), CATALOG);
    assertEquals(countOf("SELECT COUNT(*) FROM parcels"), info.count(PARCELS));
    long zones = countOf("SELECT COUNT(*) FROM plan_features WHERE layer = 'zones'");
    assertTrue(zones > 0 && zones < countOf("SELECT COUNT(*) FROM plan_features"));
    assertEquals(zones, info.count(ZONES), "only the layer's rows of the shared table");
    assertEquals(zones, info.count(ZONES), "and the same again from the cache");
    Map<String, Object> d = info.describe(ZONES, "http://h");
    assertEquals("zones", d.get("id"));
    assertEquals(zones, d.get("featureCount"));
    assertEquals(Crs.Def.EPSG_4490.uri, d.get("storageCrs"));
    double[] ext = (double[]) ((List<?>) m(d, "extent", "spatial").get("bbox")).get(0);
    assertTrue(ext[0] > 110 && ext[0] < ext[2] && ext[2] < 118 && ext[1] > 32 && ext[1] < ext[3] && ext[3] < 37,
        java.util.Arrays.toString(ext));
    assertEquals(Crs.Def.CRS84.uri, m(d, "extent", "spatial").get("crs"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> links = (List<Map<String, Object>>) d.get("links");
    assertEquals("http://h/collections/zones", links.get(0).get("href"));
    assertEquals("http://h/collections/zones/items", links.get(2).get("href"));
    assertEquals(info.catalog(), CATALOG);
    Layer empty = new Layer("nothing", "plan_features", "no-such-layer", "无", "None", "Polygon", "", ZONES.columns(), null);
    Map<String, Object> e = info.describe(empty, "http://h");
    assertEquals(0L, e.get("featureCount"));
    assertEquals(Map.of(), e.get("extent"), "no features, no extent");
  }

  @Test
  void aCollectionIsCountedAgainWhenTheDataVersionChangesAndOnlyThen() throws Exception {
    zoneatlas.store.SqlStore store = TestStores.freshH2();
    try (Connection c = store.connection(); Statement st = c.createStatement()) {
      CollectionInfo info = new CollectionInfo(store, CATALOG);
      assertEquals(0, info.count(ZONES), "no data version yet: counted all the same");
      st.execute("INSERT INTO meta (name, val) VALUES ('data_version', 'v1')");
      String insert = "INSERT INTO plan_features (id, layer, name_zh, name_en, zone, kind, source_doc, source_lines, schematic, geom)"
          + " VALUES ('%s', 'zones', 'z', 'z', 'xxetdz', 'development_zone', 'd', '1', TRUE,"
          + " ST_GeomFromText('POLYGON((113 34, 113.1 34, 113.1 34.1, 113 34.1, 113 34))', 4490))";
      st.execute(String.format(insert, "Z1"));
      assertEquals(1, info.count(ZONES), "a new data version: counted again");
      st.execute(String.format(insert, "Z2"));
      assertEquals(1, info.count(ZONES), "the same data version: the cached count (every write changes the version)");
      st.execute("UPDATE meta SET val = 'v2' WHERE name = 'data_version'");
      assertEquals(2, info.count(ZONES));
      double[] ext = (double[]) ((List<?>) m(info.describe(ZONES, "http://h"), "extent", "spatial").get("bbox")).get(0);
      assertEquals(113.0, ext[0], 1e-9);
      assertEquals(34.1, ext[3], 1e-9);
    } finally {
      store.close();
    }
  }

  @Test
  void aCollectionsSchemaMarksTheConfidentialColumnsForTheRolesThatSeeThem() throws Exception {
    CollectionInfo info = new CollectionInfo(TestStores.h2(), CATALOG);
    Layer ent = withSecrets(ENTERPRISES, "uscc");
    Map<String, Object> anon = m(info.describe(ent, "http://h"), "properties");
    assertFalse(anon.containsKey("uscc"));
    assertNull(m(anon, "name_zh").get("x-confidential"));
    assertEquals(col(ENTERPRISES, "name_zh").titleZh(), m(anon, "name_zh").get("title"));
    Map<String, Object> officer = m(info.describe(new LayerView(ent, Role.land_officer), "http://h"), "properties");
    assertEquals(true, m(officer, "uscc").get("x-confidential"));
    assertEquals("string", m(officer, "uscc").get("type"));
    assertEquals(col(ENTERPRISES, "uscc").titleEn(), m(officer, "uscc").get("x-title-en"));
  }
}
