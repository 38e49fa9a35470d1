package org.yibaoflow.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Receipt codes (unguessable, stored hashed) and the public page's per-client limits. */
class ReceiptsAndRateLimitTest {

  @Test
  void receiptCodesAreLongRandomAndReadBackHoweverTyped() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String c = Receipts.newCode();
      assertThat(c).matches("([2-9A-HJ-NP-Z]{4}-){4}[2-9A-HJ-NP-Z]{4}");
      codes.add(c);
    }
    assertThat(codes).hasSize(1000);
    String code = codes.iterator().next();
    String typed = " " + code.toLowerCase().replace("-", " ") + " ";
    assertThat(Receipts.hash(typed)).isEqualTo(Receipts.hash(code)).hasSize(64).doesNotContain(code);
    assertThat(Receipts.normalise("ABCD-EFGH-JKLM-NPQR-STU")).isNull();
    assertThat(Receipts.normalise("ABCD-EFGH-JKLM-NPQR-STU1")).as("1 is not in the alphabet").isNull();
    assertThat(Receipts.normalise("x".repeat(100))).isNull();
  }

  @Test
  void aClientGetsItsReportsAndQueriesPerWindowThenWaits() {
    Instant start = Instant.parse("2026-09-18T02:00:00Z");
    PublicRateLimit limit = new PublicRateLimit(2, 3, Duration.ofHours(1), Clock.fixed(start, ZoneOffset.UTC));
    assertThat(limit.acquire(PublicRateLimit.Kind.REPORT, "10.0.0.1")).isEmpty();
    assertThat(limit.acquire(PublicRateLimit.Kind.REPORT, "10.0.0.1")).isEmpty();
    assertThat(limit.acquire(PublicRateLimit.Kind.REPORT, "10.0.0.1")).contains(Duration.ofHours(1));
    // another client, and queries, count apart
    assertThat(limit.acquire(PublicRateLimit.Kind.REPORT, "10.0.0.2")).isEmpty();
    assertThat(limit.acquire(PublicRateLimit.Kind.QUERY, "10.0.0.1")).isEmpty();

    PublicRateLimit later = new PublicRateLimit(1, 1, Duration.ofHours(1),
        Clock.fixed(start, ZoneOffset.UTC));
    assertThat(later.acquire(PublicRateLimit.Kind.QUERY, "c")).isEmpty();
    assertThat(later.acquire(PublicRateLimit.Kind.QUERY, "c")).isPresent();
  }
}
