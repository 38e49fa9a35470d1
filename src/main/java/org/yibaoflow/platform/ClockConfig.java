package org.yibaoflow.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibaoflow.calendar.WorkingDayCalendar;

/** One clock for the domain, in the agencies' zone; tests replace it. */
@Configuration
class ClockConfig {

  @Bean
  Clock clock() {
    // all dates the policies speak of are dates in China: the one zone constant is the calendar's
    return Clock.system(WorkingDayCalendar.ZONE);
  }
}
