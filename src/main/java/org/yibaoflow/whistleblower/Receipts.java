package org.yibaoflow.whistleblower;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Receipt codes (受理回执码) a reporter asks about progress with: 20 characters from a 32-letter alphabet without
 * look-alikes (100 bits from {@link SecureRandom}), shown as 5 groups of 4. Unguessable, unrelated to the report
 * number; only its SHA-256 hash is stored, so a database reader cannot ask as the reporter either.
 */
final class Receipts {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Receipts() {
  }

  static String newCode() {
    StringBuilder b = new StringBuilder(LENGTH + 4);
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  /** The code as typed (any case, with or without dashes and spaces) normalised; null when it cannot be one. */
  static String normalise(String typed) {
    if (typed == null || typed.length() > 40) {
      return null;
    }
    String c = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (c.length() != LENGTH) {
      return null;
    }
    for (char ch : c.toCharArray()) {
      if (new String(ALPHABET).indexOf(ch) < 0) {
        return null;
      }
    }
    return c;
  }

  /** The last 4 characters of the normalised code, which address the reward notice (the rest stays secret). */
  static String tail(String code) {
    String c = normalise(code);
    if (c == null) {
      throw new IllegalArgumentException("not a receipt code");
    }
    return c.substring(LENGTH - 4);
  }

  /** SHA-256 of the normalised code, hex. */
  static String hash(String code) {
    String c = normalise(code);
    if (c == null) {
      throw new IllegalArgumentException("not a receipt code");
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
