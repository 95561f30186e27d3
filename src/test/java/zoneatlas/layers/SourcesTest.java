package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.demo.DemoLoader;
import zoneatlas.model.PlanFeature;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

class SourcesTest {
  @Test
  void everyPlanCitationPointsAtRealTextInTheShippedDocuments() {
    SourcesRoutes sources = new SourcesRoutes();
    for (PlanFeature f : DemoLoader.readPlan()) {
      String doc = f.props().get("source_doc").toString();
      List<String> text = sources.lines(doc);
      assertNotNull(text, f.id() + " cites missing document " + doc);
      boolean anyText = false;
      for (int n : SourcesRoutes.parse(f.props().get("source_lines").toString())) {
        assertTrue(n >= 1 && n <= text.size(), f.id() + " cites line " + n + " of " + doc + " (" + text.size() + " lines)");
        anyText |= !text.get(n - 1).isBlank();
      }
      assertTrue(anyText, f.id() + " cites only blank lines");
    }
  }

  @Test
  void everyDocumentTitleIsPrintedInTheDocumentsOwnFirstLines() {
    for (SourceDocs.Doc d : SourceDocs.all()) {
      List<String> all = SourceDocs.lines(d.file());
      String head = String.join("", all.subList(0, Math.min(40, all.size()))).replaceAll("\\s", "");
      assertTrue(head.contains(d.titleZh()), d.file() + " does not print its title " + d.titleZh());
      assertFalse(d.titleEn().isBlank());
    }
    assertEquals(5, SourceDocs.all().size());
  }

  @Test
  void citationsReadAsAPlannerWritesThem() {
    String doc = "000_8e3b18d49bf5da6c.txt";
    String title = "《郑州经济技术开发区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》";
    assertEquals(title + "第939行", SourceDocs.citation(doc, "939", "zh"));
    assertEquals(title + "第939、945行", SourceDocs.citation(doc, "939,945", "zh"));
    assertEquals(title + "第417–437行", SourceDocs.citation(doc, "417-437", "zh"));
    assertEquals("Zhengzhou ETDZ 14th Five-Year Plan and 2035 Vision Outline, lines 939, 1125–1127",
        SourceDocs.citation(doc, "939,1125-1127", "en"));
    assertEquals("郑州市规划第1484–1486行 and 第983行", SourceDocs.readableCitations("002:1484-1486 and 000:983", doc, "zh"));
  }

  @Test
  void aQuoteShowsTheWordsAboutTheFeatureAndNeverOpensWithTheNoticesAddressees() {
    List<Integer> lines = SourcesRoutes.parse("9,417,437,945");
    List<SourceDocs.Excerpt> ex = SourceDocs.excerpts("000_8e3b18d49bf5da6c.txt", lines, "国际物流园区");
    assertEquals(List.of(417, 437, 945, 9), ex.stream().map(SourceDocs.Excerpt::line).toList());
    assertFalse(ex.get(0).notice());
    SourceDocs.Excerpt notice = ex.get(3);
    assertTrue(notice.notice());
    assertEquals("……国际物流园区管委……", notice.text());
    assertTrue(ex.get(2).text().startsWith("赋能升级国际物流园区核心板块。"), ex.get(2).text());
    for (PlanFeature f : DemoLoader.readPlan()) {
      List<SourceDocs.Excerpt> q = SourceDocs.excerpts(f.props().get("source_doc").toString(),
          SourcesRoutes.parse(f.props().get("source_lines").toString()), f.props().get("name_zh").toString());
      assertFalse(q.isEmpty(), f.id());
      assertFalse(q.get(0).notice(), f.id() + "'s quote opens with the issuing notice: " + q.get(0).text());
      for (SourceDocs.Excerpt e : q) {
        assertTrue(e.text().length() <= SourceDocs.MAX_EXCERPT + 4, f.id() + " line " + e.line() + ": " + e.text());
      }
    }
  }

  @Test
  void theSourcesEndpointReturnsTheCitedLinesAndRefusesBadOnes() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      var r = s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=939");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode j = new ObjectMapper().readTree(r.body());
      assertTrue(j.get("lines").get(0).get("text").asText().contains("起步区"), r.body());
      assertTrue(j.at("/citation/zh").asText().endsWith("纲要》第939行"), r.body());
      var q = new ObjectMapper().readTree(s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=9,945&about="
          + java.net.URLEncoder.encode("国际物流园区", java.nio.charset.StandardCharsets.UTF_8)).body());
      assertEquals(945, q.at("/excerpts/0/line").asInt(), q.toString());
      assertEquals("……国际物流园区管委……", q.at("/excerpts/1/text").asText(), q.toString());
      assertEquals(5, new ObjectMapper().readTree(s.get("/api/sources").body()).path("documents").size());
      assertEquals(400, s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=99999").statusCode());
      assertEquals(400, s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=abc").statusCode());
      assertEquals(404, s.get("/api/sources/..%2Fpom.xml?lines=1").statusCode());
      assertFalse(s.get("/api/sources/999_0000000000000000.txt?lines=1").body().contains("Exception"));
    }
  }
}
