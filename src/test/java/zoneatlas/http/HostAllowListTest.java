package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/**
 * Links are built from the Host header only when public.url is unset, and then only for the
 * hosts the server is known by: a forged Host gets a 400, never links pointing elsewhere.
 */
class HostAllowListTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aForeignHostGetsA400AndNoLinksToIt() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      int port = s.app.port();
      for (String path : List.of("/collections", "/?f=json", "/collections/parcels/items?limit=1", "/api")) {
        RawHttp.Answer a = RawHttp.get(port, "evil.example", path);
        assertEquals(400, a.status(), path + ": " + a.body());
        assertFalse(a.body().contains("http://evil.example"), a.body());
        JsonNode j = JSON.readTree(a.body());
        assertEquals("InvalidHost", j.path("code").asText(), a.body());
        assertEquals("Host", j.path("parameter").asText(), a.body());
        assertTrue(j.path("description").asText().contains("http.allowed.hosts"), a.body());
        assertFalse(j.path("description_zh").asText().isEmpty(), a.body());
      }
      assertEquals(400, RawHttp.get(port, "evil.example:" + port, "/collections").status());
      assertEquals(400, RawHttp.get(port, "0.0.0.0:" + port, "/collections").status());
    }
  }

  @Test
  void theMachinesOwnNamesAndAddressesAreServedWithLinksToThem() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2())) {
      int port = s.app.port();
      for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port, "127.0.0.1")) {
        RawHttp.Answer a = RawHttp.get(port, host, "/collections");
        assertEquals(200, a.status(), host + ": " + a.body());
        String self = JSON.readTree(a.body()).path("links").get(0).path("href").asText();
        assertEquals(("http://" + host + "/collections").toLowerCase(java.util.Locale.ROOT), self.toLowerCase(java.util.Locale.ROOT));
      }
      String own = java.net.InetAddress.getLocalHost().getHostName();
      assertEquals(200, RawHttp.get(port, own + ":" + port, "/collections").status(), own);
    }
  }

  @Test
  void configuredNamesAndDomainsAreServedAndStarServesAny() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2(), Map.of("http.allowed.hosts", "maps.example.gov.cn, *.zone.example"))) {
      int port = s.app.port();
      RawHttp.Answer a = RawHttp.get(port, "maps.example.gov.cn", "/collections");
      assertEquals(200, a.status(), a.body());
      assertTrue(a.body().contains("\"http://maps.example.gov.cn/collections\""), a.body());
      assertEquals(200, RawHttp.get(port, "gis.zone.example:8080", "/collections").status());
      assertEquals(400, RawHttp.get(port, "zone.example", "/collections").status());
      assertEquals(400, RawHttp.get(port, "evil-zone.example", "/collections").status());
      assertEquals(200, RawHttp.get(port, "127.0.0.1:" + port, "/collections").status());
    }
    try (TestServer s = new TestServer(TestStores.h2(), Map.of("http.allowed.hosts", "*"))) {
      RawHttp.Answer a = RawHttp.get(s.app.port(), "anything.example", "/collections");
      assertEquals(200, a.status(), a.body());
      assertTrue(a.body().contains("\"http://anything.example/collections\""), a.body());
    }
  }

  @Test
  void withPublicUrlLinksNameItWhateverTheHost() throws Exception {
    try (TestServer s = new TestServer(TestStores.h2(), Map.of("public.url", "https://zoneatlas.example.gov.cn/"))) {
      RawHttp.Answer a = RawHttp.get(s.app.port(), "upstream-7", "/collections");
      assertEquals(200, a.status(), a.body());
      assertEquals("https://zoneatlas.example.gov.cn/collections",
          JSON.readTree(a.body()).path("links").get(0).path("href").asText());
      assertFalse(a.body().contains("upstream-7"), a.body());
    }
  }

  @Test
  void hostHeadersAreParsedStrictly() {
    assertEquals("example.org", Security.Hosts.hostName("Example.ORG:8080"));
    assertEquals("::1", Security.Hosts.hostName("[::1]:7070"));
    assertEquals(null, Security.Hosts.hostName("evil.example/\"><x"));
    assertEquals(null, Security.Hosts.hostName("[::1]x"));
    assertTrue(Security.Hosts.ownAddress("127.0.0.1"));
    assertFalse(Security.Hosts.ownAddress("0.0.0.0"));
    assertFalse(Security.Hosts.ownAddress("8.8.8.8"));
    assertFalse(Security.Hosts.ownAddress("localhost")); // names are never looked up here
  }
}
