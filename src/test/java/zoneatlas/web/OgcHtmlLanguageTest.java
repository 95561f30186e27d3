package zoneatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The OGC API's HTML pages a planner opens from a link (a collection, its features, one feature)
 * read in one language, as the map does (issue 14): in Chinese no column name, code, file name,
 * system id or English sentence in the visible text (tags, scripts and styles stripped), with the
 * values in the map's words (status 在用, zone 新乡经开区, a park by its name, the source as
 * 《…》第…行); with {@code lang=en} the same pages in English, no Chinese in their own labels. The
 * checkers are {@link LanguageBrowserTest}'s.
 */
class OgcHtmlLanguageTest {
  static final ObjectMapper M = new ObjectMapper();
  static TestServer server;
  static String parcel;
  static String park;
  static String parkName;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(TestStores.h2());
    parcel = M.readTree(server.get("/collections/parcels/items?limit=1&status=in_use").body()).at("/features/0/id").asText();
    JsonNode p = M.readTree(server.get("/collections/industrial-parks/items?limit=1").body()).at("/features/0");
    park = p.path("id").asText();
    parkName = p.at("/properties/name_zh").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The text a reader sees: the title and the body without tags, scripts and styles, entities decoded. */
  static String visible(String html) {
    String title = "";
    Matcher t = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html);
    if (t.find()) {
      title = t.group(1);
    }
    String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script[^>]*>.*?</script>", " ")
        .replaceAll("(?s)<style[^>]*>.*?</style>", " ").replaceAll("<br>", "\n").replaceAll("</(td|th|p|li|h1|h2|tr|nav|header)>", "\n")
        .replaceAll("<[^>]+>", " ");
    return (title + "\n" + body).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\n")) {
      if (!l.isBlank()) {
        out.add(l.trim());
      }
    }
    return out;
  }

  /** The table headings and the h1 of a page: its own labels. */
  static List<String> labels(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<(th|h1|h2)>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(m.group(2).replaceAll("<[^>]+>", " ").trim());
    }
    return out;
  }

  static String page(String path) {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    return r.body();
  }

  List<String> pages(String lang) {
    String q = "en".equals(lang) ? "&lang=en" : "";
    return List.of(
        "/collections?f=html" + q,
        "/collections/industrial-parks?f=html" + q,
        "/collections/parcels?f=html" + q,
        "/collections/industrial-parks/items?f=html&limit=30" + q,
        "/collections/infrastructure/items?f=html&limit=30" + q,
        "/collections/parcels/items?f=html&limit=30" + q,
        "/collections/enterprises/items?f=html&limit=10" + q,
        "/collections/industrial-parks/items/" + park + "?f=html" + q,
        "/collections/parcels/items/" + parcel + "?f=html" + q);
  }

  @Test
  void theCollectionItsFeaturesAndAFeatureReadInChinese() {
    List<String> problems = new ArrayList<>();
    for (String path : pages("zh")) {
      String html = page(path);
      for (String p : LanguageBrowserTest.problemsZh(lines(visible(html)))) {
        problems.add(path + ": " + p);
      }
    }
    assertEquals(List.of(), problems, "what a Chinese reader would meet");

    String parcelPage = visible(page("/collections/parcels/items/" + parcel + "?f=html"));
    assertTrue(parcelPage.contains(ParcelTitle.zh(parcel)), "the parcel by its zone and number: " + parcelPage);
    assertTrue(parcelPage.contains("在用"), "the status in words: " + parcelPage);
    assertTrue(parcelPage.contains("用地分类"), "the columns by their Chinese titles: " + parcelPage);
    String parkPage = visible(page("/collections/industrial-parks/items/" + park + "?f=html"));
    assertTrue(parkPage.contains(parkName), parkPage);
    assertTrue(Pattern.compile("《[^》]+》第[0-9、–-]+行").matcher(parkPage).find(), "the source as a citation: " + parkPage);
    String parcels = visible(page("/collections/parcels/items?f=html&limit=30"));
    assertTrue(parcels.contains("号地块") && !parcels.contains(parcel), "parcels named by number, never by id");
  }

  @Test
  void withLangEnTheSamePagesReadInEnglish() {
    List<String> problems = new ArrayList<>();
    for (String path : pages("en")) {
      String html = page(path);
      assertTrue(html.contains("<html lang=\"en\">"), path);
      for (String p : LanguageBrowserTest.problemsEn(lines(visible(html)), labels(html))) {
        problems.add(path + ": " + p);
      }
    }
    assertEquals(List.of(), problems, "what an English reader would meet");
    String parcelPage = visible(page("/collections/parcels/items/" + parcel + "?f=html&lang=en"));
    assertTrue(parcelPage.contains(ParcelTitle.en(parcel)) && parcelPage.contains("in use"), parcelPage);
    // each page links to itself in the other language, and the pages link on in theirs
    String zh = page("/collections/parcels/items?f=html&limit=5");
    assertTrue(zh.contains("/collections/parcels/items?f=html&amp;limit=5&amp;lang=en"), "a switch to English");
    assertTrue(page("/collections/parcels/items?f=html&limit=5&lang=en").contains("?f=html&amp;lang=en\""),
        "English pages link to English pages");
    assertEquals(400, server.get("/collections/parcels?f=html&lang=fr").statusCode(), "an unknown language is refused");
  }
}
