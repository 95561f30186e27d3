package zoneatlas.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.config.Config;

/**
 * Users from the configuration ({@code auth.user.NAME = ROLE:HASH}) and signed, expiring tokens
 * (HMAC-SHA256 over a small JSON payload). No session is kept on the server: any server that
 * shares {@code auth.secret} accepts the token, so several can run behind a load balancer.
 */
public final class Auth {
  private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String COOKIE = "za_token";
  private final Map<String, User> users = new LinkedHashMap<>();
  private final byte[] secret;
  private final long ttlSeconds;
  private final Clock clock;

  public record User(String name, Role role, String hash) {}

  /** A verified caller. */
  public record Principal(String name, Role role) {
    public static final Principal ANONYMOUS = new Principal(null, Role.anonymous);
  }

  public Auth(Config config, Clock clock) {
    this.clock = clock;
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
  }

  /** Checks a password; the token on success. */
  public Optional<String> login(String name, String password) {
    User u = name == null ? null : users.get(name);
    if (u == null || password == null || !Passwords.verify(password, u.hash())) {
      return Optional.empty();
    }
    return Optional.of(issue(u.name(), u.role()));
  }

  public String issue(String name, Role role) {
    long exp = clock.instant().getEpochSecond() + ttlSeconds;
    String payload = "{\"sub\":" + quote(name) + ",\"role\":\"" + role.name() + "\",\"exp\":" + exp + "}";
    String p = b64(payload.getBytes(StandardCharsets.UTF_8));
    return p + "." + b64(sign(p));
  }

  /** The caller a token stands for; anonymous when it is absent, forged or expired. */
  public Principal verify(String token) {
    if (token == null || token.isBlank()) {
      return Principal.ANONYMOUS;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Principal.ANONYMOUS;
    }
    String p = token.substring(0, dot);
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Principal.ANONYMOUS;
    }
    if (!MessageDigest.isEqual(sig, sign(p))) {
      return Principal.ANONYMOUS;
    }
    try {
      JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(p));
      if (n.path("exp").asLong() < clock.instant().getEpochSecond()) {
        return Principal.ANONYMOUS;
      }
      User u = users.get(n.path("sub").asText());
      // a user removed from the configuration loses access at once
      if (u == null) {
        return Principal.ANONYMOUS;
      }
      return new Principal(u.name(), Role.parse(n.path("role").asText()));
    } catch (Exception e) {
      return Principal.ANONYMOUS;
    }
  }

  /** The caller of a request: Authorization: Bearer TOKEN, else the za_token cookie. */
  public Principal principal(Context ctx) {
    String h = ctx.header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return verify(h.substring(7).trim());
    }
    return verify(ctx.cookie(COOKIE));
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
