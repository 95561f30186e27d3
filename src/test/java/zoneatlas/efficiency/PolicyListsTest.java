package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The policy lists (差别化电价/水价/气价/排污, 领跑企业, 重点帮扶整治名单, 低效用地 by category) on the
 * real server: who may have them, that their classes are the official ones, that the Excel is
 * Chinese through and through in Chinese (sheets, headers, values, file name) and English in
 * English, and that 批而未供 is a category of its own.
 */
class PolicyListsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Internal codes no Chinese list may carry: zone codes, scheme ids, parcel and enterprise ids, indicator keys. */
  static final Pattern INTERNAL = Pattern.compile("zzetdz|xxetdz|zzhitech|weighted-benchmark|zhengzhou-two-stage|\\bP-\\d|\\bE-\\d"
      + "|tax_per_mu|[a-z]+_[a-z]+");
  private static TestServer server;
  private static String officer;
  private static int year;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    officer = server.token("land_officer");
    year = JSON.readTree(server.get("/api/efficiency/meta").body()).get("latestYear").asInt();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static HttpResponse<byte[]> raw(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The file name a browser saves: RFC 5987 filename* when there is one. */
  static String fileName(HttpResponse<?> r) {
    String cd = r.headers().firstValue("Content-Disposition").orElse("");
    Matcher m = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(cd);
    assertTrue(m.find(), cd);
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  static List<String> header(Sheet s) {
    List<String> h = new ArrayList<>();
    for (Cell c : s.getRow(0)) {
      h.add(c.getStringCellValue());
    }
    return h;
  }

  /** Every text cell of the workbook. */
  static List<String> texts(XSSFWorkbook wb) {
    List<String> out = new ArrayList<>();
    for (Sheet s : wb) {
      for (Row r : s) {
        for (Cell c : r) {
          if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
            out.add(c.getStringCellValue());
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyoneBelowALandOfficerIsRefusedEveryListAndTheReportWithA403() throws Exception {
    List<String> paths = new ArrayList<>();
    for (PolicyLists.Kind k : PolicyLists.Kind.values()) {
      paths.add("/api/efficiency/policy/" + k.param);
      paths.add("/api/efficiency/policy/" + k.param + "?format=xlsx");
    }
    paths.add("/api/efficiency/report?zone=zzetdz");
    paths.add("/api/efficiency/report?zone=zzetdz&format=xlsx");
    for (String user : new String[] {null, "prospect", "planner"}) {
      String token = user == null ? null : server.token(user);
      for (String p : paths) {
        HttpResponse<byte[]> r = raw(p, token);
        assertEquals(403, r.statusCode(), user + " " + p);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), p);
        JsonNode e = JSON.readTree(r.body());
        assertEquals("Forbidden", e.get("code").asText());
        assertTrue(e.get("description_zh").asText().contains("国土管理人员"), e.toString());
      }
    }
    assertEquals(200, raw("/api/efficiency/policy/power", server.token("admin")).statusCode());
  }

  @Test
  void thePowerPriceListIsAChineseWorkbookWithTheCreditCodeClassAndRuleOfEveryClassedFirm() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/policy/power?format=xlsx&scheme=weighted-benchmark&year=" + year, officer);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(TableExport.XLSX_TYPE));
    assertEquals(year + "年差别化电价名单.xlsx", fileName(r));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("差别化电价名单", s.getSheetName());
      List<String> h = header(s);
      assertEquals(List.of("序号", "统一社会信用代码", "企业名称", "开发区", "园区", "分类等级", "定级依据", "价格政策", "加价标准 (元/千瓦时)"), h);
      Map<String, Integer> perClass = new HashMap<>();
      for (int i = 1; i <= s.getLastRowNum(); i++) {
        Row row = s.getRow(i);
        String uscc = row.getCell(1).getStringCellValue();
        assertEquals(18, uscc.length(), uscc);
        String cls = row.getCell(5).getStringCellValue();
        String rule = row.getCell(7).getStringCellValue();
        double surcharge = row.getCell(8).getNumericCellValue();
        perClass.merge(cls, 1, Integer::sum);
        switch (cls) {
          case "D" -> {
            assertEquals("加价 0.3 元/千瓦时", rule);
            assertEquals(0.3, surcharge, 1e-9);
          }
          case "C" -> assertEquals(0.1, surcharge, 1e-9);
          default -> {
            assertEquals("执行基准价格", rule);
            assertEquals(0, surcharge, 1e-9);
          }
        }
      }
      assertTrue(perClass.getOrDefault("D", 0) > 0 && perClass.getOrDefault("A", 0) > 0, perClass.toString());
      Sheet notes = wb.getSheet("说明");
      assertNotNull(notes, "a notes sheet says what the list is");
      String all = String.join("\n", texts(wb));
      assertTrue(all.contains("草案"), "the list says it is a draft");
      assertTrue(all.contains("合成示例数据"));
      for (String t : texts(wb)) {
        assertFalse(INTERNAL.matcher(t).find(), "no internal code in a Chinese list: " + t);
      }
    }
  }

  @Test
  void theListsClassesAreTheOfficialOnes() throws Exception {
    for (String scheme : new String[] {"weighted-benchmark", "zhengzhou-two-stage"}) {
      JsonNode list = json(server.get("/api/efficiency/policy/power?scheme=" + scheme, officer), 200);
      JsonNode official = json(server.get("/api/efficiency/classes?scheme=" + scheme, officer), 200);
      Map<String, String> expected = new HashMap<>();
      for (JsonNode e : official.get("enterprises")) {
        if (e.get("class").isTextual()) {
          expected.put(e.get("uscc").asText(), e.get("class").asText());
        }
      }
      Map<String, String> got = new HashMap<>();
      for (JsonNode e : list.get("rows")) {
        got.put(e.get("uscc").asText(), e.get("class").asText());
      }
      assertEquals(expected, got, scheme);
      assertEquals("draft", list.get("status").asText());
      assertEquals("草案", list.get("status_label").asText());
    }
  }

  @Test
  void inEnglishTheWorkbookSheetsHeadersAndFileNameAreEnglish() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/policy/water?format=xlsx&lang=en&zone=zzetdz&year=" + year, officer);
    assertEquals(200, r.statusCode());
    assertTrue(fileName(r).matches(year + "-[a-z0-9-]+-water-price-list\\.xlsx"), fileName(r));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertEquals("Differentiated water price list", wb.getSheetAt(0).getSheetName());
      assertEquals("Unified social credit code", header(wb.getSheetAt(0)).get(1));
      assertNotNull(wb.getSheet("Notes"));
      boolean surcharge = false;
      for (Row row : wb.getSheetAt(0)) {
        if (row.getRowNum() > 0 && row.getCell(7).getStringCellValue().startsWith("surcharge of ")) {
          surcharge = true;
        }
      }
      assertTrue(surcharge);
    }
  }

  @Test
  void allFourPricesComeAsOneWorkbookOfFourListsButNotAsOneCsv() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/policy/prices?format=xlsx&zone=xxetdz", officer);
    assertEquals(200, r.statusCode());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("差别化电价名单", "差别化水价名单", "差别化气价名单", "差别化排污收费名单", "说明"), names);
    }
    JsonNode e = json(server.get("/api/efficiency/policy/prices?format=csv", officer), 400);
    assertEquals("format", e.get("parameter").asText());
    HttpResponse<byte[]> csv = raw("/api/efficiency/policy/gas?format=csv&zone=xxetdz", officer);
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0));
    assertTrue(text.contains("统一社会信用代码"));
    assertTrue(fileName(csv).endsWith("差别化气价名单.csv"), fileName(csv));
  }

  @Test
  void theWatchListHoldsTheWorstClassAndTheLeadersTheBest() throws Exception {
    JsonNode watch = json(server.get("/api/efficiency/policy/watch?scheme=weighted-benchmark", officer), 200);
    JsonNode leaders = json(server.get("/api/efficiency/policy/leaders?scheme=weighted-benchmark", officer), 200);
    JsonNode classes = json(server.get("/api/efficiency/classes?scheme=weighted-benchmark", officer), 200);
    int d = 0;
    int a = 0;
    for (JsonNode z : classes.get("zones")) {
      d += z.get("counts").get("D").asInt();
      a += z.get("counts").get("A").asInt();
    }
    assertEquals(d, watch.get("rows").size());
    assertEquals(a, leaders.get("rows").size());
    for (JsonNode r : watch.get("rows")) {
      assertEquals("D", r.get("class").asText());
      if (r.get("rank").isTextual()) {
        assertFalse(r.get("points").asText().isEmpty(), "a ranked watched firm's weak points are named: " + r);
      }
    }
    assertTrue(watch.get("title").asText().contains("D类重点帮扶整治名单"), watch.get("title").asText());
    // a three-class scheme watches its last class
    JsonNode zz = json(server.get("/api/efficiency/policy/watch?scheme=zhengzhou-two-stage", officer), 200);
    assertTrue(zz.get("rows").size() > 0);
    for (JsonNode r : zz.get("rows")) {
      assertEquals("C", r.get("class").asText());
    }
  }

  @Test
  void lowEfficiencyLandComesByItsFiveCategoriesWithApprovedButNotSuppliedLandApart() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/policy/low-land?format=xlsx&zone=zzetdz", officer);
    assertEquals(200, r.statusCode());
    assertTrue(fileName(r).endsWith("郑州经济技术开发区低效用地清单.xlsx"), fileName(r));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("分类汇总", "批而未供", "供而未用", "用而未尽", "建而未投", "投而未达标", "其他低效情形", "说明"), names);
      Sheet sum = wb.getSheet("分类汇总");
      String approvedNote = null;
      for (Row row : sum) {
        if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("批而未供")) {
          approvedNote = row.getCell(1).getStringCellValue();
        }
      }
      assertNotNull(approvedNote);
      assertTrue(approvedNote.contains("尚未供应") && approvedNote.contains("不是一类"), approvedNote);
      for (String t : texts(wb)) {
        assertFalse(INTERNAL.matcher(t).find(), "no internal code in a Chinese list: " + t);
      }
    }
    JsonNode j = json(server.get("/api/efficiency/policy/low-land?zone=zzetdz", officer), 200);
    Map<String, Set<String>> statusByCategory = new HashMap<>();
    int withCentre = 0;
    for (JsonNode row : j.get("rows")) {
      statusByCategory.computeIfAbsent(row.get("category").asText(), k -> new HashSet<>()).add(row.get("status").asText());
      if (row.get("lon").isNumber() && row.get("lat").isNumber()) {
        withCentre++;
      }
      assertFalse(row.has("parcel"), "the Chinese list names places, not parcel ids");
    }
    assertEquals(Set.of("批而未供"), statusByCategory.get("批而未供"), "only land not yet supplied is 批而未供");
    assertFalse(statusByCategory.getOrDefault("供而未用", Set.of()).contains("批而未供"));
    assertTrue(statusByCategory.containsKey("供而未用"), statusByCategory.keySet().toString());
    assertEquals(j.get("rows").size(), withCentre, "every parcel is placed by its centre point");
    JsonNode en = json(server.get("/api/efficiency/policy/low-land?zone=zzetdz&lang=en", officer), 200);
    assertTrue(en.get("rows").get(0).get("parcel").asText().startsWith("P"), "in English the parcel id is given");
  }

  @Test
  void badKindsAndParametersAreNamed() throws Exception {
    assertEquals("kind", json(server.get("/api/efficiency/policy/galaxy", officer), 400).get("parameter").asText());
    assertEquals("format", json(server.get("/api/efficiency/policy/power?format=pdf", officer), 400).get("parameter").asText());
    assertEquals("zone", json(server.get("/api/efficiency/policy/power?zone=atlantis", officer), 400).get("parameter").asText());
    assertEquals("lang", json(server.get("/api/efficiency/policy/power?lang=fr", officer), 400).get("parameter").asText());
    assertEquals("colour", json(server.get("/api/efficiency/policy/power?colour=red", officer), 400).get("parameter").asText());
  }
}
