package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import zoneatlas.config.Config;

/** The limits of {@code proxy.trusted} and of address parsing, one value past each edge. */
class TrustedProxiesEdgesTest {
  @Test
  void prefixLengthsFromZeroToTheAddressLengthAreAccepted() {
    TrustedProxies all = new TrustedProxies("0.0.0.0/0");
    assertTrue(all.isTrusted("203.0.113.5"));
    assertFalse(all.isTrusted("2001:db8::1"));
    TrustedProxies one = new TrustedProxies("192.0.2.1/32 2001:db8::1/128");
    assertTrue(one.isTrusted("192.0.2.1"));
    assertFalse(one.isTrusted("192.0.2.2"));
    assertTrue(one.isTrusted("2001:db8::1"));
    assertFalse(one.isTrusted("2001:db8::2"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("192.0.2.1/-1"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("2001:db8::/129"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("192.0.2.1/x"));
    assertThrows(Config.ConfigException.class, () -> new TrustedProxies("/24"));
  }

  @Test
  void aPrefixInsideAByteComparesOnlyItsLeadingBits() {
    TrustedProxies p = new TrustedProxies("10.0.0.128/25");
    assertTrue(p.isTrusted("10.0.0.128"));
    assertTrue(p.isTrusted("10.0.0.255"));
    assertFalse(p.isTrusted("10.0.0.127"));
  }

  @Test
  void twoHundredFiftyFiveIsAnOctetAndTwoHundredFiftySixIsNot() {
    TrustedProxies p = new TrustedProxies("10.0.0.0/24");
    assertTrue(p.isTrusted("10.0.0.255"));
    assertFalse(p.isTrusted("10.0.0.256"));
    assertEquals("255.255.255.255", TrustedProxies.bucketOf("255.255.255.255"));
  }

  @Test
  void somethingThatIsNoAddressIsItsOwnBucket() {
    // a peer Jetty cannot name (a Unix socket): counted as one client, whatever the case
    assertEquals("unix-socket", TrustedProxies.bucketOf("Unix-Socket"));
    assertEquals("198.51.100.1", TrustedProxies.bucketOf(" 198.51.100.1:4711 "));
    // a leading colon is no port: the text stays as it came
    assertEquals(":4711", new TrustedProxies("").clientAddress(":4711", java.util.List.of()));
  }
}
