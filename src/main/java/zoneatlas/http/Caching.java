package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zoneatlas.Services;
import zoneatlas.auth.Auth;
import zoneatlas.auth.Role;
import zoneatlas.layers.Layer;
import zoneatlas.store.Store;

/**
 * HTTP caching of the read-only resources that change only when the data does ({@code /collections},
 * {@code /collections/{id}}, its queryables and items, the 亩均 tables under {@code /api/efficiency}).
 *
 * <p>Their strong ETag is a hash of what the answer is made from: {@code meta.data_version} (which every
 * write, import and revert moves, on every server over one database), the path and the query string in a
 * normal order, the role when the answer depends on it, the base URL its links are written with, and the
 * request headers it is negotiated on ({@code Accept}, whether gzip is accepted). The data version is
 * one indexed row, read before the handler runs and through the same routing as the data (primary or
 * standby, see {@link Store.ReadRoute}), so a matching {@code If-None-Match} gets its 304 before any
 * query, and an answer is never labelled with a version newer than the data it holds.
 *
 * <p>{@code Cache-Control: public, max-age=0, must-revalidate} lets browsers and shared caches keep an
 * answer that is the same for everyone and ask again each time (a 304 when nothing changed); an answer
 * that differs by role, or a request that carried credentials, is {@code private} with {@code Vary:
 * Authorization, Cookie}, so no shared cache hands one user's answer to another.
 *
 * <p>A single feature ({@code …/items/{featureId}}) keeps the ETag of its version (what {@code If-Match}
 * guards edits with, see {@code FeaturesRoutes.writeItem}) and takes only the Cache-Control rule here.
 */
public final class Caching {
  /** Changed when what the same data and request give changes shape (a release that writes other bytes). */
  static final String FORMAT = "za1";
  private static final String ATTR = "zoneatlas.etag";
  private static final String ROLE_ATTR = "zoneatlas.etag.byRole";

  private Caching() {}

  /** Which answers this class tags: path pattern, and whether the answer depends on the caller's role. */
  static void install(JavalinConfig cfg, Services s) {
    // installed after Ops, whose before-handler decides where this request reads (primary or standby)
    // collections read their counts and extents where reads may go (CollectionInfo), items from the primary
    for (String p : List.of("/collections", "/collections/{id}", "/collections/{id}/queryables",
        "/collections/{id}/items")) {
      cfg.routes.before(p, ctx -> conditional(ctx, s, p.equals("/collections")
          ? s.catalog.all().stream().anyMatch(Caching::byRole) : layerByRole(s, ctx), !p.endsWith("/items")));
    }
    cfg.routes.before("/api/efficiency/*", ctx -> conditional(ctx, s, true, true));
    cfg.routes.after(ctx -> {
      String etag = ctx.attribute(ATTR);
      if (etag != null && ctx.statusCode() >= 200 && ctx.statusCode() < 300) {
        headers(ctx, etag, Boolean.TRUE.equals(ctx.attribute(ROLE_ATTR)));
      }
    });
  }

  /** Whether a layer's answers differ by role: it has columns only some roles see (one not in the catalog: assumed so). */
  private static boolean layerByRole(Services s, Context ctx) {
    String id = ctx.pathParam("id");
    return s.catalog.all().stream().filter(l -> l.id().equals(id)).findFirst().map(Caching::byRole).orElse(true);
  }

  /** Whether what a layer shows depends on the caller's role (confidential columns). */
  public static boolean byRole(Layer l) {
    return l.columns().stream().anyMatch(c -> c.confidential());
  }

  /**
   * Tags a GET or HEAD with the data version and answers 304 when the client holds that answer already.
   * {@code readsStandby}: the handler reads through {@link Store#readConnection()}, else the primary.
   */
  private static void conditional(Context ctx, Services s, boolean byRole, boolean readsStandby) throws SQLException {
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      return;
    }
    Role role = s.auth.principal(ctx).role();
    String version;
    try (Connection c = readsStandby ? s.store.readConnection() : s.store.connection()) {
      version = dataVersion(c);
    }
    String etag = tag(version, ctx.path(), normalQuery(ctx.queryParamMap()), byRole ? role.name() : "*",
        base(ctx, s), String.valueOf(ctx.header("Accept")), gzip(ctx) ? "gzip" : "identity");
    ctx.attribute(ATTR, etag);
    ctx.attribute(ROLE_ATTR, byRole);
    if (matches(ctx.header("If-None-Match"), etag)) {
      headers(ctx, etag, byRole);
      ctx.status(304);
      ctx.skipRemainingHandlers();
    }
  }

  /** The data version every cache keys on ({@code meta.data_version}); "0" before any data was loaded. */
  public static String dataVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT val FROM meta WHERE name = 'data_version'")) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  /** A strong ETag: the quoted hash of {@code parts} (each one length-prefixed, so no two lists collide). */
  public static String tag(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(FORMAT.getBytes(StandardCharsets.UTF_8));
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        md.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        md.update(b);
      }
      return "\"" + HexFormat.of().formatHex(md.digest(), 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The query string in a normal order: names sorted, each name's values in the order given (they may matter). */
  static String normalQuery(Map<String, List<String>> params) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(params).forEach((k, vs) -> {
      for (String v : vs) {
        sb.append(k.length()).append(':').append(k).append('=').append(v.length()).append(':').append(v).append('&');
      }
    });
    return sb.toString();
  }

  /**
   * Whether an If-None-Match header names {@code etag} ({@code *} names any). Compared weakly, as RFC
   * 9110 says for If-None-Match: {@code W/"x"} matches {@code "x"}.
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
        .map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
  }

  /**
   * ETag, Cache-Control and Vary of a cached answer (or its 304). {@code byRole}: the answer differs by
   * the caller's role.
   */
  public static void headers(Context ctx, String etag, boolean byRole) {
    ctx.header("ETag", etag);
    cacheControl(ctx, byRole);
  }

  /** Cache-Control and Vary: public only when the answer is the same for everyone and no credentials came. */
  public static void cacheControl(Context ctx, boolean byRole) {
    List<String> vary = new ArrayList<>(List.of("Accept", "Accept-Encoding"));
    if (byRole || credentialed(ctx)) {
      ctx.header("Cache-Control", "private, max-age=0, must-revalidate");
      vary.add("Authorization");
      vary.add("Cookie");
    } else {
      ctx.header("Cache-Control", "public, max-age=0, must-revalidate");
    }
    ctx.header("Vary", String.join(", ", vary));
  }

  /** The request carries credentials: a bearer token or the login cookie. */
  static boolean credentialed(Context ctx) {
    return ctx.header("Authorization") != null || ctx.cookie(Auth.COOKIE) != null;
  }

  /** The client takes gzip: the bytes it gets differ, so their ETag must too. */
  public static boolean gzip(Context ctx) {
    String ae = ctx.header("Accept-Encoding");
    return ae != null && ae.toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  /** The base URL links are written with (public.url, else scheme and Host), as the handlers make it. */
  private static String base(Context ctx, Services s) {
    String pub = s.config.get("public.url");
    return pub.isBlank() ? ctx.scheme() + "://" + ctx.header("Host") : pub;
  }
}
