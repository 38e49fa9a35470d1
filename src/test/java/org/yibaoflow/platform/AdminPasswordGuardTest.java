package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile no user with a known password may exist: no password, no start. */
class AdminPasswordGuardTest {

  private final AdminPasswordGuard guard = new AdminPasswordGuard();
  private final SpringApplication application = new SpringApplication();

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, application))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("YIBAO_ADMIN_PASSWORD");
  }

  @Test
  void refusesABlankOrShortPassword() {
    MockEnvironment blank = new MockEnvironment().withProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "  ");
    assertThatThrownBy(() -> guard.postProcessEnvironment(blank, application)).isInstanceOf(IllegalStateException.class);
    MockEnvironment shortOne = new MockEnvironment().withProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "admin");
    assertThatThrownBy(() -> guard.postProcessEnvironment(shortOne, application))
        .hasMessageContaining("12");
  }

  @Test
  void startsWithAPasswordFromTheEnvironment() {
    MockEnvironment env = new MockEnvironment().withProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "a-long-secret-4711");
    assertThatCode(() -> guard.postProcessEnvironment(env, application)).doesNotThrowAnyException();
  }

  @Test
  void theDemoProfileNeedsNone() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(env, application)).doesNotThrowAnyException();
  }

  /** A default profile is nobody's choice: the jar run without a profile is production (issue 13). */
  @Test
  void aDefaultDemoProfileIsNoChoice() {
    MockEnvironment byDefault = new MockEnvironment();
    byDefault.setDefaultProfiles("demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(byDefault, application))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("YIBAO_ADMIN_PASSWORD");
  }
}
