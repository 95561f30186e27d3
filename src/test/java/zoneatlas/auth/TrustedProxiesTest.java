package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneatlas.config.Config;

class TrustedProxiesTest {
  final TrustedProxies none = new TrustedProxies("");
  final TrustedProxies lb = new TrustedProxies("10.0.0.0/24, 192.0.2.1 2001:db8::/32");

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    assertEquals("203.0.113.5", none.clientAddress("203.0.113.5", List.of("198.51.100.1")));
    assertFalse(none.isHttps("203.0.113.5", "https"));
  }

  @Test
  void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
    assertEquals("198.51.100.1", lb.clientAddress("10.0.0.7", List.of("198.51.100.1")));
    // the client wrote the first entry, the proxies the rest
    assertEquals("198.51.100.1", lb.clientAddress("10.0.0.7", List.of("1.1.1.1, 198.51.100.1, 192.0.2.1")));
    assertEquals("198.51.100.1", lb.clientAddress("10.0.0.7", List.of("1.1.1.1", "198.51.100.1")));
    assertEquals("198.51.100.1", lb.clientAddress("10.0.0.7", List.of("[198.51.100.1]:4711")));
    // garbage is not an address: stop at the last hop a proxy vouched for
    assertEquals("10.0.0.7", lb.clientAddress("10.0.0.7", List.of("evil.example.com")));
    assertEquals("198.51.100.1", lb.clientAddress("10.0.0.7", List.of("unknown, 198.51.100.1")));
    assertEquals("10.0.0.7", lb.clientAddress("10.0.0.7", List.of()));
    // a peer outside the list is the client whatever it claims
    assertEquals("10.0.1.7", lb.clientAddress("10.0.1.7", List.of("198.51.100.1")));
    assertEquals("2001:db8::1", lb.clientAddress("2001:db8::1", List.of()));
    assertTrue(lb.isTrusted("2001:db8:ffff::9"));
    assertFalse(lb.isTrusted("2001:db9::9"));
    assertFalse(lb.isTrusted("999.0.0.1"));
  }

  @Test
  void httpsOnlyOnTheWordOfATrustedProxy() {
    assertTrue(lb.isHttps("10.0.0.7", "https"));
    assertTrue(lb.isHttps("10.0.0.7", "http, HTTPS"));
    assertFalse(lb.isHttps("10.0.0.7", "http"));
    assertFalse(lb.isHttps("10.0.0.7", null));
    assertFalse(lb.isHttps("203.0.113.5", "https"));
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    assertEquals(TrustedProxies.bucketOf("2001:db8:1:2:aaaa::1"), TrustedProxies.bucketOf("2001:db8:1:2:bbbb::2"));
    assertFalse(TrustedProxies.bucketOf("2001:db8:1:2::1").equals(TrustedProxies.bucketOf("2001:db8:1:3::1")));
    assertEquals("198.51.100.1", TrustedProxies.bucketOf("::ffff:198.51.100.1"));
  }

  @Test
  void aBadSettingStopsTheServer() {
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("proxy.example.com"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("10.0.0.0/33"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("300.0.0.1"));
  }
}
