package zoneatlas.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.model.Enterprise;
import zoneatlas.store.DataWriter;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** POST /api/imports/figures on a store of its own: roles, raw and multipart bodies, all-or-nothing. */
class ImportRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String A = Files.uscc("91410100MA12345XA");
  static final String B = Files.uscc("91410700MA9ABCDE1");
  private static SqlStore store;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    store = TestStores.freshH2();
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      DataWriter w = new DataWriter(store, c);
      w.enterprises(List.of(
          new Enterprise("E-A", A, "合成示例·甲", "Synthetic A", "zzetdz", null, "装备", "规上", 2010, true, null),
          new Enterprise("E-B", B, "合成示例·乙", "Synthetic B", "zzetdz", null, "装备", "规下", 2015, true, null)));
      w.meta("data_version", "v0");
      c.commit();
    }
    server = new TestServer(store);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  private static HttpResponse<String> post(byte[] body, String contentType, String token, String query) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/imports/figures" + query))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static long rows() throws Exception {
    try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM enterprise_figures")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String version() throws Exception {
    try (Connection c = store.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT val FROM meta WHERE name = 'data_version'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void onlyLandOfficersAndAdminsMayImport() throws Exception {
    byte[] f = Files.csv("uscc,year,tax_wan\n" + A + ",2020,1\n");
    assertEquals(401, post(f, "text/csv", null, "").statusCode());
    assertEquals(403, post(f, "text/csv", server.token("planner"), "").statusCode());
    assertEquals(403, post(f, "text/csv", server.token("prospect"), "").statusCode());
  }

  @Test
  void aCleanCsvBodyIsUpsertedAndMovesTheDataVersion() throws Exception {
    String v = version();
    HttpResponse<String> r = post(Files.csv("统一社会信用代码,年份,税收,营业收入\n" + A + ",2022,10,100\n" + B + ",2022,20,\n"),
        "text/csv", server.token("land_officer"), "");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode j = JSON.readTree(r.body());
    assertTrue(j.get("ok").asBoolean());
    assertEquals(2, j.get("inserted").asInt() + j.get("updated").asInt());
    assertTrue(!v.equals(version()));
    HttpResponse<String> again = post(Files.csv("uscc,year,tax_wan\n" + A + ",2022,11\n"), "text/csv", server.token("admin"), "");
    assertEquals(1, JSON.readTree(again.body()).get("updated").asInt());
    try (Connection c = store.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT tax_wan, revenue_wan FROM enterprise_figures WHERE enterprise_id = 'E-A' AND year = 2022")) {
      rs.next();
      assertEquals(11, rs.getDouble(1));
      assertEquals(100, rs.getDouble(2), "the second file had no revenue column: kept");
    }
  }

  @Test
  void aFileWithOneBadRowWritesNothingAndListsTheErrors() throws Exception {
    long before = rows();
    String v = version();
    HttpResponse<String> r = post(Files.csv("uscc,year,tax_wan,employees\n" + A + ",2019,5,10\n" + B + ",2019,x,1.5\n"),
        "text/csv", server.token("admin"), "");
    assertEquals(400, r.statusCode());
    JsonNode j = JSON.readTree(r.body());
    assertEquals("InvalidImport", j.get("code").asText());
    assertEquals("file", j.get("parameter").asText());
    assertEquals(2, j.get("errors").size());
    assertEquals(3, j.get("errors").get(0).get("row").asInt());
    assertEquals("tax_wan", j.get("errors").get(0).get("column").asText());
    assertEquals("employees", j.get("errors").get(1).get("column").asText());
    assertEquals(before, rows());
    assertEquals(v, version());
  }

  @Test
  void anExcelWorkbookCanBeSentAsAMultipartForm() throws Exception {
    byte[] x = Files.xlsx(new Object[] {"统一社会信用代码", "年份", "增加值(万元)"}, new Object[] {B, 2021, 321.5});
    String boundary = "----za" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2021.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(x);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = post(body.toByteArray(), "multipart/form-data; boundary=" + boundary, server.token("admin"), "");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("xlsx", JSON.readTree(r.body()).get("format").asText());
    try (Connection c = store.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value_added_wan FROM enterprise_figures WHERE enterprise_id = 'E-B' AND year = 2021")) {
      rs.next();
      assertEquals(321.5, rs.getDouble(1));
    }
  }

  @Test
  void anEmptyBodyIsAClearError() throws Exception {
    HttpResponse<String> r = post(new byte[0], "text/csv", server.token("admin"), "");
    assertEquals(400, r.statusCode());
    assertEquals("file", JSON.readTree(r.body()).get("parameter").asText());
  }
}
