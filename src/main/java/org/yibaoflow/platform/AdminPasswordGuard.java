package org.yibaoflow.platform;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo profile unless an administrator password is supplied by the
 * environment. Runs before any bean exists: Camunda's starter would otherwise create the admin user
 * with the user id as password, a known password in production.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

  static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    // only a profile chosen on purpose counts: a default profile (spring.profiles.default) is no choice
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      return;
    }
    String password = environment.getProperty(PASSWORD_PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "No administrator password: set YIBAO_ADMIN_PASSWORD (or camunda.bpm.admin-user.password) "
              + "before starting yibao-flow outside the demo profile. 未设置管理员密码，拒绝启动。");
    }
    if (password.length() < 12) {
      throw new IllegalStateException(
          "The administrator password must have at least 12 characters. 管理员密码至少 12 位。");
    }
  }

  @Override
  public int getOrder() {
    // after ConfigDataEnvironmentPostProcessor, which resolves profiles and application*.yml
    return Ordered.LOWEST_PRECEDENCE;
  }
}
