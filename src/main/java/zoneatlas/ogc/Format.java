package zoneatlas.ogc;

import io.javalin.http.Context;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;

/**
 * JSON or HTML for a request: the {@code f} parameter decides when given; otherwise a client
 * that asks for text/html (a browser) gets HTML and every other client (GDAL, QGIS, curl) JSON.
 */
public enum Format {
  JSON,
  HTML;

  public static Format of(Context ctx) {
    String f = Params.one(ctx, "f");
    if (f != null) {
      return switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "json", "geojson", "application/json", "application/geo+json" -> JSON;
        case "html", "text/html" -> HTML;
        default -> throw ApiError.badParam("f", "must be json or html, got '" + f + "'");
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html") ? HTML : JSON;
  }
}
