package zoneatlas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON body of a request, with its media type checked first: a body in another type (a form, a
 * file) gets 415 rather than being read as if it were JSON, and every parse failure is a 400 naming
 * the body.
 */
public final class JsonBody {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the API's own JSON routes take; no Content-Type at all counts as JSON (scripts, curl --json). */
  public static final Set<String> PLAIN = Set.of("application/json", "");

  private JsonBody() {}

  /** A JSON object sent as one of {@code mediaTypes} (lower case, no parameters; "" for none). */
  public static JsonNode object(Context ctx, Set<String> mediaTypes) {
    String ct = ctx.contentType();
    String mt = ct == null ? "" : ct.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaTypes.contains(mt)) {
      throw new ApiError(415, "UnsupportedMediaType", "Content-Type", "Content-Type must be "
          + String.join(" or ", mediaTypes.stream().filter(t -> !t.isEmpty()).sorted().toList()) + ", got '"
          + (ct == null ? "" : ct) + "'");
    }
    JsonNode n;
    try {
      n = JSON.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw ApiError.badParam("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badParam("body", "could not be read: " + e.getMessage());
    }
    if (n == null || n.isMissingNode()) {
      throw ApiError.badParam("body", "is empty: a JSON object is required");
    }
    if (!n.isObject()) {
      throw ApiError.badParam("body", "must be a JSON object");
    }
    return n;
  }
}
