package zoneatlas.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-SHA256 password hashes, stored as {@code pbkdf2$iterations$salt$hash} (base64). */
public final class Passwords {
  static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
  }

  public static boolean verify(String password, String stored) {
    String[] p = stored.split("\\$");
    if (p.length != 4 || !p[0].equals("pbkdf2")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(p[2]);
    byte[] expected = Base64.getDecoder().decode(p[3]);
    byte[] actual = derive(password, salt, Integer.parseInt(p[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** The PBKDF2 iterations of a stored hash; the current default when it cannot be read. */
  static int iterations(String stored) {
    String[] p = stored.split("\\$");
    try {
      return p.length == 4 ? Integer.parseInt(p[1]) : ITERATIONS;
    } catch (NumberFormatException e) {
      return ITERATIONS;
    }
  }

  /**
   * A well-formed hash that no password matches (its "hash" part is random, derived from
   * nothing): checking a password against it costs exactly what a real check costs.
   */
  static String unmatchable(int iterations) {
    byte[] salt = new byte[16];
    byte[] hash = new byte[32];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(hash);
    return "pbkdf2$" + iterations + "$" + b64(salt) + "$" + b64(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
