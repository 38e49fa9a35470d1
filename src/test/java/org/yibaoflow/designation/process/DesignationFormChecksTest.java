package org.yibaoflow.designation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.support.RegistryFixtures;

/** The 定点申请 start form across its fields (R-DES-1): a licence cannot end before it begins. */
class DesignationFormChecksTest {

  FormCheck.Submission application(String from, String until) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("institutionName")).thenReturn("淮北市测试医院");
    when(scope.getVariable("institutionType")).thenReturn("HOSPITAL");
    when(scope.getVariable("creditCode")).thenReturn(RegistryFixtures.creditCode("340600"));
    when(scope.getVariable("licenceValidFrom")).thenReturn(from);
    when(scope.getVariable("licenceValidUntil")).thenReturn(until);
    return new FormCheck.Submission("designation-application", "huaibei", null, scope);
  }

  @Test
  void aLicenceValidUntilBeforeItsStartIsRefused() {
    DesignationFormChecks checks = new DesignationFormChecks();
    assertThatCode(() -> checks.check(application("2025-01-01", "2030-12-31"))).doesNotThrowAnyException();
    assertThatCode(() -> checks.check(application("2025-01-01", null))).as("no expiry").doesNotThrowAnyException();
    assertThatThrownBy(() -> checks.check(application("2025-01-01", "2024-12-31")))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("licenceValidUntil");
          assertThat(e.messageZh()).contains("有效期");
        });
  }
}
