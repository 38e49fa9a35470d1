package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login throttle's counting: limits, blocks that end, a success that clears, names compared ignoring case. */
class LoginThrottleTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-03-02T01:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final LoginThrottle throttle = new LoginThrottle(20, 5, 10, Duration.ofMinutes(15), Duration.ofMinutes(5), clock);

  @Test
  void theFifthFailureOfAClientForANameBlocksItForTheBlockTime() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("a", "zhangjing");
    }
    assertThat(throttle.check("a", "zhangjing")).isEmpty();
    throttle.failed("a", "ZhangJing ");
    assertThat(throttle.check("a", "zhangjing")).hasValueSatisfying(
        r -> assertThat(r.retryAfterSeconds()).isEqualTo(300));
    assertThat(throttle.check("b", "zhangjing")).as("another client").isEmpty();
    assertThat(throttle.check("a", "chenmin")).as("another name").isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(throttle.check("a", "zhangjing")).as("the block is over").isEmpty();
    throttle.failed("a", "zhangjing");
    assertThat(throttle.check("a", "zhangjing")).as("within the window the next failure blocks again").isPresent();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("a", "zhangjing");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    throttle.failed("a", "zhangjing");
    assertThat(throttle.check("a", "zhangjing")).isEmpty();
  }

  @Test
  void aSuccessClearsTheClientsFailuresForTheName() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("a", "zhangjing");
    }
    throttle.succeeded("a", "zhangjing");
    throttle.failed("a", "zhangjing");
    assertThat(throttle.check("a", "zhangjing")).isEmpty();
  }

  @Test
  void aClientWithTwentyFailuresWaitsForEveryName() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("a", "user" + i);
    }
    assertThat(throttle.check("a", "somebody-else")).isPresent();
  }

  @Test
  void aNameUnderAttackHoldsBackTheClientsThatFailedForItOnly() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("c" + i, "chenmin");
    }
    assertThat(throttle.check("c0", "chenmin")).isPresent();
    assertThat(throttle.check("desk", "chenmin")).isEmpty();
  }
}
