package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import zoneatlas.auth.LoginThrottleClockTest.Hand;
import zoneatlas.config.Config;
import zoneatlas.store.SqlStore;
import zoneatlas.testing.TestStores;

/**
 * The edges of {@link Auth} that the HTTP tests pass over: the limits of its settings, the second
 * of a token's expiry, how long a "not revoked" answer is trusted, the purge of old revocations
 * and the principal remembered per request. On a clock the test moves, over an in-memory store,
 * with a password hash of few iterations so that logins cost nothing.
 */
class AuthRulesTest {
  private static final String SECRET = "0123456789abcdef0123";
  /** A hash of "pw" with 1,000 iterations (the real default is 210,000). */
  private static final String CHEAP = cheapHash("pw");

  static String cheapHash(String password) {
    try {
      byte[] salt = new byte[16];
      salt[0] = 7;
      byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
      return "pbkdf2$1000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Config config(String... pairs) {
    Map<String, String> m = new HashMap<>(Map.of("auth.secret", SECRET, "auth.user.ann", "land_officer:" + CHEAP,
        "auth.token.hours", "1"));
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Config.of(m);
  }

  @Test
  void theRevocationCacheMayBeOffOrUpToAMinuteAndNoMore() {
    Hand clock = new Hand();
    new Auth(config("auth.revocation.cache.ms", "0"), clock);
    new Auth(config("auth.revocation.cache.ms", "60000"), clock);
    assertThrows(Config.ConfigException.class, () -> new Auth(config("auth.revocation.cache.ms", "60001"), clock));
    assertThrows(Config.ConfigException.class, () -> new Auth(config("auth.revocation.cache.ms", "-1"), clock));
  }

  @Test
  void aSecretOfSixteenCharactersIsEnoughAndFifteenAreNot() {
    Hand clock = new Hand();
    Auth a = new Auth(config("auth.secret", "0123456789abcdef"), clock);
    assertEquals(Role.land_officer, a.verify(a.login("ann", "pw").orElseThrow()).role());
    assertThrows(Config.ConfigException.class, () -> new Auth(config("auth.secret", "0123456789abcde"), clock));
  }

  @Test
  void withoutASecretEachServerSignsWithItsOwnRandomKey() {
    Hand clock = new Hand();
    Auth a = new Auth(config("auth.secret", ""), clock);
    Auth b = new Auth(config("auth.secret", ""), clock);
    String t = a.login("ann", "pw").orElseThrow();
    assertEquals(Role.land_officer, a.verify(t).role());
    assertEquals(Role.anonymous, b.verify(t).role());
  }

  @Test
  void aUserLineNamesItsRoleBeforeTheColon() {
    Hand clock = new Hand();
    Config.ConfigException noRole = assertThrows(Config.ConfigException.class,
        () -> new Auth(config("auth.user.bob", ":" + CHEAP), clock));
    assertTrue(noRole.getMessage().contains("unknown role"), noRole.getMessage());
    Config.ConfigException noHash = assertThrows(Config.ConfigException.class,
        () -> new Auth(config("auth.user.bob", "admin"), clock));
    assertTrue(noHash.getMessage().contains("ROLE:pbkdf2$"), noHash.getMessage());
    assertThrows(Config.ConfigException.class, () -> new Auth(config("auth.user.bob", "admin:plain-text"), clock));
  }

  @Test
  void aTokenIsGoodUntilTheSecondItExpiresAndNotAfter() {
    Hand clock = new Hand();
    Auth a = new Auth(config(), clock);
    String t = a.login("ann", "pw").orElseThrow();
    clock.ms += 3600_000;
    assertEquals(Role.land_officer, a.verify(t).role());
    clock.ms += 1000;
    assertEquals(Role.anonymous, a.verify(t).role());
    assertEquals(3600, a.ttlSeconds());
  }

  private static void revokeInDatabase(SqlStore store, String token, Auth a) throws SQLException {
    Auth.Claims c = a.claims(token).orElseThrow();
    try (Connection conn = store.connection();
        PreparedStatement st = conn.prepareStatement(store.sql("auth_revoked_token_insert"))) {
      st.setString(1, c.jti());
      st.setLong(2, c.exp() * 1000);
      st.executeUpdate();
    }
  }

  private static List<String> revokedIds(SqlStore store) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection conn = store.connection();
        PreparedStatement st = conn.prepareStatement("SELECT jti FROM revoked_tokens ORDER BY jti");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void insertRevoked(SqlStore store, String jti, long expiresMs) throws SQLException {
    try (Connection conn = store.connection();
        PreparedStatement st = conn.prepareStatement(store.sql("auth_revoked_token_insert"))) {
      st.setString(1, jti);
      st.setLong(2, expiresMs);
      st.executeUpdate();
    }
  }

  @Test
  void aNotRevokedAnswerIsTrustedForTheCacheTimeAndNotAMillisecondLonger() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      Auth a = new Auth(config(), clock, store);
      String t = a.login("ann", "pw").orElseThrow();
      assertEquals(Role.land_officer, a.verify(t).role());
      // another server takes the logout: this one trusts its own check for 1000 ms
      revokeInDatabase(store, t, a);
      clock.ms += 999;
      assertEquals(Role.land_officer, a.verify(t).role());
      clock.ms += 1;
      assertEquals(Role.anonymous, a.verify(t).role());
    }
  }

  @Test
  void withTheCacheOffEveryRequestAsksTheDatabase() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      Auth a = new Auth(config("auth.revocation.cache.ms", "0"), clock, store);
      String t = a.login("ann", "pw").orElseThrow();
      assertEquals(Role.land_officer, a.verify(t).role());
      revokeInDatabase(store, t, a);
      assertEquals(Role.anonymous, a.verify(t).role());
    }
  }

  @Test
  void aRevocationThisServerMadeHoldsWithoutTheDatabase() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      Auth a = new Auth(config(), clock, store);
      String t = a.login("ann", "pw").orElseThrow();
      String other = a.login("ann", "pw").orElseThrow();
      Auth b = new Auth(config(), clock, store);
      assertEquals(Role.land_officer, a.verify(t).role());
      a.revoke(t);
      // b learns of it from the database
      assertEquals(Role.anonymous, b.verify(t).role());
      // the row gone (a purge, a restore): each server remembers what it revoked or found revoked
      try (Connection conn = store.connection();
          PreparedStatement st = conn.prepareStatement("DELETE FROM revoked_tokens")) {
        st.executeUpdate();
      }
      assertEquals(Role.anonymous, a.verify(t).role());
      assertEquals(Role.anonymous, b.verify(t).role());
      assertEquals(Role.land_officer, a.verify(other).role());
      // a forged token is nothing to revoke
      a.revoke("not.a-token");
      a.revoke(null);
      assertEquals(List.of(), revokedIds(store));
    }
  }

  @Test
  void expiredRevocationsArePurgedAtMostOnceEveryTenMinutes() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      Auth a = new Auth(config(), clock, store);
      String t1 = a.login("ann", "pw").orElseThrow();
      String t2 = a.login("ann", "pw").orElseThrow();
      String t3 = a.login("ann", "pw").orElseThrow();
      String t4 = a.login("ann", "pw").orElseThrow();
      insertRevoked(store, "old-1", clock.ms - 1);
      a.revoke(t1); // the first logout purges
      assertEquals(List.of(a.claims(t1).orElseThrow().jti()), revokedIds(store));
      insertRevoked(store, "old-2", clock.ms - 1);
      clock.ms += 600_000;
      a.revoke(t2); // exactly ten minutes later: not yet
      assertTrue(revokedIds(store).contains("old-2"));
      clock.ms += 1;
      a.revoke(t3);
      assertFalse(revokedIds(store).contains("old-2"));
      insertRevoked(store, "old-3", clock.ms - 1);
      clock.ms += 1000;
      a.revoke(t4); // a second after the last purge
      assertTrue(revokedIds(store).contains("old-3"));
      assertEquals(5, revokedIds(store).size());
    }
  }

  @Test
  void aLimitOfZeroForUserNamesLeavesOnlyTheAddressLimit() throws Exception {
    Hand clock = new Hand();
    try (SqlStore store = TestStores.freshH2()) {
      LoginThrottle t = new LoginThrottle(store, Config.of(Map.of("auth.throttle.window.seconds", "300",
          "auth.throttle.user.max", "0", "auth.throttle.address.max", "2")), clock);
      for (int i = 0; i < 2; i++) {
        LoginThrottle.Attempt a = t.begin("ann", "198.51.100." + i);
        assertEquals(0, a.retryAfterSeconds);
        a.failed();
      }
      LoginThrottle.Attempt a = t.begin("ann", "198.51.100.9");
      assertEquals(0, a.retryAfterSeconds);
      a.failed();
      t.begin("bob", "198.51.100.9").failed();
      assertTrue(t.begin("carl", "198.51.100.9").retryAfterSeconds > 0);
    }
  }

  /** A request's context that holds attributes and counts how often its credentials are read. */
  private static final class FakeRequest {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    int reads;

    Context context() {
      return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, (p, m, args) -> {
        int n = args == null ? 0 : args.length;
        switch (m.getName() + "/" + n) {
          case "attribute/1":
            return attributes.get((String) args[0]);
          case "attribute/2":
            attributes.put((String) args[0], args[1]);
            return null;
          case "header/1":
            reads++;
            return headers.get((String) args[0]);
          case "cookie/1":
            reads++;
            return null;
          default:
            throw new UnsupportedOperationException(m.getName());
        }
      });
    }
  }

  @Test
  void theCallerIsVerifiedOncePerRequest() {
    Hand clock = new Hand();
    Auth a = new Auth(config(), clock);
    String t = a.login("ann", "pw").orElseThrow();
    FakeRequest req = new FakeRequest();
    req.headers.put("Authorization", "Bearer " + t);
    Context ctx = req.context();
    Auth.Principal first = a.principal(ctx);
    assertEquals(new Auth.Principal("ann", Role.land_officer), first);
    int reads = req.reads;
    assertNotEquals(0, reads);
    assertSame(first, a.principal(ctx));
    assertEquals(reads, req.reads);
    assertEquals(Auth.Principal.ANONYMOUS, a.principal(new FakeRequest().context()));
    // the scheme's case does not matter; anything else is not a bearer token
    FakeRequest lower = new FakeRequest();
    lower.headers.put("Authorization", "bearer " + t + "  ");
    assertEquals(Role.land_officer, a.principal(lower.context()).role());
    FakeRequest basic = new FakeRequest();
    basic.headers.put("Authorization", "Basic " + t);
    assertEquals(Role.anonymous, a.principal(basic.context()).role());
  }
}
