package zoneatlas.basemap;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneatlas.Services;
import zoneatlas.config.Config;
import zoneatlas.http.ApiError;
import zoneatlas.http.Params;
import zoneatlas.http.RouteModule;
import zoneatlas.ogc.FeaturesRoutes;

/**
 * The map's basemaps that this server serves itself, so a map on an intranet needs no outside host:
 * <ul>
 *   <li>{@code GET /basemap/demo.geojson}: the demo basemap (administrative boundaries, rivers and
 *       main roads of the zones' cities, drawn schematic from the plan digest; {@code geodata/basemap/}),
 *       what the map shows when no other basemap is configured;
 *   <li>{@code GET /basemap/tiles/{z}/{x}/{y}} (an extension such as {@code .png} or {@code .pbf} may
 *       follow) and {@code GET /basemap/tiles.json} (TileJSON 3.0): the tiles of the offline package
 *       named by {@code basemap.package} (MBTiles or PMTiles, raster or vector).
 * </ul>
 */
public final class BasemapRoutes implements RouteModule {
  static final String DEMO = "geodata/basemap/demo-basemap.geojson";
  private static final Pattern ROW = Pattern.compile("([0-9]{1,8})(\\.[a-z]{3,4})?");
  private final Services s;
  private final TilePackage pkg;
  private final String stamp;
  private volatile byte[] demo;
  private volatile String demoTag;

  public BasemapRoutes(Services s) {
    this.s = s;
    this.pkg = s.basemap;
    this.stamp = pkg == null ? "" : stamp(s.config.get("basemap.package"));
  }

  /**
   * Opens the package {@code basemap.package} names, or returns null when it names none. A file that
   * is missing or unreadable stops the server at start-up, naming it.
   */
  public static TilePackage openConfigured(Config c) {
    String file = c.get("basemap.package").strip();
    if (file.isEmpty()) {
      return null;
    }
    try {
      return TilePackage.open(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw new Config.ConfigException("basemap.package: " + e.getMessage());
    }
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/basemap/demo.geojson", this::demo);
    r.get("/basemap/tiles.json", this::tileJson);
    r.get("/basemap/tiles/{z}/{x}/{y}", this::tile);
  }

  void demo(Context ctx) {
    Params.onlyKnown(ctx, Set.of(), k -> false);
    byte[] body = demoBytes();
    String tag = "\"" + demoTag + "\"";
    ctx.header("ETag", tag).header("Cache-Control", "public, max-age=3600");
    if (tag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/geo+json").result(body);
  }

  private byte[] demoBytes() {
    byte[] b = demo;
    if (b == null) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO)) {
        if (in == null) {
          throw new IllegalStateException("the demo basemap " + DEMO + " is missing from the build");
        }
        b = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      demoTag = sha(b);
      demo = b;
    }
    return b;
  }

  void tileJson(Context ctx) {
    Params.onlyKnown(ctx, Set.of(), k -> false);
    TilePackage.Info i = requirePackage().info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tilejson", "3.0.0");
    m.put("name", i.name());
    if (!i.attribution().isBlank()) {
      m.put("attribution", i.attribution());
    }
    m.put("tiles", List.of(FeaturesRoutes.base(ctx, s) + "/basemap/tiles/{z}/{x}/{y}"));
    m.put("scheme", "xyz");
    m.put("minzoom", i.minZoom());
    m.put("maxzoom", i.maxZoom());
    if (i.bounds() != null) {
      m.put("bounds", i.bounds());
    }
    m.put("format", i.format());
    m.put("package", i.kind());
    if (i.vector()) {
      m.put("vector_layers", i.vectorLayers());
    }
    ctx.header("Cache-Control", "public, max-age=300").json(m);
  }

  void tile(Context ctx) throws IOException {
    Params.onlyKnown(ctx, Set.of(), k -> false);
    TilePackage p = requirePackage();
    int z = number(ctx.pathParam("z"), "z", 30);
    int x = number(ctx.pathParam("x"), "x", Integer.MAX_VALUE);
    Matcher row = ROW.matcher(ctx.pathParam("y"));
    if (!row.matches()) {
      throw ApiError.badParam("y", "must be a tile row (a whole number, optionally followed by an extension such as .png)");
    }
    int y = number(row.group(1), "y", Integer.MAX_VALUE);
    long n = 1L << z;
    if (x >= n) {
      throw ApiError.badParam("x", "must be below 2^z (" + n + ") at zoom " + z);
    }
    if (y >= n) {
      throw ApiError.badParam("y", "must be below 2^z (" + n + ") at zoom " + z);
    }
    String tag = "\"" + stamp + "-" + z + "-" + x + "-" + y + "\"";
    // the file only changes when a deployer replaces it, and then the stamp changes too
    ctx.header("ETag", tag).header("Cache-Control", "public, max-age=86400");
    if (tag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    byte[] data = p.tile(z, x, y);
    if (data == null) {
      // nothing there: an empty answer the map draws as nothing, not an error
      ctx.status(204);
      return;
    }
    ctx.contentType(p.info().mediaType()).result(data);
  }

  private TilePackage requirePackage() {
    if (pkg == null) {
      throw ApiError.notFound("no offline tile package is configured (set basemap.package to an .mbtiles or .pmtiles file)");
    }
    return pkg;
  }

  private static int number(String v, String name, int max) {
    try {
      int i = Integer.parseInt(v);
      if (i >= 0 && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ApiError.badParam(name, "must be a whole number from 0" + (max == Integer.MAX_VALUE ? "" : " to " + max));
  }

  private static String stamp(String file) {
    try {
      Path p = Path.of(file.strip());
      return Long.toString(Files.getLastModifiedTime(p).toMillis(), 36) + Long.toString(Files.size(p), 36);
    } catch (IOException e) {
      return "0";
    }
  }

  private static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
