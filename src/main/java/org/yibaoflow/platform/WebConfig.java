package org.yibaoflow.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC wiring of the domain API: the role check on every /api operation. */
@Configuration
class WebConfig implements WebMvcConfigurer {

  private final RoleCheck roleCheck;

  WebConfig(RoleCheck roleCheck) {
    this.roleCheck = roleCheck;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(roleCheck).addPathPatterns("/api/**");
  }
}
