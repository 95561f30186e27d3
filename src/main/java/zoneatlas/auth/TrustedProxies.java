package zoneatlas.auth;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import zoneatlas.config.Config;

/**
 * Who the client is and whether it came over HTTPS, believing {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only from the reverse proxies named in {@code proxy.trusted}
 * (addresses or CIDR blocks). Anyone else can write those headers, so from anyone else they are
 * ignored: otherwise a guesser would pick a fresh address for each login attempt.
 */
public final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  // hex, colons and an optional embedded IPv4: never a host name, so parsing never asks DNS
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

  private record Block(byte[] network, int bits) {
    boolean contains(byte[] a) {
      if (a.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (a[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> trusted;

  /** From the comma- or space-separated list {@code proxy.trusted}; empty: no proxy is believed. */
  public TrustedProxies(String setting) {
    List<Block> b = new ArrayList<>();
    for (String item : setting.split("[,\\s]+")) {
      if (item.isBlank()) {
        continue;
      }
      int slash = item.indexOf('/');
      byte[] net = parse(slash < 0 ? item : item.substring(0, slash));
      if (net == null) {
        throw new Config.ConfigException("proxy.trusted: '" + item + "' is not an IP address or CIDR block (host names are not looked up)");
      }
      int bits = net.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(item.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > net.length * 8) {
          throw new Config.ConfigException("proxy.trusted: bad prefix length in '" + item + "'");
        }
      }
      b.add(new Block(net, bits));
    }
    this.trusted = Collections.unmodifiableList(b);
  }

  public static TrustedProxies from(Config config) {
    return new TrustedProxies(config.get("proxy.trusted"));
  }

  /**
   * The client's address: the peer, or behind trusted proxies the right-most
   * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Entries left of it were
   * written by the client and could say anything.
   */
  public String clientAddress(Context ctx) {
    return clientAddress(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  String clientAddress(String peer, List<String> forwardedFor) {
    String client = strip(peer);
    if (!isTrusted(client)) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String h : forwardedFor) {
      hops.addAll(Arrays.asList(h.split(",")));
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = strip(hops.get(i));
      if (parse(hop) == null) {
        // not an address (a typo in a proxy's configuration, or a client's invention): stop at
        // the last hop a trusted proxy vouched for
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** Whether the browser reached us over HTTPS: directly, or through a trusted proxy that says so. */
  public boolean isHttps(Context ctx) {
    return ctx.req().isSecure() || isHttps(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-Proto"));
  }

  boolean isHttps(String peer, String forwardedProto) {
    if (forwardedProto == null || !isTrusted(strip(peer))) {
      return false;
    }
    // a chain of proxies may list one scheme per hop: the last is the one our own proxy saw
    String[] p = forwardedProto.split(",");
    return p[p.length - 1].trim().equalsIgnoreCase("https");
  }

  boolean isTrusted(String address) {
    byte[] a = parse(address);
    if (a == null) {
      return false;
    }
    for (Block b : trusted) {
      if (b.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The throttling bucket of an address: IPv4 as it is, IPv6 by its /64, since one subscriber
   * usually gets a whole /64 and could otherwise change address for every attempt.
   */
  static String bucketOf(String address) {
    byte[] a = parse(strip(address));
    if (a == null) {
      return address.toLowerCase(Locale.ROOT);
    }
    if (a.length == 16) {
      Arrays.fill(a, 8, 16, (byte) 0);
      return toText(a) + "/64";
    }
    return toText(a);
  }

  private static String toText(byte[] a) {
    try {
      return InetAddress.getByAddress(a).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Brackets and a port removed: "[::1]:80" to "::1", "1.2.3.4:5" to "1.2.3.4". */
  private static String strip(String s) {
    String t = s == null ? "" : s.trim();
    if (t.startsWith("[")) {
      int end = t.indexOf(']');
      return end < 0 ? t : t.substring(1, end);
    }
    int colon = t.indexOf(':');
    if (colon > 0 && colon == t.lastIndexOf(':')) {
      return t.substring(0, colon);
    }
    return t;
  }

  /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4); null for anything else. */
  private static byte[] parse(String s) {
    if (s != null && IPV4.matcher(s).matches()) {
      // by hand: InetAddress would look an out-of-range "999.1.1.1" up in DNS as a host name
      String[] p = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(p[i]);
        if (v > 255) {
          return null;
        }
        b[i] = (byte) v;
      }
      return b;
    }
    if (s == null || !IPV6.matcher(s).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
