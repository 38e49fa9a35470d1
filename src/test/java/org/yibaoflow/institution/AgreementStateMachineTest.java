package org.yibaoflow.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibaoflow.institution.AgreementState.ACTIVE;
import static org.yibaoflow.institution.AgreementState.DEFERRED;
import static org.yibaoflow.institution.AgreementState.EXPIRED;
import static org.yibaoflow.institution.AgreementState.NOT_RENEWED;
import static org.yibaoflow.institution.AgreementState.SETTLEMENT_SUSPENDED;
import static org.yibaoflow.institution.AgreementState.SUSPENDED;
import static org.yibaoflow.institution.AgreementState.TERMINATED;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.yibaoflow.platform.DomainRuleException;

/** The agreement state machine: every row of the table is accepted, everything else is refused. */
class AgreementStateMachineTest {

  static Stream<AgreementStateMachine.Transition> everyAllowedTransition() {
    return AgreementStateMachine.table().stream();
  }

  @ParameterizedTest
  @MethodSource("everyAllowedTransition")
  void everyRowOfTheTableIsAllowed(AgreementStateMachine.Transition t) {
    String type = AgreementStateMachine.PHARMACY_ONLY.equals(t.ruleId()) ? "PHARMACY" : "HOSPITAL";
    assertThat(AgreementStateMachine.require(t.from(), t.to(), t.cause(), t.ruleId(), type)).isEqualTo(t);
    assertThat(t.ruleId()).matches("R-[A-Z]+-[0-9]+");
    assertThat(t.causeZh()).isNotBlank();
  }

  @Test
  void tableHasNoDuplicatesAndOnlySuspensionsCount() {
    Set<String> seen = new HashSet<>();
    for (var t : AgreementStateMachine.table()) {
      assertThat(seen.add(t.from() + ">" + t.to() + ":" + t.cause() + ":" + t.ruleId())).as(t.toString()).isTrue();
      if (t.countsAsSuspension()) {
        assertThat(t.to()).isEqualTo(SUSPENDED);
      }
    }
    // suspension on the institution's own request is not a sanction (R-EVA-5)
    assertThat(AgreementStateMachine.find(ACTIVE, SUSPENDED, AgreementStateMachine.ON_REQUEST, "R-EVA-5")
        .orElseThrow().countsAsSuspension()).isFalse();
  }

  @Test
  void terminationAndNonRenewalAreFinal() {
    for (AgreementState finalState : AgreementStateMachine.FINAL) {
      for (AgreementState to : AgreementState.values()) {
        assertThat(AgreementStateMachine.allows(finalState, to)).as(finalState + " -> " + to).isFalse();
      }
    }
  }

  static Stream<Arguments> illegalTransitions() {
    return Stream.of(
        Arguments.of(TERMINATED, ACTIVE, "RECTIFIED", "R-VIO-2"),
        Arguments.of(TERMINATED, SUSPENDED, "VIOLATION", "R-VIO-2"),
        Arguments.of(NOT_RENEWED, ACTIVE, "EVALUATION_PASSED", "R-EVA-4"),
        Arguments.of(ACTIVE, DEFERRED, "OTHER", "R-EVA-4"),
        Arguments.of(ACTIVE, ACTIVE, "RECTIFIED", "R-VIO-2"),
        Arguments.of(EXPIRED, ACTIVE, "RECTIFIED", "R-VIO-2"),
        Arguments.of(DEFERRED, SUSPENDED, "VIOLATION", "R-VIO-2"),
        Arguments.of(SUSPENDED, SETTLEMENT_SUSPENDED, "VIOLATION", "R-VIO-2"));
  }

  @ParameterizedTest
  @MethodSource("illegalTransitions")
  void illegalTransitionsAreConflictsNamingTheRule(AgreementState from, AgreementState to, String cause, String rule) {
    assertThatThrownBy(() -> AgreementStateMachine.require(from, to, cause, rule, "HOSPITAL"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.field()).isEqualTo("to");
          assertThat(e.rule()).isEqualTo(rule);
        });
  }

  @Test
  void aCauseOrRuleThatDoesNotFitIsBadInput() {
    // not rectified only ends a suspension, not settlement suspension
    assertBadRequest(() -> AgreementStateMachine.require(SETTLEMENT_SUSPENDED, TERMINATED, "NOT_RECTIFIED", "R-VIO-3",
        "HOSPITAL"), "cause");
    // a real cause with the wrong rule
    assertBadRequest(() -> AgreementStateMachine.require(ACTIVE, SUSPENDED, "VIOLATION", "R-VIO-9", "HOSPITAL"),
        "ruleId");
    // R-VIO-3 is the hospitals' list, R-VIO-4 the pharmacies' [000 §一]
    assertBadRequest(() -> AgreementStateMachine.require(ACTIVE, TERMINATED, "FRAUD", "R-VIO-3", "PHARMACY"),
        "ruleId");
    assertBadRequest(() -> AgreementStateMachine.require(ACTIVE, TERMINATED, "OUT_OF_CATALOGUE", "R-VIO-4",
        "HOSPITAL"), "ruleId");
  }

  private static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DomainRuleException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.field()).isEqualTo(field);
    });
  }
}
