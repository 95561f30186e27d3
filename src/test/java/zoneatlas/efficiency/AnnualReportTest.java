package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The annual evaluation report of a zone as PDF and Excel: its text read back with PDFBox (the
 * Chinese headings, a figure that is the JSON's, the scheme's rules, nothing internal and no
 * English sentence in the Chinese report), its sheets and headers, who may have it, and the
 * clear error when the server has no Chinese font.
 */
class AnnualReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Three or more Latin words in a row: an English sentence or phrase. */
  static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}");
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

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = server.get(path, officer);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static void keep(String name, byte[] body) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), body);
  }

  @Test
  void theChineseReportReadsInChineseWithTheZonesRealFiguresAndTheSchemesRules() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/report?zone=zzetdz&scheme=weighted-benchmark&year=" + year, officer);
    assertEquals(200, r.statusCode(), new String(r.body()));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
    String title = year + "年度郑州经济技术开发区工业企业亩均效益综合评价报告";
    assertEquals(title + ".pdf", PolicyListsTest.fileName(r));
    keep("annual-report-zzetdz.pdf", r.body());
    String text = pdfText(r.body());
    String flat = text.replaceAll("\\s+", "");
    for (String h : List.of(title, "一、评价方案与规则", "二、分类结果", "三、历年趋势", "四、分类分布图", "五、A类领跑企业名单",
        "六、D类重点帮扶整治名单", "七、低效用地", "名单状态", "草案", "加权对标评分")) {
      assertTrue(flat.contains(h.replaceAll("\\s+", "")), "the report has " + h);
    }
    // the scheme's rules: a weight, the class thresholds, a price rule
    assertTrue(flat.contains("A类不低于140分"), "class thresholds in words");
    assertTrue(flat.contains("加价0.3元/千瓦时"), "the power price rule of class D");
    assertTrue(flat.contains("批而未供为尚未供应的政府待供应土地"));
    assertTrue(flat.contains("地块形状为示意") && flat.contains("合成示例"), "the map says it is schematic and the data synthetic");
    // a real figure: the zone's tax per mu of the year, as the JSON gives it
    double tax = 0;
    for (JsonNode z : json("/api/efficiency/indicators?level=zone&scheme=weighted-benchmark&year=" + year).get("rows")) {
      if (z.get("id").asText().equals("zzetdz")) {
        tax = z.get("tax_per_mu").asDouble();
      }
    }
    String taxText = AnnualReportTestSupport.num(Math.round(tax * 100) / 100.0);
    assertTrue(text.contains(taxText), "the zone's tax per mu " + taxText + " is in the report");
    // and the class counts of the zone
    JsonNode counts = json("/api/efficiency/classes?scheme=weighted-benchmark&zone=zzetdz&year=" + year).get("zones").get(0).get("counts");
    for (String c : List.of("A", "B", "C", "D")) {
      // the table row: class, firms, share, land (the chart above writes the same numbers in another order)
      Matcher m = Pattern.compile("(?m)^" + c + "类 ([\\d,]+) [\\d.]+ [\\d,.]+$").matcher(text);
      assertTrue(m.find(), "a row for class " + c);
      assertEquals(counts.get(c).asInt(), Integer.parseInt(m.group(1).replace(",", "")), "class " + c + " count");
    }
    assertFalse(PolicyListsTest.INTERNAL.matcher(text).find(), "no internal code: " + find(PolicyListsTest.INTERNAL, text));
    assertFalse(ENGLISH.matcher(text).find(), "no English sentence in the Chinese report: " + find(ENGLISH, text));
  }

  @Test
  void theEnglishReportIsInEnglish() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/report?zone=xxetdz&lang=en", officer);
    assertEquals(200, r.statusCode());
    assertTrue(PolicyListsTest.fileName(r).matches(year + "-[a-z0-9-]+-annual-evaluation-report\\.pdf"), PolicyListsTest.fileName(r));
    String text = pdfText(r.body());
    assertTrue(text.contains("Annual mu-efficiency evaluation report"));
    assertTrue(text.contains("Watch list"));
    assertTrue(text.contains("page 1 of "));
    // the scheme's own English description names the reform (亩均); nothing else is Chinese
    Matcher cjk = Pattern.compile("\\p{IsHan}+").matcher(text.replace("亩均", ""));
    assertFalse(cjk.find(), "Chinese in the English report: " + (cjk.find(0) ? cjk.group() : ""));
    keep("annual-report-xxetdz-en.pdf", r.body());
  }

  @Test
  void theExcelReportHasTheSameTablesOnChineseSheets() throws Exception {
    HttpResponse<byte[]> r = raw("/api/efficiency/report?zone=zzetdz&format=xlsx&scheme=weighted-benchmark", officer);
    assertEquals(200, r.statusCode());
    assertTrue(PolicyListsTest.fileName(r).endsWith("郑州经济技术开发区工业企业亩均效益综合评价报告.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("报告说明", "指标权重", "差别化价格", "分类分布", "参评情况", "历年趋势", "A类领跑企业", "D类重点帮扶整治",
          "低效用地汇总", "分类分布图"), names);
      assertEquals(List.of("分类等级", "企业数 (家)", "占定级企业 (%)", "计入用地 (亩)"), PolicyListsTest.header(wb.getSheet("分类分布")));
      assertEquals("统一社会信用代码", PolicyListsTest.header(wb.getSheet("D类重点帮扶整治")).get(1));
      Sheet map = wb.getSheet("分类分布图");
      assertEquals(1, wb.getAllPictures().size(), "the map is in the workbook");
      assertNotNull(map);
      for (String t : PolicyListsTest.texts(wb)) {
        assertFalse(PolicyListsTest.INTERNAL.matcher(t).find(), "no internal code: " + t);
      }
    }
  }

  @Test
  void theReportNeedsAZoneAndALandOfficer() throws Exception {
    HttpResponse<String> r = server.get("/api/efficiency/report", officer);
    assertEquals(400, r.statusCode());
    assertEquals("zone", JSON.readTree(r.body()).get("parameter").asText());
    assertEquals("zone", JSON.readTree(server.get("/api/efficiency/report?zone=atlantis", officer).body()).get("parameter").asText());
    assertEquals("format", JSON.readTree(server.get("/api/efficiency/report?zone=zzetdz&format=docx", officer).body())
        .get("parameter").asText());
    assertEquals(403, server.get("/api/efficiency/report?zone=zzetdz", server.token("planner")).statusCode());
    assertEquals(403, server.get("/api/efficiency/report?zone=zzetdz").statusCode());
    assertEquals(200, raw("/api/efficiency/report?zone=zzhitech", server.token("admin")).statusCode());
  }

  @Test
  void withoutAChineseFontThePdfIsAClearErrorNamingTheSettingAndTheExcelStillWorks() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2(), Map.of("efficiency.report.font", "/nonexistent/font.ttc"))) {
      String token = s.token("land_officer");
      HttpResponse<String> r = s.get("/api/efficiency/report?zone=zzetdz", token);
      assertEquals(500, r.statusCode(), r.body());
      JsonNode e = JSON.readTree(r.body());
      assertEquals("ReportFontMissing", e.get("code").asText());
      assertTrue(e.get("description").asText().contains("efficiency.report.font"), e.toString());
      assertTrue(e.get("description_zh").asText().contains("中文字体"), e.toString());
      assertEquals(200, s.get("/api/efficiency/report?zone=zzetdz&format=xlsx", token).statusCode());
    }
  }

  private static HttpResponse<byte[]> raw(String path, String token) throws Exception {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return "";
    }
    int a = Math.max(0, m.start() - 40);
    return text.substring(a, Math.min(text.length(), m.end() + 40));
  }

  /** Numbers as the report prints them (AnnualReport's own rule, restated so a change to it shows here). */
  static final class AnnualReportTestSupport {
    static String num(double v) {
      if (Math.abs(v - Math.rint(v)) < 1e-9) {
        return String.format(java.util.Locale.ROOT, "%,d", (long) Math.rint(v));
      }
      String s = String.format(java.util.Locale.ROOT, "%,.2f", v);
      return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
