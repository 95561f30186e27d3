package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneatlas.config.Config;

class AuthTest {
  static final String HASH = Passwords.hash("s3cret-pass");

  static Config config(String secret) {
    return Config.of(Map.of("auth.secret", secret, "auth.user.ann", "land_officer:" + HASH, "auth.token.hours", "1"));
  }

  @Test
  void aPasswordVerifiesOnlyAgainstItsOwnHash() {
    assertTrue(Passwords.verify("s3cret-pass", HASH));
    assertFalse(Passwords.verify("s3cret-pasS", HASH));
    assertFalse(HASH.contains("s3cret"));
  }

  @Test
  void aTokenCarriesTheUsersRoleUntilItExpires() {
    Clock now = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Auth a = new Auth(config("0123456789abcdef0123"), now);
    String t = a.login("ann", "s3cret-pass").orElseThrow();
    assertEquals(Role.land_officer, a.verify(t).role());
    Auth later = new Auth(config("0123456789abcdef0123"), Clock.offset(now, Duration.ofHours(2)));
    assertEquals(Role.anonymous, later.verify(t).role());
  }

  @Test
  void anotherServerWithTheSameSecretAcceptsTheTokenAndOneWithAnotherDoesNot() {
    Auth a = new Auth(config("0123456789abcdef0123"), Clock.systemUTC());
    Auth b = new Auth(config("0123456789abcdef0123"), Clock.systemUTC());
    Auth c = new Auth(config("another-secret-456789"), Clock.systemUTC());
    String t = a.login("ann", "s3cret-pass").orElseThrow();
    assertEquals(Role.land_officer, b.verify(t).role());
    assertEquals(Role.anonymous, c.verify(t).role());
  }

  @Test
  void aTamperedTokenIsAnonymous() {
    Auth a = new Auth(config("0123456789abcdef0123"), Clock.systemUTC());
    String t = a.login("ann", "s3cret-pass").orElseThrow();
    String forged = a.issue("ann", Role.admin);
    // swap the admin payload onto the land officer's signature
    String mixed = forged.substring(0, forged.indexOf('.')) + t.substring(t.indexOf('.'));
    assertEquals(Role.anonymous, a.verify(mixed).role());
    assertFalse(a.login("ann", "wrong").isPresent());
    assertFalse(a.login("nobody", "s3cret-pass").isPresent());
  }
}
