package org.yibaoflow.calendar;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's calendar: on the arrangements in the database, and the BPMN bean {@code deadlines}. */
@Configuration
class CalendarConfig {

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarStore store) {
    return new WorkingDayCalendar(store);
  }

  /** {@code ${deadlines.workingDays(10)}} and friends in timers and due dates; see {@link Deadlines}. */
  @Bean("deadlines")
  Deadlines deadlines(WorkingDayCalendar calendar, Clock clock, ProvisionalDeadlines provisional) {
    return new Deadlines(calendar, clock, provisional::record);
  }

  /** Start-up: shipped years missing from the database are loaded (R-TIME-1), then R-TIME-3 recomputation. */
  @Bean
  InitializingBean shippedArrangementsAtStartUp(ArrangementLoader loader) {
    return loader::loadShipped;
  }
}
