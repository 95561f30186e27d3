package zoneatlas.http;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download: the file name in the reader's language (a
 * Chinese one for a Chinese reader) per RFC 6266 / RFC 5987 ({@code filename*=UTF-8''…}), and an
 * ASCII name in {@code filename} for clients that do not read the other. Stateless.
 */
public final class Downloads {
  private Downloads() {}

  /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded-name}. */
  public static String attachment(String name, String asciiName) {
    StringBuilder b = new StringBuilder();
    for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return "attachment; filename=\"" + ascii(asciiName) + "\"; filename*=UTF-8''" + b;
  }

  /** A name safe inside the quoted ASCII {@code filename}: letters, digits and . _ - only. */
  public static String ascii(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    return s.isEmpty() ? "download" : s;
  }

  /** A piece of a file name without the characters file systems refuse (\ / : * ? " < > |) or spaces. */
  public static String part(String s) {
    return s == null ? "" : s.strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
  }
}
