package org.yibaoflow.personnel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/** R-PERS-6: the months of a suspension lie in the band the process found; a month outside is a form message. */
class PersonnelFormChecksTest {

  final PersonnelFormChecks checks = new PersonnelFormChecks();

  FormCheck.Submission months(Object chosen) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("suspensionMonths")).thenReturn(chosen);
    when(scope.getVariable("monthsMin")).thenReturn(1);
    when(scope.getVariable("monthsMax")).thenReturn(6);
    return new FormCheck.Submission("personnel-suspension-months", "huaibei", "JF-1", scope);
  }

  @Test
  void monthsInsideTheBandPassAndOutsideOrFractionalAreRefusedNamingTheBand() {
    assertThatCode(() -> checks.check(months(1L))).doesNotThrowAnyException();
    assertThatCode(() -> checks.check(months(6L))).doesNotThrowAnyException();
    for (Object wrong : new Object[] {0L, 7L, 2.5d}) {
      assertThatThrownBy(() -> checks.check(months(wrong))).as(String.valueOf(wrong))
          .isInstanceOfSatisfying(DomainRuleException.class, e -> {
            assertThat(e.field()).isEqualTo("suspensionMonths");
            assertThat(e.rule()).isEqualTo("R-PERS-6");
            assertThat(e.messageZh()).contains("1 至 6");
          });
    }
  }
}
