package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;
import zoneatlas.layers.LayerCatalog;
import zoneatlas.testing.TestStores;

/**
 * A confidential column never reaches a role that may not see it, in any format or through any
 * parameter. The catalog has no confidential column yet, so the test serves the enterprises
 * layer with uscc and founded_year marked confidential, over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfidentialColumnsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  Services services;
  Javalin app;
  String planner;
  String officer;
  List<String> secrets = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    services = TestStores.services(TestStores.h2());
    Layer ent = LayerCatalog.load().get("enterprises").orElseThrow();
    List<Column> cols = new ArrayList<>();
    for (Column c : ent.columns()) {
      boolean secret = c.name().equals("uscc") || c.name().equals("founded_year");
      cols.add(new Column(c.name(), c.type(), c.titleZh(), c.titleEn(), secret));
    }
    List<Layer> layers = List.of(new Layer(ent.id(), ent.table(), ent.whereLayer(), ent.titleZh(), ent.titleEn(),
        ent.geometryType(), ent.description(), cols, ent.editedBy()));
    app = Javalin.create(cfg -> {
      cfg.staticFiles.enableWebjars();
      new FeaturesRoutes(services, layers).register(cfg.routes);
      new LandingRoutes(services, layers).register(cfg.routes);
      cfg.routes.exception(ApiError.class, (e, ctx) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code);
        m.put("parameter", e.parameter);
        m.put("description", e.getMessage());
        ctx.status(e.status).json(m);
      });
    }).start("127.0.0.1", 0);
    planner = services.auth.login("planner", TestStores.PASSWORD).orElseThrow();
    officer = services.auth.login("land_officer", TestStores.PASSWORD).orElseThrow();
    try (Connection c = TestStores.h2().connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT uscc FROM enterprises ORDER BY id LIMIT 5")) {
      while (rs.next()) {
        secrets.add(rs.getString(1));
      }
    }
    assertEquals(5, secrets.size());
  }

  @AfterAll
  void stop() {
    app.stop();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String firstId() throws Exception {
    return JSON.readTree(get("/collections/enterprises/items?limit=1", officer).body()).at("/features/0/id").asText();
  }

  @Test
  void rolesThatMayNotSeeThemGetNoConfidentialColumnInAnyFormat() throws Exception {
    String id = firstId();
    List<String> paths = List.of("/collections", "/collections?f=html", "/collections/enterprises",
        "/collections/enterprises?f=html", "/collections/enterprises/queryables", "/collections/enterprises/queryables?f=html",
        "/api", "/api?f=html", "/collections/enterprises/items?limit=5", "/collections/enterprises/items?limit=5&f=html",
        "/collections/enterprises/items/" + id, "/collections/enterprises/items/" + id + "?f=html");
    for (String token : new String[] {null, planner}) {
      for (String p : paths) {
        HttpResponse<String> r = get(p, token);
        assertEquals(200, r.statusCode(), p);
        assertFalse(r.body().contains("uscc"), p + " names uscc");
        assertFalse(r.body().contains("founded_year"), p + " names founded_year");
        for (String s : secrets) {
          assertFalse(r.body().contains(s), p + " shows a uscc value");
        }
      }
    }
    JsonNode page = JSON.readTree(get("/collections/enterprises/items?limit=5", planner).body());
    assertTrue(page.at("/features/0/properties").has("name_zh"), "the other properties are there");
  }

  @Test
  void filteringSortingOrQueryingOnThemBehavesAsOnAnUnknownProperty() throws Exception {
    for (String token : new String[] {null, planner}) {
      HttpResponse<String> f = get("/collections/enterprises/items?filter=" + enc("uscc = '" + secrets.get(0) + "'"), token);
      assertEquals(400, f.statusCode());
      assertTrue(f.body().contains("unknown property 'uscc'"), f.body());
      assertEquals(400, get("/collections/enterprises/items?filter=" + enc("founded_year > 2000"), token).statusCode());
      assertEquals(400, get("/collections/enterprises/items?filter=" + enc("uscc IS NULL OR zone = 'zzetdz'"), token).statusCode());
      HttpResponse<String> s = get("/collections/enterprises/items?sortby=-founded_year", token);
      assertEquals(400, s.statusCode());
      assertEquals("sortby", JSON.readTree(s.body()).path("parameter").asText());
      HttpResponse<String> q = get("/collections/enterprises/items?uscc=" + enc(secrets.get(0)), token);
      assertEquals(400, q.statusCode());
      assertEquals("UnknownParameter", JSON.readTree(q.body()).path("code").asText());
    }
  }

  @Test
  void rolesAllowedToSeeThemGetThemEverywhere() throws Exception {
    String id = firstId();
    JsonNode one = JSON.readTree(get("/collections/enterprises/items/" + id, officer).body());
    assertTrue(one.at("/properties/uscc").isTextual());
    assertTrue(get("/collections/enterprises/queryables", officer).body().contains("\"uscc\""));
    assertTrue(get("/api", officer).body().contains("\"uscc\""));
    // the first five by id, as the secrets were read
    String html = get("/collections/enterprises/items?limit=5&f=html", officer).body();
    for (String s : secrets) {
      assertTrue(html.contains(s), "HTML shows uscc " + s);
    }
    JsonNode byFilter = JSON.readTree(get("/collections/enterprises/items?filter=" + enc("uscc = '" + secrets.get(0) + "'"),
        officer).body());
    assertEquals(1, byFilter.path("numberMatched").asInt());
    JsonNode byParam = JSON.readTree(get("/collections/enterprises/items?uscc=" + enc(secrets.get(0)), officer).body());
    assertEquals(1, byParam.path("numberMatched").asInt());
    assertEquals(200, get("/collections/enterprises/items?sortby=-founded_year", officer).statusCode());
  }
}
