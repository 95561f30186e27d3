package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.Role;
import zoneatlas.efficiency.report.AnnualReport;
import zoneatlas.efficiency.report.ReportFont;
import zoneatlas.efficiency.report.ReportRepository;
import zoneatlas.http.ApiError;
import zoneatlas.testing.TestStores;

/**
 * The annual evaluation report built straight from the service on the demo data (no server; one
 * service for the class): only for land officers and only for a zone; the Chinese PDF with its
 * chapters, the scheme's rules in words and the zone's class counts as the classes endpoint
 * gives them; the English PDF without Chinese; the workbook's sheets; and a clear error naming
 * the font setting when no CJK font can be read.
 */
class AnnualReportRulesTest {
  private static EfficiencyService svc;

  private static synchronized AnnualReport report(String font) {
    svc = DemoService.get();
    ReportRepository repo = new ReportRepository(TestStores.h2());
    return new AnnualReport(svc, new PolicyLists(svc, repo), repo, font);
  }

  @Test
  void theReportIsForLandOfficersAndAZone() throws Exception {
    AnnualReport a = report(ReportFont.DEFAULT_PATH);
    assertEquals(403, assertThrows(ApiError.class, () -> a.model(Role.planner, "zzetdz", null, null, "zh")).status);
    assertEquals("zone", assertThrows(ApiError.class, () -> a.model(Role.land_officer, null, null, null, "zh")).parameter);
    assertEquals("zone", assertThrows(ApiError.class, () -> a.model(Role.land_officer, " ", null, null, "zh")).parameter);
    assertEquals("zone", assertThrows(ApiError.class, () -> a.model(Role.land_officer, "atlantis", null, null, "zh")).parameter);
    AnnualReport.Model m = a.model(Role.admin, "zzetdz", null, "weighted-benchmark", "zh");
    AnnualReport noFont = report("/nonexistent/font.ttc");
    ApiError e = assertThrows(ApiError.class, () -> noFont.pdf(m));
    assertEquals(500, e.status);
    assertEquals("ReportFontMissing", e.code);
    assertTrue(e.getMessage().contains("efficiency.report.font"), e.getMessage());
    ByteArrayOutputStream x = new ByteArrayOutputStream();
    noFont.xlsx(m, x);
    assertTrue(x.size() > 1000, "the workbook needs no font");
  }

  @Test
  void theChineseReportHasItsChaptersRulesAndTheZonesClassCounts() throws Exception {
    AnnualReport a = report(ReportFont.DEFAULT_PATH);
    int year = svc.data().latestYear();
    AnnualReport.Model m = a.model(Role.land_officer, "zzetdz", null, "weighted-benchmark", "zh");
    String title = year + "年度郑州经济技术开发区工业企业亩均效益综合评价报告";
    assertEquals(title, m.title());
    assertEquals(title + ".pdf", m.fileZh());
    String text = AnnualReportTest.pdfText(a.pdf(m));
    String flat = text.replaceAll("\\s+", "");
    for (String h : List.of(title, "一、评价方案与规则", "二、分类结果", "三、历年趋势", "四、分类分布图", "五、A类领跑企业名单",
        "六、D类重点帮扶整治名单", "七、低效用地", "名单状态", "草案", "加权对标评分", "A类不低于140分", "加价0.3元/千瓦时",
        "批而未供为尚未供应的政府待供应土地", "地块形状为示意", "合成示例")) {
      assertTrue(flat.contains(h), "the report has " + h);
    }
    @SuppressWarnings("unchecked")
    Map<String, Integer> counts = (Map<String, Integer>) ((List<Map<String, Object>>) svc.classes(Role.land_officer, null,
        "weighted-benchmark", "zzetdz").get("zones")).get(0).get("counts");
    int classed = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (String c : List.of("A", "B", "C", "D")) {
      Matcher r = Pattern.compile("(?m)^" + c + "类 ([\\d,]+) ([\\d.]+) [\\d,.]+$").matcher(text);
      assertTrue(r.find(), "a row for class " + c);
      assertEquals((int) counts.get(c), Integer.parseInt(r.group(1).replace(",", "")), "class " + c);
      assertEquals(100.0 * counts.get(c) / classed, Double.parseDouble(r.group(2)), 0.051, "class " + c + " share");
    }
    assertTrue(text.contains("第 1 页") || text.contains("第1页") || flat.contains("第1页"), "pages are numbered");
    assertFalse(PolicyListsTest.INTERNAL.matcher(text).find(), "no internal code");
    assertFalse(AnnualReportTest.ENGLISH.matcher(text).find(), "no English sentence");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.xlsx(m, out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("报告说明", "指标权重", "差别化价格", "分类分布", "参评情况", "历年趋势", "A类领跑企业", "D类重点帮扶整治",
          "低效用地汇总", "分类分布图"), names);
      assertEquals(1, wb.getAllPictures().size());
      for (String t : PolicyListsTest.texts(wb)) {
        assertFalse(PolicyListsTest.INTERNAL.matcher(t).find(), "no internal code: " + t);
      }
    }
  }

  @Test
  void theEnglishReportIsInEnglish() throws Exception {
    AnnualReport a = report(ReportFont.DEFAULT_PATH);
    int year = svc.data().latestYear();
    AnnualReport.Model m = a.model(Role.land_officer, "xxetdz", null, "zhengzhou-two-stage", "en");
    assertTrue(m.fileEn().matches(year + "-[a-z0-9-]+-annual-evaluation-report\\.pdf"), m.fileEn());
    String text = AnnualReportTest.pdfText(a.pdf(m));
    assertTrue(text.contains("Annual mu-efficiency evaluation report"));
    assertTrue(text.contains("Watch list"));
    assertTrue(text.contains("page 1 of "));
    Matcher cjk = Pattern.compile("\\p{IsHan}+").matcher(text.replace("亩均", ""));
    assertFalse(cjk.find(), "Chinese in the English report: " + (cjk.find(0) ? cjk.group() : ""));
  }
}
