package zoneatlas.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.config.Config;
import zoneatlas.store.Store;

/**
 * Users from the configuration ({@code auth.user.NAME = ROLE:HASH}) and signed, expiring tokens
 * (HMAC-SHA256 over a small JSON payload). No session is kept on the server: any server that
 * shares {@code auth.secret} accepts the token, so several can run behind a load balancer.
 *
 * <p>A token names its user, not a role: the role is the one the verifying server's configuration
 * gives the user now, so a demotion holds as soon as that server runs with it. A token also
 * carries a keyed fingerprint of the password hash it was issued under (a new hash in the
 * configuration ends the older tokens) and an id: logout records the id in the store's {@code
 * revoked_tokens} until the token would have expired, so every server over that database refuses
 * it. That costs one primary-key lookup per token, remembered as "not revoked" for {@code
 * auth.revocation.cache.ms} (1 s): the map fires dozens of requests at once and the access log
 * asks who made each one, all with the same token; a revocation reaches the other servers within
 * that second, the server that took the logout at once.
 */
public final class Auth {
  private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String COOKIE = "za_token";
  private final Map<String, User> users = new LinkedHashMap<>();
  private final byte[] secret;
  private final long ttlSeconds;
  private final Clock clock;
  /** What an unknown user name's password is checked against (see {@link #login}). */
  private final String unknownUserHash;
  /** Each user's {@link #fingerprint} of their current password hash. */
  private final Map<String, String> fingerprints = new LinkedHashMap<>();
  /** Null only in unit tests of signing: then nothing is revoked. */
  private final Store store;
  private final long revocationCacheMs;
  /** Token ids this server found not revoked, and until when it trusts that (ms). */
  private final Map<String, Long> notRevokedUntil = new ConcurrentHashMap<>();
  /** Token ids known revoked, with the token's expiry (ms): a revocation is never undone. */
  private final Map<String, Long> revokedUntil = new ConcurrentHashMap<>();
  private final AtomicLong lastPurge = new AtomicLong();
  private static final int CACHE_MAX = 20_000;
  private static final long PURGE_EVERY_MS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PRINCIPAL_ATTRIBUTE = "zoneatlas.auth.principal";

  public record User(String name, Role role, String hash) {}

  /** What a genuine, unexpired token says; {@code pwd} is the fingerprint of the password hash it was issued under. */
  record Claims(String sub, String jti, String pwd, long exp) {}

  /** A verified caller. */
  public record Principal(String name, Role role) {
    public static final Principal ANONYMOUS = new Principal(null, Role.anonymous);
  }

  /** With no store, so no revocation: for unit tests of signing and roles only. */
  Auth(Config config, Clock clock) {
    this(config, clock, null);
  }

  /** Revocations are kept in, and checked against, {@code store}: the one database every server shares. */
  public Auth(Config config, Clock clock, Store store) {
    this.clock = clock;
    this.store = store;
    this.revocationCacheMs = config.longValue("auth.revocation.cache.ms");
    if (revocationCacheMs < 0 || revocationCacheMs > 60_000) {
      throw new Config.ConfigException("auth.revocation.cache.ms must be 0..60000 (a logout must reach every server soon)");
    }
    this.ttlSeconds = config.integer("auth.token.hours") * 3600L;
    String s = config.get("auth.secret");
    if (s.isBlank()) {
      byte[] b = new byte[32];
      new SecureRandom().nextBytes(b);
      secret = b;
      LOG.warn("auth.secret is not set: tokens are signed with a random key and end when this server stops; "
          + "set auth.secret (the same on every server) for anything beyond a demo");
    } else {
      if (s.length() < 16) {
        throw new Config.ConfigException("auth.secret must be at least 16 characters");
      }
      secret = s.getBytes(StandardCharsets.UTF_8);
    }
    config.withPrefix("auth.user.").forEach((name, value) -> {
      int colon = value.indexOf(':');
      if (colon < 0 || !value.substring(colon + 1).startsWith("pbkdf2$")) {
        throw new Config.ConfigException("auth.user." + name + " must be ROLE:pbkdf2$... (make a hash with: java -jar zoneatlas.jar hash-password)");
      }
      Role role;
      try {
        role = Role.parse(value.substring(0, colon));
      } catch (IllegalArgumentException e) {
        throw new Config.ConfigException("auth.user." + name + ": " + e.getMessage());
      }
      users.put(name, new User(name, role, value.substring(colon + 1)));
    });
    unknownUserHash = Passwords.unmatchable(users.values().stream()
        .mapToInt(u -> Passwords.iterations(u.hash())).max().orElse(Passwords.ITERATIONS));
    users.values().forEach(u -> fingerprints.put(u.name(), fingerprint(u.hash())));
  }

  /** Checks a password; the token on success. */
  public Optional<String> login(String name, String password) {
    User u = name == null ? null : users.get(name);
    // an unknown name costs the same key derivation as a known one: answering it at once would
    // tell a guesser which names exist
    boolean right = Passwords.verify(password == null ? "" : password, u == null ? unknownUserHash : u.hash());
    if (u == null || password == null || !right) {
      return Optional.empty();
    }
    return Optional.of(issue(u));
  }

  private String issue(User u) {
    long exp = clock.instant().getEpochSecond() + ttlSeconds;
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String payload = "{\"sub\":" + quote(u.name()) + ",\"jti\":\"" + b64(id) + "\",\"pwd\":\""
        + fingerprint(u.hash()) + "\",\"exp\":" + exp + "}";
    String p = b64(payload.getBytes(StandardCharsets.UTF_8));
    return p + "." + b64(sign(p));
  }

  /**
   * The caller a token stands for, with the role the configuration gives them now; anonymous
   * when the token is absent, forged, expired, revoked, issued under another password, or its
   * user is no longer configured. Throws when the store cannot say whether it was revoked.
   */
  public Principal verify(String token) {
    Claims c = claims(token).orElse(null);
    if (c == null) {
      return Principal.ANONYMOUS;
    }
    User u = users.get(c.sub());
    if (u == null
        || !MessageDigest.isEqual(fingerprints.get(u.name()).getBytes(StandardCharsets.UTF_8), c.pwd().getBytes(StandardCharsets.UTF_8))
        || revoked(c)) {
      return Principal.ANONYMOUS;
    }
    return new Principal(u.name(), u.role());
  }

  /** The caller of a request: Authorization: Bearer TOKEN, else the za_token cookie. Verified once per request. */
  public Principal principal(Context ctx) {
    Principal known = ctx.attribute(PRINCIPAL_ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Principal p = verify(token(ctx));
    ctx.attribute(PRINCIPAL_ATTRIBUTE, p);
    return p;
  }

  /** The token a request carries: the bearer token, else the cookie's; null when none. */
  static String token(Context ctx) {
    String h = ctx.header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return h.substring(7).trim();
    }
    return ctx.cookie(COOKIE);
  }

  /**
   * Ends a token on every server over the store, until it would have expired anyway (logout).
   * A forged, expired or missing token is left alone: there is nothing to end.
   */
  public void revoke(String token) throws SQLException {
    Claims c = claims(token).orElse(null);
    if (c == null || store == null) {
      return;
    }
    long expMs = c.exp() * 1000;
    try (Connection conn = store.connection()) {
      try (PreparedStatement st = conn.prepareStatement(store.sql("auth_revoked_token_insert"))) {
        st.setString(1, c.jti());
        st.setLong(2, expMs);
        st.executeUpdate();
      } catch (SQLException e) {
        // revoked already (a second logout, or two at once): that is what was asked
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
      }
      long now = clock.millis();
      long last = lastPurge.get();
      // logouts are rare and expired ids mean nothing: one DELETE per PURGE_EVERY_MS per server
      if (now - last > PURGE_EVERY_MS && lastPurge.compareAndSet(last, now)) {
        try (PreparedStatement st = conn.prepareStatement(store.sql("auth_revoked_tokens_purge"))) {
          st.setLong(1, now);
          st.executeUpdate();
        }
      }
    }
    notRevokedUntil.remove(c.jti());
    remember(revokedUntil, c.jti(), expMs);
  }

  private boolean revoked(Claims c) {
    if (store == null) {
      return false;
    }
    long now = clock.millis();
    if (revokedUntil.containsKey(c.jti())) {
      return true;
    }
    Long until = notRevokedUntil.get(c.jti());
    if (until != null && until > now) {
      return false;
    }
    boolean revoked;
    try (Connection conn = store.connection();
        PreparedStatement st = conn.prepareStatement(store.sql("auth_revoked_token_exists"))) {
      st.setString(1, c.jti());
      try (ResultSet rs = st.executeQuery()) {
        revoked = rs.next();
      }
    } catch (SQLException e) {
      // not anonymous: a server that cannot tell must not quietly serve a signed-in user as a
      // stranger (nor the other way round); the error handler answers 503 for a database away
      throw new IllegalStateException("cannot check whether a login token was revoked", e);
    }
    if (revoked) {
      remember(revokedUntil, c.jti(), c.exp() * 1000);
    } else if (revocationCacheMs > 0) {
      remember(notRevokedUntil, c.jti(), now + revocationCacheMs);
    }
    return revoked;
  }

  private void remember(Map<String, Long> cache, String jti, long untilMs) {
    if (cache.size() >= CACHE_MAX) {
      long now = clock.millis();
      cache.values().removeIf(t -> t <= now);
      if (cache.size() >= CACHE_MAX) {
        // only lookups are lost: the store still knows
        cache.clear();
      }
    }
    cache.put(jti, untilMs);
  }

  /** The claims of a genuine (signed by our key), unexpired token. */
  Optional<Claims> claims(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String p = token.substring(0, dot);
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sig, sign(p))) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(p));
      long exp = n.path("exp").asLong();
      String jti = n.path("jti").asText("");
      String pwd = n.path("pwd").asText("");
      // tokens from before ids and fingerprints could be neither revoked nor tied to a password
      if (exp < clock.instant().getEpochSecond() || jti.isEmpty() || pwd.isEmpty() || !n.path("sub").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new Claims(n.path("sub").asText(), jti, pwd, exp));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * A short keyed digest of a password hash: equal for tokens issued under the same hash, and
   * telling nothing about the hash (or the password) to whoever reads a token.
   */
  private String fingerprint(String hash) {
    byte[] d = sign("password-hash\0" + hash);
    byte[] shortened = new byte[8];
    System.arraycopy(d, 0, shortened, 0, 8);
    return b64(shortened);
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
