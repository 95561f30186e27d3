package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneatlas.auth.TokenRevocationCases.logout;
import static zoneatlas.auth.TokenRevocationCases.millisUntilRefused;
import static zoneatlas.auth.TokenRevocationCases.role;
import static zoneatlas.auth.TokenRevocationCases.testHash;
import static zoneatlas.auth.TokenRevocationCases.token;
import static zoneatlas.auth.TokenRevocationCases.users;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestServer;
import zoneatlas.testing.TestStores;

/** Two servers, each with its own pool, over one PostGIS database: a logout on one ends the token on both. */
@Tag("postgis")
class TokenRevocationPostgisTest {

  @Test
  void aLogoutThroughOneServerEndsTheTokenOnTheOther() throws Exception {
    String url = TestStores.postgisCopyUrl();
    try (SqlStore storeA = TestStores.openPostgis(url);
        SqlStore storeB = TestStores.openPostgis(url);
        TestServer a = new TestServer(storeA, Map.of());
        TestServer b = new TestServer(storeB, Map.of())) {
      String t = token(a, "admin");
      String u = token(b, "admin");
      assertEquals("admin", role(b, t));
      logout(a, t);
      assertEquals("anonymous", role(a, t));
      long ms = millisUntilRefused(b, t);
      assertTrue(ms < 1500, "b refused the logged-out token after " + ms + " ms");
      // b had not checked u before its logout on a: refused at once
      logout(a, u);
      assertEquals("anonymous", role(b, u));
    }
  }

  @Test
  void aDowngradeOnOneServerHoldsOnThatServerWhateverTheTokenSays() throws Exception {
    String url = TestStores.postgisCopyUrl();
    try (SqlStore storeA = TestStores.openPostgis(url);
        SqlStore storeB = TestStores.openPostgis(url);
        TestServer a = new TestServer(storeA, Map.of());
        TestServer b = new TestServer(storeB, users("land_officer", "prospect:" + testHash()))) {
      String t = token(a, "land_officer");
      assertEquals("land_officer", role(a, t));
      assertEquals("prospect", role(b, t));
      assertEquals(false, TokenRevocationCases.me(b, t).path("seesConfidential").asBoolean());
    }
  }
}
