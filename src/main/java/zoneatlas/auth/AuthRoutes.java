package zoneatlas.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import zoneatlas.Services;
import zoneatlas.http.ApiError;
import zoneatlas.http.RouteModule;

/** POST /api/login, POST /api/logout, GET /api/me. */
public final class AuthRoutes implements RouteModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Auth auth;

  public AuthRoutes(Services s) {
    this.auth = s.auth;
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
      String token = auth.login(body.get("username").asText(), body.get("password").asText())
          .orElseThrow(() -> ApiError.unauthorized("wrong username or password"));
      Auth.Principal p = auth.verify(token);
      Cookie c = new Cookie(Auth.COOKIE, token);
      c.setHttpOnly(true);
      c.setMaxAge((int) auth.ttlSeconds());
      c.setPath("/");
      c.setSameSite(SameSite.LAX);
      ctx.cookie(c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("token", token);
      m.put("username", p.name());
      m.put("role", p.role().name());
      m.put("expiresIn", auth.ttlSeconds());
      ctx.json(m);
    });
    r.post("/api/logout", ctx -> {
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
