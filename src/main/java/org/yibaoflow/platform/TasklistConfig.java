package org.yibaoflow.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web wiring that makes Tasklist work on this application's tasks (issue 15). */
@Configuration
class TasklistConfig {

  /** Before Camunda's own filters, on both routes to the task resource: the webapp API and /engine-rest. */
  @Bean
  FilterRegistrationBean<TaskUpdateBodyFilter> taskUpdateBodyFilter() {
    FilterRegistrationBean<TaskUpdateBodyFilter> registration = new FilterRegistrationBean<>(new TaskUpdateBodyFilter());
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setName("taskUpdateBodyFilter");
    return registration;
  }

  /** A refused form answered with its Chinese message alone (400), on both routes to the engine API. */
  @Bean
  FilterRegistrationBean<FormErrorFilter> formErrorFilter() {
    FilterRegistrationBean<FormErrorFilter> registration = new FilterRegistrationBean<>(new FormErrorFilter());
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    registration.setName("formErrorFilter");
    return registration;
  }
}
