package zoneatlas.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;
import zoneatlas.http.WebApp;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * The audit trail over HTTP on the real app: changes are made through the editing API at instants
 * of the test's choosing (around China-time midnights), then read back filtered, paged and exported.
 */
public class AuditRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MERGE = "application/merge-patch+json";
  static final List<String> HEADERS_ZH = List.of("变更编号", "时间（北京时间）", "用户", "角色", "操作", "图层", "要素",
      "版本变化", "原因", "请求编号", "是否带版本校验", "客户端", "修改字段");
  static final String FORMULA = "=HYPERLINK(\"http://example.com/x\",\"点此查看\")";

  /** One write the test made, to predict what each filter returns. */
  record Action(String reason, String user, String op, String collection, String feature, Instant at) {}

  static SqlStore store;
  static App app;
  static SettableClock clock;
  static String admin;
  static final List<Action> actions = new ArrayList<>();
  /** Change ids by reason; the demo load under "load". */
  static final Map<String, Long> ids = new LinkedHashMap<>();
  /**
   * The layers of the features each change touched, as its JSON lists them: a write may touch
   * features besides its own (deleting a parcel ends its enterprises' land uses, a new version of each).
   */
  static final Map<Long, Set<String>> touched = new LinkedHashMap<>();
  static final Map<Long, Integer> featureCount = new LinkedHashMap<>();
  static String p1;
  static String p2;
  static String p3;
  static String park;
  static String parkName;

  /**
   * A parcel as the export names it, written out here on its own: its zone and number, never the
   * system id P-ZZETDZ-000123.
   */
  static String named(String parcel, boolean en) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("P-([A-Z]+)-(\\d+)").matcher(parcel);
    assertTrue(m.matches(), parcel);
    String[] zone = switch (m.group(1)) {
      case "ZZETDZ" -> new String[] {"郑州经开区", "Zhengzhou ETDZ"};
      case "ZZHITECH" -> new String[] {"郑州高新区", "Zhengzhou Hi-tech Zone"};
      case "XXETDZ" -> new String[] {"新乡经开区", "Xinxiang ETDZ"};
      default -> throw new AssertionError(parcel);
    };
    return en ? zone[1] + " parcel " + m.group(2) : zone[0] + " " + m.group(2) + " 号地块";
  }

  @BeforeAll
  static void start() throws Exception {
    store = TestStores.h2Copy();
    clock = new SettableClock(Instant.parse("2027-03-01T00:00:00Z"));
    app = new App(new Services(TestStores.config(), store, clock));
    admin = app.token("admin");
    String officer = app.token("land_officer");
    String planner = app.token("planner");
    List<String> parcels = new ArrayList<>();
    app.json(app.request("GET", "/collections/parcels/items?limit=3&status=idle", null, null)).path("features")
        .forEach(f -> parcels.add(f.path("id").asText()));
    assertEquals(3, parcels.size());
    p1 = parcels.get(0);
    p2 = parcels.get(1);
    p3 = parcels.get(2);
    JsonNode firstPark = app.json(app.request("GET", "/collections/industrial-parks/items?limit=1", null, null))
        .at("/features/0");
    park = firstPark.path("id").asText();
    parkName = firstPark.at("/properties/name_zh").asText();

    // 23:59 on 1 March in China, then midnight: two China days, one UTC day
    patch("2027-03-01T15:59:00Z", officer, "land_officer", "parcels", p1, "{\"properties\":{\"far\":1.2}}",
        "郑经开规〔2027〕1号 调整容积率", false);
    patch("2027-03-01T16:00:00Z", officer, "land_officer", "parcels", p2, "{\"properties\":{\"far\":1.3}}", FORMULA, true);
    patch("2027-03-04T02:00:00Z", planner, "planner", "industrial-parks", park, "{\"properties\":{\"status\":\"在建\"}}",
        "规划调整", false);
    patch("2027-03-07T15:59:59Z", admin, "admin", "parcels", p1, "{\"properties\":{\"far\":1.4}}", "复核更正", false);
    clock.set(Instant.parse("2027-03-07T16:00:00Z"));
    HttpResponse<String> d = app.request("DELETE", "/collections/parcels/items/" + p3, null, officer,
        "X-Change-Reason", enc("收回注销"));
    assertEquals(204, d.statusCode(), d.body());
    actions.add(new Action("收回注销", "land_officer", "delete", "parcels", p3, clock.instant()));

    JsonNode all = app.json(app.request("GET", "/api/audit?limit=1000", null, admin));
    assertEquals(actions.size() + 1, all.path("numberMatched").asInt(), all.toString());
    for (JsonNode c : all.path("changes")) {
      ids.put(c.path("op").asText().equals("load") ? "load" : c.path("reason").asText(), c.path("id").asLong());
      Set<String> colls = new LinkedHashSet<>();
      c.path("features").forEach(f -> colls.add(f.path("collection").asText()));
      touched.put(c.path("id").asLong(), colls);
      featureCount.put(c.path("id").asLong(), c.path("feature_count").asInt());
      assertEquals(Math.min(50, c.path("feature_count").asInt()), c.path("features").size(),
          "every feature listed, up to 50 a change");
    }
    assertEquals(actions.size() + 1, ids.size(), "one change per write, each with its reason: " + ids);
  }

  static void patch(String at, String token, String user, String coll, String id, String body, String reason,
      boolean ifMatch) throws Exception {
    clock.set(Instant.parse(at));
    List<String> headers = new ArrayList<>(List.of("Content-Type", MERGE, "X-Change-Reason", enc(reason)));
    if (ifMatch) {
      HttpResponse<String> g = app.request("GET", "/collections/" + coll + "/items/" + enc(id), null, token);
      headers.addAll(List.of("If-Match", g.headers().firstValue("ETag").orElseThrow()));
    }
    HttpResponse<String> r = app.request("PATCH", "/collections/" + coll + "/items/" + enc(id), body, token,
        headers.toArray(String[]::new));
    assertEquals(200, r.statusCode(), r.body());
    actions.add(new Action(reason, user, "update", coll, id, clock.instant()));
  }

  @AfterAll
  static void stop() {
    app.close();
    store.close();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The ids the API returns for a query, in order, walking every page. */
  static List<Long> ids(String query) throws Exception {
    List<Long> out = new ArrayList<>();
    String next = "/api/audit?" + query;
    while (next != null) {
      HttpResponse<String> r = app.request("GET", next, null, admin);
      assertEquals(200, r.statusCode(), query + ": " + r.body());
      JsonNode j = app.json(r);
      j.path("changes").forEach(c -> out.add(c.path("id").asLong()));
      next = null;
      for (JsonNode l : j.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          next = l.path("href").asText().substring(app.base().length());
        }
      }
    }
    return out;
  }

  /** The ids of the actions a filter should match, newest first, with the load when it matches too. */
  static List<Long> expected(Predicate<Action> p, boolean load) {
    List<Long> out = new ArrayList<>();
    for (int i = actions.size() - 1; i >= 0; i--) {
      if (p.test(actions.get(i))) {
        out.add(ids.get(actions.get(i).reason()));
      }
    }
    if (load) {
      out.add(ids.get("load"));
    }
    return out;
  }

  /** Whether an action's change was made to a layer or touched a feature of it. */
  static boolean inLayer(Action a, String collection) {
    return a.collection().equals(collection) || touched.get(ids.get(a.reason())).contains(collection);
  }

  static Instant china(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  // ---- tests ------------------------------------------------------------------------------------

  @Test
  void onlyAdministratorsReadTheTrail() throws Exception {
    HttpResponse<String> none = app.request("GET", "/api/audit", null, null);
    assertEquals(401, none.statusCode());
    assertEquals("请以管理员身份登录", app.json(none).path("description_zh").asText());
    for (String role : List.of("prospect", "planner", "land_officer")) {
      HttpResponse<String> r = app.request("GET", "/api/audit", null, app.token(role));
      assertEquals(403, r.statusCode(), role);
      assertTrue(app.json(r).path("description_zh").asText().contains("管理员"), role);
      assertEquals(403, app.bytes("/api/audit?format=csv", app.token(role)).statusCode(), role + " exports nothing");
    }
    assertEquals(401, app.bytes("/api/audit?format=xlsx", null).statusCode());
    HttpResponse<String> ok = app.request("GET", "/api/audit", null, admin);
    assertEquals(200, ok.statusCode());
    assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void aChangeSaysWhoWhatWhenAndWhy() throws Exception {
    JsonNode j = app.json(app.request("GET", "/api/audit?feature=" + enc(p2), null, admin));
    assertEquals(2, j.path("numberMatched").asInt(), "the edit, and the load that made the parcel");
    assertEquals("load", j.at("/changes/1/op").asText());
    JsonNode c = j.at("/changes/0");
    assertEquals("2027-03-01T16:00:00Z", c.path("at").asText());
    assertEquals("2027-03-02 00:00", c.path("at_local").asText());
    assertEquals("land_officer", c.path("username").asText());
    assertEquals("land_officer", c.path("role").asText());
    assertEquals("update", c.path("op").asText());
    assertEquals("parcels", c.path("collection").asText());
    assertEquals(FORMULA, c.path("reason").asText(), "the reason as given, unaltered");
    assertTrue(c.path("if_match").asBoolean());
    assertFalse(c.path("request_id").asText().isEmpty());
    assertTrue(c.path("client").asText().startsWith("Java-http-client"), c.path("client").asText());
    // the server recomputes a parcel's areas on every write: they may change along with the FAR
    List<String> fields = List.of(c.path("summary").asText().split(","));
    assertTrue(fields.contains("far"), fields.toString());
    assertEquals(1, c.path("feature_count").asInt());
    JsonNode f = c.at("/features/0");
    assertEquals("parcels", f.path("collection").asText());
    assertEquals(p2, f.path("feature_id").asText());
    assertEquals("update", f.path("op").asText());
    assertEquals(1, f.path("version_before").asInt());
    assertEquals(2, f.path("version_after").asInt());
    assertEquals("1→2", f.at("/text/versions").asText());
    assertEquals(named(p2, false), f.at("/text/feature").asText(), "the page names the parcel as the map does");
    assertEquals("修改", c.at("/text/op").asText());
    assertEquals("土地管理人员", c.at("/text/role").asText());
    assertEquals("地块", c.at("/text/collection").asText());
    List<String> words = List.of(c.at("/text/summary").asText().split("、"));
    assertEquals(fields.size(), words.size());
    assertTrue(words.contains("容积率"), words.toString());
    for (String name : fields) {
      assertFalse(words.contains(name), "fields by their Chinese titles, not " + name + ": " + words);
    }
    assertEquals("是", c.at("/text/if_match").asText());
    JsonNode en = app.json(app.request("GET", "/api/audit?lang=en&feature=" + enc(p2), null, admin)).at("/changes/0/text");
    assertEquals("edit", en.path("op").asText());
    assertTrue(en.path("summary").asText().contains("Floor-area ratio"), en.toString());

    JsonNode del = app.json(app.request("GET", "/api/audit?op=delete", null, admin)).at("/changes/0");
    JsonNode gone = null;
    for (JsonNode x : del.path("features")) {
      if (x.path("feature_id").asText().equals(p3)) {
        gone = x;
      }
    }
    assertEquals("delete", gone.path("op").asText());
    assertTrue(gone.path("version_after").isNull());
    assertEquals("1→删除", gone.at("/text/versions").asText());
    JsonNode load = app.json(app.request("GET", "/api/audit?collection=*", null, admin)).at("/changes/0");
    assertEquals("load", load.path("op").asText());
    assertEquals("系统", load.at("/text/username").asText());
    assertEquals("全部图层", load.at("/text/collection").asText());
    assertEquals("初始数据", load.at("/text/op").asText());
    assertEquals(50, load.path("features").size(), "the load made every feature; the first 50 are listed");
    assertTrue(load.path("feature_count").asInt() > 10000);
  }

  @Test
  void eachFilterReturnsExactlyTheMatchingChanges() throws Exception {
    assertEquals(expected(a -> true, true), ids(""), "everything, newest first");
    assertEquals(expected(a -> a.user().equals("land_officer"), false), ids("user=land_officer"));
    assertEquals(expected(a -> a.user().equals("admin"), false), ids("user=admin"));
    assertEquals(List.of(), ids("user=nobody"));
    // the load made every feature, so it touched every layer
    assertEquals(expected(a -> inLayer(a, "parcels"), true), ids("collection=parcels"));
    assertEquals(expected(a -> inLayer(a, "industrial-parks"), true), ids("collection=industrial-parks"));
    assertEquals(expected(a -> inLayer(a, "enterprises"), true), ids("collection=enterprises"));
    assertEquals(List.of(ids.get("load")), ids("collection=zones"), "only the load touched the zones");
    assertEquals(List.of(ids.get("load")), ids("collection=" + enc("*")));
    assertEquals(expected(a -> a.op().equals("update"), false), ids("op=update"));
    assertEquals(expected(a -> a.op().equals("delete"), false), ids("op=delete"));
    assertEquals(List.of(ids.get("load")), ids("op=load"));
    assertEquals(expected(a -> a.feature().equals(p1), true), ids("feature=" + enc(p1)));
    assertEquals(3, ids("feature=" + enc(p1)).size(), "two edits and the load");
    assertEquals(expected(a -> a.feature().equals(p1), true), ids("feature=" + enc(p1) + "&collection=parcels"));
    assertEquals(List.of(), ids("feature=" + enc(p1) + "&collection=industrial-parks"));

    // a date is a day in China time: 1 March ends at 16:00 UTC
    Instant mar2 = china("2027-03-02T00:00:00");
    Instant mar8 = china("2027-03-08T00:00:00");
    assertEquals(expected(a -> !a.at().isBefore(mar2), false), ids("from=2027-03-02"));
    assertEquals(expected(a -> a.at().isBefore(mar2), true), ids("to=2027-03-01"));
    assertEquals(expected(a -> !a.at().isBefore(mar2) && a.at().isBefore(mar8), false), ids("from=2027-03-02&to=2027-03-07"));
    assertEquals(4, ids("from=2027-03-01&to=2027-03-07").size());
    // date-times carry their offset; an end includes its own instant
    assertEquals(ids("from=2027-03-02&to=2027-03-07"),
        ids("from=" + enc("2027-03-02T00:00:00+08:00") + "&to=" + enc("2027-03-07T23:59:59+08:00")));
    assertEquals(ids("from=2027-03-02"), ids("from=2027-03-01T16:00:00Z"));
    assertEquals(List.of(ids.get("复核更正")), ids("from=2027-03-07T15:59:59Z&to=2027-03-07T15:59:59Z"));
    // an unencoded + arrives as a space and still means +08:00
    assertEquals(ids("from=2027-03-02"), ids("from=2027-03-02T00:00:00+08:00"));
    assertEquals(expected(a -> a.user().equals("land_officer") && !a.at().isBefore(mar2), false),
        ids("user=land_officer&from=2027-03-02&collection=parcels"));
    assertEquals(expected(a -> a.user().equals("land_officer") && a.op().equals("delete"), false),
        ids("user=land_officer&op=delete&to=2027-03-08"));
  }

  @Test
  void pagingWalksEveryChangeOnce() throws Exception {
    List<Long> all = ids("");
    List<Long> walked = new ArrayList<>();
    String next = "/api/audit?limit=2";
    int pages = 0;
    while (next != null) {
      JsonNode j = app.json(app.request("GET", next, null, admin));
      assertEquals(all.size(), j.path("numberMatched").asInt());
      assertEquals(j.path("changes").size(), j.path("numberReturned").asInt());
      j.path("changes").forEach(c -> walked.add(c.path("id").asLong()));
      boolean prev = false;
      next = null;
      for (JsonNode l : j.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          next = l.path("href").asText().substring(app.base().length());
          assertTrue(next.contains("limit=2"), next);
        }
        prev |= l.path("rel").asText().equals("prev");
      }
      assertEquals(pages > 0, prev, "a prev link on every page but the first");
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(all, walked);
    assertEquals(all.size(), new LinkedHashSet<>(walked).size());
    JsonNode far = app.json(app.request("GET", "/api/audit?offset=100", null, admin));
    assertEquals(0, far.path("numberReturned").asInt());
    assertEquals(all.size(), far.path("numberMatched").asInt());
    assertEquals(200, app.request("GET", "/api/audit?limit=5000", null, admin).statusCode(), "capped to 1000");
  }

  @Test
  void malformedOrUnknownParametersAreNamed() throws Exception {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("colour=red", "colour");
    bad.put("user=", "user");
    bad.put("collection=roads", "collection");
    bad.put("op=rename", "op");
    bad.put("from=2027-13-01", "from");
    bad.put("from=2027-02-30", "from");
    bad.put("from=yesterday", "from");
    bad.put("to=2027-03-01T08:00:00", "to");
    bad.put("from=2027-03-05&to=2027-03-01", "to");
    bad.put("limit=0", "limit");
    bad.put("limit=ten", "limit");
    bad.put("offset=-1", "offset");
    bad.put("format=pdf", "format");
    bad.put("lang=fr", "lang");
    bad.put("user=a&user=b", "user");
    for (var e : bad.entrySet()) {
      HttpResponse<String> r = app.request("GET", "/api/audit?" + e.getKey(), null, admin);
      assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
      assertEquals(e.getValue(), app.json(r).path("parameter").asText(), e.getKey());
    }
  }

  @Test
  void csvAndExcelHoldTheSameRowsInChineseWithChinaTimes() throws Exception {
    HttpResponse<byte[]> c = app.bytes("/api/audit?format=csv", admin);
    assertEquals(200, c.statusCode());
    assertTrue(c.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String cd = c.headers().firstValue("Content-Disposition").orElse("");
    // the clock stands at 16:00 UTC on 7 March: 8 March in China
    assertTrue(cd.contains("filename*=UTF-8''" + enc("变更记录_20270308.csv")), cd);
    assertTrue(cd.contains("filename=\"audit-trail_20270308.csv\""), cd);
    String text = new String(c.body(), StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0), "a BOM, for Excel");
    List<List<String>> csv = csv(text.substring(1));
    assertEquals(HEADERS_ZH, csv.get(0));
    List<List<String>> rows = csv.subList(1, csv.size());
    // one row per feature touched (the load: every feature it wrote); a change that touched none is one row
    List<Long> expectedIds = new ArrayList<>();
    for (long id : ids("")) {
      for (int i = 0; i < Math.max(1, featureCount.get(id)); i++) {
        expectedIds.add(id);
      }
    }
    assertEquals(expectedIds, rows.stream().map(r -> Long.valueOf(r.get(0))).toList(), "newest first, a row per feature");

    List<String> p2row = rows.stream().filter(r -> r.get(6).equals(named(p2, false))).findFirst().orElseThrow();
    assertEquals(List.of(String.valueOf(AuditRoutesTest.ids.get(FORMULA)), "2027-03-02 00:00", "land_officer",
        "土地管理人员", "修改", "地块", named(p2, false), "1→2", "'" + FORMULA), p2row.subList(0, 9));
    // features are named as the map names them, in every row, the load's thousands included
    for (List<String> r : rows) {
      assertFalse(r.get(6).matches("(?s).*(\\bP-[A-Z]+-|\\bE-|-(ip|cb|sm|inf)-|zzetdz|xxetdz|zzhitech).*"),
          "a system id in the 要素 column: " + r);
    }
    assertEquals("是", p2row.get(10));
    assertTrue(p2row.get(11).startsWith("脚本（Java-http-client"), p2row.get(11));
    assertTrue(List.of(p2row.get(12).split("、")).contains("容积率"), p2row.get(12));
    List<String> first = rows.stream().filter(r -> r.get(8).startsWith("郑经开规")).findFirst().orElseThrow();
    assertEquals("2027-03-01 23:59", first.get(1));
    assertEquals("否", first.get(10));
    List<String> del = rows.stream().filter(r -> r.get(6).equals(named(p3, false))).findFirst().orElseThrow();
    assertEquals("删除", del.get(4));
    assertEquals("1→删除", del.get(7));
    assertEquals("2027-03-08 00:00", del.get(1));
    // what a deletion did to the other features it touched (the parcel's enterprises) is said
    for (List<String> r : rows) {
      if (r.get(0).equals(del.get(0)) && !r.get(6).equals(named(p3, false))) {
        assertEquals("删除（本要素：修改）", r.get(4), r.toString());
        assertTrue(r.get(7).matches("\\d+→\\d+"), r.toString());
      }
    }
    List<String> park = rows.stream().filter(r -> r.get(2).equals("planner")).findFirst().orElseThrow();
    assertEquals(List.of("规划人员", "修改", "产业园区"), park.subList(3, 6));
    List<String> load = rows.get(rows.size() - 1);
    assertEquals(List.of("系统", "管理员", "初始数据"), load.subList(2, 5), "the load made every feature: a row each");
    assertFalse(load.get(6).isEmpty());
    assertTrue(load.get(8).startsWith("演示数据"), load.get(8));
    assertTrue(load.get(12).startsWith("规划要素"), load.get(12));
    for (List<String> r : rows) {
      for (String cell : r) {
        assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "a formula-like cell: " + cell);
      }
    }

    HttpResponse<byte[]> x = app.bytes("/api/audit?format=xlsx", admin);
    assertEquals(200, x.statusCode());
    assertTrue(x.headers().firstValue("Content-Disposition").orElse("").contains(enc("变更记录_20270308.xlsx")));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
      assertEquals(1, wb.getNumberOfSheets());
      Sheet sh = wb.getSheetAt(0);
      assertEquals("变更记录", sh.getSheetName());
      List<List<String>> sheet = new ArrayList<>();
      for (Row r : sh) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < HEADERS_ZH.size(); i++) {
          Cell cell = r.getCell(i);
          assertTrue(cell == null || cell.getCellType() != CellType.FORMULA, "no formula cells");
          cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
              ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        sheet.add(cells);
      }
      // the same rows; only the CSV's guard against formulas differs
      List<List<String>> unguarded = new ArrayList<>();
      for (List<String> r : csv) {
        unguarded.add(r.stream().map(v -> v.startsWith("'=") ? v.substring(1) : v).toList());
      }
      assertEquals(unguarded, sheet);
    }

    String en = new String(app.bytes("/api/audit?format=csv&lang=en&op=delete", admin).body(), StandardCharsets.UTF_8);
    List<List<String>> enRows = csv(en.substring(1));
    assertEquals("Change no.", enRows.get(0).get(0));
    assertEquals("Time (Beijing time)", enRows.get(0).get(1));
    assertEquals(1 + featureCount.get(ids.get("收回注销")), enRows.size());
    assertEquals("Feature", enRows.get(0).get(6));
    List<String> enDel = enRows.stream().filter(r -> r.get(6).equals(named(p3, true))).findFirst().orElseThrow();
    assertEquals(List.of("land officer", "delete", app.services.catalog.get("parcels").orElseThrow().titleEn(), named(p3, true),
        "1→deleted"), enDel.subList(3, 8));
  }

  @Test
  void anExportKeepsTheFilter() throws Exception {
    List<List<String>> rows = csv(new String(app.bytes("/api/audit?format=csv&user=planner", admin).body(),
        StandardCharsets.UTF_8).substring(1));
    assertEquals(2, rows.size());
    assertEquals(parkName, rows.get(1).get(6), "the park by its name, not " + park);
    List<List<String>> page = csv(new String(app.bytes("/api/audit?format=csv&limit=2&offset=1", admin).body(),
        StandardCharsets.UTF_8).substring(1));
    assertEquals(ids("").subList(1, 3).stream().map(String::valueOf).toList(),
        page.subList(1, page.size()).stream().map(r -> r.get(0)).toList());
    HttpResponse<byte[]> none = app.bytes("/api/audit?format=xlsx&user=nobody", admin);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(none.body()))) {
      assertEquals(0, wb.getSheetAt(0).getLastRowNum(), "the header row only");
    }
  }

  static List<List<String>> csv(String text) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(text))) {
      for (CSVRecord r : p) {
        out.add(r.toList());
      }
    }
    return out;
  }

  // ---- the app ----------------------------------------------------------------------------------

  /** A clock the test moves, so changes land at chosen instants. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * The real app on a random port, with a small HTTP client. Built by {@link WebApp#create} once
   * {@link WebApp#modules} lists {@link AuditRoutes}; until then the same way with the module added.
   */
  public static final class App implements AutoCloseable {
    public final Services services;
    public final Javalin javalin;
    private final HttpClient http = HttpClient.newHttpClient();

    public App(Services s) {
      this.services = s;
      boolean registered = WebApp.modules(s).stream().anyMatch(m -> m instanceof AuditRoutes);
      this.javalin = (registered ? WebApp.create(s) : withAudit(s)).start("127.0.0.1", 0);
    }

    private static Javalin withAudit(Services s) {
      return Javalin.create(cfg -> {
        cfg.startup.showJavalinBanner = false;
        cfg.http.defaultContentType = "application/json";
        cfg.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = "/web";
          sf.location = Location.CLASSPATH;
        });
        cfg.staticFiles.enableWebjars();
        for (RouteModule m : WebApp.modules(s)) {
          m.register(cfg.routes);
        }
        new AuditRoutes(s).register(cfg.routes);
        cfg.routes.exception(ApiError.class, (e, ctx) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("code", e.code);
          m.put("description", e.getMessage());
          if (e.parameter != null) {
            m.put("parameter", e.parameter);
          }
          m.put("status", e.status);
          e.details.forEach(m::putIfAbsent);
          try {
            ctx.status(e.status).contentType("application/json").result(JSON.writeValueAsString(m));
          } catch (Exception x) {
            throw new IllegalStateException(x);
          }
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> {
          e.printStackTrace();
          ctx.status(500).contentType("application/json").result("{\"code\":\"ServerError\"}");
        });
      });
    }

    public String base() {
      return "http://127.0.0.1:" + javalin.port();
    }

    public String token(String user) {
      return services.auth.login(user, TestStores.PASSWORD).orElseThrow();
    }

    public HttpResponse<String> request(String method, String path, String body, String token, String... headers) {
      return send(builder(method, path, body, token, headers).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> bytes(String path, String token) {
      return send(builder("GET", path, null, token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode json(HttpResponse<String> r) throws Exception {
      return JSON.readTree(r.body());
    }

    private HttpRequest.Builder builder(String method, String path, String body, String token, String... headers) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return b;
    }

    private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> h) {
      try {
        return http.send(r, h);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      javalin.stop();
    }
  }
}
