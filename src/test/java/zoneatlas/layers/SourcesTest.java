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
  void theSourcesEndpointReturnsTheCitedLinesAndRefusesBadOnes() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      var r = s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=939");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode j = new ObjectMapper().readTree(r.body());
      assertTrue(j.get("lines").get(0).get("text").asText().contains("起步区"), r.body());
      assertEquals(400, s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=99999").statusCode());
      assertEquals(400, s.get("/api/sources/000_8e3b18d49bf5da6c.txt?lines=abc").statusCode());
      assertEquals(404, s.get("/api/sources/..%2Fpom.xml?lines=1").statusCode());
      assertFalse(s.get("/api/sources/999_0000000000000000.txt?lines=1").body().contains("Exception"));
    }
  }
}
