package zoneatlas.demo;

import java.util.random.RandomGenerator;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) for synthetic enterprises.
 *
 * <p>Layout: 1 registration-authority code, 1 entity-type code, 6 administrative-division code,
 * 9 organisation code (GB 11714, itself ending in a check character), 1 check character. The
 * character set is the digits and the upper-case letters without I, O, S, V, Z (31 characters);
 * the check character is {@code 31 - (sum of value(c_i) * 3^(i-1) mod 31) mod 31}.
 */
public final class SynthUscc {
  /** The 31 characters a USCC may use, in value order. */
  public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private SynthUscc() {}

  /** The GB 32100 check character for the first 17 characters of a code. */
  public static char checkChar(CharSequence first17) {
    if (first17.length() < 17) {
      throw new IllegalArgumentException("need 17 characters: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARSET.indexOf(first17.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("character not allowed in a USCC: " + first17.charAt(i));
      }
      sum += v * WEIGHTS[i];
    }
    int c = (31 - sum % 31) % 31;
    return CHARSET.charAt(c);
  }

  /** True when {@code code} has 18 allowed characters and a correct GB 32100 check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkChar(code) == code.charAt(17);
  }

  /** The GB 11714 check character of an 8-character organisation code body ('0'-'9' or 'X'). */
  static char orgCheckChar(CharSequence body8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char ch = body8.charAt(i);
      int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
      sum += v * ORG_WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  /**
   * A random, syntactically valid code for a company registered with market regulation
   * (authority 9, type 1) in {@code regionCode}. Newer-style organisation codes start with "MA".
   */
  static String random(String regionCode, RandomGenerator rnd) {
    StringBuilder org = new StringBuilder(9);
    if (rnd.nextDouble() < 0.7) {
      org.append("MA");
      while (org.length() < 8) {
        org.append(CHARSET.charAt(rnd.nextInt(CHARSET.length())));
      }
    } else {
      while (org.length() < 8) {
        org.append((char) ('0' + rnd.nextInt(10)));
      }
    }
    org.append(orgCheckChar(org));
    StringBuilder sb = new StringBuilder(18).append("91").append(regionCode).append(org);
    sb.append(checkChar(sb));
    return sb.toString();
  }
}
