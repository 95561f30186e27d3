package zoneatlas.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.http.ApiError;

/**
 * The rules of the layer package that need no store: which feature ids are accepted, which
 * catalog definitions the server refuses to start with, and which line citations the sources
 * endpoint reads. Each pins an edge a user (or an operator editing the catalog) meets.
 */
class LayerRulesTest {
  static final ObjectMapper M = new ObjectMapper();

  // -------------------------------------------------------------------------------------------
  // feature ids

  @Test
  void aFeatureIdIsOneToAHundredCharactersStartingWithACharacterLetterOrDigit() {
    assertTrue(FeatureIds.valid("P-zzetdz-000123"));
    assertTrue(FeatureIds.valid("经开-7.b_2"), "Chinese characters, '.', '_' and '-' after the first");
    assertTrue(FeatureIds.valid("宗"));
    assertTrue(FeatureIds.valid("a".repeat(100)));
    assertFalse(FeatureIds.valid("a".repeat(101)));
    assertTrue(FeatureIds.valid("宗".repeat(100)), "a CJK character counts once");
    assertFalse(FeatureIds.valid("-a"));
    assertFalse(FeatureIds.valid(".a"));
    assertFalse(FeatureIds.valid(""));
    assertFalse(FeatureIds.valid(null));
    assertFalse(FeatureIds.valid("a b"));
    assertFalse(FeatureIds.valid("a/b"));
    assertFalse(FeatureIds.valid("<b>"));
  }

  @Test
  void aPlanFeatureIdIsLowerCaseAsciiDigitsAndHyphens() {
    assertTrue(FeatureIds.validPlan("zzetdz-ip-wuliuyuanqu"));
    assertTrue(FeatureIds.validPlan("1-a"));
    assertTrue(FeatureIds.validPlan("a".repeat(100)));
    assertFalse(FeatureIds.validPlan("a".repeat(101)));
    assertFalse(FeatureIds.validPlan("Zz"));
    assertFalse(FeatureIds.validPlan("a_b"));
    assertFalse(FeatureIds.validPlan("a.b"));
    assertFalse(FeatureIds.validPlan("经开"));
    assertFalse(FeatureIds.validPlan("-a"));
    assertFalse(FeatureIds.validPlan(null));
    // the layer decides which rule applies
    assertTrue(FeatureIds.valid("P_1", false));
    assertFalse(FeatureIds.valid("P_1", true));
    assertTrue(FeatureIds.valid("p-1", true));
  }

  // -------------------------------------------------------------------------------------------
  // the catalog

  static LayerCatalog parse(String json) throws Exception {
    return LayerCatalog.parse(M.readTree(json));
  }

  static String layer(String id, String table, String columns, String extra) {
    return "{\"id\":\"" + id + "\",\"table\":\"" + table + "\",\"columns\":[" + columns + "]" + extra + "}";
  }

  static final String COL = "{\"name\":\"area_mu\",\"type\":\"number\",\"title_zh\":\"面积\",\"title_en\":\"area\"}";

  @Test
  void theCatalogIsReadWithItsDefaults() throws Exception {
    LayerCatalog c = parse("{\"collections\":[" + layer("parcels", "parcels", COL
        + ",{\"name\":\"tax_wan\",\"type\":\"number\",\"confidential\":true},{\"name\":\"name_zh\",\"type\":\"text\"}", "")
        + "," + layer("zones", "plan_features", "", ",\"where_layer\":\"zones\",\"edited_by\":\"planner\","
        + "\"geometry_type\":\"MultiPolygon\",\"title_zh\":\"开发区\"") + "]}");
    assertEquals(4490, c.storageSrid(), "CGCS2000 lon/lat unless the catalog says otherwise");
    assertEquals(List.of("parcels", "zones"), c.all().stream().map(Layer::id).toList());
    Layer p = c.get("parcels").orElseThrow();
    assertNull(p.whereLayer());
    assertNull(p.editedBy(), "read-only unless the catalog names an editor");
    assertEquals("Geometry", p.geometryType());
    assertFalse(p.column("area_mu").orElseThrow().confidential());
    assertTrue(p.column("tax_wan").orElseThrow().confidential());
    assertEquals("number", p.column("area_mu").orElseThrow().jsonSchemaType());
    assertEquals("string", p.column("name_zh").orElseThrow().jsonSchemaType(), "JSON Schema says string, not text");
    assertTrue(p.column("nope").isEmpty());
    Layer z = c.get("zones").orElseThrow();
    assertEquals("zones", z.whereLayer());
    assertEquals("planner", z.editedBy());
    assertEquals("MultiPolygon", z.geometryType());
    assertEquals("开发区", z.titleZh());
    assertTrue(c.get("nope").isEmpty());
    assertEquals(3857, parse("{\"storage_srid\":3857,\"collections\":[]}").storageSrid());
  }

  @Test
  void aMalformedCatalogStopsTheServerFromStarting() {
    for (String bad : List.of(
        layer("Parcels", "parcels", COL, ""), // upper-case id
        layer("parcels", "parcels;drop", COL, ""), // a table that is no identifier
        layer("parcels", "parcels", "{\"name\":\"Area\",\"type\":\"number\"}", ""),
        layer("parcels", "parcels", "{\"name\":\"area\",\"type\":\"float\"}", ""),
        layer("parcels", "parcels", COL, ",\"edited_by\":\"prospect\""))) {
      assertThrows(IllegalStateException.class, () -> parse("{\"collections\":[" + bad + "]}"), bad);
    }
    IllegalStateException dup = assertThrows(IllegalStateException.class,
        () -> parse("{\"collections\":[" + layer("a", "t", "", "") + "," + layer("a", "u", "", "") + "]}"));
    assertTrue(dup.getMessage().contains("duplicate layer id"), dup.getMessage());
    for (String role : List.of("planner", "land_officer", "admin")) {
      assertDoesNotThrowParse(layer("a", "t", "", ",\"edited_by\":\"" + role + "\""));
    }
    for (String type : List.of("text", "number", "integer", "boolean")) {
      assertDoesNotThrowParse(layer("a", "t", "{\"name\":\"c\",\"type\":\"" + type + "\"}", ""));
    }
  }

  static void assertDoesNotThrowParse(String layer) {
    try {
      parse("{\"collections\":[" + layer + "]}");
    } catch (Exception e) {
      throw new AssertionError(layer + " refused: " + e.getMessage(), e);
    }
  }

  @Test
  void onlyPlainLowerCaseIdentifiersReachTheSql() {
    assertEquals("area_mu", FeatureService.column("area_mu"));
    for (String bad : List.of("Area", "area mu", "1area", "area;--", "")) {
      assertThrows(IllegalArgumentException.class, () -> FeatureService.column(bad), bad);
    }
  }

  // -------------------------------------------------------------------------------------------
  // line citations

  static ApiError refused(String spec) {
    ApiError e = assertThrows(ApiError.class, () -> SourcesRoutes.parse(spec), spec);
    assertEquals("lines", e.parameter, spec);
    assertEquals(400, e.status);
    return e;
  }

  @Test
  void lineCitationsAreNumbersAndForwardRangesOfAtMostFortyLines() {
    assertEquals(List.of(939), SourcesRoutes.parse("939"));
    assertEquals(List.of(939, 1125, 1126, 1127), SourcesRoutes.parse("939, 1125-1127"));
    assertEquals(List.of(5, 5), SourcesRoutes.parse("5-5,5"));
    List<Integer> forty = SourcesRoutes.parse("1-40");
    assertEquals(40, forty.size());
    assertEquals(40, forty.get(39));
    assertTrue(refused("1-41").getMessage().contains("at most 40 lines at once"));
    assertTrue(refused("1-42").getMessage().contains("span at most 40"));
    assertTrue(refused("1-20,21-41").getMessage().contains("at most 40 lines at once"));
    assertEquals(40, SourcesRoutes.parse("1-20,21-40").size());
    assertTrue(refused("10-9").getMessage().contains("run forwards"));
    refused("abc");
    refused("");
    refused(null);
    refused("1,,2");
    ApiError big = refused("2147483648");
    assertTrue(big.getMessage().contains("line 2147483648 is beyond any document"), big.getMessage());
    ApiError huge = refused("123456789012345678901234567890");
    assertTrue(huge.getMessage().contains("line 12345678901234567890… is beyond"), huge.getMessage());
    assertTrue(refused("2147483600-2147483647").getMessage().contains("span at most 40"));
    assertEquals(List.of(2147483647), SourcesRoutes.parse("2147483647-2147483647"), "the last int line ends the loop");
  }
}
