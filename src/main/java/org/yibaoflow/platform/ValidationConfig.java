package org.yibaoflow.platform;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation's "now" is the domain clock: {@code @SaneDate}, {@code @BirthDate}, {@code @Year} and
 * {@code @PastOrPresent} judge dates by the same day as the services (tests move that clock).
 */
@Configuration
class ValidationConfig {

  @Bean
  ValidationConfigurationCustomizer domainClockForValidation(ObjectProvider<Clock> clock) {
    return configuration -> configuration.clockProvider(() -> clock.getObject());
  }
}
