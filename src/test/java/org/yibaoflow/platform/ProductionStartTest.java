package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.yibaoflow.Application;

/**
 * {@code java -jar yibao-flow.jar} with no profile is production: the real application, with its real
 * application.yml, refuses to start without an administrator password (no demo users, no {@code demo/demo}).
 */
class ProductionStartTest {

  @Test
  void theApplicationWithoutProfileAndPasswordRefusesToStart() {
    SpringApplication app = new SpringApplication(Application.class);
    // the password is named empty so an environment variable on the build machine cannot make the test pass
    assertThatThrownBy(() -> app.run("--server.port=0", "--camunda.bpm.admin-user.password=",
        "--spring.datasource.url=jdbc:h2:mem:production-start"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("YIBAO_ADMIN_PASSWORD");
  }
}
