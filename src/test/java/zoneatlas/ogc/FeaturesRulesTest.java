package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * The items and item resources as a client uses them, over HTTP on the demo data, in a few broad
 * tests (one server for the class: cheap under PIT, which runs each test on its own): pages, their
 * counts and links, limits, bbox in each CRS, output CRS, filters, sortby, property values, errors
 * that name the parameter, one feature with its ETag and land uses, the HTML pages in either
 * language, the collections, queryables and the landing resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturesRulesTest {
  static final ObjectMapper M = new ObjectMapper();
  TestServer server;

  @BeforeAll
  void start() {
    server = new TestServer(TestStores.h2());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> get(String path, String... headers) {
    return server.request("GET", path, null, null, headers);
  }

  JsonNode json(String path, String... headers) throws Exception {
    HttpResponse<String> r = get(path, headers);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return M.readTree(r.body());
  }

  /** A 400 (or other) error as JSON naming the parameter. */
  void refused(String path, int status, String parameter) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), path + " -> " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    JsonNode e = M.readTree(r.body());
    if (parameter != null) {
      assertEquals(parameter, e.path("parameter").asText(), path + " -> " + r.body());
    }
    assertFalse(r.body().contains("at zoneatlas."), "no stack trace");
  }

  static long db(String sql, Object... params) throws Exception {
    try (Connection c = TestStores.h2().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String text(String sql, Object... params) throws Exception {
    try (Connection c = TestStores.h2().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static String link(JsonNode doc, String rel) {
    for (JsonNode l : doc.path("links")) {
      if (l.path("rel").asText().equals(rel)) {
        return l.path("href").asText();
      }
    }
    return null;
  }

  /** The path and query of a link this server wrote. */
  String rel(String href) {
    assertTrue(href.startsWith(server.base()), href);
    return href.substring(server.base().length());
  }

  static List<String> ids(JsonNode fc) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : fc.path("features")) {
      out.add(f.path("id").asText());
    }
    return out;
  }

  /** The href of a pager link of an HTML page. */
  static String pagerLink(String page, String label) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\">" + java.util.regex.Pattern.quote(label) + "</a>")
        .matcher(page);
    assertTrue(m.find(), "no " + label + " link");
    return m.group(1);
  }

  /** minx, miny, maxx, maxy of a geometry's coordinates, in the order they are written. */
  static double[] bounds(JsonNode coords) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    if (coords.isArray() && coords.size() >= 2 && coords.get(0).isNumber()) {
      b[0] = Math.min(b[0], coords.get(0).asDouble());
      b[1] = Math.min(b[1], coords.get(1).asDouble());
      b[2] = Math.max(b[2], coords.get(0).asDouble());
      b[3] = Math.max(b[3], coords.get(1).asDouble());
      return b;
    }
    for (JsonNode c : coords) {
      double[] i = bounds(c);
      b[0] = Math.min(b[0], i[0]);
      b[1] = Math.min(b[1], i[1]);
      b[2] = Math.max(b[2], i[2]);
      b[3] = Math.max(b[3], i[3]);
    }
    return b;
  }

  static String query(String href) {
    int q = href.indexOf('?');
    return q < 0 ? "" : href.substring(q + 1);
  }

  @Test
  void pagesCountExactlyAndLinkToTheirNeighbours() throws Exception {
    long total = db("SELECT COUNT(*) FROM parcels");
    JsonNode p1 = json("/collections/parcels/items?limit=7");
    assertEquals(7, p1.path("numberReturned").asInt());
    assertEquals(7, ids(p1).size());
    assertEquals(total, p1.path("numberMatched").asLong());
    assertEquals("FeatureCollection", p1.path("type").asText());
    assertTrue(p1.path("timeStamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), p1.path("timeStamp").asText());
    assertEquals(server.base() + "/collections/parcels/items?limit=7", link(p1, "self"));
    assertEquals(server.base() + "/collections/parcels/items?limit=7&f=html", link(p1, "alternate"));
    assertEquals(server.base() + "/collections/parcels", link(p1, "collection"));
    for (JsonNode l : p1.path("links")) {
      String t = l.path("type").asText();
      switch (l.path("rel").asText()) {
        case "self", "next" -> assertEquals("application/geo+json", t);
        case "alternate" -> assertEquals("text/html", t);
        case "collection" -> assertEquals("application/json", t);
        default -> throw new AssertionError(l.toString());
      }
      assertTrue(l.path("title").asText().matches("\\p{IsHan}+ .+"), "a Chinese then English title: " + l);
    }
    assertNull(link(p1, "prev"), "the first page has no previous one");
    String next = link(p1, "next");
    assertTrue(query(next).startsWith("limit=7&cursor="), next);
    JsonNode p2 = json(rel(next));
    assertEquals(total, p2.path("numberMatched").asLong(), "a keyset page of the whole layer knows the count too");
    assertEquals(7, ids(p2).size());
    assertTrue(ids(p2).get(0).compareTo(ids(p1).get(6)) > 0, "the next page starts after the last id");
    assertEquals(server.base() + "/collections/parcels/items?limit=7&offset=0", link(p2, "prev"));
    JsonNode p3 = json(rel(link(p2, "next")));
    assertEquals(server.base() + "/collections/parcels/items?limit=7&offset=7", link(p3, "prev"));
    JsonNode byOffset = json("/collections/parcels/items?limit=7&offset=14");
    assertEquals(ids(p3), ids(byOffset), "a cursor and an offset reach the same page");

    // sorted: pages by offset, both ways
    JsonNode s = json("/collections/parcels/items?limit=3&offset=5&sortby=-area_m2");
    assertEquals(server.base() + "/collections/parcels/items?limit=3&sortby=-area_m2&offset=8", link(s, "next"));
    assertEquals(server.base() + "/collections/parcels/items?limit=3&sortby=-area_m2&offset=2", link(s, "prev"));
    JsonNode s0 = json("/collections/parcels/items?limit=3&offset=1&sortby=-area_m2");
    assertEquals(server.base() + "/collections/parcels/items?limit=3&sortby=-area_m2&offset=0", link(s0, "prev"));
    double prevArea = Double.MAX_VALUE;
    for (JsonNode f : s.path("features")) {
      double a = f.path("properties").path("area_m2").asDouble();
      assertTrue(a <= prevArea, "descending");
      prevArea = a;
    }

    // the last page, and past it
    JsonNode last = json("/collections/parcels/items?limit=5&offset=" + (total - 2));
    assertEquals(2, last.path("numberReturned").asInt());
    assertEquals(total, last.path("numberMatched").asLong());
    assertNull(link(last, "next"));
    JsonNode exact = json("/collections/parcels/items?limit=5&offset=" + (total - 5));
    assertEquals(5, exact.path("numberReturned").asInt());
    assertNull(link(exact, "next"), "a page that ends exactly at the last feature has no next");
    JsonNode past = json("/collections/parcels/items?limit=5&offset=" + (total + 10));
    assertEquals(0, past.path("numberReturned").asInt());
    assertEquals(total, past.path("numberMatched").asLong(), "past the end the count is still the layer's");
    assertNull(link(past, "next"));

    // filtered: the count is the filter's, on every page
    long xx = db("SELECT COUNT(*) FROM parcels WHERE zone = 'xxetdz'");
    assertTrue(xx > 10 && xx < total);
    JsonNode f1 = json("/collections/parcels/items?zone=xxetdz&limit=4");
    assertEquals(xx, f1.path("numberMatched").asLong());
    JsonNode f2 = json(rel(link(f1, "next")));
    assertEquals(xx, f2.path("numberMatched").asLong(), "a keyset page of a filter counts the filter");
    assertTrue(query(link(f1, "next")).startsWith("zone=xxetdz&limit=4&cursor="), link(f1, "next"));
    JsonNode f3 = json("/collections/parcels/items?zone=xxetdz&limit=4&offset=4");
    assertEquals(xx, f3.path("numberMatched").asLong());
    assertEquals(ids(f2), ids(f3));
    JsonNode fPast = json("/collections/parcels/items?zone=xxetdz&limit=4&offset=" + (xx + 3));
    assertEquals(xx, fPast.path("numberMatched").asLong());
    for (JsonNode f : f1.path("features")) {
      assertEquals("xxetdz", f.path("properties").path("zone").asText());
    }
    // the last page reached by its cursor: the count is still every match, not what the page holds
    JsonNode all = json("/collections/parcels/items?zone=xxetdz&limit=" + (xx - 2));
    JsonNode tail = json(rel(link(all, "next")));
    assertEquals(2, tail.path("numberReturned").asInt());
    assertEquals(xx, tail.path("numberMatched").asLong());
    assertNull(link(tail, "next"));
    // as of an instant before the data: past the end of nothing, the count is of then, not of now
    JsonNode then = json("/collections/parcels/items?datetime=2001-01-01&offset=5");
    assertEquals(0, then.path("numberReturned").asInt());
    assertEquals(0, then.path("numberMatched").asInt());
  }

  @Test
  void limitsHaveADefaultAndAreCapped() throws Exception {
    assertEquals(100, json("/collections/parcels/items").path("numberReturned").asInt());
    assertEquals(db("SELECT COUNT(*) FROM enterprises"), json("/collections/enterprises/items?limit=20000").path("numberReturned")
        .asLong(), "every enterprise fits under the cap of 10000");
    String html = get("/collections/parcels/items?f=html&limit=100000").body();
    assertEquals(500, html.split("<tr><td><a href=\"/collections/parcels/items/").length - 1, "an HTML page takes at most 500");
    assertTrue(html.contains("limit=500"), "its next link says so");
    String small = get("/collections/parcels/items?f=html&limit=3&offset=3").body();
    assertEquals(3, small.split("<tr><td><a href=\"/collections/parcels/items/").length - 1);
    assertTrue(pagerLink(small, "‹ 上一页").contains("offset=0"), small);
    assertTrue(small.contains("下一页 ›"));
    refused("/collections/parcels/items?limit=0", 400, "limit");
    refused("/collections/parcels/items?limit=x", 400, "limit");
    refused("/collections/parcels/items?offset=-1", 400, "offset");
  }

  @Test
  void bboxSelectsInEveryCrsAndOutputCoordinatesFollowTheCrsAsked() throws Exception {
    String box = "113.74,34.74,113.76,34.76";
    JsonNode crs84 = json("/collections/parcels/items?limit=5000&bbox=" + box);
    int n = crs84.path("numberReturned").asInt();
    assertTrue(n > 0, "the demo parcels lie in the box");
    assertEquals(n, crs84.path("numberMatched").asInt());
    long all = db("SELECT COUNT(*) FROM parcels");
    assertTrue(n < all);
    assertEquals(ids(crs84), ids(json("/collections/parcels/items?limit=5000&bbox=34.74,113.74,34.76,113.76&bbox-crs="
        + enc(Crs.Def.EPSG_4326.uri))), "EPSG:4326: latitude first");
    assertEquals(ids(crs84), ids(json("/collections/parcels/items?limit=5000&bbox=34.74,113.74,34.76,113.76&bbox-crs=EPSG:4490")));
    // the same rectangle in Web Mercator metres
    double x0 = Math.toRadians(113.74) * 6378137;
    double x1 = Math.toRadians(113.76) * 6378137;
    double y0 = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(34.74) / 2)) * 6378137;
    double y1 = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(34.76) / 2)) * 6378137;
    JsonNode merc = json("/collections/parcels/items?limit=5000&bbox=" + x0 + "," + y0 + "," + x1 + "," + y1
        + "&bbox-crs=" + enc(Crs.Def.EPSG_3857.uri));
    assertEquals(ids(crs84), ids(merc));
    // Gauss-Kruger metres (northing first): a box around Zhengzhou holds most of what the lon/lat box does
    JsonNode gk = json("/collections/parcels/items?limit=5000&bbox=3845000,475000,3849000,480000&bbox-crs=EPSG:4547");
    assertTrue(gk.path("numberReturned").asInt() > 0, gk.toString().substring(0, 200));
    assertTrue(gk.path("numberReturned").asInt() < all);
    assertEquals(gk.path("numberReturned").asInt(), gk.path("numberMatched").asInt());
    // across the antimeridian: from 113 E eastwards to 170 W
    JsonNode wide = json("/collections/parcels/items?limit=1&bbox=113.0,34.0,-170.0,36.0");
    assertTrue(wide.path("numberMatched").asInt() > n, "the box crossing 180 holds Zhengzhou");
    assertEquals(0, json("/collections/parcels/items?bbox=170,34,-170,36").path("numberMatched").asInt());
    assertEquals(all, json("/collections/parcels/items?limit=1&bbox=-180,-90,180,90").path("numberMatched").asLong(),
        "the whole world, edges included");
    assertEquals(200, get("/collections/parcels/items?limit=1&bbox=180,34,-170,36").statusCode(), "from the antimeridian");
    assertEquals(200, get("/collections/parcels/items?limit=1&bbox=170,34,-180,36").statusCode(), "to the antimeridian");
    assertEquals(server.base() + "/collections/parcels/items?limit=5000&bbox=113.74,34.74,113.76,34.76", link(crs84, "self"),
        "commas stay commas in links");
    refused("/collections/parcels/items?bbox=181,34,182,35", 400, "bbox");
    refused("/collections/parcels/items?bbox=-182,34,-181,35", 400, "bbox");
    refused("/collections/parcels/items?bbox=113,-91,114,35", 400, "bbox");
    refused("/collections/parcels/items?bbox=113,34,114,91", 400, "bbox");
    refused("/collections/parcels/items?bbox=1,2,3", 400, "bbox");
    refused("/collections/parcels/items?bbox=1,2,3,4&bbox-crs=EPSG:9999", 400, "bbox-crs");

    String id = ids(crs84).get(0);
    HttpResponse<String> lonLat = get("/collections/parcels/items/" + id);
    assertEquals("<" + Crs.Def.CRS84.uri + ">", lonLat.headers().firstValue("Content-Crs").orElse(null));
    double[] b84 = bounds(M.readTree(lonLat.body()).path("geometry").path("coordinates"));
    HttpResponse<String> latLon = get("/collections/parcels/items/" + id + "?crs=" + enc(Crs.Def.EPSG_4326.uri));
    assertEquals("<" + Crs.Def.EPSG_4326.uri + ">", latLon.headers().firstValue("Content-Crs").orElse(null));
    double[] b4326 = bounds(M.readTree(latLon.body()).path("geometry").path("coordinates"));
    assertEquals(b84[0], b4326[1], 1e-9, "latitude first");
    assertEquals(b84[1], b4326[0], 1e-9);
    assertEquals(b84[2], b4326[3], 1e-9);
    double[] b3857 = bounds(M.readTree(get("/collections/parcels/items/" + id + "?crs=EPSG:3857").body())
        .path("geometry").path("coordinates"));
    assertEquals(Math.toRadians(b84[0]) * 6378137, b3857[0], 1.0);
    HttpResponse<String> page = get("/collections/parcels/items?limit=2&crs=EPSG:3857");
    assertEquals("<" + Crs.Def.EPSG_3857.uri + ">", page.headers().firstValue("Content-Crs").orElse(null));
    double x = M.readTree(page.body()).path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
    assertTrue(x > 1.2e7 && x < 1.3e7, "metres: " + x);
    refused("/collections/parcels/items?crs=EPSG:9999", 400, "crs");
    refused("/collections/parcels/items/" + id + "?crs=EPSG:9999", 400, "crs");
  }

  @Test
  void filtersSortbyAndPropertyValuesSelectAndRefuseByName() throws Exception {
    long xx = db("SELECT COUNT(*) FROM parcels WHERE zone = 'xxetdz'");
    assertEquals(xx, json("/collections/parcels/items?limit=1&filter=" + enc("zone = 'xxetdz'")).path("numberMatched").asLong());
    assertEquals(xx, json("/collections/parcels/items?limit=1&filter-lang=cql-text&filter=" + enc("zone = 'xxetdz'"))
        .path("numberMatched").asLong());
    assertEquals(xx, json("/collections/parcels/items?limit=1&filter-lang=cql2-text&filter=" + enc("zone = 'xxetdz'"))
        .path("numberMatched").asLong());
    long both = db("SELECT COUNT(*) FROM parcels WHERE zone = 'xxetdz' AND area_m2 > 20000");
    assertEquals(both, json("/collections/parcels/items?limit=1&zone=xxetdz&filter=" + enc("area_m2 > 20000"))
        .path("numberMatched").asLong(), "a property value and a filter together");
    assertEquals(db("SELECT COUNT(*) FROM parcels WHERE area_m2 > 20000 AND supply_year = 2015"),
        json("/collections/parcels/items?limit=1&supply_year=2015&filter=" + enc("area_m2 > 20000"))
            .path("numberMatched").asLong());
    String box = "S_INTERSECTS(geom, BBOX(34.70,113.70,34.80,113.80))";
    long inBox = json("/collections/parcels/items?limit=1&bbox=113.70,34.70,113.80,34.80").path("numberMatched").asLong();
    assertEquals(inBox, json("/collections/parcels/items?limit=1&filter-crs=" + enc(Crs.Def.EPSG_4326.uri) + "&filter="
        + enc(box)).path("numberMatched").asLong(), "filter-crs: the literal's axis order");
    assertEquals(inBox, json("/collections/parcels/items?limit=1&bbox=113.70,34.70,113.80,34.80&filter=" + enc("area_m2 > 0"))
        .path("numberMatched").asLong(), "bbox with a filter");
    assertEquals(server.base() + "/collections/parcels/items?limit=1&filter=zone%20%3D%20%27xxetdz%27",
        link(json("/collections/parcels/items?limit=1&filter=" + enc("zone = 'xxetdz'")), "self"), "spaces as %20 in links");
    refused("/collections/parcels/items?filter-lang=cql2-json&filter=" + enc("zone = 'x'"), 400, "filter-lang");
    refused("/collections/parcels/items?filter=" + enc("zone = "), 400, "filter");
    refused("/collections/parcels/items?filter-crs=EPSG:1&filter=" + enc("zone = 'x'"), 400, "filter-crs");

    String id = ids(json("/collections/parcels/items?limit=1")).get(0);
    JsonNode one = json("/collections/parcels/items?id=" + enc(id));
    assertEquals(List.of(id), ids(one));
    assertEquals(1, one.path("numberMatched").asInt());
    assertEquals(0, json("/collections/parcels/items?id=nope").path("numberMatched").asInt());
    assertEquals(db("SELECT COUNT(*) FROM parcels WHERE synthetic = TRUE"),
        json("/collections/parcels/items?limit=1&synthetic=true").path("numberMatched").asLong());
    assertEquals(0, json("/collections/parcels/items?limit=1&synthetic=false").path("numberMatched").asLong());
    long big = db("SELECT COUNT(*) FROM parcels WHERE far = 1.5");
    assertEquals(big, json("/collections/parcels/items?limit=1&far=1.5").path("numberMatched").asLong());
    refused("/collections/parcels/items?synthetic=yes", 400, "synthetic");
    refused("/collections/parcels/items?supply_year=2015.5", 400, "supply_year");
    refused("/collections/parcels/items?far=much", 400, "far");
    refused("/collections/parcels/items?colour=red", 400, "colour");
    refused("/collections/parcels/items?datetime=yesterday", 400, "datetime");

    JsonNode up = json("/collections/parcels/items?limit=20&sortby=%2Barea_m2");
    JsonNode upSpace = json("/collections/parcels/items?limit=20&sortby=+area_m2");
    assertEquals(ids(up), ids(upSpace), "an unencoded + is a space, still ascending");
    double prev = -1;
    for (JsonNode f : up.path("features")) {
      double a = f.path("properties").path("area_m2").asDouble();
      assertTrue(a >= prev);
      prev = a;
    }
    refused("/collections/parcels/items?sortby=tax", 400, "sortby");
    String cursor = query(link(json("/collections/parcels/items?limit=2"), "next")).replaceAll(".*cursor=", "");
    refused("/collections/parcels/items?sortby=area_m2&cursor=" + cursor, 400, "cursor");
    refused("/collections/parcels/items?offset=2&cursor=" + cursor, 400, "cursor");
    refused("/collections/parcels/items?cursor=garbage", 400, "cursor");
    refused("/collections/nowhere/items", 404, null);
  }

  @Test
  void oneFeatureHasItsLinksItsTagAndItsLandUses() throws Exception {
    String eid = text("SELECT enterprise_id FROM land_uses WHERE since_year IS NOT NULL ORDER BY enterprise_id LIMIT 1");
    String pid = text("SELECT parcel_id FROM land_uses WHERE enterprise_id = ? ORDER BY parcel_id LIMIT 1", eid);
    JsonNode e = json("/collections/enterprises/items/" + enc(eid));
    assertEquals(db("SELECT COUNT(*) FROM land_uses WHERE enterprise_id = ?", eid), e.path("properties").path("land_uses").size());
    JsonNode lu = e.path("properties").path("land_uses").get(0);
    assertEquals(pid, lu.path("parcel_id").asText(), e.path("properties").path("land_uses").toString());
    assertTrue(lu.has("role") && lu.has("share") && lu.path("since_year").isNumber(), lu.toString());
    assertFalse(lu.has("enterprise_id"));
    String noYear = text("SELECT enterprise_id FROM land_uses WHERE since_year IS NULL ORDER BY enterprise_id LIMIT 1");
    if (noYear != null) {
      for (JsonNode l : json("/collections/enterprises/items/" + enc(noYear)).path("properties").path("land_uses")) {
        assertTrue(l.has("since_year"), "a missing year is null, not left out");
      }
    }
    HttpResponse<String> r = get("/collections/parcels/items/" + enc(pid));
    assertEquals(200, r.statusCode());
    assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode p = M.readTree(r.body());
    assertEquals(pid, p.path("id").asText());
    boolean found = false;
    for (JsonNode pl : p.path("properties").path("land_uses")) {
      if (pl.path("enterprise_id").asText().equals(eid)) {
        found = true;
        assertFalse(pl.path("enterprise_name_zh").asText().isBlank());
        assertTrue(pl.has("enterprise_name_en") && pl.has("role") && pl.has("share"));
        assertFalse(pl.has("parcel_id"));
      }
    }
    assertTrue(found, "the parcel names the enterprise that uses it: " + p.path("properties").path("land_uses"));
    String self = server.base() + "/collections/parcels/items/" + enc(pid);
    assertEquals(self, link(p, "self"));
    assertEquals(self + "?f=html", link(p, "alternate"));
    assertEquals(server.base() + "/collections/parcels", link(p, "collection"));
    assertEquals(self + "?crs=EPSG%3A3857", link(json("/collections/parcels/items/" + enc(pid) + "?crs=EPSG:3857"), "self")
        .replace("EPSG:3857", "EPSG%3A3857"));
    JsonNode zone = json("/collections/zones/items/" + enc(ids(json("/collections/zones/items?limit=1")).get(0)));
    assertFalse(zone.path("properties").has("land_uses"), "a plan feature has no land uses");

    // the tag: per version and representation; a client's copy is current with 304
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\""), etag);
    assertEquals("public, max-age=0, must-revalidate", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("Accept, Accept-Encoding", r.headers().firstValue("Vary").orElse(null));
    HttpResponse<String> same = get("/collections/parcels/items/" + enc(pid), "If-None-Match", etag);
    assertEquals(304, same.statusCode());
    assertEquals("", same.body());
    assertEquals(200, get("/collections/parcels/items/" + enc(pid), "If-None-Match", "\"other\"").statusCode());
    // a cache holding several copies sends all their tags; a weak comparison is fine for a GET
    assertEquals(304, get("/collections/parcels/items/" + enc(pid), "If-None-Match", "\"other\", " + etag).statusCode());
    assertEquals(304, get("/collections/parcels/items/" + enc(pid), "If-None-Match", "W/" + etag).statusCode());
    assertEquals(304, server.request("HEAD", "/collections/parcels/items/" + enc(pid), null, null, "If-None-Match",
        "\"other\", " + etag).statusCode());
    String html = get("/collections/parcels/items/" + enc(pid) + "?f=html").headers().firstValue("ETag").orElseThrow();
    String htmlEn = get("/collections/parcels/items/" + enc(pid) + "?f=html&lang=en").headers().firstValue("ETag").orElseThrow();
    String merc = get("/collections/parcels/items/" + enc(pid) + "?crs=EPSG:3857").headers().firstValue("ETag").orElseThrow();
    assertEquals(4, java.util.Set.of(etag, html, htmlEn, merc).size(), "each representation its own tag");
    assertEquals(etag, get("/collections/parcels/items/" + enc(pid) + "?lang=en").headers().firstValue("ETag").orElseThrow(),
        "JSON ignores lang");
    String officer = server.request("GET", "/collections/parcels/items/" + enc(pid), null, server.token("land_officer"))
        .headers().firstValue("ETag").orElseThrow();
    assertNotEquals(etag, officer, "a role that sees confidential figures gets its own tag");
    HttpResponse<String> signedIn = server.request("GET", "/collections/parcels/items/" + enc(pid), null, server.token("planner"));
    assertEquals("private, max-age=0, must-revalidate", signedIn.headers().firstValue("Cache-Control").orElse(null),
        "an answer to a signed-in caller is not for shared caches");
    for (JsonNode l : p.path("links")) {
      assertFalse(l.path("type").asText().isEmpty(), l.toString());
      assertFalse(l.path("title").asText().isEmpty(), l.toString());
    }
    HttpResponse<String> head = server.request("HEAD", "/collections/parcels/items/" + enc(pid), null, null);
    assertEquals(200, head.statusCode());
    assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
    assertEquals("public, max-age=0, must-revalidate", head.headers().firstValue("Cache-Control").orElse(null),
        "a HEAD says what a GET would about caching");
    assertEquals(304, server.request("HEAD", "/collections/parcels/items/" + enc(pid), null, null, "If-None-Match", etag)
        .statusCode());
    HttpResponse<String> headItems = server.request("HEAD", "/collections/parcels/items?limit=1", null, null);
    assertEquals(200, headItems.statusCode());

    HttpResponse<String> gone = get("/collections/parcels/items/no-such-parcel");
    assertEquals(404, gone.statusCode());
    assertTrue(gone.body().contains("no feature 'no-such-parcel' in collection 'parcels'"), gone.body());
    HttpResponse<String> before = get("/collections/parcels/items/" + enc(pid) + "?datetime=2001-01-01");
    assertEquals(404, before.statusCode(), "before the demo data existed");
    assertTrue(before.body().contains(" at 2001-01-01T15:59:59.999999Z"), before.body());
    assertEquals(200, get("/collections/parcels/items/" + enc(pid) + "?datetime=2200-01-01").statusCode());
    assertEquals(0, json("/collections/parcels/items?datetime=2001-01-01").path("numberMatched").asInt());
    refused("/collections/parcels/items/" + enc(pid) + "?limit=3", 400, "limit");
    refused("/collections/parcels/items/" + enc(pid) + "?f=xml", 400, "f");
    refused("/collections/parcels/items/" + enc(pid) + "?f=html&lang=fr", 400, "lang");
  }

  @Test
  void htmlPagesAreInChineseWithAnEnglishSwitch() throws Exception {
    HttpResponse<String> page = get("/collections/parcels/items?limit=3&zone=xxetdz", "Accept", "text/html");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String zh = page.body();
    assertTrue(zh.contains("<html lang=\"zh-CN\">"));
    assertTrue(zh.contains("新乡经开区"), "zone codes as words");
    assertFalse(zh.contains(">xxetdz<"), "no code as a value on a Chinese page");
    assertTrue(zh.contains("href=\"/collections/parcels/items?limit=3&amp;zone=xxetdz&amp;lang=en\" lang=\"en\">English</a>"), zh);
    assertTrue(zh.contains("href=\"" + server.base() + "/collections/parcels/items?limit=3&amp;zone=xxetdz&amp;f=json\">JSON</a>"),
        zh);
    String next = pagerLink(zh, "下一页 ›");
    assertTrue(next.startsWith(server.base() + "/collections/parcels/items?zone=xxetdz&amp;cursor="), next);
    assertTrue(next.contains("&amp;f=html") && next.contains("&amp;limit=3"), "the next page is HTML too, as long: " + next);
    String en = get("/collections/parcels/items?limit=3&zone=xxetdz&f=html&lang=en").body();
    assertTrue(en.contains("<html lang=\"en\">"));
    assertTrue(en.contains("Xinxiang ETDZ"));
    assertTrue(en.contains("href=\"/collections/parcels/items?limit=3&amp;zone=xxetdz&amp;f=html\" lang=\"zh-CN\">中文</a>"), en);
    assertTrue(en.contains("f=json\">JSON</a>") && !en.contains("lang=en&amp;f=json"), "the JSON link drops lang");
    assertTrue(pagerLink(en, "Next ›").contains("lang=en"), "the next page in English too");
    String second = get("/collections/parcels/items?limit=3&offset=3&f=html").body();
    String prev = pagerLink(second, "‹ 上一页");
    assertTrue(prev.contains("offset=0") && prev.contains("f=html") && prev.contains("limit=3"), prev);
    String last = get("/collections/parcels/items?limit=3&offset=" + (db("SELECT COUNT(*) FROM parcels") - 1) + "&f=html").body();
    assertFalse(last.contains("下一页 ›"));
    refused("/collections/parcels/items?f=html&lang=de", 400, "lang");
    assertTrue(get("/collections/parcels/items?limit=1&f=html&lang=zh").body().contains("<html lang=\"zh-CN\">"), "lang=zh is Chinese");

    String id = ids(json("/collections/parcels/items?limit=1&zone=xxetdz")).get(0);
    String item = get("/collections/parcels/items/" + enc(id), "Accept", "text/html,application/xhtml+xml").body();
    assertTrue(item.contains("号地块"), "a parcel by its zone and number");
    assertTrue(item.contains("lang=\"en\">English</a>"));
    assertTrue(item.contains("/collections/parcels/items/" + enc(id) + "?f=json\">JSON</a>"), item);
    String itemEn = get("/collections/parcels/items/" + enc(id) + "?f=html&lang=en").body();
    assertTrue(itemEn.contains("Xinxiang ETDZ parcel"), itemEn);
    assertTrue(itemEn.contains("?f=html\" lang=\"zh-CN\">中文</a>"), itemEn);
    assertFalse(get("/collections/parcels/items/" + enc(id) + "?f=html&crs=EPSG:3857").body().contains("<div id=\"map\">"),
        "metres: no map");

    String cols = get("/collections?f=html").body();
    assertTrue(cols.contains("<html lang=\"zh-CN\">") && cols.contains("图层目录"));
    assertTrue(cols.contains("href=\"/collections?f=html&amp;lang=en\" lang=\"en\">English</a>"), cols);
    String colsEn = get("/collections?f=html&lang=en").body();
    assertTrue(colsEn.contains("Collections") && colsEn.contains("<html lang=\"en\">"));
    String col = get("/collections/parcels", "Accept", "text/html").body();
    assertTrue(col.contains("<h1>地块</h1>"), col);
    assertTrue(get("/collections/parcels?f=html&lang=en").body().contains("<h1>" + OgcPagesRulesTest.PARCELS.titleEn() + "</h1>"));
    refused("/collections?f=html&lang=xx", 400, "lang");
    refused("/collections/parcels?f=html&lang=xx", 400, "lang");
    String q = get("/collections/parcels/queryables?f=html").body();
    assertTrue(q.contains("<code>far</code>") && q.contains("可查询字段"), q);
  }

  @Test
  void collectionsQueryablesAndTheLandingResourcesDescribeTheApi() throws Exception {
    JsonNode cols = json("/collections");
    assertEquals(server.base() + "/collections", link(cols, "self"));
    assertEquals(server.base() + "/collections?f=html", link(cols, "alternate"));
    assertEquals(M.valueToTree(Crs.uris()), cols.path("crs"));
    List<String> idsOf = new ArrayList<>();
    for (JsonNode c : cols.path("collections")) {
      idsOf.add(c.path("id").asText());
    }
    assertTrue(idsOf.containsAll(List.of("zones", "parcels", "enterprises")), idsOf.toString());
    JsonNode parcels = json("/collections/parcels");
    assertEquals(db("SELECT COUNT(*) FROM parcels"), parcels.path("featureCount").asLong());
    assertEquals(server.base() + "/collections/parcels/items", link(parcels, "items"));
    refused("/collections?lang=en&x=1", 400, "x");
    refused("/collections/parcels?x=1", 400, "x");
    refused("/collections/nowhere", 404, null);
    refused("/collections?f=pdf", 400, "f");
    assertEquals(200, get("/collections?f=JSON").statusCode());
    assertTrue(get("/collections?f=text/html").body().startsWith("<!DOCTYPE html>"));
    assertTrue(get("/collections?f=application/geo%2Bjson").body().startsWith("{"));
    assertTrue(get("/collections", "Accept", "application/json").body().startsWith("{"));

    HttpResponse<String> q = get("/collections/parcels/queryables");
    assertEquals("application/schema+json", q.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode qj = M.readTree(q.body());
    assertEquals(server.base() + "/collections/parcels/queryables", qj.path("$id").asText());
    assertTrue(qj.path("properties").has("far"));
    assertEquals("application/json", get("/collections/parcels/queryables", "Accept", "application/json")
        .headers().firstValue("Content-Type").orElse("").split(";")[0], "GDAL up to 3.6 wants plain JSON");
    assertEquals("application/schema+json", get("/collections/parcels/queryables", "Accept",
        "application/schema+json, application/json").headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals("application/schema+json", get("/collections/parcels/queryables", "Accept", "application/json, */*")
        .headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType(null));
    assertEquals("application/schema+json", FeaturesRoutes.schemaMediaType("application/xml"));
    refused("/collections/parcels/queryables?lang=en", 400, "lang");

    JsonNode landing = json("/", "Accept", "application/json");
    assertEquals(server.base() + "/api", link(landing, "service-desc"));
    assertEquals(server.base() + "/conformance", link(landing, "conformance"));
    assertEquals(server.base() + "/collections", link(landing, "data"));
    String landingHtml = get("/?f=html").body();
    assertTrue(landingHtml.contains("开发区规划图层服务") && landingHtml.contains(server.base() + "/api"), landingHtml);
    HttpResponse<String> browser = get("/", "Accept", "text/html");
    assertFalse(browser.body().contains("开发区规划图层服务 · Development-zone plan layers"), "a browser gets the map page");
    refused("/?f=json&x=1", 400, "x");
    JsonNode conf = json("/conformance");
    assertEquals(M.valueToTree(Conformance.CLASSES), conf.path("conformsTo"));
    assertTrue(get("/conformance?f=html").body().contains("<code>" + Conformance.CLASSES.get(0) + "</code>"));
    refused("/conformance?x=1", 400, "x");
    HttpResponse<String> api = get("/api");
    assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith(OpenApi.MEDIA_TYPE));
    JsonNode apiDoc = M.readTree(api.body());
    assertEquals(server.base(), apiDoc.path("servers").get(0).path("url").asText());
    assertEquals(100, apiDoc.path("components").path("parameters").path("limit").path("schema").path("default").asInt());
    assertEquals(10000, apiDoc.path("components").path("parameters").path("limit").path("schema").path("maximum").asInt());
    assertTrue(apiDoc.path("paths").has("/collections/parcels/items"));
    assertTrue(get("/api?f=html").body().contains("<code>GET /collections/parcels/items</code>"));
    refused("/api?x=1", 400, "x");
  }

  @Test
  void linksStartAtThePublicUrlWhenOneIsSet() throws Exception {
    try (TestServer pub = new TestServer(TestStores.h2(), Map.of("public.url", "https://za.example.cn/gis/"))) {
      JsonNode p = M.readTree(pub.get("/collections/parcels/items?limit=1").body());
      assertEquals("https://za.example.cn/gis/collections/parcels/items?limit=1", link(p, "self"));
      assertEquals("https://za.example.cn/gis/collections/parcels", link(p, "collection"));
      JsonNode l = M.readTree(pub.request("GET", "/", null, null, "Accept", "application/json").body());
      assertEquals("https://za.example.cn/gis/api", link(l, "service-desc"));
    }
    try (TestServer pub = new TestServer(TestStores.h2(), Map.of("public.url", "https://za.example.cn"))) {
      assertEquals("https://za.example.cn/collections", link(M.readTree(pub.get("/collections").body()), "self"));
    }
  }
}
