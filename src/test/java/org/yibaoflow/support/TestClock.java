package org.yibaoflow.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The domain clock of the integration suite: the system clock unless a test sets a moment (and resets it
 * afterwards). Imported by {@link IntegrationTest}, so every IT shares it and the one Spring context.
 */
public class TestClock extends Clock {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  public void set(Instant instant) {
    fixed.set(instant);
  }

  public void reset() {
    fixed.set(null);
  }

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    Instant at = fixed.get();
    return at == null ? Clock.system(zone) : Clock.fixed(at, zone);
  }

  @Override
  public Instant instant() {
    Instant at = fixed.get();
    return at == null ? Instant.now() : at;
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
