package zoneatlas.http;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneatlas.Services;
import zoneatlas.auth.Auth;
import zoneatlas.config.Config;
import zoneatlas.ogc.Html;

/**
 * What guards every request before a route sees it, and every answer's security headers:
 *
 * <ul>
 *   <li>Headers on every answer, Jetty's own errors included: a Content-Security-Policy that lets
 *       pages run only this server's scripts (and the one inline script of the HTML views, by
 *       hash), load images only from here and the configured basemap hosts, and be framed by no
 *       one; {@code X-Frame-Options}, {@code X-Content-Type-Options: nosniff} (a JSON body quoting
 *       user input is never sniffed into HTML) and a Referrer-Policy that still tells tile servers
 *       the origin (Tianditu's browser keys are checked against it).
 *   <li>Errors Jetty answers before the app sees the request (a NUL byte or an ambiguous encoding
 *       in the path, a header too large) get the app's JSON error body instead of an HTML page.
 *   <li>The Host header is checked against an allow-list when links are built from it (no {@code
 *       public.url}): a request naming another host gets a 400 rather than links pointing there.
 *   <li>Writes authenticated by the login cookie must come from this server's own pages: the
 *       browser sends the cookie with a form or script another site aims here, but it also says
 *       where the request comes from ({@code Sec-Fetch-Site}, {@code Origin}, {@code Referer}).
 *       Requests with an {@code Authorization} header need no such check: no other site can make a
 *       browser send it.
 * </ul>
 */
final class Security {
  private static final Logger LOG = LoggerFactory.getLogger(Security.class);
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

  private Security() {}

  static void install(JavalinConfig cfg, Services s) {
    Headers headers = new Headers(Policy.contentSecurityPolicy(s.config));
    Hosts hosts = Hosts.from(s.config);
    String publicOrigin = origin(s.config.get("public.url"));
    // a customizer runs for every request Jetty parses, static files and 404s included
    cfg.jetty.modifyHttpConfiguration(h -> h.addCustomizer((request, responseHeaders) -> {
      headers.addTo(responseHeaders);
      return request;
    }));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(headers)));
    // a servlet filter rather than a before-handler: it runs ahead of every route, including the
    // before-handlers routes register themselves (the landing page answers "/" from one)
    cfg.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new Guard(hosts, publicOrigin)), "/*",
        EnumSet.of(DispatcherType.REQUEST)));
  }

  /** Refuses, before any route, a Host the server does not answer to and a cross-origin cookie write. */
  static final class Guard implements Filter {
    private final Hosts hosts;
    private final String publicOrigin;

    Guard(Hosts hosts, String publicOrigin) {
      this.hosts = hosts;
      this.publicOrigin = publicOrigin;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest req = (HttpServletRequest) request;
      ApiError refusal = hosts.check(req.getHeader("Host"));
      if (refusal == null) {
        refusal = checkOrigin(req, publicOrigin);
      }
      if (refusal == null) {
        chain.doFilter(request, response);
        return;
      }
      HttpServletResponse res = (HttpServletResponse) response;
      res.setStatus(refusal.status);
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      res.getOutputStream().write(WebApp.body(refusal.status, refusal.code, refusal.getMessage(), refusal.parameter,
          refusal.details).getBytes(StandardCharsets.UTF_8));
    }
  }

  // -------------------------------------------------------------------------------------------
  // headers

  /** The headers every answer carries. */
  static final class Headers {
    final Map<String, String> values;

    Headers(String csp) {
      values = Map.of(
          "Content-Security-Policy", csp,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin");
    }

    void addTo(HttpFields.Mutable fields) {
      values.forEach(fields::put);
    }
  }

  /** The Content-Security-Policy, built once from the configuration. */
  static final class Policy {
    private Policy() {}

    static String contentSecurityPolicy(Config c) {
      List<String> img = new ArrayList<>(List.of("'self'", "data:"));
      img.addAll(basemapSources(c));
      return String.join("; ",
          "default-src 'self'",
          "script-src 'self' " + Html.SCRIPT_HASH,
          // Leaflet and the map's panels position and colour elements through style attributes
          "style-src 'self' 'unsafe-inline'",
          "img-src " + String.join(" ", img),
          "connect-src 'self'",
          "font-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");
    }

    /**
     * The tile hosts of the configured basemaps, exactly: {@code {s}} in a host is expanded with the
     * subdomains the map asks Leaflet to use for that basemap (web/js/app.js).
     */
    static List<String> basemapSources(Config c) {
      Set<String> out = new LinkedHashSet<>();
      if (!c.get("basemap.tianditu.key").isBlank()) {
        out.addAll(expand("https://t{s}.tianditu.gov.cn/", "01234567", "basemap.tianditu.key"));
      }
      out.addAll(expand(c.get("basemap.osm.url"), "abc", "basemap.osm.url"));
      out.addAll(expand(c.get("basemap.amap.url"), "1234", "basemap.amap.url"));
      out.addAll(expand(c.get("basemap.wmts.url"), "01234567", "basemap.wmts.url"));
      return List.copyOf(out);
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.{}-]+(:[0-9]{1,5})?");

    static List<String> expand(String template, String subdomains, String setting) {
      String t = template.strip();
      if (t.isEmpty() || t.regionMatches(true, 0, "data:", 0, 5)) {
        return List.of();
      }
      int sep = t.indexOf("://");
      String scheme = sep < 0 ? "" : t.substring(0, sep).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        LOG.warn("{} is not an http(s) URL template; the map's Content-Security-Policy allows no host for it", setting);
        return List.of();
      }
      int end = sep + 3;
      while (end < t.length() && "/?#".indexOf(t.charAt(end)) < 0) {
        end++;
      }
      String host = t.substring(sep + 3, end);
      if (!HOST.matcher(host).matches() || host.replace("{s}", "").contains("{")) {
        LOG.warn("{}: cannot tell the tile host of '{}'; the map's Content-Security-Policy allows none for it", setting, host);
        return List.of();
      }
      if (!host.contains("{s}")) {
        return List.of(scheme + "://" + host.toLowerCase(Locale.ROOT));
      }
      List<String> out = new ArrayList<>();
      for (char sub : subdomains.toCharArray()) {
        out.add(scheme + "://" + host.replace("{s}", String.valueOf(sub)).toLowerCase(Locale.ROOT));
      }
      return out;
    }
  }

  /**
   * Jetty's answers to requests it refuses before the app sees them, as the app's JSON error body,
   * with the security headers. Jetty clears the headers of an error response, hence adding them here.
   */
  static final class JsonErrorHandler extends ErrorHandler {
    private final Headers headers;

    JsonErrorHandler(Headers headers) {
      this.headers = headers;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) throws IOException {
      headers.addTo(response.getHeaders());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      // Jetty drops the connection after refusing a request this early; saying so keeps a client
      // from sending its next request (a POST it will not retry) down a connection about to close
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, ByteBuffer.wrap(json(code, message).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      headers.addTo(fields);
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      fields.put(HttpHeader.CONNECTION, "close");
      return ByteBuffer.wrap(json(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The error document's code for a status: its reason phrase in one word, "NotFound". */
    static String codeName(int status) {
      String reason = HttpStatus.getMessage(status);
      return reason == null ? "Error" : reason.replaceAll("[^A-Za-z]", "");
    }

    static String json(int code, String message) {
      String reason = HttpStatus.getMessage(code);
      String name = codeName(code);
      String what = message == null || message.isBlank() || message.equals(reason) ? null : message;
      String description = switch (code) {
        case 400 -> "the request is malformed" + (what == null ? "" : ": " + what)
            + " (a control character or an ambiguous encoding such as %00 or %2F in the path, or a bad header)";
        case 404 -> "no such resource";
        case 414, 431 -> "the request's URI or headers are too large";
        default -> code >= 500 ? "the server could not complete this request; the error is logged"
            : (reason == null ? "HTTP " + code : reason) + (what == null ? "" : ": " + what);
      };
      return WebApp.body(code, name, description, null);
    }
  }

  // -------------------------------------------------------------------------------------------
  // hosts

  /** Which Host headers the server answers; see {@code http.allowed.hosts}. */
  static final class Hosts {
    /** Any host: links come from public.url, or the operator said so. */
    final boolean any;
    final Set<String> names;
    final List<String> suffixes;

    Hosts(boolean any, Set<String> names, List<String> suffixes) {
      this.any = any;
      this.names = names;
      this.suffixes = suffixes;
    }

    static Hosts from(Config c) {
      String setting = c.get("http.allowed.hosts").strip();
      String pub = c.get("public.url").strip();
      if (setting.equals("*") || (setting.isEmpty() && !pub.isEmpty())) {
        return new Hosts(true, Set.of(), List.of());
      }
      Set<String> names = new LinkedHashSet<>(List.of("localhost"));
      List<String> suffixes = new ArrayList<>();
      for (String raw : setting.split(",")) {
        String n = raw.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
          continue;
        }
        if (n.equals("*")) {
          throw new Config.ConfigException("http.allowed.hosts: '*' allows every host; give it alone, not in a list");
        }
        if (n.startsWith("*.")) {
          suffixes.add(n.substring(1));
        } else {
          names.add(stripBrackets(n));
        }
      }
      if (!pub.isEmpty()) {
        String h = hostOf(pub);
        if (h != null) {
          names.add(h);
        }
      }
      try {
        InetAddress local = InetAddress.getLocalHost();
        names.add(local.getHostName().toLowerCase(Locale.ROOT));
        names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
      } catch (UnknownHostException | SecurityException e) {
        // a machine without a resolvable name of its own is still reached by its addresses
      }
      return new Hosts(false, Collections.unmodifiableSet(names), List.copyOf(suffixes));
    }

    /** The refusal of a Host header, or null when it is served. */
    ApiError check(String host) {
      if (any || host == null || host.isEmpty()) {
        return null; // HTTP/1.0 without Host: links name localhost
      }
      String name = hostName(host);
      if (name != null && allowed(name)) {
        return null;
      }
      String shown = host.length() > 80 ? host.substring(0, 80) + "…" : host;
      return new ApiError(400, "InvalidHost", "Host", "Host '" + shown + "' is not one of this server's names: reach it by "
          + "one of them, or add the name to the setting http.allowed.hosts (or set public.url)",
          Map.of("description_zh", "本服务器不接受主机名“" + shown + "”：请使用服务器自己的名称或地址访问，"
              + "或由管理员将该名称加入设置 http.allowed.hosts（或设置 public.url）"));
    }

    boolean allowed(String name) {
      if (names.contains(name)) {
        return true;
      }
      for (String s : suffixes) {
        if (name.endsWith(s) && name.length() > s.length()) {
          return true;
        }
      }
      return ownAddress(name);
    }

    /** An address literal of this machine (any interface, loopback included; never the wildcard 0.0.0.0). */
    static boolean ownAddress(String name) {
      if (!name.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.%a-z]*")) {
        return false; // a name, not a literal: never looked up in DNS here
      }
      try {
        InetAddress a = InetAddress.getByName(name);
        if (a.isAnyLocalAddress()) {
          return false;
        }
        if (a.isLoopbackAddress()) {
          return true;
        }
        return NetworkInterface.getByInetAddress(a) != null;
      } catch (IOException | SecurityException e) {
        return false;
      }
    }

    /** The host of a Host header (no port, lower case, IPv6 without brackets); null when malformed. */
    static String hostName(String header) {
      String h = header.strip().toLowerCase(Locale.ROOT);
      if (h.startsWith("[")) {
        int close = h.indexOf(']');
        if (close < 0 || !(close == h.length() - 1 || h.substring(close + 1).matches(":[0-9]{1,5}"))) {
          return null;
        }
        return h.substring(1, close);
      }
      if (!h.matches("[a-z0-9._-]+(:[0-9]{1,5})?")) {
        return null;
      }
      int colon = h.indexOf(':');
      return colon < 0 ? h : h.substring(0, colon);
    }

    private static String stripBrackets(String n) {
      return n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
    }
  }

  private static String hostOf(String url) {
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? null : stripBracketsOf(h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String stripBracketsOf(String h) {
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  // -------------------------------------------------------------------------------------------
  // origins

  /**
   * The refusal of a write that carries the login cookie and no Authorization header, unless the
   * browser says it comes from this server's own pages; null when it may go on.
   */
  static ApiError checkOrigin(HttpServletRequest req, String publicOrigin) {
    if (!UNSAFE.contains(req.getMethod().toUpperCase(Locale.ROOT)) || req.getHeader("Authorization") != null) {
      return null;
    }
    boolean cookie = false;
    if (req.getCookies() != null) {
      for (jakarta.servlet.http.Cookie c : req.getCookies()) {
        cookie |= c.getName().equals(Auth.COOKIE) && c.getValue() != null && !c.getValue().isEmpty();
      }
    }
    if (!cookie || "same-origin".equalsIgnoreCase(req.getHeader("Sec-Fetch-Site"))) {
      return null;
    }
    String from = req.getHeader("Origin");
    String source = "Origin";
    if (from == null || from.isBlank()) {
      from = origin(req.getHeader("Referer"));
      source = "Referer";
    } else {
      from = origin(from);
    }
    if (from != null && (from.equals(publicOrigin) || ownOrigins(req).contains(from))) {
      return null;
    }
    String shown = from == null ? "the request names no origin" : source + " " + from;
    return new ApiError(403, "Forbidden", null, "a write signed in by cookie must come from this server's own pages ("
        + shown + "); other clients send the token in the Authorization header",
        Map.of("description_zh", "通过 Cookie 登录的写操作只能来自本服务器自己的页面；其他客户端请在 Authorization 请求头中携带令牌"));
  }

  /** This request's own origin as the browser sees it: its scheme (or the proxy's) and Host. */
  private static Set<String> ownOrigins(HttpServletRequest req) {
    String host = req.getHeader("Host");
    if (host == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    String o = origin(req.getScheme() + "://" + host);
    if (o != null) {
      out.add(o);
    }
    String proto = req.getHeader("X-Forwarded-Proto");
    if (proto != null && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))) {
      String p = origin(proto + "://" + host);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** scheme://host[:port] of a URL, lower case, default port dropped; null when there is none. */
  static String origin(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(url.strip());
      String scheme = u.getScheme();
      String host = u.getHost();
      if (scheme == null || host == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean dflt = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
