package org.yibaoflow.support;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.yibaoflow.institution.CreditCode;
import org.yibaoflow.personnel.IdNumber;

/** Fresh, valid and unique identifiers for integration tests that create their own records. */
public final class RegistryFixtures {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 1000);

  private RegistryFixtures() {
  }

  /** H or P followed by 11 digits, unique within the test run. */
  public static String institutionCode(String type) {
    return ("HOSPITAL".equals(type) ? "H" : "P") + String.format("%011d", SEQ.incrementAndGet() % 100_000_000_000L);
  }

  /** A valid GB 32100 credit code: 91 + the admin code + 9 random characters + the check character. */
  public static String creditCode(String adminCode) {
    StringBuilder b = new StringBuilder("91").append(adminCode);
    for (int i = 0; i < 9; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.append(CreditCode.checkCharacter(b.toString())).toString();
  }

  /** A valid GB 11643 ID number born on 1980-01-01 plus up to 20 years. */
  public static String idNumber(String addressCode) {
    String birth = String.format("%04d%02d%02d", 1960 + RANDOM.nextInt(40), 1 + RANDOM.nextInt(12),
        1 + RANDOM.nextInt(28));
    String first17 = addressCode + birth + String.format("%03d", RANDOM.nextInt(1000));
    return first17 + IdNumber.checkCharacter(first17);
  }

  public static String nationalCode(String letter) {
    return letter + String.format("%013d", SEQ.incrementAndGet());
  }
}
