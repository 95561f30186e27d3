package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    Auth a = new Auth(twoUsers("0123456789abcdef0123"), Clock.systemUTC());
    String t = a.login("ann", "s3cret-pass").orElseThrow();
    // the same payload made to name another user, under the land officer's signature
    String payload = new String(Base64.getUrlDecoder().decode(t.substring(0, t.indexOf('.'))), StandardCharsets.UTF_8);
    String bob = Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("\"ann\"", "\"bob\"").getBytes(StandardCharsets.UTF_8));
    assertEquals(Role.anonymous, a.verify(bob + t.substring(t.indexOf('.'))).role());
    assertFalse(a.login("ann", "wrong").isPresent());
    assertFalse(a.login("nobody", "s3cret-pass").isPresent());
  }

  static Config twoUsers(String secret) {
    return Config.of(Map.of("auth.secret", secret, "auth.user.ann", "land_officer:" + HASH,
        "auth.user.bob", "admin:" + HASH, "auth.token.hours", "1"));
  }

  @Test
  void theRoleIsTheOneConfiguredNowNotTheOneAtLogin() {
    Auth before = new Auth(twoUsers("0123456789abcdef0123"), Clock.systemUTC());
    String t = before.login("bob", "s3cret-pass").orElseThrow();
    Auth demoted = new Auth(twoUsers("0123456789abcdef0123").with("auth.user.bob", "prospect:" + HASH), Clock.systemUTC());
    assertEquals(Role.admin, before.verify(t).role());
    assertEquals(Role.prospect, demoted.verify(t).role());
    // no role in the token at all: nothing to tamper with
    String payload = new String(Base64.getUrlDecoder().decode(t.substring(0, t.indexOf('.'))), StandardCharsets.UTF_8);
    assertFalse(payload.contains("admin"), payload);
  }

  @Test
  void aRemovedUserOrANewPasswordHashEndsTheOldTokens() {
    Auth a = new Auth(twoUsers("0123456789abcdef0123"), Clock.systemUTC());
    String ann = a.login("ann", "s3cret-pass").orElseThrow();
    String bob = a.login("bob", "s3cret-pass").orElseThrow();
    Auth removed = new Auth(config("0123456789abcdef0123"), Clock.systemUTC());
    assertEquals(Role.anonymous, removed.verify(bob).role());
    // the same password hashed again (a new salt) is a new hash: as after a password change
    Auth rehashed = new Auth(twoUsers("0123456789abcdef0123").with("auth.user.ann", "land_officer:" + Passwords.hash("s3cret-pass")),
        Clock.systemUTC());
    assertEquals(Role.anonymous, rehashed.verify(ann).role());
    assertEquals(Role.admin, rehashed.verify(bob).role());
  }

  @Test
  void aTokenOfTheOldFormatWithARoleInsideIsRefused() throws Exception {
    Auth a = new Auth(config("0123456789abcdef0123"), Clock.systemUTC());
    long exp = System.currentTimeMillis() / 1000 + 600;
    String p = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"ann\",\"role\":\"admin\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String old = p + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(p.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Role.anonymous, a.verify(old).role());
  }

  @Test
  void anUnknownUserIsCheckedAgainstAHashOfTheSameCost() {
    String dummy = Passwords.unmatchable(Passwords.iterations(HASH));
    assertEquals(Passwords.iterations(HASH), Passwords.iterations(dummy));
    assertFalse(Passwords.verify("s3cret-pass", dummy));
    assertFalse(Passwords.verify("", dummy));
  }
}
