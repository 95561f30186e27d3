package zoneatlas.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import zoneatlas.auth.Auth;
import zoneatlas.history.Change;

/**
 * What every writing request tells the change history besides its data: who (the verified caller),
 * why ({@code X-Change-Reason}), which request ({@code X-Request-Id}), whether it was conditional
 * ({@code If-Match}) and from which client.
 */
public final class Writes {
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_REASON = 500;

  private Writes() {}

  /** The change record's context for a request; {@code reasonParam} is a form field used when the header is absent. */
  public static Change change(Context ctx, Auth auth, Clock clock, String op, String collection, String reasonParam) {
    Auth.Principal p = auth.principal(ctx);
    String ua = ctx.header("User-Agent");
    String reason = reason(ctx);
    if (reason == null && reasonParam != null && !reasonParam.isBlank()) {
      reason = checkedReason(reasonParam.strip(), "reason");
    }
    return new Change(p.name(), p.role(), op, collection, reason, requestId(ctx), ctx.header("If-Match") != null,
        ua == null ? null : ua.substring(0, Math.min(200, ua.length())), clock.instant());
  }

  /** X-Change-Reason, percent-encoded UTF-8 so a Chinese reason survives any HTTP stack. */
  public static String reason(Context ctx) {
    String raw = ctx.header("X-Change-Reason");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v;
    try {
      v = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      throw ApiError.badParam("X-Change-Reason", "must be percent-encoded UTF-8 text (encodeURIComponent)");
    }
    return v.isEmpty() ? null : checkedReason(v, "X-Change-Reason");
  }

  private static String checkedReason(String v, String param) {
    if (v.length() > MAX_REASON) {
      throw ApiError.badParam(param, "must be at most " + MAX_REASON + " characters");
    }
    if (v.chars().anyMatch(ch -> ch < 0x20)) {
      throw ApiError.badParam(param, "must not hold control characters");
    }
    return v;
  }

  /** The client's X-Request-Id when it is a sane token, else a new one; echoed so both logs can meet. */
  public static String requestId(Context ctx) {
    String given = ctx.header("X-Request-Id");
    String id = given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.header("X-Request-Id", id);
    return id;
  }
}
