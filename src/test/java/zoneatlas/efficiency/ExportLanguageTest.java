package zoneatlas.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The 亩均 downloads read in the reader's language: a Chinese spreadsheet has Chinese headers,
 * zone and park names instead of their ids, status and reason words instead of codes, 是/否,
 * citations instead of file names, areas to two decimals of 亩, and a Chinese file name (with an
 * ASCII fallback); an English one the same in English.
 */
class ExportLanguageTest {
  /** What a code looks like in a cell: an id, a snake_case word, a file name, an English boolean. */
  static final Pattern CODE = Pattern.compile(
      "(zzetdz|zzhitech|xxetdz)-|^(zzetdz|zzhitech|xxetdz)$|\\b[a-z]+_[a-z_]+\\b|\\.txt\\b|^(true|false)$|^(industrial-park|core-board|zone)$");
  static final Pattern ENGLISH_WORDS = Pattern.compile("[A-Za-z]{3,}( [A-Za-z]{2,}){2,}");
  static TestServer server;
  static String officer;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    officer = token("land_officer");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String token(String user) throws Exception {
    HttpResponse<String> r = server.post("/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + TestStores.PASSWORD + "\"}", null);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Authorization", "Bearer " + officer).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static List<CSVRecord> csv(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    String text = r.body().startsWith("\uFEFF") ? r.body().substring(1) : r.body();
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
  }

  static void noCodes(List<CSVRecord> rows, String what) {
    assertFalse(rows.isEmpty(), what);
    for (String h : rows.get(0).getParser().getHeaderNames()) {
      assertFalse(ENGLISH_WORDS.matcher(h).find() || h.matches(".*[A-Za-z]{4,}.*"), what + ": English header " + h);
    }
    for (CSVRecord r : rows) {
      for (String cell : r) {
        assertFalse(CODE.matcher(cell).find(), what + ": a code in the Chinese export: '" + cell + "' in " + r);
        assertFalse(ENGLISH_WORDS.matcher(cell).find(), what + ": English in the Chinese export: '" + cell + "'");
      }
    }
  }

  @Test
  void chineseDownloadsHaveNoCodesNoEnglishAndTwoDecimalAreas() throws Exception {
    for (String q : List.of("indicators?level=industrial-park", "indicators?level=zone", "indicators?level=parcel",
        "indicators?level=enterprise", "low-efficiency?unit=mu", "classes?x=1", "targets?x=1", "trend?level=zone")) {
      String path = "/api/efficiency/" + q.replace("?x=1", "?") + (q.endsWith("?x=1") ? "" : "&") + "format=csv&lang=zh";
      noCodes(csv(get(path.replace("?&", "?"))), q);
    }
    List<CSVRecord> parks = csv(get("/api/efficiency/indicators?level=industrial-park&format=csv"));
    CSVRecord first = parks.get(0);
    assertTrue(first.get("层级").equals("产业园区"), first.toString());
    assertTrue(first.get("开发区").endsWith("开发区") || first.get("开发区").contains("高新区"), first.get("开发区"));
    assertTrue(first.get("地块面积 (亩)").matches("\\d+\\.\\d{2}"), first.get("地块面积 (亩)"));
    List<CSVRecord> targets = csv(get("/api/efficiency/targets?format=csv"));
    assertTrue(targets.get(0).get("规划依据").matches("《.+纲要》第[\\d、–]+行"), targets.get(0).get("规划依据"));
  }

  @Test
  void englishDownloadsHaveEnglishHeadersNamesAndUnits() throws Exception {
    List<CSVRecord> parks = csv(get("/api/efficiency/indicators?level=industrial-park&format=csv&lang=en"));
    List<String> headers = parks.get(0).getParser().getHeaderNames();
    assertTrue(headers.contains("Parcel area (mu)"), headers.toString());
    for (String h : headers) {
      assertFalse(h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
          && !h.equals("Name (Chinese)"), "Chinese in an English header: " + h);
    }
    assertEquals("Industrial park", parks.get(0).get("Level"));
    assertTrue(parks.get(0).get("Zone").matches("[A-Za-z ()-]+"), parks.get(0).get("Zone"));
    List<CSVRecord> low = csv(get("/api/efficiency/low-efficiency?format=csv&lang=en"));
    assertTrue(low.get(0).get("Status").matches("[a-z, ]+"), low.get(0).get("Status"));
  }

  @Test
  void fileAndSheetNamesAreInTheReadersLanguageWithAnAsciiFallback() throws Exception {
    HttpResponse<String> zh = get("/api/efficiency/indicators?level=industrial-park&format=csv");
    String cd = zh.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(cd.startsWith("attachment; filename=\"efficiency-indicators-industrial-park-"), cd);
    String star = java.net.URLDecoder.decode(cd.substring(cd.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    assertTrue(star.startsWith("亩均效益_产业园区亩均效益_") && star.endsWith(".csv") && star.contains("年_"), star);
    HttpResponse<String> en = get("/api/efficiency/indicators?level=industrial-park&format=xlsx&lang=en");
    String ecd = en.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(ecd.contains("filename*=UTF-8''mu-efficiency_"), ecd);
    assertEquals("产业园区亩均效益", ExportView.sheetName(new Table("indicators-industrial-park", List.of(), List.of(), java.util.Map.of()), "zh"));
    assertEquals("低效用地清单", ExportView.sheetName(new Table("low-efficiency", List.of(), List.of(), java.util.Map.of()), "zh"));
  }
}
