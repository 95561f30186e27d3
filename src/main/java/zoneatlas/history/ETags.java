package zoneatlas.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Strong entity tags of features, for optimistic locking (OGC API - Features Part 4, RFC 9110).
 *
 * <p>A tag is {@code "<state>-<variant>"}: the state names one version of one feature (collection,
 * id, version number and the instant it began, so a feature deleted and made again never repeats a
 * tag); the variant names the representation (format, CRS, what the role may see), because a strong
 * tag must differ between representations that differ. A precondition ({@code If-Match}) is about
 * the feature's state, so it compares the state part only: a tag from a GET in EPSG:4547 guards a
 * PATCH sent in CRS84.
 */
public final class ETags {
  private ETags() {}

  /** The state part of the tags of one version of a feature. */
  public static String state(String collection, String id, int version, Instant validFrom) {
    String key = collection + "\n" + id + "\n" + version + "\n" + validFrom.truncatedTo(ChronoUnit.MICROS);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "v" + version + "." + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The header value: the state and a short code of the representation. */
  public static String tag(String state, String variant) {
    return "\"" + state + "-" + variant + "\"";
  }

  /**
   * Whether an If-Match header holds for the current state: {@code *} holds for any existing feature;
   * otherwise one of the listed strong tags must carry this state. Weak tags never hold (RFC 9110
   * requires the strong comparison here).
   */
  public static boolean matches(String ifMatch, String currentState) {
    for (String raw : ifMatch.split(",")) {
      String t = raw.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/") || t.length() < 2 || !t.startsWith("\"") || !t.endsWith("\"")) {
        continue;
      }
      String inner = t.substring(1, t.length() - 1);
      int dash = inner.lastIndexOf('-');
      String state = dash < 0 ? inner : inner.substring(0, dash);
      if (state.equals(currentState)) {
        return true;
      }
    }
    return false;
  }

  /** True when an If-Match header is present and holds nothing usable, e.g. {@code "} or an empty list. */
  public static boolean malformed(String ifMatch) {
    for (String raw : ifMatch.split(",")) {
      String t = raw.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).matches("\"[^\"]*\"")) {
        return false;
      }
    }
    return true;
  }
}
