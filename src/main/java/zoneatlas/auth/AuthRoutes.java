package zoneatlas.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;

/** POST /api/login, POST /api/logout, GET /api/me. */
public final class AuthRoutes implements RouteModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Auth auth;
  private final LoginThrottle throttle;
  private final TrustedProxies proxies;

  public AuthRoutes(Services s) {
    this.auth = s.auth;
    this.throttle = new LoginThrottle(s.store, s.config, Clock.systemUTC());
    this.proxies = TrustedProxies.from(s.config);
  }

  @Override
  public void register(RoutesConfig r) {
    r.post("/api/login", ctx -> {
      JsonNode body;
      try {
        body = JSON.readTree(ctx.body());
      } catch (Exception e) {
        throw ApiError.badParam("body", "must be JSON like {\"username\":\"...\",\"password\":\"...\"}");
      }
      if (body == null || !body.hasNonNull("username") || !body.hasNonNull("password")) {
        throw ApiError.badParam(body == null || !body.hasNonNull("username") ? "username" : "password", "is required");
      }
      String username = body.get("username").asText();
      // before the password is checked, so a throttled guesser costs no key derivation
      LoginThrottle.Attempt attempt = throttle.begin(username, proxies.clientAddress(ctx));
      if (attempt.retryAfterSeconds > 0) {
        ctx.header("Retry-After", String.valueOf(attempt.retryAfterSeconds));
        throw attempt.refusal();
      }
      String token = auth.login(username, body.get("password").asText()).orElse(null);
      if (token == null) {
        attempt.failed();
        throw ApiError.unauthorized("wrong username or password");
      }
      attempt.succeeded();
      Auth.Principal p = auth.verify(token);
      Cookie c = new Cookie(Auth.COOKIE, token);
      c.setHttpOnly(true);
      c.setMaxAge((int) auth.ttlSeconds());
      c.setPath("/");
      c.setSameSite(SameSite.LAX);
      // only over HTTPS: a Secure cookie set over plain HTTP (a laptop, a demo) would be dropped
      c.setSecure(proxies.isHttps(ctx));
      ctx.cookie(c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("token", token);
      m.put("username", p.name());
      m.put("role", p.role().name());
      m.put("expiresIn", auth.ttlSeconds());
      ctx.json(m);
    });
    r.post("/api/logout", ctx -> {
      // the bearer token and the cookie's, when they differ: after a logout neither should work
      String token = Auth.token(ctx);
      auth.revoke(token);
      String cookie = ctx.cookie(Auth.COOKIE);
      if (cookie != null && !cookie.equals(token)) {
        auth.revoke(cookie);
      }
      ctx.removeCookie(Auth.COOKIE, "/");
      ctx.status(204);
    });
    r.get("/api/me", ctx -> {
      Auth.Principal p = auth.principal(ctx);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("username", p.name());
      m.put("role", p.role().name());
      m.put("seesConfidential", p.role().seesConfidential());
      ctx.json(m);
    });
  }
}
